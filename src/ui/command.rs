//! What views ask the app to do. Views never change the project; they push
//! commands, and the app applies them once per frame, after drawing.

use std::path::PathBuf;

use crate::history::MergeKey;
use crate::meeting::questions::Theme;
use crate::meeting::rules::Referral;
use crate::model::{
    Answer, Edit, FollowUpHolder, FollowUpId, IntroductionPolicy, Kept, MeetingId, MeetingStatus,
    Owner, PersonId,
};
use crate::store::Recovered;
use crate::workspace::Then;

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
    /// Show this in the status bar.
    Say(String),
    /// Open a protected file with the passphrase typed.
    OpenProtected {
        /// The file.
        path: PathBuf,
        /// What was typed.
        passphrase: crate::store::Passphrase,
        /// Although another window holds it (already agreed).
        anyway: bool,
    },
    /// Protect the project with this passphrase (or change it to this one).
    Protect(crate::store::Passphrase),
    /// Save the project as plain text again.
    RemoveProtection,
    /// Lock the window after this many idle minutes; `None` never.
    SetAutoLock(Option<u32>),
    /// The passphrase typed in the locked window.
    Unlock(crate::store::Passphrase),
    /// A text field lost focus: the next keystroke starts a new undo step.
    EndTyping,
    /// Show this person in the editor (or close the editor), staying in the view.
    SelectPerson(Option<PersonId>),
    /// Open this person's profile in the People view.
    OpenPerson(PersonId),
    /// Start the first project (from the welcome).
    StartProject {
        /// The project's name.
        name: String,
        /// The organizer's own name.
        me: String,
        /// Who the campaign organizes, if said.
        who: String,
    },
    /// The welcome was answered by exploring the demo.
    Welcomed,
    /// Open the search across everything with these words.
    SearchEverything(String),
    /// Show the people with this tag.
    FilterPeopleByTag(String),
    /// Open this meeting in the Meetings view.
    OpenMeeting(MeetingId),
    /// Open a record with the cursor in the control of this name (a search match).
    Reveal {
        /// The record.
        record: crate::query::everything::Record,
        /// The accessible name of the control holding the match.
        control: String,
    },
    /// Open a file (from the recent list), asking about unsaved changes first.
    OpenPath(PathBuf),
    /// Open a file picked after unsaved changes were dealt with.
    OpenChosen(PathBuf),
    /// Open the backup of a project file that could not be read.
    OpenBackup(PathBuf),
    /// Open a file although another window has it open.
    OpenAnyway(PathBuf),
    /// Save, then go on with what was asked.
    SaveThen(Then),
    /// Discard unsaved changes, then go on with what was asked.
    DiscardThen(Then),
    /// Ask where to save, then save.
    SaveAs(Option<Then>),
    /// Save to a path the organizer chose (an existing file is asked about).
    SaveAsTo(PathBuf, Option<Then>),
    /// Save to a path the organizer agreed to replace.
    Overwrite(PathBuf, Option<Then>),
    /// Restore a recovery copy (after the open project is safe).
    Restore(Box<Recovered>),
    /// Delete a recovery copy the organizer does not want.
    DiscardCopy(PathBuf),
    /// Write an export to a path the organizer chose (an existing file is asked about).
    ExportTo(ExportKind, PathBuf),
    /// Write an export over a file the organizer agreed to replace.
    ExportOver(ExportKind, PathBuf),
    /// Delete a person and what refers to them.
    DeletePerson(PersonId, IntroductionPolicy),
    /// Ask what to do before deleting a person.
    AskDeletePerson(PersonId),
    /// Ask before forgetting this person everywhere (no undo).
    AskForgetPerson(PersonId),
    /// Forget this person: the project, its file, backup and recovery copies.
    ForgetPerson(PersonId),
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
    /// Add a follow-up to a meeting or a person, due on the day given or
    /// by default a couple of days on.
    AddFollowUp {
        /// Where it is kept.
        to: FollowUpHolder,
        /// What is to be done.
        what: String,
        /// Who owes it.
        owner: Owner,
        /// When it is due; `None` for the default.
        due: Option<chrono::NaiveDate>,
    },
    /// Record an attempt to reach a person.
    LogContact(PersonId, crate::model::Contact),
    /// Give a meeting whose time passed its outcome from the dashboard:
    /// held opens its notes, no-show offers to plan again.
    Debrief(MeetingId, MeetingStatus),
    /// Show the prep card of a meeting.
    ShowPrepCard(MeetingId),
    /// Save a meeting's prep card as a PDF to print.
    PrintPrepCard(MeetingId),
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
    /// Whether CSV exports start with the mark Excel needs for UTF-8.
    SetCsvBom(bool),
    /// Write times in this clock (`None`: the system's).
    SetClock(Option<crate::dates::Clock>),
    /// Write dates day or month first (`None`: the system's way).
    SetDateOrder(Option<crate::dates::Order>),
    /// Mark a meeting's follow-up item done or not.
    SetFollowUpDone(FollowUpId, bool),
    /// Read a list and open the import dialog.
    ImportFile(PathBuf),
    /// Import the rows as decided (one undo step), then show the report.
    Import(Box<crate::app::ImportRun>),
    /// Open the merge dialog for two people.
    AskMerge(PersonId, PersonId),
    /// Merge `other` into `kept` with a pick per differing field.
    Merge {
        /// The record kept.
        kept: PersonId,
        /// The record merged in and removed.
        other: PersonId,
        /// What each differing field keeps.
        picks: Vec<(crate::model::merge::MergeField, crate::model::merge::Pick)>,
    },
}

/// Something the app can export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The map as on screen.
    Map(MapExport),
    /// A calendar or a CSV list made from the project.
    Data(crate::export::ExportFormat, crate::export::ExportOptions),
    /// A meeting's prep card, to print (PDF).
    PrepCard(MeetingId),
}

impl ExportKind {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Map(MapExport::Png) => "png",
            ExportKind::Map(MapExport::Svg) => "svg",
            ExportKind::Data(format, _) => format.extension(),
            ExportKind::PrepCard(_) => "pdf",
        }
    }

    /// The format's name in file dialogs.
    pub fn description(self) -> &'static str {
        match self {
            ExportKind::Map(MapExport::Png) => "PNG image",
            ExportKind::Map(MapExport::Svg) => "SVG image",
            ExportKind::Data(format, _) => format.description(),
            ExportKind::PrepCard(_) => "Prep card to print (PDF)",
        }
    }

    /// What the file holds, for names and messages.
    pub fn subject(self) -> &'static str {
        use crate::export::ExportFormat;
        match self {
            ExportKind::Map(_) => "map",
            ExportKind::Data(format, options) if options.anonymize => match format {
                ExportFormat::Calendar => "calendar-anonymized",
                ExportFormat::LeadersCsv => "leaders-anonymized",
                ExportFormat::SheetCsv | ExportFormat::SheetPdf => "one-to-ones-anonymized",
                ExportFormat::LeadersPdf => "leaders-anonymized",
                ExportFormat::BlankSheetPdf => "one-to-one-sheet",
            },
            ExportKind::PrepCard(_) => "prep-card",
            ExportKind::Data(format, _) => format.subject(),
        }
    }
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

impl Command {
    /// Whether the command carries text or choices read from the project
    /// on screen (an edited field, an import matched against it): made
    /// against screen-share mode's copy, it would write initials over names.
    pub fn changes_shown_text(&self) -> bool {
        matches!(
            self,
            Command::Edit { .. }
                | Command::AddReferral(..)
                | Command::Import(_)
                | Command::Merge { .. }
        )
    }
}
