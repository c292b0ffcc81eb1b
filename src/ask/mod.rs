//! The hard ask: composing one from its parts, and reading any ask for
//! hedges and missing specifics. Pure logic, no egui.

mod analyze;
mod compose;
mod record;

pub use analyze::{AskAnalysis, SoftPhrase, Specific, Strength, analyze};
pub use compose::{
    ASK_DAYS_AFTER_MEETING, AskDraft, compose, day_phrase, default_ask_time, default_meeting_start,
    default_second_option, evening, time_phrase,
};
pub use record::{COMMON_ACTIONS, commitment_text, places_used, record_answer, record_kept};

#[cfg(test)]
mod tests;
