//! The leadership team against the project's targets.

use crate::model::{MeetingId, MeetingStatus, PersonId, Project, Stage};

/// Candidates and one-to-ones against their targets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Leadership {
    /// Leadership-team members and people at stage committed or above,
    /// highest stage first, then by name.
    pub candidates: Vec<PersonId>,
    /// How many candidates the project aims for.
    pub candidate_target: u32,
    /// One-to-ones held, by anyone.
    pub held: usize,
    /// How many one-to-ones the project aims for.
    pub held_target: u32,
    /// One-to-ones held by team members other than the organizer, newest first.
    pub held_by_team: Vec<MeetingId>,
}

impl Leadership {
    /// Share of the candidate target reached, 0–1.
    pub fn candidate_progress(&self) -> f32 {
        share(self.candidates.len(), self.candidate_target)
    }

    /// Share of the one-to-one target reached, 0–1.
    pub fn held_progress(&self) -> f32 {
        share(self.held, self.held_target)
    }
}

/// "3 of 8 candidates" below the target, "9 candidates, target of 8
/// reached" at or above it, so an overshoot never reads like a typo.
pub fn against_target(count: usize, target: u32, noun: &str) -> String {
    if target > 0 && count >= target as usize {
        format!("{count} {noun}, target of {target} reached")
    } else {
        format!("{count} of {target} {noun}")
    }
}

fn share(count: usize, target: u32) -> f32 {
    if target == 0 {
        1.0
    } else {
        (count as f32 / target as f32).min(1.0)
    }
}

/// Whether a person counts as a leadership candidate.
pub fn is_candidate(project: &Project, id: PersonId) -> bool {
    id != project.me
        && project
            .person(id)
            .is_some_and(|p| p.leadership_team || p.stage >= Stage::Committed)
}

/// The leadership picture of a project.
pub fn leadership(project: &Project) -> Leadership {
    let mut candidates: Vec<PersonId> = project
        .people
        .keys()
        .copied()
        .filter(|id| is_candidate(project, *id))
        .collect();
    candidates.sort_by_key(|id| {
        let person = project.person(*id);
        (
            std::cmp::Reverse(person.map(|p| p.stage)),
            person.map(|p| p.name.to_lowercase()),
        )
    });
    let held: Vec<_> = project
        .meetings
        .values()
        .filter(|m| m.status == MeetingStatus::Held)
        .collect();
    let mut held_by_team: Vec<_> = held
        .iter()
        .filter(|m| m.conducted_by != project.me)
        .map(|m| (m.start, m.id))
        .collect();
    held_by_team.sort_by_key(|(start, id)| (std::cmp::Reverse(*start), *id));
    Leadership {
        candidates,
        candidate_target: project.info.goals.leadership_candidates,
        held: held.len(),
        held_target: project.info.goals.one_to_ones,
        held_by_team: held_by_team.into_iter().map(|(_, id)| id).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::against_target;

    #[test]
    fn target_text_says_when_the_target_is_reached() {
        assert_eq!(against_target(3, 8, "candidates"), "3 of 8 candidates");
        assert_eq!(
            against_target(8, 8, "candidates"),
            "8 candidates, target of 8 reached"
        );
        assert_eq!(
            against_target(9, 6, "one-to-ones"),
            "9 one-to-ones, target of 6 reached"
        );
        assert_eq!(against_target(0, 0, "one-to-ones"), "0 of 0 one-to-ones");
    }
}
