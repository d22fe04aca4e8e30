//! `guidepress watch`: build, then rebuild whenever a watched file changes. Polling keeps it
//! dependency-free and works the same on every file system.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::{build, BuildArgs};

/// Modification times and sizes of every file under the watched folders.
fn snapshot(dirs: &[PathBuf]) -> Vec<(PathBuf, Option<std::time::SystemTime>, u64)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Option<std::time::SystemTime>, u64)>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let path = e.path();
            match e.metadata() {
                Ok(m) if m.is_dir() => walk(&path, out),
                Ok(m) => out.push((path, m.modified().ok(), m.len())),
                Err(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    for d in dirs {
        walk(d, &mut out);
    }
    out.sort();
    out
}

pub fn run(args: &BuildArgs, poll_ms: u64, max_rebuilds: Option<u32>) -> Result<(), u8> {
    // Fonts stay loaded (FontStore::shared) and typst's memoised layout is reused between
    // builds in this process, so a rebuild after a small edit only redoes what changed.
    let dirs = vec![args.src.source.clone(), args.project.join("templates"), args.project.join("fonts")];
    // Snapshot before the first build so an edit made while it runs is not missed.
    let mut last = snapshot(&dirs);
    let _ = build(args);
    println!("watching {} for changes (Ctrl-C to stop)", dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", "));
    let mut rebuilds = 0;
    loop {
        std::thread::sleep(std::time::Duration::from_millis(poll_ms));
        let now = snapshot(&dirs);
        if now == last {
            continue;
        }
        last = now;
        let started = Instant::now();
        match build(args) {
            Ok(()) => println!("rebuilt in {} ms", started.elapsed().as_millis()),
            Err(_) => println!("rebuild failed (see above); still watching"),
        }
        rebuilds += 1;
        if max_rebuilds.is_some_and(|m| rebuilds >= m) {
            return Ok(());
        }
    }
}
