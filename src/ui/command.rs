//! What views ask the app to do. Views never change the project; they push
//! commands, and the app applies them once per frame, after drawing.

use std::path::PathBuf;

use crate::history::MergeKey;
use crate::meeting::questions::Theme;
use crate::meeting::rules::Referral;
use crate::model::{Answer, Edit, FollowUpId, Kept, MeetingId, MeetingStatus, Owner, PersonId};

use super::Action;

/// A request from the UI to the app.
#[derive(Debug)]
pub enum Command {
    /// A menu item or shortcut.
    Action(Action),
    /// Change the project, as one undo step (or merged into the open one).
    Edit {
        /// The change.
        edit: Edit,
        /// What it does, for the Edit menu.
        label: String,
        /// Edits with the same key merge while typing continues.
        merge: MergeKey,
    },
    /// A text field lost focus: the next keystroke starts a new undo step.
    EndTyping,
    /// Show this person in the editor (or close the editor).
    SelectPerson(Option<PersonId>),
    /// Open a file from the recent list.
    OpenRecent(PathBuf),
    /// Ask what to do before deleting a person.
    AskDeletePerson(PersonId),
    /// Record that `introducer` introduced `introduced` (today).
    AddIntroduction {
        /// Who made the introduction.
        introducer: PersonId,
        /// Who was introduced.
        introduced: PersonId,
    },
    /// Show this meeting in the editor (or close it).
    SelectMeeting(Option<MeetingId>),
    /// Plan a new meeting with this person and open it.
    NewMeeting(PersonId),
    /// Change a meeting's status (holding it moves the person to "met").
    SetMeetingStatus(MeetingId, MeetingStatus),
    /// Record someone named in a meeting.
    AddReferral(MeetingId, Referral),
    /// Append a meeting's notes to the person's profile.
    CopyNotesToProfile(MeetingId),
    /// Add a follow-up item to a meeting.
    AddFollowUp(MeetingId, String, Owner),
    /// Show the prep card of a meeting.
    ShowPrepCard(MeetingId),
    /// Record the answer to a meeting's ask.
    RecordAnswer(MeetingId, Answer),
    /// Record whether the commitment from a yes was kept.
    RecordKept(MeetingId, Kept),
    /// Write a question from the bank into the meeting's notes.
    InsertQuestion(MeetingId, Theme, &'static str),
    /// Save the map as it is on screen.
    ExportMap(MapExport),
    /// Write a calendar or CSV list of the project.
    ExportData(crate::export::ExportFormat),
    /// Whether data exports use initials and leave out contact details and notes.
    SetAnonymizeExports(bool),
    /// Mark a meeting's follow-up item done or not.
    SetFollowUpDone(MeetingId, FollowUpId, bool),
}

/// The image formats the map saves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapExport {
    /// A bitmap of the screen.
    Png,
    /// Vector shapes, editable in drawing programs.
    Svg,
}

/// Commands gathered during one frame.
pub type Commands = Vec<Command>;
