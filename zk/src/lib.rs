//! Zero-knowledge proof systems for ledgerbench, each proving the statements
//! a ledger needs: confidential amounts in range, membership in an identity
//! registry, knowledge of a hash preimage, and a synthetic circuit of chosen
//! size for scaling curves.
//!
//! # Backends
//!
//! | system | library | setup | field of the circuit |
//! |---|---|---|---|
//! | Groth16 over BLS12-381 | `ark-groth16` + `ark-bls12-381` | trusted, per circuit | BLS12-381 Fr |
//! | Groth16 over BN254 | `ark-groth16` + `ark-bn254` | trusted, per circuit | BN254 Fr |
//! | halo2, IPA over Pasta | `halo2_proofs` + `halo2_gadgets` | transparent | Pallas base |
//! | Bulletproofs (Ristretto255) | `bulletproofs` (dalek) | transparent | — (range only) |
//!
//! Each statement is written once natively ([`statement`]) and once per
//! backend — arkworks R1CS gadgets ([`r1cs`]) and halo2 chips ([`plonk`]) —
//! with the same public input and the same witness meaning. Poseidon is the
//! in-circuit hash; its parameters are shared between the native hash and the
//! gadget of each backend ([`poseidon`]).
//!
//! # Scheme ids
//!
//! An id is `<system>-<circuit>/<impl>`:
//!
//! - `<system>`: `groth16-bls12-381`, `groth16-bn254`, `halo2-ipa`, `bulletproofs`;
//! - `<circuit>`: `range`, `merkle`, `preimage-poseidon`, `preimage-sha256`
//!   (Groth16 only, full suite only: ~30k constraints), `synthetic`;
//! - `<impl>`: `arkworks`, `halo2`, `dalek`.
//!
//! so `ledgerbench list --family zk` shows every backend × circuit, and a glob
//! such as `'*-merkle/*'` selects one statement across backends:
//!
//! ```text
//! groth16-bls12-381-{range,merkle,preimage-poseidon,preimage-sha256,synthetic}/arkworks
//! groth16-bn254-{range,merkle,preimage-poseidon,preimage-sha256,synthetic}/arkworks
//! halo2-ipa-{range,merkle,preimage-poseidon,synthetic}/halo2
//! bulletproofs-range/dalek
//! ```
//!
//! # Operations and the size parameter
//!
//! `setup`, `prove` and `verify` are swept over `--size`, whose meaning
//! depends on the circuit (Groth16 entries also offer `verify-batch`, swept
//! over `--batch` at the gate size):
//!
//! | circuit | size means | quick | full |
//! |---|---|---|---|
//! | `range` | outputs (amounts) per proof | 1 (Bulletproofs 1, 8) | 1, 2, 4, 8 |
//! | `merkle` | tree depth | 10 | 10, 20, 27 |
//! | `preimage-*` | — | — | — |
//! | `synthetic` | log2 of constraints / rows | 10 | 10, 12, 14, 16 |
//!
//! `synthetic` of size k fills the backend's 2ᵏ evaluation domain: 2ᵏ − 2
//! R1CS constraints for Groth16 (its two input rows complete the domain),
//! 2ᵏ minus the blinding rows for halo2. The full suite stops at 2¹⁶ (a
//! Groth16 prove there takes seconds, a halo2 prove tens of seconds on two
//! cores); `--size 18` extends the sweep (2¹⁸ fits easily in memory).
//!
//! Measurements report sizes in **bytes** of `proof`, `public` (the encoded
//! public input), and the keys — `pk` and `vk` for Groth16, `params` (the
//! IPA or Bulletproofs generators) for the transparent systems, whose
//! libraries do not serialize keys — and one **count**, not bytes:
//! `constraints` (R1CS) or `rows` (halo2 rows used).
//!
//! # Malleability: what a ledger must do
//!
//! Groth16 proofs are re-randomizable: from a valid proof anyone can compute
//! another valid proof of the same statement, with different bytes, without
//! the witness (see the `malleability` test). A ledger must therefore
//!
//! - never use a proof (or a hash of it) as a transaction id, a replay guard
//!   or a deduplication key — use the statement (a nullifier, the committed
//!   outputs) instead;
//! - bind each proof to its transaction: make the transaction hash (or the
//!   signer's key) a public input, or cover the proof and its public inputs
//!   with the transaction's signature, so a re-randomized proof cannot be
//!   moved into another transaction.
//!
//! halo2 and Bulletproofs proofs are Fiat–Shamir transcripts; they are bound
//! to their public inputs, and binding to the transaction works the same way
//! (the Bulletproofs transcript label is [`bulletproofs::TRANSCRIPT_LABEL`];
//! a ledger appends its transaction context).
//!
//! # Example
//!
//! ```
//! use ledgerbench_core::{ProofSystem, bench_rng};
//! use ledgerbench_zk::bulletproofs::Bulletproofs;
//!
//! let mut rng = bench_rng(7, "doc");
//! let (pk, vk) = Bulletproofs::setup(2, &mut rng)?; // two outputs
//! let (public, witness) = Bulletproofs::statement(2, &mut rng)?;
//! let proof = Bulletproofs::prove(&pk, &public, &witness, &mut rng)?;
//! Bulletproofs::verify(&vk, &public, &proof)?;
//! assert_eq!(Bulletproofs::encode_proof(&proof).len(), 32 * (2 * 7 + 9));
//! # Ok::<(), ledgerbench_core::Error>(())
//! ```
#![forbid(unsafe_code)]

pub mod bulletproofs;
pub mod groth16;
pub mod halo2;
pub mod plonk;
pub mod poseidon;
pub mod r1cs;
pub mod schemes;
pub mod statement;

pub use schemes::catalog;
