//! Import fixtures as real exports write them: a Windows-1252 roster with
//! a title row, vCards from a phone, an XLSX sign-in sheet whose list is on
//! its second sheet, an ODS parish list.

use relational::import::{self, Field, Outcome, source::SourceKind};
use relational::model::Project;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new("tests/fixtures/import").join(name)
}

fn empty_project() -> Project {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day");
    Project::new("Drive", "Me", day)
}

fn names(source: &import::Source, mapping: &[Field]) -> Vec<(String, bool)> {
    import::match_source(&empty_project(), source, mapping)
        .into_iter()
        .map(|row| (row.incoming.name, row.outcome == Outcome::New))
        .collect()
}

#[test]
fn a_legacy_roster_with_a_title_row_reads_as_its_spreadsheet_shows() {
    let source = import::read_file(&fixture("roster-windows-1252.csv")).expect("reads");
    assert_eq!(
        source.summary(),
        "semicolon-separated text · windows-1252 · 5 rows · header on line 3"
    );
    let mapping = import::fields::guess_all(&source.table.headers);
    assert_eq!(
        mapping,
        [
            Field::FirstName,
            Field::LastName,
            Field::Email,
            Field::Phone,
            Field::Organization,
            Field::Role,
            Field::Tag,
            Field::Notes
        ]
    );
    let rows = import::match_source(&empty_project(), &source, &mapping);
    assert_eq!(rows[0].incoming.name, "José Muñoz");
    assert_eq!(
        rows[0].incoming.texts[0].1,
        "Asked about \"overtime\"; call after 5"
    );
    assert_eq!(rows[1].incoming.texts[0].1, "Two shifts,\r\nweekends too");
    assert_eq!(rows[2].incoming.name, "Bärbel Groß");
    assert_eq!(rows[2].incoming.line, 8, "the line a spreadsheet shows");
    assert_eq!(rows[4].outcome, Outcome::Skip("it has no name".into()));
}

#[test]
fn phone_contacts_read_with_every_script() {
    let source = import::read_file(&fixture("contacts.vcf")).expect("reads");
    assert!(matches!(source.kind, SourceKind::VCard { .. }));
    let mapping = import::fields::guess_all(&source.table.headers);
    let rows = import::match_source(&empty_project(), &source, &mapping);
    let minh = &rows[0].incoming;
    assert_eq!(minh.name, "Nguyễn Thị Minh");
    assert_eq!(
        minh.phones,
        ["415-555-0111", "415-555-0110"],
        "the mobile first"
    );
    assert_eq!(minh.organization, "Saint Anne, Parish, Youth");
    assert_eq!(minh.tags, ["church", "choir"]);
    assert_eq!(rows[1].incoming.name, "محمد الأحمد");
    assert_eq!(rows[1].incoming.phones, ["+1-415-555-0112"]);
    assert_eq!(rows[2].incoming.role, "Teacher");
    assert_eq!(rows[3].outcome, Outcome::Skip("it has no name".into()));
}

#[test]
fn a_workbook_list_on_its_second_sheet_is_found() {
    let source = import::read_file(&fixture("sign-in.xlsx")).expect("reads");
    assert_eq!(
        source.kind,
        SourceKind::Workbook {
            sheets: vec!["Read me".into(), "Members".into()],
            sheet: 1
        }
    );
    assert_eq!(source.table.headers, ["Name", "Phone", "Shift", "Kids"]);
    assert_eq!(source.table.header_line, 4);
    assert_eq!(
        source.table.rows[0],
        ["Łukasz Wójcik", "4155550120", "Nights", "2"]
    );
    let cover = source.with_sheet(0).expect("the cover sheet reads too");
    assert_eq!(cover.table.header_line, 0, "a note, not a list");
    let mapping = import::fields::guess_all(&source.table.headers);
    assert_eq!(
        names(&source, &mapping),
        [
            ("Łukasz Wójcik".to_owned(), true),
            ("Ngozi Okafor".to_owned(), true)
        ]
    );
}

#[test]
fn an_ods_list_with_french_headers_maps_itself() {
    let source = import::read_file(&fixture("parish.ods")).expect("reads");
    let mapping = import::fields::guess_all(&source.table.headers);
    assert_eq!(
        mapping,
        [Field::FullName, Field::Email, Field::Organization]
    );
    assert_eq!(
        names(&source, &mapping)[0],
        ("Élodie Brûlé".to_owned(), true)
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.csv");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(import::source::MAX_IMPORT_BYTES + 1)
        .expect("grow");
    let error = import::read_file(&path).expect_err("refused");
    assert!(error.contains("at most 64 MB"), "{error}");
}

#[test]
fn a_workbook_with_no_data_says_so() {
    let error = import::read_file(&fixture("blank.xlsx")).expect_err("refused");
    assert!(error.contains("holds no data"), "{error}");
    assert!(
        error.contains("none of its 2 sheets holds a list"),
        "{error}"
    );
}
