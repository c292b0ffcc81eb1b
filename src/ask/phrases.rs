//! The action and the place of an ask: the verb phrase after the request
//! ("count on you to knock doors"), and a place only where one is named
//! ("at the union hall", "in Elm Park"), not "interested in volunteering".

use std::ops::Range;

use super::tokens::{Kind, Token};
use super::when;

/// Request frames, longest first; the action is what follows.
const FRAMES: &[&[&str]] = &[
    &["do", "i", "have", "your", "commitment", "to"],
    &["do", "we", "have", "your", "commitment", "to"],
    &["would", "you", "commit", "to"],
    &["can", "i", "sign", "you", "up", "to"],
    &["can", "i", "sign", "you", "up", "for"],
    &["can", "i", "get", "you", "to"],
    &["can", "we", "get", "you", "to"],
    &["count", "on", "you", "to"],
    &["count", "on", "you", "for"],
    &["rely", "on", "you", "to"],
    &["are", "you", "willing", "to"],
    &["are", "you", "able", "to"],
    &["are", "you", "ready", "to"],
    &["are", "you", "in", "for"],
    &["are", "you", "up", "for"],
    &["will", "i", "see", "you", "at"],
    &["will", "we", "see", "you", "at"],
    &["i", "need", "you", "to"],
    &["we", "need", "you", "to"],
    &["commit", "to"],
    &["will", "you"],
    &["would", "you"],
    &["can", "you"],
    &["could", "you"],
    &["won't", "you"],
];

/// Verb phrases that name no action ("Will you be there?").
const NOT_ACTIONS: &[&str] = &[
    "be there",
    "be here",
    "be",
    "make it",
    "do it",
    "do that",
    "do this",
    "let me know",
    "think about it",
    "think about",
    "consider it",
    "please",
];

/// Actions looked for when no request frame names one, by stem:
/// "knocking" and "knocked" read "knock".
const ACTION_STEMS: &[&str] = &[
    "phonebank",
    "canvass",
    "knock",
    "doorknock",
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
    "text",
    "table",
    "leaflet",
    "flyer",
    "petition",
    "organize",
    "chair",
    "facilitate",
    "picket",
    "register",
    "deliver",
    "drive",
    "cook",
    "talk",
];

/// Words an action phrase cannot end on.
const DANGLING: &[&str] = &[
    "the", "a", "an", "to", "for", "on", "at", "in", "with", "of",
];

/// Words that end an action phrase.
const ACTION_STOPS: &[&str] = &[
    "or", "if", "when", "so", "because", "but", "please", "and", "this", "next", "tomorrow",
    "today", "tonight",
];

/// Words that may begin a place phrase and name no place themselves.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "my", "your", "his", "her", "their", "its", "one", "that",
];

/// Words that end a place phrase.
const PLACE_STOPS: &[&str] = &[
    "on", "at", "this", "next", "or", "and", "to", "for", "with", "by", "from", "today",
    "tomorrow", "tonight", "if", "so", "when", "because", "but", "around", "between", "before",
    "after", "until", "please", "is", "are", "was", "will", "can", "where",
];

/// Words that make "at the …" or "in the …" a time or a figure of speech.
const NOT_PLACE_WORDS: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "week",
    "month",
    "year",
    "moment",
    "time",
    "end",
    "meantime",
    "future",
    "past",
    "beginning",
    "start",
    "latest",
    "earliest",
    "least",
    "most",
    "best",
    "worst",
    "rest",
    "loop",
    "same",
    "mind",
    "touch",
    "person",
    "fact",
    "case",
    "while",
    "point",
    "spare",
    "free",
    "convenience",
    "general",
    "particular",
    "charge",
    "advance",
    "addition",
    "order",
    "favor",
    "favour",
    "support",
    "trouble",
    "danger",
    "minute",
    "hour",
    "bit",
    "way",
    "all",
    "first",
    "last",
    "once",
    "phone",
    "line",
    "call",
    "chance",
    "mood",
    "process",
    "hurry",
    "time's",
    "days",
    "weeks",
    "months",
    "years",
];

