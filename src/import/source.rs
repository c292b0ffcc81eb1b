//! A file to import, read into one table: what kind of file it is, the
//! sheet chosen, the header row found (even below a title and blank rows)
//! and the rows under it, with a clear message for what cannot be read.

use std::path::Path;

use super::decode::{NotText, decode};
use super::delimited::{self, DelimitedError};
use super::fields::{Field, guess};
use super::vcard;
use super::workbook::{Workbook, looks_like_workbook};

/// The largest file read: far above any roster (50,000 rows of CSV are
/// about 6 MB), so a wrong file is refused before it takes memory.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// The most rows one import takes (the loader's limit per list).
pub const MAX_IMPORT_ROWS: usize = crate::store::MAX_RECORDS;

/// How many rows the header is looked for in.
const HEADER_SEARCH_ROWS: usize = 20;

/// What kind of file it is, as the preview names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Delimited text, with its delimiter and encoding.
    Delimited {
        /// The byte between cells.
        delimiter: u8,
        /// The encoding read.
        encoding: String,
    },
    /// A workbook; `sheet` indexes `sheets`.
    Workbook {
        /// Every sheet's name.
        sheets: Vec<String>,
        /// The one shown.
        sheet: usize,
    },
    /// vCards, with the encoding read.
    VCard {
        /// The encoding read.
        encoding: String,
    },
}

/// One table from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Column names from the header row (a name for blank ones).
    pub headers: Vec<String>,
    /// Rows under the header, each as long as it was in the file.
    pub rows: Vec<Vec<String>>,
    /// The line (or sheet row) each row is on, 1-based, for messages.
    pub lines: Vec<usize>,
    /// The line of the header row (0 when the file had none).
    pub header_line: usize,
}

/// A file read for import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The file's name, for the tag and the report.
    pub file_name: String,
    /// What it is.
    pub kind: SourceKind,
    /// Its table.
    pub table: Table,
    /// Things worth knowing before importing (bytes that did not decode,
    /// rows longer than the header).
    pub notes: Vec<String>,
    /// The workbook's raw bytes, kept to switch sheets.
    workbook: Option<std::sync::Arc<Vec<u8>>>,
}

impl Source {
    /// One line on what was read: "comma-separated · windows-1252 · 48 rows · header on line 3".
    pub fn summary(&self) -> String {
        let kind = match &self.kind {
            SourceKind::Delimited {
                delimiter,
                encoding,
            } => format!(
                "{} text · {encoding}",
                delimited::delimiter_name(*delimiter)
            ),
            SourceKind::Workbook { sheets, sheet } => format!(
                "workbook · sheet \"{}\"",
                sheets.get(*sheet).map_or("", String::as_str)
            ),
            SourceKind::VCard { encoding } => format!("vCard · {encoding}"),
        };
        let header = match (&self.kind, self.table.header_line) {
            (SourceKind::VCard { .. }, _) => String::new(),
            (_, 0) => " · no header row".to_owned(),
            (_, line) => format!(" · header on line {line}"),
        };
        format!(
            "{kind} · {}{header}",
            crate::words::count(self.table.rows.len(), "row", "rows")
        )
    }

    /// The same file with another sheet of its workbook.
    pub fn with_sheet(&self, sheet: usize) -> Result<Source, String> {
        let bytes = self
            .workbook
            .as_ref()
            .ok_or_else(|| "Only workbooks have sheets.".to_owned())?;
        read_workbook(&self.file_name, bytes.clone(), sheet)
    }
}

