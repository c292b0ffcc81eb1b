//! Outreach short of a meeting: a call nobody answered, a text, a knock on
//! a door. Logged on the person, it says when someone was last reached and
//! whether they are worth another try.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// How the organizer reached out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactChannel {
    /// A phone call.
    #[default]
    Call,
    /// A text message.
    Text,
    /// An email.
    Email,
    /// A knock on their door.
    Door,
    /// Face to face, short of a one-to-one.
    InPerson,
}

impl ContactChannel {
    /// Every channel, in the order the log offers them.
    pub const ALL: [ContactChannel; 5] = [
        ContactChannel::Call,
        ContactChannel::Text,
        ContactChannel::Email,
        ContactChannel::Door,
        ContactChannel::InPerson,
    ];

    /// The name shown to the organizer.
    pub fn label(self) -> &'static str {
        match self {
            ContactChannel::Call => "Call",
            ContactChannel::Text => "Text",
            ContactChannel::Email => "Email",
            ContactChannel::Door => "Door",
            ContactChannel::InPerson => "In person",
        }
    }
}

/// What came of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactOutcome {
    /// Nobody answered.
    #[default]
    NoAnswer,
    /// A voicemail or a note left.
    LeftMessage,
    /// They talked.
    Talked,
    /// A one-to-one was set up.
    Scheduled,
    /// They said they do not want to take part.
    NotInterested,
}

impl ContactOutcome {
    /// Every outcome, in the order the log offers them.
    pub const ALL: [ContactOutcome; 5] = [
        ContactOutcome::NoAnswer,
        ContactOutcome::LeftMessage,
        ContactOutcome::Talked,
        ContactOutcome::Scheduled,
        ContactOutcome::NotInterested,
    ];

    /// The name shown to the organizer.
    pub fn label(self) -> &'static str {
        match self {
            ContactOutcome::NoAnswer => "No answer",
            ContactOutcome::LeftMessage => "Left a message",
            ContactOutcome::Talked => "Talked",
            ContactOutcome::Scheduled => "Scheduled",
            ContactOutcome::NotInterested => "Not interested",
        }
    }

    /// Whether the person was actually reached (not just tried).
    pub fn reached(self) -> bool {
        matches!(
            self,
            ContactOutcome::Talked | ContactOutcome::Scheduled | ContactOutcome::NotInterested
        )
    }
}

/// One attempt to reach a person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    /// When it happened.
    pub at: NaiveDateTime,
    /// How.
    pub channel: ContactChannel,
    /// What came of it.
    pub outcome: ContactOutcome,
    /// Anything worth keeping.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Contact {
    /// "Call, no answer" or "Door, talked".
    pub fn summary(&self) -> String {
        format!(
            "{}, {}",
            self.channel.label(),
            self.outcome.label().to_lowercase()
        )
    }
}
