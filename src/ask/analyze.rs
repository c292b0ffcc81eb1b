//! Reading an ask: is it soft or hard, and what is missing?

use std::ops::Range;

use super::phrases;
use super::tokens;
use super::when::{self, DayMention, TimeMention};

/// How likely an ask is to lead to action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Vague, hedged, or without a day and time: expect a vague yes.
    Soft,
    /// A direct request for a specific action at a specific day and time.
    Hard,
}

/// A detail a hard ask names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Specific {
    /// What they are asked to do.
    Action,
    /// On which day.
    Day,
    /// At what time.
    Time,
    /// Where.
    Place,
}

impl Specific {
    /// Every specific, in the order of the suggestions.
    pub const ALL: [Specific; 4] = [
        Specific::Action,
        Specific::Day,
        Specific::Time,
        Specific::Place,
    ];

    /// A one-line suggestion for when it is missing.
    pub fn suggestion(self) -> &'static str {
        match self {
            Specific::Action => "name the action: phonebank, canvass, host a house meeting…",
            Specific::Day => "name a day: \"this Friday\", \"March 14\"",
            Specific::Time => "name a time: \"6pm\", \"6:30pm\", \"noon\"",
            Specific::Place => "name the place: \"at the union hall\"",
        }
    }
}

/// A hedge found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SoftPhrase {
    /// The phrase as listed (lower case).
    pub phrase: &'static str,
    /// Where it is in the text, in bytes.
    pub range: Range<usize>,
}

impl SoftPhrase {
    /// A one-line suggestion: drop it.
    pub fn suggestion(&self) -> String {
        format!("drop '{}'", self.phrase)
    }
}

/// What [`analyze`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AskAnalysis {
    /// Soft or hard.
    pub strength: Strength,
    /// Hedges, in text order.
    pub soft_phrases: Vec<SoftPhrase>,
    /// Specifics found, with where they are.
    pub found: Vec<(Specific, Range<usize>)>,
    /// Specifics not found.
    pub missing: Vec<Specific>,
    /// Whether it asks for a direct yes or no ("can I count on you").
    pub direct_request: bool,
    /// Every day named, in text order ("Wednesday at 5pm or Thursday").
    pub days: Vec<(DayMention, Range<usize>)>,
    /// Every time named, in text order.
    pub times: Vec<(TimeMention, Range<usize>)>,
}

impl AskAnalysis {
    /// Whether a specific was found.
    pub fn has(&self, specific: Specific) -> bool {
        self.found.iter().any(|(s, _)| *s == specific)
    }

    /// One line for each thing to fix, most important first.
    pub fn suggestions(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.direct_request {
            lines.push("ask for a yes or no: \"Can I count on you to …?\"".to_owned());
        }
        lines.extend(self.missing.iter().map(|s| s.suggestion().to_owned()));
        lines.extend(self.soft_phrases.iter().map(SoftPhrase::suggestion));
        lines
    }
}

/// Hedges that soften an ask, longest first so the longest match wins.
const HEDGES: &[&str] = &[
    "is there any possible way",
    "would you be open to",
    "when you get a chance",
    "if you have the time",
    "one of these days",
    "if it works for you",
    "sooner or later",
    "if you have time",
    "any possible way",
    "no worries if not",
    "if you are free",
    "if you're free",
    "do me the favor",
    "do me a favour",
    "do me a favor",
    "if you'd like",
    "if you want",
    "at some point",
    "down the line",
    "let me know if",
    "no pressure",
    "think about",
    "if you can",
    "any chance",
    "eventually",
    "whenever",
    "sometime",
    "some time",
    "some day",
    "consider",
    "kind of",
    "sort of",
    "perhaps",
    "possibly",
    "try to",
    "maybe",
    "just",
];

/// Phrases that ask for a yes or no.
const DIRECT: &[&str] = &[
    "can i count on you",
    "can we count on you",
    "can i sign you up",
    "do i have your commitment",
    "do we have your commitment",
    "would you commit",
    "will we see you",
    "will i see you",
    "are you willing",
    "are you up for",
    "are you in",
    "will you",
    "can you",
    "could you",
    "would you",
    "won't you",
];

