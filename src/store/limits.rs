//! Limits on what a file may hold, checked while parsing so a hostile file
//! is refused before it takes memory.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};

/// The most records one list (people, meetings, introductions) may hold:
/// twenty times the largest project benchmarked.
pub const MAX_RECORDS: usize = 200_000;

/// Deserializes a list, failing once it passes [`MAX_RECORDS`].
pub(crate) fn records<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    deserializer.deserialize_seq(LimitedList(PhantomData))
}

struct LimitedList<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for LimitedList<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of at most {MAX_RECORDS} records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // Trust no size hint from the file.
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element()? {
            if list.len() == MAX_RECORDS {
                return Err(serde::de::Error::custom(format!(
                    "a list holds more than {MAX_RECORDS} records, more than any project"
                )));
            }
            list.push(item);
        }
        Ok(list)
    }
}

/// Refuses to write a file the loader would refuse to read back.
pub(crate) fn check_readable_back(
    project: &crate::model::Project,
    text_bytes: usize,
) -> Result<(), String> {
    let (people, meetings, introductions) = project.counts();
    let most = people.max(meetings).max(introductions);
    if most > MAX_RECORDS {
        return Err(format!(
            "the project has {most} records in one list, more than the {MAX_RECORDS} a file may hold"
        ));
    }
    if text_bytes as u64 > super::MAX_FILE_BYTES {
        return Err(format!(
            "the project takes {} MB, more than the {} MB a file may have",
            text_bytes / 1_000_000,
            super::MAX_FILE_BYTES / 1_000_000
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_too_big_to_read_back_is_not_written() {
        let project = crate::synth::generate(5, 1);
        assert!(check_readable_back(&project, 1_000).is_ok());
        let too_big = usize::try_from(crate::store::MAX_FILE_BYTES).unwrap_or(usize::MAX) + 1;
        let error = check_readable_back(&project, too_big).expect_err("refused");
        assert!(error.contains("MB"), "{error}");
    }
}
