//! XLSX, XLS, XLSB and ODS workbooks through `calamine`: the sheets by
//! name, each cell as the text a spreadsheet shows. Formulas are never
//! evaluated: the value the spreadsheet saved is read.

use std::io::Cursor;

use calamine::{Data, Reader, Sheets, open_workbook_auto_from_rs};

/// An open workbook and its sheet names.
pub struct Workbook {
    sheets: Sheets<Cursor<Vec<u8>>>,
    /// Sheet names in the workbook's order.
    pub names: Vec<String>,
}

/// Whether the bytes start like a workbook: a zip (XLSX, ODS) or an OLE
/// compound file (XLS).
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

impl Workbook {
    /// Opens a workbook from its bytes.
    pub fn open(bytes: Vec<u8>) -> Result<Self, String> {
        let sheets = open_workbook_auto_from_rs(Cursor::new(bytes))
            .map_err(|error| format!("This is not a workbook Relational can read ({error})."))?;
        let names = sheets.sheet_names();
        Ok(Workbook { sheets, names })
    }

    /// The cells of sheet `index` as text, top to bottom.
    pub fn rows(&mut self, index: usize) -> Result<Vec<Vec<String>>, String> {
        let name = self
            .names
            .get(index)
            .ok_or_else(|| "The workbook has no such sheet.".to_owned())?
            .clone();
        let range = self
            .sheets
            .worksheet_range(&name)
            .map_err(|error| format!("Sheet \"{name}\" could not be read ({error})."))?;
        // Rows above the range's first used row are blank in the sheet.
        let skipped = range.start().map_or(0, |(row, _)| row as usize);
        let mut rows = vec![Vec::new(); skipped];
        rows.extend(range.rows().map(|row| row.iter().map(cell_text).collect()));
        Ok(rows)
    }
}

/// A cell as a spreadsheet shows it: whole numbers without ".0" (phone
/// numbers are often stored as numbers), dates as ISO days.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(value) if value.fract() == 0.0 && value.abs() < 1e15 => {
            format!("{}", *value as i64)
        }
        Data::DateTime(value) => value
            .as_datetime()
            .map(|at| {
                if at.time() == chrono::NaiveTime::MIN {
                    at.date().to_string()
                } else {
                    at.format("%Y-%m-%d %H:%M").to_string()
                }
            })
            .unwrap_or_default(),
        Data::Error(_) => String::new(),
        other => other.to_string().trim().to_owned(),
    }
}
