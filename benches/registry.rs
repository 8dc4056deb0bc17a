//! Criterion benchmarks generated from the registry: every registered scheme ×
//! operation on the quick suite's parameters. `cargo bench --bench registry --
//! ed25519` filters as usual. The CLI (`ledgerbench run`) stays the source of
//! truth for reports; this is for criterion users' familiar output.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ledgerbench_harness::plan::{RunConfig, Suite, plan};

fn registry_benches(c: &mut Criterion) {
    let registry = ledgerbench::registry();
    let config = RunConfig {
        suite: Suite::Quick,
        schemes: Vec::new(),
        families: Vec::new(),
        ops: Vec::new(),
        msg_lens: None,
        batches: None,
        sizes: None,
        threads: 1,
        seed: 1,
        partition: None,
    };
    let jobs = plan(&registry, &config).expect("the default plan is valid");
    let mut gated = std::collections::HashMap::new();
    for job in jobs {
        let id = job.entry.id();
        let passed = *gated.entry(id.clone()).or_insert_with(|| {
            let gate = job.entry.gate(config.seed);
            if !gate.passed() {
                eprintln!(
                    "{id}: correctness gate {} — not benchmarked",
                    gate.describe()
                );
            }
            gate.passed()
        });
        if !passed {
            continue;
        }
        let mut prepared = match job.entry.prepare(job.op, &job.params, config.seed) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{}: {e}", job.key());
                continue;
            }
        };
        let name = format!("{}/{}", job.op, job.params.label());
        c.benchmark_group(&id)
            .bench_function(name.trim_end_matches('/'), |b| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    prepared.run(iters).expect("a gated operation runs");
                    start.elapsed()
                })
            });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = registry_benches
}
criterion_main!(benches);
