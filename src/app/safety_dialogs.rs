//! Dialogs about the safety of the work: a recovery copy found, a failed
//! save, a file changed on disk, a file open in another window.

use std::path::Path;
use std::time::SystemTime;

use egui::{Context, Ui};

use super::Document;
use super::dialogs::{Answer, OverwritePurpose, show, show_until_chosen};
use crate::store::{LockOwner, Recovered};
use crate::ui::Command;
use crate::workspace::Then;

pub(super) fn recovery_ui(
    ctx: &Context,
    doc: &Document,
    copy: &Recovered,
    comparison: &mut Option<(usize, usize, usize)>,
) -> Answer {
    // No way out but a choice: edits made meanwhile would overwrite the copy.
    show_until_chosen(ctx, "recovery", |ui| {
        super::dialogs::heading(ui, "Recover unsaved work?");
        let whose = match &copy.original {
            Some(path) => format!("{}", path.display()),
            None => "a project that was never saved".to_owned(),
        };
        ui.label(format!(
            "Relational closed without saving changes to {whose}. A recovery copy from {} \
             holds them.",
            when(copy.written)
        ));
        if copy.file_changed_after {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The file was saved after this copy was written (in another window, or by a \
                 sync program?): the copy may hold older work. Compare before restoring.",
            );
        }
        if let Some(differences) = *comparison {
            ui.add_space(6.0);
            compare_ui(ui, doc, copy, differences);
        }
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui
                .button("Restore")
                .on_hover_text("Open the copy, unsaved")
                .clicked()
            {
                choice = Answer::Run(Command::Restore(Box::new(copy.clone())));
            }
            if ui
                .selectable_label(comparison.is_some(), "Compare")
                .clicked()
            {
                // Comparing every record is done once, not every frame.
                *comparison = match comparison {
                    Some(_) => None,
                    None => Some(doc.project.differences(&copy.project)),
                };
            }
            if ui
                .button("Discard copy")
                .on_hover_text("Delete the copy and keep the file as it is")
                .clicked()
            {
                choice = Answer::Run(Command::DiscardCopy(copy.slot.clone()));
            }
        });
        choice
    })
}

/// Counts side by side: what is open now against the copy.
fn compare_ui(
    ui: &mut Ui,
    doc: &Document,
    copy: &Recovered,
    (people_changed, meetings_changed, intros_changed): (usize, usize, usize),
) {
    let opened = copy.original.is_some() && doc.path == copy.original;
    let (people, meetings, intros) = doc.project.counts();
    let (copy_people, copy_meetings, copy_intros) = copy.project.counts();
    egui::Grid::new("recovery_compare")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong("");
            ui.strong(if opened { "In the file" } else { "Open now" });
            ui.strong("In the copy");
            ui.end_row();
            for (what, now, then) in [
                ("People", people, copy_people),
                ("Meetings", meetings, copy_meetings),
                ("Introductions", intros, copy_intros),
            ] {
                ui.label(what);
                ui.label(now.to_string());
                ui.label(if then == now {
                    then.to_string()
                } else {
                    format!("{then} ({:+})", then as i64 - now as i64)
                });
                ui.end_row();
            }
        });
    ui.label(if people_changed + meetings_changed + intros_changed == 0 {
        "The copy holds the same records.".to_owned()
    } else {
        format!(
            "Added, removed or edited in the copy: people {people_changed}, meetings \
             {meetings_changed}, introductions {intros_changed}."
        )
    });
    if !copy.warnings.is_empty() {
        ui.weak(format!(
            "{} in the copy will be repaired.",
            crate::words::count(copy.warnings.len(), "record", "records")
        ));
    }
}

pub(super) fn save_failed_ui(ctx: &Context, body: &str, then: &Option<Then>) -> Answer {
    show(ctx, "save_failed", |ui| {
        super::dialogs::heading(ui, "Could not save");
        ui.label(body);
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui.button("Save As…").clicked() {
                choice = Answer::Run(Command::SaveAs(then.clone()));
            }
            if ui.button("Not now").clicked() {
                choice = Answer::Close;
            }
        });
        choice
    })
}

pub(super) fn changed_on_disk_ui(ctx: &Context, path: &Path, then: &Option<Then>) -> Answer {
    show(ctx, "changed_on_disk", |ui| {
        super::dialogs::heading(ui, "The file changed on disk");
        ui.label(format!(
            "{} was changed by another program since you opened it. Saving now replaces \
             those changes with yours (the replaced version is kept as .bak).",
            path.display()
        ));
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui.button("Save As…").clicked() {
                choice = Answer::Run(Command::SaveAs(then.clone()));
            }
            if ui.button("Overwrite").clicked() {
                choice = Answer::Run(Command::Overwrite(path.to_path_buf(), then.clone()));
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
            }
        });
        choice
    })
}

pub(super) fn overwrite_ui(
    ctx: &Context,
    path: &Path,
    read_only: Option<&str>,
    purpose: &OverwritePurpose,
) -> Answer {
    show(ctx, "confirm_overwrite", |ui| {
        super::dialogs::heading(ui, "Replace the file?");
        let what = match purpose {
            OverwritePurpose::Save(_) => "this project",
            OverwritePurpose::Export(_) => "the export",
        };
        ui.label(format!(
            "{} already exists. Replacing it puts {what} in its place; what the file holds \
             now is lost (a project file replaced by a save is kept as .bak).",
            path.display()
        ));
        if let Some(reason) = read_only {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("Careful: {reason}, perhaps on purpose."),
            );
        }
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() {
                choice = Answer::Run(match purpose {
                    OverwritePurpose::Save(then) => {
                        Command::Overwrite(path.to_path_buf(), then.clone())
                    }
                    OverwritePurpose::Export(kind) => {
                        Command::ExportOver(*kind, path.to_path_buf())
                    }
                });
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
            }
        });
        choice
    })
}

pub(super) fn locked_elsewhere_ui(ctx: &Context, path: &Path, owner: &LockOwner) -> Answer {
    show(ctx, "locked_elsewhere", |ui| {
        super::dialogs::heading(ui, "Already open elsewhere");
        let host = if owner.host.is_empty() {
            String::new()
        } else {
            format!(" on {}", owner.host)
        };
        ui.label(format!(
            "{} is open in another Relational window{host} (since {}). If both save, one \
             will overwrite the other's changes.",
            path.display(),
            when_secs(owner.since_secs)
        ));
        ui.add_space(8.0);
        let mut choice = Answer::Keep;
        ui.horizontal(|ui| {
            if ui.button("Open anyway").clicked() {
                choice = Answer::Run(Command::OpenAnyway(path.to_path_buf()));
            }
            if ui.button("Cancel").clicked() {
                choice = Answer::Close;
            }
        });
        choice
    })
}

/// A moment in the organizer's local time.
fn when(time: SystemTime) -> String {
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    when_secs(secs)
}

/// Seconds since 1970 in the organizer's local time; a value no calendar
/// holds (from a damaged file) reads "an unknown time".
fn when_secs(secs: u64) -> String {
    i64::try_from(secs)
        .ok()
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map(|utc| {
            let local = utc.with_timezone(&chrono::Local).naive_local();
            let style = crate::dates::style();
            format!(
                "{}, {}",
                style.day_and_year(local.date()),
                style.time(local.time())
            )
        })
        .unwrap_or_else(|| "an unknown time".to_owned())
}
