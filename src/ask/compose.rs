//! Writing an ask from its parts.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// The parts of an ask, as the builder collects them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AskDraft {
    /// First name (or name) of the person asked.
    pub name: String,
    /// The action as a verb phrase: "phonebank with me".
    pub action: String,
    /// The day of the action.
    pub day: Option<NaiveDate>,
    /// The time of the action.
    pub time: Option<NaiveTime>,
    /// A second concrete option.
    pub second_option: Option<NaiveDateTime>,
    /// Where.
    pub place: String,
    /// A personal story that frames the ask.
    pub story: String,
    /// What the group is doing.
    pub context: String,
    /// Why now.
    pub urgency: String,
    /// The goal, as a number.
    pub challenge: String,
    /// The day the ask is made (the meeting), for "this Friday".
    pub today: NaiveDate,
}

impl AskDraft {
    /// The parts of a stored ask, addressed to `name`, made on `today`.
    pub fn from_ask(ask: &crate::model::Ask, name: String, today: NaiveDate) -> Self {
        let crate::model::Ask {
            action,
            day,
            time,
            second_option,
            place,
            story,
            context,
            urgency,
            challenge,
            ..
        } = ask;
        Self {
            name,
            action: action.clone(),
            day: *day,
            time: *time,
            second_option: *second_option,
            place: place.clone(),
            story: story.clone(),
            context: context.clone(),
            urgency: urgency.clone(),
            challenge: challenge.clone(),
            today,
        }
    }
}

/// Days after the meeting an ask's action is first proposed: near enough
/// to keep the energy, far enough to plan for.
pub const ASK_DAYS_AFTER_MEETING: i64 = 3;

/// The evening hour new meetings and asks start at: after most shifts.
pub fn evening() -> NaiveTime {
    NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default()
}

/// The first day and time an ask proposes, from the meeting's day.
pub fn default_ask_time(meeting_day: NaiveDate) -> (NaiveDate, NaiveTime) {
    (
        meeting_day + chrono::Duration::days(ASK_DAYS_AFTER_MEETING),
        evening(),
    )
}

/// A second option: the day after the first (or after today), same time.
pub fn default_second_option(
    day: Option<NaiveDate>,
    time: Option<NaiveTime>,
    today: NaiveDate,
) -> NaiveDateTime {
    (day.unwrap_or(today) + chrono::Duration::days(1)).and_time(time.unwrap_or_default())
}

/// A new meeting's first proposed time: tomorrow evening.
pub fn default_meeting_start(today: NaiveDate) -> NaiveDateTime {
    (today + chrono::Duration::days(1)).and_time(evening())
}

/// Writes the ask: the frame lines, then one direct question naming the
/// action, the day and time (or two options) and the place.
///
/// ```
/// use chrono::{NaiveDate, NaiveTime};
/// use relational::ask::{AskDraft, Strength, analyze, compose};
///
/// let draft = AskDraft {
///     name: "John".into(),
///     action: "phonebank with me".into(),
///     day: NaiveDate::from_ymd_opt(2026, 11, 27),
///     time: NaiveTime::from_hms_opt(18, 0, 0),
///     place: "the union hall".into(),
///     today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
///     ..AskDraft::default()
/// };
/// let wording = compose(&draft);
/// assert_eq!(
///     wording,
///     "John, can I count on you to phonebank with me this Friday at 6pm at the union hall?"
/// );
/// assert_eq!(analyze(&wording).strength, Strength::Hard);
/// ```
pub fn compose(draft: &AskDraft) -> String {
    let mut sentences: Vec<String> = [
        &draft.story,
        &draft.context,
        &draft.urgency,
        &draft.challenge,
    ]
    .into_iter()
    .map(|line| line.trim())
    .filter(|line| !line.is_empty())
    .map(end_sentence)
    .collect();
    let mut question = String::new();
    let name = draft.name.trim();
    if !name.is_empty() {
        question.push_str(name);
        question.push_str(", can");
    } else {
        question.push_str("Can");
    }
    question.push_str(" I count on you to ");
    let action = draft.action.trim();
    question.push_str(if action.is_empty() { "…" } else { action });
    if let Some(when) = when_phrase(draft.day, draft.time, draft.today) {
        question.push(' ');
        question.push_str(&when);
    }
    if let Some(second) = draft.second_option {
        let second = when_phrase(Some(second.date()), Some(second.time()), draft.today);
        if let Some(second) = second {
            question.push_str(" or ");
            question.push_str(&second);
        }
    }
    let place = draft.place.trim();
    if !place.is_empty() {
        question.push_str(" at ");
        question.push_str(place);
    }
    question.push('?');
    sentences.push(question);
    sentences.join(" ")
}

fn end_sentence(line: &str) -> String {
    if line.ends_with(['.', '!', '?']) {
        line.to_owned()
    } else {
        format!("{line}.")
    }
}

fn when_phrase(
    day: Option<NaiveDate>,
    time: Option<NaiveTime>,
    today: NaiveDate,
) -> Option<String> {
    match (day, time) {
        (Some(day), Some(time)) => Some(format!(
            "{} at {}",
            day_phrase(day, today),
            time_phrase(time)
        )),
        (Some(day), None) => Some(day_phrase(day, today)),
        (None, Some(time)) => Some(format!("at {}", time_phrase(time))),
        (None, None) => None,
    }
}

/// "today", "tomorrow", "this Friday" (within six days), "next Friday"
/// (seven to thirteen), else "Saturday, March 14".
pub fn day_phrase(day: NaiveDate, today: NaiveDate) -> String {
    let ahead = (day - today).num_days();
    let weekday = day.format("%A");
    match ahead {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        2..=6 => format!("this {weekday}"),
        7..=13 => format!("next {weekday}"),
        _ if day.year() == today.year() => day.format("%A, %B %-d").to_string(),
        _ => day.format("%A, %B %-d, %Y").to_string(),
    }
}

/// "6pm", "6:30pm", "noon", "midnight".
pub fn time_phrase(time: NaiveTime) -> String {
    match (time.hour(), time.minute()) {
        (12, 0) => "noon".to_owned(),
        (0, 0) => "midnight".to_owned(),
        (hour, minute) => {
            let suffix = if hour < 12 { "am" } else { "pm" };
            let hour12 = match hour % 12 {
                0 => 12,
                h => h,
            };
            if minute == 0 {
                format!("{hour12}{suffix}")
            } else {
                format!("{hour12}:{minute:02}{suffix}")
            }
        }
    }
}
