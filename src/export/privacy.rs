//! What keeps an export from harming the people in it or the organizer
//! opening it: names replaced by initials inside free text, and CSV cells
//! that a spreadsheet would run as formulas made inert.

use crate::model::Project;

/// Replaces every person's name, and each part of it of two letters or
/// more ("Li", "Wu"), by their initials wherever it stands as a whole word, so a name
/// typed into an action, a place or a note does not leak.
pub struct Anonymizer {
    /// (word or phrase, lower-cased; its replacement), longest first.
    names: Vec<(Vec<char>, String)>,
}

impl Anonymizer {
    /// The names known to `project`.
    pub fn new(project: &Project) -> Self {
        let mut names: Vec<(Vec<char>, String)> = Vec::new();
        for person in project.people.values() {
            let initials = person.display_initials();
            let full = person.name.trim();
            let parts = std::iter::once(full).chain(full.split_whitespace());
            for part in parts {
                let part = part.trim_matches(|c: char| !c.is_alphanumeric());
                if part.chars().count() >= 2 {
                    names.push((part.chars().map(fold).collect(), initials.clone()));
                }
            }
        }
        // Longest first, so "Ana María Ruiz" goes before "Ana".
        names.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
        names.dedup_by(|a, b| a.0 == b.0);
        Self { names }
    }

    /// `text` with every known name replaced.
    pub fn scrub(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let lower: Vec<char> = chars.iter().copied().map(fold).collect();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        while at < chars.len() {
            let starts_word = at == 0 || !chars[at - 1].is_alphanumeric();
            let found = starts_word.then(|| self.name_at(&lower, at)).flatten();
            match found {
                Some((len, initials)) => {
                    out.push_str(initials);
                    at += len;
                }
                None => {
                    out.push(chars[at]);
                    at += 1;
                }
            }
        }
        out
    }

    fn name_at(&self, lower: &[char], at: usize) -> Option<(usize, &str)> {
        self.names.iter().find_map(|(name, initials)| {
            let end = at + name.len();
            let matches = lower.get(at..end) == Some(name.as_slice());
            let ends_word = lower.get(end).is_none_or(|c| !c.is_alphanumeric());
            (matches && ends_word).then_some((name.len(), initials.as_str()))
        })
    }
}

/// One character in the case names are compared in (one char for one, so
/// positions in the folded text match the original's).
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// A CSV cell a spreadsheet will show as text: one starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return would be run as a formula, so it
/// gets a leading apostrophe (the spreadsheet convention for "text").
pub fn inert_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// What screen-share mode shows: a copy of `project` with initials for
/// names and every free text (notes, profile texts, places, asks, contact
/// details) hidden, so a shared screen or a recording shows the network's
/// shape and the counts, and nothing that identifies anyone. Hiding is
/// safer than scrubbing names out of notes: a note can identify a person
/// without naming them.
pub fn screen_share_copy(project: &Project) -> Project {
    use crate::meeting::questions::NoteField;
    use crate::model::TextField;
    const HIDDEN: &str = "(hidden while screen sharing)";
    let hide = |text: &mut String| {
        if !text.trim().is_empty() {
            *text = HIDDEN.to_owned();
        }
    };
    let mut copy = project.clone();
    for person in copy.people.values_mut() {
        let initials = person.display_initials();
        person.name = initials.clone();
        person.initials = initials;
        for field in [
            TextField::Phone,
            TextField::Email,
            TextField::ReasonToBuild,
            TextField::WhyTheyCare,
            TextField::Values,
            TextField::Interests,
            TextField::SkillsAssets,
            TextField::Challenges,
            TextField::Hopes,
            TextField::Notes,
        ] {
            hide(person.text_mut(field));
        }
        for contact in &mut person.contacts {
            hide(&mut contact.note);
        }
        for follow_up in &mut person.follow_ups {
            hide(&mut follow_up.what);
        }
    }
    for meeting in copy.meetings.values_mut() {
        hide(&mut meeting.place);
        hide(&mut meeting.purpose);
        for note in NoteField::ALL {
            hide(note.get_mut(&mut meeting.notes));
        }
        if let Some(ask) = meeting.ask.as_mut() {
            for text in [
                &mut ask.action,
                &mut ask.place,
                &mut ask.wording,
                &mut ask.story,
                &mut ask.context,
                &mut ask.urgency,
                &mut ask.challenge,
            ] {
                hide(text);
            }
        }
        for follow_up in &mut meeting.follow_ups {
            hide(&mut follow_up.what);
        }
    }
    for intro in copy.introductions.values_mut() {
        hide(&mut intro.note);
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project_with(names: &[&str]) -> Project {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let mut build = crate::synth::ProjectBuilder::new(day);
        for name in names {
            build.person(name);
        }
        build.build()
    }

    #[test]
    fn names_in_free_text_become_initials_as_whole_words_only() {
        let project = project_with(&["Ana María Ruiz", "Li Wei", "Mohammed Al-Sayed"]);
        let scrub = Anonymizer::new(&project);
        assert_eq!(
            scrub.scrub("Phonebank with Ana María Ruiz at Ana's house"),
            "Phonebank with AMR at AMR's house"
        );
        assert_eq!(scrub.scrub("ruiz and MARÍA"), "AMR and AMR");
        assert_eq!(
            scrub.scrub("Banana bread"),
            "Banana bread",
            "not inside words"
        );
        assert_eq!(scrub.scrub("Wei said ok"), "LW said ok");
        assert_eq!(
            scrub.scrub("ask Li first"),
            "ask LW first",
            "two letters count"
        );
        assert_eq!(scrub.scrub("Mohammed's shop"), "MAS's shop");
    }

    #[test]
    fn formula_cells_are_made_inert() {
        assert_eq!(inert_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert_cell("+1 555 0100"), "'+1 555 0100");
        assert_eq!(inert_cell("-2"), "'-2");
        assert_eq!(inert_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert_cell("Ana"), "Ana");
        assert_eq!(inert_cell(""), "");
    }

    #[test]
    fn screen_share_copy_keeps_initials_and_hides_free_text() {
        let project = crate::store::parse(crate::DEMO_RON.as_bytes())
            .expect("demo")
            .project;
        let copy = super::screen_share_copy(&project);
        assert_eq!(copy.people.len(), project.people.len());
        for (person, shown) in project.people.values().zip(copy.people.values()) {
            assert_eq!(shown.name, person.display_initials());
            for text in [&shown.notes, &shown.email, &shown.phone, &shown.values] {
                assert!(text.is_empty() || text.starts_with("(hidden"), "{text}");
            }
        }
        let names: Vec<&str> = project.people.values().map(|p| p.name.as_str()).collect();
        let shown = format!("{:?}", copy.meetings);
        for name in names.iter().filter(|n| n.len() > 3) {
            assert!(!shown.contains(name), "{name} in a meeting");
        }
    }
}