/// Reads any ask the organizer wrote and says whether it is hard, which
/// hedges soften it, and which specifics are missing.
///
/// A hard ask needs a direct request, a day, a time and no hedges; a
/// missing place is reported but does not make it soft.
///
/// ```
/// use relational::ask::{Specific, Strength, analyze};
///
/// let hard = analyze("Can I count on you to knock doors tomorrow at 7 at the union hall?");
/// assert_eq!(hard.strength, Strength::Hard);
/// assert!(hard.missing.is_empty());
///
/// let soft = analyze("Will you come to a phonebank sometime?");
/// assert_eq!(soft.strength, Strength::Soft);
/// assert_eq!(soft.soft_phrases[0].phrase, "sometime");
/// assert!(soft.missing.contains(&Specific::Day));
/// ```
pub fn analyze(text: &str) -> AskAnalysis {
    analyze_with_places(text, &[])
}

/// Like [`analyze`], and a place the project already uses ("Rosa's
/// kitchen") counts wherever the ask names it.
pub fn analyze_with_places(text: &str, known_places: &[String]) -> AskAnalysis {
    // ASCII lower-casing keeps every byte where it was, so ranges found in
    // `lower` are ranges in `text`.
    let lower = text.to_ascii_lowercase();
    let tokens = tokens::tokens(&lower, text);
    let soft_phrases = find_hedges(&lower);
    let direct_request = DIRECT.iter().any(|p| find_word(&lower, p, 0).is_some());
    let when = when::find(&tokens);
    let place = phrases::find_place(&tokens, &when.taken);
    let known = known_place(&lower, known_places);
    let mut found = Vec::new();
    if let Some(range) = phrases::find_action(&tokens, &when.taken, place.as_ref().map(|p| p.0)) {
        found.push((Specific::Action, range));
    }
    if let Some((_, range)) = when.days.first() {
        found.push((Specific::Day, range.clone()));
    }
    if let Some((_, range)) = when.times.first() {
        found.push((Specific::Time, range.clone()));
    }
    if let Some(range) = known.or_else(|| place.map(|p| p.1)) {
        found.push((Specific::Place, range));
    }
    let missing: Vec<Specific> = Specific::ALL
        .into_iter()
        .filter(|s| !found.iter().any(|(f, _)| f == s))
        .collect();
    let has = |s: Specific| found.iter().any(|(f, _)| *f == s);
    let hard =
        direct_request && has(Specific::Day) && has(Specific::Time) && soft_phrases.is_empty();
    AskAnalysis {
        strength: if hard { Strength::Hard } else { Strength::Soft },
        soft_phrases,
        found,
        missing,
        direct_request,
        days: when.days,
        times: when.times,
    }
}

/// The first known place named in the ask, as whole words.
fn known_place(lower: &str, known_places: &[String]) -> Option<Range<usize>> {
    known_places
        .iter()
        .map(|place| place.trim().to_ascii_lowercase())
        .filter(|place| place.len() >= 3)
        .filter_map(|place| find_word(lower, &place, 0))
        .min_by_key(|range| range.start)
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'\''
}

/// The first whole-word match of `phrase` at or after `from`.
fn find_word(text: &str, phrase: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut start = from;
    while let Some(offset) = text.get(start..)?.find(phrase) {
        let begin = start + offset;
        let end = begin + phrase.len();
        let before_ok = begin == 0 || !is_word_byte(bytes[begin - 1]);
        let after_ok = end == bytes.len() || !is_word_byte(bytes[end]);
        if before_ok && after_ok {
            return Some(begin..end);
        }
        start = begin + 1;
        while !text.is_char_boundary(start) {
            start += 1;
        }
    }
    None
}

fn all_words(text: &str, phrase: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(range) = find_word(text, phrase, from) {
        from = range.end;
        ranges.push(range);
    }
    ranges
}

/// Hedges in text order; a shorter hedge inside a longer one is not
/// reported twice.
fn find_hedges(lower: &str) -> Vec<SoftPhrase> {
    let mut found: Vec<SoftPhrase> = Vec::new();
    for phrase in HEDGES {
        for range in all_words(lower, phrase) {
            let overlaps = found
                .iter()
                .any(|f| f.range.start < range.end && range.start < f.range.end);
            if !overlaps {
                found.push(SoftPhrase { phrase, range });
            }
        }
    }
    found.sort_by_key(|f| f.range.start);
    found
}
