//! What a column can become, and guesses from the header names real
//! exports use ("First Name", "Mobile Phone", "Worksite", "Job Class"…).

use crate::model::{Person, Stage, TextField};

/// Where a column's values go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Not imported.
    #[default]
    Ignore,
    /// The whole name.
    FullName,
    /// Given name, joined before the last name.
    FirstName,
    /// Family name.
    LastName,
    /// Role or job.
    Role,
    /// Organization or worksite.
    Organization,
    /// A phone number.
    Phone,
    /// An email address.
    Email,
    /// A tag (several columns may become tags).
    Tag,
    /// The stage on the ladder.
    Stage,
    /// Member of the leadership team (yes/no).
    LeadershipTeam,
    /// Notes (several columns are written "Header: value").
    Notes,
    /// Why to build the relationship.
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
}

impl Field {
    /// Every field, in the order the mapping menu lists them.
    pub const ALL: [Field; 19] = [
        Field::Ignore,
        Field::FullName,
        Field::FirstName,
        Field::LastName,
        Field::Role,
        Field::Organization,
        Field::Phone,
        Field::Email,
        Field::Tag,
        Field::Stage,
        Field::LeadershipTeam,
        Field::Notes,
        Field::ReasonToBuild,
        Field::WhyTheyCare,
        Field::Values,
        Field::Interests,
        Field::SkillsAssets,
        Field::Challenges,
        Field::Hopes,
    ];

    /// The name in the mapping menu.
    pub fn label(self) -> &'static str {
        match self {
            Field::Ignore => "Don't import",
            Field::FullName => "Full name",
            Field::FirstName => "First name",
            Field::LastName => "Last name",
            Field::Role => "Role or job",
            Field::Organization => "Organization or worksite",
            Field::Phone => "Phone",
            Field::Email => "Email",
            Field::Tag => "Tag",
            Field::Stage => "Stage",
            Field::LeadershipTeam => "Leadership team (yes/no)",
            Field::Notes => "Notes",
            Field::ReasonToBuild => "Why build the relationship",
            Field::WhyTheyCare => "Why they care",
            Field::Values => "Values",
            Field::Interests => "Interests",
            Field::SkillsAssets => "Skills and assets",
            Field::Challenges => "Challenges",
            Field::Hopes => "Hopes",
        }
    }

    /// The name on the command line (`--map "Job Class=role"`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Field::Ignore => "ignore",
            Field::FullName => "name",
            Field::FirstName => "first-name",
            Field::LastName => "last-name",
            Field::Role => "role",
            Field::Organization => "organization",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Tag => "tag",
            Field::Stage => "stage",
            Field::LeadershipTeam => "leadership-team",
            Field::Notes => "notes",
            Field::ReasonToBuild => "reason-to-build",
            Field::WhyTheyCare => "why-they-care",
            Field::Values => "values",
            Field::Interests => "interests",
            Field::SkillsAssets => "skills",
            Field::Challenges => "challenges",
            Field::Hopes => "hopes",
        }
    }

    /// The field named `name` on the command line.
    pub fn from_cli_name(name: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|field| field.cli_name().eq_ignore_ascii_case(name.trim()))
    }

    /// Whether this is free text the organizer writes (never overwritten
    /// without asking).
    pub fn is_written_text(self) -> bool {
        matches!(
            self,
            Field::Notes
                | Field::ReasonToBuild
                | Field::WhyTheyCare
                | Field::Values
                | Field::Interests
                | Field::SkillsAssets
                | Field::Challenges
                | Field::Hopes
        )
    }

    /// The profile text this field fills, for the fields that are one text.
    pub fn text_field(self) -> Option<TextField> {
        Some(match self {
            Field::Role => TextField::Role,
            Field::Organization => TextField::Organization,
            Field::Phone => TextField::Phone,
            Field::Email => TextField::Email,
            Field::Notes => TextField::Notes,
            Field::ReasonToBuild => TextField::ReasonToBuild,
            Field::WhyTheyCare => TextField::WhyTheyCare,
            Field::Values => TextField::Values,
            Field::Interests => TextField::Interests,
            Field::SkillsAssets => TextField::SkillsAssets,
            Field::Challenges => TextField::Challenges,
            Field::Hopes => TextField::Hopes,
            _ => return None,
        })
    }

    /// The person's text this field fills, for the fields that are one text.
    pub fn text_of(self, person: &Person) -> Option<&str> {
        self.text_field().map(|field| person.text(field))
    }

    /// The same text, to change.
    pub fn text_of_mut(self, person: &mut Person) -> Option<&mut String> {
        self.text_field().map(|field| person.text_mut(field))
    }
}

