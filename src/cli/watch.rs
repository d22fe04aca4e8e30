//! `guidepress watch`: build, then rebuild whenever a watched file changes. Polling keeps it
//! dependency-free and works the same on every file system.

use std::path::PathBuf;
use std::time::Instant;

use crate::{build, BuildArgs};

/// Modification times and sizes of every file under the watched folders.
fn snapshot(dirs: &[PathBuf]) -> Vec<(PathBuf, Option<std::time::SystemTime>, u64)> {
    let mut out: Vec<_> = dirs
        .iter()
        .flat_map(|d| guidepress::files::below(d, |_| true).unwrap_or_default())
        .map(|p| {
            let m = std::fs::metadata(&p).ok();
            let (time, len) = (m.as_ref().and_then(|m| m.modified().ok()), m.map_or(0, |m| m.len()));
            (p, time, len)
        })
        .collect();
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
