//! The sector advisor behind `ledgerbench recommend`: which combinations of
//! a profile's roles fit a budget, what each costs, and which are on the
//! Pareto front.
//!
//! 1. [`combos`] lists every registered combination of the profile's roles
//!    and the constraints a combination breaks before anything is measured
//!    (post-quantum class, security floor, the capabilities its policies
//!    need).
//! 2. [`plan`] names the workload runs to measure: the profile's defaults
//!    and every single-role swap that passes those constraints, so a
//!    profile with r roles of k candidates costs about r·k runs, not k^r.
//! 3. [`advise`] takes the workload records (measured now or read with
//!    `--from`), gives each combination its figures — from its own record,
//!    or composed from the swaps ([`figures`]) — checks every constraint
//!    with the 95% intervals carried through ([`evaluate`]), ranks the
//!    feasible set and marks its Pareto front.

pub mod combos;
pub mod constraints;
pub mod evaluate;
pub mod figures;

use std::collections::BTreeMap;

use combos::{Roles, StaticBreak, candidates, combinations, security, static_break, uses};
use constraints::Constraints;
use evaluate::{Recommendation, Scenario, Source, rank};
use figures::Measured;

use crate::results::Status;
use crate::workload::profile::Profile;
use crate::workload::run::WorkloadRecord;
use crate::{Entry, Registry};

/// The first static break of a combination (roles in order).
fn first_static_break(
    profile: &Profile,
    roles: &Roles,
    registry: &Registry,
    c: &Constraints,
) -> Option<StaticBreak> {
    let uses = uses(profile);
    roles.iter().find_map(|(role, id)| {
        let entry: Entry = registry.get(id)?;
        static_break(profile, role, *uses.get(role)?, entry, c)
    })
}

/// The role assignments to measure: the profile's own, then each single-role
/// swap whose scheme passes the static constraints (full-suite-only
/// schemes, whose operations take seconds, only with `include_slow`).
pub fn plan(
    profile: &Profile,
    registry: &Registry,
    c: &Constraints,
    include_slow: bool,
) -> Vec<Roles> {
    let uses = uses(profile);
    let mut out = vec![profile.roles.clone()];
    for (role, entries) in candidates(profile, registry) {
        for e in entries {
            if e.id() == profile.roles[&role] {
                continue;
            }
            if static_break(profile, &role, uses[&role], e, c).is_some()
                || (e.full_suite_only() && !include_slow)
            {
                continue;
            }
            let mut r = profile.roles.clone();
            r.insert(role.clone(), e.id());
            out.push(r);
        }
    }
    out
}

/// The recommendation for every combination, ranked, with the front marked.
pub fn advise(
    profile: &Profile,
    registry: &Registry,
    c: &Constraints,
    records: &[WorkloadRecord],
) -> Vec<Recommendation> {
    let uses = uses(profile);
    let measured: BTreeMap<&Roles, Measured> = records
        .iter()
        .filter(|r| r.profile == profile.name && r.status == Status::Ok)
        .map(|r| (&r.roles, Measured::of(r)))
        .collect();
    let base = measured.get(&profile.roles);
    let scenario = Scenario {
        profile,
        constraints: c,
    };
    let mut recs: Vec<Recommendation> = combinations(&candidates(profile, registry))
        .into_iter()
        .map(|roles| {
            let sec = security(&roles, &uses, registry);
            let statics = first_static_break(profile, &roles, registry, c);
            let figures = if statics.is_some() {
                None
            } else if let Some(m) = measured.get(&roles) {
                Some((m.clone(), Source::Direct))
            } else {
                compose(profile, &roles, &uses, base, &measured).map(|m| (m, Source::Composed))
            };
            let unmeasured = unmeasured_reason(profile, &roles, registry, records);
            scenario.evaluate(
                roles,
                sec,
                statics,
                figures.as_ref().map(|(m, s)| (m, *s)),
                &unmeasured,
            )
        })
        .collect();
    rank(&mut recs);
    recs
}

/// Why a combination has no figures: a slow scheme left out of the plan, a
/// record that ended in an error, or no record at all.
fn unmeasured_reason(
    profile: &Profile,
    roles: &Roles,
    registry: &Registry,
    records: &[WorkloadRecord],
) -> String {
    // The records this combination's figures would come from.
    let mut needed = vec![roles.clone(), profile.roles.clone()];
    for (role, id) in roles {
        let mut r = profile.roles.clone();
        r.insert(role.clone(), id.clone());
        needed.push(r);
    }
    if let Some(failed) = records
        .iter()
        .find(|r| r.status != Status::Ok && needed.contains(&r.roles))
    {
        return format!(
            "the workload run with {} ended in {}: {}",
            failed
                .roles
                .iter()
                .map(|(r, id)| format!("{r}={id}"))
                .collect::<Vec<_>>()
                .join(" "),
            failed.status,
            failed.error.as_deref().unwrap_or("")
        );
    }
    if let Some(slow) = roles
        .values()
        .find(|id| registry.get(id).is_some_and(|e| e.full_suite_only()))
    {
        return format!("{slow} is a full-suite-only (slow) scheme; `--include-slow` measures it");
    }
    "no workload record for this combination or the single-role swaps it is composed from".into()
}

/// `anchor + Σ (swap − base)` over the roles that differ from the defaults.
fn compose(
    profile: &Profile,
    roles: &Roles,
    uses: &BTreeMap<String, crate::workload::resolve::Use>,
    base: Option<&Measured>,
    measured: &BTreeMap<&Roles, Measured>,
) -> Option<Measured> {
    let base = base?;
    let mut swapped: Vec<&String> = roles
        .keys()
        .filter(|r| roles[*r] != profile.roles[*r])
        .collect();
    // Signature roles first: the anchor's strategies follow its signature scheme.
    swapped.sort_by_key(|r| uses.get(*r).copied());
    let swap_of = |role: &String| {
        let mut r = profile.roles.clone();
        r.insert(role.clone(), roles[role].clone());
        measured.get(&r)
    };
    let (first, rest) = swapped.split_first()?;
    let anchor = swap_of(first)?;
    let others: Vec<&Measured> = rest.iter().map(|r| swap_of(r)).collect::<Option<_>>()?;
    Some(Measured::compose(anchor, base, &others))
}
