//! The one place commands are applied. Rules live in the model and the
//! workspace; this only routes each command to them and shows the answer.

use super::RelationalApp;
use crate::meeting::rules;
use crate::model::{MeetingId, MeetingStatus, PersonId};

/// The field a debrief opens at: the first notes of the meeting.
const DEBRIEF_FIELD: &str = "Story shared";
use crate::ui::{Action, Command, MapExport, Picked, View};
use crate::workspace::{Prompt, Prompts, Then};

impl RelationalApp {
    pub(super) fn apply(&mut self, command: Command) {
        let ws = &mut self.workspace;
        match command {
            Command::Action(action) => self.run_action(action),
            Command::Edit { edit, label, merge } => ws.edit(edit, &label, merge),
            Command::EndTyping => ws.doc.history.close_merge(),
            Command::Say(text) => ws.status = text,
            Command::OpenProtected {
                path,
                passphrase,
                anyway,
            } => {
                let prompts = ws.open_with_passphrase(&path, passphrase, anyway);
                self.ask(prompts);
            }
            Command::Protect(passphrase) => {
                let prompts = ws.protect(passphrase);
                self.ask(prompts);
            }
            Command::RemoveProtection => {
                let prompts = ws.remove_protection();
                self.ask(prompts);
            }
            Command::SetAutoLock(minutes) => {
                ws.settings.auto_lock_minutes = minutes;
                ws.status = match minutes {
                    Some(minutes) => {
                        format!("A project with a passphrase locks after {minutes} idle minutes")
                    }
                    None => "The window no longer locks by itself".to_owned(),
                };
            }
            Command::Unlock(passphrase) => {
                if ws.unlock(&passphrase, std::time::Instant::now()) {
                    self.lock_screen.reset();
                } else {
                    self.lock_screen.wrong();
                }
            }
            Command::SelectPerson(id) => self.views.selected = id,
            Command::SelectMeeting(id) => self.views.selected_meeting = id,
            Command::OpenPerson(id) => self.open_person(id),
            Command::OpenMeeting(id) => self.open_meeting(id),
            Command::Reveal { record, control } => self.reveal(record, control),
            Command::StartProject { name, me, who } => {
                let prompts = ws.start_project(&name, &me, &who);
                self.ask(prompts);
            }
            Command::Welcomed => ws.settings.welcomed = true,
            Command::SearchEverything(text) => self.dialogs.show(super::Modal::search(text)),
            Command::FilterPeopleByTag(tag) => {
                self.views.people_view.query.search = tag;
                self.views.selected = None;
                self.views.view = View::People;
            }
            Command::OpenPath(path) => self.request(Then::OpenPath(path)),
            Command::OpenBackup(path) => self.request(Then::OpenBackup(path)),
            Command::OpenChosen(path) => {
                let prompts = ws.open_path(&path);
                self.ask(prompts);
            }
            Command::OpenAnyway(path) => {
                let prompts = ws.open_anyway(&path);
                self.ask(prompts);
            }
            Command::SaveThen(then) => {
                let prompts = ws.save(Some(then));
                self.ask(prompts);
            }
            Command::DiscardThen(then) => {
                let prompts = ws.discard_then(then);
                self.ask(prompts);
            }
            Command::SaveAs(then) => {
                let prompts = ws.save_as(then);
                self.ask(prompts);
            }
            Command::SaveAsTo(path, then) => {
                let prompts = ws.save_as_to(&path, then);
                self.ask(prompts);
            }
            Command::Overwrite(path, then) => {
                let prompts = ws.write_to(&path, then);
                self.ask(prompts);
            }
            Command::Restore(copy) => {
                let prompts = ws.restore_when_safe(*copy);
                self.ask(prompts);
            }
            Command::DiscardCopy(slot) => ws.discard_offered_copy(&slot),
            Command::ExportTo(kind, path) => self.export_to_checked(kind, &path),
            Command::ExportOver(kind, path) => self.export_to(kind, &path),
            Command::DeletePerson(id, policy) => self.delete_person(id, policy),
            Command::AskDeletePerson(id) => self.ask_delete_person(id),
            Command::AskForgetPerson(id) => {
                if ws.doc.project.person(id).is_some() {
                    self.dialogs.show(super::Modal::ForgetPerson(id));
                }
            }
            Command::ForgetPerson(id) => {
                let prompts = ws.forget_person(id);
                if self.views.selected == Some(id) {
                    self.views.selected = None;
                }
                self.ask(prompts);
            }
            Command::AddIntroduction {
                introducer,
                introduced,
            } => {
                let today = ws.clock.today();
                let project = &mut ws.doc.project;
                let label = format!(
                    "{} introduced {}",
                    project.name_of(introducer),
                    project.name_of(introduced)
                );
                let edit = rules::introduce(project, introducer, introduced, today);
                ws.edit(edit, &label, None);
            }
            Command::NewMeeting(person) => self.new_meeting(person),
            Command::SetMeetingStatus(id, status) => {
                let label = format!("Mark meeting {}", status.label().to_lowercase());
                let planned = rules::set_status(&ws.doc.project, id, status);
                ws.apply_planned(planned, &label);
            }
            Command::AddReferral(id, referral) => {
                let today = ws.clock.today();
                let planned = rules::add_referral(&mut ws.doc.project, id, referral, today);
                ws.apply_planned(planned, "Add referral");
            }
            Command::CopyNotesToProfile(id) => self.copy_notes_to_profile(id),
            Command::RecordAnswer(id, answer) => {
                let planned = crate::ask::record_answer(&mut ws.doc.project, id, answer);
                ws.apply_planned(planned, "Record the answer");
            }
            Command::RecordKept(id, kept) => {
                let planned = crate::ask::record_kept(&ws.doc.project, id, kept);
                ws.apply_planned(planned, "Record the commitment");
            }
            Command::AddFollowUp {
                to,
                what,
                owner,
                due,
            } => {
                let today = ws.clock.today();
                let planned =
                    rules::add_follow_up(&mut ws.doc.project, to, what, owner, due, today);
                ws.apply_planned(planned, "Add follow-up");
            }
            Command::SetFollowUpDone(item, done) => {
                let label = if done {
                    "Mark follow-up done"
                } else {
                    "Mark follow-up not done"
                };
                let planned = rules::set_follow_up_done(&ws.doc.project, item, done);
                ws.apply_planned(planned, label);
            }
            Command::LogContact(person, contact) => {
                let label = format!(
                    "Log contact with {}: {}",
                    ws.doc.project.name_of(person),
                    contact.summary()
                );
                match rules::log_contact(&ws.doc.project, person, contact) {
                    Ok(edit) => {
                        ws.edit(edit, &label, None);
                        ws.status = label;
                    }
                    Err(error) => ws.status = format!("Not changed: {error}"),
                }
            }
            Command::Debrief(id, status) => self.debrief(id, status),
            Command::InsertQuestion(id, theme, question) => {
                let planned = rules::insert_question(&ws.doc.project, id, theme, question);
                ws.apply_planned(planned, "Insert question");
            }
            Command::ShowPrepCard(id) => {
                if let Some(card) = rules::prep_card(&ws.doc.project, id) {
                    self.dialogs.show(super::Modal::PrepCard {
                        meeting: id,
                        card,
                        copied: false,
                    });
                }
            }
            Command::ExportMap(format) => self.export_map(format),
            Command::ExportData(format) => self.export_data(format),
            Command::PrintPrepCard(id) => self.export(crate::ui::ExportKind::PrepCard(id)),
            Command::SetAnonymizeExports(on) => ws.settings.anonymize_exports = on,
            Command::SetCsvBom(on) => ws.settings.csv_without_bom = !on,
            Command::SetClock(clock) => {
                ws.settings.clock = clock;
                crate::dates::set_style(ws.settings.date_style());
            }
            Command::ImportFile(path) => self.open_import(&path),
            Command::Import(run) => {
                let report =
                    ws.import_rows(&run.rows, &run.file_name, &run.signature, &run.mapping);
                self.dialogs.show(super::Modal::ImportReport {
                    text: report.text(),
                    tag: report.tag,
                    copied: false,
                });
            }
            Command::AskMerge(a, b) => {
                let dialog = super::MergeDialog::new(&ws.doc.project, a, b);
                self.dialogs.show(super::Modal::Merge(dialog));
            }
            Command::Merge { kept, other, picks } => {
                ws.merge_people(kept, other, &picks);
                if self.views.selected == Some(other) {
                    self.views.selected = Some(kept);
                }
            }
            Command::SetDateOrder(order) => {
                ws.settings.date_order = order;
                crate::dates::set_style(ws.settings.date_style());
            }
        }
        self.views.forget_missing(&self.workspace.doc.project);
    }

