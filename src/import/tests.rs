//! Mapping, matching and applying an import, on small hand-made lists.

use chrono::NaiveDate;

use super::matching::{Decision, Outcome};
use super::*;
use crate::model::{PersonId, Project, Stage};
use crate::synth::ProjectBuilder;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day")
}

fn csv(text: &str) -> Source {
    read_bytes("roster.csv", text.as_bytes().to_vec()).expect("the list reads")
}

fn guessed(source: &Source) -> Vec<Field> {
    fields::guess_all(&source.table.headers)
}

/// A project with Ana (email), Bo (phone) and two Sam Lees.
fn project() -> (Project, [PersonId; 4]) {
    let mut builder = ProjectBuilder::new(day());
    let ana = builder.person_with("Ana Ruiz", |p| {
        p.email = "ana@example.org".into();
        p.notes = "Met at the picnic".into();
    });
    let bo = builder.person_with("Bo Chen", |p| p.phone = "(415) 555-0142".into());
    let sam = builder.person_with("Sam Lee", |p| p.organization = "Plant 2".into());
    let sam_too = builder.person_with("Sam Lee", |p| p.organization = "Plant 5".into());
    (builder.build(), [ana, bo, sam, sam_too])
}

fn outcomes(rows: &[MatchedRow]) -> Vec<&Outcome> {
    rows.iter().map(|row| &row.outcome).collect()
}

#[test]
fn rows_are_new_updates_duplicates_or_skipped() {
    let (project, [ana, bo, sam, sam_too]) = project();
    let source = csv(
        "First Name,Last Name,Personal Email,Mobile Phone,Worksite,Notes\n\
         ANA,RUIZ,Ana@Example.org,,Plant 2,Wants a union\n\
         Bo,Chen,,+1 415 555 0142,,\n\
         Sam,Lee,,,,\n\
         Dee,Evans,dee@example.org,,Plant 9,\n\
         ,,,,,no name here\n\
         Deanna,Evans,DEE@example.org,,,\n\
         Eli,Ford,,,,\n\
         Eli,Ford,,,,\n",
    );
    let rows = match_source(&project, &source, &guessed(&source));
    let got = outcomes(&rows);
    assert!(
        matches!(got[0], Outcome::Update { person, because: "the same email", changes, text_conflicts }
            if *person == ana && changes.len() == 1 && changes[0].field == Field::Organization
            && text_conflicts == &[Field::Notes]),
        "{:?}",
        got[0]
    );
    assert!(
        matches!(got[1], Outcome::Unchanged(id) if *id == bo),
        "{:?}",
        got[1]
    );
    assert!(
        matches!(got[2], Outcome::PossibleDuplicate { candidates, .. }
            if candidates.iter().map(|c| c.0).collect::<Vec<_>>() == [sam, sam_too]),
        "{:?}",
        got[2]
    );
    assert_eq!(got[3], &Outcome::New);
    assert_eq!(got[4], &Outcome::Skip("it has no name".into()));
    assert_eq!(
        got[5],
        &Outcome::Skip("the same email as line 5, imported above".into())
    );
    assert_eq!(got[6], &Outcome::New);
    assert!(
        matches!(
            got[7],
            Outcome::PossibleDuplicate {
                earlier_row: Some((8, _)),
                ..
            }
        ),
        "{:?}",
        got[7]
    );
    let decisions: Vec<Decision> = rows.iter().map(|r| r.decision).collect();
    assert_eq!(decisions[0], Decision::Update(ana));
    assert_eq!(
        decisions[2],
        Decision::Skip,
        "a possible duplicate waits for a choice"
    );
    assert_eq!(decisions[3], Decision::Add);
}

#[test]
fn the_same_name_with_another_email_is_a_possible_duplicate() {
    let (project, [ana, ..]) = project();
    let source = csv("Name,Email\nAna Ruíz,ana.ruiz@other.org\n");
    let rows = match_source(&project, &source, &guessed(&source));
    assert!(
        matches!(&rows[0].outcome, Outcome::PossibleDuplicate { candidates, .. }
            if candidates == &[(ana, "the same name, another email".to_owned())]),
        "{:?}",
        rows[0].outcome
    );
}

