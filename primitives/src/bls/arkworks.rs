//! `bls12-381-minpk/arkworks`: BLS written in this crate on `ark-bls12-381`.
//!
//! Hash-to-G2 is ark-ec's `MapToCurveBasedHasher` with the Wahby–Boneh map
//! (`WBMap`, the SSWU map on an isogenous curve) and ark-ff's XMD field hasher
//! over SHA-256 — the `BLS12381G2_XMD:SHA-256_SSWU_RO_` suite. Verification
//! is one two-pairing product check, `e(-g1, sig) · e(pk, H(m)) == 1`. Points
//! are encoded in the zcash compressed format ark-bls12-381 implements, which
//! is the format `blst` and the draft use.

use ark_bls12_381::{Bls12_381, Fr, G1Affine, G2Affine, G2Projective, g2};
use ark_ec::hashing::HashToCurve;
use ark_ec::hashing::curve_maps::wb::WBMap;
use ark_ec::hashing::map_to_curve_hasher::MapToCurveBasedHasher;
use ark_ec::pairing::Pairing;
use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::field_hashers::DefaultFieldHasher;
use ark_ff::{BigInteger, PrimeField};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use ark_std::Zero;
use hmac::{Hmac, KeyInit, Mac};
use ledgerbench_core::{
    Aggregate, BenchRng, Error, Family, Implementation, Result, SchemeInfo, Security,
    SignatureScheme,
};
use rand_core::Rng;
use sha2::{Digest, Sha256};

use super::{
    BlsMinPk, DST_POP, DST_POP_PROOF, PUBLIC_KEY_LEN, SECRET_KEY_LEN, SIGNATURE_LEN, SIZES,
    STANDARD, check_aggregate_shape,
};

/// BLS12-381 min-pk signatures, proof-of-possession ciphersuite, implemented
/// in this crate on arkworks (scheme id `bls12-381-minpk/arkworks`).
///
/// Keys are `Fr` scalars and affine points; decoding validates points
/// (subgroup, not identity). Not constant-time: arkworks' scalar
/// multiplication branches on the scalar.
#[derive(Clone, Copy, Debug, Default)]
pub struct ArkMinPk;

/// Hash-to-G2, `BLS12381G2_XMD:SHA-256_SSWU_RO_` (k = 128).
type G2Hasher = MapToCurveBasedHasher<
    G2Projective,
    DefaultFieldHasher<sha2_010::Sha256, 128>,
    WBMap<g2::Config>,
>;

fn hash_to_g2_point(msg: &[u8], dst: &[u8]) -> Result<G2Affine> {
    let hasher = G2Hasher::new(dst).map_err(|e| Error::op("hash to G2", e))?;
    hasher.hash(msg).map_err(|e| Error::op("hash to G2", e))
}

/// Accepts when `e(g1, sig) == Π e(pk_i, h_i)`, checked as one multi-pairing
/// `e(-g1, sig) · Π e(pk_i, h_i) == 1`.
fn pairing_check(sig: &G2Affine, pks: &[G1Affine], hashes: &[G2Affine]) -> Result<()> {
    let g1s = std::iter::once(-G1Affine::generator()).chain(pks.iter().copied());
    let g2s = std::iter::once(*sig).chain(hashes.iter().copied());
    if Bls12_381::multi_pairing(g1s, g2s).is_zero() {
        Ok(())
    } else {
        Err(Error::Verification)
    }
}

/// Compressed encoding of a point.
fn compress<T: CanonicalSerialize>(point: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(point.compressed_size());
    point
        .serialize_compressed(&mut out)
        .expect("serializing into a Vec cannot fail");
    out
}

