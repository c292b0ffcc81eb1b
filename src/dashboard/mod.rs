//! What the organizer owes today, worked out from the project (nothing here
//! is stored): the dashboard's lists ([`lists`]), leadership against the
//! project's targets ([`leadership`]) and the series behind the plots
//! ([`series`]).
//!
//! "Now" is always a parameter: the app passes its clock, tests a fixed
//! date.

pub mod agenda;
pub mod leadership;
pub mod lists;
pub mod series;

#[cfg(test)]
mod tests;

pub use agenda::agenda_text;
pub use leadership::{Leadership, leadership};
pub use lists::{
    Commitment, DEFAULT_QUIET_DAYS, FollowUpDue, FollowUpLists, QuietPerson, Referral, Undated,
    Upcoming, WaitingAsk, WeekItem, commitments_this_week, commitments_unresolved, follow_up_lists,
    follow_ups_due_this_week, gone_quiet, meetings_this_week, no_date_yet, overdue_follow_ups,
    referred_not_contacted, this_week, to_confirm, to_debrief, waiting_asks,
};
pub use series::{AskWeek, WeekCount, asks_per_week, held_per_week, people_by_stage};

use crate::model::OrganizingSentence;

/// The organizing sentence as one line ("We are organizing WHO to WHAT by
/// HOW, because WHY, WHEN."), leaving out empty parts; `None` when all are
/// empty.
pub fn sentence_text(sentence: &OrganizingSentence) -> Option<String> {
    let part = |text: &str| {
        let text = text.trim().trim_end_matches('.');
        (!text.is_empty()).then(|| text.to_owned())
    };
    let mut out = String::new();
    if let Some(who) = part(&sentence.who) {
        out.push_str(&format!("We are organizing {who}"));
    }
    let pieces = [(part(&sentence.what), "to"), (part(&sentence.how), "by")];
    for (piece, joiner) in pieces {
        if let Some(piece) = piece {
            if out.is_empty() {
                out.push_str(&format!("We are organizing {joiner} {piece}"));
            } else {
                out.push_str(&format!(" {joiner} {piece}"));
            }
        }
    }
    if let Some(why) = part(&sentence.why) {
        if out.is_empty() {
            out.push_str(&format!("We organize because {why}"));
        } else {
            out.push_str(&format!(", because {why}"));
        }
    }
    if let Some(when) = part(&sentence.when) {
        if out.is_empty() {
            out.push_str(&format!("Our deadline: {when}"));
        } else {
            out.push_str(&format!(", {when}"));
        }
    }
    (!out.is_empty()).then(|| format!("{out}."))
}
