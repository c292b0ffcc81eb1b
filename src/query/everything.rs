//! Search across everything the organizer wrote: people's fields, meeting
//! notes by theme, purposes, places, asks and their wording, follow-ups,
//! introduction notes, the organizing sentence and the reflection. Every
//! typed word must appear in one field, in any case or accent. The text is
//! folded once per project state into a [`SearchIndex`]; a query only
//! scans it.

use super::names::without_accents;
use crate::meeting::questions::NoteField;
use crate::model::{IntroductionId, MeetingId, PersonId, Project};

/// The record a match is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Record {
    /// A person's profile.
    Person(PersonId),
    /// A one-to-one.
    Meeting(MeetingId),
    /// An introduction (opens the person introduced).
    Introduction(IntroductionId, PersonId),
    /// The project's own texts (sentence, reflection).
    Project,
}

impl Record {
    /// The group the record is listed under.
    pub fn kind(self) -> &'static str {
        match self {
            Record::Person(_) => "People",
            Record::Meeting(_) => "Meetings",
            Record::Introduction(..) => "Introductions",
            Record::Project => "Sentence and reflection",
        }
    }
}

/// One searchable field.
struct Field {
    record: Record,
    /// "Values", "Ask wording", …
    field: &'static str,
    /// What the record is called ("Ana Ruiz", "One-to-one with Ana Ruiz").
    title: String,
    /// The name of the control that holds it in its editor, so opening a
    /// match can put the cursor there.
    control: String,
    /// The text as written.
    text: String,
    /// The text folded (no accents, lower case), for matching.
    folded: String,
}

/// Every field of a project, folded for searching.
pub struct SearchIndex {
    fields: Vec<Field>,
}

/// One match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Where it is.
    pub record: Record,
    /// The field it is in.
    pub field: &'static str,
    /// What the record is called.
    pub title: String,
    /// The name of the control that holds the text in the record's editor.
    pub control: String,
    /// Some words around the first match.
    pub snippet: String,
    /// Byte ranges of the typed words inside `snippet`, for highlighting.
    pub marks: Vec<std::ops::Range<usize>>,
}

/// The names of the organizing sentence's fields on its screen: who, what,
/// how, why, when.
pub const SENTENCE_LABELS: [&str; 5] = ["Who", "What they will win or do", "How", "Why", "When"];

/// The name of an introduction's note field in the person editor.
pub fn introduction_note_label(introducer: &str, introduced: &str) -> String {
    format!("Note: how {introducer} introduced {introduced}")
}

fn fold(text: &str) -> String {
    without_accents(text).to_lowercase()
}

impl SearchIndex {
    /// Indexes every non-empty text of `project`.
    pub fn build(project: &Project) -> Self {
        let mut fields = Vec::new();
        // `control` names the editor's control that holds the text.
        let mut add = |record, field, control: &str, title: &str, text: &str| {
            if !text.trim().is_empty() {
                fields.push(Field {
                    record,
                    field,
                    control: control.to_owned(),
                    title: title.to_owned(),
                    text: text.to_owned(),
                    folded: fold(text),
                });
            }
        };
        for person in project.people.values() {
            let record = Record::Person(person.id);
            let title = person.display_name();
            for (field, text) in [
                ("Name", person.name.as_str()),
                ("Role", &person.role),
                ("Organization", &person.organization),
                ("Phone", &person.phone),
                ("Email", &person.email),
                ("Why build this relationship", &person.reason_to_build),
                ("Why they care", &person.why_they_care),
                ("Values", &person.values),
                ("Interests", &person.interests),
                ("Skills and assets", &person.skills_assets),
                ("Challenges", &person.challenges),
                ("Hopes", &person.hopes),
                ("Notes", &person.notes),
            ] {
                add(record, field, field, title, text);
            }
            add(record, "Tags", "Tags", title, &person.tags.join(", "));
            for contact in &person.contacts {
                // Logged notes have no field of their own to reveal.
                add(record, "Contact note", "Contact note", title, &contact.note);
            }
            for follow_up in &person.follow_ups {
                let what = &follow_up.what;
                add(record, "Follow-up", what, title, what);
            }
        }
        for meeting in project.meetings.values() {
            let record = Record::Meeting(meeting.id);
            let title = format!("One-to-one with {}", project.name_of(meeting.person));
            add(record, "Purpose", "Purpose", &title, &meeting.purpose);
            add(record, "Place", "Place", &title, &meeting.place);
            for note in NoteField::ALL {
                add(
                    record,
                    note.label(),
                    note.label(),
                    &title,
                    note.get(&meeting.notes),
                );
            }
            if let Some(ask) = &meeting.ask {
                add(record, "Ask: action", "Action", &title, &ask.action);
                add(record, "Ask: place", "Ask place", &title, &ask.place);
                add(record, "Ask: wording", "Wording", &title, &ask.wording);
                add(record, "Ask: story", "Your story", &title, &ask.story);
            }
            for follow_up in &meeting.follow_ups {
                let what = &follow_up.what;
                add(record, "Follow-up", what, &title, what);
            }
        }
        for intro in project.introductions.values() {
            let record = Record::Introduction(intro.id, intro.introduced);
            let (introducer, introduced) = (
                project.name_of(intro.introducer),
                project.name_of(intro.introduced),
            );
            let title = format!("{introducer} introduced {introduced}");
            let control = introduction_note_label(introducer, introduced);
            add(record, "Introduction note", &control, &title, &intro.note);
        }
        let info = &project.info;
        let sentence = &info.sentence;
        for (field, control, text) in [
            ("Sentence: who", SENTENCE_LABELS[0], sentence.who.as_str()),
            ("Sentence: what", SENTENCE_LABELS[1], &sentence.what),
            ("Sentence: how", SENTENCE_LABELS[2], &sentence.how),
            ("Sentence: why", SENTENCE_LABELS[3], &sentence.why),
            ("Sentence: when", SENTENCE_LABELS[4], &sentence.when),
            ("Story of us", "Story of us", &info.reflection.story_of_us),
            ("Debrief", "Debrief", &info.reflection.debrief),
        ] {
            add(Record::Project, field, control, &info.name, text);
        }
        for answer in &info.reflection.answers {
            let prompt = answer.prompt.title();
            add(
                Record::Project,
                "Team debrief",
                prompt,
                &info.name,
                &answer.text,
            );
        }
        Self { fields }
    }

