//! A build that remembers the last one, so `watch` rebuilds only the artefacts an edit
//! touches: the model of the last good build is compared with the new one, part by part, as
//! each kind's [`Spec::changed`](super::Spec) says which parts it reads.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::kind::{Made, RenderInputs};
use super::manifest::{Manifest, Report};
use super::plan::{plan, Job};
use super::workers;
use super::{BrandChoice, BuildFailure, BuildRequest, Built, Problem};
use crate::check::{check, CheckRequest};
use crate::model::{Brand, Guidance};
use crate::render::pdf::PdfResources;
use crate::write::{self, Transaction};

/// The state kept between builds.
#[derive(Default)]
pub struct Session {
    previous: Option<Previous>,
}

struct Previous {
    guidance: Guidance,
    reports: Vec<Report>,
    /// The request's settings that decide what is built; a change means a full build.
    settings: String,
}

impl Session {
    /// Builds `request`. `changed` lists the files changed since this session's last build;
    /// `None` (unknown) means a full build. Artefacts whose inputs did not change, and whose
    /// file is still in place, are kept and listed in the manifest as before.
    pub fn build(&mut self, request: &BuildRequest, changed: Option<&[PathBuf]>) -> Result<Built, BuildFailure> {
        let started = Instant::now();
        // Each folder is written as a transaction holding its own lock: one folder inside the
        // other would wait on itself for ever.
        if let Some(emit) = &request.emit_typst {
            let (a, b) =
                (std::path::absolute(emit).unwrap_or(emit.clone()), std::path::absolute(&request.out).unwrap_or(request.out.clone()));
            if a.starts_with(&b) || b.starts_with(&a) {
                return Err(BuildFailure::new(Problem::Setup(format!(
                    "--emit-typst {} and --out {} overlap; give the typst sources a folder of their own",
                    emit.display(),
                    request.out.display()
                ))));
            }
        }
        // Finish whatever an interrupted earlier build committed, even if this one fails.
        if request.out.is_dir() {
            write::recover(&request.out).map_err(|error| BuildFailure::new(Problem::Write { path: request.out.clone(), error }))?;
        }
        let checked = check(&CheckRequest { source: request.source.clone(), today: request.today, deny_warnings: request.deny_warnings })
            .map_err(|e| BuildFailure::new(Problem::Unreadable(e)))?;
        let failed = checked.failed();
        let (diags, files) = (checked.diags, checked.files);
        let fail = |problem, diags, files| BuildFailure { problem, diags, files };
        let g = match checked.guidance {
            Some(g) if !failed => g,
            _ => return Err(fail(Problem::Content, diags, files)),
        };
        let brands = match choose_brands(&g, &request.brands) {
            Ok(b) => b,
            Err(p) => return Err(fail(p, diags, files)),
        };
        let resources = match PdfResources::open(&request.project) {
            Ok(r) => r,
            Err(e) => return Err(fail(Problem::Setup(e.to_string()), diags, files)),
        };
        // Once per brand here, rather than once per artefact from every worker.
        let font_problems: Vec<String> =
            brands.iter().filter_map(|b| resources.check_brand_fonts(b).err()).map(|e| e.to_string()).collect();
        if !font_problems.is_empty() {
            return Err(fail(Problem::Brand(font_problems), diags, files));
        }
        let timestamp = match request.timestamp.map(Ok).unwrap_or_else(|| crate::check::build_timestamp(&g)) {
            Ok(t) => t,
            Err(e) => return Err(fail(Problem::Setup(e), diags, files)),
        };

        let jobs = plan(&g, &brands, &request.only);
        let settings =
            format!("{:?}|{:?}|{:?}|{}|{}", request.brands, request.only, request.emit_typst, timestamp, request.project.display());
        let reuse = self.reusable(&g, &jobs, &settings, changed, &request.out);

        let write_fail = |path: &Path, error| Problem::Write { path: path.to_path_buf(), error };
        let out = match Transaction::begin(&request.out) {
            Ok(t) => t,
            Err(e) => return Err(fail(write_fail(&request.out, e), diags, files)),
        };
        let emit = match request.emit_typst.as_deref().map(Transaction::begin).transpose() {
            Ok(t) => t,
            Err(e) => return Err(fail(write_fail(request.emit_typst.as_deref().unwrap_or(Path::new("")), e), diags, files)),
        };
        let threads = if request.threads == 0 { std::thread::available_parallelism().map_or(2, |n| n.get()) } else { request.threads };
        let per_brand = jobs.len() / brands.len().max(1);
        // Two rounds: kinds that link to other artefacts (the website) are built once the
        // files they link to exist, and are told what those are.
        let mut done: Vec<(usize, workers::Done)> = Vec::new();
        let made = |r: &Report| Made { kind: r.kind, brand: r.brand.clone(), id: r.id.clone(), path: r.path.clone(), bytes: r.bytes };
        let mut built: Vec<Made> = reuse.iter().flatten().flatten().map(made).collect();
        for late in [false, true] {
            let round: Vec<usize> = (0..jobs.len()).filter(|&i| reuse[i].is_none() && jobs[i].kind.spec().late == late).collect();
            let todo: Vec<Job> = round.iter().map(|&i| jobs[i].clone()).collect();
            let inputs = RenderInputs { timestamp, pdf: &resources, built: &built };
            let (finished, failures) = workers::run(&g, &todo, &inputs, &out, emit.as_ref(), threads, 2 * per_brand.max(8));
            if !failures.is_empty() {
                return Err(fail(Problem::Render(failures), diags, files));
            }
            built.extend(finished.iter().flat_map(|d| d.reports.iter().map(made)));
            done.extend(round.into_iter().zip(finished));
        }
        done.sort_by_key(|(i, _)| *i);

        let mut fresh = done.iter().map(|(_, d)| &d.reports);
        let reports: Vec<Report> =
            reuse.into_iter().flat_map(|r| r.unwrap_or_else(|| fresh.next().cloned().expect("one set of reports per job built"))).collect();
        let manifest = Manifest::new(&g, brands.iter().map(|b| b.id.clone()).collect(), reports, timestamp);
        if let Err(e) = out.stage(Path::new("manifest.json"), manifest.to_json().as_bytes()) {
            return Err(fail(write_fail(&request.out, e), diags, files));
        }
        if let Some(emit) = emit {
            let dir = emit.out().to_path_buf();
            if let Err(e) = emit.commit() {
                return Err(fail(write_fail(&dir, e), diags, files));
            }
        }
        if let Err(e) = out.commit() {
            return Err(fail(write_fail(&request.out, e), diags, files));
        }

        let warnings = done.iter().flat_map(|(_, d)| d.warnings.iter().map(|w| (d.reports[0].path.clone(), w.clone()))).collect();
        let rebuilt = done.into_iter().flat_map(|(_, d)| d.reports).collect();
        self.previous = Some(Previous { guidance: g, reports: manifest.artefacts.clone(), settings });
        Ok(Built { diags, files, manifest, rebuilt, warnings, millis: started.elapsed().as_millis() })
    }

