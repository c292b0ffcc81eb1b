//! Comma-, semicolon- and tab-separated text as spreadsheets write it: the
//! delimiter found from the first lines, quoted fields with delimiters,
//! quotes and line breaks, CRLF.

/// The delimiters tried, in the order ties are broken.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many records the delimiter is judged on.
const SAMPLE_RECORDS: usize = 40;

/// Cells read from delimited text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delimited {
    /// Each record's cells; blank records kept (as one empty cell) so line
    /// numbers in messages match what a spreadsheet shows.
    pub rows: Vec<Vec<String>>,
    /// The line each record starts on (1-based).
    pub lines: Vec<usize>,
    /// The delimiter used.
    pub delimiter: u8,
}

/// Why the text cannot be read as a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DelimitedError {
    /// A quote opened on this line is never closed: everything after it
    /// would be one cell.
    UnterminatedQuote(usize),
}

/// People's name for a delimiter.
pub fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b',' => "comma-separated",
        b';' => "semicolon-separated",
        b'\t' => "tab-separated",
        b'|' => "separated by |",
        _ => "delimited",
    }
}

/// Reads `text` with the delimiter that splits its first records most
/// consistently.
pub fn read(text: &str) -> Result<Delimited, DelimitedError> {
    if let Some(line) = unterminated_quote(text) {
        return Err(DelimitedError::UnterminatedQuote(line));
    }
    let delimiter = detect_delimiter(text);
    Ok(read_with(text, delimiter, usize::MAX))
}

/// The delimiter giving the most records with the same number (> 1) of
/// cells among the first ones; a comma when nothing splits.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for delimiter in DELIMITERS {
        let sample = read_with(text, delimiter, SAMPLE_RECORDS);
        let (width, count) = most_common_width(&sample.rows);
        if width > 1 && (count, width) > (best.0, best.1) {
            best = (count, width, delimiter);
        }
    }
    best.2
}

fn most_common_width(rows: &[Vec<String>]) -> (usize, usize) {
    let mut counts = std::collections::HashMap::new();
    for row in rows.iter().filter(|row| row.len() > 1) {
        *counts.entry(row.len()).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(width, count)| (*count, *width))
        .unwrap_or((0, 0))
}

fn read_with(text: &str, delimiter: u8, limit: usize) -> Delimited {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    let mut record = csv::StringRecord::new();
    // Lines counted from each record's first byte (the reader's own line
    // count runs one record behind after quoted line breaks).
    let (mut counted_to, mut line) = (0usize, 1usize);
    // The text is valid UTF-8 and the reader is flexible, so a read fails
    // only where no more records follow.
    while rows.len() < limit && reader.read_record(&mut record).unwrap_or(false) {
        // The reader leaves the previous line's terminator unread: skip it.
        let mut start = record
            .position()
            .map_or(counted_to, |p| (p.byte() as usize).min(text.len()));
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += text.as_bytes()[counted_to.min(start)..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = counted_to.max(start);
        rows.push(record.iter().map(str::to_owned).collect());
        lines.push(line);
    }
    Delimited {
        rows,
        lines,
        delimiter,
    }
}

/// The line of a quote that opens a cell and is never closed. A quote
/// inside an unquoted cell (`5" tall`) is a plain character, as in
/// spreadsheets.
fn unterminated_quote(text: &str) -> Option<usize> {
    let mut line = 1;
    let mut opened_on = None;
    let mut at_cell_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (opened_on.is_some(), c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
            }
            (true, '"') => opened_on = None,
            (false, '"') if at_cell_start => opened_on = Some(line),
            _ => {}
        }
        if c == '\n' {
            line += 1;
        }
        at_cell_start = opened_on.is_none() && matches!(c, ',' | ';' | '\t' | '|' | '\n' | '\r');
    }
    opened_on
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_found() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(
            detect_delimiter("Name;Worksite\n\"Ruiz, Ana\";Plant 2\n"),
            b';'
        );
        assert_eq!(detect_delimiter("Name\tNotes\nAna\tlikes a, b; c\n"), b'\t');
        // Commas inside one column do not outvote the real delimiter.
        assert_eq!(
            detect_delimiter("Name;Notes\nAna;a, b, c, d\nBo;e, f\nCy;g\n"),
            b';'
        );
        assert_eq!(detect_delimiter("just one column\nno delimiter\n"), b',');
    }

    #[test]
    fn quoted_cells_keep_delimiters_quotes_and_breaks() {
        let text = "Name,Notes\r\n\"Ruiz, Ana\",\"said \"\"yes\"\"\r\nthen left\"\r\nBo,\r\n";
        let read = read(text).expect("reads");
        assert_eq!(read.rows[0], ["Name", "Notes"]);
        assert_eq!(read.rows[1], ["Ruiz, Ana", "said \"yes\"\r\nthen left"]);
        assert_eq!(read.rows[2], ["Bo", ""]);
        assert_eq!(read.lines, [1, 2, 4]);
    }

    #[test]
    fn an_unterminated_quote_is_refused_with_its_line() {
        let text = "Name,Notes\nAna,fine\nBo,\"never closed\nCy,x\n";
        assert_eq!(read(text), Err(DelimitedError::UnterminatedQuote(3)));
        // A quote mark inside a cell is a character.
        assert!(read("Name,Height\nAna,5\" 4'\n").is_ok());
    }

    #[test]
    fn ragged_rows_are_kept_as_they_are() {
        let read = read("a,b,c\n1,2\n1,2,3,4\n").expect("reads");
        let widths: Vec<usize> = read.rows.iter().map(Vec::len).collect();
        assert_eq!(widths, [3, 2, 4]);
    }
}
