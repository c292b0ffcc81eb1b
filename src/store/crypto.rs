//! Passphrase protection: a protected project is a standard `age` file
//! (scrypt passphrase stanza), so the `age` command-line tool opens it with
//! the same passphrase.
//!
//! Every file written needs its own scrypt derivation (a fresh salt wraps a
//! fresh file key; reusing one would reuse the wrap's nonce). Deriving takes
//! about half a second, so a [`Protection`] keeps the next key derived on a
//! background thread: saving takes a ready key and only waits when two
//! writes come faster than one derivation.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use age::secrecy::{ExposeSecret, SecretString};
use age_core::format::{FileKey, Stanza};
use base64::Engine;
use base64::prelude::BASE64_STANDARD_NO_PAD;
use zeroize::{Zeroize, Zeroizing};

/// How every age file starts (the binary form; the armored form is read too).
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";
const ARMOR_MAGIC: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";
const SALT_LABEL: &[u8] = b"age-encryption.org/v1/scrypt";
const SALT_LEN: usize = 16;

/// The scrypt work factors accepted: below 14 a passphrase is too cheap to
/// guess at; above 20 (1 GB of memory) a file could stall the machine.
pub const MIN_WORK_FACTOR: u8 = 14;
/// See [`MIN_WORK_FACTOR`].
pub const MAX_WORK_FACTOR: u8 = 20;
/// What key derivation should cost here when a file is opened.
const TARGET_DERIVATION: Duration = Duration::from_millis(600);
/// The shortest passphrase the window accepts.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Whether `bytes` are an age file (binary or armored).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC) || trim_start(bytes).starts_with(ARMOR_MAGIC)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// Why protected bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// The passphrase does not open the file.
    WrongPassphrase,
    /// The file is encrypted to a key (an age identity), not a passphrase.
    NotPassphrase,
    /// The file's key derivation would take far longer than ours ever does.
    ExcessiveWork {
        /// The file's work factor (log2 of scrypt's N).
        found: u8,
    },
    /// The file is cut short or was altered after it was written.
    Damaged(String),
}

impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::WrongPassphrase => write!(f, "that passphrase does not open this file"),
            Self::NotPassphrase => write!(
                f,
                "this file is encrypted to an age key, not with a passphrase; \
                 decrypt it with age and your key first"
            ),
            Self::ExcessiveWork { found } => write!(
                f,
                "opening this file would need a key derivation of 2^{found} steps \
                 (at most 2^{MAX_WORK_FACTOR} are accepted)"
            ),
            Self::Damaged(detail) => write!(
                f,
                "the encrypted file is damaged or incomplete ({detail}); nothing was changed"
            ),
        }
    }
}

/// A passphrase kept out of logs and wiped from memory when dropped.
#[derive(Clone)]
pub struct Passphrase(SecretString);

impl Passphrase {
    /// Takes ownership of typed or read text.
    pub fn new(text: impl Into<String>) -> Self {
        Self(SecretString::from(text.into()))
    }

    /// Whether `typed` is this passphrase (compared in constant time for
    /// equal lengths).
    pub fn matches(&self, typed: &str) -> bool {
        let mine = self.0.expose_secret().as_bytes();
        let theirs = typed.as_bytes();
        mine.len() == theirs.len()
            && mine
                .iter()
                .zip(theirs)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }

    /// Whether two passphrases are the same.
    pub fn matches_passphrase(&self, other: &Passphrase) -> bool {
        self.matches(other.expose())
    }

    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.0.expose_secret().is_empty()
    }

    fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// One derived wrap key with its salt; used for exactly one file.
struct PreparedKey {
    salt: [u8; SALT_LEN],
    log_n: u8,
    key: Zeroizing<[u8; 32]>,
}

impl PreparedKey {
    fn derive(passphrase: &Passphrase, log_n: u8) -> Self {
        let mut salt = [0u8; SALT_LEN];
        fill_random(&mut salt);
        let key = derive_key(passphrase, &salt, log_n);
        Self { salt, log_n, key }
    }
}

