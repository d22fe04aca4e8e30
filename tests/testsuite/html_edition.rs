//! The HTML edition, read back: the site's pages, ids, links and manifest entries from the
//! files themselves; user text fed through every field that reaches the HTML comes out as
//! text; and (always in CI) Chromium with axe-core and the Nu HTML checker agree with it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use guidepress::model::{Block, Callout, CalloutKind, Edge, Guidance, Inline, Level, LinkTarget, Text};
use guidepress::render::html::{self, Downloads, HtmlOptions};

fn guidepress() -> Command {
    Command::new(env!("CARGO_BIN_EXE_guidepress"))
}

/// Builds `source` with `args` into `out`; panics with the error output if the build fails.
fn build(source: &Path, out: &Path, args: &[&str]) {
    let o = guidepress()
        .args(["build", "-q", "--project"])
        .arg(repo())
        .arg("--source")
        .arg(source)
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Values of attribute `name` in `html`, in order (the templates always quote with `"`).
fn attrs(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let unescape = |v: &str| v.replace("&#x2f;", "/").replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    html.split(&needle).skip(1).map(|rest| unescape(rest.split('"').next().unwrap_or(""))).collect()
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "html")).collect();
    v.sort();
    v
}

#[test]
fn the_site_has_a_page_per_section_with_source_ids_and_every_link_resolves() {
    let out = tempfile::tempdir().unwrap();
    build(&repo().join("source"), out.path(), &[]);
    let site = out.path().join("lscp/html");
    let checked = guidepress::check(&guidepress::CheckRequest::new(repo().join("source")).on(today())).unwrap();
    let g: Guidance = checked.guidance.unwrap();

    // One page per top-level section and appendix, plus the index and the one-page edition.
    let mut expected: BTreeSet<String> = g.sections.iter().chain(&g.appendices).map(|s| format!("{}.html", s.id)).collect();
    expected.extend(["index.html".to_string(), "all.html".to_string()]);
    // And one per worksheet, which links to its printable PDF.
    expected.extend(g.worksheets.iter().map(|w| format!("worksheet-{}.html", w.id)));
    let found: BTreeSet<String> = html_files(&site).iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(found, expected);

    // Headings carry the source ids, so `#response-pathway` links are stable.
    let all = read(&site.join("all.html"));
    for s in g.all_sections() {
        assert!(all.contains(&format!(" id=\"{}\"", s.id)), "all.html has no id {}", s.id);
        let page = read(
            &site.join(format!("{}.html", g.sections.iter().chain(&g.appendices).find(|t| t.id == s.id || contains(t, &s.id)).unwrap().id)),
        );
        assert!(page.contains(&format!(" id=\"{}\"", s.id)), "{}'s page has no id {}", s.id, s.id);
    }

    for page in html_files(&site) {
        let html = read(&page);
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"), "{name}: no doctype or lang");
        assert!(html.contains("<a class=\"skip-link\" href=\"#main\">"), "{name}: no skip link");
        assert!(html.contains("<main id=\"main\""), "{name}: no main");
        assert!(!html.to_lowercase().contains("<script"), "{name}: a script");
        // The contents marks this page as the current one, exactly once.
        let current: Vec<&str> = html.match_indices("aria-current=\"page\"").map(|(i, _)| &html[..i]).collect();
        assert!(current.iter().any(|before| before.ends_with(&format!("href=\"{name}\" "))), "{name}: not marked current in the contents");
        // Every relative link and picture resolves, with its anchor.
        for target in attrs(&html, "href").into_iter().chain(attrs(&html, "src")) {
            if target.starts_with("https:")
                || target.starts_with("http:")
                || target.starts_with("mailto:")
                || target.starts_with("tel:")
                || target.starts_with("sms:")
            {
                continue;
            }
            let (file, anchor) = target.split_once('#').map_or((target.as_str(), None), |(f, a)| (f, Some(a)));
            let file = if file.is_empty() { site.join(&name) } else { site.join(file) };
            assert!(file.is_file(), "{name}: {target} does not exist");
            if let Some(a) = anchor {
                assert!(read(&file).contains(&format!(" id=\"{a}\"")), "{name}: {target} has no such anchor");
            }
        }
    }

    // The index: crisis panel first, then contents, downloads with their sizes, document control.
    let index = read(&site.join("index.html"));
    let at = |s: &str| index.find(s).unwrap_or_else(|| panic!("index.html has no {s:?}"));
    assert!(at("If a young person is in danger now") < at("id=\"contents\""));
    assert!(index.contains("href=\"tel:116123\""), "Samaritans is not a tel: link");
    assert!(index.contains("href=\"sms:85258?body=SHOUT\""), "Shout is not an sms: link");
    assert!(index.contains("<details class=\"details\">\n<summary>Document control</summary>"));
    let pdf_bytes = std::fs::metadata(out.path().join("lscp/self-harm-practice-guidance.pdf")).unwrap().len();
    let docx_bytes = std::fs::metadata(out.path().join("lscp/self-harm-practice-guidance.docx")).unwrap().len();
    assert!(index.contains(&format!("Download the PDF edition ({} kB)", (pdf_bytes as f64 / 1000.0).round())), "PDF size not shown");
    assert!(index.contains(&format!("Download the Word edition ({} kB)", (docx_bytes as f64 / 1000.0).round())), "Word size not shown");

    let sheet = read(&site.join("worksheet-my-safety-plan.html"));
    let pdf = std::fs::metadata(out.path().join("lscp/worksheets/my-safety-plan.pdf")).unwrap().len();
    assert!(sheet.contains(&format!("(PDF, {} kB)", (pdf as f64 / 1000.0).round())), "no print link with the size");

    // The pathway: inline SVG with title and desc, then the same steps as an ordered list.
    let responding = read(&site.join("responding.html"));
    let svg = &responding[responding.find("<svg").unwrap()..responding.find("</svg>").unwrap()];
    assert!(svg.contains("role=\"img\"") && svg.contains("<title id=") && svg.contains("<desc id="));
    let steps = &responding[responding.find("<ol class=\"pathway-steps\">").unwrap()..];
    let pathway =
        g.all_sections().into_iter().flat_map(|s| &s.blocks).find_map(|b| if let Block::Pathway(p) = b { Some(p) } else { None }).unwrap();
    for s in &pathway.steps {
        assert!(steps.contains(&format!("<li id=\"{}-{}\">", pathway.id, s.id)), "step {} missing from the text version", s.id);
    }

    // The manifest lists every file of the site with its hash.
    let manifest: serde_json::Value = serde_json::from_str(&read(&out.path().join("manifest.json"))).unwrap();
    let listed: Vec<&serde_json::Value> = manifest["artefacts"].as_array().unwrap().iter().filter(|a| a["kind"] == "html").collect();
    let on_disk = walk(&site);
    assert_eq!(listed.len(), on_disk.len(), "the manifest does not list every file of the site");
    for a in listed {
        let bytes = std::fs::read(out.path().join(a["path"].as_str().unwrap())).unwrap();
        assert_eq!(a["sha256"].as_str().unwrap(), sha256(&bytes));
    }
}

