//! The command line: `relational [PATH]`, `relational --check PATH`,
//! `relational --export FORMAT [--anonymize] PROJECT OUT`.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::export::{ExportFormat, ExportOptions, write_export};
use crate::store;

/// What the command line asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Open the window, with this file or the last one.
    Gui(Option<PathBuf>),
    /// Load a file, print a summary, exit.
    Check(PathBuf),
    /// Write an export of a project to a file, exit.
    Export {
        /// What to export.
        format: ExportFormat,
        /// Initials instead of names; no contact details or notes.
        anonymize: bool,
        /// Replace an existing output file (never the project itself).
        force: bool,
        /// Leave the byte-order mark out of CSV files.
        no_bom: bool,
        /// The project file to read.
        project: PathBuf,
        /// The file to write.
        out: PathBuf,
    },
    /// Print the dashboard's lists as text, exit.
    Agenda {
        /// The project file to read.
        project: PathBuf,
        /// The day to print them for; today when not given.
        today: Option<chrono::NaiveDate>,
    },
    /// Import people from a list into a project, exit.
    Import {
        /// The list: CSV, TSV, a workbook or vCards.
        file: PathBuf,
        /// The project file to add them to.
        project: PathBuf,
        /// Report only; write nothing.
        dry_run: bool,
        /// Columns mapped by hand (`--map "COLUMN=FIELD"`), over the guesses.
        overrides: Vec<(String, crate::import::Field)>,
    },
    /// Write a passphrase-protected copy of a project.
    Encrypt {
        /// The project to read.
        input: PathBuf,
        /// The protected file to write.
        out: PathBuf,
    },
    /// Write a plain copy of a protected project.
    Decrypt {
        /// The protected project to read.
        input: PathBuf,
        /// The plain file to write.
        out: PathBuf,
    },
    /// Print usage.
    Help,
}

/// Usage text.
pub const USAGE: &str = "\
Usage:
  relational [PROJECT.ron]      open the app (the last project, or the demo)
  relational --check PROJECT    load a project, print a summary, exit 0 if it is sound
  relational --export FORMAT [--anonymize] [--no-bom] [--force] PROJECT OUT
                                write an export of the project to OUT; FORMAT is ics,
                                leaders-csv, sheet-csv, leaders-pdf, sheet-pdf or
                                blank-sheet-pdf; an existing OUT is replaced only with --force
  relational --import FILE PROJECT [--dry-run] [--map \"COLUMN=FIELD\"]...
                                add and update people from a CSV, TSV, XLSX, XLS, ODS or
                                vCard file; prints what was added, updated and skipped and
                                why; the project is written atomically, its old version kept
                                as .bak; --dry-run writes nothing; --map sets a column's field
                                (name, first-name, last-name, role, organization, phone,
                                email, tag, stage, leadership-team, notes, values, interests,
                                skills, challenges, hopes, why-they-care, reason-to-build,
                                ignore). Possible duplicates are skipped: choose for them in
                                the app (File > Import people)
  relational --agenda PROJECT [--today YYYY-MM-DD]
                                print what is owed: meetings to confirm and debrief,
                                follow-ups overdue and due this week, commitments to
                                check, asks waiting, people referred and gone quiet
  relational --encrypt IN OUT   write OUT, a copy of IN protected with a passphrase (an age
                                file: `age -d` opens it with the same passphrase)
  relational --decrypt IN OUT   write OUT, a plain copy of the protected IN
  relational --help             show this text

A protected project is opened with the passphrase in the environment variable
RELATIONAL_PASSPHRASE, or one typed at the terminal when it is not set.

Exit status: 0 done, 1 the project could not be read or written, 2 bad arguments.";

/// The environment variable a protected project's passphrase is read from.
pub const PASSPHRASE_VARIABLE: &str = "RELATIONAL_PASSPHRASE";

/// Reads the arguments (without the program name).
pub fn parse_args(args: &[String]) -> Result<Mode, String> {
    match args {
        [] => Ok(Mode::Gui(None)),
        [flag] if flag == "--help" || flag == "-h" => Ok(Mode::Help),
        [flag, path] if flag == "--check" => Ok(Mode::Check(PathBuf::from(path))),
        [flag] if flag == "--check" => Err("--check needs a project file".to_owned()),
        [path] if !path.starts_with("--") => Ok(Mode::Gui(Some(PathBuf::from(path)))),
        [flag, rest @ ..] if flag == "--export" => parse_export(rest),
        [flag, rest @ ..] if flag == "--agenda" => parse_agenda(rest),
        [flag, rest @ ..] if flag == "--import" => parse_import(rest),
        [flag, input, out] if flag == "--encrypt" => Ok(Mode::Encrypt {
            input: PathBuf::from(input),
            out: PathBuf::from(out),
        }),
        [flag, input, out] if flag == "--decrypt" => Ok(Mode::Decrypt {
            input: PathBuf::from(input),
            out: PathBuf::from(out),
        }),
        [flag, ..] if flag == "--encrypt" || flag == "--decrypt" => Err(format!(
            "{flag} needs the file to read and the file to write"
        )),
        _ => Err(format!("unexpected arguments: {}", args.join(" "))),
    }
}

/// Reads `FILE PROJECT [--dry-run] [--map COLUMN=FIELD]...` after `--import`.
fn parse_import(args: &[String]) -> Result<Mode, String> {
    let mut paths = Vec::new();
    let mut dry_run = false;
    let mut overrides = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--dry-run" => dry_run = true,
            "--map" => {
                let text = rest.next().ok_or("--map needs COLUMN=FIELD")?;
                overrides.push(crate::import::parse_override(text)?);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unexpected argument to --import: {flag}"));
            }
            path => paths.push(PathBuf::from(path)),
        }
    }
    match <[PathBuf; 2]>::try_from(paths) {
        Ok([file, project]) => Ok(Mode::Import {
            file,
            project,
            dry_run,
            overrides,
        }),
        Err(_) => Err("--import needs the file to import and a project file".to_owned()),
    }
}

