//! Introductions: who brought whom into the network.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{IntroductionId, MeetingId, PersonId};

/// `introducer` named or brought `introduced` to the organizer.
/// A person may have several introducers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Introduction {
    /// Stable id.
    pub id: IntroductionId,
    /// Who made the introduction.
    pub introducer: PersonId,
    /// Who was introduced.
    pub introduced: PersonId,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The one-to-one in which the name came up, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingId>,
    /// Why they thought of this person.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Introduction {
    /// `introducer` introduced `introduced` on `date`, outside any meeting.
    pub fn new(
        id: IntroductionId,
        introducer: PersonId,
        introduced: PersonId,
        date: Option<NaiveDate>,
    ) -> Self {
        Self {
            id,
            introducer,
            introduced,
            date,
            meeting: None,
            note: String::new(),
        }
    }
}
