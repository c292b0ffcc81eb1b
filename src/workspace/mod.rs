//! The open project and its file, below the window: opening, saving, the
//! unsaved-changes guard, recovery copies, the lock and the changed-on-disk
//! check. Nothing here knows egui. Methods that need the organizer's say
//! return [`Prompt`]s; the window shows them and calls back with the answer.

mod clock;
mod document;
mod forget;
mod import;
mod paths;
mod prompt;
mod protection;
mod recovery;
mod settings;
pub mod termination;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use clock::Clock;
pub use document::{Document, Origin, Revision};
pub use paths::absolute;
pub use prompt::{Prompt, Prompts, Then};
pub use protection::IdleLock;
pub use recovery::{Recovery, SaveWriter, write_all};
pub use settings::{SETTINGS_KEY, Settings, make_private};

use crate::history::MergeKey;
use crate::model::{Edit, EditError, Person, PersonId, Project};
use crate::store::{self, LockOutcome, Target};

/// The open document with everything that keeps it safe on disk.
pub struct Workspace {
    /// The open project.
    pub doc: Document,
    /// Remembered between runs.
    pub settings: Settings,
    /// Where "today" comes from.
    pub clock: Clock,
    /// Recovery copies of unsaved work.
    pub recovery: Recovery,
    /// How project bytes reach the disk (swapped in tests).
    pub save_writer: SaveWriter,
    /// The last message, for the status bar.
    pub status: String,
    /// The lock beside the open file.
    lock: Option<store::ProjectLock>,
    /// Set once the organizer agreed to quit.
    closing: bool,
    /// A person just added and not named yet, with the state right after
    /// the addition: leaving them unnamed takes the addition back.
    unnamed: Option<(PersonId, Revision)>,
    /// The passphrase typed for a protected file that turned out damaged,
    /// kept to open its backup (which needs the same one).
    backup_passphrase: Option<store::Passphrase>,
    /// Hides the window after idle minutes (protected projects).
    idle_lock: IdleLock,
}

/// The day the demo project is written around: Kevin Tran's one-to-one
/// is the next day, and three meetings lie ahead that week.
pub const DEMO_TODAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 23) {
    Some(day) => day,
    None => chrono::NaiveDate::MIN,
};

impl Workspace {
    /// A workspace around `doc`, with recovery off and the system clock.
    pub fn new(doc: Document) -> Self {
        Self {
            doc,
            settings: Settings::default(),
            clock: Clock::system(),
            recovery: Recovery::new(None),
            save_writer: write_all,
            status: String::new(),
            lock: None,
            closing: false,
            unnamed: None,
            backup_passphrase: None,
            idle_lock: IdleLock::default(),
        }
    }

    /// The demo with its dates moved so that its "today" ([`DEMO_TODAY`])
    /// is `today`: its meetings stay ahead, its follow-ups stay due. Only
    /// in memory: the demo is never saved over, and Save As keeps the
    /// moved dates, which is what the organizer saw.
    pub fn demo_document_on(today: chrono::NaiveDate) -> Document {
        let mut doc = Self::demo_document();
        let days = (today - DEMO_TODAY).num_days();
        doc.project.shift_dates(days);
        // The wordings say "Thursday the 24th": they name the moved days.
        for meeting in doc.project.meetings.values_mut() {
            let said_on = meeting.date().unwrap_or(today);
            if let Some(ask) = meeting.ask.as_mut() {
                crate::ask::wording_follows_days(ask, said_on);
            }
        }
        doc
    }

    /// The demo project, read-only, with the dates as written (around
    /// [`DEMO_TODAY`]). Falls back to an empty project if the shipped file
    /// cannot be read (a test checks that it can).
    pub fn demo_document() -> Document {
        match store::parse(crate::DEMO_RON.as_bytes()) {
            Ok(loaded) => Document::new(loaded.project, None, Origin::Demo),
            Err(_) => Document::new(
                Project::new("Demo", "Me", Clock::system().today()),
                None,
                Origin::New,
            ),
        }
    }

