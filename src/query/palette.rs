//! The command palette's search: one typed fragment against every command
//! and every person, meeting and tag, ranked by `nucleo-matcher`. Commands,
//! people and tags match fuzzily (letters in order, gaps allowed, so
//! "dlors" finds "Dolores"); meetings, thirty thousand of them in a big
//! project, need every typed word to appear (a name, a day) — fuzzy
//! letters would match nearly every long meeting line and cost ten times
//! as much. The records are folded (case, accents) once per project state
//! into an index; a keystroke only scores.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use super::names::without_accents;
use crate::model::{MeetingId, PersonId, Project};

/// What a palette line opens or runs. `C` is the app's command type, so
/// this module knows nothing of menus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target<C> {
    /// A command of the registry.
    Command(C),
    /// A person's profile.
    Person(PersonId),
    /// A meeting.
    Meeting(MeetingId),
    /// People with this tag.
    Tag(String),
}

/// One line of the palette.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit<C> {
    /// What choosing it does.
    pub target: Target<C>,
    /// What the line says.
    pub label: String,
}

/// The records, folded for matching.
pub struct PaletteIndex {
    /// What each line opens, what it says, and what is matched (folded;
    /// for meetings only the name and the day, in ASCII where the name
    /// allows: the matcher is several times faster on ASCII).
    records: Vec<(Target<()>, String, Utf32String)>,
}

impl PaletteIndex {
    /// Every person, meeting and tag of `project`.
    pub fn build(project: &Project) -> Self {
        let mut records = Vec::with_capacity(project.people.len() + project.meetings.len());
        for person in project.people.values() {
            let label = person.display_name().to_owned();
            records.push((Target::Person(person.id), label.clone(), fold(&label)));
        }
        for meeting in project.meetings.values() {
            let when = meeting.start.map_or_else(
                || "no date yet".to_owned(),
                |s| crate::dates::style().day_and_year(s.date()),
            );
            let name = project.name_of(meeting.person);
            let label = format!("One-to-one with {name} · {when}");
            let matched = fold(&format!("{name} {when}"));
            records.push((Target::Meeting(meeting.id), label, matched));
        }
        for tag in crate::map::filter::all_tags(project) {
            let label = format!("Tag: {tag}");
            records.push((Target::Tag(tag), label.clone(), fold(&label)));
        }
        Self { records }
    }

    /// How many records it holds.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// Scores every record, split over the cores (each part with its own
/// matcher): (score, position) of the ones that match.
fn score_records(
    index: &PaletteIndex,
    fuzzy: &Pattern,
    words: &Pattern,
    config: Config,
) -> Vec<(u32, usize)> {
    let parts = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let size = index.records.len().div_ceil(parts).max(1);
    let score_part = |first: usize, part: &[(Target<()>, String, Utf32String)]| {
        let mut matcher = Matcher::new(config.clone());
        part.iter()
            .enumerate()
            .filter_map(|(offset, (target, _, folded))| {
                let by = if matches!(target, Target::Meeting(_)) {
                    words
                } else {
                    fuzzy
                };
                let score = by.score(folded.slice(..), &mut matcher)?;
                Some((score, first + offset))
            })
            .collect::<Vec<_>>()
    };
    if parts == 1 || index.records.len() < 2_000 {
        return score_part(0, &index.records);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = index
            .records
            .chunks(size)
            .enumerate()
            .map(|(n, part)| scope.spawn(move || score_part(n * size, part)))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_default())
            .collect()
    })
}

fn fold(text: &str) -> Utf32String {
    Utf32String::from(without_accents(text))
}

