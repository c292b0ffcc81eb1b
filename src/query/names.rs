//! One way to find people by name, used by the people search, the meetings
//! filter, the map's Find and every person picker: each typed word must
//! appear in the name, ignoring case and accents ("jose" finds "José",
//! "lukasz" finds "Łukasz"); matches at the start of a word rank first.
//! Accents are taken off by Unicode decomposition (`unicode-normalization`,
//! which covers Vietnamese tones too); matching and ranking come from
//! `nucleo-matcher`.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::{Person, PersonId};

/// `text` without accents: decomposed, marks dropped ("Nguyễn" → "Nguyen"),
/// and the few Latin letters that do not decompose written plainly.
pub fn without_accents(text: &str) -> String {
    // Plain ASCII has nothing to take off (most notes): skip decomposing.
    if text.is_ascii() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match plain_letters(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

/// Letters with a stroke or ligature, which Unicode does not decompose.
fn plain_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'Ł' => "L",
        'ø' => "o",
        'Ø' => "O",
        'đ' => "d",
        'Đ' => "D",
        'ı' => "i",
        'ß' => "ss",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        _ => return None,
    })
}

/// The longest name the editor takes.
pub const NAME_LIMIT: usize = 200;

/// What the editor says under a name as it is typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameNote {
    /// Nothing typed: a person needs a name.
    Blank,
    /// The name is as long as names may be.
    AtLimit,
    /// Someone else has the same name (ignoring case, accents and spaces).
    SameAs(PersonId),
}

/// A name compared loosely: no accents, one case, single spaces.
pub fn same_name_key(name: &str) -> String {
    without_accents(name)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What to tell the organizer about `name` typed for person `id`, if anything.
pub fn name_note<'a>(
    name: &str,
    id: PersonId,
    people: impl IntoIterator<Item = &'a Person>,
) -> Option<NameNote> {
    if name.trim().is_empty() {
        return Some(NameNote::Blank);
    }
    if name.chars().count() >= NAME_LIMIT {
        return Some(NameNote::AtLimit);
    }
    let key = same_name_key(name);
    people
        .into_iter()
        .find(|other| other.id != id && same_name_key(&other.name) == key)
        .map(|other| NameNote::SameAs(other.id))
}

/// A typed search, ready to score names.
pub struct NameSearch {
    pattern: Pattern,
    matcher: Matcher,
    buffer: Vec<char>,
    empty: bool,
}

impl NameSearch {
    /// The search for `text` (words separated by spaces).
    pub fn new(text: &str) -> Self {
        let pattern = Pattern::new(
            &without_accents(text),
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Substring,
        );
        let mut config = Config::DEFAULT;
        config.prefer_prefix = true;
        Self {
            pattern,
            matcher: Matcher::new(config),
            buffer: Vec::new(),
            empty: text.trim().is_empty(),
        }
    }

    /// Whether nothing was typed (everything matches).
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// How well `text` matches, higher is better; `None` when a word is missing.
    pub fn score(&mut self, text: &str) -> Option<u32> {
        if self.empty {
            return Some(0);
        }
        let folded = without_accents(text);
        let haystack = Utf32Str::new(&folded, &mut self.buffer);
        self.pattern.score(haystack, &mut self.matcher)
    }

    /// Whether every word is in `text`.
    pub fn matches(&mut self, text: &str) -> bool {
        self.score(text).is_some()
    }

    /// The people among `candidates` whose name matches, best first (then
    /// by name), at most `limit`.
    pub fn rank<'a>(
        &mut self,
        candidates: impl IntoIterator<Item = &'a Person>,
        limit: usize,
    ) -> Vec<PersonId> {
        let mut found: Vec<(u32, &str, PersonId)> = candidates
            .into_iter()
            .filter_map(|person| {
                let name = person.display_name();
                Some((self.score(name)?, name, person.id))
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        found.into_iter().take(limit).map(|(_, _, id)| id).collect()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn names_are_checked_for_blanks_length_and_twins() {
        let people = [
            Person::new(PersonId(1), "José  Núñez", chrono::NaiveDate::default()),
            Person::new(PersonId(2), "Ana Ruiz", chrono::NaiveDate::default()),
        ];
        let note = |name: &str, id| name_note(name, PersonId(id), &people);
        assert_eq!(note("  ", 3), Some(NameNote::Blank));
        assert_eq!(note("jose nunez", 3), Some(NameNote::SameAs(PersonId(1))));
        assert_eq!(note("José Núñez", 1), None, "one's own name is no twin");
        assert_eq!(note("Ana Ruíz ", 3), Some(NameNote::SameAs(PersonId(2))));
        assert_eq!(note("Ana Ruiz-Soto", 3), None);
        assert_eq!(note(&"x".repeat(NAME_LIMIT), 3), Some(NameNote::AtLimit));
        assert_eq!(note(&"x".repeat(NAME_LIMIT - 1), 3), None);
    }

    use super::*;

    fn people(names: &[&str]) -> Vec<Person> {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        names
            .iter()
            .enumerate()
            .map(|(i, name)| Person::new(PersonId(i as u64 + 1), *name, day))
            .collect()
    }

    fn ranked(names: &[&str], text: &str) -> Vec<String> {
        let people = people(names);
        NameSearch::new(text)
            .rank(&people, 10)
            .into_iter()
            .filter_map(|id| people.iter().find(|p| p.id == id))
            .map(|p| p.name.clone())
            .collect()
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        let names = [
            "José Martínez",
            "Łukasz Nowak",
            "Nguyễn Văn An",
            "李明",
            "محمد علي",
        ];
        assert_eq!(ranked(&names, "jose"), ["José Martínez"]);
        assert_eq!(ranked(&names, "lukasz"), ["Łukasz Nowak"]);
        assert_eq!(ranked(&names, "nguyễn"), ["Nguyễn Văn An"]);
        assert_eq!(ranked(&names, "NGUYEN"), ["Nguyễn Văn An"]);
        assert_eq!(ranked(&names, "李"), ["李明"]);
        assert_eq!(ranked(&names, "محمد"), ["محمد علي"]);
    }

    #[test]
    fn every_word_must_match_and_word_starts_rank_first() {
        let names = ["Ana Ruiz", "Banana Smith", "Dana Anders", "Ruiz Ana"];
        assert_eq!(ranked(&names, "ana ruiz"), ["Ana Ruiz", "Ruiz Ana"]);
        let ana = ranked(&names, "ana");
        assert_eq!(ana.len(), 4, "a word inside a word still matches");
        assert_eq!(ana[0], "Ana Ruiz");
        assert_eq!(
            ana[1], "Ruiz Ana",
            "a word start before the middle of a word"
        );
        assert!(ranked(&names, "zzz").is_empty());
    }

    #[test]
    fn an_empty_search_matches_everyone() {
        let mut search = NameSearch::new("   ");
        assert!(search.is_empty());
        assert!(search.matches("anyone"));
    }
}
