//! People: the organizer, their contacts, and where each stands.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::PersonId;

/// A rung on the ladder of engagement, from first heard of to leader.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Stage {
    /// Someone named to us; no contact yet.
    #[default]
    Identified,
    /// We reached out; no one-to-one yet.
    Contacted,
    /// We have held at least one one-to-one.
    Met,
    /// They said yes to a specific ask.
    Committed,
    /// They keep their commitments and take part.
    Active,
    /// They bring others in and carry part of the work.
    Leader,
}

impl Stage {
    /// Every stage, lowest first.
    pub const ALL: [Stage; 6] = [
        Stage::Identified,
        Stage::Contacted,
        Stage::Met,
        Stage::Committed,
        Stage::Active,
        Stage::Leader,
    ];

    /// The name shown to the organizer.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Identified => "Identified",
            Stage::Contacted => "Contacted",
            Stage::Met => "Met",
            Stage::Committed => "Committed",
            Stage::Active => "Active",
            Stage::Leader => "Leader",
        }
    }

    /// One line on what the stage means.
    pub fn hint(self) -> &'static str {
        match self {
            Stage::Identified => "Someone named them; you have not reached out yet",
            Stage::Contacted => "You reached out; no one-to-one yet",
            Stage::Met => "You have sat down with them at least once",
            Stage::Committed => "They said yes to a specific ask",
            Stage::Active => "They kept a commitment and keep showing up",
            Stage::Leader => "They bring in others and carry part of the work",
        }
    }
}

/// One person in the organizer's network (the organizer included).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Stable id; never reused within a project.
    pub id: PersonId,
    /// Full name as the organizer writes it.
    pub name: String,
    /// Initials set by hand; empty means "derive them from the name".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub initials: String,
    /// Role or position, e.g. "night-shift nurse".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Organization, worksite or congregation.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organization: String,
    /// Phone number, free form.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// Email address, free form.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// Short labels the organizer filters by.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Where they stand on the ladder.
    #[serde(skip_serializing_if = "super::is_default")]
    pub stage: Stage,
    /// Member of the leadership team.
    #[serde(skip_serializing_if = "super::is_default")]
    pub leadership_team: bool,
    /// Why the organizer wants to build this relationship.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason_to_build: String,
    /// What moves them: why they care about the issue.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub why_they_care: String,
    /// What they value, in their words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub values: String,
    /// What they want for themselves and others.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub interests: String,
    /// Skills, resources and relationships they bring.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub skills_assets: String,
    /// What stands in their way.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub challenges: String,
    /// What they hope will change.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hopes: String,
    /// Anything else worth remembering.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The day the record was created; `None` when a file did not say
    /// (shown as unknown, never made up). Written as a plain date.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "plain_date")]
    pub created: Option<NaiveDate>,
    /// Outreach short of a meeting, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<super::Contact>,
    /// Asked not to be contacted: kept out of outreach lists and exports.
    #[serde(skip_serializing_if = "super::is_default")]
    pub do_not_contact: bool,
    /// Follow-ups that belong to no meeting (added from the profile or the
    /// dashboard).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<super::FollowUp>,
}

/// A text of a profile, for code that treats them alike (import, merge).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    /// Name.
    Name,
    /// Initials set by hand.
    Initials,
    /// Role.
    Role,
    /// Organization.
    Organization,
    /// Phone.
    Phone,
    /// Email.
    Email,
    /// Why build the relationship.
    ReasonToBuild,
    /// Why they care.
    WhyTheyCare,
    /// Values.
    Values,
    /// Interests.
    Interests,
    /// Skills and assets.
    SkillsAssets,
    /// Challenges.
    Challenges,
    /// Hopes.
    Hopes,
    /// Notes.
    Notes,
}

impl TextField {
    /// The field's name in the profile.
    pub fn label(self) -> &'static str {
        match self {
            TextField::Name => "Name",
            TextField::Initials => "Initials",
            TextField::Role => "Role",
            TextField::Organization => "Organization",
            TextField::Phone => "Phone",
            TextField::Email => "Email",
            TextField::ReasonToBuild => "Why build the relationship",
            TextField::WhyTheyCare => "Why they care",
            TextField::Values => "Values",
            TextField::Interests => "Interests",
            TextField::SkillsAssets => "Skills and assets",
            TextField::Challenges => "Challenges",
            TextField::Hopes => "Hopes",
            TextField::Notes => "Notes",
        }
    }
}

