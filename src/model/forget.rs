//! Forgetting a person: every record of them goes (as a delete does), and
//! the texts elsewhere that still mention them are listed for review,
//! because a note can carry a name the rules cannot safely cut out.

use super::{IntroductionPolicy, PersonId, Project, delete_person};

/// A text in another record that mentions the forgotten person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it is ("Aisha Rahman: Notes", "One-to-one with Kevin Tran on 24 Nov: Story").
    pub place: String,
}

/// Removes `id` and every record that refers to them from `project`
/// (meetings with them, introductions either way, their map position) —
/// outside the undo history: forgetting cannot be taken back. Returns the
/// texts elsewhere that mention their name, for review.
pub fn forget_person(project: &mut Project, id: PersonId) -> Result<Vec<Mention>, String> {
    let name = project
        .person(id)
        .map(|person| person.name.clone())
        .ok_or_else(|| "That person is no longer in the project".to_owned())?;
    let edit = delete_person(project, id, IntroductionPolicy::Remove).map_err(|e| e.to_string())?;
    edit.apply(project).map_err(|e| e.to_string())?;
    Ok(mentions_of(project, &name))
}

/// Whether `project` holds `id` at all (a file on disk may not).
pub fn knows(project: &Project, id: PersonId, name: &str) -> bool {
    project.person(id).is_some_and(|person| person.name == name)
}

/// The words that give a person away in a note: the full name, and each
/// part of it of four letters or more ("Rahman", not "Li" or "Ana").
fn telling_words(name: &str) -> Vec<String> {
    let full = fold(name.trim());
    let mut words: Vec<String> = full
        .split_whitespace()
        .filter(|word| word.chars().count() >= 4)
        .map(str::to_owned)
        .collect();
    if !full.is_empty() {
        words.insert(0, full);
    }
    words.dedup();
    words
}

fn fold(text: &str) -> String {
    text.to_lowercase()
}

/// Texts of `project` that hold a telling word of `name` as a whole word.
pub fn mentions_of(project: &Project, name: &str) -> Vec<Mention> {
    let words = telling_words(name);
    if words.is_empty() {
        return Vec::new();
    }
    let mentions = |text: &str| {
        let text = fold(text);
        words.iter().any(|word| holds_word(&text, word))
    };
    let mut found = Vec::new();
    for person in project.people.values() {
        let texts = [
            ("Notes", &person.notes),
            ("Why build the relationship", &person.reason_to_build),
            ("Why they care", &person.why_they_care),
            ("Values", &person.values),
            ("Interests", &person.interests),
            ("Skills and assets", &person.skills_assets),
            ("Challenges", &person.challenges),
            ("Hopes", &person.hopes),
        ];
        let contact_notes = person.contacts.iter().map(|c| ("Contact note", &c.note));
        let follow_ups = person.follow_ups.iter().map(|f| ("Follow-up", &f.what));
        for (field, text) in texts.into_iter().chain(contact_notes).chain(follow_ups) {
            if mentions(text) {
                found.push(Mention {
                    place: format!("{}: {field}", person.display_name()),
                });
            }
        }
    }
    for meeting in project.meetings.values() {
        let with = project.name_of(meeting.person);
        let mut texts: Vec<(&str, &String)> =
            vec![("Purpose", &meeting.purpose), ("Place", &meeting.place)];
        for note in crate::meeting::questions::NoteField::ALL {
            texts.push((note.label(), note.get(&meeting.notes)));
        }
        if let Some(ask) = &meeting.ask {
            texts.extend([
                ("Ask", &ask.wording),
                ("Ask: action", &ask.action),
                ("Ask: story", &ask.story),
            ]);
        }
        texts.extend(meeting.follow_ups.iter().map(|f| ("Follow-up", &f.what)));
        for (field, text) in texts {
            if mentions(text) {
                found.push(Mention {
                    place: format!("One-to-one with {with}: {field}"),
                });
            }
        }
    }
    for intro in project.introductions.values() {
        if mentions(&intro.note) {
            found.push(Mention {
                place: format!(
                    "Introduction of {} by {}: note",
                    project.name_of(intro.introduced),
                    project.name_of(intro.introducer)
                ),
            });
        }
    }
    found.dedup();
    found
}

/// Whether `word` stands in `text` with no letter or digit either side.
fn holds_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::ProjectBuilder;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("day")
    }

    #[test]
    fn forgetting_removes_every_record_and_lists_mentions() {
        let mut builder = ProjectBuilder::new(day());
        let gone = builder.person("Aisha Rahman");
        let friend = builder.person_with("Bo Chen", |p| {
            p.notes = "Works nights with Rahman on 4 West".into();
            p.values = "Rahmania is not a name".into();
        });
        let mut project = builder.build();
        let me = project.me;
        crate::model::Edit::PutIntroduction(Box::new(crate::model::Introduction::new(
            project.new_introduction_id(),
            gone,
            friend,
            Some(day()),
        )))
        .apply(&mut project)
        .expect("introduce");
        let mentions = forget_person(&mut project, gone).expect("forgets");
        assert!(project.person(gone).is_none());
        assert!(project.introductions.is_empty());
        assert!(!project.map_positions.contains_key(&gone));
        assert!(project.meetings.values().all(|m| m.person != gone));
        assert_eq!(
            mentions,
            vec![Mention {
                place: "Bo Chen: Notes".into()
            }]
        );
        assert!(
            forget_person(&mut project, me).is_err(),
            "never the organizer"
        );
    }

    #[test]
    fn short_name_parts_are_not_taken_for_mentions() {
        assert_eq!(telling_words("Li Wu"), vec!["li wu".to_owned()]);
        assert!(holds_word("met ana ruiz today", "ana ruiz"));
        assert!(!holds_word("banana ruizz", "ana ruiz"));
    }
}