    /// One registry action, however it was triggered.
    fn run_action(&mut self, action: Action) {
        use crate::export::ExportFormat;
        let ws = &mut self.workspace;
        match action {
            Action::NewProject => self.request(Then::NewProject),
            Action::Open => self.request(Then::ChooseFileToOpen),
            Action::Save => {
                let prompts = ws.save(None);
                self.ask(prompts);
            }
            Action::SaveAs => {
                let prompts = ws.save_as(None);
                self.ask(prompts);
            }
            Action::ExportCalendar => self.export_data(ExportFormat::Calendar),
            Action::ExportLeaders => self.export_data(ExportFormat::LeadersCsv),
            Action::ExportSheet => self.export_data(ExportFormat::SheetCsv),
            Action::PrintLeaders => self.export_data(ExportFormat::LeadersPdf),
            Action::PrintSheet => self.export_data(ExportFormat::SheetPdf),
            Action::PrintBlankSheet => self.export_data(ExportFormat::BlankSheetPdf),
            Action::ExportMapPng => self.export_map(MapExport::Png),
            Action::ExportMapSvg => self.export_map(MapExport::Svg),
            Action::Quit => self.request(Then::Quit),
            Action::Protect | Action::ChangePassphrase => {
                let purpose = super::protection::PassphrasePurpose::Protect {
                    changing: ws.doc.protection.is_some(),
                };
                let dialog = super::protection::PassphraseDialog::new(purpose, None);
                self.dialogs.show(super::Modal::Passphrase(dialog));
            }
            Action::RemovePassphrase => {
                if ws.doc.protection.is_some() {
                    self.dialogs.show(super::Modal::RemoveProtection);
                } else {
                    ws.status = "This project has no passphrase".to_owned();
                }
            }
            Action::LockWindow => ws.lock_window(),
            Action::ScreenShare => {
                ws.settings.screen_share = !ws.settings.screen_share;
                ws.status = if ws.settings.screen_share {
                    "Screen-share mode: initials instead of names; editing text is paused"
                } else {
                    "Screen-share mode is off: names are shown"
                }
                .to_owned();
            }
            Action::Undo => ws.undo_or_redo(true),
            Action::Redo => ws.undo_or_redo(false),
            Action::ShowPeople => self.views.view = View::People,
            Action::ShowMap => self.views.view = View::Map,
            Action::Back => self.travel(true),
            Action::Forward => self.travel(false),
            Action::CommandPalette => self.dialogs.show(super::Modal::palette()),
            Action::FocusMenuBar => {
                if let Some(file) = crate::ui::menu_bar_target(&self.ctx) {
                    self.ctx.memory_mut(|m| m.request_focus(file));
                }
            }
            Action::SearchEverything => self.dialogs.show(super::Modal::search(String::new())),
            Action::OpenDemo => self.request(Then::OpenDemo),
            Action::ImportPeople => self.pick_list_to_import(),
            Action::FindDuplicates => {
                let pairs = crate::import::duplicates::find(&ws.doc.project);
                self.dialogs.show(super::Modal::Duplicates(pairs));
            }
            Action::ShowMeetings => self.views.view = View::Meetings,
            Action::ShowDashboard => self.views.view = View::Dashboard,
            Action::FocusSearch => {
                self.views.view = View::People;
                let search = crate::ui::people::search_field_id();
                self.ctx.memory_mut(|m| m.request_focus(search));
            }
            Action::AddPerson => self.add_person(),
            Action::NewMeeting => match self.views.selected {
                Some(person) => self.new_meeting(person),
                None => ws.status = "Select a person first, then plan the one-to-one".to_owned(),
            },
            Action::MapArrangeForces => {
                self.views.view = View::Map;
                self.views.map_view.arrange_by_force(&ws.doc.project);
            }
            Action::MapArrangeTree => {
                self.views.view = View::Map;
                if let Some(edit) = self.views.map_view.arrange_as_tree(&ws.doc.project) {
                    ws.edit(edit, "Arrange the map as a tree", None);
                }
            }
            Action::MapFit => self.views.map_view.fit(),
            Action::MapZoomIn => self.views.map_view.zoom(1.25),
            Action::MapZoomOut => self.views.map_view.zoom(0.8),
            Action::MapToggleConnect => {
                let map = &mut self.views.map_view;
                map.connect_mode = !map.connect_mode;
            }
        }
    }