impl Person {
    /// One of the profile's texts.
    pub fn text(&self, field: TextField) -> &str {
        match field {
            TextField::Name => &self.name,
            TextField::Initials => &self.initials,
            TextField::Role => &self.role,
            TextField::Organization => &self.organization,
            TextField::Phone => &self.phone,
            TextField::Email => &self.email,
            TextField::ReasonToBuild => &self.reason_to_build,
            TextField::WhyTheyCare => &self.why_they_care,
            TextField::Values => &self.values,
            TextField::Interests => &self.interests,
            TextField::SkillsAssets => &self.skills_assets,
            TextField::Challenges => &self.challenges,
            TextField::Hopes => &self.hopes,
            TextField::Notes => &self.notes,
        }
    }

    /// The same text, to change.
    pub fn text_mut(&mut self, field: TextField) -> &mut String {
        match field {
            TextField::Name => &mut self.name,
            TextField::Initials => &mut self.initials,
            TextField::Role => &mut self.role,
            TextField::Organization => &mut self.organization,
            TextField::Phone => &mut self.phone,
            TextField::Email => &mut self.email,
            TextField::ReasonToBuild => &mut self.reason_to_build,
            TextField::WhyTheyCare => &mut self.why_they_care,
            TextField::Values => &mut self.values,
            TextField::Interests => &mut self.interests,
            TextField::SkillsAssets => &mut self.skills_assets,
            TextField::Challenges => &mut self.challenges,
            TextField::Hopes => &mut self.hopes,
            TextField::Notes => &mut self.notes,
        }
    }
}

/// An optional date written as the date itself (`created: "2026-01-02"`),
/// as files have always held it, not as `Some("2026-01-02")`.
mod plain_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, out: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => date.serialize(out),
            None => out.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Option<NaiveDate>, D::Error> {
        NaiveDate::deserialize(input).map(Some)
    }
}

impl Person {
    /// A person with just a name, at stage "identified".
    pub fn new(id: PersonId, name: impl Into<String>, created: NaiveDate) -> Self {
        Self {
            id,
            name: name.into(),
            created: Some(created),
            ..Self::default()
        }
    }

    /// The initials to show: the ones set by hand, else derived from the name.
    pub fn display_initials(&self) -> String {
        let set = self.initials.trim();
        if set.is_empty() {
            initials_from_name(&self.name)
        } else {
            set.to_owned()
        }
    }

    /// The latest logged attempt to reach them.
    pub fn last_contact(&self) -> Option<&super::Contact> {
        self.contacts.iter().max_by_key(|contact| contact.at)
    }

    /// Whether the file said when the person was added (older or damaged
    /// files may not; the day then reads as unknown).
    pub fn has_created_date(&self) -> bool {
        self.created.is_some()
    }

    /// The name to show; a blank name still shows something to click.
    pub fn display_name(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() { "(no name)" } else { name }
    }
}

/// The first letter of up to three words, upper-cased: "ana maría ruiz" →
/// "AMR". Hyphenated parts count as words ("Jean-Paul" → "JP"). A longer
/// name keeps its first two words and its last: "Ana María de la Ruiz" →
/// "AMR".
pub fn initials_from_name(name: &str) -> String {
    let letters: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
        .collect();
    let kept: Vec<char> = match letters.as_slice() {
        [first, second, .., last] if letters.len() > 3 => vec![*first, *second, *last],
        _ => letters,
    };
    kept.into_iter().flat_map(char::to_uppercase).collect()
}

/// Splits "a, b ,c" into trimmed, non-empty tags, keeping the order given.
pub fn parse_tags(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_come_from_each_word() {
        assert_eq!(initials_from_name("ana maría ruiz"), "AMR");
        assert_eq!(initials_from_name("Jean-Paul Okafor"), "JPO");
        assert_eq!(initials_from_name("  "), "");
        assert_eq!(initials_from_name("(Sam) lee"), "SL");
        assert_eq!(initials_from_name("élodie"), "É");
        assert_eq!(initials_from_name("Ana María de la Ruiz"), "AMR");
        assert_eq!(initials_from_name(&"Bartłomiej Wójcik ".repeat(20)), "BWW");
    }

    #[test]
    fn initials_set_by_hand_win() {
        let mut person = Person::new(PersonId(1), "Dolores Huerta", NaiveDate::default());
        assert_eq!(person.display_initials(), "DH");
        person.initials = "Lola".into();
        assert_eq!(person.display_initials(), "Lola");
    }

    #[test]
    fn tags_are_trimmed_and_blank_ones_dropped() {
        assert_eq!(parse_tags(" nurse, ,union ,"), vec!["nurse", "union"]);
        assert!(parse_tags("").is_empty());
    }

    #[test]
    fn stages_are_ordered_as_a_ladder() {
        assert!(Stage::Identified < Stage::Met);
        assert!(Stage::Active < Stage::Leader);
        assert_eq!(Stage::ALL.len(), 6);
    }
}