    /// The project to open on start: the one asked for, else the last one
    /// (if it is still there).
    pub fn starting_path(&self, asked: Option<PathBuf>) -> Option<PathBuf> {
        asked.or_else(|| {
            self.settings
                .last_project
                .clone()
                .filter(|p| p.is_absolute() && p.is_file())
        })
    }

    /// Whether the organizer agreed to quit; the window closes then.
    pub fn is_closing(&self) -> bool {
        self.closing
    }

    // ----- Edits -------------------------------------------------------

    /// Applies an edit through the history, reporting a refusal.
    pub fn edit(&mut self, edit: Edit, label: &str, merge: MergeKey) {
        let Document {
            project, history, ..
        } = &mut self.doc;
        if let Err(error) = history.apply(project, edit, label, merge) {
            self.status = format!("Not changed: {error}");
        }
    }

    /// Adds a person with no name yet, to be named in the editor.
    pub fn add_person(&mut self) -> PersonId {
        let id = self.doc.project.new_person_id();
        let person = Person::new(id, "", self.clock.today());
        self.edit(Edit::PutPerson(Box::new(person)), "Add person", None);
        self.unnamed = Some((id, self.doc.revision()));
        self.status = "Added a person: type their name".to_owned();
        id
    }

    /// Once the editor no longer shows the person just added (`shown` is
    /// who it shows), a person still without a name is taken away: the
    /// addition is withdrawn if nothing came after it, or removed as one
    /// undo step.
    pub fn drop_unnamed_person(&mut self, shown: Option<PersonId>) {
        let Some((id, added)) = self.unnamed else {
            return;
        };
        let still_blank = self
            .doc
            .project
            .person(id)
            .is_some_and(|person| person.name.trim().is_empty());
        let same_document = added.generation == self.doc.revision().generation;
        if !(still_blank && same_document) {
            self.unnamed = None;
            return;
        }
        if shown == Some(id) {
            return;
        }
        self.unnamed = None;
        if self.doc.revision() == added {
            let Document {
                project, history, ..
            } = &mut self.doc;
            if let Err(error) = history.withdraw(project) {
                self.status = format!("Not changed: {error}");
                return;
            }
        } else {
            let planned = crate::model::delete_person(
                &self.doc.project,
                id,
                crate::model::IntroductionPolicy::Remove,
            );
            self.apply_planned(planned, "Remove the person left without a name");
        }
        self.status = "Removed the person added without a name".to_owned();
    }

    /// Applies an edit built by a rule, or reports why it could not be built.
    pub fn apply_planned(&mut self, planned: Result<Edit, EditError>, label: &str) {
        match planned {
            Ok(edit) => self.edit(edit, label, None),
            Err(error) => self.status = format!("Not changed: {error}"),
        }
    }

    /// Undoes (or redoes) one step and says what.
    pub fn undo_or_redo(&mut self, undo: bool) {
        let Document {
            project, history, ..
        } = &mut self.doc;
        let result = if undo {
            history.undo(project)
        } else {
            history.redo(project)
        };
        self.status = match (result, undo) {
            (Ok(Some(label)), true) => format!("Undid: {label}"),
            (Ok(Some(label)), false) => format!("Redid: {label}"),
            (Ok(None), true) => "Nothing to undo".to_owned(),
            (Ok(None), false) => "Nothing to redo".to_owned(),
            (Err(error), _) => format!("Could not undo or redo: {error}"),
        };
    }

    // ----- The guard ---------------------------------------------------

    /// Runs `then` now, or first asks about unsaved changes.
    pub fn request(&mut self, then: Then) -> Prompts {
        if self.doc.is_dirty() {
            vec![Prompt::UnsavedChanges { then }]
        } else {
            self.proceed(then)
        }
    }