/// Why an import from the command line did not happen.
#[derive(Debug, PartialEq, Eq)]
pub enum ImportFailure {
    /// The list or the project could not be read or written (exit 1).
    Unreadable(String),
    /// The arguments do not fit the file: a column it lacks (exit 2).
    BadArguments(String),
}

/// Imports `file` into `project` as the app's Import does with every
/// choice left at its default, and returns the report; a dry run writes
/// nothing. The project is locked while it is written, so a window that
/// has it open is never written under.
pub fn import(
    file: &Path,
    project: &Path,
    dry_run: bool,
    overrides: &[(String, crate::import::Field)],
    today: chrono::NaiveDate,
) -> Result<String, ImportFailure> {
    use crate::import;
    let unreadable = |error: String| ImportFailure::Unreadable(format!("error: {error}"));
    let lock = match store::lock(project) {
        store::LockOutcome::HeldElsewhere(owner) if !dry_run => {
            return Err(unreadable(format!(
                "{} is open in Relational (process {} on {}); import there, or close it first",
                project.display(),
                owner.pid,
                owner.host
            )));
        }
        outcome => outcome,
    };
    let mut loaded = load_project(project).map_err(ImportFailure::Unreadable)?;
    let source = import::read_file(file).map_err(unreadable)?;
    let mut mapping = import::fields::guess_all(&source.table.headers);
    import::apply_overrides(&source.table.headers, &mut mapping, overrides)
        .map_err(|e| ImportFailure::BadArguments(format!("error: {e}")))?;
    if !import::maps_a_name(&mapping) {
        return Err(ImportFailure::BadArguments(format!(
            "error: no column of {} is taken as the name; add --map \"COLUMN=name\" (columns: {})",
            source.file_name,
            source.table.headers.join(", ")
        )));
    }
    let rows = import::match_source(&loaded.project, &source, &mapping);
    let (edit, report) = import::plan::build(&mut loaded.project, &rows, &source.file_name, today);
    let mut lines: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| format!("warning: {w}"))
        .collect();
    lines.push(format!("{}: {}", file.display(), source.summary()));
    lines.extend(source.notes.iter().map(|note| format!("note: {note}")));
    lines.push(report.text().trim_end().to_owned());
    if dry_run {
        lines.push("Dry run: the project was not changed.".to_owned());
        return Ok(lines.join("\n"));
    }
    if report.added.is_empty() && report.updated.is_empty() {
        lines.push("Nothing to write: the project was not changed.".to_owned());
        return Ok(lines.join("\n"));
    }
    edit.apply(&mut loaded.project)
        .map_err(|e| unreadable(format!("the import broke a rule of the project: {e}")))?;
    store::save_protected(&loaded.project, project, loaded.protection.as_ref())
        .map_err(|e| unreadable(format!("could not write {}: {e}", project.display())))?;
    drop(lock);
    lines.push(format!(
        "{} written (the previous version kept as {}).",
        project.display(),
        store::backup_path(project).display()
    ));
    Ok(lines.join("\n"))
}

