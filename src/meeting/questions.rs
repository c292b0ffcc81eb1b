//! The question bank: open questions by theme, and where their answers go.

use crate::model::ThemeNotes;

/// A theme of the conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Where they come from and what shaped them.
    TheirStory,
    /// What they hold dear.
    Values,
    /// What they want.
    Interests,
    /// What they bring.
    Assets,
    /// How the issue touches them.
    TheIssue,
    /// What winning would look like.
    Winning,
    /// What they would need to act.
    SupportNeeded,
    /// Who else to talk to.
    Referrals,
}

/// A field of [`ThemeNotes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoteField {
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
    /// Why they care.
    WhyTheyCare,
    /// Stories shared.
    StoryShared,
    /// The exchange made.
    ExchangeMade,
    /// Anything else.
    General,
}

impl NoteField {
    /// Every field, in the order the editor shows them.
    pub const ALL: [NoteField; 9] = [
        NoteField::StoryShared,
        NoteField::Values,
        NoteField::Interests,
        NoteField::SkillsAssets,
        NoteField::Challenges,
        NoteField::Hopes,
        NoteField::WhyTheyCare,
        NoteField::ExchangeMade,
        NoteField::General,
    ];

    /// The heading shown.
    pub fn label(self) -> &'static str {
        match self {
            NoteField::Values => "Values",
            NoteField::Interests => "Interests",
            NoteField::SkillsAssets => "Skills and assets",
            NoteField::Challenges => "Challenges",
            NoteField::Hopes => "Hopes",
            NoteField::WhyTheyCare => "Why they care",
            NoteField::StoryShared => "Story shared",
            NoteField::ExchangeMade => "Exchange made",
            NoteField::General => "Other notes",
        }
    }

    /// The text of this field.
    pub fn get(self, notes: &ThemeNotes) -> &String {
        match self {
            NoteField::Values => &notes.values,
            NoteField::Interests => &notes.interests,
            NoteField::SkillsAssets => &notes.skills_assets,
            NoteField::Challenges => &notes.challenges,
            NoteField::Hopes => &notes.hopes,
            NoteField::WhyTheyCare => &notes.why_they_care,
            NoteField::StoryShared => &notes.story_shared,
            NoteField::ExchangeMade => &notes.exchange_made,
            NoteField::General => &notes.general,
        }
    }

    /// The text of this field, to edit.
    pub fn get_mut(self, notes: &mut ThemeNotes) -> &mut String {
        match self {
            NoteField::Values => &mut notes.values,
            NoteField::Interests => &mut notes.interests,
            NoteField::SkillsAssets => &mut notes.skills_assets,
            NoteField::Challenges => &mut notes.challenges,
            NoteField::Hopes => &mut notes.hopes,
            NoteField::WhyTheyCare => &mut notes.why_they_care,
            NoteField::StoryShared => &mut notes.story_shared,
            NoteField::ExchangeMade => &mut notes.exchange_made,
            NoteField::General => &mut notes.general,
        }
    }
}

impl Theme {
    /// Every theme, in the order a conversation tends to go.
    pub const ALL: [Theme; 8] = [
        Theme::TheirStory,
        Theme::Values,
        Theme::Interests,
        Theme::Assets,
        Theme::TheIssue,
        Theme::Winning,
        Theme::SupportNeeded,
        Theme::Referrals,
    ];

    /// The heading shown.
    pub fn label(self) -> &'static str {
        match self {
            Theme::TheirStory => "Their story",
            Theme::Values => "Values",
            Theme::Interests => "Interests",
            Theme::Assets => "Skills and assets",
            Theme::TheIssue => "The issue",
            Theme::Winning => "Winning",
            Theme::SupportNeeded => "Support needed",
            Theme::Referrals => "Referrals",
        }
    }

    /// The notes a question of this theme is written into.
    pub fn note_field(self) -> NoteField {
        match self {
            Theme::TheirStory => NoteField::StoryShared,
            Theme::Values => NoteField::Values,
            Theme::Interests => NoteField::Interests,
            Theme::Assets => NoteField::SkillsAssets,
            Theme::TheIssue => NoteField::WhyTheyCare,
            Theme::Winning => NoteField::Hopes,
            Theme::SupportNeeded => NoteField::Challenges,
            Theme::Referrals => NoteField::General,
        }
    }

    /// Open questions for this theme.
    pub fn questions(self) -> &'static [&'static str] {
        match self {
            Theme::TheirStory => &[
                "How did you come to do the work you do now?",
                "Where did you grow up, and what was it like?",
                "Who shaped you most, and how?",
                "What is a moment that changed the direction of your life?",
                "What made you say yes to meeting today?",
                "When did you first feel something was unfair?",
            ],
            Theme::Values => &[
                "Why does this matter to you?",
                "Where did you learn that?",
                "What do you refuse to give up on?",
                "Who do you feel responsible for?",
                "When have you stood up for something, and why then?",
                "What would you want people to say about how you lived?",
            ],
            Theme::Interests => &[
                "What keeps you up at night?",
                "What would make your days better?",
                "What do you want for your family in five years?",
                "What would you change at work if you could?",
                "What do you spend your free time on?",
                "What have you always wanted to learn?",
            ],
            Theme::Assets => &[
                "What are you good at that people rely on you for?",
                "Who listens to you?",
                "What groups are you part of?",
                "What have you organized before, even something small?",
                "What resources could you bring: a room, a car, a list?",
                "What skill of yours goes unused at work?",
            ],
            Theme::TheIssue => &[
                "How does this problem show up in your day?",
                "What happened the last time it hit you?",
                "Who else do you see affected by it?",
                "Why do you think it has not been fixed?",
                "What have you already tried?",
                "What would it cost you if nothing changes?",
            ],
            Theme::Winning => &[
                "What would winning look like to you?",
                "How would you know things got better?",
                "What is the first small win you would want?",
                "Who would have to say yes for this to change?",
                "What could we do together that neither of us could alone?",
                "What would make you proud a year from now?",
            ],
            Theme::SupportNeeded => &[
                "What would make it easier for you to take part?",
                "What gets in the way of acting on this?",
                "What would you need from me?",
                "What time of day or week works for you?",
                "Who would need to be on board at home?",
                "What worries you about getting involved?",
            ],
            Theme::Referrals => &[
                "Who else should I talk to?",
                "Who do people go to when something goes wrong?",
                "Who cares about this as much as you do?",
                "Who has a story I should hear?",
                "Who would surprise me by getting involved?",
                "Would you introduce me, or may I say you sent me?",
            ],
        }
    }
}

/// Adds a question to the notes as its own line, so the answer can be
/// written under it.
pub fn insert_question(text: &mut String, question: &str) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("Q: ");
    text.push_str(question);
    text.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_has_six_to_ten_distinct_open_questions() {
        for theme in Theme::ALL {
            let questions = theme.questions();
            assert!((6..=10).contains(&questions.len()), "{}", theme.label());
            let unique: std::collections::BTreeSet<_> = questions.iter().collect();
            assert_eq!(unique.len(), questions.len());
            assert!(questions.iter().all(|q| q.ends_with('?')));
        }
    }

    #[test]
    fn questions_land_in_their_theme_on_a_new_line() {
        let mut notes = ThemeNotes::default();
        let field = Theme::Values.note_field();
        field.get_mut(&mut notes).push_str("Family first.");
        insert_question(field.get_mut(&mut notes), "Why does this matter to you?");
        assert_eq!(
            notes.values,
            "Family first.\nQ: Why does this matter to you?\n"
        );
        assert_eq!(NoteField::Values.get(&notes), &notes.values);
    }
}