    /// What follows once unsaved changes are saved or discarded.
    pub fn proceed(&mut self, then: Then) -> Prompts {
        match then {
            Then::NewProject => {
                let project = Project::new("Untitled project", "Me", self.clock.today());
                self.replace_document(Document::new(project, None, Origin::New));
                self.status = "New project: add people from the People view".to_owned();
                Vec::new()
            }
            Then::OpenDemo => {
                self.replace_document(Self::demo_document_on(self.clock.today()));
                self.status =
                    "The demo is open: look around; Save puts a copy where you say".to_owned();
                Vec::new()
            }
            Then::ChooseFileToOpen => vec![Prompt::ChooseFileToOpen],
            Then::OpenPath(path) => self.open_path(&path),
            Then::RestoreCopy(slot) => self.restore_from_slot(&slot),
            Then::OpenBackup(path) => self.open_backup(&path),
            Then::Quit => {
                // Saved (no copy left) or discarded on purpose.
                self.recovery.remove_copy();
                self.closing = true;
                Vec::new()
            }
        }
    }

    /// A new project named `name`, with the organizer's own record named
    /// `me` and, if given, who the campaign organizes (first start).
    pub fn start_project(&mut self, name: &str, me: &str, who: &str) -> Prompts {
        let name = name.trim();
        let me = me.trim();
        let mut project = Project::new(
            if name.is_empty() {
                "Untitled project"
            } else {
                name
            },
            if me.is_empty() { "Me" } else { me },
            self.clock.today(),
        );
        project.info.sentence.who = who.trim().to_owned();
        self.replace_document(Document::new(project, None, Origin::New));
        self.settings.welcomed = true;
        self.status =
            "Your project is ready: add the people you know from the People view".to_owned();
        Vec::new()
    }

    /// The organizer discarded the changes: do what was asked.
    pub fn discard_then(&mut self, then: Then) -> Prompts {
        self.proceed(then)
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.lock = None;
        self.switch_recovery_to();
    }

    // ----- Opening -----------------------------------------------------

    /// Opens a project file; on failure the open project stays as it was.
    /// A file open in another running Relational is opened only once the
    /// organizer agrees.
    pub fn open_path(&mut self, path: &Path) -> Prompts {
        self.open_checked(path, false, None)
    }

    /// Opens `path` although another window holds its lock.
    pub fn open_anyway(&mut self, path: &Path) -> Prompts {
        self.open_checked(path, true, None)
    }

    /// Opens a protected file with the passphrase the organizer typed; a
    /// wrong one asks again and changes nothing.
    pub fn open_with_passphrase(
        &mut self,
        path: &Path,
        passphrase: store::Passphrase,
        anyway: bool,
    ) -> Prompts {
        self.open_checked(path, anyway, Some(&passphrase))
    }

    fn open_checked(
        &mut self,
        path: &Path,
        anyway: bool,
        passphrase: Option<&store::Passphrase>,
    ) -> Prompts {
        let opening = Opening {
            anyway,
            passphrase,
            replaced_stale: false,
        };
        let path = absolute(path);
        let path = path.as_path();
        if self.holds_lock_of(path) {
            // Opening the file already open here: our own lock stands.
            let lock = self.lock.take();
            let (prompts, unused) = self.load_path(path, lock, opening);
            if unused.is_some() {
                self.lock = unused;
            }
            return prompts;
        }
        if anyway {
            // Load first: if the file cannot be read, the other window keeps its lock.
            let (prompts, _) = self.load_path(path, None, opening);
            if self.doc.path.as_deref() == Some(path)
                && let LockOutcome::Locked { lock, .. } = store::lock_anyway(path)
            {
                self.lock = Some(lock);
            }
            return prompts;
        }
        match store::lock(path) {
            LockOutcome::Locked {
                lock,
                replaced_stale,
            } => {
                let opening = Opening {
                    replaced_stale,
                    ..opening
                };
                self.load_path(path, Some(lock), opening).0
            }
            LockOutcome::HeldElsewhere(owner) => vec![Prompt::LockedElsewhere {
                path: path.to_path_buf(),
                owner,
            }],
            // A read-only folder: open without a lock.
            LockOutcome::Unavailable(_) => self.load_path(path, None, opening).0,
        }
    }

