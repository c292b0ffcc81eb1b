//! The project: every record of one organizing effort, and its rules.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{IdAllocator, Introduction, IntroductionId, Meeting, MeetingId, Person, PersonId};

/// "I am organizing WHO to do WHAT by HOW because WHY by WHEN."
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganizingSentence {
    /// The leadership and constituency.
    pub who: String,
    /// The measurable aim.
    pub what: String,
    /// The tactics.
    pub how: String,
    /// The motivating vision.
    pub why: String,
    /// The timeline.
    pub when: String,
}

/// Targets the organizer measures the work against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goals {
    /// How many leadership candidates to find.
    pub leadership_candidates: u32,
    /// How many one-to-ones to hold.
    pub one_to_ones: u32,
}

impl Default for Goals {
    fn default() -> Self {
        Self {
            leadership_candidates: 8,
            one_to_ones: 6,
        }
    }
}

/// Notes on the work as a whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reflection {
    /// The shared story the team tells about itself.
    pub story_of_us: String,
    /// Debrief notes after actions and meetings.
    pub debrief: String,
    /// Answers to the leadership team's debrief prompts, oldest first;
    /// each is kept with its day, never overwritten.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<DebriefAnswer>,
}

/// A question the leadership team answers together after a round of
/// one-to-ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DebriefPrompt {
    /// Values and interests that came up again and again.
    SharedValues,
    /// Challenges and hopes people named.
    ChallengesAndHopes,
    /// Who should join the leadership team, and why.
    WhoToSelect,
    /// What each of those people brings.
    SkillsTheyBring,
    /// The next steps.
    NextSteps,
    /// What could get in the way.
    ExpectedChallenges,
}

impl DebriefPrompt {
    /// Every prompt, in the order a debrief goes through them.
    pub const ALL: [DebriefPrompt; 6] = [
        DebriefPrompt::SharedValues,
        DebriefPrompt::ChallengesAndHopes,
        DebriefPrompt::WhoToSelect,
        DebriefPrompt::SkillsTheyBring,
        DebriefPrompt::NextSteps,
        DebriefPrompt::ExpectedChallenges,
    ];

    /// A short title.
    pub fn title(self) -> &'static str {
        match self {
            DebriefPrompt::SharedValues => "Common ground",
            DebriefPrompt::ChallengesAndHopes => "Challenges and hopes",
            DebriefPrompt::WhoToSelect => "Who to bring onto the team",
            DebriefPrompt::SkillsTheyBring => "What they bring",
            DebriefPrompt::NextSteps => "Next steps",
            DebriefPrompt::ExpectedChallenges => "What may get in the way",
        }
    }

    /// The question, as the team would ask it of itself.
    pub fn question(self) -> &'static str {
        match self {
            DebriefPrompt::SharedValues => {
                "Which values and interests kept coming up across the one-to-ones?"
            }
            DebriefPrompt::ChallengesAndHopes => {
                "What problems are people living with, and what do they hope will change?"
            }
            DebriefPrompt::WhoToSelect => {
                "Who showed they could lead, and why them rather than someone else?"
            }
            DebriefPrompt::SkillsTheyBring => {
                "What skills, relationships or resources does each of them bring?"
            }
            DebriefPrompt::NextSteps => "What do we do next, who does it, and by when?",
            DebriefPrompt::ExpectedChallenges => {
                "What is likely to go wrong, and how will we respond?"
            }
        }
    }
}

/// One answer to a debrief prompt, kept with its day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebriefAnswer {
    /// The prompt answered.
    pub prompt: DebriefPrompt,
    /// The day it was written.
    pub day: NaiveDate,
    /// The answer.
    pub text: String,
}

/// The project-wide fields that are not records.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectInfo {
    /// The project's name.
    pub name: String,
    /// The organizing sentence.
    pub sentence: OrganizingSentence,
    /// Targets.
    pub goals: Goals,
    /// Debrief and "story of us".
    pub reflection: Reflection,
}

/// Where a person sits on the relationship map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapPosition {
    /// Scene x.
    pub x: f32,
    /// Scene y.
    pub y: f32,
    /// Pinned by the organizer: layouts leave it where it is.
    pub pinned: bool,
}

/// Every record of one organizing effort.
///
/// Fields are readable by anyone; changes go through [`super::Edit`] so that
/// they can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    /// Name, sentence, goals, reflection.
    pub info: ProjectInfo,
    /// The organizer's own person record.
    pub me: PersonId,
    /// Everyone, the organizer included.
    pub people: BTreeMap<PersonId, Person>,
    /// All one-to-ones.
    pub meetings: BTreeMap<MeetingId, Meeting>,
    /// All introductions.
    pub introductions: BTreeMap<IntroductionId, Introduction>,
    /// Saved positions on the relationship map.
    pub map_positions: BTreeMap<PersonId, MapPosition>,
    /// Hands out new ids; derived, never saved.
    pub(crate) ids: IdAllocator,
}

/// What refers to a person, so deleting them can say what else changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonLinks {
    /// Meetings with the person.
    pub meetings_with: Vec<MeetingId>,
    /// Meetings the person held for the organizer (as a team member).
    pub meetings_conducted: Vec<MeetingId>,
    /// Introductions of this person by others.
    pub introduced_by: Vec<IntroductionId>,
    /// Introductions this person made.
    pub introduced: Vec<IntroductionId>,
}

impl PersonLinks {
    /// True when nothing refers to the person.
    pub fn is_empty(&self) -> bool {
        self.meetings_with.is_empty()
            && self.meetings_conducted.is_empty()
            && self.introduced_by.is_empty()
            && self.introduced.is_empty()
    }
}

