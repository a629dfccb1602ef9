//! Usage errors in one line, pointing at the help of the (sub)command that was typed.

use super::args::Cli;

/// A usage error as one line, `<what is wrong>; see '<command> --help'`, or `None` for clap's
/// own displays (help, version, or help shown because nothing was asked) that print as they are.
pub fn usage_error_line(error: &clap::Error, args: &[String]) -> Option<String> {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let rendered = error.render().to_string();
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines
        .next()
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ");
    // "the following required arguments were not provided:" names them on the next line.
    let what = match (first.strip_suffix(':'), lines.next()) {
        (Some(head), Some(named)) => format!("{head}: {named}"),
        _ => first.to_string(),
    };
    Some(format!(
        "{what}; see '{} --help'",
        command_path(args).join(" ")
    ))
}

/// "skillgap role show" for `skillgap role show --bogus`: the (sub)command whose help answers a
/// usage error. clap's message names it for some errors only (not for a bad value).
fn command_path(args: &[String]) -> Vec<String> {
    use clap::CommandFactory;
    let mut command = Cli::command();
    let mut path = vec![command.get_name().to_string()];
    for arg in args.iter().skip(1).filter(|a| !a.starts_with('-')) {
        let Some(sub) = command.find_subcommand(arg).cloned() else {
            break;
        };
        path.push(sub.get_name().to_string());
        command = sub;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    fn usage_error_of(args: &[&str]) -> String {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let error = Cli::try_parse_from(&args).unwrap_err();
        usage_error_line(&error, &args).unwrap()
    }

    #[test]
    fn usage_errors_fit_on_one_line() {
        let line = usage_error_of(&["skillgap", "analyze", "cv.pdf", "--colour"]);
        assert!(
            line.starts_with("unexpected argument '--colour' found"),
            "{line}"
        );
        assert!(line.ends_with("; see 'skillgap analyze --help'"), "{line}");
        assert!(!line.contains('\n'));
        let help = Cli::try_parse_from(["skillgap", "--help"]).unwrap_err();
        assert_eq!(usage_error_line(&help, &[]), None);
    }

    #[test]
    fn a_bad_value_points_at_the_subcommand_help() {
        let line = usage_error_of(&["skillgap", "role", "show", "x", "--bogus"]);
        assert!(
            line.ends_with("; see 'skillgap role show --help'"),
            "{line}"
        );
        let line = usage_error_of(&["skillgap", "analyze", "cv.pdf", "--top", "many"]);
        assert!(
            line.starts_with("invalid value 'many' for '--top <N>'"),
            "{line}"
        );
        assert!(line.ends_with("; see 'skillgap analyze --help'"), "{line}");
    }
}
