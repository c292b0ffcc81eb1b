//! Date and time controls in the app's one date style ([`crate::dates`]):
//! a date button with a calendar whose every control is named, and a time
//! field that shows and reads the chosen clock.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, Weekday};
use egui::accesskit::Role;
use egui::{Button, Popup, PopupCloseBehavior, Response, Ui, WidgetInfo};

use crate::dates::{Order, style};

/// A button showing `date`; clicking it opens a month calendar. `name` is
/// what the date is ("Meeting date"); the button is heard as
/// "Meeting date: Tuesday 1 December 2026". Returns true when it changed.
pub fn date_ui(ui: &mut Ui, name: &str, date: &mut NaiveDate, today: NaiveDate) -> bool {
    let style = style();
    let shown = if date.year() == today.year() {
        style.day(*date)
    } else {
        style.day_and_year(*date)
    };
    let response = ui.add(Button::new(shown)).on_hover_text("Choose the day");
    let spoken = format!("{name}: {}", style.long(*date));
    named(&response, Role::Button, &spoken);
    let mut changed = false;
    Popup::from_toggle_button_response(&response)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            if let Some(day) = calendar_ui(ui, name, *date, today) {
                changed = day != *date;
                *date = day;
            }
        });
    changed
}

/// Gives a control the accessible name `name` (its visible text is terse).
fn named(response: &Response, kind: Role, name: &str) {
    response.widget_info(|| WidgetInfo::labeled(kind, true, name));
}

/// A small button with a terse face, a hover text and a full name.
fn step_button(ui: &mut Ui, face: &str, name: &str) -> bool {
    let response = ui.small_button(face).on_hover_text(name);
    named(&response, Role::Button, name);
    response.clicked()
}

/// One month around `date`; returns the day chosen, if any. Choosing a day
/// closes the calendar; the arrows move the date a month or a year.
fn calendar_ui(ui: &mut Ui, name: &str, date: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    let style = style();
    let mut chosen = None;
    ui.set_min_width(250.0);
    ui.horizontal(|ui| {
        if step_button(ui, "<<", &format!("{name}: previous year")) {
            chosen = date.checked_sub_months(Months::new(12));
        }
        if step_button(ui, "<", &format!("{name}: previous month")) {
            chosen = date.checked_sub_months(Months::new(1));
        }
        ui.strong(style.month(date));
        if step_button(ui, ">", &format!("{name}: next month")) {
            chosen = date.checked_add_months(Months::new(1));
        }
        if step_button(ui, ">>", &format!("{name}: next year")) {
            chosen = date.checked_add_months(Months::new(12));
        }
    });
    if let Some(day) = month_grid_ui(ui, date, today) {
        chosen = Some(day);
        ui.close();
    }
    ui.separator();
    ui.horizontal(|ui| {
        if step_button(ui, "- 1 day", &format!("{name}: previous day")) {
            chosen = date.checked_sub_days(Days::new(1));
        }
        if ui.small_button("Today").clicked() {
            chosen = Some(today);
            ui.close();
        }
        if step_button(ui, "+ 1 day", &format!("{name}: next day")) {
            chosen = date.checked_add_days(Days::new(1));
        }
    });
    chosen
}

/// The days of `date`'s month in weeks, the week starting as the date
/// style's region starts it; returns the day clicked.
fn month_grid_ui(ui: &mut Ui, date: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    let style = style();
    let first_weekday = match style.order {
        Order::MonthDay => Weekday::Sun,
        Order::DayMonth => Weekday::Mon,
    };
    let mut clicked = None;
    egui::Grid::new("calendar_days")
        .num_columns(7)
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            let mut weekday = first_weekday;
            for _ in 0..7 {
                ui.weak(&weekday.to_string()[..2]);
                weekday = weekday.succ();
            }
            ui.end_row();
            for week in weeks(date, first_weekday) {
                for day in week {
                    let Some(day) = day else {
                        ui.label("");
                        continue;
                    };
                    let face = egui::RichText::new(format!("{:>2}", day.day())).monospace();
                    let face = if day == today { face.underline() } else { face };
                    let response = ui.selectable_label(day == date, face);
                    let spoken = if day == today {
                        format!("{}, today", style.long(day))
                    } else {
                        style.long(day)
                    };
                    response.widget_info(|| {
                        WidgetInfo::selected(Role::Button, true, day == date, &spoken)
                    });
                    if response.clicked() {
                        clicked = Some(day);
                    }
                }
                ui.end_row();
            }
        });
    clicked
}