/// Nouns that make a phrase a place even without a capital or "the".
const PLACE_NOUNS: &[&str] = &[
    "hall",
    "office",
    "room",
    "church",
    "chapel",
    "temple",
    "mosque",
    "synagogue",
    "parish",
    "school",
    "library",
    "park",
    "cafe",
    "café",
    "center",
    "centre",
    "building",
    "house",
    "home",
    "apartment",
    "kitchen",
    "lot",
    "shop",
    "store",
    "plant",
    "site",
    "floor",
    "deck",
    "dock",
    "station",
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "square",
    "plaza",
    "cafeteria",
    "lounge",
    "auditorium",
    "gym",
    "basement",
    "campus",
    "clinic",
    "hospital",
    "ward",
    "warehouse",
    "garage",
    "bar",
    "pub",
    "restaurant",
    "diner",
    "place",
    "corner",
    "steps",
    "gate",
    "entrance",
    "lobby",
    "breakroom",
    "headquarters",
    "hq",
    "studio",
    "laundromat",
    "market",
    "mall",
    "courthouse",
    "capitol",
    "hotel",
    "stadium",
    "field",
    "yard",
    "porch",
    "work",
    "workplace",
    "worksite",
    "farm",
    "factory",
    "mill",
    "depot",
    "terminal",
    "block",
    "tower",
    "dorm",
    "hallway",
    "courtyard",
    "arena",
    "theater",
    "theatre",
    "museum",
    "parking",
    "union",
    "local",
    "bakery",
    "salon",
    "barbershop",
    "shelter",
    "pantry",
    "garden",
];

/// Pronouns and other words after "on"/"at" that are never places.
const NOT_PLACE_STARTS: &[&str] = &[
    "you", "me", "us", "them", "him", "it", "this", "these", "those", "some", "any", "least",
    "all", "once", "first", "last", "most", "best", "around", "about",
];

fn is_place_noun(token: &Token) -> bool {
    PLACE_NOUNS.contains(&token.text) || PLACE_NOUNS.contains(&token.stem())
}

/// The place phrase after a preposition, by token span, if it names one.
/// `taken` marks tokens that are part of a day or a time.
pub(super) fn find_place(tokens: &[Token], taken: &[bool]) -> Option<(usize, Range<usize>)> {
    (0..tokens.len()).find_map(|i| {
        let preposition = &tokens[i];
        if !preposition.is_any(&["at", "in", "on", "from", "inside", "outside"]) {
            return None;
        }
        place_after(tokens, taken, i).map(|range| (i, range))
    })
}

fn place_after(tokens: &[Token], taken: &[bool], preposition: usize) -> Option<Range<usize>> {
    let start = preposition + 1;
    let first = tokens.get(start)?;
    if taken.get(start).copied().unwrap_or(true) || first.is_any(NOT_PLACE_STARTS) {
        return None;
    }
    let end = place_end(tokens, taken, start);
    let words = &tokens[start..end];
    let content: Vec<&Token> = words.iter().filter(|t| !t.is_any(DETERMINERS)).collect();
    let head = content.first()?;
    let calendar_word = when::month(head).is_some() || when::weekday(head).is_some();
    if calendar_word || words.iter().any(|t| t.is_any(NOT_PLACE_WORDS)) {
        return None;
    }
    let determined = first.is_any(DETERMINERS);
    let capital = head.capital;
    let noun = content.iter().any(|t| is_place_noun(t));
    let numbered = head.kind == Kind::Number
        && content
            .iter()
            .skip(1)
            .any(|t| t.capital || is_place_noun(t));
    let gerund =
        !determined && head.kind == Kind::Word && head.text.ends_with("ing") && !noun && !capital;
    if gerund || (head.kind == Kind::Number && !numbered) {
        return None;
    }
    let at = tokens[preposition].is("at");
    // "at the …" names a place; "in", "on" and "from" need a capital or a
    // place noun ("in Elm Park", "on the loading dock", not "in volunteering").
    let named = capital || noun || numbered || (at && determined);
    named.then(|| tokens[start].range.start..tokens[end - 1].range.end)
}

