//! The project loader on arbitrary bytes: it must return a project or an
//! error, never panic, hang or run out of memory. A project it accepts must
//! save and load back to the same project.

#![no_main]

use libfuzzer_sys::fuzz_target;
use relational::store;

fuzz_target!(|data: &[u8]| {
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
