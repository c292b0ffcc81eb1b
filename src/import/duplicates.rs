//! People already in the project who may be one person: the same email,
//! phone or name (the rules an import matches by).

use std::collections::{BTreeSet, HashMap};

use super::keys::{email_key, name_key, phone_key, split_list};
use crate::model::{PersonId, Project};

/// The most pairs listed: a shared office phone can pair hundreds of people.
pub const MAX_PAIRS: usize = 500;

/// Two people who may be the same, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The one added first (lower id).
    pub first: PersonId,
    /// The other.
    pub second: PersonId,
    /// "the same email", "the same phone", "the same name".
    pub because: &'static str,
}

/// Pairs of people sharing an email, phone or name, strongest reason
/// first, at most [`MAX_PAIRS`]. A key many people share pairs each of
/// them with the first only, so the list stays readable.
pub fn find(project: &Project) -> Vec<Pair> {
    let mut by_key: HashMap<(u8, String), Vec<PersonId>> = HashMap::new();
    for person in project.people.values() {
        let id = person.id;
        for key in split_list(&person.email)
            .iter()
            .filter_map(|e| email_key(e))
        {
            by_key.entry((0, key)).or_default().push(id);
        }
        for key in split_list(&person.phone)
            .iter()
            .filter_map(|p| phone_key(p))
        {
            by_key.entry((1, key)).or_default().push(id);
        }
        if let Some(key) = name_key(&person.name) {
            by_key.entry((2, key)).or_default().push(id);
        }
    }
    let mut groups: Vec<((u8, String), Vec<PersonId>)> = by_key
        .into_iter()
        .filter(|(_, ids)| ids.len() > 1)
        .collect();
    groups.sort();
    let mut seen = BTreeSet::new();
    let mut pairs = Vec::new();
    for ((kind, _), mut ids) in groups {
        ids.sort();
        ids.dedup();
        let first = ids[0];
        for second in ids.into_iter().skip(1) {
            if seen.insert((first, second)) {
                pairs.push(Pair {
                    first,
                    second,
                    because: ["the same email", "the same phone", "the same name"][kind as usize],
                });
            }
        }
    }
    pairs.truncate(MAX_PAIRS);
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::ProjectBuilder;

    #[test]
    fn shared_emails_phones_and_names_pair_people_once() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a day");
        let mut builder = ProjectBuilder::new(day);
        let ana = builder.person_with("Ana Ruiz", |p| p.email = "ana@x.org".into());
        let ana_again = builder.person_with("ana  ruiz", |p| p.phone = "+1 415 555 0142".into());
        let bo = builder.person_with("Bo Chen", |p| p.email = "BO@x.org".into());
        let robert = builder.person_with("Robert Chen", |p| p.email = "bo@x.org".into());
        let cy = builder.person_with("Cy Diaz", |p| p.phone = "(415) 555-0142".into());
        builder.person("Dee Evans");
        let pairs = find(&builder.build());
        let pair = |first, second, because| Pair {
            first,
            second,
            because,
        };
        assert_eq!(
            pairs,
            [
                pair(bo, robert, "the same email"),
                pair(ana_again, cy, "the same phone"),
                pair(ana, ana_again, "the same name"),
            ]
        );
    }
}