#[test]
fn applying_adds_updates_tags_and_reports_in_one_edit() {
    let (mut project, [ana, ..]) = project();
    let before = project.clone();
    let source = csv("Name,Email,Department,Shift,Stage,Leader\n\
         Ana Ruiz,ana@example.org,ICU,Nights,Met,yes\n\
         Zoë Adébáyọ̀,zoe@example.org,ER,Days,leader,no\n\
         ,ghost@example.org,,,,\n");
    let rows = match_source(&project, &source, &guessed(&source));
    let (edit, report) = plan::build(&mut project, &rows, &source.file_name, day());
    let undo = edit.apply(&mut project).expect("applies");
    let zoe = project
        .people
        .values()
        .find(|p| p.name == "Zoë Adébáyọ̀")
        .expect("added");
    assert_eq!(zoe.tags, ["ER", "Days", "import: roster.csv"]);
    assert_eq!(zoe.stage, Stage::Leader);
    assert!(!zoe.leadership_team);
    let ana_now = project.person(ana).expect("kept");
    assert_eq!(ana_now.tags, ["ICU", "Nights", "import: roster.csv"]);
    assert_eq!(ana_now.stage, Stage::Met);
    assert!(ana_now.leadership_team);
    assert_eq!(
        ana_now.notes, "Met at the picnic",
        "notes are never overwritten unasked"
    );
    assert_eq!(report.added, ["Zoë Adébáyọ̀"]);
    assert_eq!(report.updated.len(), 1);
    assert_eq!(
        report.skipped,
        [(4, String::new(), "it has no name".to_owned())]
    );
    let text = report.text();
    assert!(
        text.starts_with(
            "Import of roster.csv: 1 person added, 1 updated, 0 already up to date, 1 skipped."
        ),
        "{text}"
    );
    assert!(text.contains("line 4, (no name): it has no name"), "{text}");
    undo.apply(&mut project).expect("undoes");
    assert_eq!(
        project.people, before.people,
        "one edit undoes the whole import"
    );
}

#[test]
fn importing_the_same_file_twice_never_doubles() {
    let (mut project, _) = project();
    let source = csv("Name,Worksite,Notes\nDee Evans,Plant 9,Shop steward\nEli Ford,,\n");
    for round in 0..2 {
        let rows = match_source(&project, &source, &guessed(&source));
        let (edit, report) = plan::build(&mut project, &rows, &source.file_name, day());
        edit.apply(&mut project).expect("applies");
        if round == 1 {
            assert!(report.added.is_empty(), "{report:?}");
            assert!(report.updated.is_empty(), "{report:?}");
            assert_eq!(report.unchanged, 2);
        }
    }
    assert_eq!(project.people.len(), 7);
}

#[test]
fn notes_are_replaced_only_when_asked() {
    let (mut project, [ana, ..]) = project();
    let source = csv("Email,Notes\nana@example.org,Chairs the safety committee\n");
    let mut rows = match_source(&project, &source, &guessed(&source));
    rows[0].replace_text = true;
    let (edit, report) = plan::build(&mut project, &rows, "roster.csv", day());
    edit.apply(&mut project).expect("applies");
    assert_eq!(
        project.person(ana).map(|p| p.notes.as_str()),
        Some("Chairs the safety committee")
    );
    assert_eq!(report.updated[0].1, ["notes (replaced)"]);
}

#[test]
fn a_possible_duplicate_goes_where_the_organizer_chooses() {
    let (mut project, [_, _, sam, _]) = project();
    let source = csv("Name,Phone\nSam Lee,555-0100 / 555-0101\n");
    let mut rows = match_source(&project, &source, &guessed(&source));
    rows[0].decision = Decision::Update(sam);
    let (edit, _) = plan::build(&mut project, &rows, "roster.csv", day());
    edit.apply(&mut project).expect("applies");
    assert_eq!(
        project.person(sam).map(|p| p.phone.as_str()),
        Some("555-0100")
    );
    rows[0].decision = Decision::Add;
    let (edit, report) = plan::build(&mut project, &rows, "roster.csv", day());
    edit.apply(&mut project).expect("applies");
    assert_eq!(report.added, ["Sam Lee"]);
    let added = project.people.values().last().expect("someone");
    assert_eq!(added.notes, "Other phones: 555-0101");
}

#[test]
fn several_text_columns_are_labelled_by_header() {
    let source = csv("Name,Address,Children,Hire date\nAna,12 Elm St,2,2019-04-01\n");
    let mut mapping = guessed(&source);
    apply_overrides(
        &source.table.headers,
        &mut mapping,
        &[
            ("address".into(), Field::Notes),
            ("CHILDREN".into(), Field::Notes),
        ],
    )
    .expect("columns exist");
    let rows = matching::gather(&source.table, &mapping);
    assert_eq!(
        rows[0].texts,
        [(Field::Notes, "Address: 12 Elm St\nChildren: 2".to_owned())]
    );
    let missing = apply_overrides(
        &source.table.headers,
        &mut mapping,
        &[("Age".into(), Field::Notes)],
    );
    assert!(missing.expect_err("refused").contains("no column \"Age\""));
}

#[test]
fn overrides_read_column_equals_field() {
    assert_eq!(
        parse_override("Job Class=role"),
        Ok(("Job Class".into(), Field::Role))
    );
    assert_eq!(parse_override(" A=B = tag"), Ok(("A=B".into(), Field::Tag)));
    assert!(parse_override("Job Class").is_err());
    assert!(
        parse_override("Job Class=shoe size")
            .expect_err("refused")
            .contains("unknown field")
    );
}

#[test]
fn the_signature_ignores_case_and_punctuation() {
    let a = headers_signature(&["First Name".into(), "E-mail".into()]);
    let b = headers_signature(&["first_name".into(), "e mail".into()]);
    assert_eq!(a, b);
    assert_ne!(a, headers_signature(&["First Name".into()]));
}