/// The month of `date` as weeks of seven cells, `None` before the first
/// and after the last day.
pub fn weeks(date: NaiveDate, first_weekday: Weekday) -> Vec<[Option<NaiveDate>; 7]> {
    let Some(first) = date.with_day(1) else {
        return Vec::new();
    };
    let offset = first.weekday().days_since(first_weekday) as usize;
    let mut weeks = Vec::new();
    let mut week = [None; 7];
    let mut cell = offset;
    let mut day = Some(first);
    while let Some(current) = day.filter(|d| d.month() == first.month()) {
        week[cell] = Some(current);
        cell += 1;
        if cell == 7 {
            weeks.push(week);
            week = [None; 7];
            cell = 0;
        }
        day = current.succ_opt();
    }
    if cell > 0 {
        weeks.push(week);
    }
    weeks
}

/// What a time field remembers while it has the cursor.
#[derive(Clone, Default)]
struct Typed {
    text: String,
    /// The field had the cursor last frame: the text is the user's, even
    /// on the frame the cursor leaves (when it is read).
    editing: bool,
    /// The last text could not be read as a time.
    unreadable: bool,
}

/// A time field in the app's clock ("18:30" or "6:30 PM") that also reads
/// the other clock, "6pm" and "noon". The typed text is taken on Enter or
/// when the cursor leaves; text that is not a time is refused with a hint
/// and the old time kept. Returns true when the time changed.
pub fn time_ui(ui: &mut Ui, name: &str, time: &mut NaiveTime) -> bool {
    let style = style();
    let id = ui.make_persistent_id(("time_field", name));
    let mut typed: Typed = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let has_focus = ui.memory(|m| m.has_focus(id));
    let was_editing = typed.editing;
    if !has_focus && !was_editing {
        typed.text = style.time(*time);
    }
    let response = ui.add(
        egui::TextEdit::singleline(&mut typed.text)
            .id(id)
            .desired_width(80.0)
            .hint_text("18:30"),
    );
    // Named after the hover text, which would otherwise become the name.
    let response = response.on_hover_text("Type a time, like 18:30 or 6:30 pm");
    super::widgets::name_text_field(&response, name, &typed.text);
    let mut changed = false;
    typed.editing = response.has_focus();
    // Read once, on the frame the cursor leaves (Enter, Tab or a click away).
    if was_editing && !typed.editing {
        match crate::dates::parse_time(&typed.text) {
            Some(new_time) => {
                typed.unreadable = false;
                changed = new_time != *time;
                *time = new_time;
                typed.text = style.time(*time);
            }
            None => {
                typed.unreadable = true;
                typed.text = style.time(*time);
            }
        }
    }
    if typed.unreadable {
        ui.colored_label(ui.visuals().warn_fg_color, "Not a time; kept as it was")
            .on_hover_text("Type a time like 18:30, 6:30 pm, 6pm or noon");
    }
    ui.data_mut(|d| d.insert_temp(id, typed));
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    #[test]
    fn a_month_is_laid_out_in_weeks_from_the_chosen_first_day() {
        // December 2026 begins on a Tuesday.
        let monday_first = weeks(day(2026, 12, 17), Weekday::Mon);
        assert_eq!(monday_first.len(), 5);
        assert_eq!(monday_first[0][0], None);
        assert_eq!(monday_first[0][1], Some(day(2026, 12, 1)));
        assert_eq!(monday_first[4][3], Some(day(2026, 12, 31)));
        assert_eq!(monday_first[4][4], None);
        let sunday_first = weeks(day(2026, 12, 1), Weekday::Sun);
        assert_eq!(sunday_first[0][2], Some(day(2026, 12, 1)));
        // February 2026 starts on a Sunday: four full weeks when Sunday is first.
        let february = weeks(day(2026, 2, 10), Weekday::Sun);
        assert_eq!(february.len(), 4);
        let days: usize = february.iter().map(|w| w.iter().flatten().count()).sum();
        assert_eq!(days, 28);
    }
}