/// Decodes a compressed point of `len` bytes: canonical field elements, valid
/// flags, on the curve, in the prime-order subgroup, not the identity.
fn decompress<T: CanonicalDeserialize + AffineRepr>(
    what: &'static str,
    bytes: &[u8],
    len: usize,
) -> Result<T> {
    if bytes.len() != len {
        return Err(Error::decode(
            what,
            format!("{} bytes, expected {len}", bytes.len()),
        ));
    }
    let point = T::deserialize_compressed(bytes).map_err(|e| Error::decode(what, e))?;
    if point.is_zero() {
        return Err(Error::decode(what, "the identity point"));
    }
    Ok(point)
}

/// HMAC-SHA-256 of the concatenated `parts`.
fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC accepts keys of any length");
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// The draft's `KeyGen(IKM)` with empty `key_info` (section 2.3, draft-05):
/// HKDF-SHA-256 with salt `H("BLS-SIG-KEYGEN-SALT-")`, re-hashed while the
/// result is zero; `L = 48` output bytes reduced mod r.
fn keygen_from_ikm(ikm: &[u8]) -> Result<Fr> {
    if ikm.len() < 32 {
        return Err(Error::op("keygen", "IKM must be at least 32 bytes"));
    }
    const L: u8 = 48;
    let info: [u8; 2] = [0, L]; // key_info || I2OSP(L, 2)
    let mut salt: [u8; 32] = Sha256::digest(b"BLS-SIG-KEYGEN-SALT-").into();
    loop {
        let prk = hmac_sha256(&salt, &[ikm, &[0]]); // HKDF-Extract(salt, IKM || I2OSP(0, 1))
        let t1 = hmac_sha256(&prk, &[&info, &[1]]); // HKDF-Expand, T(1) and T(2)
        let t2 = hmac_sha256(&prk, &[&t1, &info, &[2]]);
        let mut okm = [0u8; L as usize];
        okm[..32].copy_from_slice(&t1);
        okm[32..].copy_from_slice(&t2[..16]);
        let sk = Fr::from_be_bytes_mod_order(&okm);
        if !sk.is_zero() {
            return Ok(sk);
        }
        salt = Sha256::digest(salt).into();
    }
}

impl SignatureScheme for ArkMinPk {
    type SecretKey = Fr;
    type PublicKey = G1Affine;
    type Signature = G2Affine;

    const INFO: SchemeInfo = SchemeInfo {
        name: "bls12-381-minpk",
        family: Family::Sig,
        implementation: Implementation {
            id: "arkworks",
            krate: "ark-bls12-381",
            backend: "portable Rust (ark-ff without asm)",
        },
        standard: STANDARD,
        security: Security::ClassicalBits(128),
        deterministic: true,
        constant_time: false,
        sizes: SIZES,
        note: "scheme code in ledgerbench-primitives on arkworks 0.6; \
               nominal 128-bit (NFS estimates ~117-126 bits)",
    };

    fn keygen(rng: &mut BenchRng) -> Result<(Fr, G1Affine)> {
        let mut ikm = [0u8; 32];
        rng.fill_bytes(&mut ikm);
        let sk = Self::secret_key_from_ikm(&ikm)?;
        Ok((sk, Self::public_key(&sk)))
    }

    fn sign(sk: &Fr, msg: &[u8], _rng: &mut BenchRng) -> Result<G2Affine> {
        Self::sign_with_dst(sk, msg, DST_POP)
    }

    fn verify(pk: &G1Affine, msg: &[u8], sig: &G2Affine) -> Result<()> {
        Self::verify_with_dst(pk, msg, sig, DST_POP)
    }

    fn encode_public_key(pk: &G1Affine) -> Vec<u8> {
        compress(pk)
    }

    fn decode_public_key(bytes: &[u8]) -> Result<G1Affine> {
        decompress("public key", bytes, PUBLIC_KEY_LEN)
    }

    fn encode_secret_key(sk: &Fr) -> Vec<u8> {
        sk.into_bigint().to_bytes_be()
    }

    fn encode_signature(sig: &G2Affine) -> Vec<u8> {
        compress(sig)
    }

