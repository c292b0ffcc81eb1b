//! Starts the Relational window, or runs a command-line mode.

use std::process::ExitCode;

use relational::app::RelationalApp;
use relational::cli::{self, Mode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Labels in printed reports follow the system; the window applies the
    // saved choice when it opens.
    relational::dates::set_style(relational::dates::DateStyle::system());
    match cli::parse_args(&args) {
        Ok(Mode::Help) => {
            println!("{}", cli::USAGE);
            ExitCode::SUCCESS
        }
        Ok(Mode::Check(path)) => report(cli::check(&path)),
        Ok(Mode::Export {
            format,
            anonymize,
            force,
            no_bom,
            project,
            out,
        }) => {
            let options = relational::export::ExportOptions {
                anonymize,
                bom: !no_bom,
            };
            let now = chrono::Local::now().naive_local();
            report(cli::export(format, options, force, &project, &out, now))
        }
        Ok(Mode::Agenda { project, today }) => {
            let now = chrono::Local::now().naive_local();
            // A given day is read from its start: the morning digest.
            let now = today.map_or(now, |day| day.and_time(chrono::NaiveTime::MIN));
            report(cli::agenda(&project, now))
        }
        Ok(Mode::Import {
            file,
            project,
            dry_run,
            overrides,
        }) => {
            let today = chrono::Local::now().date_naive();
            match cli::import(&file, &project, dry_run, &overrides, today) {
                Ok(report) => {
                    println!("{report}");
                    ExitCode::SUCCESS
                }
                Err(cli::ImportFailure::Unreadable(message)) => {
                    eprintln!("{message}");
                    ExitCode::FAILURE
                }
                Err(cli::ImportFailure::BadArguments(message)) => {
                    eprintln!("{message}");
                    ExitCode::from(2)
                }
            }
        }
        Ok(Mode::Encrypt { input, out }) => report(cli::encrypt(&input, &out)),
        Ok(Mode::Decrypt { input, out }) => report(cli::decrypt(&input, &out)),
        Ok(Mode::Gui(path)) => run_gui(path),
        Err(message) => {
            eprintln!("relational: {message}\n\n{}", cli::USAGE);
            ExitCode::from(2)
        }
    }
}

/// Prints a command-line mode's outcome: the summary on stdout and exit 0,
/// or the reason on stderr and exit 1.
fn report(outcome: Result<String, String>) -> ExitCode {
    match outcome {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run_gui(path: Option<std::path::PathBuf>) -> ExitCode {
    // The settings list recent projects: keep them from other users.
    if let Some(folder) = eframe::storage_dir("relational")
        && let Err(error) = relational::workspace::make_private(&folder)
    {
        eprintln!(
            "relational: could not make {} private: {error}",
            folder.display()
        );
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id("relational")
            .with_title("Relational")
            .with_inner_size([1200.0, 780.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Relational",
        options,
        Box::new(move |cc| Ok(Box::new(RelationalApp::new(cc, path)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("relational: could not open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
