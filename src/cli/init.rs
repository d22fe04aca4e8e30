//! `guidepress init DIR`: a new, buildable project copied from an existing one (by default the
//! bundled example), with only its default brand.

use std::path::Path;

use crate::{io_error, EXIT_CONTENT, EXIT_USAGE};

pub fn run(dir: &Path, from: &Path) -> Result<(), u8> {
    if dir.exists() && std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
        eprintln!("error: {} is not empty; init only writes into a new or empty folder", dir.display());
        return Err(EXIT_USAGE);
    }
    let checked = guidepress::check(&from.join("source"), guidepress::today()).map_err(|e| {
        eprintln!("error: cannot read the example project in {}: {e}", from.display());
        EXIT_USAGE
    })?;
    let Some(g) = checked.guidance else {
        eprintln!("error: the example source in {} has errors; run `guidepress check` there", from.display());
        return Err(EXIT_CONTENT);
    };
    let brand = g.document.default_brand.clone();
    let result = (|| -> std::io::Result<()> {
        copy_tree(&from.join("templates"), &dir.join("templates"), &|_| true)?;
        copy_tree(&from.join("fonts"), &dir.join("fonts"), &|_| true)?;
        // One brand: the default one, with its logo.
        let keep = |p: &Path| {
            let in_brands = p.components().any(|c| c.as_os_str() == "brands");
            !in_brands || p.is_dir() || p.file_stem().is_some_and(|s| s.to_string_lossy() == brand)
        };
        copy_tree(&from.join("source"), &dir.join("source"), &keep)?;
        std::fs::create_dir_all(dir.join("output"))?;
        std::fs::write(dir.join(".gitignore"), "/output/\n")?;
        Ok(())
    })();
    result.map_err(|e| io_error(dir, e))?;
    println!("created {} (brand `{brand}`); next: cd {} && guidepress build", dir.display(), dir.display());
    Ok(())
}

fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut entries: Vec<_> = std::fs::read_dir(from)?.flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let path = e.path();
        if !keep(&path) {
            continue;
        }
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_tree(&path, &target, keep)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}
