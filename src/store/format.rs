//! The on-disk shape of a project, version by version.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::ser::{Serialize, Serializer};

use crate::model::{
    Introduction, MapPosition, Meeting, Person, PersonId, Project, ProjectInfo, RawRecords,
};

/// The format this build writes. Bump it when a change needs a migration,
/// and keep a sample of the old version under `tests/fixtures/`.
pub const CURRENT_FORMAT_VERSION: u32 = 1;

/// A project file as read. Every field has a default, and unknown fields
/// (from a newer minor change) are ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ProjectFile {
    pub format_version: u32,
    pub info: ProjectInfo,
    pub me: PersonId,
    #[serde(deserialize_with = "super::limits::records")]
    pub people: Vec<Person>,
    #[serde(deserialize_with = "super::limits::records")]
    pub meetings: Vec<Meeting>,
    #[serde(deserialize_with = "super::limits::records")]
    pub introductions: Vec<Introduction>,
    pub map_positions: BTreeMap<PersonId, MapPosition>,
}

impl ProjectFile {
    pub(crate) fn into_records(self) -> RawRecords {
        let Self {
            format_version: _,
            info,
            me,
            people,
            meetings,
            introductions,
            map_positions,
        } = self;
        RawRecords {
            info,
            me,
            people,
            meetings,
            introductions,
            map_positions,
        }
    }
}

/// A project file as written: borrows the project instead of copying it.
#[derive(serde::Serialize)]
pub(crate) struct ProjectFileRef<'a> {
    format_version: u32,
    info: &'a ProjectInfo,
    me: PersonId,
    people: Values<'a, PersonId, Person>,
    meetings: Values<'a, crate::model::MeetingId, Meeting>,
    introductions: Values<'a, crate::model::IntroductionId, Introduction>,
    map_positions: &'a BTreeMap<PersonId, MapPosition>,
}

impl<'a> ProjectFileRef<'a> {
    pub(crate) fn new(project: &'a Project) -> Self {
        Self {
            format_version: CURRENT_FORMAT_VERSION,
            info: &project.info,
            me: project.me,
            people: Values(&project.people),
            meetings: Values(&project.meetings),
            introductions: Values(&project.introductions),
            map_positions: &project.map_positions,
        }
    }
}

/// Writes a map's values as a list: records carry their own ids, and a list
/// lets the loader notice repeated ids instead of silently merging them.
struct Values<'a, K, V>(&'a BTreeMap<K, V>);

impl<K, V: Serialize> Serialize for Values<'_, K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.values())
    }
}

/// Finds the `format_version` number without parsing the whole file, so a
/// newer file is refused with the right message even if its shape changed.
pub(crate) fn peek_format_version(text: &str) -> Option<u32> {
    let after_key = &text[text.find("format_version")? + "format_version".len()..];
    let after_colon = after_key.trim_start().strip_prefix(':')?.trim_start();
    let digits: String = after_colon
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}
