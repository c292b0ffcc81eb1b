//! Do the builder's fields and the wording say the same thing? When the
//! wording names another day, time or place than the fields, say which,
//! and set either side from the other.

use std::ops::Range;

use chrono::{NaiveDate, NaiveTime};

use super::analyze::{AskAnalysis, Specific};
use super::compose::{day_phrase, time_phrase};
use crate::model::Ask;

/// What the wording names in place of a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Named {
    /// A day (`None` when the calendar has no such day).
    Day(Option<NaiveDate>),
    /// A time.
    Time(NaiveTime),
    /// A place, as written.
    Place(String),
}

/// One point where the wording and the fields part ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// Day, time or place.
    pub specific: Specific,
    /// The words of the wording, as written.
    pub wording_says: String,
    /// What the fields hold, as the app writes it.
    pub fields_say: String,
    /// What the wording names.
    pub named: Named,
    /// Where the words are in the wording.
    pub range: Range<usize>,
}

impl Disagreement {
    /// "The wording says Thursday; the fields say Fri 4 Dec."
    pub fn sentence(&self) -> String {
        format!(
            "The wording says {}; the fields say {}.",
            self.wording_says, self.fields_say
        )
    }
}

/// Where the wording and the fields of `ask` disagree, read from the day
/// the ask is made. A field left empty never disagrees: the analysis says
/// what is missing.
pub fn disagreements(ask: &Ask, analysis: &AskAnalysis, said_on: NaiveDate) -> Vec<Disagreement> {
    let mut found = Vec::new();
    let wording = ask.wording.as_str();
    let second = ask.second_option;
    if let Some(day) = ask.day {
        let fields_days = [Some(day), second.map(|s| s.date())];
        let off = analysis.days.iter().find_map(|(mention, range)| {
            let meant = mention.resolve(said_on);
            (!fields_days.contains(&meant)).then(|| (meant, range.clone()))
        });
        if let Some((meant, range)) = off {
            let says = words(wording, &range);
            let says = match meant {
                Some(meant) if !is_written_date(&says) => {
                    format!("{says} ({})", crate::dates::style().day(meant))
                }
                _ => says,
            };
            found.push(Disagreement {
                specific: Specific::Day,
                wording_says: says,
                fields_say: crate::dates::style().day(day),
                named: Named::Day(meant),
                range,
            });
        }
    }
    if let Some(time) = ask.time {
        let fields_times = [Some(time), second.map(|s| s.time())];
        let off = analysis.times.iter().find(|(mention, _)| {
            !fields_times
                .iter()
                .flatten()
                .any(|field| mention.could_be(*field))
        });
        if let Some((mention, range)) = off {
            found.push(Disagreement {
                specific: Specific::Time,
                wording_says: words(wording, range),
                fields_say: crate::dates::style().time(time),
                named: Named::Time(mention.time),
                range: range.clone(),
            });
        }
    }
    if let Some(range) = place_range(analysis) {
        let said = words(wording, &range);
        // "your place" said to them is whatever address the field holds.
        let spoken = said
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "your" | "my" | "our"));
        if !ask.place.trim().is_empty() && !spoken && !same_place(&said, &ask.place) {
            found.push(Disagreement {
                specific: Specific::Place,
                wording_says: said.clone(),
                fields_say: ask.place.trim().to_owned(),
                named: Named::Place(said),
                range,
            });
        }
    }
    found
}

fn place_range(analysis: &AskAnalysis) -> Option<Range<usize>> {
    analysis
        .found
        .iter()
        .find(|(s, _)| *s == Specific::Place)
        .map(|(_, r)| r.clone())
}

fn words(text: &str, range: &Range<usize>) -> String {
    text.get(range.clone()).unwrap_or_default().to_owned()
}

/// Whether the words already carry a date ("December 3", "3/17").
fn is_written_date(words: &str) -> bool {
    words.chars().any(|c| c.is_ascii_digit())
}