    /// How many fields it holds.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Fields holding every word of `text`, grouped by kind (people,
    /// meetings, introductions, the project), at most `limit`.
    pub fn search(&self, text: &str, limit: usize) -> Vec<Found> {
        let words: Vec<String> = fold(text).split_whitespace().map(str::to_owned).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<&Field> = self
            .fields
            .iter()
            .filter(|field| {
                words
                    .iter()
                    .all(|word| field.folded.contains(word.as_str()))
            })
            .collect();
        found.sort_by_key(|field| group_order(field.record));
        found
            .into_iter()
            .take(limit)
            .map(|field| {
                let (snippet, marks) = snippet(&field.text, &words);
                Found {
                    record: field.record,
                    field: field.field,
                    title: field.title.clone(),
                    control: field.control.clone(),
                    snippet,
                    marks,
                }
            })
            .collect()
    }
}

fn group_order(record: Record) -> u8 {
    match record {
        Record::Person(_) => 0,
        Record::Meeting(_) => 1,
        Record::Introduction(..) => 2,
        Record::Project => 3,
    }
}

/// Half the characters a snippet shows.
const CONTEXT: usize = 40;

/// About 80 characters of `text` around the first typed word, on one line,
/// with the byte ranges of every typed word found in it.
fn snippet(text: &str, words: &[String]) -> (String, Vec<std::ops::Range<usize>>) {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    // Each original character folded on its own, so positions line up.
    let folded: Vec<String> = chars.iter().map(|c| fold(&c.to_string())).collect();
    let find = |word: &str, from: usize| -> Option<(usize, usize)> {
        (from..chars.len()).find_map(|start| {
            let mut joined = String::new();
            for (offset, piece) in folded[start..].iter().enumerate() {
                joined.push_str(piece);
                if joined.len() >= word.len() {
                    return joined
                        .starts_with(word)
                        .then_some((start, start + offset + 1));
                }
            }
            None
        })
    };
    let first = words
        .iter()
        .filter_map(|word| find(word, 0))
        .map(|(start, _)| start)
        .min()
        .unwrap_or(0);
    // A quarter of the room before the match, the rest after it.
    let from = first.saturating_sub(CONTEXT / 2);
    let to = (from + 2 * CONTEXT).min(chars.len());
    let mut snippet = String::new();
    let mut byte_at = Vec::with_capacity(to - from + 1);
    if from > 0 {
        snippet.push('…');
    }
    for c in &chars[from..to] {
        byte_at.push(snippet.len());
        snippet.push(*c);
    }
    byte_at.push(snippet.len());
    if to < chars.len() {
        snippet.push('…');
    }
    let mut marks = Vec::new();
    for word in words {
        let mut at = from;
        while let Some((start, end)) = find(word, at) {
            if end > to {
                break;
            }
            marks.push(byte_at[start - from]..byte_at[end - from]);
            at = end;
        }
    }
    marks.sort_by_key(|range| range.start);
    (snippet, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Project {
        crate::store::parse(crate::DEMO_RON.as_bytes())
            .expect("the demo parses")
            .project
    }

    #[test]
    fn a_word_only_in_a_meetings_notes_finds_that_meeting() {
        let mut project = demo();
        let id = *project.meetings.keys().next().expect("a meeting");
        if let Some(meeting) = project.meetings.get_mut(&id) {
            meeting.notes.challenges = "Her landlord, Señor Quiñones, raised the rent".to_owned();
        }
        let index = SearchIndex::build(&project);
        let found = index.search("quinones RENT", 10);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].record, Record::Meeting(id));
        assert_eq!(found[0].field, "Challenges");
        let marked: Vec<&str> = found[0]
            .marks
            .iter()
            .map(|r| &found[0].snippet[r.clone()])
            .collect();
        assert_eq!(marked, ["Quiñones", "rent"]);
    }

    #[test]
    fn results_are_grouped_people_first_and_nothing_typed_finds_nothing() {
        let project = demo();
        let index = SearchIndex::build(&project);
        assert!(index.len() > 100);
        let found = index.search("nurse", 50);
        assert!(!found.is_empty());
        let orders: Vec<u8> = found.iter().map(|f| group_order(f.record)).collect();
        assert!(orders.windows(2).all(|w| w[0] <= w[1]), "grouped by kind");
        assert!(index.search("   ", 10).is_empty());
        assert!(index.search("zzqqxx", 10).is_empty());
    }

    #[test]
    fn snippets_are_short_one_line_and_mark_every_word() {
        let long = format!(
            "{} the budget vote\nis in March {}",
            "x ".repeat(100),
            "y ".repeat(100)
        );
        let (snippet, marks) = snippet(&long, &["budget".to_owned(), "march".to_owned()]);
        assert!(snippet.starts_with('…') && snippet.ends_with('…'));
        assert!(!snippet.contains('\n'));
        assert!(snippet.chars().count() <= 2 * CONTEXT + 2);
        let marked: Vec<&str> = marks.iter().map(|r| &snippet[r.clone()]).collect();
        assert_eq!(marked, ["budget", "March"]);
    }
}