    /// Back (or Forward) along the places visited.
    fn travel(&mut self, back: bool) {
        let here = self.views.place();
        let trail = &mut self.views.trail;
        let to = if back {
            trail.back(here)
        } else {
            trail.forward(here)
        };
        if let Some(place) = to {
            self.views.go(place);
            self.travelled = true;
        }
    }

    /// Runs `then` now, or first asks about unsaved changes.
    fn request(&mut self, then: Then) {
        let prompts = self.workspace.request(then);
        self.ask(prompts);
    }

    /// Shows what the workspace asks: file pickers now, dialogs in turn.
    pub(super) fn ask(&mut self, prompts: Prompts) {
        for prompt in prompts {
            match prompt {
                Prompt::ChooseFileToOpen => self.pick_file_to_open(),
                Prompt::ChooseSavePath { folder, name, then } => {
                    self.pick_save_path(folder, &name, then);
                }
                other => self.dialogs.show(super::Modal::from_prompt(other)),
            }
        }
        self.follow_document();
    }

    fn pick_file_to_open(&mut self) {
        let folder = self.workspace.suggested_folder();
        match self.file_dialogs.pick_project_to_open(folder.as_deref()) {
            Picked::Path(path) => {
                let prompts = self.workspace.open_path(&path);
                self.ask(prompts);
            }
            Picked::Cancelled => {}
            Picked::Unavailable => self.dialogs.show(super::Modal::typed_path_to_open()),
        }
    }

