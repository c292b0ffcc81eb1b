//! Reading an ask: is it soft or hard, and what is missing?

use std::ops::Range;

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
    "when you get a chance",
    "if you have the time",
    "if you have time",
    "any possible way",
    "do me the favor",
    "do me a favour",
    "do me a favor",
    "at some point",
    "down the line",
    "let me know if",
    "no pressure",
    "if you can",
    "any chance",
    "eventually",
    "sometime",
    "some time",
    "perhaps",
    "possibly",
    "maybe",
    "just",
];

/// Phrases that ask for a yes or no.
const DIRECT: &[&str] = &[
    "can i count on you",
    "can we count on you",
    "will you",
    "can you",
    "are you in",
    "do i have your commitment",
];

/// Actions an organizer asks for.
const ACTIONS: &[&str] = &[
    "phonebank",
    "phone bank",
    "canvass",
    "door knock",
    "knock doors",
    "house meeting",
    "team meeting",
    "one-to-one",
    "one to one",
    "1:1",
    "host",
    "bring",
    "speak",
    "attend",
    "come",
    "join",
    "lead",
    "volunteer",
    "sign",
    "call",
    "march",
    "rally",
    "training",
    "meeting",
    "testify",
    "recruit",
    "write",
    "help",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
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
/// let hard = analyze("Can I count on you to phonebank this Friday at 6pm at the union hall?");
/// assert_eq!(hard.strength, Strength::Hard);
/// assert!(hard.missing.is_empty());
///
/// let soft = analyze("Will you come to a phonebank sometime?");
/// assert_eq!(soft.strength, Strength::Soft);
/// assert_eq!(soft.soft_phrases[0].phrase, "sometime");
/// assert!(soft.missing.contains(&Specific::Day));
/// ```
pub fn analyze(text: &str) -> AskAnalysis {
    // ASCII lower-casing keeps every byte where it was, so ranges found in
    // `lower` are ranges in `text`.
    let lower = text.to_ascii_lowercase();
    let soft_phrases = find_hedges(&lower);
    let direct_request = DIRECT.iter().any(|p| find_word(&lower, p, 0).is_some());
    let times = find_times(&lower);
    let mut found = Vec::new();
    if let Some(range) = ACTIONS.iter().find_map(|a| find_word(&lower, a, 0)) {
        found.push((Specific::Action, range));
    }
    if let Some(range) = find_day(&lower) {
        found.push((Specific::Day, range));
    }
    if let Some(range) = times.first() {
        found.push((Specific::Time, range.clone()));
    }
    if let Some(range) = find_place(&lower, &times) {
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
    }
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

fn find_day(lower: &str) -> Option<Range<usize>> {
    let mut candidates: Vec<Range<usize>> = Vec::new();
    for word in ["today", "tonight", "tomorrow"].iter().chain(WEEKDAYS) {
        candidates.extend(find_word(lower, word, 0));
    }
    for month in MONTHS {
        for range in all_words(lower, month) {
            if let Some(end) = number_after(lower, range.end) {
                candidates.push(range.start..end);
            }
        }
    }
    candidates.extend(find_numeric_date(lower));
    candidates.into_iter().min_by_key(|r| r.start)
}

/// The end of a day number (1–31, with an optional "st/nd/rd/th") after
/// one space.
fn number_after(lower: &str, at: usize) -> Option<usize> {
    let rest = lower.get(at..)?.strip_prefix(' ')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let day: u32 = rest.get(..digits)?.parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut end = at + 1 + digits;
    for suffix in ["st", "nd", "rd", "th"] {
        if lower.get(end..).is_some_and(|r| r.starts_with(suffix)) {
            end += 2;
            break;
        }
    }
    let after_ok = lower
        .as_bytes()
        .get(end)
        .is_none_or(|b| !b.is_ascii_alphanumeric());
    after_ok.then_some(end)
}

/// "3/14" or "3/14/2027".
fn find_numeric_date(lower: &str) -> Option<Range<usize>> {
    let bytes = lower.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let (month, after_month) = read_number(bytes, i);
            if bytes.get(after_month) == Some(&b'/') {
                let (day, mut end) = read_number(bytes, after_month + 1);
                if (1..=12).contains(&month) && (1..=31).contains(&day) && end > after_month + 1 {
                    if bytes.get(end) == Some(&b'/') {
                        let (_, year_end) = read_number(bytes, end + 1);
                        end = year_end.max(end);
                    }
                    return Some(i..end);
                }
            }
            i = after_month.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

fn read_number(bytes: &[u8], start: usize) -> (u32, usize) {
    let mut end = start;
    let mut value: u32 = 0;
    while end < bytes.len() && bytes[end].is_ascii_digit() && end - start < 4 {
        value = value * 10 + u32::from(bytes[end] - b'0');
        end += 1;
    }
    (value, end)
}

/// Every time in the text: "6pm", "6 pm", "6:30 p.m.", "18:00", "noon".
fn find_times(lower: &str) -> Vec<Range<usize>> {
    let mut times: Vec<Range<usize>> = Vec::new();
    for word in ["noon", "midnight"] {
        times.extend(all_words(lower, word));
    }
    let bytes = lower.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_number =
            bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts_number {
            i += 1;
            continue;
        }
        if let Some(end) = time_at(lower, i) {
            times.push(i..end);
            i = end;
        } else {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
        }
    }
    times.sort_by_key(|r| r.start);
    times
}

/// A time starting at `start`, returning where it ends.
fn time_at(lower: &str, start: usize) -> Option<usize> {
    let bytes = lower.as_bytes();
    let (hour, mut end) = read_number(bytes, start);
    if end - start > 2 {
        return None;
    }
    let mut minutes = false;
    if bytes.get(end) == Some(&b':') {
        let (minute, minute_end) = read_number(bytes, end + 1);
        if minute_end - (end + 1) != 2 || minute > 59 {
            return None;
        }
        end = minute_end;
        minutes = true;
    }
    let rest = lower.get(end..).unwrap_or("");
    let trimmed = rest.trim_start_matches(' ');
    let spaces = rest.len() - trimmed.len();
    for marker in ["a.m.", "p.m.", "am", "pm"] {
        if let Some(after) = trimmed.strip_prefix(marker)
            && after
                .bytes()
                .next()
                .is_none_or(|b| !b.is_ascii_alphanumeric())
            && (1..=12).contains(&hour)
        {
            return Some(end + spaces + marker.len());
        }
    }
    // A 24-hour time needs its minutes: "18:00".
    (minutes && hour <= 23).then_some(end)
}

/// Words that end a place phrase.
const PLACE_STOPS: &[&str] = &[
    "on", "at", "this", "next", "or", "and", "to", "for", "with", "by", "from", "today",
    "tomorrow", "tonight",
];

/// Words after "at" or "in" that are not places.
const NOT_PLACES: &[&str] = &[
    "the morning",
    "the afternoon",
    "the evening",
    "the end",
    "some point",
    "least",
    "all",
    "time",
    "person",
    "touch",
    "mind",
    "fact",
    "case",
    "a while",
];

/// A phrase after "at" or "in" that is not a time, a day or a figure of speech.
fn find_place(lower: &str, times: &[Range<usize>]) -> Option<Range<usize>> {
    let mut candidates: Vec<Range<usize>> = all_words(lower, "at");
    candidates.extend(all_words(lower, "in"));
    candidates.sort_by_key(|r| r.start);
    for preposition in candidates {
        let start = preposition.end + 1;
        let Some(rest) = lower.get(start..) else {
            continue;
        };
        if times.iter().any(|t| t.start == start)
            || starts_with_day(rest)
            || NOT_PLACES.iter().any(|p| rest.starts_with(p))
            || rest.starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let end = place_end(lower, start);
        if end > start {
            return Some(start..end);
        }
    }
    None
}

fn starts_with_day(rest: &str) -> bool {
    let first: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    WEEKDAYS.contains(&first.as_str()) || MONTHS.contains(&first.as_str())
}

/// Where a place phrase ends: at punctuation, a stop word or a time.
fn place_end(lower: &str, start: usize) -> usize {
    let mut end = start;
    let mut offset = start;
    for word in lower[start..].split_inclusive([' ']) {
        let bare = word.trim_end_matches(' ');
        let cut = bare.find(['?', '!', '.', ',', ';', ':', '(', ')', '\n']);
        let clean = &bare[..cut.unwrap_or(bare.len())];
        if clean.is_empty() || PLACE_STOPS.contains(&clean) || time_at(lower, offset).is_some() {
            break;
        }
        end = offset + clean.len();
        if cut.is_some() {
            break;
        }
        offset += word.len();
    }
    end
}
