//! "Log contact" on a person: pick how (or keep the last channel), click
//! what came of it, and the try is logged, dated now. Two clicks at most;
//! a note and another day are optional.

use chrono::{NaiveDate, NaiveDateTime};
use egui::Ui;

use crate::model::{Contact, ContactChannel, ContactOutcome, Person};
use crate::ui::{Command, Commands};

/// Tries shown under the buttons; older ones stay in the file.
const SHOWN_CONTACTS: usize = 5;

/// The log form's state between frames.
#[derive(Clone, Debug, Default)]
pub struct ContactDraft {
    /// How; `None` keeps the channel of the last logged contact.
    pub channel: Option<ContactChannel>,
    /// An optional note.
    pub note: String,
    /// Another day than today, if chosen.
    pub day: Option<NaiveDate>,
}

impl ContactDraft {
    /// The channel shown: the chosen one, else the one last used, else a
    /// call.
    fn channel_for(&self, person: &Person) -> ContactChannel {
        self.channel
            .or_else(|| person.last_contact().map(|c| c.channel))
            .unwrap_or_default()
    }
}

/// The log form and the latest tries.
pub fn contact_log_ui(
    ui: &mut Ui,
    person: &Person,
    now: NaiveDateTime,
    draft: &mut ContactDraft,
    commands: &mut Commands,
) {
    ui.strong("Log contact");
    if person.do_not_contact {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Asked not to be contacted: log only what they started",
        );
    }
    let channel = draft.channel_for(person);
    ui.horizontal_wrapped(|ui| {
        ui.weak("How");
        for choice in ContactChannel::ALL {
            if ui
                .selectable_label(channel == choice, choice.label())
                .clicked()
            {
                draft.channel = Some(choice);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.weak("What came of it");
        for outcome in ContactOutcome::ALL {
            let name = format!(
                "Log {}: {}",
                channel.label().to_lowercase(),
                outcome.label()
            );
            let response = ui.button(outcome.label());
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name)
            });
            if response.clicked() {
                let day = draft.day.unwrap_or(now.date());
                commands.push(Command::LogContact(
                    person.id,
                    Contact {
                        at: day.and_time(now.time()),
                        channel,
                        outcome,
                        note: draft.note.trim().to_owned(),
                    },
                ));
                *draft = ContactDraft {
                    channel: draft.channel,
                    ..ContactDraft::default()
                };
            }
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Note");
        ui.add(
            egui::TextEdit::singleline(&mut draft.note)
                .hint_text("optional: what they said, when to try again")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        ui.weak("on");
        let mut day = draft.day.unwrap_or(now.date());
        if crate::ui::date_time::date_ui(ui, "Day of the contact", &mut day, now.date()) {
            draft.day = Some(day);
        }
    });
    recent_contacts_ui(ui, person, now);
}

/// The latest tries, newest first.
fn recent_contacts_ui(ui: &mut Ui, person: &Person, now: NaiveDateTime) {
    if person.contacts.is_empty() {
        ui.weak("No contact logged yet");
        return;
    }
    let style = crate::dates::style();
    for contact in person.contacts.iter().rev().take(SHOWN_CONTACTS) {
        let when = style.day_time(contact.at, chrono::Datelike::year(&now));
        let mut line = format!("{when} · {}", contact.summary());
        if !contact.note.is_empty() {
            line.push_str(&format!(" · {}", contact.note));
        }
        crate::ui::widgets::one_line(ui, line);
    }
    let older = person.contacts.len().saturating_sub(SHOWN_CONTACTS);
    if older > 0 {
        ui.weak(format!(
            "and {} before",
            crate::words::count(older, "earlier contact", "earlier contacts")
        ));
    }
}
