//! `ledgerbench list`: the registered schemes with implementation, standard,
//! security, sizes and suite.

use ledgerbench_harness::plan::parse_family;
use ledgerbench_harness::{Error, Registry, Result};

use super::summary;

/// Prints the registered schemes as a table or JSON.
pub(super) fn list(registry: &Registry, family: Option<&str>, json: bool) -> Result<i32> {
    let family = family.map(parse_family).transpose()?;
    let entries: Vec<_> = registry
        .entries()
        .iter()
        .copied()
        .filter(|e| family.is_none_or(|f| e.info().family == f))
        .collect();
    let build = crate::build_info();
    if json {
        let rows: Vec<serde_json::Value> = entries
            .iter()
            .map(|e| {
                let info = e.info();
                serde_json::json!({
                    "id": e.id(),
                    "info": info,
                    "crate_version": build.locked.get(info.implementation.krate),
                    "ops": e.ops(),
                    "quick_suite": !e.full_suite_only(),
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows).map_err(|e| Error::op("serialize", e))?;
        println!("{text}");
    } else {
        print!("{}", summary::scheme_table(&entries, &build));
    }
    Ok(0)
}
