//! What the organizer owes today, worked out from the project (nothing here
//! is stored): the dashboard's lists ([`lists`]), leadership against the
//! project's targets ([`leadership`]) and the series behind the plots
//! ([`series`]).
//!
//! "Now" is always a parameter: the app passes its clock, tests a fixed
//! date.

pub mod leadership;
pub mod lists;
pub mod series;

#[cfg(test)]
mod tests;

pub use leadership::{Leadership, leadership};
pub use lists::{
    Commitment, DEFAULT_QUIET_DAYS, FollowUpDue, QuietPerson, Referral, Upcoming, WaitingAsk,
    commitments_this_week, commitments_unresolved, gone_quiet, meetings_this_week,
    overdue_follow_ups, referred_not_contacted, to_confirm, waiting_asks,
};
pub use series::{AskWeek, WeekCount, asks_per_week, held_per_week, people_by_stage};