/// Reads `PROJECT [--today YYYY-MM-DD]` after `--agenda`.
fn parse_agenda(args: &[String]) -> Result<Mode, String> {
    let mut project = None;
    let mut today = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--today" {
            let text = rest.next().ok_or("--today needs a date, as YYYY-MM-DD")?;
            let day = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map_err(|_| format!("--today needs a date as YYYY-MM-DD, not {text:?}"))?;
            today = Some(day);
        } else if arg.starts_with("--") || project.is_some() {
            return Err(format!("unexpected argument to --agenda: {arg}"));
        } else {
            project = Some(PathBuf::from(arg));
        }
    }
    let project = project.ok_or("--agenda needs a project file")?;
    Ok(Mode::Agenda { project, today })
}

/// Loads `project` and returns its agenda at `now` (warnings about a
/// repaired file first).
pub fn agenda(project: &Path, now: NaiveDateTime) -> Result<String, String> {
    let loaded = load_project(project)?;
    // Warnings go to stderr: stdout stays the agenda alone, for scripts.
    for warning in &loaded.warnings {
        eprintln!("warning: {warning}");
    }
    let text =
        crate::dashboard::agenda_text(&loaded.project, now, crate::dashboard::DEFAULT_QUIET_DAYS);
    Ok(text.trim_end().to_owned())
}

/// Reads `FORMAT [--anonymize] PROJECT OUT` after `--export`.
fn parse_export(args: &[String]) -> Result<Mode, String> {
    let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.cli_name()).collect();
    let Some((name, rest)) = args.split_first() else {
        return Err(format!("--export needs a format: {}", names.join(", ")));
    };
    let format = ExportFormat::from_cli_name(name).ok_or_else(|| {
        format!(
            "unknown export format {name:?}; choose one of {}",
            names.join(", ")
        )
    })?;
    const FLAGS: [&str; 3] = ["--anonymize", "--force", "--no-bom"];
    let has = |flag: &str| rest.iter().any(|arg| arg == flag);
    let paths: Vec<&String> = rest
        .iter()
        .filter(|arg| !FLAGS.contains(&arg.as_str()))
        .collect();
    match paths.as_slice() {
        [project, out] if !project.starts_with("--") && !out.starts_with("--") => {
            Ok(Mode::Export {
                format,
                anonymize: has("--anonymize"),
                force: has("--force"),
                no_bom: has("--no-bom"),
                project: PathBuf::from(project),
                out: PathBuf::from(out),
            })
        }
        _ => Err("--export needs a project file and an output file".to_owned()),
    }
}

/// Loads `project`, writes the export to `out` atomically, and returns the
/// lines to print (warnings about a repaired file come first).
pub fn export(
    format: ExportFormat,
    options: ExportOptions,
    force: bool,
    project: &Path,
    out: &Path,
    now: NaiveDateTime,
) -> Result<String, String> {
    let loaded = load_project(project)?;
    check_output(out, project, force)?;
    let bytes = format
        .render(&loaded.project, options, now)
        .map_err(|error| format!("error: could not write the export: {error}"))?;
    write_export(out, &bytes)
        .map_err(|error| format!("error: could not write {}: {error}", out.display()))?;
    let mut lines: Vec<String> = loaded
        .warnings
        .iter()
        .map(|warning| format!("warning: {warning}"))
        .collect();
    if loaded.protection.is_some() && !options.anonymize {
        lines.push(format!(
            "note: {} is protected with a passphrase, but {} is not: keep it safe, or \
             export with --anonymize",
            project.display(),
            out.display()
        ));
    }
    lines.push(format!(
        "{}: {} written ({} bytes{})",
        out.display(),
        format.description(),
        bytes.len(),
        if options.anonymize {
            ", anonymized"
        } else {
            ""
        }
    ));
    Ok(lines.join("\n"))
}