    fn pick_list_to_import(&mut self) {
        let folder = self.workspace.suggested_folder();
        match self.file_dialogs.pick_list_to_import(folder.as_deref()) {
            Picked::Path(path) => self.open_import(&path),
            Picked::Cancelled => {}
            Picked::Unavailable => self.dialogs.show(super::Modal::TypedPath {
                purpose: super::dialogs::PathPurpose::Import,
                text: String::new(),
                focused: false,
            }),
        }
    }

    /// Reads the list and opens the import dialog, or says why it cannot.
    fn open_import(&mut self, path: &std::path::Path) {
        match self.workspace.read_import(path) {
            Ok((source, remembered)) => {
                let dialog = super::ImportDialog::new(source, remembered);
                self.dialogs.show(super::Modal::Import(Box::new(dialog)));
            }
            Err(body) => self.dialogs.show(super::Modal::Message {
                title: "This list cannot be imported".to_owned(),
                body: format!("{body}\n\nNothing was imported."),
            }),
        }
    }

    fn pick_save_path(
        &mut self,
        folder: Option<std::path::PathBuf>,
        name: &str,
        then: Option<Then>,
    ) {
        match self
            .file_dialogs
            .pick_project_to_save(folder.as_deref(), name)
        {
            // The native dialog asked about replacing a file already.
            Picked::Path(path) => {
                let prompts = self.workspace.save_as_to_confirmed(&path, then);
                self.ask(prompts);
            }
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let modal = super::Modal::typed_path_to_save(folder.as_deref(), name, then);
                self.dialogs.show(modal);
            }
        }
    }

    fn open_person(&mut self, id: PersonId) {
        self.views.selected = Some(id);
        self.views.view = View::People;
    }

    fn open_meeting(&mut self, id: MeetingId) {
        self.views.selected_meeting = Some(id);
        self.views.view = View::Meetings;
    }

    /// Opens the record a search match is in, at the matching control.
    fn reveal(&mut self, record: crate::query::everything::Record, control: String) {
        use crate::query::everything::Record;
        match record {
            Record::Person(id) | Record::Introduction(_, id) => self.open_person(id),
            Record::Meeting(id) => self.open_meeting(id),
            Record::Project => {
                self.views.view = View::Dashboard;
                self.views.dashboard_view.tab = crate::ui::dashboard::DashboardTab::Sentence;
            }
        }
        self.views.reveal = Some(control);
    }

    /// Records the outcome of a meeting whose time passed. Held opens its
    /// notes to write the debrief; a no-show is offered another meeting.
    fn debrief(&mut self, id: MeetingId, status: MeetingStatus) {
        let ws = &mut self.workspace;
        let Some(person) = ws.doc.project.meetings.get(&id).map(|m| m.person) else {
            return;
        };
        let name = ws.doc.project.name_of(person).to_owned();
        let planned = rules::set_status(&ws.doc.project, id, status);
        let label = format!(
            "Mark the one-to-one with {name} {}",
            status.label().to_lowercase()
        );
        ws.apply_planned(planned, &label);
        match status {
            MeetingStatus::Held => {
                self.open_meeting(id);
                self.views.reveal = Some(DEBRIEF_FIELD.to_owned());
            }
            MeetingStatus::NoShow => {
                self.views.dashboard_view.offer_again(id, person);
            }
            _ => {}
        }
    }

    fn new_meeting(&mut self, person: PersonId) {
        let ws = &mut self.workspace;
        let label = format!("Plan a meeting with {}", ws.doc.project.name_of(person));
        match rules::plan_meeting(&mut ws.doc.project, person) {
            Ok((id, edit)) => {
                ws.edit(edit, &label, None);
                self.open_meeting(id);
                // A new meeting starts at its first field to fill.
                self.views.reveal = Some("Place".to_owned());
            }
            Err(error) => ws.status = format!("Not changed: {error}"),
        }
    }

    fn add_person(&mut self) {
        let id = self.workspace.add_person();
        self.open_person(id);
        self.views.person_editor.focus_name = true;
    }

    fn copy_notes_to_profile(&mut self, id: MeetingId) {
        let ws = &mut self.workspace;
        match rules::copy_notes_to_profile(&ws.doc.project, id) {
            Some(edit) => {
                ws.edit(edit, "Add what was learned to the profile", None);
                ws.status = "Added what you learned to the profile".to_owned();
            }
            None => ws.status = "Nothing new to add to the profile".to_owned(),
        }
    }

    fn ask_delete_person(&mut self, id: PersonId) {
        let project = &self.workspace.doc.project;
        if project.person(id).is_some() {
            let links = project.links_of(id);
            self.dialogs.show(super::Modal::DeletePerson {
                id,
                links,
                policy: crate::model::IntroductionPolicy::Remove,
            });
        }
    }

    /// Deletes a person and what refers to them, as one undo step.
    fn delete_person(&mut self, id: PersonId, policy: crate::model::IntroductionPolicy) {
        let ws = &mut self.workspace;
        let name = ws.doc.project.name_of(id).to_owned();
        match crate::model::delete_person(&ws.doc.project, id, policy) {
            Ok(edit) => {
                ws.edit(edit, &format!("Delete {name}"), None);
                if ws.doc.project.person(id).is_none() {
                    ws.status = format!("Deleted {name}");
                }
            }
            Err(error) => ws.status = format!("Not deleted: {error}"),
        }
    }
}