    /// Opens the backup of `path` in its place: saved to `path`, it becomes
    /// the project file again (and the damaged file is kept as the new
    /// backup). Unsaved until then.
    pub fn open_backup(&mut self, path: &Path) -> Prompts {
        let path = absolute(path);
        let backup = store::backup_path(&path);
        let passphrase = self.backup_passphrase.take();
        let loaded = match store::load_protected(&backup, passphrase.as_ref()) {
            Ok(loaded) => loaded,
            Err(error) => {
                return vec![Prompt::Problem {
                    title: "Could not open the backup".to_owned(),
                    body: error.to_string(),
                }];
            }
        };
        let lock = match store::lock(&path) {
            LockOutcome::Locked { lock, .. } => Some(lock),
            LockOutcome::Unavailable(_) => None,
            LockOutcome::HeldElsewhere(owner) => {
                return vec![Prompt::LockedElsewhere { path, owner }];
            }
        };
        // The damaged file as it is now: saving over it is expected.
        let stamp = std::fs::read(&path)
            .ok()
            .map(|bytes| store::FileStamp::of(&path, &bytes));
        let mut doc = Document::restored(loaded.project, Some(path.clone()), stamp);
        doc.protection = loaded.protection;
        self.replace_document(doc);
        self.lock = lock;
        self.settings.remember(&path);
        self.status = format!(
            "Opened the backup of {}: save to make it the project file again",
            self.doc.display_name()
        );
        Vec::new()
    }

    fn holds_lock_of(&self, path: &Path) -> bool {
        self.lock
            .as_ref()
            .is_some_and(|l| l.path() == store::lock_path(path))
    }

    /// Loads `path` and makes it the open document holding `lock`. On
    /// failure the open document stays and `lock` is handed back.
    fn load_path(
        &mut self,
        path: &Path,
        lock: Option<store::ProjectLock>,
        opening: Opening<'_>,
    ) -> (Prompts, Option<store::ProjectLock>) {
        let loaded = match store::load_protected(path, opening.passphrase) {
            Ok(loaded) => loaded,
            Err(error) if needs_passphrase(&error.kind) => {
                self.status = format!("{} is protected: type its passphrase", file_name(path));
                let problem = (!matches!(error.kind, store::LoadErrorKind::NeedsPassphrase))
                    .then(|| "That passphrase does not open this file. Try again.".to_owned());
                let prompt = Prompt::AskPassphrase {
                    path: path.to_path_buf(),
                    anyway: opening.anyway,
                    problem,
                };
                return (vec![prompt], lock);
            }
            Err(error) => {
                self.backup_passphrase = opening.passphrase.cloned();
                if matches!(error.kind, store::LoadErrorKind::Io(_)) {
                    self.settings.forget(path);
                }
                self.status = format!("Not opened: {}", path.display());
                let body = error.to_string();
                let mut prompts = vec![match backup_contents(path, opening.passphrase) {
                    Some(backup_holds) => Prompt::BackupOffered {
                        path: path.to_path_buf(),
                        body,
                        backup_holds,
                    },
                    None => Prompt::Problem {
                        title: "Could not open the file".to_owned(),
                        body,
                    },
                }];
                // Unsaved work on this file may be newer than either.
                prompts.extend(self.offer_recovery_for(path));
                return (prompts, lock);
            }
        };
        let (people, meetings, intros) = loaded.project.counts();
        let mut doc = Document::new(loaded.project, Some(path.to_path_buf()), Origin::File);
        doc.disk_stamp = loaded.stamp;
        doc.protection = loaded.protection;
        if !loaded.warnings.is_empty() {
            // Repaired in memory only: the file still differs until saved.
            doc.mark_repaired();
        }
        self.replace_document(doc);
        if lock.is_some() {
            // Holding the lock, no other window is saving this file now.
            store::clean_temporary_files(path);
        }
        self.lock = lock;
        self.settings.remember(path);
        self.status = format!(
            "Opened {}: {}{}",
            self.doc.display_name(),
            crate::words::project_counts(people, meetings, intros),
            if opening.replaced_stale {
                " (a lock left by a closed window was cleared)"
            } else {
                ""
            }
        );
        let mut prompts = self.offer_recovery_for(path);
        if !loaded.warnings.is_empty() {
            prompts.push(Prompt::Repaired {
                warnings: loaded.warnings,
            });
        }
        (prompts, None)
    }

