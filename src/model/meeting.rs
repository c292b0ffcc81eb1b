//! One-to-one meetings, their hard ask and follow-up items.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{FollowUpId, MeetingId, PersonId};

/// Why the meeting is held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeetingKind {
    /// A first one-to-one.
    #[default]
    Introductory,
    /// A later one-to-one that builds on an earlier one.
    FollowUp,
    /// Coaching someone into leadership.
    LeadershipDevelopment,
}

impl MeetingKind {
    /// Every kind, in menu order.
    pub const ALL: [MeetingKind; 3] = [
        MeetingKind::Introductory,
        MeetingKind::FollowUp,
        MeetingKind::LeadershipDevelopment,
    ];

    /// The name shown to the organizer.
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::Introductory => "Introductory",
            MeetingKind::FollowUp => "Follow-up",
            MeetingKind::LeadershipDevelopment => "Leadership development",
        }
    }
}

/// Where a meeting is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeetingStatus {
    /// Agreed in principle; not yet confirmed the day before.
    #[default]
    Planned,
    /// Confirmed with the person, usually the day before.
    Confirmed,
    /// It took place.
    Held,
    /// Called off by either side.
    Cancelled,
    /// The person did not come.
    NoShow,
}

impl MeetingStatus {
    /// Every status, in the order a meeting moves through them.
    pub const ALL: [MeetingStatus; 5] = [
        MeetingStatus::Planned,
        MeetingStatus::Confirmed,
        MeetingStatus::Held,
        MeetingStatus::Cancelled,
        MeetingStatus::NoShow,
    ];

    /// The name shown to the organizer.
    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "Planned",
            MeetingStatus::Confirmed => "Confirmed",
            MeetingStatus::Held => "Held",
            MeetingStatus::Cancelled => "Cancelled",
            MeetingStatus::NoShow => "No-show",
        }
    }
}

/// How the meeting was set up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SetupChannel {
    /// A phone call.
    Phone,
    /// An email.
    Email,
    /// Asked face to face.
    InPerson,
    /// Someone introduced us.
    Introduction,
    /// A message on social media.
    Social,
}

impl SetupChannel {
    /// Every channel, in menu order.
    pub const ALL: [SetupChannel; 5] = [
        SetupChannel::Phone,
        SetupChannel::Email,
        SetupChannel::InPerson,
        SetupChannel::Introduction,
        SetupChannel::Social,
    ];

    /// The name shown to the organizer.
    pub fn label(self) -> &'static str {
        match self {
            SetupChannel::Phone => "Phone",
            SetupChannel::Email => "Email",
            SetupChannel::InPerson => "In person",
            SetupChannel::Introduction => "Introduced by someone",
            SetupChannel::Social => "Social media",
        }
    }
}

/// What was learned in a meeting, by theme.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThemeNotes {
    /// What they value and where those values come from.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub values: String,
    /// What they want, for themselves and others.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub interests: String,
    /// Skills, resources and relationships they bring.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub skills_assets: String,
    /// What stands in their way.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub challenges: String,
    /// What they hope will change.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hopes: String,
    /// Why they care about the issue.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub why_they_care: String,
    /// The stories told, theirs and the organizer's.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub story_shared: String,
    /// What each side offered the other.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub exchange_made: String,
    /// Anything that fits no theme.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub general: String,
}

/// The answer to a hard ask.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// Not asked yet, or no answer recorded.
    #[default]
    Pending,
    /// They said yes: a commitment follows.
    Yes,
    /// They said no.
    No,
    /// They offered other terms, written here.
    CounterOffer(String),
    /// They will answer later.
    NotYet,
}

/// Whether a commitment made on a yes was kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kept {
    /// Its day has not come, or nobody recorded it.
    #[default]
    Unknown,
    /// They did what they said.
    Kept,
    /// They did not.
    NotKept,
}

