//! `guidepress watch`: build, then rebuild whenever a watched file changes. Polling keeps it
//! dependency-free and works the same on every file system. The library's [`Session`] gets
//! the list of changed files and rebuilds only the artefacts they touch.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use super::args::WatchArgs;
use super::build::build_in;
use guidepress::util::files;
use guidepress::Session;

type Snapshot = BTreeMap<PathBuf, (Option<SystemTime>, u64)>;

/// Modification times and sizes of every file under the watched folders.
fn snapshot(dirs: &[PathBuf]) -> Snapshot {
    dirs.iter()
        .flat_map(|d| files::below(d, |_| true).unwrap_or_default())
        .map(|p| {
            let m = std::fs::metadata(&p).ok();
            let stamp = (m.as_ref().and_then(|m| m.modified().ok()), m.map_or(0, |m| m.len()));
            (p, stamp)
        })
        .collect()
}

/// Files added, removed or changed between two snapshots.
fn changed(before: &Snapshot, after: &Snapshot) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = after.iter().filter(|(p, s)| before.get(*p) != Some(s)).map(|(p, _)| p.clone()).collect();
    out.extend(before.keys().filter(|p| !after.contains_key(*p)).cloned());
    out
}

pub fn run(args: &WatchArgs) -> u8 {
    let build = &args.build;
    // Fonts stay loaded and typst's memoised layout is reused between builds in this process,
    // so a rebuild after a small edit only redoes what changed.
    let dirs = vec![build.src.source.clone(), build.project.join("templates"), build.project.join("fonts")];
    // Snapshot before the first build so an edit made while it runs is not missed.
    let mut last = snapshot(&dirs);
    let mut session = Session::default();
    let reloads = std::sync::Arc::new(super::serve::Rebuilds::default());
    build_in(&mut session, build, None);
    if let Some(port) = args.serve {
        match super::serve::start(build.out.clone(), args.bind, port, reloads.clone()) {
            // Printed whole on one line, so a script (or a test) can read the address.
            Ok(addr) => println!("serving {} on http://{addr}/ (the HTML edition reloads after each rebuild)", build.out.display()),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        }
    }
    println!("watching {} for changes (Ctrl-C to stop)", dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", "));
    let mut rebuilds = 0;
    loop {
        std::thread::sleep(Duration::from_millis(args.poll_ms));
        let now = snapshot(&dirs);
        let edited = changed(&last, &now);
        if edited.is_empty() {
            continue;
        }
        last = now;
        let started = Instant::now();
        match build_in(&mut session, build, Some(&edited)) {
            0 => {
                reloads.bump();
                println!("rebuilt in {} ms", started.elapsed().as_millis())
            }
            _ => println!("rebuild failed (see above); still watching"),
        }
        rebuilds += 1;
        if args.max_rebuilds.is_some_and(|m| rebuilds >= m) {
            return 0;
        }
    }
}