    // ----- Saving ------------------------------------------------------

    /// Saves to the current file, or asks for one.
    pub fn save(&mut self, then: Option<Then>) -> Prompts {
        match (&self.doc.path, self.doc.origin) {
            (Some(path), Origin::File) => {
                let path = path.clone();
                self.save_to(&path, then)
            }
            _ => self.save_as(then),
        }
    }

    /// Asks where to save: in the project's folder (or the home folder),
    /// under a name made from the project's.
    pub fn save_as(&mut self, then: Option<Then>) -> Prompts {
        vec![Prompt::ChooseSavePath {
            folder: self.suggested_folder(),
            name: self.doc.suggested_file_name(),
            then,
        }]
    }

    /// The folder file dialogs start in.
    pub fn suggested_folder(&self) -> Option<PathBuf> {
        let file_folder = match (&self.doc.path, self.doc.origin) {
            (Some(path), Origin::File) => path.parent().map(Path::to_path_buf),
            _ => None,
        };
        file_folder.or_else(paths::home_folder)
    }

    /// Saves to a path the organizer chose (Save As). An existing file is
    /// replaced only once they agree; some files never are.
    pub fn save_as_to(&mut self, path: &Path, then: Option<Then>) -> Prompts {
        let path = absolute(path);
        if self.is_open_file(&path) {
            return self.save_to(&path, then);
        }
        match store::check_target(&path, self.open_file().as_deref()) {
            Target::Free => self.write_to(&path, then),
            Target::Replaceable { read_only } => vec![Prompt::ConfirmOverwrite {
                path,
                read_only,
                then,
            }],
            Target::Refused(reason) => {
                self.status = "Not saved".to_owned();
                vec![Prompt::Problem {
                    title: "Choose another file".to_owned(),
                    body: reason,
                }]
            }
        }
    }

    /// Saves to a path picked in the system's dialog, which has asked about
    /// replacing a file already; files that are never replaced are still
    /// refused, and a read-only one is asked about.
    pub fn save_as_to_confirmed(&mut self, path: &Path, then: Option<Then>) -> Prompts {
        let path = absolute(path);
        if self.is_open_file(&path) {
            return self.save_to(&path, then);
        }
        match store::check_target(&path, self.open_file().as_deref()) {
            Target::Refused(reason) => vec![Prompt::Problem {
                title: "Choose another file".to_owned(),
                body: reason,
            }],
            Target::Replaceable {
                read_only: Some(reason),
            } => vec![Prompt::ConfirmOverwrite {
                path,
                read_only: Some(reason),
                then,
            }],
            Target::Free | Target::Replaceable { read_only: None } => self.write_to(&path, then),
        }
    }

    /// Saves to `path` (the open file, or one the organizer agreed to
    /// replace). If another program replaced the open file since it was
    /// read, asks first. On failure the project stays open and unsaved.
    pub fn save_to(&mut self, path: &Path, then: Option<Then>) -> Prompts {
        let path = absolute(path);
        if self.replaced_on_disk(&path) {
            self.status = "Not saved: the file changed on disk".to_owned();
            return vec![Prompt::ChangedOnDisk { path, then }];
        }
        if self.is_open_file(&path)
            && let Some(reason) = store::read_only_reason(&path)
        {
            return vec![Prompt::ConfirmOverwrite {
                path,
                read_only: Some(reason),
                then,
            }];
        }
        self.write_to(&path, then)
    }

