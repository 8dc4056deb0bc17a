//! The signature scheme over encoded bytes, for the workload engine: a
//! validator receives bytes, so it decodes and verifies through these.

use super::SigEntry;
use crate::dynamic::kit::{SigKit, Signer};
use crate::{Aggregate, BatchVerify, BenchRng, Result, SignatureScheme};

/// A typed key pair behind the [`Signer`] interface.
struct TypedSigner<S: SignatureScheme> {
    sk: S::SecretKey,
    pk: Vec<u8>,
}

impl<S: SignatureScheme> Signer for TypedSigner<S> {
    fn public_key(&self) -> &[u8] {
        &self.pk
    }

    fn sign(&self, msg: &[u8], rng: &mut BenchRng) -> Result<Vec<u8>> {
        S::sign(&self.sk, msg, rng).map(|s| S::encode_signature(&s))
    }
}

impl<S: SignatureScheme> SigKit for SigEntry<S> {
    fn new_signer(&self, rng: &mut BenchRng) -> Result<Box<dyn Signer>> {
        let (sk, pk) = S::keygen(rng)?;
        Ok(Box::new(TypedSigner::<S> {
            pk: S::encode_public_key(&pk),
            sk,
        }))
    }

    fn verify_encoded(&self, pk: &[u8], msg: &[u8], sig: &[u8]) -> Result<()> {
        S::verify(&S::decode_public_key(pk)?, msg, &S::decode_signature(sig)?)
    }

    fn verify_batch_encoded(&self, items: &[(&[u8], &[u8], &[u8])]) -> Option<Result<()>> {
        self.batch_encoded.map(|f| f(items))
    }

    fn batch_verifies(&self) -> bool {
        self.batch_encoded.is_some()
    }

    fn aggregates(&self) -> bool {
        self.aggregate_encoded.is_some()
    }

    fn verify_committee_encoded(
        &self,
        pks: &[&[u8]],
        msg: &[u8],
        sig: &[u8],
    ) -> Option<Result<()>> {
        self.committee_encoded.map(|f| f(pks, msg, sig))
    }

    fn aggregate_encoded(&self, sigs: &[&[u8]]) -> Option<Result<Vec<u8>>> {
        self.aggregate_encoded.map(|(f, _)| f(sigs))
    }

    fn verify_aggregate_encoded(
        &self,
        pks: &[&[u8]],
        msgs: &[&[u8]],
        sig: &[u8],
    ) -> Option<Result<()>> {
        self.aggregate_encoded.map(|(_, f)| f(pks, msgs, sig))
    }
}

fn decode_all<S: SignatureScheme>(pks: &[&[u8]]) -> Result<Vec<S::PublicKey>> {
    pks.iter().map(|pk| S::decode_public_key(pk)).collect()
}

pub(super) fn verify_batch_encoded<S: BatchVerify>(items: &[(&[u8], &[u8], &[u8])]) -> Result<()> {
    let pks = decode_all::<S>(&items.iter().map(|i| i.0).collect::<Vec<_>>())?;
    let sigs: Vec<S::Signature> = items
        .iter()
        .map(|i| S::decode_signature(i.2))
        .collect::<Result<_>>()?;
    let typed: Vec<(&S::PublicKey, &[u8], &S::Signature)> = pks
        .iter()
        .zip(items)
        .zip(&sigs)
        .map(|((pk, item), sig)| (pk, item.1, sig))
        .collect();
    S::verify_batch(&typed)
}

pub(super) fn aggregate_encoded<S: Aggregate>(sigs: &[&[u8]]) -> Result<Vec<u8>> {
    let decoded: Vec<S::Signature> = sigs
        .iter()
        .map(|s| S::decode_signature(s))
        .collect::<Result<_>>()?;
    S::aggregate_signatures(&decoded.iter().collect::<Vec<_>>()).map(|s| S::encode_signature(&s))
}

pub(super) fn verify_aggregate_encoded<S: Aggregate>(
    pks: &[&[u8]],
    msgs: &[&[u8]],
    sig: &[u8],
) -> Result<()> {
    let pks = decode_all::<S>(pks)?;
    S::verify_aggregate(
        &pks.iter().collect::<Vec<_>>(),
        msgs,
        &S::decode_signature(sig)?,
    )
}

/// Many signers of one message: their keys are aggregated, then one
/// signature check (FastAggregateVerify; proofs of possession are checked
/// once, when a committee member registers, not per block).
pub(super) fn verify_committee_encoded<S: Aggregate>(
    pks: &[&[u8]],
    msg: &[u8],
    sig: &[u8],
) -> Result<()> {
    let pks = decode_all::<S>(pks)?;
    let apk = S::aggregate_public_keys(&pks.iter().collect::<Vec<_>>())?;
    S::verify(&apk, msg, &S::decode_signature(sig)?)
}
