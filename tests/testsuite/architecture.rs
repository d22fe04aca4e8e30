//! The map in docs/architecture.md, checked against the code: the library's rooms depend on
//! each other only in the directions the map allows, clap stays in the command line, and no
//! two files of one folder import each other in a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules of the library and the modules each may use. The pipeline runs
/// source → load → validate → model ← render ← build ← cli; `util`, `diag` and `picture` are
/// neutral helpers.
const ALLOWED: &[(&str, &[&str])] = &[
    ("util", &[]),
    ("diag", &[]),
    ("write", &[]),
    ("picture", &["util"]),
    ("model", &["diag", "util"]),
    ("source", &["diag", "model", "util"]),
    ("load", &["source", "model", "diag", "util"]),
    ("validate", &["load", "model", "diag", "util", "picture"]),
    ("check", &["load", "validate", "model", "diag"]),
    ("render", &["model", "diag", "util", "picture"]),
    ("build", &["check", "render", "model", "diag", "load", "write", "util"]),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without comments and without its `#[cfg(test)]` module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// The module path of a file: `src/render/docx/blocks.rs` → ["render", "docx", "blocks"].
fn module_of(path: &Path) -> Vec<String> {
    let rel = path.strip_prefix(src()).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every path that starts with `prefix` (`crate::` or `super::`), with `use prefix{a, b::c}`
/// groups expanded: returns the first segment after the prefix.
fn first_segments(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().last();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn library_layers_depend_only_in_the_allowed_directions() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut problems = Vec::new();
    for f in &files {
        let module = module_of(f);
        let Some(top) = module.first().map(String::as_str) else { continue };
        if top == "lib" || top == "main" || top == "cli" {
            continue;
        }
        let Some(may) = allowed.get(top) else {
            problems.push(format!("{}: top-level module `{top}` is not on the map", f.display()));
            continue;
        };
        for used in first_segments(&code(f), "crate::") {
            if used != top && !may.contains(&used.as_str()) && used != "DEFAULT_FONT" {
                problems.push(format!("{}: `{top}` uses `crate::{used}`", f.strip_prefix(src()).unwrap().display()));
            }
        }
    }
    assert!(problems.is_empty(), "imports against the map in docs/architecture.md:\n{}", problems.join("\n"));
}

#[test]
fn clap_is_used_only_by_the_command_line() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for f in files {
        let module = module_of(&f);
        if module[0] == "main" || module[0] == "cli" {
            continue;
        }
        assert!(!code(&f).contains("clap"), "{} uses clap; the library must not", f.display());
    }
}

#[test]
fn no_two_files_of_a_folder_import_each_other_in_a_circle() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    // Edges between sibling modules (files of one folder, not counting its mod.rs).
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(f)).collect();
    for f in &files {
        if f.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs" || n == "main.rs") {
            continue;
        }
        let module = module_of(f);
        let parent = &module[..module.len() - 1];
        let text = code(f);
        let mut targets: BTreeSet<String> = first_segments(&text, "super::");
        let crate_prefix = format!("crate::{}::", parent.join("::"));
        if !parent.is_empty() {
            targets.extend(first_segments(&text, &crate_prefix));
        }
        for t in targets {
            let mut sibling = parent.to_vec();
            sibling.push(t);
            if sibling != module && modules.contains(&sibling) {
                edges.entry(module.clone()).or_default().insert(sibling);
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        m: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<String>,
    ) -> Option<String> {
        match state.get(m) {
            Some(1) => return Some(format!("{} -> {}", stack.join(" -> "), m.join("::"))),
            Some(2) => return None,
            _ => {}
        }
        state.insert(m.clone(), 1);
        stack.push(m.join("::"));
        for n in edges.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(n, edges, state, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        state.insert(m.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in edges.keys() {
        if let Some(cycle) = visit(m, &edges, &mut state, &mut Vec::new()) {
            panic!("import circle: {cycle}");
        }
    }
    assert!(edges.len() > 10, "the scan found too few imports ({}) to mean anything", edges.len());
}