fn fill_random(bytes: &mut [u8]) {
    // The operating system's generator failing is not recoverable: saving
    // with a predictable salt or key would be worse than stopping.
    #[allow(clippy::expect_used)]
    getrandom::fill(bytes).expect("the operating system's random generator failed");
}

fn derive_key(passphrase: &Passphrase, salt: &[u8; SALT_LEN], log_n: u8) -> Zeroizing<[u8; 32]> {
    let mut inner_salt = Vec::with_capacity(SALT_LABEL.len() + SALT_LEN);
    inner_salt.extend_from_slice(SALT_LABEL);
    inner_salt.extend_from_slice(salt);
    let mut key = Zeroizing::new([0u8; 32]);
    let log_n = log_n.clamp(1, MAX_WORK_FACTOR);
    if let Ok(params) = scrypt::Params::new(log_n, 8, 1, 32) {
        // The output length is the one the parameters name, so this cannot fail.
        let _ = scrypt::scrypt(
            passphrase.expose().as_bytes(),
            &inner_salt,
            &params,
            key.as_mut(),
        );
    }
    key
}

impl age::Recipient for PreparedKey {
    fn wrap_file_key(
        &self,
        file_key: &FileKey,
    ) -> Result<(Vec<Stanza>, HashSet<String>), age::EncryptError> {
        let body = age_core::primitives::aead_encrypt(&self.key, file_key.expose_secret());
        let stanza = Stanza {
            tag: "scrypt".to_owned(),
            args: vec![
                BASE64_STANDARD_NO_PAD.encode(self.salt),
                self.log_n.to_string(),
            ],
            body,
        };
        // A label of its own, as age's scrypt recipient does: a passphrase
        // stanza must be the file's only one.
        let mut label = [0u8; 16];
        fill_random(&mut label);
        let label = label.iter().map(|b| format!("{b:02x}")).collect();
        Ok((vec![stanza], std::iter::once(label).collect()))
    }
}

/// The passphrase of an open protected project, with the next file key
/// derived ahead. Cheap to clone (shared); the recovery thread holds one.
#[derive(Clone)]
pub struct Protection(Arc<Inner>);

struct Inner {
    passphrase: Passphrase,
    log_n: u8,
    next: Mutex<Option<Receiver<PreparedKey>>>,
}

impl std::fmt::Debug for Protection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Protection(work factor {})", self.0.log_n)
    }
}

impl Protection {
    /// Protection with `passphrase`, its key derivation tuned to this
    /// machine (about 0.6 s).
    pub fn new(passphrase: Passphrase) -> Self {
        Self::with_work_factor(passphrase, tuned_work_factor())
    }

    /// Protection with a given work factor (tests use the smallest).
    pub fn with_work_factor(passphrase: Passphrase, log_n: u8) -> Self {
        let protection = Self(Arc::new(Inner {
            passphrase,
            log_n: log_n.clamp(1, MAX_WORK_FACTOR),
            next: Mutex::new(None),
        }));
        protection.prepare_next();
        protection
    }

    /// The passphrase.
    pub fn passphrase(&self) -> &Passphrase {
        &self.0.passphrase
    }

    /// The work factor written into files (log2 of scrypt's N).
    pub fn work_factor(&self) -> u8 {
        self.0.log_n
    }

    fn prepare_next(&self) {
        let (sender, receiver) = channel();
        let passphrase = self.0.passphrase.clone();
        let log_n = self.0.log_n;
        let spawned = std::thread::Builder::new()
            .name("relational-key".into())
            .spawn(move || {
                let _ = sender.send(PreparedKey::derive(&passphrase, log_n));
            });
        let mut next = self
            .0
            .next
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        *next = spawned.ok().map(|_| receiver);
    }

    fn take_key(&self) -> PreparedKey {
        let pending = self
            .0
            .next
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .take();
        let key = pending
            .and_then(|receiver| receiver.recv().ok())
            .unwrap_or_else(|| PreparedKey::derive(&self.0.passphrase, self.0.log_n));
        self.prepare_next();
        key
    }

