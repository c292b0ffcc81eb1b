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
