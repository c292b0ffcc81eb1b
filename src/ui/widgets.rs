//! Small widgets shared by the views. Every input gets an accessible name
//! (its visible label), so screen readers and UI tests can find it.

use egui::{Response, TextEdit, Ui};

/// A label and a one-line text field named by it.
pub fn labelled_line_ui(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    let label_response = ui.label(label);
    let response = ui
        .add(TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(label_response.id);
    super::reveal::offer(ui, label, &response);
    response
}

/// A heading and a multi-line text field named by it.
pub fn labelled_multiline_ui(ui: &mut Ui, label: &str, hint: &str, text: &mut String) -> Response {
    let label_response = ui.strong(label);
    let response = ui
        .add(
            TextEdit::multiline(text)
                .hint_text(hint)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label_response.id);
    super::reveal::offer(ui, label, &response);
    response
}

/// Text on one line, cut with an ellipsis where the room ends (the whole
/// text shows on hover), so a long name never widens a panel.
pub fn one_line(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    ui.add(egui::Label::new(text).truncate())
}

/// A heading with controls after it on the right: the controls keep their
/// place and the heading gets the room that is left, cut to one line.
pub fn heading_row_ui(ui: &mut Ui, heading: &str, controls: impl FnOnce(&mut Ui)) {
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Laid out right to left, so the last control comes first.
            controls(ui);
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                one_line(ui, egui::RichText::new(heading).heading());
            });
        });
    });
}

/// `area` scrolled to the top when the record it shows is not the one
/// shown last frame, so each record opens at its beginning.
pub fn top_when_new<T: PartialEq + Copy>(
    area: egui::ScrollArea,
    shown: &mut Option<T>,
    now: T,
) -> egui::ScrollArea {
    let changed = *shown != Some(now);
    *shown = Some(now);
    if changed {
        area.vertical_scroll_offset(0.0)
    } else {
        area
    }
}

/// A progress bar of `done` out of `total`, named for assistive tech with
/// its real range (egui reports the bar as 0–1 with an unbounded range).
pub fn progress_ui(
    ui: &mut Ui,
    name: &str,
    (done, total): (usize, usize),
    bar: egui::ProgressBar,
) -> Response {
    let response = ui.add(bar);
    ui.ctx().accesskit_node_builder(response.id, |node| {
        // A bar with its own text ("Checklist: 3 of 20 done") is named by it.
        if node.label().is_none() {
            node.set_label(name);
        }
        node.set_min_numeric_value(0.0);
        // Past the target the range grows, so the value stays inside it.
        node.set_max_numeric_value(total.max(done).max(1) as f64);
        node.set_numeric_value(done as f64);
        node.set_value(format!("{done} of {total}"));
    });
    response
}

/// Names a control for assistive tech where its visible label alone would
/// not say what it holds (a unit, which list it filters).
pub fn name_control(ui: &Ui, response: &Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// Tells assistive tech the value a combo box shows: its value, and the
/// same as its description for platform layers that drop a combo's value.
pub fn announce_value(ui: &Ui, response: &Response, value: &str) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_value(value);
        node.set_description(value);
    });
}

/// A progress bar that draws no fill at zero (egui rounds an empty fill
/// into a dot over the text).
pub fn progress_bar(progress: f32) -> egui::ProgressBar {
    let bar = egui::ProgressBar::new(progress);
    if progress <= 0.0 {
        bar.fill(egui::Color32::TRANSPARENT)
    } else {
        bar
    }
}

/// A button for something that destroys data, in the error colour.
pub fn destructive_button(ui: &Ui, text: &str) -> egui::Button<'static> {
    egui::Button::new(egui::RichText::new(text.to_owned()).color(ui.visuals().error_fg_color))
}

/// How many characters of a name fit a link or a menu label.
pub const NAME_CHARS: usize = 40;

/// A person's name as a link, cut to [`NAME_CHARS`], whole on hover.
pub fn name_link(ui: &mut Ui, name: &str) -> Response {
    let shown = shortened(name, NAME_CHARS);
    let cut = shown.len() != name.len();
    let response = ui.link(shown.as_ref());
    if cut {
        response.on_hover_text(name)
    } else {
        response
    }
}

/// Names a text field that has no visible label of its own.
pub fn name_text_field(response: &Response, name: &str, value: &str) {
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::text_edit(true, value, value, "");
        info.label = Some(name.to_owned());
        info
    });
}

/// Which field of a record changed this frame, so typing in one field is
/// one undo step, and whether a field lost focus (closing that step).
#[derive(Default)]
pub struct FieldChanges {
    /// The field that changed, named for the undo label and merge key.
    pub field: Option<&'static str>,
    /// A text field lost focus this frame.
    pub lost_focus: bool,
}

impl FieldChanges {
    /// Nothing changed yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Notes what a widget's response says.
    pub fn track(&mut self, field: &'static str, response: &Response) {
        if response.changed() {
            self.field = Some(field);
        }
        self.lost_focus |= response.lost_focus();
    }
}

/// How many matching names a person picker offers at once.
const MAX_SUGGESTIONS: usize = 6;

/// A name field that offers matching people as buttons. Returns the person
/// clicked (or the only one offered, on Enter), and clears the field then.
pub fn person_picker_ui(
    ui: &mut Ui,
    label: &str,
    project: &crate::model::Project,
    search: &mut String,
    allowed: impl Fn(&crate::model::Person) -> bool,
) -> Option<crate::model::PersonId> {
    let field = ui
        .horizontal(|ui| {
            let label = ui.label(label);
            ui.add(
                TextEdit::singleline(search)
                    .hint_text("type a name")
                    .desired_width(180.0),
            )
            .labelled_by(label.id)
        })
        .inner;
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut ranking = crate::query::names::NameSearch::new(search);
    if ranking.is_empty() {
        return None;
    }
    let candidates = project.people.values().filter(|p| allowed(p));
    let matches: Vec<&crate::model::Person> = ranking
        .rank(candidates, MAX_SUGGESTIONS)
        .into_iter()
        .filter_map(|id| project.person(id))
        .collect();
    // Enter takes the only suggestion.
    let mut picked = match matches.as_slice() {
        [only] if entered => Some(only.id),
        _ => None,
    };
    ui.horizontal_wrapped(|ui| {
        for candidate in matches {
            if ui
                .button(format!("+ {}", candidate.display_name()))
                .clicked()
            {
                picked = Some(candidate.id);
            }
        }
    });
    if picked.is_some() {
        search.clear();
    }
    picked
}

/// `text` cut to `max` characters with an ellipsis, so a very long name
/// keeps one line; show the whole text on hover.
pub fn shortened(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if text.chars().count() <= max {
        return std::borrow::Cow::Borrowed(text);
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    std::borrow::Cow::Owned(format!("{}…", kept.trim_end()))
}

#[cfg(test)]
mod shortened_tests {
    use super::shortened;

    #[test]
    fn long_text_is_cut_with_an_ellipsis_and_short_text_kept() {
        assert_eq!(shortened("Ana Ruiz", 10), "Ana Ruiz");
        let long = "Bartholomew ".repeat(30);
        let cut = shortened(&long, 40);
        assert_eq!(cut.chars().count(), 40);
        assert!(cut.ends_with('…'));
        assert_eq!(shortened("李明محمد Ễ", 3), "李明…");
    }
}