impl Project {
    /// A new project with only the organizer in it.
    pub fn new(name: impl Into<String>, my_name: impl Into<String>, today: NaiveDate) -> Self {
        let me = PersonId(1);
        let mut organizer = Person::new(me, my_name, today);
        organizer.stage = super::Stage::Leader;
        organizer.leadership_team = true;
        Self::from_records(
            ProjectInfo {
                name: name.into(),
                ..ProjectInfo::default()
            },
            me,
            vec![organizer],
            Vec::new(),
            Vec::new(),
        )
    }

    /// Builds a project from records whose ids are already unique.
    /// Later records with a repeated id replace earlier ones; the store
    /// repairs files before it gets here.
    pub fn from_records(
        info: ProjectInfo,
        me: PersonId,
        people: Vec<Person>,
        meetings: Vec<Meeting>,
        introductions: Vec<Introduction>,
    ) -> Self {
        let mut project = Self {
            info,
            me,
            people: people.into_iter().map(|p| (p.id, p)).collect(),
            meetings: meetings.into_iter().map(|m| (m.id, m)).collect(),
            introductions: introductions.into_iter().map(|i| (i.id, i)).collect(),
            map_positions: BTreeMap::new(),
            ids: IdAllocator::default(),
        };
        project.reset_id_allocator();
        project
    }

    /// Points the id allocator above every id in use.
    pub(crate) fn reset_id_allocator(&mut self) {
        let highest = [
            self.people.keys().next_back().map(|id| id.0),
            self.meetings.keys().next_back().map(|id| id.0),
            self.introductions.keys().next_back().map(|id| id.0),
            self.meetings
                .values()
                .flat_map(|m| m.follow_ups.iter().map(|f| f.id.0))
                .max(),
            self.people
                .values()
                .flat_map(|p| p.follow_ups.iter().map(|f| f.id.0))
                .max(),
            Some(self.me.0),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);
        self.ids = IdAllocator::above(highest);
    }

    /// A fresh person id.
    pub fn new_person_id(&mut self) -> PersonId {
        PersonId(self.ids.next_raw())
    }

    /// A fresh meeting id.
    pub fn new_meeting_id(&mut self) -> MeetingId {
        MeetingId(self.ids.next_raw())
    }

    /// A fresh introduction id.
    pub fn new_introduction_id(&mut self) -> IntroductionId {
        IntroductionId(self.ids.next_raw())
    }

    /// A fresh follow-up id.
    pub fn new_follow_up_id(&mut self) -> super::FollowUpId {
        super::FollowUpId(self.ids.next_raw())
    }

    /// Keeps the allocator above an id that came in from outside (redo, paste).
    pub(crate) fn reserve_id(&mut self, raw: u64) {
        self.ids.reserve(raw);
    }

    /// The person, if they exist.
    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.get(&id)
    }

    /// The organizer's own record.
    pub fn me(&self) -> Option<&Person> {
        self.people.get(&self.me)
    }

    /// The name of a person, or a placeholder for an unknown id.
    pub fn name_of(&self, id: PersonId) -> &str {
        self.person(id)
            .map_or("(unknown person)", Person::display_name)
    }

    /// Everything that refers to a person. One pass over meetings and
    /// introductions; call it on demand, not per frame.
    pub fn links_of(&self, id: PersonId) -> PersonLinks {
        let mut links = PersonLinks::default();
        for meeting in self.meetings.values() {
            if meeting.person == id {
                links.meetings_with.push(meeting.id);
            } else if meeting.conducted_by == id {
                links.meetings_conducted.push(meeting.id);
            }
        }
        for intro in self.introductions.values() {
            if intro.introduced == id {
                links.introduced_by.push(intro.id);
            }
            if intro.introducer == id {
                links.introduced.push(intro.id);
            }
        }
        links
    }

    /// Whether an introduction between the two already exists.
    pub fn has_introduction(&self, introducer: PersonId, introduced: PersonId) -> bool {
        self.introductions
            .values()
            .any(|i| i.introducer == introducer && i.introduced == introduced)
    }

    /// The meeting, or the error an edit of a missing meeting gives.
    pub fn meeting_for_edit(&self, id: MeetingId) -> Result<&Meeting, super::EditError> {
        self.meetings
            .get(&id)
            .ok_or_else(|| super::EditError::Missing(id.to_string()))
    }

    /// An edit moving a person up to `stage`, or `None` if they are at it or
    /// above (stages never drop by themselves).
    pub fn raise_stage(&self, id: PersonId, stage: super::Stage) -> Option<super::Edit> {
        let person = self.person(id)?;
        (person.stage < stage).then(|| {
            let mut raised = person.clone();
            raised.stage = stage;
            super::Edit::PutPerson(Box::new(raised))
        })
    }

    /// Counts shown in summaries: people, meetings, introductions.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.people.len(),
            self.meetings.len(),
            self.introductions.len(),
        )
    }

    /// How many people, meetings and introductions differ from `other`:
    /// added, removed or changed in any field.
    pub fn differences(&self, other: &Project) -> (usize, usize, usize) {
        (
            differing(&self.people, &other.people),
            differing(&self.meetings, &other.meetings),
            differing(&self.introductions, &other.introductions),
        )
    }
}

/// Keys whose values differ between two maps, or that only one has.
fn differing<K: Ord, V: PartialEq>(a: &BTreeMap<K, V>, b: &BTreeMap<K, V>) -> usize {
    let changed_or_removed = a.iter().filter(|(k, v)| b.get(*k) != Some(*v)).count();
    let added = b.keys().filter(|k| !a.contains_key(*k)).count();
    changed_or_removed + added
}
