//! The command registry: every action a menu item, shortcut or (later) the
//! command palette can trigger, each with its text, tooltip and shortcuts,
//! in one list, so menus and shortcut handling cannot drift apart.

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::{EnumIter, IntoEnumIterator};

use super::View;

/// A user action with its menu text, tooltip and shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter)]
pub enum Action {
    /// Start an empty project.
    NewProject,
    /// Open a project file.
    Open,
    /// Import people from a list.
    ImportPeople,
    /// Open the demo project (read-only) to look around.
    OpenDemo,
    /// Save to the current file.
    Save,
    /// Save to a new file.
    SaveAs,
    /// Write the meetings, commitments and follow-ups as a calendar.
    ExportCalendar,
    /// Write the leadership candidates as a spreadsheet.
    ExportLeaders,
    /// Write the one-to-one sheet as a spreadsheet.
    ExportSheet,
    /// Print the leader list (PDF).
    PrintLeaders,
    /// Print the one-to-one data sheet (PDF).
    PrintSheet,
    /// Print a blank one-to-one sheet to fill in by hand (PDF).
    PrintBlankSheet,
    /// Save the map as a PNG picture.
    ExportMapPng,
    /// Save the map as an SVG drawing.
    ExportMapSvg,
    /// Encrypt the project with a passphrase.
    Protect,
    /// Change the project's passphrase.
    ChangePassphrase,
    /// Save the project as plain text again.
    RemovePassphrase,
    /// Hide the window until the passphrase is typed.
    LockWindow,
    /// Initials instead of names on every screen and export.
    ScreenShare,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Put the cursor in the people search box.
    FocusSearch,
    /// Add a person and open the editor.
    AddPerson,
    /// People who may be one person, to merge.
    FindDuplicates,
    /// Plan a one-to-one with the selected person.
    NewMeeting,
    /// Show the dashboard.
    ShowDashboard,
    /// Show the people list.
    ShowPeople,
    /// Show the meetings list.
    ShowMeetings,
    /// Show the relationship map.
    ShowMap,
    /// Go back to the view or record shown before.
    Back,
    /// Go forward again after going back.
    Forward,
    /// Find any command, person, meeting or tag by typing.
    CommandPalette,
    /// Put the keyboard on the menu bar.
    FocusMenuBar,
    /// Search every text of the project: notes, asks, follow-ups, reflection.
    SearchEverything,
    /// Lay the map out by forces.
    MapArrangeForces,
    /// Lay the map out as a tree rooted at me.
    MapArrangeTree,
    /// Zoom the map to show everyone.
    MapFit,
    /// Zoom the map in.
    MapZoomIn,
    /// Zoom the map out.
    MapZoomOut,
    /// Turn connect mode on or off (drag to record introductions).
    MapToggleConnect,
}

/// Where an action's shortcut works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere.
    Global,
    /// Only while the map is shown (its keys mean other things elsewhere).
    Map,
}