    /// `plain` as an age file readable with this passphrase.
    pub fn encrypt(&self, plain: &[u8]) -> std::io::Result<Vec<u8>> {
        let key = self.take_key();
        let encryptor = age::Encryptor::with_recipients(std::iter::once(&key as _))
            .map_err(|error| std::io::Error::other(error.to_string()))?;
        // The payload grows by 16 bytes per 64 KiB chunk, plus the header.
        let mut out = Vec::with_capacity(plain.len() + plain.len() / 4096 + 256);
        let mut writer = encryptor.wrap_output(&mut out)?;
        writer.write_all(plain)?;
        writer.finish()?;
        Ok(out)
    }
}

/// Decrypts an age file with `passphrase`; returns the plain bytes (wiped
/// when dropped) and the file's work factor, to write with the same cost.
pub fn decrypt(
    bytes: &[u8],
    passphrase: &Passphrase,
) -> Result<(Zeroizing<Vec<u8>>, u8), CryptoError> {
    let armored;
    let bytes = if trim_start(bytes).starts_with(ARMOR_MAGIC) {
        armored = dearmor(bytes)?;
        armored.as_slice()
    } else {
        bytes
    };
    let log_n = scrypt_work_factor(bytes).ok_or(CryptoError::NotPassphrase)?;
    if log_n > MAX_WORK_FACTOR {
        return Err(CryptoError::ExcessiveWork { found: log_n });
    }
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(damaged)?;
    if !decryptor.is_scrypt() {
        return Err(CryptoError::NotPassphrase);
    }
    let mut identity = age::scrypt::Identity::new(passphrase.0.clone());
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader =
        decryptor
            .decrypt(std::iter::once(&identity as _))
            .map_err(|error| match error {
                age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                    CryptoError::WrongPassphrase
                }
                age::DecryptError::ExcessiveWork { required, .. } => {
                    CryptoError::ExcessiveWork { found: required }
                }
                other => damaged(other),
            })?;
    let mut plain = Zeroizing::new(Vec::with_capacity(bytes.len()));
    reader
        .read_to_end(&mut plain)
        .map_err(|error| CryptoError::Damaged(error.to_string()))?;
    Ok((plain, log_n))
}

fn damaged(error: age::DecryptError) -> CryptoError {
    CryptoError::Damaged(error.to_string())
}

fn dearmor(bytes: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let mut reader = age::armor::ArmoredReader::new(bytes);
    let mut out = Vec::new();
    reader
        .read_to_end(&mut out)
        .map_err(|error| CryptoError::Damaged(error.to_string()))?;
    Ok(out)
}

/// The work factor of the file's scrypt stanza (the header's second line,
/// `-> scrypt SALT LOG_N`); `None` when the file has no such stanza.
fn scrypt_work_factor(bytes: &[u8]) -> Option<u8> {
    let rest = bytes.strip_prefix(AGE_MAGIC)?;
    let line_end = rest.iter().position(|&b| b == b'\n')?;
    let line = std::str::from_utf8(&rest[..line_end]).ok()?;
    let mut words = line.split(' ');
    (words.next()? == "->" && words.next()? == "scrypt").then_some(())?;
    let _salt = words.next()?;
    words.next()?.parse().ok()
}

/// The largest work factor whose derivation stays near the target here,
/// measured on a small one and scaled (cost doubles with each step).
pub fn tuned_work_factor() -> u8 {
    const PROBE: u8 = 12;
    let start = Instant::now();
    let _ = derive_key(&Passphrase::new(""), &[0; SALT_LEN], PROBE);
    let mut cost = start.elapsed().max(Duration::from_micros(100));
    let mut log_n = PROBE;
    while log_n < MAX_WORK_FACTOR && cost * 2 <= TARGET_DERIVATION {
        cost *= 2;
        log_n += 1;
    }
    log_n.max(MIN_WORK_FACTOR)
}

