//! `bls12-381-minpk/blst`: the `blst` library's `min_pk` API.

use ::blst::BLST_ERROR;
use ::blst::min_pk::{AggregatePublicKey, AggregateSignature, PublicKey, SecretKey, Signature};
use ledgerbench_core::{
    Aggregate, BenchRng, Error, Family, Implementation, Result, SchemeInfo, Security,
    SignatureScheme,
};
use rand_core::Rng;

use super::{
    BlsMinPk, DST_POP, DST_POP_PROOF, PUBLIC_KEY_LEN, SIGNATURE_LEN, SIZES, STANDARD,
    check_aggregate_shape,
};

/// BLS12-381 min-pk signatures, proof-of-possession ciphersuite, by `blst`
/// (scheme id `bls12-381-minpk/blst`).
///
/// Built with `blst`'s `no-threads` feature, so every operation runs on the
/// calling thread. Decoding validates points (subgroup, not identity), so
/// verification skips the subgroup checks.
#[derive(Clone, Copy, Debug, Default)]
pub struct BlstMinPk;

/// Maps a `blst` verification result to the harness's.
fn verified(err: BLST_ERROR) -> Result<()> {
    match err {
        BLST_ERROR::BLST_SUCCESS => Ok(()),
        _ => Err(Error::Verification),
    }
}

impl SignatureScheme for BlstMinPk {
    type SecretKey = SecretKey;
    type PublicKey = PublicKey;
    type Signature = Signature;

    const INFO: SchemeInfo = SchemeInfo {
        name: "bls12-381-minpk",
        family: Family::Sig,
        implementation: Implementation {
            id: "blst",
            krate: "blst",
            backend: "asm (ADX if the build host has it), no-threads",
        },
        standard: STANDARD,
        security: Security::ClassicalBits(128),
        deterministic: true,
        constant_time: true,
        sizes: SIZES,
        note: "nominal 128-bit; NFS estimates put BLS12-381 at ~117-126 bits",
    };

    fn keygen(rng: &mut BenchRng) -> Result<(SecretKey, PublicKey)> {
        let mut ikm = [0u8; 32];
        rng.fill_bytes(&mut ikm);
        let sk = Self::secret_key_from_ikm(&ikm)?;
        let pk = sk.sk_to_pk();
        Ok((sk, pk))
    }

    fn sign(sk: &SecretKey, msg: &[u8], _rng: &mut BenchRng) -> Result<Signature> {
        Ok(sk.sign(msg, DST_POP, &[]))
    }

    fn verify(pk: &PublicKey, msg: &[u8], sig: &Signature) -> Result<()> {
        Self::verify_with_dst(pk, msg, sig, DST_POP)
    }

    fn encode_public_key(pk: &PublicKey) -> Vec<u8> {
        pk.compress().to_vec()
    }

    fn decode_public_key(bytes: &[u8]) -> Result<PublicKey> {
        if bytes.len() != PUBLIC_KEY_LEN {
            return Err(Error::decode(
                "public key",
                format!("{} bytes, expected {PUBLIC_KEY_LEN}", bytes.len()),
            ));
        }
        // `key_validate`: on the curve, in the subgroup, not the identity.
        PublicKey::key_validate(bytes).map_err(|e| Error::decode("public key", format!("{e:?}")))
    }

    fn encode_secret_key(sk: &SecretKey) -> Vec<u8> {
        sk.to_bytes().to_vec()
    }

    fn encode_signature(sig: &Signature) -> Vec<u8> {
        sig.compress().to_vec()
    }

    fn decode_signature(bytes: &[u8]) -> Result<Signature> {
        if bytes.len() != SIGNATURE_LEN {
            return Err(Error::decode(
                "signature",
                format!("{} bytes, expected {SIGNATURE_LEN}", bytes.len()),
            ));
        }
        // In the subgroup and, with `true`, not the identity.
        Signature::sig_validate(bytes, true)
            .map_err(|e| Error::decode("signature", format!("{e:?}")))
    }
}

impl Aggregate for BlstMinPk {
    fn aggregate_signatures(sigs: &[&Signature]) -> Result<Signature> {
        if sigs.is_empty() {
            return Err(Error::op("aggregate signatures", "no signatures"));
        }
        // Inputs were group-checked when decoded.
        AggregateSignature::aggregate(sigs, false)
            .map(|agg| agg.to_signature())
            .map_err(|e| Error::op("aggregate signatures", format!("{e:?}")))
    }

    fn aggregate_public_keys(pks: &[&PublicKey]) -> Result<PublicKey> {
        if pks.is_empty() {
            return Err(Error::op("aggregate public keys", "no public keys"));
        }
        AggregatePublicKey::aggregate(pks, false)
            .map(|agg| agg.to_public_key())
            .map_err(|e| Error::op("aggregate public keys", format!("{e:?}")))
    }

    fn verify_aggregate(pks: &[&PublicKey], msgs: &[&[u8]], sig: &Signature) -> Result<()> {
        Self::verify_aggregate_with_dst(pks, msgs, sig, DST_POP)
    }

    fn prove_possession(sk: &SecretKey, pk: &PublicKey) -> Result<Signature> {
        Ok(sk.sign(&pk.compress(), DST_POP_PROOF, &[]))
    }

    fn verify_possession(pk: &PublicKey, proof: &Signature) -> Result<()> {
        Self::verify_with_dst(pk, &pk.compress(), proof, DST_POP_PROOF)
    }
}

impl BlsMinPk for BlstMinPk {
    fn secret_key_from_bytes(bytes: &[u8]) -> Result<SecretKey> {
        SecretKey::from_bytes(bytes).map_err(|e| Error::decode("secret key", format!("{e:?}")))
    }

    fn secret_key_from_ikm(ikm: &[u8]) -> Result<SecretKey> {
        // `key_gen` is the draft-04+ KeyGen with the iterated salt.
        SecretKey::key_gen(ikm, &[]).map_err(|e| Error::op("keygen", format!("{e:?}")))
    }

    fn public_key(sk: &SecretKey) -> PublicKey {
        sk.sk_to_pk()
    }

    fn sign_with_dst(sk: &SecretKey, msg: &[u8], dst: &[u8]) -> Result<Signature> {
        Ok(sk.sign(msg, dst, &[]))
    }

    fn verify_with_dst(pk: &PublicKey, msg: &[u8], sig: &Signature, dst: &[u8]) -> Result<()> {
        // Group checks happened on decode (`false, …, false`); blst rejects an
        // identity key (e.g. an aggregate of pk and -pk) even so.
        verified(sig.verify(false, msg, dst, &[], pk, false))
    }

    fn verify_aggregate_with_dst(
        pks: &[&PublicKey],
        msgs: &[&[u8]],
        sig: &Signature,
        dst: &[u8],
    ) -> Result<()> {
        check_aggregate_shape(pks.len(), msgs.len())?;
        verified(sig.aggregate_verify(false, msgs, dst, pks, false))
    }

    fn hash_to_g2(msg: &[u8], dst: &[u8]) -> Result<[u8; SIGNATURE_LEN]> {
        // blst has no safe hash-to-G2 wrapper; signing with the secret key 1
        // returns H(msg) itself.
        let mut one = [0u8; 32];
        one[31] = 1;
        let sk = Self::secret_key_from_bytes(&one)?;
        Ok(sk.sign(msg, dst, &[]).compress())
    }
}
