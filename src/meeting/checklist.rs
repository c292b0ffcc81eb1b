//! The one-to-one checklist: one template, in three sections.

use std::collections::BTreeSet;

/// A part of the meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// Setting it up.
    Before,
    /// The conversation itself.
    During,
    /// Following up.
    After,
}

impl Section {
    /// All sections in order.
    pub const ALL: [Section; 3] = [Section::Before, Section::During, Section::After];

    /// The heading shown.
    pub fn label(self) -> &'static str {
        match self {
            Section::Before => "Before",
            Section::During => "During",
            Section::After => "After",
        }
    }
}

/// One item to tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// Stable key saved in the file; never change it once released.
    pub key: &'static str,
    /// Where it belongs.
    pub section: Section,
    /// What to do.
    pub label: &'static str,
    /// One line on doing it well.
    pub hint: &'static str,
}

const fn item(
    key: &'static str,
    section: Section,
    label: &'static str,
    hint: &'static str,
) -> Item {
    Item {
        key,
        section,
        label,
        hint,
    }
}

/// Every checklist item, in order.
pub const TEMPLATE: &[Item] = &[
    item(
        "before.reached_out",
        Section::Before,
        "Reached out",
        "Phone if you can, email if you must; say how their name came up",
    ),
    item(
        "before.purpose",
        Section::Before,
        "Purpose stated",
        "One sentence on why you want to meet and that you are not selling anything",
    ),
    item(
        "before.length",
        Section::Before,
        "Length agreed",
        "Ask for 30 to 45 minutes and say when you will finish",
    ),
    item(
        "before.time_place",
        Section::Before,
        "Date, time and place fixed",
        "A quiet place to sit face to face, at a set time; never \"drop by\"",
    ),
    item(
        "before.confirmed",
        Section::Before,
        "Confirmed the day before",
        "A short call the day before: still on, same place?",
    ),
    item(
        "before.homework",
        Section::Before,
        "Homework done",
        "Read their profile, who introduced them and what they care about",
    ),
    item(
        "during.purpose",
        Section::During,
        "Explained the purpose",
        "Open by saying again why you asked for this time",
    ),
    item(
        "during.story_mine",
        Section::During,
        "Shared my story",
        "A short, true story of why you do this work",
    ),
    item(
        "during.story_theirs",
        Section::During,
        "Heard their story",
        "Ask why, and listen for the choices that shaped them",
    ),
    item(
        "during.explore",
        Section::During,
        "Explored values, interests and assets",
        "Open questions: why, how, what; talk less than they do",
    ),
    item(
        "during.vision",
        Section::During,
        "Found a shared vision",
        "Name what you both want to see change",
    ),
    item(
        "during.exchange",
        Section::During,
        "Made an exchange",
        "Say what each of you can offer the other",
    ),
    item(
        "during.strategy",
        Section::During,
        "Shared the strategy",
        "How the campaign plans to win, and where they could fit",
    ),
    item(
        "during.ask",
        Section::During,
        "Made a specific ask",
        "An action, a day, a time and a place; then wait for yes or no",
    ),
    item(
        "during.referrals",
        Section::During,
        "Asked who else to talk to",
        "\"Who else should I talk to?\" Write the names down",
    ),
    item(
        "after.notes",
        Section::After,
        "Wrote notes",
        "Within the hour, while it is fresh",
    ),
    item(
        "after.follow_up",
        Section::After,
        "Sent the follow-up",
        "What you promised, when you promised it",
    ),
    item(
        "after.thanks",
        Section::After,
        "Said thank you",
        "A short message naming something they said",
    ),
    item(
        "after.commitments",
        Section::After,
        "Logged commitments",
        "Both ways: what they said yes to, what you owe",
    ),
    item(
        "after.next_step",
        Section::After,
        "Set the next step",
        "The next meeting, action or call, with a date",
    ),
];

/// The items of one section.
pub fn items(section: Section) -> impl Iterator<Item = &'static Item> {
    TEMPLATE.iter().filter(move |item| item.section == section)
}

/// Progress of a section, or of the whole list: (ticked, total).
/// Keys that are not in the template (from a newer version) are ignored.
pub fn progress(checked: &BTreeSet<String>, section: Option<Section>) -> (usize, usize) {
    let relevant = TEMPLATE
        .iter()
        .filter(|item| section.is_none_or(|s| item.section == s));
    let (mut done, mut total) = (0, 0);
    for item in relevant {
        total += 1;
        if checked.contains(item.key) {
            done += 1;
        }
    }
    (done, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_prefixed_by_section() {
        let keys: BTreeSet<&str> = TEMPLATE.iter().map(|i| i.key).collect();
        assert_eq!(keys.len(), TEMPLATE.len());
        for item in TEMPLATE {
            let prefix = item.section.label().to_lowercase();
            assert!(item.key.starts_with(&prefix), "{}", item.key);
            assert!(!item.hint.is_empty());
        }
    }

    #[test]
    fn sections_cover_the_practice() {
        assert_eq!(items(Section::Before).count(), 6);
        assert_eq!(items(Section::During).count(), 9);
        assert_eq!(items(Section::After).count(), 5);
    }

    #[test]
    fn progress_counts_ticked_items_per_section_and_overall() {
        let mut checked = BTreeSet::new();
        assert_eq!(progress(&checked, None), (0, TEMPLATE.len()));
        checked.insert("before.purpose".to_owned());
        checked.insert("during.ask".to_owned());
        checked.insert("someday.unknown".to_owned());
        assert_eq!(progress(&checked, Some(Section::Before)), (1, 6));
        assert_eq!(progress(&checked, Some(Section::During)), (1, 9));
        assert_eq!(progress(&checked, Some(Section::After)), (0, 5));
        assert_eq!(progress(&checked, None), (2, 20));
    }
}
