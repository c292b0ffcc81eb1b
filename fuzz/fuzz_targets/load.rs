//! The project loader on arbitrary bytes: it must return a project or an
//! error, never panic, hang or run out of memory. A project it accepts must
//! save and load back to the same project. Inputs whose first byte is odd
//! go down the encrypted path: an age header is put in front of the rest,
//! so the header parser and decryption see well-formed starts too.

#![no_main]

use libfuzzer_sys::fuzz_target;
use relational::store;

fuzz_target!(|data: &[u8]| {
    if let Some((&first, rest)) = data.split_first()
        && first % 2 == 1
    {
        let mut sealed = b"age-encryption.org/v1\n".to_vec();
        sealed.extend_from_slice(rest);
        let passphrase = store::Passphrase::new("fuzz");
        // Anything but a panic is right: a refusal, or (never here) a project.
        let _ = store::parse_any(&sealed, Some(&passphrase));
        let _ = store::parse_any(rest, Some(&passphrase));
        return;
    }
    let Ok(loaded) = store::parse(data) else {
        return;
    };
    let Ok(text) = store::to_ron_string(&loaded.project) else {
        panic!("an accepted project could not be written");
    };
    match store::parse(text.as_bytes()) {
        Ok(again) => assert_eq!(again.project, loaded.project, "save → load changed it"),
        Err(error) => panic!("a saved project did not load: {error:?}"),
    }
});
