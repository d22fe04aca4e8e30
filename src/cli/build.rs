//! `guidepress build`.

use super::args::BuildArgs;
use super::report;
use guidepress::{BrandChoice, BuildRequest, Session};

/// The library request these arguments ask for.
pub fn request(args: &BuildArgs) -> BuildRequest {
    let brands = match (&args.brand, args.all_brands) {
        (_, true) => BrandChoice::All,
        (Some(id), false) => BrandChoice::One(id.clone()),
        (None, false) => BrandChoice::Default,
    };
    BuildRequest {
        project: args.project.clone(),
        brands,
        only: args.only.clone(),
        emit_typst: args.emit_typst.clone(),
        deny_warnings: args.src.deny_warnings,
        threads: args.jobs,
        ..BuildRequest::new(&args.src.source, &args.out)
    }
}

pub fn run(args: &BuildArgs) -> u8 {
    build_in(&mut Session::default(), args, None)
}

/// One build in `session` (a full one when `changed` is `None`), reported.
pub fn build_in(session: &mut Session, args: &BuildArgs, changed: Option<&[std::path::PathBuf]>) -> u8 {
    let request = request(args);
    let result = session.build(&request, changed);
    report::build(&result, args)
}