/// The token after the place phrase that starts at `start`.
fn place_end(tokens: &[Token], taken: &[bool], start: usize) -> usize {
    let mut end = start;
    let mut words = 0;
    while let Some(token) = tokens.get(end) {
        let inside_mark = token.kind == Kind::Mark
            && token.joined
            && (token.is_mark("'")
                || token.is_mark("-")
                || token.is_mark("&")
                || (token.is_mark(".") && abbreviation(tokens, end)));
        let ends = taken.get(end).copied().unwrap_or(true)
            || (token.kind == Kind::Mark && !inside_mark && !token.is_mark("&"))
            || (end > start && token.is_any(PLACE_STOPS))
            || words >= 8;
        if ends {
            break;
        }
        if token.kind != Kind::Mark {
            words += 1;
        }
        end += 1;
    }
    // A phrase never ends on a mark or a determiner.
    while end > start && (tokens[end - 1].kind == Kind::Mark || tokens[end - 1].is_any(DETERMINERS))
    {
        end -= 1;
    }
    end
}

/// "St." or "Ave." inside a place name.
fn abbreviation(tokens: &[Token], mark: usize) -> bool {
    mark.checked_sub(1)
        .is_some_and(|p| tokens[p].is_any(&["st", "ave", "rd", "mt", "dr", "blvd"]))
        && tokens.get(mark + 1).is_some_and(|t| t.capital)
}

/// The action: the verb phrase after the request frame, or else a known
/// action word anywhere. `place` is the preposition starting the place.
pub(super) fn find_action(
    tokens: &[Token],
    taken: &[bool],
    place: Option<usize>,
) -> Option<Range<usize>> {
    framed_action(tokens, taken, place).or_else(|| known_action(tokens))
}

fn frame_end(tokens: &[Token], at: usize) -> Option<usize> {
    FRAMES.iter().find_map(|frame| {
        let matches = frame
            .iter()
            .enumerate()
            .all(|(k, word)| tokens.get(at + k).is_some_and(|t| t.is(word)));
        matches.then_some(at + frame.len())
    })
}

fn framed_action(tokens: &[Token], taken: &[bool], place: Option<usize>) -> Option<Range<usize>> {
    (0..tokens.len()).find_map(|i| {
        let start = frame_end(tokens, i)?;
        let end = action_end(tokens, taken, place, start);
        let phrase = words_of(&tokens[start..end]);
        if end == start || NOT_ACTIONS.contains(&phrase.as_str()) {
            return None;
        }
        Some(tokens[start].range.start..tokens[end - 1].range.end)
    })
}

fn words_of(tokens: &[Token]) -> String {
    tokens.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

fn action_end(tokens: &[Token], taken: &[bool], place: Option<usize>, start: usize) -> usize {
    let mut end = start;
    while let Some(token) = tokens.get(end) {
        let next_taken = taken.get(end + 1).copied().unwrap_or(false);
        let introduces_when =
            token.is_any(&["at", "on", "by", "from", "between", "around", "in"]) && next_taken;
        let inside_mark = token.joined && (token.is_mark("-") || token.is_mark("'"));
        let ends = taken[end]
            || Some(end) == place
            || (token.kind == Kind::Mark && !inside_mark)
            || token.is_any(ACTION_STOPS)
            || introduces_when
            || end - start >= 10;
        if ends {
            break;
        }
        end += 1;
    }
    while end > start && tokens[end - 1].is_any(DANGLING) {
        end -= 1;
    }
    end
}

fn known_action(tokens: &[Token]) -> Option<Range<usize>> {
    tokens.iter().find_map(|token| {
        if token.kind != Kind::Word {
            return None;
        }
        let text = token.text;
        let stems = [
            text,
            text.strip_suffix("ing").unwrap_or(text),
            text.strip_suffix("ed").unwrap_or(text),
            text.strip_suffix('s').unwrap_or(text),
        ];
        let known = stems.iter().any(|stem| ACTION_STEMS.contains(stem));
        known.then(|| token.range.clone())
    })
}
