//! Bringing a list in: a roster, a directory, a sign-in sheet or the
//! phone's contacts, read into one table ([`source`]), its columns mapped
//! to fields ([`fields`]), each row matched against the project and the
//! rows above it ([`matching`], by [`keys`]), and the chosen rows applied
//! as one edit with a report ([`plan`]). No egui: the dialog and the
//! command line both drive this.

pub mod decode;
pub mod delimited;
pub mod duplicates;
pub mod fields;
pub mod keys;
pub mod matching;
pub mod plan;
pub mod source;
pub mod vcard;
pub mod workbook;

#[cfg(test)]
mod tests;

pub use fields::Field;
pub use matching::{Decision, MatchedRow, Outcome, PeopleIndex};
pub use plan::Report;
pub use source::{Source, read_bytes, read_file};

/// The key a mapping is remembered under: the file's headers, compared
/// loosely, in order.
pub fn headers_signature(headers: &[String]) -> String {
    headers
        .iter()
        .map(|header| fields::header_key(header))
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// Sets the columns named in `overrides` (`COLUMN=FIELD`, the column by
/// its header in any case, or its letter "Column B") to their fields.
pub fn apply_overrides(
    headers: &[String],
    mapping: &mut [Field],
    overrides: &[(String, Field)],
) -> Result<(), String> {
    for (column, field) in overrides {
        let key = fields::header_key(column);
        let at = headers
            .iter()
            .position(|header| fields::header_key(header) == key)
            .ok_or_else(|| {
                format!(
                    "the file has no column {column:?}; its columns are {}",
                    headers.join(", ")
                )
            })?;
        if let Some(slot) = mapping.get_mut(at) {
            *slot = *field;
        }
    }
    Ok(())
}

/// Reads `COLUMN=FIELD` as given to `--map`.
pub fn parse_override(text: &str) -> Result<(String, Field), String> {
    let (column, field) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("--map needs COLUMN=FIELD, not {text:?}"))?;
    let names: Vec<&str> = Field::ALL.iter().map(|f| f.cli_name()).collect();
    let field = Field::from_cli_name(field).ok_or_else(|| {
        format!(
            "unknown field {field:?} in --map; choose one of {}",
            names.join(", ")
        )
    })?;
    Ok((column.trim().to_owned(), field))
}

/// Whether the mapping can make names: a full name, or a first or last name.
pub fn maps_a_name(mapping: &[Field]) -> bool {
    mapping
        .iter()
        .any(|f| matches!(f, Field::FullName | Field::FirstName | Field::LastName))
}

/// Every row of `source` mapped by `mapping` and matched against `project`.
pub fn match_source(
    project: &crate::model::Project,
    source: &Source,
    mapping: &[Field],
) -> Vec<MatchedRow> {
    let index = PeopleIndex::of(project);
    let rows = matching::gather(&source.table, mapping);
    matching::match_rows(project, &index, rows)
}
