//! The registered combinations of a profile's roles, and the constraints a
//! combination meets or breaks before anything is measured (post-quantum
//! class, security floor, the capabilities its policies need).

use std::collections::BTreeMap;

use super::constraints::{Constraints, PqClass, PqRequirement, equivalent_bits, security_score};
use crate::workload::profile::{Policy, Profile};
use crate::workload::resolve::{Use, role_uses};
use crate::{Entry, Registry, Security};

/// Role → scheme id.
pub type Roles = BTreeMap<String, String>;

/// What each role is used for (a role used twice keeps its most demanding use:
/// signatures and envelopes come before proofs and hashes).
pub fn uses(profile: &Profile) -> BTreeMap<String, Use> {
    let mut out: BTreeMap<String, Use> = BTreeMap::new();
    for (role, usage) in role_uses(profile) {
        let slot = out.entry(role.to_string()).or_insert(usage);
        *slot = (*slot).min(usage);
    }
    out
}

/// The statement a proof-system entry proves: the last part of its name
/// (`groth16-bls12-381-merkle` → `merkle`); only entries proving the same
/// statement can stand in for one another.
fn statement(entry: Entry) -> &'static str {
    let name = entry.info().name;
    name.rsplit('-').next().unwrap_or(name)
}

/// Every registered entry that can play each role, the profile's own first.
pub fn candidates(profile: &Profile, registry: &Registry) -> BTreeMap<String, Vec<Entry>> {
    let mut out = BTreeMap::new();
    for (role, usage) in uses(profile) {
        let default = profile.roles.get(&role).and_then(|id| registry.get(id));
        let mut list: Vec<Entry> = default.into_iter().collect();
        for e in registry.entries() {
            if !usage.satisfied_by(*e) || default.is_some_and(|d| d.id() == e.id()) {
                continue;
            }
            if usage == Use::Proof && default.is_some_and(|d| statement(d) != statement(*e)) {
                continue;
            }
            list.push(*e);
        }
        out.insert(role, list);
    }
    out
}

/// Every combination (cartesian product over roles), in a stable order.
pub fn combinations(candidates: &BTreeMap<String, Vec<Entry>>) -> Vec<Roles> {
    let mut out = vec![Roles::new()];
    for (role, entries) in candidates {
        out = out
            .into_iter()
            .flat_map(|partial| {
                entries.iter().map(move |e| {
                    let mut r = partial.clone();
                    r.insert(role.clone(), e.id());
                    r
                })
            })
            .collect();
    }
    out
}

/// A constraint decided before measuring, and which role broke it.
#[derive(Clone, Debug, PartialEq)]
pub struct StaticBreak {
    /// `policy`, `pq` or `min-security`.
    pub constraint: &'static str,
    /// The role at fault.
    pub role: String,
    /// Why.
    pub detail: String,
}

/// The first constraint `entry` in `role` breaks without measuring, if any.
pub fn static_break(
    profile: &Profile,
    role: &str,
    usage: Use,
    entry: Entry,
    c: &Constraints,
) -> Option<StaticBreak> {
    let info = entry.info();
    let fail = |constraint, detail: String| {
        Some(StaticBreak {
            constraint,
            role: role.to_string(),
            detail,
        })
    };
    let aggregated = profile
        .txs
        .iter()
        .any(|t| t.signature.role == role && t.signature.policy == Policy::Aggregate);
    if aggregated && !entry.sig_kit().is_some_and(|k| k.aggregates()) {
        return fail(
            "policy",
            format!(
                "{} does not aggregate signatures (the profile's aggregate policy needs it)",
                entry.id()
            ),
        );
    }
    let pq_role = matches!(usage, Use::Signature | Use::Envelope);
    if pq_role {
        let class = PqClass::of(info.name, info.security);
        if !class.meets(c.pq) {
            let class = match class {
                PqClass::Classical => "classical",
                PqClass::Hybrid => "hybrid",
                PqClass::Pure => "post-quantum only",
            };
            let needs = match c.pq {
                PqRequirement::Hybrid => "--pq hybrid needs a classical + post-quantum hybrid",
                _ => "--pq required needs a post-quantum or hybrid scheme",
            };
            return fail(
                "pq",
                format!("{} is {class} ({}); {needs}", entry.id(), info.security),
            );
        }
    }
    if let Some(floor) = c.min_security
        && !floor.met_by(info.security, pq_role)
    {
        return fail(
            "min-security",
            format!("{} claims {}, below {floor}", entry.id(), info.security),
        );
    }
    None
}

/// The security of a combination: its weakest signature or KEM role (the
/// roles a post-quantum requirement applies to), as (label, score).
pub fn security(roles: &Roles, uses: &BTreeMap<String, Use>, registry: &Registry) -> (String, f64) {
    let weakest: Option<Security> = roles
        .iter()
        .filter(|(r, _)| matches!(uses.get(*r), Some(Use::Signature | Use::Envelope)))
        .filter_map(|(_, id)| registry.get(id))
        .map(|e| e.info().security)
        .min_by(|a, b| security_score(*a).total_cmp(&security_score(*b)));
    match weakest {
        Some(s) => (
            format!("{s} (~{} bits)", equivalent_bits(s)),
            security_score(s),
        ),
        None => ("–".into(), 0.0),
    }
}