/// The overwrite rule of the app, for the command line: nothing existing
/// is replaced without `--force`; the project itself, a file open in a
/// window, a folder, pipe or device never.
fn check_output(out: &Path, project: &Path, force: bool) -> Result<(), String> {
    match store::check_target(out, Some(project)) {
        store::Target::Free => Ok(()),
        store::Target::Replaceable { .. } if force => Ok(()),
        store::Target::Replaceable { read_only } => Err(format!(
            "error: {} already exists{}; add --force to replace it",
            out.display(),
            read_only.map_or_else(String::new, |reason| format!(" ({reason})"))
        )),
        store::Target::Refused(reason) => Err(format!("error: {reason}")),
    }
}

/// Loads `path` and returns the line to print and whether it succeeded.
pub fn check(path: &Path) -> Result<String, String> {
    match load_project(path) {
        Ok(loaded) => {
            let (people, meetings, intros) = loaded.project.counts();
            let mut line = format!(
                "{}: {} · {}",
                path.display(),
                crate::words::project_counts(people, meetings, intros),
                crate::words::count(loaded.warnings.len(), "warning", "warnings")
            );
            for warning in &loaded.warnings {
                line.push_str("\n  warning: ");
                line.push_str(warning);
            }
            Ok(line)
        }
        Err(error) => Err(error),
    }
}

/// Loads a project for a command-line mode; a protected one with the
/// passphrase of [`PASSPHRASE_VARIABLE`], else one typed at the terminal
/// (three tries).
pub fn load_project(path: &Path) -> Result<store::LoadedProject, String> {
    let failed = |error: store::LoadError| format!("error: {error}");
    match store::load(path) {
        Err(error) if matches!(error.kind, store::LoadErrorKind::NeedsPassphrase) => {}
        other => return other.map_err(failed),
    }
    if let Some(passphrase) = passphrase_from_environment() {
        return store::load_protected(path, Some(&passphrase)).map_err(failed);
    }
    let mut tries = 0;
    loop {
        let passphrase = ask_passphrase(&format!("Passphrase for {}: ", path.display()))?;
        tries += 1;
        match store::load_protected(path, Some(&passphrase)) {
            Err(error)
                if tries < 3
                    && matches!(
                        error.kind,
                        store::LoadErrorKind::Protected(store::CryptoError::WrongPassphrase)
                    ) =>
            {
                eprintln!("That passphrase does not open the file. Try again.");
            }
            other => return other.map_err(failed),
        }
    }
}

fn passphrase_from_environment() -> Option<store::Passphrase> {
    std::env::var(PASSPHRASE_VARIABLE)
        .ok()
        .filter(|text| !text.is_empty())
        .map(store::Passphrase::new)
}

/// Reads a passphrase typed at the terminal, not echoed.
fn ask_passphrase(prompt: &str) -> Result<store::Passphrase, String> {
    rpassword::prompt_password(prompt)
        .map(store::Passphrase::new)
        .map_err(|error| {
            format!(
                "error: the project is protected: set {PASSPHRASE_VARIABLE} or run in a \
                 terminal to type the passphrase ({error})"
            )
        })
}

/// The passphrase for a new protected file: the environment's, else typed
/// twice at the terminal.
fn new_passphrase() -> Result<store::Passphrase, String> {
    if let Some(passphrase) = passphrase_from_environment() {
        return Ok(passphrase);
    }
    let first = ask_passphrase("New passphrase: ")?;
    let again = ask_passphrase("The same passphrase again: ")?;
    if !again.matches_passphrase(&first) {
        return Err("error: the two passphrases differ; nothing was written".to_owned());
    }
    if first.is_empty() {
        return Err("error: an empty passphrase protects nothing; nothing was written".to_owned());
    }
    Ok(first)
}

