//! The domain model: plain data and the rules that keep it consistent.
//! Nothing here knows about egui or files.

pub mod bulk;
mod contact;
mod delete;
mod edit;
mod follow_up;
pub mod forget;
mod ids;
mod integrity;
mod introduction;
mod meeting;
pub mod merge;
mod person;
mod project;
mod shift;

pub use contact::{Contact, ContactChannel, ContactOutcome};
pub use delete::{IntroductionPolicy, delete_person};
pub use edit::{Edit, EditError};
pub use follow_up::FollowUpHolder;
pub use ids::{FollowUpId, IdAllocator, IntroductionId, MeetingId, PersonId};
pub use integrity::{RawRecords, repair};
pub use introduction::Introduction;
pub use meeting::{
    Answer, Ask, DEFAULT_DURATION_MINUTES, FollowUp, Kept, Meeting, MeetingKind, MeetingStatus,
    Owner, SetupChannel, ThemeNotes,
};
pub use person::{Person, Stage, TextField, initials_from_name, parse_tags};
pub use project::{
    DebriefAnswer, DebriefPrompt, Goals, MapPosition, OrganizingSentence, PersonLinks, Project,
    ProjectInfo, Reflection,
};

/// Lets the file omit fields that hold their default value.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[cfg(test)]
mod tests;
