//! vCard 3.0 and 4.0 (and the 2.1 most phones still write) as address books
//! export them: folded lines, escaped commas and newlines, several phones
//! and emails, `N` without `FN` and the reverse; photos and the rest are
//! passed over.

/// The columns every card becomes, so cards go through the same mapping
/// and matching as a spreadsheet.
pub const COLUMNS: [&str; 9] = [
    "Full name",
    "First name",
    "Last name",
    "Phone",
    "Email",
    "Organization",
    "Title",
    "Categories",
    "Note",
];

/// Whether `text` holds vCards.
pub fn is_vcard(text: &str) -> bool {
    text.trim_start()
        .get(..11)
        .is_some_and(|start| start.eq_ignore_ascii_case("BEGIN:VCARD"))
}

/// One card's values in [`COLUMNS`] order, and the line it starts on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Card {
    /// Values, one per column; several phones or emails joined by ", ".
    pub cells: Vec<String>,
    /// The line of its `BEGIN:VCARD` (1-based).
    pub line: usize,
}

/// Every card in `text`. A card left open at the end is still read.
pub fn cards(text: &str) -> Vec<Card> {
    let mut cards = Vec::new();
    let mut current: Option<Builder> = None;
    for (line, content) in unfold(text) {
        let Some(property) = Property::parse(&content) else {
            continue;
        };
        match property.name.as_str() {
            "BEGIN" if property.value.eq_ignore_ascii_case("VCARD") => {
                current = Some(Builder {
                    line,
                    ..Builder::default()
                });
            }
            "END" if property.value.eq_ignore_ascii_case("VCARD") => {
                cards.extend(current.take().map(Builder::finish));
            }
            _ => {
                if let Some(card) = current.as_mut() {
                    card.add(&property);
                }
            }
        }
    }
    cards.extend(current.map(Builder::finish));
    cards
}

/// Logical lines with the line each starts on: a line starting with a
/// space or tab continues the one before (RFC 6350 §3.2); quoted-printable
/// soft breaks (`=` at the end, vCard 2.1) join too.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (index, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let continues_soft_break = lines
            .last()
            .is_some_and(|(_, last)| last.ends_with('=') && is_quoted_printable(last));
        match (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some((_, last))) => last.push_str(rest),
            (None, Some((_, last))) if continues_soft_break => {
                last.pop();
                last.push_str(raw);
            }
            _ => lines.push((index + 1, raw.to_owned())),
        }
    }
    lines
}

fn is_quoted_printable(line: &str) -> bool {
    let head = line.split(':').next().unwrap_or("");
    head.to_ascii_uppercase().contains("QUOTED-PRINTABLE")
}

/// `group.NAME;PARAM=x:value`, the name upper-cased, the group dropped.
struct Property {
    name: String,
    params: String,
    value: String,
}

impl Property {
    fn parse(line: &str) -> Option<Property> {
        let colon = value_start(line)?;
        let (head, value) = (&line[..colon], &line[colon + 1..]);
        let (name, params) = head.split_once(';').unwrap_or((head, ""));
        let name = name
            .rsplit('.')
            .next()
            .unwrap_or(name)
            .trim()
            .to_ascii_uppercase();
        let params = params.to_ascii_uppercase();
        let value = if params.contains("QUOTED-PRINTABLE") {
            quoted_printable(value)
        } else {
            value.to_owned()
        };
        Some(Property {
            name,
            params,
            value,
        })
    }

    /// Whether a `TYPE` parameter names `kind` (`TYPE=CELL`, `TYPE="home,cell"`, 2.1's bare `CELL`).
    fn has_type(&self, kind: &str) -> bool {
        self.params
            .split([';', ',', '=', '"'])
            .any(|part| part.trim() == kind)
    }
}

/// Where the value starts: the first colon outside a quoted parameter.
fn value_start(line: &str) -> Option<usize> {
    let mut quoted = false;
    line.char_indices().find_map(|(at, c)| match c {
        '"' => {
            quoted = !quoted;
            None
        }
        ':' if !quoted => Some(at),
        _ => None,
    })
}