fn contains(s: &guidepress::model::Section, id: &str) -> bool {
    s.sections.iter().any(|c| c.id == id || contains(c, id))
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn only_html_builds_the_site_alone_with_no_links_to_files_it_did_not_build_and_twice_the_same() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let src = minimal();
    build(src.path(), a.path(), &["--only", "html"]);
    build(src.path(), b.path(), &["--only", "html"]);
    assert!(!a.path().join("test/test-guidance.pdf").exists());
    let index = read(&a.path().join("test/html/index.html"));
    assert!(!index.contains(".pdf\"") && !index.contains(".docx\""), "links to files this build did not make");
    for f in walk(&a.path().join("test/html")) {
        let rel = f.strip_prefix(a.path()).unwrap();
        assert!(std::fs::read(&f).unwrap() == std::fs::read(b.path().join(rel)).unwrap(), "{} differs between builds", rel.display());
    }
    assert!(read(&a.path().join("manifest.json")) == read(&b.path().join("manifest.json")));
}

/// Strings that would be markup, an event handler, a script address or the end of a style
/// element if they were printed unescaped.
const CORPUS: &str = "<script>alert(1)</script>\" onmouseover=\"alert(2)\" '><img src=x onerror=alert(3)></style><!--";

/// Every text field of the minimal fixture that reaches the HTML set to the corpus.
fn hostile_model() -> Guidance {
    let dir = minimal();
    let checked = guidepress::check(&guidepress::CheckRequest::new(dir.path()).on(today())).unwrap();
    let mut g = checked.guidance.unwrap();
    let x = || CORPUS.to_string();
    let t = || Text::plain(CORPUS);
    let d = &mut g.document;
    (d.title, d.short_title, d.subtitle, d.partnership, d.version, d.edition, d.author) = (x(), x(), Some(x()), x(), x(), x(), x());
    (d.crisis_line, d.approved_by, d.supersedes, d.audience) = (Some(x()), Some(x()), Some(x()), vec![x()]);
    d.accessibility_statement = t();
    d.accessibility_contact = t();
    d.crisis_contacts = vec!["samaritans".into()];
    g.revisions[0].author = x();
    g.revisions[0].summary = t();
    let c = &mut g.contacts[0];
    (c.name, c.phone, c.text, c.email, c.hours, c.audience) = (x(), Some(x()), Some(x()), Some(x()), Some(x()), Some(x()));
    c.website = Some("javascript:alert(4)".into());
    c.description = Some(t());
    let b = &mut g.brands[0];
    b.name = x();
    if let Some(l) = &mut b.logo {
        l.alt = x();
    }
    let s = &mut g.sections[0];
    (s.title, s.number) = (x(), x());
    s.blocks.extend([
        Block::Paragraph(Text(vec![
            Inline::Text(x()),
            Inline::Link { target: LinkTarget::Url("javascript:alert(5)".into()), content: vec![Inline::Text(x())] },
            Inline::Emph(vec![Inline::Text(x())]),
        ])),
        Block::Bullets(vec![guidepress::model::ListItem { text: t(), children: vec![] }]),
        Block::Callout(Callout { kind: CalloutKind::Important, title: Some(x()), text: Some(t()), items: vec![t()] }),
        Block::Table(guidepress::model::Table { caption: Some(x()), widths: vec![], header: vec![x()], rows: vec![vec![t(), t()]] }),
        Block::Definition { term: x(), text: t(), source: Some(x()) },
        Block::Quote { text: t(), source: Some(x()) },
        Block::LevelsOfNeed(vec![Level { level: 1, name: x(), summary: t(), response: Some(t()), examples: vec![t()] }]),
    ]);
    for b in g.sections[1].blocks.iter_mut() {
        if let Block::Pathway(p) = b {
            p.title = x();
            for s in &mut p.steps {
                s.text = t();
            }
            p.steps[1].next = vec![Edge { to: "call".into(), label: Some(x()) }, Edge { to: "done".into(), label: Some(x()) }];
        }
    }
    let w = &mut g.worksheets[0];
    (w.title, w.audience, w.intro) = (x(), Some(x()), Some(t()));
    w.parts.push(guidepress::model::Part::Scale { levels: vec![x(), x()], columns: vec![x()] });
    w.parts.push(guidepress::model::Part::Table { header: vec![x()], rows: 2 });
    w.parts.push(guidepress::model::Part::Starters(vec![t()]));
    std::mem::forget(dir); // the model's pictures are read from the fixture folder
    g
}