/// The best `limit` lines for `text`: commands (`(command, label)`) and
/// records together, best first. Nothing typed lists the commands.
pub fn find<C: Clone>(
    index: &PaletteIndex,
    commands: &[(C, &str)],
    text: &str,
    limit: usize,
) -> Vec<Hit<C>> {
    if text.trim().is_empty() {
        return commands
            .iter()
            .take(limit)
            .map(|(command, label)| Hit {
                target: Target::Command(command.clone()),
                label: (*label).to_owned(),
            })
            .collect();
    }
    let folded_text = without_accents(text);
    let pattern_of = |kind| {
        Pattern::new(
            &folded_text,
            CaseMatching::Ignore,
            Normalization::Smart,
            kind,
        )
    };
    let pattern = pattern_of(AtomKind::Fuzzy);
    let words = pattern_of(AtomKind::Substring);
    // A match at the start of a line beats one inside it ("Meetings"
    // before "Calendar of meetings…").
    let mut config = Config::DEFAULT;
    config.prefer_prefix = true;
    let mut matcher = Matcher::new(config.clone());
    let mut scored: Vec<(u32, usize, Hit<C>)> = Vec::new();
    let mut buffer = Vec::new();
    for (order, (command, label)) in commands.iter().enumerate() {
        let folded = without_accents(label);
        let haystack = nucleo_matcher::Utf32Str::new(&folded, &mut buffer);
        if let Some(score) = pattern.score(haystack, &mut matcher) {
            let target = Target::Command(command.clone());
            let label = (*label).to_owned();
            scored.push((score, order, Hit { target, label }));
        }
    }
    let mut best = score_records(index, &pattern, &words, config);
    // Only the best `limit` records are turned into lines.
    let keep = limit.min(best.len());
    if keep > 0 {
        best.select_nth_unstable_by(keep - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        best.truncate(keep);
    }
    for (score, at) in best {
        let (target, label, _) = &index.records[at];
        let target = match target {
            Target::Person(id) => Target::Person(*id),
            Target::Meeting(id) => Target::Meeting(*id),
            Target::Tag(tag) => Target::Tag(tag.clone()),
            Target::Command(()) => continue,
        };
        scored.push((
            score,
            commands.len() + at,
            Hit {
                target,
                label: label.clone(),
            },
        ));
    }
    // Equal scores: the shorter line (the closer match), then list order.
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.2.label.len().cmp(&b.2.label.len()))
            .then(a.1.cmp(&b.1))
    });
    scored
        .into_iter()
        .take(limit)
        .map(|(_, _, hit)| hit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Project {
        crate::store::parse(crate::DEMO_RON.as_bytes())
            .expect("the demo parses")
            .project
    }

    const COMMANDS: [(&str, &str); 4] = [
        ("calendar", "Calendar of meetings and commitments (ICS)…"),
        ("save", "Save"),
        ("meetings", "Meetings"),
        ("find", "Find person"),
    ];

    #[test]
    fn a_misspelled_fragment_finds_a_person_and_a_command() {
        let project = demo();
        let index = PaletteIndex::build(&project);
        assert!(index.len() > 40, "people, meetings and tags");
        let hits = find(&index, &COMMANDS, "dlores", 5);
        let dolores = project
            .people
            .values()
            .find(|p| p.name == "Dolores Fuentes")
            .expect("demo person");
        assert_eq!(
            hits.first().map(|h| &h.target),
            Some(&Target::Person(dolores.id))
        );
        let hits = find(&index, &COMMANDS, "sav", 5);
        assert_eq!(
            hits.first().map(|h| &h.target),
            Some(&Target::Command("save"))
        );
        let hits = find(&index, &COMMANDS, "meetngs", 5);
        assert_eq!(
            hits.first().map(|h| &h.target),
            Some(&Target::Command("meetings")),
            "a line starting with it first"
        );
    }

    #[test]
    fn meetings_and_tags_are_found_and_nothing_typed_lists_commands() {
        let project = demo();
        let index = PaletteIndex::build(&project);
        let hits = find(&index, &COMMANDS, "keisha 2026", 5);
        assert!(matches!(
            hits.first().map(|h| &h.target),
            Some(Target::Meeting(_))
        ));
        let tag = crate::map::filter::all_tags(&project)
            .into_iter()
            .next()
            .expect("a tag");
        let hits = find(&index, &COMMANDS, &format!("tag {tag}"), 3);
        assert!(hits.iter().any(|h| h.target == Target::Tag(tag.clone())));
        let all = find(&index, &COMMANDS, "  ", 10);
        assert_eq!(all.len(), 4);
        assert!(find(&index, &COMMANDS, "zzzzqqq", 5).is_empty());
    }
}