    fn decode_signature(bytes: &[u8]) -> Result<G2Affine> {
        decompress("signature", bytes, SIGNATURE_LEN)
    }
}

impl Aggregate for ArkMinPk {
    fn aggregate_signatures(sigs: &[&G2Affine]) -> Result<G2Affine> {
        if sigs.is_empty() {
            return Err(Error::op("aggregate signatures", "no signatures"));
        }
        Ok(sigs.iter().copied().sum::<G2Projective>().into_affine())
    }

    fn aggregate_public_keys(pks: &[&G1Affine]) -> Result<G1Affine> {
        if pks.is_empty() {
            return Err(Error::op("aggregate public keys", "no public keys"));
        }
        Ok(pks
            .iter()
            .copied()
            .sum::<ark_bls12_381::G1Projective>()
            .into_affine())
    }

    fn verify_aggregate(pks: &[&G1Affine], msgs: &[&[u8]], sig: &G2Affine) -> Result<()> {
        Self::verify_aggregate_with_dst(pks, msgs, sig, DST_POP)
    }

    fn prove_possession(sk: &Fr, pk: &G1Affine) -> Result<G2Affine> {
        Self::sign_with_dst(sk, &compress(pk), DST_POP_PROOF)
    }

    fn verify_possession(pk: &G1Affine, proof: &G2Affine) -> Result<()> {
        Self::verify_with_dst(pk, &compress(pk), proof, DST_POP_PROOF)
    }
}

impl BlsMinPk for ArkMinPk {
    fn secret_key_from_bytes(bytes: &[u8]) -> Result<Fr> {
        if bytes.len() != SECRET_KEY_LEN {
            return Err(Error::decode(
                "secret key",
                format!("{} bytes, expected {SECRET_KEY_LEN}", bytes.len()),
            ));
        }
        let sk = Fr::from_be_bytes_mod_order(bytes);
        // Reduction changed the value iff it was not below r.
        if sk.is_zero() || sk.into_bigint().to_bytes_be() != bytes {
            return Err(Error::decode(
                "secret key",
                "zero or not below the group order",
            ));
        }
        Ok(sk)
    }

    fn secret_key_from_ikm(ikm: &[u8]) -> Result<Fr> {
        keygen_from_ikm(ikm)
    }

    fn public_key(sk: &Fr) -> G1Affine {
        (G1Affine::generator() * sk).into_affine()
    }

    fn sign_with_dst(sk: &Fr, msg: &[u8], dst: &[u8]) -> Result<G2Affine> {
        Ok((hash_to_g2_point(msg, dst)? * sk).into_affine())
    }

    fn verify_with_dst(pk: &G1Affine, msg: &[u8], sig: &G2Affine, dst: &[u8]) -> Result<()> {
        if pk.is_zero() {
            return Err(Error::Verification);
        }
        let h = hash_to_g2_point(msg, dst)?;
        pairing_check(sig, &[*pk], &[h])
    }

    fn verify_aggregate_with_dst(
        pks: &[&G1Affine],
        msgs: &[&[u8]],
        sig: &G2Affine,
        dst: &[u8],
    ) -> Result<()> {
        check_aggregate_shape(pks.len(), msgs.len())?;
        if pks.iter().any(|pk| pk.is_zero()) {
            return Err(Error::Verification);
        }
        let pks: Vec<G1Affine> = pks.iter().map(|pk| **pk).collect();
        let hashes = msgs
            .iter()
            .map(|m| hash_to_g2_point(m, dst))
            .collect::<Result<Vec<_>>>()?;
        pairing_check(sig, &pks, &hashes)
    }

    fn hash_to_g2(msg: &[u8], dst: &[u8]) -> Result<[u8; SIGNATURE_LEN]> {
        compress(&hash_to_g2_point(msg, dst)?)
            .try_into()
            .map_err(|_| Error::op("hash to G2", "compressed G2 point is not 96 bytes"))
    }
}
