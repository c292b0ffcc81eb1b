//! The passphrase dialogs (open a protected file, protect or change,
//! remove) and the locked window.

use std::path::PathBuf;

use egui::{Context, Ui};
use zeroize::Zeroize;

use super::dialogs::{Answer, heading, show, show_until_chosen};
use crate::store::Passphrase;
use crate::store::crypto::MIN_PASSPHRASE_CHARS;
use crate::ui::Command;

/// Typed secret text, wiped from memory when the dialog goes.
#[derive(Clone, Default)]
pub struct SecretText(String);

impl SecretText {
    /// The text as a passphrase.
    fn to_passphrase(&self) -> Passphrase {
        Passphrase::new(self.0.clone())
    }

    /// Empties the field (and wipes what it held).
    pub fn clear(&mut self) {
        self.0.zeroize();
    }

    /// The typed text.
    pub fn text(&self) -> &str {
        &self.0
    }
}

impl Drop for SecretText {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretText(…)")
    }
}

/// What a passphrase dialog is for.
#[derive(Clone, Debug)]
pub enum PassphrasePurpose {
    /// Open this protected file.
    Open {
        /// The file.
        path: PathBuf,
        /// Open although another window holds it (already agreed).
        anyway: bool,
    },
    /// Protect the project, or change its passphrase.
    Protect {
        /// A passphrase is set already.
        changing: bool,
    },
}

/// A passphrase dialog's state.
#[derive(Clone, Debug)]
pub struct PassphraseDialog {
    /// What it is for.
    pub purpose: PassphrasePurpose,
    first: SecretText,
    again: SecretText,
    /// Why it is asked again (a wrong passphrase).
    pub problem: Option<String>,
    focused: bool,
}

impl PassphraseDialog {
    /// An empty dialog for `purpose`.
    pub fn new(purpose: PassphrasePurpose, problem: Option<String>) -> Self {
        Self {
            purpose,
            first: SecretText::default(),
            again: SecretText::default(),
            problem,
            focused: false,
        }
    }
}

/// A masked field labelled `label`; takes the keyboard when `focus`.
fn secret_field_ui(ui: &mut Ui, label: &str, text: &mut SecretText, focus: bool) -> egui::Response {
    let label = ui.label(label);
    // As wide as the dialog, never wider than a long passphrase needs.
    let width = ui.available_width().min(420.0);
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut text.0)
                .password(true)
                .desired_width(width),
        )
        .labelled_by(label.id);
    if focus {
        field.request_focus();
    }
    field
}

fn entered(field: &egui::Response) -> bool {
    field.lost_focus() && field.ctx.input(|i| i.key_pressed(egui::Key::Enter))
}

/// The dialog for `dialog`.
pub(super) fn passphrase_ui(ctx: &Context, dialog: &mut PassphraseDialog) -> Answer {
    match dialog.purpose.clone() {
        PassphrasePurpose::Open { path, anyway } => open_ui(ctx, dialog, path, anyway),
        PassphrasePurpose::Protect { changing } => protect_ui(ctx, dialog, changing),
    }
}

fn open_ui(ctx: &Context, dialog: &mut PassphraseDialog, path: PathBuf, anyway: bool) -> Answer {
    show(ctx, "open_protected", |ui| {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        heading(ui, format!("Open {name}"));
        ui.label("This project is protected. Type its passphrase to open it.");
        if let Some(problem) = &dialog.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        ui.add_space(4.0);
        let focus = !std::mem::replace(&mut dialog.focused, true);
        let field = secret_field_ui(ui, "Passphrase", &mut dialog.first, focus);
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        let ready = !dialog.first.text().is_empty();
        ui.horizontal(|ui| {
            let open = ui.add_enabled(ready, egui::Button::new("Open"));
            if open.clicked() || (ready && entered(&field)) {
                choice = Answer::Run(Command::OpenProtected {
                    path: path.clone(),
                    passphrase: dialog.first.to_passphrase(),
                    anyway,
                });
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
            }
        });
        choice
    })
}