    /// Saves to `path` without asking (the organizer agreed), then goes on
    /// with `then`.
    pub fn write_to(&mut self, path: &Path, then: Option<Then>) -> Prompts {
        let path = absolute(path);
        match store::save_with(
            &self.doc.project,
            &path,
            self.doc.protection.as_ref(),
            self.save_writer,
        ) {
            Ok(stamp) => {
                self.doc.mark_saved(&path, stamp);
                self.reseal_after_save(&path);
                self.relock(&path);
                if self.lock.is_some() {
                    store::clean_temporary_files(&path);
                }
                self.recovery_after_save();
                self.settings.remember(&path);
                if !self.status.starts_with("Saved, but") {
                    self.status = format!("Saved {}", path.display());
                }
                then.map(|then| self.proceed(then)).unwrap_or_default()
            }
            Err(error) => {
                self.status = "Save failed: the project is still open, unsaved".to_owned();
                // Keep the work on disk somewhere while the organizer decides.
                let _ = self.write_recovery_now();
                vec![Prompt::SaveFailed {
                    body: error.to_string(),
                    then,
                }]
            }
        }
    }

    /// The open project's file, if it has one.
    pub fn open_file(&self) -> Option<PathBuf> {
        match self.doc.origin {
            Origin::File => self.doc.path.clone(),
            _ => None,
        }
    }

    fn is_open_file(&self, path: &Path) -> bool {
        self.open_file()
            .is_some_and(|open| paths::same_file(&open, path))
    }

    /// After saving to a new file: the lock moves with the project.
    fn relock(&mut self, path: &Path) {
        if self.holds_lock_of(path) {
            return;
        }
        self.lock = None;
        if let LockOutcome::Locked { lock, .. } = store::lock(path) {
            self.lock = Some(lock);
        }
    }

    /// Whether the file at `path` (the open one) was replaced by another
    /// program since it was opened or saved.
    fn replaced_on_disk(&self, path: &Path) -> bool {
        self.is_open_file(path)
            && self
                .doc
                .disk_stamp
                .is_some_and(|stamp| stamp.changed_on_disk(path))
    }

    /// Whether an export may be written to `path`: never onto the open
    /// project or a file another window holds.
    pub fn check_export_target(&self, path: &Path) -> Target {
        store::check_target(&absolute(path), self.open_file().as_deref())
    }

    /// Before the window goes (or a signal ends the app): the work is
    /// copied if unsaved, the copy being written finished, the lock removed.
    pub fn shut_down(&mut self) {
        if self.doc.is_dirty() && !self.closing {
            let _ = self.write_recovery_now();
        }
        self.recovery.finish_writing();
        self.lock = None;
    }
}

/// How a file is being opened.
#[derive(Clone, Copy)]
struct Opening<'a> {
    /// Although another window holds it.
    anyway: bool,
    /// For a protected file.
    passphrase: Option<&'a store::Passphrase>,
    /// A dead window's lock was replaced.
    replaced_stale: bool,
}

/// The file is protected and the passphrase was missing or wrong (asked
/// again); a damaged encrypted file is a problem like any other.
fn needs_passphrase(kind: &store::LoadErrorKind) -> bool {
    matches!(
        kind,
        store::LoadErrorKind::NeedsPassphrase
            | store::LoadErrorKind::Protected(store::CryptoError::WrongPassphrase)
    )
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// What the backup of `path` holds, if there is one that opens.
fn backup_contents(path: &Path, passphrase: Option<&store::Passphrase>) -> Option<String> {
    let loaded = store::load_protected(&store::backup_path(path), passphrase).ok()?;
    let (people, meetings, intros) = loaded.project.counts();
    Some(crate::words::project_counts(people, meetings, intros))
}
