//! Headline ZK figures on this machine, through the harness engine (the same
//! `prepare` + `measure` path the CLI uses):
//!
//! - prove and verify for depth-20 Merkle membership on Groth16 (BLS12-381,
//!   BN254) and halo2, with proof sizes;
//! - prove time of the synthetic circuit at 2¹⁶ constraints/rows with 1 thread
//!   and with every core.
//!
//! ```text
//! cargo run --release --example zk_headline
//! cargo run --release --example zk_headline -- <id> <op> <size> <threads>
//! ```

use ledgerbench_harness::engine::{EngineConfig, measure};
use ledgerbench_harness::{Entry, Op, Params};

fn find(id: &str) -> Result<Entry, String> {
    ledgerbench::registry()
        .get(id)
        .ok_or_else(|| format!("no scheme {id}"))
}

fn run(id: &str, op: Op, size: usize, threads: usize) -> Result<(), String> {
    let entry = find(id)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| e.to_string())?;
    let params = Params {
        size: Some(size),
        ..Params::default()
    };
    let (m, sizes) = pool.install(|| {
        let mut prepared = entry.prepare(op, &params, 42).map_err(|e| e.to_string())?;
        let sizes = prepared.sizes();
        let m =
            measure(prepared.as_mut(), &EngineConfig::quick(), 42).map_err(|e| e.to_string())?;
        Ok::<_, String>((m, sizes))
    })?;
    let sizes: Vec<String> = sizes.iter().map(|(k, v)| format!("{k}={v}")).collect();
    println!(
        "{id:<36} {op:<7} size={size:<3} threads={threads} median={:>10.3} ms  min={:>10.3} ms  n={:<3} {}",
        m.ns.median / 1e6,
        m.ns.min / 1e6,
        m.ns.n,
        sizes.join(" ")
    );
    Ok(())
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [id, op, size, threads] = args.as_slice() {
        let op = Op::parse(op).ok_or_else(|| format!("unknown op {op}"))?;
        let size = size.parse().map_err(|_| "size: not a number")?;
        let threads = threads.parse().map_err(|_| "threads: not a number")?;
        return run(id, op, size, threads);
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for id in [
        "groth16-bls12-381-merkle/arkworks",
        "groth16-bn254-merkle/arkworks",
        "halo2-ipa-merkle/halo2",
    ] {
        for op in [Op::Prove, Op::Verify] {
            run(id, op, 20, cores)?;
        }
    }
    for id in [
        "groth16-bls12-381-synthetic/arkworks",
        "groth16-bn254-synthetic/arkworks",
        "halo2-ipa-synthetic/halo2",
    ] {
        for threads in [1, cores] {
            run(id, Op::Prove, 16, threads)?;
        }
    }
    Ok(())
}
