//! The hard ask: composing one from its parts, and reading any ask for
//! hedges and missing specifics. Pure logic, no egui.

mod agree;
mod analyze;
mod compose;
mod phrases;
mod record;
mod tokens;
mod when;

pub use agree::{
    Disagreement, Named, disagreements, fields_from_wording, wording_follows_days,
    wording_from_fields,
};
pub use analyze::{AskAnalysis, SoftPhrase, Specific, Strength, analyze, analyze_with_places};
pub use compose::{
    ASK_DAYS_AFTER_MEETING, AskDraft, compose, day_phrase, default_ask_time, default_meeting_start,
    default_second_option, evening, time_phrase,
};
pub use record::{COMMON_ACTIONS, commitment_text, places_used, record_answer, record_kept};
pub use when::{DayMention, TimeMention};

#[cfg(test)]
mod tests;
