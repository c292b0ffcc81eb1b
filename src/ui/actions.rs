//! Every action a menu item or shortcut can trigger, in one list, so menus
//! and shortcut handling cannot drift apart.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A user action with its menu text and shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Start an empty project.
    NewProject,
    /// Open a project file.
    Open,
    /// Save to the current file.
    Save,
    /// Save to a new file.
    SaveAs,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show the people list.
    ShowPeople,
    /// Show the relationship map.
    ShowMap,
    /// Show the meetings list.
    ShowMeetings,
    /// Show the dashboard.
    ShowDashboard,
    /// Put the cursor in the search box.
    FocusSearch,
    /// Add a person and open the editor.
    AddPerson,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Action {
    /// Every action.
    pub const ALL: [Action; 13] = [
        Action::NewProject,
        Action::Open,
        Action::Save,
        Action::SaveAs,
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::ShowPeople,
        Action::ShowMap,
        Action::ShowMeetings,
        Action::ShowDashboard,
        Action::FocusSearch,
        Action::AddPerson,
    ];

    /// The menu text.
    pub fn label(self) -> &'static str {
        match self {
            Action::NewProject => "New",
            Action::Open => "Open…",
            Action::Save => "Save",
            Action::SaveAs => "Save As…",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::ShowPeople => "People",
            Action::ShowMap => "Map",
            Action::ShowMeetings => "Meetings",
            Action::ShowDashboard => "Dashboard",
            Action::FocusSearch => "Find person",
            Action::AddPerson => "Add person",
        }
    }

    /// The keyboard shortcuts, the one shown in menus first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::N)];
        const OPEN: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::O)];
        const SAVE: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::S)];
        const SAVE_AS: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL_SHIFT, Key::S)];
        const QUIT: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::Q)];
        const UNDO: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::Z)];
        const REDO: &[KeyboardShortcut] = &[
            KeyboardShortcut::new(CTRL_SHIFT, Key::Z),
            KeyboardShortcut::new(CTRL, Key::Y),
        ];
        const FIND: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::F)];
        match self {
            Action::NewProject => NEW,
            Action::Open => OPEN,
            Action::Save => SAVE,
            Action::SaveAs => SAVE_AS,
            Action::Quit => QUIT,
            Action::Undo => UNDO,
            Action::Redo => REDO,
            Action::FocusSearch => FIND,
            _ => &[],
        }
    }

    /// Whether the shortcut may fire while a text field has the keyboard.
    /// Undo and redo belong to the field then (it has its own text undo).
    pub fn fires_while_typing(self) -> bool {
        !matches!(self, Action::Undo | Action::Redo)
    }

    /// Every (shortcut, action) pair, with the shortcuts that need more
    /// modifiers first: egui matches Ctrl+Z against Ctrl+Shift+Z too, so
    /// the longer one must be tried first.
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Action)> {
        let mut table: Vec<_> = Self::ALL
            .iter()
            .flat_map(|action| action.shortcuts().iter().map(move |s| (*s, *action)))
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
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let mut seen: HashMap<(Modifiers, Key), Action> = HashMap::new();
        for (shortcut, action) in Action::shortcut_table() {
            if let Some(other) = seen.insert((shortcut.modifiers, shortcut.logical_key), action) {
                panic!("{action:?} and {other:?} share a shortcut");
            }
        }
        assert!(seen.len() >= 9);
    }

    #[test]
    fn longer_shortcuts_are_tried_first() {
        let table = Action::shortcut_table();
        let position = |wanted: Action, key: Key| {
            table
                .iter()
                .position(|(s, a)| *a == wanted && s.logical_key == key)
        };
        assert!(position(Action::Redo, Key::Z) < position(Action::Undo, Key::Z));
        assert!(position(Action::SaveAs, Key::S) < position(Action::Save, Key::S));
    }

    #[test]
    fn every_action_is_listed_once() {
        let unique: std::collections::HashSet<Action> = Action::ALL.into_iter().collect();
        assert_eq!(unique.len(), Action::ALL.len());
        assert!(Action::ALL.iter().all(|a| !a.label().is_empty()));
    }
}
