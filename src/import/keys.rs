//! What makes two records the same person: the same email (any case), the
//! same phone (digits only, with or without the country code), or the same
//! name (any case, accents or spacing).

/// An email compared: trimmed, lower case; `None` unless it has an `@`
/// with something on both sides.
pub fn email_key(email: &str) -> Option<String> {
    let email = email.trim().trim_start_matches("mailto:").to_lowercase();
    let (local, domain) = email.split_once('@')?;
    (!local.is_empty() && !domain.is_empty()).then_some(email)
}

/// The fewest digits a phone key needs: shorter numbers (extensions,
/// "0") match too much.
const MIN_PHONE_DIGITS: usize = 7;

/// How many trailing digits are compared: enough for a national number,
/// few enough that "+1 555…" and "555…", "+44 7700…" and "07700…" match.
const PHONE_DIGITS_COMPARED: usize = 9;

/// A phone compared: its last nine digits (all of them when fewer);
/// `None` when it has fewer than seven. An extension ("x12") is dropped.
pub fn phone_key(phone: &str) -> Option<String> {
    let lower = phone.to_lowercase();
    let number = ["ext", "x", "#"]
        .iter()
        .filter_map(|mark| lower.find(mark))
        .min()
        .map_or(lower.as_str(), |at| &lower[..at]);
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < MIN_PHONE_DIGITS {
        return None;
    }
    let skip = digits.len().saturating_sub(PHONE_DIGITS_COMPARED);
    Some(digits[skip..].to_owned())
}

/// A name compared: no accents, one case, single spaces, no punctuation
/// ("José  O'Brien-Ruiz" and "jose obrien ruiz" are one key); `None` when blank.
pub fn name_key(name: &str) -> Option<String> {
    let folded = crate::query::names::without_accents(name).to_lowercase();
    let key = folded
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!key.is_empty()).then_some(key)
}

/// Every phone in a cell that may hold several ("555-0100, 555-0101" or
/// "555-0100 / 555-0101").
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split([',', ';', '/', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_match_in_any_case() {
        assert_eq!(
            email_key(" Ana.Ruiz@Example.ORG "),
            Some("ana.ruiz@example.org".into())
        );
        assert_eq!(email_key("mailto:bo@x.org"), Some("bo@x.org".into()));
        assert_eq!(email_key("no email"), None);
        assert_eq!(email_key("@x.org"), None);
    }

    #[test]
    fn phones_match_with_or_without_the_country_code() {
        let us = phone_key("(415) 555-0142");
        assert!(us.is_some());
        assert_eq!(phone_key("+1 415 555 0142"), us);
        assert_eq!(phone_key("1-415-555-0142"), us);
        assert_eq!(phone_key("+44 7700 900123"), phone_key("07700 900123"));
        assert_eq!(phone_key("415-555-0142 ext. 12"), us);
        assert_eq!(phone_key("415.555.0142x3"), us);
        assert_ne!(phone_key("415 555 0143"), us);
        assert_eq!(phone_key("0"), None);
        assert_eq!(phone_key("n/a"), None);
    }

    #[test]
    fn names_match_ignoring_case_accents_and_spaces() {
        assert_eq!(name_key("José  O'Brien"), name_key("jose obrien"));
        assert_eq!(name_key(" Łukasz Wójcik "), name_key("lukasz wojcik"));
        assert_eq!(name_key("李 小龍"), Some("李 小龍".into()));
        assert_ne!(name_key("Ana Ruiz"), name_key("Ana Ruíz Soto"));
        assert_eq!(name_key("  "), None);
    }

    #[test]
    fn lists_split_on_common_separators() {
        assert_eq!(
            split_list("555-0100, 555-0101 / 555-0102"),
            ["555-0100", "555-0101", "555-0102"]
        );
        assert!(split_list(" ").is_empty());
    }
}