/// Why the typed passphrases cannot be used yet, if they cannot.
pub fn new_passphrase_problem(first: &str, again: &str) -> Option<String> {
    if first.chars().count() < MIN_PASSPHRASE_CHARS {
        Some(format!(
            "At least {MIN_PASSPHRASE_CHARS} characters; several words are easier to remember \
             and harder to guess."
        ))
    } else if first != again {
        Some("The two passphrases differ.".to_owned())
    } else {
        None
    }
}

fn protect_ui(ctx: &Context, dialog: &mut PassphraseDialog, changing: bool) -> Answer {
    show_until_chosen(ctx, "protect", |ui| {
        heading(
            ui,
            if changing {
                "Change the passphrase"
            } else {
                "Protect with a passphrase"
            },
        );
        ui.label(
            "The project file, its backup and its recovery copies are encrypted (a standard \
             age file: `age -d` opens it with the same passphrase). Relational asks for the \
             passphrase each time it opens the file.",
        );
        ui.add_space(4.0);
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "A forgotten passphrase cannot be recovered: nobody, not the makers of Relational \
             either, can open the file without it. Write it down somewhere safe.",
        );
        ui.add_space(6.0);
        let focus = !std::mem::replace(&mut dialog.focused, true);
        secret_field_ui(ui, "New passphrase", &mut dialog.first, focus);
        let again = secret_field_ui(ui, "The same passphrase again", &mut dialog.again, false);
        let problem = new_passphrase_problem(dialog.first.text(), dialog.again.text());
        // The hint keeps its line, so the buttons never move under the pointer.
        ui.weak(problem.as_deref().unwrap_or("The two passphrases match."));
        ui.add_space(4.0);
        ui.weak(
            "Protecting saves the project now. Copies written before may stay readable on \
             the disk until it reuses their space.",
        );
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            let ready = problem.is_none();
            let text = if changing {
                "Change and save"
            } else {
                "Protect and save"
            };
            let button = ui.add_enabled(ready, egui::Button::new(text));
            if button.clicked() || (ready && entered(&again)) {
                choice = Answer::Run(Command::Protect(dialog.first.to_passphrase()));
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
            }
        });
        choice
    })
}

/// Asks before the project is saved as plain text again.
pub(super) fn remove_protection_ui(ctx: &Context) -> Answer {
    show(ctx, "remove_protection", |ui| {
        heading(ui, "Remove the passphrase?");
        ui.label(
            "The project, its backup and its recovery copies are saved as plain text again: \
             anyone who can read the files can read every name and note.",
        );
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui.button("Remove and save").clicked() {
                choice = Answer::Run(Command::RemoveProtection);
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
            }
        });
        choice
    })
}

/// What the locked window keeps: the field and why the last try failed.
#[derive(Debug, Default)]
pub struct LockScreen {
    typed: SecretText,
    problem: Option<String>,
    focused: bool,
}

impl LockScreen {
    /// The last try was wrong.
    pub fn wrong(&mut self) {
        self.typed.clear();
        self.problem = Some("That is not the passphrase. Try again.".to_owned());
        self.focused = false;
    }

    /// Unlocked: forget the try.
    pub fn reset(&mut self) {
        *self = Self::default();
    }
}

/// The whole window while locked: no name, no note, only the way back in.
/// Returns the passphrase typed, once Unlock is pressed.
pub fn locked_ui(ui: &mut Ui, screen: &mut LockScreen, file: &str) -> Option<Passphrase> {
    let mut typed = None;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.25);
            ui.heading("Relational is locked");
            ui.label(format!(
                "{file} is open and nothing is lost. Type its passphrase to go on."
            ));
            ui.add_space(8.0);
            let focus = !std::mem::replace(&mut screen.focused, true);
            let field = secret_field_ui(ui, "Passphrase", &mut screen.typed, focus);
            // The message keeps its line, so the button stays where it was.
            match &screen.problem {
                Some(problem) => ui.colored_label(ui.visuals().warn_fg_color, problem),
                None => ui.weak(" "),
            };
            let ready = !screen.typed.text().is_empty();
            let unlock = ui.add_enabled(ready, egui::Button::new("Unlock"));
            if ready && (unlock.clicked() || entered(&field)) {
                typed = Some(screen.typed.to_passphrase());
            }
        });
    });
    typed
}