#[test]
fn vcards_import_like_a_list() {
    let (project, [ana, ..]) = project();
    let text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nEMAIL:ANA@example.org\nTITLE:Nurse\nEND:VCARD\n\
                BEGIN:VCARD\nVERSION:3.0\nN:Okafor;Chidi;;;\nTEL;TYPE=CELL:555-0199\nCATEGORIES:church,choir\nEND:VCARD\n\
                BEGIN:VCARD\nVERSION:3.0\nTEL:555-0100\nEND:VCARD\n";
    let source = read_bytes("contacts.vcf", text.as_bytes().to_vec()).expect("reads");
    assert_eq!(source.summary(), "vCard · UTF-8 · 3 rows");
    let mapping = guessed(&source);
    assert_eq!(
        mapping,
        [
            Field::FullName,
            Field::Ignore,
            Field::Ignore,
            Field::Phone,
            Field::Email,
            Field::Organization,
            Field::Role,
            Field::Tag,
            Field::Notes
        ]
    );
    let rows = match_source(&project, &source, &mapping);
    assert!(matches!(rows[0].outcome, Outcome::Update { person, .. } if person == ana));
    assert_eq!(rows[1].outcome, Outcome::New);
    assert_eq!(rows[1].incoming.name, "Chidi Okafor");
    assert_eq!(rows[1].incoming.tags, ["church", "choir"]);
    assert_eq!(rows[2].outcome, Outcome::Skip("it has no name".into()));
    assert_eq!(rows[2].incoming.line, 13);
}

#[test]
fn an_unknown_stage_is_a_warning_not_a_failure() {
    let (mut project, _) = project();
    let source = csv("Name,Stage\nGus Hale,hot prospect\n");
    let rows = match_source(&project, &source, &guessed(&source));
    let (_, report) = plan::build(&mut project, &rows, "roster.csv", day());
    assert_eq!(report.added, ["Gus Hale"]);
    assert!(
        report.warnings[0].1.contains("hot prospect"),
        "{:?}",
        report.warnings
    );
}

#[test]
fn a_name_longer_than_names_may_be_is_cut_and_said() {
    let (project, _) = project();
    let long = "Bartłomiej Wójcik ".repeat(20);
    let source = csv(&format!("Name,Email\n{long},bw@example.org\n"));
    let rows = match_source(&project, &source, &guessed(&source));
    let name = &rows[0].incoming.name;
    assert_eq!(name.chars().count(), crate::query::names::NAME_LIMIT);
    assert!(rows[0].incoming.warnings[0].contains("cut to 200 characters"));
}

proptest::proptest! {
    #[test]
    fn any_bytes_are_read_or_refused_without_panic(
        bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)
    ) {
        let (mut project, _) = project();
        if let Ok(source) = read_bytes("any.csv", bytes) {
            let mapping = guessed(&source);
            let rows = match_source(&project, &source, &mapping);
            let (edit, report) = plan::build(&mut project, &rows, "any.csv", day());
            proptest::prop_assert!(edit.apply(&mut project).is_ok());
            proptest::prop_assert!(report.added.iter().all(|name| !name.trim().is_empty()));
        }
    }

    #[test]
    fn any_delimited_text_with_quotes_reads_without_panic(
        text in "(?s)[a-zé李 ,;\t\"\r\n@0-9]{0,200}"
    ) {
        let (project, _) = project();
        if let Ok(source) = read_bytes("any.csv", text.into_bytes()) {
            let rows = match_source(&project, &source, &vec![Field::FullName; source.table.headers.len()]);
            proptest::prop_assert_eq!(rows.len(), source.table.rows.len());
        }
    }
}

/// An import may bring the project to the record limit; the file it saves
/// must still open. Measured on a thousand roster rows as wide as real
/// ones (role, worksite, phone, email, two tags, a line of notes).
#[test]
fn a_project_filled_by_import_to_the_record_limit_still_opens() {
    let mut text =
        String::from("Name,Job Class,Worksite,Mobile Phone,Email,Department,Shift,Notes\n");
    for n in 0..1_000 {
        text.push_str(&format!(
            "Maria-José Fernández{n},Registered Nurse II,Riverside General Hospital East,\
             +1 415 555 {n:04},maria.fernandez{n}@example.org,Cardiac ICU,Nights,\
             Asked about the staffing ratios at the last meeting; call after six\n"
        ));
    }
    let source = csv(&text);
    let mut project = Project::new("Drive", "Me", day());
    let empty = crate::store::to_ron_string(&project).expect("writes").len();
    let rows = match_source(&project, &source, &guessed(&source));
    let (edit, _) = plan::build(&mut project, &rows, "roster.csv", day());
    edit.apply(&mut project).expect("applies");
    let bytes = crate::store::to_ron_string(&project).expect("writes").len() - empty;
    let per_person = bytes as u64 / 1_000;
    let at_limit = per_person * crate::store::MAX_RECORDS as u64;
    assert!(
        at_limit < crate::store::MAX_FILE_BYTES,
        "{per_person} bytes a person: {at_limit} bytes at the limit"
    );
}
