//! Resolving a profile's roles to registered schemes, with overrides.

use std::collections::BTreeMap;

use super::profile::Profile;
use crate::registry::suggest;
use crate::{Entry, Error, Registry, Result};

/// What a role is used for, which decides the kit it must provide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Use {
    /// Signs transactions.
    Signature,
    /// Encapsulates envelope keys (a KEM).
    Envelope,
    /// Proves statements (a proof system).
    Proof,
    /// Hashes the block's Merkle tree, paths and manifests.
    Merkle,
}

impl Use {
    /// `a signature scheme`, `a KEM`...
    pub fn describe(self) -> &'static str {
        match self {
            Use::Signature => "a signature scheme",
            Use::Envelope => "a KEM",
            Use::Proof => "a proof system",
            Use::Merkle => "a hash function",
        }
    }

    /// Whether `entry` provides the kit this use needs.
    pub fn satisfied_by(self, entry: Entry) -> bool {
        match self {
            Use::Signature => entry.sig_kit().is_some(),
            Use::Envelope => entry.kem_kit().is_some(),
            Use::Proof => entry.zk_kit().is_some(),
            Use::Merkle => entry.hash_kit().is_some(),
        }
    }
}

/// Parses `ROLE=ID` pairs from the command line.
pub fn parse_assignments(pairs: &[String]) -> Result<Vec<(String, String)>> {
    pairs
        .iter()
        .map(|p| {
            p.split_once('=')
                .map(|(r, id)| (r.trim().to_string(), id.trim().to_string()))
                .filter(|(r, id)| !r.is_empty() && !id.is_empty())
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "`{p}` is not ROLE=SCHEME (e.g. sig=ml-dsa-65/rustcrypto)"
                    ))
                })
        })
        .collect()
}

/// Role → scheme id after applying `overrides` to the profile's defaults.
pub fn assign(
    profile: &Profile,
    overrides: &[(String, String)],
) -> Result<BTreeMap<String, String>> {
    let mut roles = profile.roles.clone();
    for (role, id) in overrides {
        match roles.get_mut(role) {
            Some(slot) => *slot = id.clone(),
            None => {
                let names: Vec<String> = profile.roles.keys().cloned().collect();
                return Err(Error::Usage(format!(
                    "profile `{}` has no role `{role}`; its roles: {}",
                    profile.name,
                    names.join(", ")
                )));
            }
        }
    }
    Ok(roles)
}

/// Every role the profile's transactions use, with what for (the Merkle
/// hash first; a role used twice is listed twice).
pub fn role_uses(profile: &Profile) -> Vec<(&str, Use)> {
    let mut uses: Vec<(&str, Use)> = vec![("merkle", Use::Merkle)];
    for tx in &profile.txs {
        uses.push((&tx.signature.role, Use::Signature));
        uses.extend(
            tx.envelope
                .as_ref()
                .map(|e| (e.role.as_str(), Use::Envelope)),
        );
        uses.extend(tx.proof.as_ref().map(|p| (p.role.as_str(), Use::Proof)));
    }
    uses
}

/// Looks every role up in the registry and checks it can play its part.
pub fn resolve(
    profile: &Profile,
    roles: &BTreeMap<String, String>,
    registry: &Registry,
) -> Result<BTreeMap<String, Entry>> {
    let mut resolved = BTreeMap::new();
    for (role, usage) in role_uses(profile) {
        let id = roles
            .get(role)
            .ok_or_else(|| Error::Usage(format!("role `{role}` is not assigned")))?;
        let entry = registry.get(id).ok_or_else(|| {
            Error::Usage(format!(
                "role `{role}`: scheme `{id}` is not registered; {}",
                suggest(id, &registry.ids())
            ))
        })?;
        if !usage.satisfied_by(entry) {
            return Err(Error::Usage(format!(
                "role `{role}` needs {}, but `{id}` is a {} scheme",
                usage.describe(),
                entry.info().family
            )));
        }
        resolved.insert(role.to_string(), entry);
    }
    Ok(resolved)
}
