//! Counted nouns that read right: "1 meeting", "3 meetings", "1 person",
//! never "1 meetings" or "person(s)".

/// `n` and the noun in the number it needs.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// People: "1 person", "25 people".
pub fn people(n: usize) -> String {
    count(n, "person", "people")
}

/// "3 of 25 people" when a filter hides some; "25 people" when it hides none.
pub fn shown_of(shown: usize, total: usize, one: &str, many: &str) -> String {
    if shown == total {
        count(total, one, many)
    } else {
        format!("{shown} of {}", count(total, one, many))
    }
}

/// "25 people · 15 meetings · 25 introductions".
pub fn project_counts(people_count: usize, meetings: usize, introductions: usize) -> String {
    format!(
        "{} · {} · {}",
        people(people_count),
        count(meetings, "meeting", "meetings"),
        count(introductions, "introduction", "introductions")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(count(1, "meeting", "meetings"), "1 meeting");
        assert_eq!(count(0, "meeting", "meetings"), "0 meetings");
        assert_eq!(people(1), "1 person");
        assert_eq!(people(3), "3 people");
        assert_eq!(shown_of(1, 1, "person", "people"), "1 person");
        assert_eq!(shown_of(3, 25, "person", "people"), "3 of 25 people");
        assert_eq!(shown_of(0, 1, "meeting", "meetings"), "0 of 1 meeting");
        assert_eq!(
            project_counts(1, 1, 0),
            "1 person · 1 meeting · 0 introductions"
        );
    }
}