const NONE: Modifiers = Modifiers::NONE;
const ALT: Modifiers = Modifiers::ALT;
const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl Action {
    /// Every action, in menu order.
    pub fn all() -> impl Iterator<Item = Action> {
        Action::iter()
    }

    /// The menu text.
    pub fn label(self) -> &'static str {
        match self {
            Action::NewProject => "New",
            Action::Open => "Open…",
            Action::OpenDemo => "Open the demo",
            Action::ImportPeople => "Import people…",
            Action::Protect => "Protect with passphrase…",
            Action::ChangePassphrase => "Change passphrase…",
            Action::RemovePassphrase => "Remove passphrase…",
            Action::LockWindow => "Lock now",
            Action::ScreenShare => "Screen-share mode",
            Action::FindDuplicates => "Find duplicates…",
            Action::Save => "Save",
            Action::SaveAs => "Save As…",
            Action::ExportCalendar => "Calendar of meetings and commitments (ICS)…",
            Action::ExportLeaders => "Leadership candidates (CSV)…",
            Action::ExportSheet => "One-to-one data sheet (CSV)…",
            Action::PrintLeaders => "Print the leader list (PDF)…",
            Action::PrintSheet => "Print the one-to-one data sheet (PDF)…",
            Action::PrintBlankSheet => "Print a blank one-to-one sheet (PDF)…",
            Action::ExportMapPng => "Save the map as PNG…",
            Action::ExportMapSvg => "Save the map as SVG…",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::FocusSearch => "Find person",
            Action::AddPerson => "Add person",
            Action::NewMeeting => "Plan a one-to-one",
            Action::ShowDashboard => "Dashboard",
            Action::ShowPeople => "People",
            Action::ShowMeetings => "Meetings",
            Action::ShowMap => "Map",
            Action::Back => "Back",
            Action::Forward => "Forward",
            Action::CommandPalette => "Find anything…",
            Action::FocusMenuBar => "Go to the menu bar",
            Action::SearchEverything => "Search everything…",
            Action::MapArrangeForces => "Arrange by forces",
            Action::MapArrangeTree => "Arrange as a tree",
            Action::MapFit => "Fit to screen",
            Action::MapZoomIn => "Zoom in",
            Action::MapZoomOut => "Zoom out",
            Action::MapToggleConnect => "Connect mode",
        }
    }

    /// A sentence on what it does, for tooltips and the palette.
    pub fn tooltip(self) -> &'static str {
        match self {
            Action::NewProject => "Start an empty project",
            Action::Open => "Open a project file",
            Action::OpenDemo => "A sample project to look around in; it is never changed on disk",
            Action::ImportPeople => {
                "Add and update people from a roster, a sign-in sheet or contacts (CSV, XLSX, ODS, vCard)"
            }
            Action::FindDuplicates => {
                "People who share an email, a phone or a name, to merge into one"
            }
            Action::Save => "Save the project to its file",
            Action::SaveAs => "Save the project to a new file",
            Action::ExportCalendar => "Meetings, commitments and follow-ups for a calendar app",
            Action::ExportLeaders => "Leadership candidates for a spreadsheet",
            Action::ExportSheet => "Every one-to-one for a spreadsheet",
            Action::PrintLeaders => {
                "Name, position, contact, worksite and reason for each candidate, to hand in"
            }
            Action::PrintSheet => "Every held one-to-one by theme, on paper",
            Action::PrintBlankSheet => {
                "The checklist and the questions by theme with room to write, for a meeting"
            }
            Action::ExportMapPng => "The map as on screen, as a picture",
            Action::ExportMapSvg => "The map as on screen, as a drawing you can edit",
            Action::Quit => "Close Relational (asks about unsaved changes)",
            Action::Protect => {
                "Encrypt the project, its backup and recovery copies; asked for when opening"
            }
            Action::ChangePassphrase => "Encrypt the project with a new passphrase",
            Action::RemovePassphrase => "Save the project as plain text again",
            Action::LockWindow => "Hide every name and note until the passphrase is typed",
            Action::ScreenShare => {
                "Initials instead of names on every screen and export, for calls and trainings"
            }
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the last undone change",
            Action::FocusSearch => "Search people by name, tag or anything in their profile",
            Action::AddPerson => "Add a person and type their name",
            Action::NewMeeting => "Plan a one-to-one with the person selected",
            Action::ShowDashboard => "What is owed today, leadership, trends",
            Action::ShowPeople => "Everyone in the project",
            Action::ShowMeetings => "One-to-ones, upcoming first",
            Action::ShowMap => "Who introduced whom",
            Action::Back => "Back to the view or record shown before",
            Action::Forward => "Forward again after going back",
            Action::CommandPalette => "Type to find a command, a person, a meeting or a tag",
            Action::FocusMenuBar => {
                "The keyboard goes to the File menu: Enter opens it, Tab moves to the next menu"
            }
            Action::SearchEverything => {
                "Find words in every profile, meeting note, ask, follow-up and reflection"
            }
            Action::MapArrangeForces => {
                "Connected people pull together, everyone else pushes apart; pinned people stay"
            }
            Action::MapArrangeTree => "You at the top, each person below whoever introduced them",
            Action::MapFit => "Show everyone on the map",
            Action::MapZoomIn => "Zoom the map in",
            Action::MapZoomOut => "Zoom the map out",
            Action::MapToggleConnect => "Drag from one person to another to record an introduction",
        }
    }

    /// The keyboard shortcuts, the one shown in menus first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Action::NewProject => &const { [keys(CTRL, Key::N)] },
            Action::Open => &const { [keys(CTRL, Key::O)] },
            Action::Save => &const { [keys(CTRL, Key::S)] },
            Action::SaveAs => &const { [keys(CTRL_SHIFT, Key::S)] },
            Action::Quit => &const { [keys(CTRL, Key::Q)] },
            Action::LockWindow => &const { [keys(CTRL, Key::L)] },
            Action::ScreenShare => &const { [keys(CTRL_SHIFT, Key::H)] },
            Action::Undo => &const { [keys(CTRL, Key::Z)] },
            Action::Redo => &const { [keys(CTRL_SHIFT, Key::Z), keys(CTRL, Key::Y)] },
            Action::FocusSearch => &const { [keys(CTRL, Key::F)] },
            Action::ShowDashboard => &const { [keys(CTRL, Key::Num1)] },
            Action::ShowPeople => &const { [keys(CTRL, Key::Num2)] },
            Action::ShowMeetings => &const { [keys(CTRL, Key::Num3)] },
            Action::ShowMap => &const { [keys(CTRL, Key::Num4)] },
            Action::Back => &const { [keys(ALT, Key::ArrowLeft)] },
            Action::Forward => &const { [keys(ALT, Key::ArrowRight)] },
            Action::CommandPalette => &const { [keys(CTRL, Key::K), keys(CTRL_SHIFT, Key::P)] },
            Action::FocusMenuBar => &const { [keys(NONE, Key::F10)] },
            Action::SearchEverything => &const { [keys(CTRL_SHIFT, Key::F)] },
            Action::MapFit => &const { [keys(NONE, Key::Num0)] },
            Action::MapZoomIn => &const { [keys(NONE, Key::Plus), keys(NONE, Key::Equals)] },
            Action::MapZoomOut => &const { [keys(NONE, Key::Minus)] },
            _ => &[],
        }
    }

    /// Where the shortcuts work.
    pub fn scope(self) -> Scope {
        match self {
            Action::MapArrangeForces
            | Action::MapArrangeTree
            | Action::MapFit
            | Action::MapZoomIn
            | Action::MapZoomOut
            | Action::MapToggleConnect => Scope::Map,
            _ => Scope::Global,
        }
    }

    /// Whether the shortcut may fire while a text field has the keyboard.
    /// Undo and redo belong to the field then (it has its own text undo);
    /// plain keys are typing.
    pub fn fires_while_typing(self) -> bool {
        // A function key types nothing, so it works in a text field too.
        let plain_keys = self.shortcuts().iter().any(|shortcut| {
            let name = shortcut.logical_key.name();
            let function_key = name.len() > 1 && name.starts_with('F');
            shortcut.modifiers.is_none() && !function_key
        });
        // Alt+arrows move by words in a text field.
        let text_keys = matches!(
            self,
            Action::Undo | Action::Redo | Action::Back | Action::Forward
        );
        !plain_keys && !text_keys
    }

    /// Whether the shortcut works in `view`.
    pub fn works_in(self, view: View) -> bool {
        match self.scope() {
            Scope::Global => true,
            Scope::Map => view == View::Map,
        }
    }

    /// Every (shortcut, action) pair, with the shortcuts that need more
    /// modifiers first: egui matches Ctrl+Z against Ctrl+Shift+Z too, so
    /// the longer one must be tried first.
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Action)> {
        let mut table: Vec<_> = Self::all()
            .flat_map(|action| action.shortcuts().iter().map(move |s| (*s, action)))
            .collect();
        table.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
        table
    }
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt)
        + u8::from(modifiers.ctrl)
        + u8::from(modifiers.shift)
        + u8::from(modifiers.mac_cmd)
        + u8::from(modifiers.command)
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let mut seen: HashMap<(Modifiers, Key), Action> = HashMap::new();
        for (shortcut, action) in Action::shortcut_table() {
            if let Some(other) = seen.insert((shortcut.modifiers, shortcut.logical_key), action) {
                panic!("{action:?} and {other:?} share a shortcut");
            }
        }
        assert!(seen.len() >= 20);
    }

    #[test]
    fn longer_shortcuts_are_tried_first() {
        let table = Action::shortcut_table();
        let position = |wanted: Action, key: Key| {
            table
                .iter()
                .position(|(s, a)| *a == wanted && s.logical_key == key)
                .unwrap_or_else(|| panic!("{wanted:?} has a shortcut on {key:?}"))
        };
        assert!(position(Action::Redo, Key::Z) < position(Action::Undo, Key::Z));
        assert!(position(Action::SaveAs, Key::S) < position(Action::Save, Key::S));
    }

    #[test]
    fn every_action_is_listed_once_with_text() {
        let all: Vec<Action> = Action::all().collect();
        let unique: HashSet<Action> = all.iter().copied().collect();
        assert_eq!(unique.len(), all.len());
        assert!(all.len() >= 29);
        for action in all {
            assert!(!action.label().is_empty(), "{action:?}");
            assert!(!action.tooltip().is_empty(), "{action:?}");
        }
    }

    #[test]
    fn map_keys_are_not_egui_zoom_keys_and_not_typing() {
        use egui::gui_zoom::kb_shortcuts::{ZOOM_IN, ZOOM_IN_SECONDARY, ZOOM_OUT, ZOOM_RESET};
        let egui_zoom = [ZOOM_IN, ZOOM_IN_SECONDARY, ZOOM_OUT, ZOOM_RESET];
        for action in [Action::MapZoomIn, Action::MapZoomOut, Action::MapFit] {
            assert_eq!(action.scope(), Scope::Map);
            assert!(!action.fires_while_typing(), "{action:?} keys are letters");
            for shortcut in action.shortcuts() {
                assert!(
                    !egui_zoom.contains(shortcut),
                    "{action:?} clashes with egui zoom"
                );
            }
        }
        assert!(Action::MapFit.works_in(View::Map));
        assert!(!Action::MapFit.works_in(View::People));
        assert!(Action::Save.works_in(View::People));
        assert!(Action::Save.fires_while_typing());
        assert!(!Action::Undo.fires_while_typing());
    }
}
