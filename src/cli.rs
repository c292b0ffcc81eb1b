//! The command line: `relational [PATH]`, `relational --check PATH`.

use std::path::{Path, PathBuf};

use crate::store;

/// What the command line asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Open the window, with this file or the last one.
    Gui(Option<PathBuf>),
    /// Load a file, print a summary, exit.
    Check(PathBuf),
    /// Print usage.
    Help,
}

/// Usage text.
pub const USAGE: &str = "\
Usage:
  relational [PROJECT.ron]      open the app (the last project, or the demo)
  relational --check PROJECT    load a project, print a summary, exit 0 if it is sound
  relational --help             show this text";

/// Reads the arguments (without the program name).
pub fn parse_args(args: &[String]) -> Result<Mode, String> {
    match args {
        [] => Ok(Mode::Gui(None)),
        [flag] if flag == "--help" || flag == "-h" => Ok(Mode::Help),
        [flag, path] if flag == "--check" => Ok(Mode::Check(PathBuf::from(path))),
        [flag] if flag == "--check" => Err("--check needs a project file".to_owned()),
        [path] if !path.starts_with("--") => Ok(Mode::Gui(Some(PathBuf::from(path)))),
        _ => Err(format!("unexpected arguments: {}", args.join(" "))),
    }
}

/// Loads `path` and returns the line to print and whether it succeeded.
pub fn check(path: &Path) -> Result<String, String> {
    match store::load(path) {
        Ok(loaded) => {
            let (people, meetings, intros) = loaded.project.counts();
            let mut line = format!(
                "{}: {people} people, {meetings} meetings, {intros} introductions, {} warning(s)",
                path.display(),
                loaded.warnings.len()
            );
            for warning in &loaded.warnings {
                line.push_str("\n  warning: ");
                line.push_str(warning);
            }
            Ok(line)
        }
        Err(error) => Err(format!("error: {error}")),
    }
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
}