/// Reads the file at `path` (at most [`MAX_IMPORT_BYTES`]).
pub fn read_file(path: &Path) -> Result<Source, String> {
    let metadata = std::fs::metadata(path)
        .map_err(|error| format!("{} could not be read: {error}.", path.display()))?;
    if !metadata.is_file() {
        return Err(format!("{} is not a file.", path.display()));
    }
    if metadata.len() > MAX_IMPORT_BYTES {
        return Err(format!(
            "{} is {} MB; a list to import may be at most {} MB.",
            path.display(),
            metadata.len() / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|error| format!("{} could not be read: {error}.", path.display()))?;
    let name = path
        .file_name()
        .map_or_else(|| "list".to_owned(), |n| n.to_string_lossy().into_owned());
    read_bytes(&name, bytes)
}

/// Reads a file's bytes: a workbook, vCards or delimited text.
pub fn read_bytes(file_name: &str, bytes: Vec<u8>) -> Result<Source, String> {
    if looks_like_workbook(&bytes) {
        return read_workbook_auto(file_name, std::sync::Arc::new(bytes));
    }
    let decoded = decode(&bytes).map_err(|error| match error {
        NotText::Empty => format!("{file_name} is empty: there is nobody to import."),
        NotText::Binary => format!(
            "{file_name} is not a list Relational can read: it is neither text (CSV, TSV, \
             vCard) nor a workbook (XLSX, XLS, ODS)."
        ),
    })?;
    let mut notes = Vec::new();
    if decoded.had_errors {
        notes.push(format!(
            "Some characters could not be read as {} and show as �; check the names below.",
            decoded.encoding
        ));
    }
    if vcard::is_vcard(&decoded.text) {
        return Ok(vcard_source(
            file_name,
            &decoded.text,
            decoded.encoding,
            notes,
        ));
    }
    let read = delimited::read(&decoded.text).map_err(|error| match error {
        DelimitedError::UnterminatedQuote(line) => format!(
            "A quote opened on line {line} of {file_name} is never closed, so the rest of the \
             file would be one cell. Fix the quote in a spreadsheet or text editor and import \
             again; nothing was imported."
        ),
    })?;
    let mut source = table_source(file_name, read.rows, &read.lines)?;
    source.kind = SourceKind::Delimited {
        delimiter: read.delimiter,
        encoding: decoded.encoding,
    };
    source.notes.splice(0..0, notes);
    Ok(source)
}

/// Opens a workbook at the first sheet with a header row (a cover sheet
/// or notes before the list are passed over), else the first with data.
fn read_workbook_auto(file_name: &str, bytes: std::sync::Arc<Vec<u8>>) -> Result<Source, String> {
    let count = Workbook::open(bytes.as_ref().clone())?.names.len();
    let mut first_readable = None;
    let mut first_error = None;
    for sheet in 0..count {
        match read_workbook(file_name, bytes.clone(), sheet) {
            Ok(source) if source.table.header_line > 0 => return Ok(source),
            Ok(source) => {
                first_readable.get_or_insert(source);
            }
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    first_readable.ok_or_else(|| match first_error {
        Some(error) if count > 1 => format!("{error}; none of its {count} sheets holds a list"),
        Some(error) => error,
        None => format!("{file_name} has no sheets."),
    })
}

fn read_workbook(
    file_name: &str,
    bytes: std::sync::Arc<Vec<u8>>,
    sheet: usize,
) -> Result<Source, String> {
    let mut workbook = Workbook::open(bytes.as_ref().clone())?;
    let sheets = workbook.names.clone();
    let name = sheets.get(sheet).cloned().unwrap_or_default();
    let rows = workbook.rows(sheet)?;
    let lines: Vec<usize> = (1..=rows.len()).collect();
    let mut source = table_source(file_name, rows, &lines)
        .map_err(|error| format!("{error} (sheet \"{name}\")"))?;
    source.kind = SourceKind::Workbook { sheets, sheet };
    source.workbook = Some(bytes);
    Ok(source)
}

fn vcard_source(file_name: &str, text: &str, encoding: String, notes: Vec<String>) -> Source {
    let cards = vcard::cards(text);
    Source {
        file_name: file_name.to_owned(),
        kind: SourceKind::VCard { encoding },
        table: Table {
            headers: vcard::COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
            lines: cards.iter().map(|card| card.line).collect(),
            rows: cards.into_iter().map(|card| card.cells).collect(),
            header_line: 0,
        },
        notes,
        workbook: None,
    }
}

/// Finds the header in `rows` and makes the table under it.
fn table_source(
    file_name: &str,
    rows: Vec<Vec<String>>,
    lines: &[usize],
) -> Result<Source, String> {
    if rows.iter().all(|row| is_blank(row)) {
        return Err(format!("{file_name} holds no data: every row is empty."));
    }
    let header_at = find_header(&rows);
    let mut notes = Vec::new();
    let (headers, header_line, first_data) = match header_at {
        Some(at) => (
            named_headers(&rows[at]),
            lines.get(at).copied().unwrap_or(at + 1),
            at + 1,
        ),
        None => {
            let width = rows.iter().map(Vec::len).max().unwrap_or(0);
            notes.push("No header row was found: columns are named by letter.".to_owned());
            let first = rows.iter().position(|row| !is_blank(row)).unwrap_or(0);
            ((0..width).map(column_letter).collect(), 0, first)
        }
    };
    let mut table_rows = Vec::new();
    let mut table_lines = Vec::new();
    for (at, row) in rows.into_iter().enumerate().skip(first_data) {
        if is_blank(&row) {
            continue;
        }
        if table_rows.len() == MAX_IMPORT_ROWS {
            return Err(format!(
                "{file_name} has more than {MAX_IMPORT_ROWS} rows, more than a project holds."
            ));
        }
        table_lines.push(lines.get(at).copied().unwrap_or(at + 1));
        table_rows.push(row);
    }
    if table_rows.is_empty() {
        return Err(format!(
            "{file_name} has a header row but no rows under it."
        ));
    }
    let long = table_rows
        .iter()
        .filter(|row| {
            row.len() > headers.len() && !row[headers.len()..].iter().all(|c| c.trim().is_empty())
        })
        .count();
    if long > 0 {
        notes.push(format!(
            "{} more cells than the header has columns; those rows are skipped (a comma \
             outside quotes often does this).",
            crate::words::count(long, "row has", "rows have")
        ));
    }
    Ok(Source {
        file_name: file_name.to_owned(),
        kind: SourceKind::Delimited {
            delimiter: b',',
            encoding: String::new(),
        },
        table: Table {
            headers,
            rows: table_rows,
            lines: table_lines,
            header_line,
        },
        notes,
        workbook: None,
    })
}

fn is_blank(row: &[String]) -> bool {
    row.iter().all(|cell| cell.trim().is_empty())
}

/// The header row: among the first rows with two or more cells filled, the
/// one whose cells most look like known column names; failing that, the
/// first such row if none of its cells looks like data (an email, a
/// number). A title row above ("Local 12 roster") has one cell and is
/// passed over.
fn find_header(rows: &[Vec<String>]) -> Option<usize> {
    let candidates: Vec<usize> = rows
        .iter()
        .enumerate()
        .take(HEADER_SEARCH_ROWS)
        .filter(|(_, row)| filled(row) >= 2)
        .map(|(at, _)| at)
        .collect();
    let known = |row: &[String]| {
        row.iter()
            .filter(|cell| guess(cell) != Field::Ignore)
            .count()
    };
    let best = candidates
        .iter()
        .copied()
        .max_by_key(|at| (known(&rows[*at]), std::cmp::Reverse(*at)));
    match best {
        Some(at) if known(&rows[at]) > 0 => Some(at),
        _ => candidates
            .first()
            .copied()
            .filter(|at| !rows[*at].iter().any(|cell| looks_like_data(cell))),
    }
}

fn filled(row: &[String]) -> usize {
    row.iter().filter(|cell| !cell.trim().is_empty()).count()
}

fn looks_like_data(cell: &str) -> bool {
    let cell = cell.trim();
    cell.contains('@')
        || (!cell.is_empty() && cell.chars().filter(char::is_ascii_digit).count() * 2 > cell.len())
}

fn named_headers(row: &[String]) -> Vec<String> {
    row.iter()
        .enumerate()
        .map(|(at, cell)| {
            let cell = cell.trim();
            if cell.is_empty() {
                column_letter(at)
            } else {
                cell.to_owned()
            }
        })
        .collect()
}

/// "Column A", "Column AB", as spreadsheets letter columns.
fn column_letter(at: usize) -> String {
    let mut letters = Vec::new();
    let mut n = at + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("Column {}", letters.into_iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|line| line.split(',').map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn the_header_is_found_below_a_title_and_blank_rows() {
        let grid = rows(
            "Local 12 roster - December,,\n,,\n,,\nFirst Name,Last Name,Email\nAna,Ruiz,ana@x.org\n",
        );
        assert_eq!(find_header(&grid), Some(3));
        let lines: Vec<usize> = (1..=grid.len()).collect();
        let source = table_source("r.csv", grid, &lines).expect("reads");
        assert_eq!(source.table.header_line, 4);
        assert_eq!(source.table.rows.len(), 1);
        assert_eq!(source.table.lines, [5]);
    }

    #[test]
    fn unknown_headers_still_count_when_they_are_not_data() {
        let grid = rows("Who,Where\nAna,Plant 2\n");
        assert_eq!(find_header(&grid), Some(0));
        let headless = rows("Ana Ruiz,ana@x.org,555-0100\nBo Chen,bo@x.org,555-0101\n");
        assert_eq!(find_header(&headless), None);
        let lines = [1, 2];
        let source = table_source("h.csv", headless, &lines).expect("reads");
        assert_eq!(source.table.headers, ["Column A", "Column B", "Column C"]);
        assert_eq!(source.table.rows.len(), 2);
    }

    #[test]
    fn empty_and_headless_files_say_so() {
        assert!(
            read_bytes("e.csv", Vec::new())
                .expect_err("refused")
                .contains("empty")
        );
        let only_header = read_bytes("h.csv", b"Name,Email\n".to_vec()).expect_err("refused");
        assert!(only_header.contains("no rows under it"), "{only_header}");
        let binary = read_bytes("a.bin", vec![0, 1, 2, 3, 0, 0, 7, 9]).expect_err("refused");
        assert!(binary.contains("neither text"), "{binary}");
        let quote = read_bytes("q.csv", b"Name,Notes\nAna,\"open\n".to_vec()).expect_err("refused");
        assert!(quote.contains("line 2"), "{quote}");
        let broken_zip =
            read_bytes("w.xlsx", b"PK\x03\x04 not really".to_vec()).expect_err("refused");
        assert!(broken_zip.contains("not a workbook"), "{broken_zip}");
    }

    #[test]
    fn long_rows_are_pointed_out() {
        let source = read_bytes(
            "r.csv",
            b"Name,Email\nAna,a@x.org\nRuiz, Bo,b@x.org\n".to_vec(),
        )
        .expect("reads");
        assert!(
            source
                .notes
                .iter()
                .any(|n| n.contains("1 row has more cells")),
            "{:?}",
            source.notes
        );
    }

    #[test]
    fn columns_are_lettered_like_spreadsheets() {
        assert_eq!(column_letter(0), "Column A");
        assert_eq!(column_letter(25), "Column Z");
        assert_eq!(column_letter(27), "Column AB");
    }

    #[test]
    fn the_summary_names_what_was_read() {
        let source =
            read_bytes("r.csv", "Nom;Email\r\nZoé;z@x.org\r\n".as_bytes().to_vec()).expect("reads");
        assert_eq!(
            source.summary(),
            "semicolon-separated text · UTF-8 · 1 row · header on line 1"
        );
    }
}