/// Wipes a buffer that held a plain project.
pub fn wipe(bytes: &mut Vec<u8>) {
    bytes.zeroize();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quick(passphrase: &str) -> Protection {
        Protection::with_work_factor(Passphrase::new(passphrase), 10)
    }

    #[test]
    fn round_trip_and_work_factor_kept() {
        let protection = quick("correct horse");
        let sealed = protection.encrypt(b"(format_version: 1)").expect("encrypt");
        assert!(is_encrypted(&sealed));
        let (plain, log_n) = decrypt(&sealed, &Passphrase::new("correct horse")).expect("open");
        assert_eq!(plain.as_slice(), b"(format_version: 1)");
        assert_eq!(log_n, 10);
    }

    #[test]
    fn every_file_has_its_own_salt() {
        let protection = quick("pass");
        let first = protection.encrypt(b"x").expect("first");
        let second = protection.encrypt(b"x").expect("second");
        let salt = |bytes: &[u8]| {
            String::from_utf8_lossy(bytes)
                .lines()
                .nth(1)
                .unwrap_or_default()
                .to_owned()
        };
        assert!(salt(&first).starts_with("-> scrypt "));
        assert_ne!(salt(&first), salt(&second));
    }

    #[test]
    fn wrong_passphrase_is_named() {
        let sealed = quick("right").encrypt(b"secret").expect("encrypt");
        let error = decrypt(&sealed, &Passphrase::new("wrong")).map(|_| ());
        assert_eq!(error, Err(CryptoError::WrongPassphrase));
    }

    #[test]
    fn truncated_and_altered_files_are_refused() {
        let sealed = quick("p").encrypt(&[b'a'; 70_000]).expect("encrypt");
        let passphrase = Passphrase::new("p");
        for cut in [10, 40, sealed.len() / 2, sealed.len() - 1] {
            assert!(
                decrypt(&sealed[..cut], &passphrase).is_err(),
                "cut at {cut}"
            );
        }
        let mut altered = sealed.clone();
        let last = altered.len() - 20;
        altered[last] ^= 1;
        assert!(matches!(
            decrypt(&altered, &passphrase),
            Err(CryptoError::Damaged(_))
        ));
    }

    #[test]
    fn a_key_encrypted_file_is_not_a_passphrase_file() {
        let identity = age::x25519::Identity::generate();
        let recipient = identity.to_public();
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as _)).expect("encryptor");
        let mut out = Vec::new();
        let mut writer = encryptor.wrap_output(&mut out).expect("wrap");
        writer.write_all(b"data").expect("write");
        writer.finish().expect("finish");
        assert!(is_encrypted(&out));
        let error = decrypt(&out, &Passphrase::new("p")).map(|_| ());
        assert_eq!(error, Err(CryptoError::NotPassphrase));
    }

    #[test]
    fn age_crate_reads_what_we_write() {
        let sealed = quick("shared").encrypt(b"hello").expect("encrypt");
        let decryptor = age::Decryptor::new(&sealed[..]).expect("header");
        let mut identity = age::scrypt::Identity::new(SecretString::from("shared".to_owned()));
        identity.set_max_work_factor(20);
        let mut reader = decryptor
            .decrypt(std::iter::once(&identity as _))
            .expect("decrypt");
        let mut plain = Vec::new();
        reader.read_to_end(&mut plain).expect("read");
        assert_eq!(plain, b"hello");
    }

    #[test]
    fn passphrase_comparison() {
        let passphrase = Passphrase::new("abc");
        assert!(passphrase.matches("abc"));
        assert!(!passphrase.matches("abd"));
        assert!(!passphrase.matches("ab"));
        assert_eq!(format!("{passphrase:?}"), "Passphrase(…)");
    }

    #[test]
    fn excessive_work_is_refused_before_deriving() {
        let sealed = quick("p").encrypt(b"x").expect("encrypt");
        let text = String::from_utf8_lossy(&sealed).into_owned();
        let header_end = text.find('\n').expect("magic line") + 1;
        let line_end = header_end + text[header_end..].find('\n').expect("stanza line");
        let line = &text[header_end..line_end];
        let raised = line.replace(" 10", " 30");
        let mut altered = sealed[..header_end].to_vec();
        altered.extend_from_slice(raised.as_bytes());
        altered.extend_from_slice(&sealed[line_end..]);
        assert_eq!(
            decrypt(&altered, &Passphrase::new("p")).map(|_| ()),
            Err(CryptoError::ExcessiveWork { found: 30 })
        );
    }
}