/// `--encrypt IN OUT`: a protected copy of the project.
pub fn encrypt(input: &Path, out: &Path) -> Result<String, String> {
    let loaded = load_project(input)?;
    check_output(out, input, false)?;
    let passphrase = new_passphrase()?;
    let protection = store::Protection::new(passphrase);
    store::save_protected(&loaded.project, out, Some(&protection))
        .map_err(|error| format!("error: {error}"))?;
    Ok(format!(
        "{}: written, protected with the passphrase (work factor {}). A forgotten passphrase \
         cannot be recovered.",
        out.display(),
        protection.work_factor()
    ))
}

/// `--decrypt IN OUT`: a plain copy of a protected project.
pub fn decrypt(input: &Path, out: &Path) -> Result<String, String> {
    let loaded = load_project(input)?;
    check_output(out, input, false)?;
    store::save(&loaded.project, out).map_err(|error| format!("error: {error}"))?;
    Ok(format!(
        "{}: written as plain text; anyone who can read the file can read the project.",
        out.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn parses_each_mode() {
        assert_eq!(parse_args(&[]), Ok(Mode::Gui(None)));
        assert_eq!(
            parse_args(&args(&["a.ron"])),
            Ok(Mode::Gui(Some(PathBuf::from("a.ron"))))
        );
        assert_eq!(
            parse_args(&args(&["--check", "a.ron"])),
            Ok(Mode::Check(PathBuf::from("a.ron")))
        );
        assert_eq!(parse_args(&args(&["--help"])), Ok(Mode::Help));
        assert!(parse_args(&args(&["--check"])).is_err());
        assert!(parse_args(&args(&["--frobnicate"])).is_err());
        assert!(parse_args(&args(&["a", "b"])).is_err());
    }

    #[test]
    fn parses_exports_with_and_without_anonymizing() {
        assert_eq!(
            parse_args(&args(&["--export", "ics", "p.ron", "out.ics"])),
            Ok(Mode::Export {
                format: ExportFormat::Calendar,
                anonymize: false,
                force: false,
                no_bom: false,
                project: PathBuf::from("p.ron"),
                out: PathBuf::from("out.ics"),
            })
        );
        assert_eq!(
            parse_args(&args(&[
                "--export",
                "sheet-csv",
                "--anonymize",
                "p.ron",
                "--force",
                "o.csv"
            ])),
            Ok(Mode::Export {
                format: ExportFormat::SheetCsv,
                anonymize: true,
                force: true,
                no_bom: false,
                project: PathBuf::from("p.ron"),
                out: PathBuf::from("o.csv"),
            })
        );
        let unknown = parse_args(&args(&["--export", "pdf", "p.ron", "o.pdf"]));
        assert!(unknown.is_err_and(|e| e.contains("leaders-csv")));
        assert!(parse_args(&args(&["--export"])).is_err());
        assert!(parse_args(&args(&["--export", "ics", "p.ron"])).is_err());
        assert!(parse_args(&args(&["--export", "ics", "a", "b", "c"])).is_err());
    }

    #[test]
    fn parses_imports() {
        use crate::import::Field;
        assert_eq!(
            parse_args(&args(&[
                "--import",
                "r.csv",
                "p.ron",
                "--dry-run",
                "--map",
                "Job Class=role",
                "--map",
                "Site=organization"
            ])),
            Ok(Mode::Import {
                file: PathBuf::from("r.csv"),
                project: PathBuf::from("p.ron"),
                dry_run: true,
                overrides: vec![
                    ("Job Class".into(), Field::Role),
                    ("Site".into(), Field::Organization)
                ],
            })
        );
        assert!(parse_args(&args(&["--import", "r.csv"])).is_err());
        assert!(parse_args(&args(&["--import", "r.csv", "p.ron", "--map"])).is_err());
        let bad_field = parse_args(&args(&["--import", "r.csv", "p.ron", "--map", "A=shoe"]));
        assert!(bad_field.is_err_and(|e| e.contains("unknown field")));
        assert!(parse_args(&args(&["--import", "r.csv", "p.ron", "--merge"])).is_err());
    }
}
