//! The registry: every scheme entry, selected by glob, with helpful errors.

use globset::Glob;

use crate::dynamic::Entry;
use crate::{Error, Family, Result};

/// All registered schemes. Implementation crates expose a `catalog` function
/// (see [`Catalog`](crate::Catalog)), the binary turns each into entries with
/// [`entries_of`](crate::entries_of) and concatenates them; third parties
/// [`extend`](Registry::extend) it.
#[derive(Clone, Default)]
pub struct Registry {
    entries: Vec<Entry>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds entries; a duplicate id is an error naming it. An implementation
    /// of a scheme already registered is placed after that scheme's others,
    /// so `list`, plans and reports keep a scheme's implementations together.
    pub fn extend(&mut self, entries: impl IntoIterator<Item = Entry>) -> Result<&mut Self> {
        for entry in entries {
            let id = entry.id();
            if self.get(&id).is_some() {
                return Err(Error::Usage(format!("scheme `{id}` is registered twice")));
            }
            let name = entry.info().name;
            match self.entries.iter().rposition(|e| e.info().name == name) {
                Some(last) => self.entries.insert(last + 1, entry),
                None => self.entries.push(entry),
            }
        }
        Ok(self)
    }

    /// Every entry, in registration order (a scheme's implementations together).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this exact id.
    pub fn get(&self, id: &str) -> Option<Entry> {
        self.entries.iter().copied().find(|e| e.id() == id)
    }

    /// Every scheme id.
    pub fn ids(&self) -> Vec<String> {
        self.entries.iter().map(|e| e.id()).collect()
    }

    /// Entries of a family.
    pub fn family(&self, family: Family) -> Vec<Entry> {
        self.entries
            .iter()
            .copied()
            .filter(|e| e.info().family == family)
            .collect()
    }

    /// Entries matching any of `patterns` (globs over `name/impl`; a bare name
    /// like `ed25519` matches all its implementations). No pattern selects all.
    /// A pattern matching nothing is an error listing the closest ids.
    pub fn select(&self, patterns: &[String]) -> Result<Vec<Entry>> {
        if patterns.is_empty() {
            return Ok(self.entries.clone());
        }
        let mut chosen: Vec<Entry> = Vec::new();
        for pattern in patterns {
            let matcher = Glob::new(pattern)
                .map_err(|e| Error::Usage(format!("bad scheme pattern `{pattern}`: {e}")))?
                .compile_matcher();
            let hits: Vec<Entry> = self
                .entries
                .iter()
                .copied()
                .filter(|e| matcher.is_match(e.id()) || e.info().name == pattern)
                .collect();
            if hits.is_empty() {
                return Err(Error::Usage(format!(
                    "no scheme matches `{pattern}`; {}",
                    suggest(pattern, &self.ids())
                )));
            }
            for hit in hits {
                if !chosen.iter().any(|c| c.id() == hit.id()) {
                    chosen.push(hit);
                }
            }
        }
        Ok(chosen)
    }
}

/// "did you mean …" naming the closest candidates, or listing them all when few.
pub fn suggest(input: &str, candidates: &[String]) -> String {
    let mut scored: Vec<(f64, &String)> = candidates
        .iter()
        .map(|c| {
            let name = c.split('/').next().unwrap_or(c);
            let score = strsim::jaro_winkler(input, c).max(strsim::jaro_winkler(input, name));
            (score, c)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let close: Vec<&str> = scored
        .iter()
        .filter(|(s, _)| *s > 0.75)
        .take(5)
        .map(|(_, c)| c.as_str())
        .collect();
    let all = candidates.join(", ");
    if close.is_empty() {
        format!("valid choices: {all}")
    } else {
        format!("did you mean {}? (valid choices: {all})", close.join(", "))
    }
}