#[test]
fn user_text_in_every_field_comes_out_as_text() {
    let g = hostile_model();
    let brand = g.brands[0].clone();
    let options = HtmlOptions {
        templates: &repo().join("templates"),
        fonts: &[],
        downloads: &Downloads::default(),
        measure: &guidepress::render::flowchart::Approx,
    };
    let site = html::render(&g, &brand, &options).unwrap();
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)&quot; &#39;&gt;&lt;img src=x onerror=alert(3)&gt;&lt;/style&gt;&lt;!--";
    // (The templates escape `/` and `'` as `&#x2f;` and `&#x27;`; Rust's escaper leaves `/`.)
    let same_escapes = |b: &[u8]| String::from_utf8_lossy(b).replace("&#x2f;", "/").replace("&#x27;", "&#39;");
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in &site.files {
        let text = String::from_utf8_lossy(bytes);
        if path.ends_with(".html") {
            let lower = text.to_lowercase();
            assert!(!lower.contains("<script"), "{path}: a script element");
            let addresses = attrs(&lower, "href").into_iter().chain(attrs(&lower, "src"));
            assert!(addresses.into_iter().all(|a| !a.trim_start().starts_with("javascript:")), "{path}: a javascript: address");
            assert!(!text.contains("onmouseover=\"") && !text.contains("<img src=x"), "{path}: an event handler attribute or element");
            assert!(!text.contains("</style>") && !text.contains("<!--"), "{path}: the corpus broke out of its element");
            assert!(same_escapes(bytes).contains(escaped) || path != "index.html", "{path}: the corpus is not printed as text");
        } else if path.ends_with(".css") {
            assert!(!text.contains('<'), "{path}: markup in the style sheet");
        }
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    // Every field reached a page: the first section's page shows the corpus in each block.
    let intro = site.files.iter().find(|(p, _)| p == "intro.html").map(|(_, b)| same_escapes(b)).unwrap();
    assert!(intro.matches(escaped).count() >= 20, "only {} escaped copies on the section page", intro.matches(escaped).count());
    // A real HTML parser agrees the pages are well formed (always in CI).
    vnu(dir.path());
}

