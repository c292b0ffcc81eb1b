//! The views: thin layers that read the project and push [`Command`]s.

mod actions;
mod ask_builder;
mod command;
pub mod contact_log;
pub mod dashboard;
pub mod date_time;
mod file_dialogs;
pub mod focus;
pub mod follow_ups;
pub mod map;
pub mod meeting_editor;
pub mod meetings;
pub mod people;
pub mod person_editor;
pub mod question_bank;
pub mod rail;
pub mod reveal;
mod shell;
pub mod widgets;

pub use crate::workspace::Revision;
pub use actions::Action;
pub use actions::Scope;
pub use command::{Command, Commands, ExportKind, MapExport};
pub use file_dialogs::{
    FileDialogs, NativeDialogs, NoDialogs, Picked, with_extension, with_ron_extension,
};
pub use shell::{MenuState, menu_bar_target, menu_bar_ui, status_bar_ui};
pub use widgets::shortened;

/// The main views, switched from the View menu.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The people table and editor.
    #[default]
    People,
    /// The relationship map.
    Map,
    /// The meetings list.
    Meetings,
    /// The follow-up dashboard.
    Dashboard,
}
