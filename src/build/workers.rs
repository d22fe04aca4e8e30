//! Building jobs in parallel, each artefact streamed to the transaction as soon as it is made.
//!
//! The jobs run on threads of our own rather than on rayon's pool: typst parallelises inside
//! one compile with rayon, and a rayon worker that waits inside a typst compile steals other
//! queued work — with our jobs on the same pool that meant whole compiles stacked one on top
//! of another on one thread's stack until it overflowed (seen from about 16 brands). Our
//! threads only ever run one job at a time; typst's inner tasks keep rayon to themselves.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use super::kind::{RenderError, RenderInputs};
use super::manifest::{sha256_hex, Report};
use super::plan::Job;
use crate::diag::Diagnostic;
use crate::model::Guidance;
use crate::write::Transaction;

/// Each worker's stack: typst's layout recursion is deep for long documents.
const WORKER_STACK: usize = 64 * 1024 * 1024;

/// A built and staged artefact.
pub struct Done {
    /// The artefact's file first, then any files it brought beside it (a website's pages).
    pub reports: Vec<Report>,
    pub warnings: Vec<Diagnostic>,
}

/// Why one artefact failed.
#[derive(Debug, thiserror::Error)]
pub enum JobFailure {
    #[error("{path}: {error}")]
    Render { path: String, error: RenderError },
    #[error("cannot write {path}: {error}")]
    Write { path: String, error: std::io::Error },
}

/// Runs `jobs` on `threads` workers, staging each output into `out` (and its typst sources
/// into `emit`). Results come back in job order. After the first failure no new job starts.
pub fn run(
    g: &Guidance,
    jobs: &[Job<'_>],
    inputs: &RenderInputs,
    out: &Transaction,
    emit: Option<&Transaction>,
    threads: usize,
    keep_cache_for: usize,
) -> (Vec<Done>, Vec<JobFailure>) {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<Done, JobFailure>)>> = Mutex::new(Vec::with_capacity(jobs.len()));
    let failed = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        for n in 0..threads.clamp(1, jobs.len().max(1)) {
            let worker = || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= jobs.len() || failed.load(Ordering::SeqCst) {
                    break;
                }
                let result = one(g, &jobs[i], inputs, out, emit);
                if result.is_err() {
                    failed.store(true, Ordering::SeqCst);
                }
                results.lock().unwrap_or_else(|p| p.into_inner()).push((i, result));
                // typst memoises layout across compiles; entries unused for the last
                // `keep_cache_for` jobs are dropped so memory stays flat however many brands
                // are built, while a watch rebuild still finds the previous build's entries.
                comemo::evict(keep_cache_for);
            };
            let spawned = std::thread::Builder::new().name(format!("guidepress-{n}")).stack_size(WORKER_STACK).spawn_scoped(scope, worker);
            if let Err(e) = spawned {
                results
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push((usize::MAX, Err(JobFailure::Write { path: "<worker thread>".into(), error: e })));
            }
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    results.sort_by_key(|(i, _)| *i);
    let mut done = Vec::new();
    let mut errors = Vec::new();
    for (_, r) in results {
        match r {
            Ok(d) => done.push(d),
            Err(e) => errors.push(e),
        }
    }
    (done, errors)
}

fn one(g: &Guidance, job: &Job<'_>, inputs: &RenderInputs, out: &Transaction, emit: Option<&Transaction>) -> Result<Done, JobFailure> {
    let started = Instant::now();
    let path = job.path(g);
    let shown = path.to_string_lossy().replace('\\', "/");
    let rendered =
        (job.kind.spec().render)(g, job.brand, &job.id, inputs).map_err(|error| JobFailure::Render { path: shown.clone(), error })?;
    out.stage(&path, &rendered.bytes).map_err(|error| JobFailure::Write { path: shown.clone(), error })?;
    if let Some(emit) = emit {
        let base = path.with_extension("");
        for (p, bytes) in &rendered.typst_sources {
            let rel = base.join(Path::new(p.trim_start_matches('/')));
            emit.stage(&rel, bytes).map_err(|error| JobFailure::Write { path: rel.display().to_string(), error })?;
        }
    }
    let report = |path: String, bytes: &[u8], pages| Report {
        path,
        kind: job.kind,
        brand: job.brand.id.clone(),
        id: job.id.clone(),
        bytes: bytes.len(),
        pages,
        sha256: sha256_hex(bytes),
        millis: started.elapsed().as_millis(),
    };
    let mut reports = vec![report(shown, &rendered.bytes, rendered.pages)];
    let folder = path.parent().unwrap_or(Path::new(""));
    for (rel, bytes) in &rendered.more_files {
        let p = folder.join(rel);
        let shown = p.to_string_lossy().replace('\\', "/");
        out.stage(&p, bytes).map_err(|error| JobFailure::Write { path: shown.clone(), error })?;
        reports.push(report(shown, bytes, None));
    }
    Ok(Done { reports, warnings: rendered.warnings })
}
