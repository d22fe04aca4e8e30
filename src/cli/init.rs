//! `guidepress init DIR`: a new, buildable project copied from an existing one (by default the
//! bundled example), with only its default brand and that brand's logo.

use std::path::{Path, PathBuf};

use super::args::InitArgs;
use super::report::{self, EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use guidepress::util::files;

pub fn run(args: &InitArgs) -> u8 {
    let (dir, from) = (&args.dir, &args.from);
    if dir.exists() && std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
        return report::error(&format!("{} is not empty; init only writes into a new or empty folder", dir.display()), EXIT_USAGE);
    }
    let source = from.join("source");
    let checked = match guidepress::check(&guidepress::CheckRequest::new(&source)) {
        Ok(c) => c,
        Err(e) => return report::error(&format!("cannot read the example project in {}: {e}", from.display()), EXIT_USAGE),
    };
    let Some(g) = checked.guidance else {
        return report::error(&format!("the example source in {} has errors; run `guidepress check` there", from.display()), EXIT_CONTENT);
    };
    let brand = g.document.default_brand.clone();
    // Paths inside the source folder that belong to the kept brand: its file and its logo, by
    // what the brand file names (not by the logo's file name).
    let mut brand_files: Vec<PathBuf> = ["yaml", "yml"].iter().map(|ext| Path::new("brands").join(format!("{brand}.{ext}"))).collect();
    if let Some(logo) = g.brand(&brand).and_then(|b| b.logo.as_ref()) {
        brand_files.push(logo.path.clone());
    }
    let keep = |rel: &Path| !rel.starts_with("brands") || brand_files.iter().any(|b| b == rel);
    let result = (|| -> std::io::Result<()> {
        copy_tree(&from.join("templates"), &dir.join("templates"), &|_| true)?;
        copy_tree(&from.join("fonts"), &dir.join("fonts"), &|_| true)?;
        copy_tree(&source, &dir.join("source"), &keep)?;
        std::fs::create_dir_all(dir.join("output"))?;
        std::fs::write(dir.join(".gitignore"), "/output/\n")?;
        Ok(())
    })();
    if let Err(e) = result {
        return report::error(&format!("cannot write to {}: {e}", dir.display()), EXIT_USAGE);
    }
    println!("created {} (brand `{brand}`); next: cd {} && guidepress build", dir.display(), dir.display());
    EXIT_OK
}

/// Copies the files below `from` whose path relative to `from` passes `keep`.
fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for path in files::below(from, |_| true)? {
        let Ok(rel) = path.strip_prefix(from) else { continue };
        if !keep(rel) {
            continue;
        }
        let target = to.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(&path, &target)?;
    }
    Ok(())
}