/// A header reduced for comparison: lower case, letters and digits, single
/// spaces ("E-mail Address (Personal)" → "e mail address personal").
pub fn header_key(header: &str) -> String {
    crate::query::names::without_accents(header)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Exact header names, after [`header_key`].
const EXACT: &[(&str, Field)] = &[
    ("name", Field::FullName),
    ("full name", Field::FullName),
    ("fullname", Field::FullName),
    ("member name", Field::FullName),
    ("member", Field::FullName),
    ("contact", Field::FullName),
    ("contact name", Field::FullName),
    ("employee name", Field::FullName),
    ("employee", Field::FullName),
    ("display name", Field::FullName),
    ("student name", Field::FullName),
    ("parent name", Field::FullName),
    ("nombre completo", Field::FullName),
    ("nom complet", Field::FullName),
    ("first", Field::FirstName),
    ("first name", Field::FirstName),
    ("firstname", Field::FirstName),
    ("fname", Field::FirstName),
    ("given name", Field::FirstName),
    ("given", Field::FirstName),
    ("forename", Field::FirstName),
    ("nombre", Field::FirstName),
    ("prenom", Field::FirstName),
    ("last", Field::LastName),
    ("last name", Field::LastName),
    ("lastname", Field::LastName),
    ("lname", Field::LastName),
    ("surname", Field::LastName),
    ("family name", Field::LastName),
    ("apellido", Field::LastName),
    ("apellidos", Field::LastName),
    ("nom", Field::LastName),
    ("title", Field::Role),
    ("job", Field::Role),
    ("job title", Field::Role),
    ("job class", Field::Role),
    ("job classification", Field::Role),
    ("classification", Field::Role),
    ("position", Field::Role),
    ("role", Field::Role),
    ("occupation", Field::Role),
    ("trade", Field::Role),
    ("worksite", Field::Organization),
    ("work site", Field::Organization),
    ("work location", Field::Organization),
    ("location", Field::Organization),
    ("site", Field::Organization),
    ("facility", Field::Organization),
    ("employer", Field::Organization),
    ("company", Field::Organization),
    ("organization", Field::Organization),
    ("organisation", Field::Organization),
    ("org", Field::Organization),
    ("school", Field::Organization),
    ("congregation", Field::Organization),
    ("church", Field::Organization),
    ("parish", Field::Organization),
    ("paroisse", Field::Organization),
    ("building", Field::Organization),
    ("department", Field::Tag),
    ("dept", Field::Tag),
    ("shift", Field::Tag),
    ("unit", Field::Tag),
    ("ward", Field::Tag),
    ("tags", Field::Tag),
    ("tag", Field::Tag),
    ("group", Field::Tag),
    ("groups", Field::Tag),
    ("labels", Field::Tag),
    ("categories", Field::Tag),
    ("category", Field::Tag),
    ("chapter", Field::Tag),
    ("precinct", Field::Tag),
    ("grade", Field::Tag),
    ("stage", Field::Stage),
    ("ladder", Field::Stage),
    ("engagement", Field::Stage),
    ("leader", Field::LeadershipTeam),
    ("leadership", Field::LeadershipTeam),
    ("leadership team", Field::LeadershipTeam),
    ("notes", Field::Notes),
    ("note", Field::Notes),
    ("comments", Field::Notes),
    ("comment", Field::Notes),
    ("remarks", Field::Notes),
    ("values", Field::Values),
    ("interests", Field::Interests),
    ("skills", Field::SkillsAssets),
    ("skills and assets", Field::SkillsAssets),
    ("assets", Field::SkillsAssets),
    ("challenges", Field::Challenges),
    ("hopes", Field::Hopes),
    ("why they care", Field::WhyTheyCare),
    ("why build the relationship", Field::ReasonToBuild),
];

/// Words that make a header a phone or an email wherever they appear
/// ("Mobile Phone", "Personal Email", "E-mail Address").
const CONTAINS: &[(&str, Field)] = &[
    ("phone", Field::Phone),
    ("mobile", Field::Phone),
    ("cell", Field::Phone),
    ("telephone", Field::Phone),
    ("tel", Field::Phone),
    ("telefono", Field::Phone),
    ("email", Field::Email),
    ("e mail", Field::Email),
    ("mail address", Field::Email),
    ("correo", Field::Email),
    ("courriel", Field::Email),
];

/// Words that keep a header from being a phone or email guess.
const NOT_CONTACT: &[&str] = &["opt", "consent", "type", "verified", "carrier", "status"];

/// The field a header most likely means; `Ignore` when nothing fits.
pub fn guess(header: &str) -> Field {
    let key = header_key(header);
    if let Some((_, field)) = EXACT.iter().find(|(name, _)| *name == key) {
        return *field;
    }
    let words: Vec<&str> = key.split(' ').collect();
    if words.iter().any(|word| NOT_CONTACT.contains(word)) {
        return Field::Ignore;
    }
    let spaced = format!(" {key} ");
    CONTAINS
        .iter()
        .find(|(part, _)| spaced.contains(&format!(" {part} ")) || words.iter().any(|w| w == part))
        .map_or(Field::Ignore, |(_, field)| *field)
}

/// Guesses for every header. Only the first column guessed as a name,
/// first or last name keeps that guess, so "Name" and "Contact" do not
/// both fill the name.
pub fn guess_all(headers: &[String]) -> Vec<Field> {
    let mut fields: Vec<Field> = headers.iter().map(|h| guess(h)).collect();
    for once in [
        Field::FullName,
        Field::FirstName,
        Field::LastName,
        Field::Stage,
    ] {
        let mut seen = false;
        for field in fields.iter_mut().filter(|f| **f == once) {
            if seen {
                *field = Field::Ignore;
            }
            seen = true;
        }
    }
    // A full-name column holds the whole name (middle names too): first
    // and last name columns beside it would only repeat parts of it.
    if fields.contains(&Field::FullName) {
        for part in fields
            .iter_mut()
            .filter(|f| matches!(f, Field::FirstName | Field::LastName))
        {
            *part = Field::Ignore;
        }
    }
    fields
}

/// A stage written in a cell ("met", "Leader", "1:1 done"); `None` when
/// no stage reads that way.
pub fn parse_stage(text: &str) -> Option<Stage> {
    let key = header_key(text);
    if key.is_empty() {
        return None;
    }
    Stage::ALL
        .into_iter()
        .find(|stage| header_key(stage.label()) == key)
        .or(match key.as_str() {
            "new" | "prospect" | "lead" | "not contacted" => Some(Stage::Identified),
            "reached out" | "contacted" | "called" | "texted" => Some(Stage::Contacted),
            "1 1 done" | "one to one done" | "had 1 1" | "met with" => Some(Stage::Met),
            "committed" | "yes" | "pledged" => Some(Stage::Committed),
            "activist" | "volunteer" | "member" => Some(Stage::Active),
            "leader" | "organizer" | "steward" | "captain" => Some(Stage::Leader),
            _ => None,
        })
}

/// A yes or no written in a cell; `None` when it says neither.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match header_key(text).as_str() {
        "yes" | "y" | "true" | "x" | "1" | "si" | "oui" | "leader" | "member" => Some(true),
        "" | "no" | "n" | "false" | "0" | "non" => Some(false),
        _ if text.trim() == "✓" || text.trim() == "✔" => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn common_export_headers_are_guessed() {
        let cases = [
            ("First Name", Field::FirstName),
            ("LAST_NAME", Field::LastName),
            ("Mobile Phone", Field::Phone),
            ("Home phone #", Field::Phone),
            ("Personal Email", Field::Email),
            ("E-mail Address", Field::Email),
            ("Worksite", Field::Organization),
            ("Job Class", Field::Role),
            ("Department", Field::Tag),
            ("Shift", Field::Tag),
            ("Notes", Field::Notes),
            ("Employee ID", Field::Ignore),
            ("Hire Date", Field::Ignore),
            ("SMS opt-in", Field::Ignore),
            ("Phone Type", Field::Ignore),
            ("Correo electrónico", Field::Email),
            ("Prénom", Field::FirstName),
            ("Cellar", Field::Ignore),
        ];
        for (header, field) in cases {
            assert_eq!(guess(header), field, "{header}");
        }
    }

    #[test]
    fn one_column_makes_the_name() {
        let fields = guess_all(&headers(&["Name", "Contact", "Email"]));
        assert_eq!(fields, [Field::FullName, Field::Ignore, Field::Email]);
        let split = guess_all(&headers(&["Full Name", "First Name", "Last Name"]));
        assert_eq!(split, [Field::FullName, Field::Ignore, Field::Ignore]);
        let parts = guess_all(&headers(&["First Name", "Last Name"]));
        assert_eq!(parts, [Field::FirstName, Field::LastName]);
        let tags = guess_all(&headers(&["Department", "Shift"]));
        assert_eq!(tags, [Field::Tag, Field::Tag]);
    }

    #[test]
    fn stages_and_yes_no_read_loosely() {
        assert_eq!(parse_stage(" met "), Some(Stage::Met));
        assert_eq!(parse_stage("LEADER"), Some(Stage::Leader));
        assert_eq!(parse_stage("1:1 done"), Some(Stage::Met));
        assert_eq!(parse_stage("maybe"), None);
        assert_eq!(parse_yes_no("Yes"), Some(true));
        assert_eq!(parse_yes_no("x"), Some(true));
        assert_eq!(parse_yes_no(""), Some(false));
        assert_eq!(parse_yes_no("perhaps"), None);
    }

    #[test]
    fn cli_names_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::from_cli_name(field.cli_name()), Some(field));
        }
        assert_eq!(Field::from_cli_name("ROLE"), Some(Field::Role));
        assert_eq!(Field::from_cli_name("nickname"), None);
    }
}