fn quoted_printable(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes.get(at + 1..at + 3).and_then(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        });
        match (bytes[at], hex) {
            (b'=', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits a structured value on `;` (or `,` for lists) not escaped by `\`,
/// and unescapes each part: `\,` `\;` `\\` and `\n` as a line break.
fn components(value: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let part = parts.last_mut().expect("starts with one part");
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => part.push('\n'),
                Some(other) => part.push(other),
                None => {}
            },
            c if c == separator => parts.push(String::new()),
            c => part.push(c),
        }
    }
    parts.into_iter().map(|p| p.trim().to_owned()).collect()
}

fn text(value: &str) -> String {
    components(value, '\u{0}').concat()
}

#[derive(Default)]
struct Builder {
    line: usize,
    full_name: String,
    first: String,
    last: String,
    middle: String,
    phones: Vec<(bool, String)>,
    emails: Vec<(bool, String)>,
    organization: String,
    title: String,
    categories: Vec<String>,
    notes: Vec<String>,
}

impl Builder {
    fn add(&mut self, property: &Property) {
        let value = &property.value;
        match property.name.as_str() {
            "FN" => self.full_name = text(value),
            "N" => {
                let parts = components(value, ';');
                let part = |i: usize| parts.get(i).cloned().unwrap_or_default();
                (self.last, self.first, self.middle) = (part(0), part(1), part(2));
            }
            "TEL" => push_value(&mut self.phones, property, "CELL", tel_value(value)),
            "EMAIL" => push_value(&mut self.emails, property, "PREF", text(value)),
            "ORG" => {
                let parts = components(value, ';');
                self.organization = parts
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
            }
            "TITLE" | "ROLE" if self.title.is_empty() => self.title = text(value),
            "CATEGORIES" => self.categories.extend(components(value, ',')),
            "NOTE" => self.notes.push(text(value)),
            _ => {}
        }
    }

    fn finish(self) -> Card {
        let full_name = if self.full_name.trim().is_empty() {
            [&self.first, &self.middle, &self.last]
                .into_iter()
                .filter(|part| !part.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            self.full_name
        };
        let cells = vec![
            full_name,
            self.first,
            self.last,
            preferred_first(self.phones),
            preferred_first(self.emails),
            self.organization,
            self.title,
            self.categories
                .into_iter()
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            self.notes.join("\n"),
        ];
        Card {
            cells,
            line: self.line,
        }
    }
}

/// vCard 4.0 writes phones as `tel:` links.
fn tel_value(value: &str) -> String {
    let value = text(value);
    value
        .strip_prefix("tel:")
        .map_or(value.clone(), str::to_owned)
}

fn push_value(list: &mut Vec<(bool, String)>, property: &Property, preferred: &str, value: String) {
    if !value.is_empty() {
        let first_choice = property.has_type(preferred)
            || property.has_type("PREF")
            || property.params.contains("PREF=1");
        list.push((first_choice, value));
    }
}

/// Values joined, the preferred one (a mobile phone, a `PREF` email) first.
fn preferred_first(mut values: Vec<(bool, String)>) -> String {
    values.sort_by_key(|(preferred, _)| !preferred);
    let mut seen = Vec::new();
    for (_, value) in values {
        if !seen.contains(&value) {
            seen.push(value);
        }
    }
    seen.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(card: &Card, name: &str) -> String {
        let at = COLUMNS.iter().position(|c| *c == name).expect("a column");
        card.cells[at].clone()
    }

    #[test]
    fn folded_lines_are_joined() {
        let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Maria de los Ángeles\r\n  García\r\nNOTE:line one\r\n\tand more\r\nEND:VCARD\r\n";
        let cards = cards(text);
        assert_eq!(
            column(&cards[0], "Full name"),
            "Maria de los Ángeles García"
        );
        assert_eq!(column(&cards[0], "Note"), "line oneand more");
    }

    #[test]
    fn escapes_are_undone() {
        let text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nORG:Ruiz\\, Hijos y Cía;Bakery\nNOTE:Met at the fair\\nwants to help\\; call\\\\text\nEND:VCARD\n";
        let card = &cards(text)[0];
        assert_eq!(column(card, "Organization"), "Ruiz, Hijos y Cía, Bakery");
        assert_eq!(
            column(card, "Note"),
            "Met at the fair\nwants to help; call\\text"
        );
    }

    #[test]
    fn several_phones_and_emails_keep_the_preferred_first() {
        let text = "BEGIN:VCARD\nVERSION:3.0\nFN:Bo Chen\nTEL;TYPE=HOME:555-0100\nTEL;TYPE=CELL,VOICE:555-0199\nEMAIL;TYPE=INTERNET:bo@work.example\nEMAIL;TYPE=INTERNET,PREF:bo@home.example\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\n AAAQABAAD\nEND:VCARD\n";
        let card = &cards(text)[0];
        assert_eq!(column(card, "Phone"), "555-0199, 555-0100");
        assert_eq!(column(card, "Email"), "bo@home.example, bo@work.example");
        assert!(!card.cells.iter().any(|cell| cell.contains("9j")));
    }

    #[test]
    fn names_come_from_n_or_fn() {
        let text = "BEGIN:VCARD\nVERSION:3.0\nN:Nguyễn;Thị;Minh;;\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:李小龍\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nTEL;VALUE=uri:tel:+1-555-0142\nEND:VCARD\n";
        let cards = cards(text);
        assert_eq!(cards.len(), 3);
        assert_eq!(column(&cards[0], "Full name"), "Thị Minh Nguyễn");
        assert_eq!(column(&cards[0], "Last name"), "Nguyễn");
        assert_eq!(column(&cards[1], "Full name"), "李小龍");
        assert_eq!(column(&cards[2], "Full name"), "");
        assert_eq!(column(&cards[2], "Phone"), "+1-555-0142");
        assert_eq!(cards[2].line, 9);
    }

    #[test]
    fn version_2_1_quoted_printable_is_read() {
        let text = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=\r\n=BCrgen\r\nTEL;CELL:0170 1234567\r\nEND:VCARD\r\n";
        let card = &cards(text)[0];
        assert_eq!(column(card, "Full name"), "Jürgen Müller");
        assert_eq!(column(card, "Phone"), "0170 1234567");
    }

    #[test]
    fn only_text_starting_with_a_card_is_a_vcard() {
        assert!(is_vcard("\n begin:vcard\nFN:x\nEND:VCARD"));
        assert!(!is_vcard("Name,Email\n"));
    }
}