    /// For each job, the previous reports if the artefact can be kept as it is. (A kind that
    /// writes several files is always rebuilt, so a kept artefact is one file.)
    fn reusable(&self, g: &Guidance, jobs: &[Job], settings: &str, changed: Option<&[PathBuf]>, out: &Path) -> Vec<Option<Vec<Report>>> {
        let (Some(prev), Some(changed)) = (&self.previous, changed) else { return vec![None; jobs.len()] };
        if prev.settings != settings || changed.iter().any(|p| !p.starts_with(&g.root)) {
            return vec![None; jobs.len()]; // templates, fonts or settings changed
        }
        jobs.iter()
            .map(|job| {
                let spec = job.kind.spec();
                let path = job.path(g);
                let report = prev.reports.iter().find(|r| Path::new(&r.path) == path)?;
                let on_disk = std::fs::metadata(out.join(&path)).ok().filter(|m| m.len() == report.bytes as u64);
                let same_brand = prev.guidance.brand(&job.brand.id) == Some(job.brand);
                let mut assets = (spec.assets)(g, &job.id);
                assets.extend(job.brand.logo.iter().map(|l| l.path.clone()));
                let asset_changed = changed.iter().any(|c| assets.iter().any(|a| g.root.join(a) == *c));
                let keep = on_disk.is_some() && same_brand && !asset_changed && !(spec.changed)(&prev.guidance, g, &job.id);
                keep.then(|| vec![Report { millis: 0, ..report.clone() }])
            })
            .collect()
    }
}

fn choose_brands<'a>(g: &'a Guidance, choice: &BrandChoice) -> Result<Vec<&'a Brand>, Problem> {
    let id = match choice {
        BrandChoice::All => return Ok(g.brands.iter().collect()),
        BrandChoice::Default => &g.document.default_brand,
        BrandChoice::One(id) => id,
    };
    g.brand(id)
        .map(|b| vec![b])
        .ok_or_else(|| Problem::UnknownBrand { id: id.clone(), available: g.brands.iter().map(|b| b.id.clone()).collect() })
}
