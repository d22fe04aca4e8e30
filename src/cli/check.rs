//! `guidepress check`.

use super::args::SourceArgs;
use super::report;

pub fn run(args: &SourceArgs) -> u8 {
    let request = guidepress::CheckRequest::new(&args.source).deny_warnings(args.deny_warnings);
    match guidepress::check(&request) {
        Ok(checked) => report::checked(&checked, &args.source, false),
        Err(e) => report::error(&e.to_string(), report::EXIT_USAGE),
    }
}