/// Runs the Nu HTML checker on `dir`; skipped with a note outside CI when Java or the jar
/// cannot be had.
fn vnu(dir: &Path) {
    let o = Command::new("bash").arg(repo().join("scripts/vnu-check.sh")).arg(dir).output().unwrap();
    let report = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    match o.status.code() {
        Some(0) => assert!(report.contains(" 0 errors"), "{report}"),
        Some(2) if std::env::var_os("CI").is_none() => eprintln!("note: the Nu HTML checker is not available here; skipping\n{report}"),
        _ => panic!("the Nu HTML checker found errors:\n{report}"),
    }
}

#[test]
fn both_brands_pass_axe_links_keyboard_and_the_nu_checker_in_chromium() {
    let out = tempfile::tempdir().unwrap();
    build(&repo().join("source"), out.path(), &["--all-brands"]);
    let sites: Vec<PathBuf> = ["lscp", "northbrook"].iter().map(|b| out.path().join(b).join("html")).collect();
    vnu(out.path());
    let shots = repo().join("target/html-screenshots");
    let o = Command::new("node").arg(repo().join("tests/browser/check.mjs")).arg("--shots").arg(&shots).args(&sites).output();
    let o = match o {
        Ok(o) => o,
        Err(e) if std::env::var_os("CI").is_none() => return eprintln!("note: node is not available here ({e}); skipping"),
        Err(e) => panic!("cannot run node: {e}"),
    };
    let report = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    match o.status.code() {
        Some(0) => {
            assert!(report.contains("browser-check: ") && report.contains(" 0 failures"), "{report}");
            let pages: usize = sites.iter().map(|s| html_files(s).len()).sum();
            assert!(report.contains(&format!("browser-check: {pages} pages")), "not every page was checked:\n{report}");
            assert!(shots.join("northbrook/index-375.png").is_file() && shots.join("lscp/index-1280.png").is_file());
        }
        Some(2) if std::env::var_os("CI").is_none() => {
            eprintln!("note: Chromium or the npm packages are not installed here; skipping\n{report}")
        }
        _ => panic!("the browser checks failed:\n{report}"),
    }
}

/// A GET over plain HTTP/1.1 on loopback; the body, or panics after `timeout`.
fn get(addr: &str, path: &str, timeout: std::time::Duration) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(timeout)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut reply = String::new();
    s.read_to_string(&mut reply).unwrap_or_else(|e| panic!("GET {path}: {e}"));
    assert!(reply.starts_with("HTTP/1.1 200"), "GET {path}: {}", reply.lines().next().unwrap_or(""));
    reply.split_once("\r\n\r\n").map(|(_, body)| body.to_string()).unwrap_or_default()
}

/// Kills the watch process however the test ends.
struct Killed(std::process::Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn watch_serve_shows_an_edit_on_the_page_after_the_rebuild() {
    use std::io::BufRead;
    use std::time::Duration;
    let src = minimal();
    let out = tempfile::tempdir().unwrap();
    let mut child = guidepress()
        .args(["watch", "--serve", "0", "-q", "--poll-ms", "50", "--project"])
        .arg(repo())
        .arg("--source")
        .arg(src.path())
        .arg("--out")
        .arg(out.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _guard = Killed(child);
    // The address is printed once the first build is done; read it on a thread so a hung
    // start fails the test instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let addr = loop {
        let line = rx.recv_timeout(Duration::from_secs(120)).expect("watch --serve printed no address");
        if let Some(rest) = line.split("on http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    assert!(addr.starts_with("127.0.0.1:"), "not on loopback: {addr}");
    let page = get(&addr, "/test/html/intro.html", Duration::from_secs(30));
    assert!(page.contains("See <a href=\"respond.html#pathway\">the pathway</a>"), "{page}");
    let version = page.split("var v=").nth(1).and_then(|r| r.split(';').next()).expect("no reload script").to_string();

    // A page's wait for the next rebuild, as the reload script makes it.
    let waiting = {
        let (addr, path) = (addr.clone(), format!("/__guidepress/wait?v={version}"));
        std::thread::spawn(move || get(&addr, &path, Duration::from_secs(60)))
    };
    edit(src.path(), "guidance.yaml", "See [the pathway]", "Now read [the pathway]");
    let now = waiting.join().unwrap();
    assert!(now.trim().parse::<u64>().is_ok_and(|n| n.to_string() != version.trim()), "the wait ended without a rebuild: {now}");
    let page = get(&addr, "/test/html/intro.html", Duration::from_secs(30));
    assert!(page.contains("Now read <a href=\"respond.html#pathway\">"), "the edit is not served");
    // The files on disk stay free of the reload script.
    assert!(!read(&out.path().join("test/html/intro.html")).contains("<script"));
}
