//! Small widgets shared by the views. Every input gets an accessible name
//! (its visible label), so screen readers and UI tests can find it.

use egui::{Response, TextEdit, Ui};

/// A label and a one-line text field named by it.
pub fn labelled_line_ui(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    let label_response = ui.label(label);
    ui.add(TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(label_response.id)
}

/// A heading and a multi-line text field named by it.
pub fn labelled_multiline_ui(ui: &mut Ui, label: &str, hint: &str, text: &mut String) -> Response {
    let label_response = ui.strong(label);
    ui.add(
        TextEdit::multiline(text)
            .hint_text(hint)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label_response.id)
}