/// The hard ask made at the end of a meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ask {
    /// The action asked for, e.g. "phonebank".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// The day of the action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<NaiveDate>,
    /// The time of the action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<NaiveTime>,
    /// A second concrete option, if one was offered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second_option: Option<NaiveDateTime>,
    /// Where the action happens.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// The words actually used.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub wording: String,
    /// A personal story that frames the ask.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub story: String,
    /// What the group is doing.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub context: String,
    /// Why now.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub urgency: String,
    /// The goal, as a number.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub challenge: String,
    /// What they said.
    #[serde(skip_serializing_if = "super::is_default")]
    pub answer: Answer,
    /// Whether the commitment was kept.
    #[serde(skip_serializing_if = "super::is_default")]
    pub kept: Kept,
    /// The commitment was confirmed with them the day before.
    #[serde(skip_serializing_if = "super::is_default")]
    pub confirmed: bool,
}

/// Whose turn it is to act on a follow-up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Owner {
    /// The organizer owes it.
    #[default]
    Me,
    /// The person met owes it.
    Them,
    /// Someone else on the team owes it.
    Teammate(PersonId),
}

impl Owner {
    /// "mine", "theirs" or the teammate's name, for short rows.
    pub fn short_text(self, project: &super::Project) -> String {
        match self {
            Owner::Me => "mine".to_owned(),
            Owner::Them => "theirs".to_owned(),
            Owner::Teammate(id) => project.name_of(id).to_owned(),
        }
    }
}

/// Something promised in or after a meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUp {
    /// Stable id.
    pub id: FollowUpId,
    /// What is to be done.
    pub what: String,
    /// When it is due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Who owes it.
    #[serde(skip_serializing_if = "super::is_default")]
    pub owner: Owner,
    /// Done or not.
    #[serde(skip_serializing_if = "super::is_default")]
    pub done: bool,
}

/// A one-to-one meeting.
///
/// The people it named ("who else should I talk to?") are not stored here:
/// they are the introductions whose `meeting` is this meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    /// Stable id.
    pub id: MeetingId,
    /// The person met.
    pub person: PersonId,
    /// Who held it: the organizer or a leadership-team member.
    pub conducted_by: PersonId,
    /// Why it is held.
    #[serde(skip_serializing_if = "super::is_default")]
    pub kind: MeetingKind,
    /// Where it is in its life.
    #[serde(skip_serializing_if = "super::is_default")]
    pub status: MeetingStatus,
    /// When it starts; `None` while not fixed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDateTime>,
    /// Planned length.
    #[serde(
        default = "default_duration",
        skip_serializing_if = "is_default_duration"
    )]
    pub duration_minutes: u32,
    /// Where it takes place.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// How it was set up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub setup: Option<SetupChannel>,
    /// The purpose as told to the person.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// Keys of the checklist items ticked.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub checklist: BTreeSet<String>,
    /// What was learned, by theme.
    #[serde(skip_serializing_if = "super::is_default")]
    pub notes: ThemeNotes,
    /// The hard ask, once one is drafted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ask: Option<Box<Ask>>,
    /// What was promised, by either side.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
}

/// The length a one-to-one gets unless the organizer says otherwise.
pub const DEFAULT_DURATION_MINUTES: u32 = 45;

fn default_duration() -> u32 {
    DEFAULT_DURATION_MINUTES
}

fn is_default_duration(minutes: &u32) -> bool {
    *minutes == DEFAULT_DURATION_MINUTES
}

impl Meeting {
    /// A planned introductory meeting with default length.
    pub fn new(id: MeetingId, person: PersonId, conducted_by: PersonId) -> Self {
        Self {
            id,
            person,
            conducted_by,
            duration_minutes: DEFAULT_DURATION_MINUTES,
            ..Self::default()
        }
    }

    /// The day of the meeting, if fixed.
    pub fn date(&self) -> Option<NaiveDate> {
        self.start.map(|start| start.date())
    }

    /// When it is planned to end: its start plus its length.
    pub fn end(&self) -> Option<NaiveDateTime> {
        // A date at the end of the calendar never ends rather than panic.
        self.start.map(|start| {
            start
                .checked_add_signed(chrono::Duration::minutes(i64::from(self.duration_minutes)))
                .unwrap_or(NaiveDateTime::MAX)
        })
    }

    /// Planned or confirmed, with no outcome recorded yet.
    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            MeetingStatus::Planned | MeetingStatus::Confirmed
        )
    }

    /// Open, and its planned end has passed at `now`: it needs an outcome.
    pub fn awaits_debrief(&self, now: NaiveDateTime) -> bool {
        self.is_open() && self.end().is_some_and(|end| end <= now)
    }
}
