//! The NIST KAT randomness for liboqs, per thread.
//!
//! liboqs draws every random byte through one process-wide function pointer
//! (`OQS_randombytes`). Its KAT programs point it at the NIST AES-256
//! CTR-DRBG of the PQC submission packages (`rng.c`; liboqs keeps a copy in
//! `src/common/rand/rand_nist.c` for its test programs only, so the library
//! oqs-sys builds lacks it) seeded with the published entropy, which makes
//! key generation, encapsulation and signing reproducible. Here other
//! threads may be timing or testing liboqs schemes at the same moment, so
//! the pointer is set, once, to [`routed`]: a thread holding a [`KatRng`]
//! draws from its own DRBG, every other thread from the operating system
//! (`OQS_randombytes_system`, liboqs' default in this build without OpenSSL).

use std::cell::RefCell;
use std::sync::Once;

use aes::Aes256;
use aes::cipher::{BlockEncrypt, KeyInit};

unsafe extern "C" {
    // liboqs' system randomness (`src/common/rand/rand.c`), exported by the
    // static library but not among the bindings oqs-sys generates.
    fn OQS_randombytes_system(random_array: *mut u8, bytes_to_read: usize);
}

/// The NIST PQC KAT DRBG: AES-256 in counter mode without a derivation
/// function (`randombytes_init`, `randombytes`, `AES256_CTR_DRBG_Update` of
/// the submission packages' `rng.c`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NistDrbg {
    key: [u8; 32],
    v: [u8; 16],
}

impl NistDrbg {
    /// The DRBG seeded with a 48-byte entropy input (no personalization).
    pub fn new(entropy_input: &[u8; 48]) -> NistDrbg {
        let mut drbg = NistDrbg {
            key: [0; 32],
            v: [0; 16],
        };
        drbg.update(Some(entropy_input));
        drbg
    }

    /// The next AES-256 block of the counter, after incrementing it.
    fn next_block(&mut self, cipher: &Aes256) -> [u8; 16] {
        for byte in self.v.iter_mut().rev() {
            let (next, carry) = byte.overflowing_add(1);
            *byte = next;
            if !carry {
                break;
            }
        }
        let mut block = self.v.into();
        cipher.encrypt_block(&mut block);
        block.into()
    }

    fn update(&mut self, provided: Option<&[u8; 48]>) {
        let cipher = Aes256::new(&self.key.into());
        let mut temp = [0u8; 48];
        for chunk in temp.chunks_exact_mut(16) {
            chunk.copy_from_slice(&self.next_block(&cipher));
        }
        if let Some(data) = provided {
            temp.iter_mut().zip(data).for_each(|(t, d)| *t ^= d);
        }
        self.key.copy_from_slice(&temp[..32]);
        self.v.copy_from_slice(&temp[32..]);
    }

    /// Fills `out` (one `randombytes` call: the state is updated once at the end).
    pub fn fill(&mut self, out: &mut [u8]) {
        let cipher = Aes256::new(&self.key.into());
        for chunk in out.chunks_mut(16) {
            let block = self.next_block(&cipher);
            chunk.copy_from_slice(&block[..chunk.len()]);
        }
        self.update(None);
    }
}

thread_local! {
    /// The DRBG of the KAT this thread is running, if any.
    static THREAD_DRBG: RefCell<Option<NistDrbg>> = const { RefCell::new(None) };
}

static INSTALL: Once = Once::new();

/// liboqs' randomness: the thread's KAT DRBG while it holds one, the
/// operating system's otherwise.
extern "C" fn routed(random_array: *mut u8, bytes_to_read: usize) {
    if bytes_to_read == 0 {
        return;
    }
    let served = THREAD_DRBG.with(|d| {
        let mut d = d.borrow_mut();
        let drbg = d.as_mut()?;
        // SAFETY: liboqs passes a writable buffer of `bytes_to_read` bytes.
        drbg.fill(unsafe { std::slice::from_raw_parts_mut(random_array, bytes_to_read) });
        Some(())
    });
    if served.is_none() {
        // SAFETY: the same buffer, filled by liboqs' own default source.
        unsafe { OQS_randombytes_system(random_array, bytes_to_read) }
    }
}

/// This thread's KAT DRBG, serving liboqs' `randombytes` on this thread
/// until dropped.
pub struct KatRng {
    // Not Send: the DRBG belongs to the thread that made it.
    _thread_bound: std::marker::PhantomData<*const ()>,
}

impl KatRng {
    /// Routes this thread's liboqs randomness to a DRBG seeded with the
    /// 48-byte `entropy_input`.
    pub fn acquire(entropy_input: &[u8; 48]) -> KatRng {
        oqs::init();
        INSTALL.call_once(|| {
            // SAFETY: `routed` has the signature liboqs expects and lives forever.
            unsafe { oqs::ffi::rand::OQS_randombytes_custom_algorithm(Some(routed)) }
        });
        let rng = KatRng {
            _thread_bound: std::marker::PhantomData,
        };
        rng.seed(entropy_input);
        rng
    }

    /// Reseeds the DRBG.
    pub fn seed(&self, entropy_input: &[u8; 48]) {
        self.restore(&NistDrbg::new(entropy_input));
    }

    /// The next `n` bytes, as liboqs would draw them in one call.
    pub fn bytes(&self, n: usize) -> Vec<u8> {
        let mut out = vec![0u8; n];
        routed(out.as_mut_ptr(), n);
        out
    }

    /// The DRBG's state, to come back to after an inner reseed.
    pub fn state(&self) -> NistDrbg {
        THREAD_DRBG.with(|d| d.borrow().clone().expect("held by this KatRng"))
    }

    /// Restores a state taken with [`KatRng::state`].
    pub fn restore(&self, state: &NistDrbg) {
        THREAD_DRBG.with(|d| *d.borrow_mut() = Some(state.clone()));
    }
}

impl Drop for KatRng {
    fn drop(&mut self) {
        THREAD_DRBG.with(|d| *d.borrow_mut() = None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The DRBG is deterministic for its holder and restores its state; other
    /// threads keep drawing the system's randomness meanwhile.
    #[test]
    fn drbg_serves_only_its_holder() {
        let entropy: [u8; 48] = std::array::from_fn(|i| i as u8);
        let rng = KatRng::acquire(&entropy);
        let first = rng.bytes(48);
        let saved = rng.state();
        let second = rng.bytes(16);
        rng.restore(&saved);
        assert_eq!(rng.bytes(16), second);
        let other = std::thread::spawn(|| {
            let mut buf = [0u8; 48];
            routed(buf.as_mut_ptr(), buf.len());
            buf
        })
        .join()
        .expect("thread");
        assert_ne!(other.to_vec(), first);
        rng.seed(&entropy);
        assert_eq!(rng.bytes(48), first);
        // Every NIST PQC KAT response file opens with this `count = 0` seed:
        // the DRBG's first 48 bytes from the entropy 00 01 … 2F.
        assert_eq!(
            hex::encode_upper(&first),
            "061550234D158C5EC95595FE04EF7A25767F2E24CC2BC479D09D86DC9ABCFDE7\
             056A8C266F9EF97ED08541DBD2E1FFA1"
        );
        drop(rng);
        // Released: this thread is back on the system's randomness.
        let mut after = [0u8; 48];
        routed(after.as_mut_ptr(), after.len());
        assert_ne!(after.to_vec(), first);
    }
}
