//! Splitting an ask into words, numbers and marks, each with where it is.

use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters, with apostrophes inside: "monday's", "o'clock", "café".
    Word,
    /// ASCII digits.
    Number,
    /// Any other visible character, one at a time: ":", "/", "?", "–".
    Mark,
}

/// One token of the ask.
#[derive(Clone, Debug)]
pub(super) struct Token<'a> {
    /// The token lower-cased (ASCII only, so byte offsets stay put).
    pub text: &'a str,
    /// Where it is in the ask, in bytes.
    pub range: Range<usize>,
    /// Word, number or mark.
    pub kind: Kind,
    /// Follows the previous token with no space between.
    pub joined: bool,
    /// Starts with a capital letter in the ask as written.
    pub capital: bool,
}

impl Token<'_> {
    /// Whether this is the word `word` (lower case).
    pub fn is(&self, word: &str) -> bool {
        self.kind == Kind::Word && self.text == word
    }

    /// Whether this is one of `words`.
    pub fn is_any(&self, words: &[&str]) -> bool {
        self.kind == Kind::Word && words.contains(&self.text)
    }

    /// Whether this is the mark `mark`.
    pub fn is_mark(&self, mark: &str) -> bool {
        self.kind == Kind::Mark && self.text == mark
    }

    /// The number's value, if it is a number of at most `digits` digits.
    pub fn number(&self, digits: usize) -> Option<u32> {
        (self.kind == Kind::Number && self.text.len() <= digits)
            .then(|| self.text.parse().ok())
            .flatten()
    }

    /// The word without a possessive or plural ending: "monday's" and
    /// "mondays" both read "monday".
    pub fn stem(&self) -> &str {
        let text = self.text;
        for ending in ["'s", "\u{2019}s", "s"] {
            if let Some(stem) = text.strip_suffix(ending) {
                return stem;
            }
        }
        text
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The tokens of `lower` (`original` lower-cased ASCII-wise).
pub(super) fn tokens<'a>(lower: &'a str, original: &str) -> Vec<Token<'a>> {
    let mut tokens = Vec::new();
    let mut chars = lower.char_indices().peekable();
    let mut last_end = usize::MAX;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Number
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Mark
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Mark {
            while let Some(&(at, next)) = chars.peek() {
                let continues = match kind {
                    Kind::Number => next.is_ascii_digit(),
                    _ => next.is_alphabetic() || (is_apostrophe(next) && letter_at(lower, at)),
                };
                if !continues {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
        }
        let capital = original
            .get(start..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase);
        tokens.push(Token {
            text: &lower[start..end],
            range: start..end,
            kind,
            joined: last_end == start,
            capital,
        });
        last_end = end;
    }
    tokens
}

/// Whether the apostrophe at `at` has a letter right after it.
fn letter_at(lower: &str, at: usize) -> bool {
    let mut rest = lower[at..].chars();
    rest.next();
    rest.next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_words_numbers_and_marks_apart() {
        let text = "Monday's 6:30pm, Café—o'clock";
        let lower = text.to_ascii_lowercase();
        let found: Vec<(&str, Kind, bool)> = tokens(&lower, text)
            .iter()
            .map(|t| (t.text, t.kind, t.joined))
            .collect();
        assert_eq!(
            found,
            [
                ("monday's", Kind::Word, false),
                ("6", Kind::Number, false),
                (":", Kind::Mark, true),
                ("30", Kind::Number, true),
                ("pm", Kind::Word, true),
                (",", Kind::Mark, true),
                ("café", Kind::Word, false),
                ("—", Kind::Mark, true),
                ("o'clock", Kind::Word, true),
            ]
        );
        let all = tokens(&lower, text);
        assert!(all[0].capital && !all[4].capital && all[6].capital);
        assert_eq!(all[0].stem(), "monday");
    }
}
