//! The dashboard's lists as plain text, for `relational --agenda`: a
//! morning digest to read or mail, and lines a script can pick apart
//! (one item per line, ISO dates, sections headed "## Title (N)").

use chrono::{NaiveDate, NaiveDateTime};

use super::lists::{FollowUpDue, Upcoming, follow_up_lists};
use crate::model::Project;

/// Every list of the follow-up tab at `now`, as text.
pub fn agenda_text(project: &Project, now: NaiveDateTime, quiet_days: u32) -> String {
    let lists = follow_up_lists(project, now, quiet_days);
    let name = |id| project.name_of(id).to_owned();
    let mut out = format!(
        "# Agenda for {} ({})\n",
        now.date().format("%A %Y-%m-%d"),
        project.info.name.trim()
    );
    let meeting_line = |item: &Upcoming| {
        let mut line = format!(
            "{} one-to-one with {}",
            stamp(item.start),
            name(item.person)
        );
        if !item.place.trim().is_empty() {
            line.push_str(&format!(" at {}", item.place.trim()));
        }
        line
    };
    let follow_up_line = |item: &FollowUpDue| {
        format!(
            "{} {} ({}, with {})",
            day(item.due),
            item.what.trim(),
            item.owner.short_text(project),
            name(item.person)
        )
    };
    section(
        &mut out,
        "To confirm today",
        lists.to_confirm.iter().map(meeting_line),
    );
    section(
        &mut out,
        "To debrief",
        lists.to_debrief.iter().map(meeting_line),
    );
    section(
        &mut out,
        "Overdue follow-ups",
        lists.overdue.iter().map(follow_up_line),
    );
    section(
        &mut out,
        "Follow-ups due this week",
        lists.due_this_week.iter().map(follow_up_line),
    );
    section(
        &mut out,
        "Commitments to check",
        lists.unresolved.iter().map(|c| {
            format!(
                "{} {} said yes to {}",
                day(c.day),
                name(c.person),
                c.action.trim()
            )
        }),
    );
    section(
        &mut out,
        "Asks waiting for an answer",
        lists.waiting.iter().map(|w| {
            let asked = w.asked_on.map_or_else(|| "undated".to_owned(), day);
            let action = if w.action.trim().is_empty() {
                "(wording only)"
            } else {
                w.action.trim()
            };
            format!("{asked} {}: {action}", name(w.person))
        }),
    );
    section(
        &mut out,
        "Referred, not yet contacted",
        lists.referred.iter().map(|r| {
            let since = r.since.map_or_else(|| "undated".to_owned(), day);
            format!(
                "{since} {} (introduced by {})",
                name(r.person),
                name(r.introduced_by)
            )
        }),
    );
    section(
        &mut out,
        "Gone quiet",
        lists.quiet.iter().map(|q| {
            format!(
                "{} {} ({} days)",
                day(q.last_contact),
                name(q.person),
                q.days
            )
        }),
    );
    out
}

fn day(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// "## Title (N)" and one "- " line per item, or "(none)".
fn section(out: &mut String, title: &str, lines: impl Iterator<Item = String>) {
    let lines: Vec<String> = lines.collect();
    out.push_str(&format!("\n## {title} ({})\n", lines.len()));
    if lines.is_empty() {
        out.push_str("(none)\n");
    }
    for line in lines {
        out.push_str(&format!("- {line}\n"));
    }
}
