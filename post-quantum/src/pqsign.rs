//! The [`SignatureScheme`](ledgerbench_core::SignatureScheme) impl shared
//! by the pqcrypto signature crates other than ML-DSA (Falcon, SPHINCS+):
//! keys and signatures are byte arrays, and every random choice is made by
//! PQClean from operating-system randomness.

/// Checks a signature length: exactly `len` bytes when `exact`, otherwise
/// between 1 and `len` bytes.
pub(crate) fn check_sig_len(actual: usize, len: usize, exact: bool) -> Result<(), String> {
    let ok = if exact {
        actual == len
    } else {
        (1..=len).contains(&actual)
    };
    if ok {
        Ok(())
    } else if exact {
        Err(format!("expected {len} bytes, got {actual}"))
    } else {
        Err(format!("expected 1 to {len} bytes, got {actual}"))
    }
}

/// Defines a zero-sized scheme type over one pqcrypto signature module.
///
/// `$sig_len` is the signature length: exact when `$exact` is true,
/// otherwise a maximum (Falcon's compressed signatures). `$variable` marks
/// key generation and signing as variable-time (Falcon's rejection loops).
macro_rules! pqcrypto_signature {
    ($(#[$doc:meta])* $ty:ident, $($m:ident)::+, $info:expr, $sig_len:expr, exact = $exact:expr, variable_time = $variable:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;

        impl ledgerbench_core::SignatureScheme for $ty {
            type SecretKey = $($m)::+::SecretKey;
            type PublicKey = $($m)::+::PublicKey;
            type Signature = $($m)::+::DetachedSignature;

            const INFO: ledgerbench_core::SchemeInfo = $info;
            const VARIABLE_TIME_KEYGEN: bool = $variable;
            const VARIABLE_TIME_SIGN: bool = $variable;

            fn keygen(
                _rng: &mut ledgerbench_core::BenchRng,
            ) -> ledgerbench_core::Result<(Self::SecretKey, Self::PublicKey)> {
                let (pk, sk) = $($m)::+::keypair();
                Ok((sk, pk))
            }

            fn sign(
                sk: &Self::SecretKey,
                msg: &[u8],
                _rng: &mut ledgerbench_core::BenchRng,
            ) -> ledgerbench_core::Result<Self::Signature> {
                use pqcrypto_traits::sign::DetachedSignature as _;
                let sig = $($m)::+::detached_sign(msg, sk);
                crate::pqsign::check_sig_len(sig.as_bytes().len(), $sig_len, $exact)
                    .map_err(|e| ledgerbench_core::Error::op("sign", e))?;
                Ok(sig)
            }

            fn verify(
                pk: &Self::PublicKey,
                msg: &[u8],
                sig: &Self::Signature,
            ) -> ledgerbench_core::Result<()> {
                $($m)::+::verify_detached_signature(sig, msg, pk)
                    .map_err(|_| ledgerbench_core::Error::Verification)
            }

            fn encode_public_key(pk: &Self::PublicKey) -> Vec<u8> {
                use pqcrypto_traits::sign::PublicKey as _;
                pk.as_bytes().to_vec()
            }

            fn decode_public_key(bytes: &[u8]) -> ledgerbench_core::Result<Self::PublicKey> {
                use pqcrypto_traits::sign::PublicKey as _;
                $($m)::+::PublicKey::from_bytes(bytes)
                    .map_err(|e| ledgerbench_core::Error::decode("public key", e))
            }

            fn encode_secret_key(sk: &Self::SecretKey) -> Vec<u8> {
                use pqcrypto_traits::sign::SecretKey as _;
                sk.as_bytes().to_vec()
            }

            fn encode_signature(sig: &Self::Signature) -> Vec<u8> {
                use pqcrypto_traits::sign::DetachedSignature as _;
                sig.as_bytes().to_vec()
            }

            fn decode_signature(bytes: &[u8]) -> ledgerbench_core::Result<Self::Signature> {
                use pqcrypto_traits::sign::DetachedSignature as _;
                crate::pqsign::check_sig_len(bytes.len(), $sig_len, $exact)
                    .map_err(|e| ledgerbench_core::Error::decode("signature", e))?;
                $($m)::+::DetachedSignature::from_bytes(bytes)
                    .map_err(|e| ledgerbench_core::Error::decode("signature", e))
            }
        }
    };
}
pub(crate) use pqcrypto_signature;