/// The same place, give or take "the", case and spacing: "the union hall"
/// and "Union Hall" agree; so does a place inside the other's words.
fn same_place(a: &str, b: &str) -> bool {
    let norm = |text: &str| {
        let lower = text.to_lowercase();
        lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// The wording with the disagreeing words replaced by what the fields say.
pub fn wording_from_fields(ask: &Ask, disagreement: &Disagreement, said_on: NaiveDate) -> String {
    let replacement = match disagreement.specific {
        Specific::Day => ask.day.map(|day| day_phrase(day, said_on)),
        Specific::Time => ask.time.map(|time| {
            let before = ask
                .wording
                .get(..disagreement.range.start)
                .unwrap_or_default();
            let phrase = time_phrase(time);
            if before.trim_end().to_ascii_lowercase().ends_with(" at") || phrase == "noon" {
                phrase
            } else {
                format!("at {phrase}")
            }
        }),
        Specific::Place | Specific::Action => Some(ask.place.trim().to_owned()),
    };
    let Some(replacement) = replacement else {
        return ask.wording.clone();
    };
    let mut wording = ask.wording.clone();
    wording.replace_range(disagreement.range.clone(), &replacement);
    wording
}

/// The wording made to name the fields' days wherever it names another
/// (used when dates move, as the demo's do to stay current).
pub fn wording_follows_days(ask: &mut Ask, said_on: NaiveDate) {
    // One replacement at a time: each moves the ranges after it.
    for _ in 0..4 {
        let analysis = super::analyze(&ask.wording);
        let found = disagreements(ask, &analysis, said_on);
        let Some(day) = found.iter().find(|d| d.specific == Specific::Day) else {
            return;
        };
        ask.wording = wording_from_fields(ask, day, said_on);
    }
}

/// The field set from what the wording names.
pub fn fields_from_wording(ask: &mut Ask, disagreement: &Disagreement) {
    match &disagreement.named {
        Named::Day(Some(day)) => ask.day = Some(*day),
        Named::Day(None) => {}
        Named::Time(time) => ask.time = Some(*time),
        Named::Place(place) => ask.place = place.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::analyze;

    fn said_on() -> NaiveDate {
        // Tuesday 1 December 2026.
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
    }

    fn ask(wording: &str) -> Ask {
        Ask {
            action: "phonebank".into(),
            day: NaiveDate::from_ymd_opt(2026, 12, 4),
            time: NaiveTime::from_hms_opt(18, 0, 0),
            place: "the union hall".into(),
            wording: wording.into(),
            ..Ask::default()
        }
    }

    fn check(ask: &Ask) -> Vec<Disagreement> {
        disagreements(ask, &analyze(&ask.wording), said_on())
    }

    #[test]
    fn the_wording_naming_another_day_is_said_with_both_days() {
        let ask =
            ask("Can I count on you to phonebank Thursday December 3 at 6pm at the union hall?");
        let found = check(&ask);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].specific, Specific::Day);
        assert_eq!(
            found[0].sentence(),
            "The wording says Thursday December 3; the fields say Fri 4 Dec."
        );
        let relative = ask_with_wording("Can you phonebank Thursday at 6pm?");
        assert_eq!(check(&relative)[0].wording_says, "Thursday (Thu 3 Dec)");
    }

    fn ask_with_wording(wording: &str) -> Ask {
        Ask {
            place: String::new(),
            ..ask(wording)
        }
    }

    #[test]
    fn matching_words_do_not_disagree() {
        for wording in [
            "Can I count on you to phonebank this Friday at 6pm at the union hall?",
            "Can you phonebank Friday at 6 at Union Hall?",
            "Can you phonebank on 12/4 at 18:00?",
            "Can you phonebank Dec 4 between 6 and 8pm at the hall?",
            "Can you phonebank with us?",
        ] {
            assert_eq!(check(&ask(wording)), [], "{wording}");
        }
        let empty = Ask {
            day: None,
            time: None,
            place: String::new(),
            ..ask("Can you phonebank Thursday at 7pm at the library?")
        };
        assert_eq!(check(&empty), []);
    }

    #[test]
    fn a_second_option_in_the_wording_agrees_with_the_second_field() {
        let mut two = ask("Can you phonebank Friday at 6pm or Saturday at 10am at the union hall?");
        assert_eq!(check(&two).len(), 2);
        two.second_option =
            NaiveDate::from_ymd_opt(2026, 12, 5).and_then(|d| d.and_hms_opt(10, 0, 0));
        assert_eq!(check(&two), []);
    }

    #[test]
    fn either_side_can_be_made_to_follow_the_other() {
        let mut ask = ask("Can you phonebank Thursday at 7pm at the library?");
        let found = check(&ask);
        let kinds: Vec<Specific> = found.iter().map(|d| d.specific).collect();
        assert_eq!(kinds, [Specific::Day, Specific::Time, Specific::Place]);
        // From the fields: replace one disagreement at a time, last first
        // so earlier ranges stay put.
        let mut fixed = ask.clone();
        for disagreement in found.iter().rev() {
            fixed.wording = wording_from_fields(&fixed, disagreement, said_on());
        }
        assert_eq!(
            fixed.wording,
            "Can you phonebank this Friday at 6pm at the union hall?"
        );
        assert_eq!(check(&fixed), []);
        // From the wording.
        for disagreement in &found {
            fields_from_wording(&mut ask, disagreement);
        }
        assert_eq!(ask.day, NaiveDate::from_ymd_opt(2026, 12, 3));
        assert_eq!(ask.time, NaiveTime::from_hms_opt(19, 0, 0));
        assert_eq!(ask.place, "the library");
        assert_eq!(check(&ask), []);
    }
}
