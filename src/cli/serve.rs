//! `watch --serve`: the output folder over HTTP on loopback, for a policy officer to read the
//! HTML edition while editing. Pages get a small script that waits for the next rebuild and
//! reloads; the files on disk never contain it (the site itself needs no script).
//!
//! tiny_http is small, synchronous and has no async runtime to pull in; each request gets its
//! own thread so a page waiting for a rebuild never holds up another request.

use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use tiny_http::{Header, Request, Response, Server};

/// The build count, and a signal for the pages waiting on it.
#[derive(Default)]
pub struct Rebuilds {
    count: Mutex<u64>,
    changed: Condvar,
}

impl Rebuilds {
    /// Called after each good build: every waiting page reloads.
    pub fn bump(&self) {
        *self.count.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.changed.notify_all();
    }

    fn current(&self) -> u64 {
        *self.count.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits until the count differs from `seen`, or `timeout` passes; returns the count.
    fn wait_past(&self, seen: u64, timeout: Duration) -> u64 {
        let guard = self.count.lock().unwrap_or_else(|p| p.into_inner());
        let (guard, _) = self.changed.wait_timeout_while(guard, timeout, |c| *c == seen).unwrap_or_else(|p| p.into_inner());
        *guard
    }
}

/// Longest a page's request waits for a rebuild before asking again.
const WAIT: Duration = Duration::from_secs(25);

/// Starts serving `root` on `addr:port` in the background; returns the address bound (with
/// the real port when `port` was 0).
pub fn start(root: PathBuf, addr: IpAddr, port: u16, rebuilds: Arc<Rebuilds>) -> Result<std::net::SocketAddr, String> {
    let server = Server::http((addr, port)).map_err(|e| format!("cannot serve on {addr}:{port}: {e}"))?;
    let bound = server.server_addr().to_ip().ok_or("the server has no IP address")?;
    let root = Arc::new(root);
    std::thread::Builder::new()
        .name("guidepress-serve".into())
        .spawn(move || {
            for request in server.incoming_requests() {
                let (root, rebuilds) = (root.clone(), rebuilds.clone());
                let _ = std::thread::Builder::new().name("guidepress-request".into()).spawn(move || answer(request, &root, &rebuilds));
            }
        })
        .map_err(|e| format!("cannot start the server thread: {e}"))?;
    Ok(bound)
}

fn answer(request: Request, root: &Path, rebuilds: &Rebuilds) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == "/__guidepress/wait" {
        let seen = query.split('&').find_map(|kv| kv.strip_prefix("v=")).and_then(|v| v.parse().ok()).unwrap_or(0);
        let now = rebuilds.wait_past(seen, WAIT);
        let _ = request.respond(with_type(Response::from_string(now.to_string()), "text/plain; charset=utf-8"));
        return;
    }
    let Some(rel) = safe_relative(path) else {
        let _ = request.respond(Response::from_string("not found").with_status_code(404));
        return;
    };
    let mut file = root.join(&rel);
    if file.is_dir() {
        file = file.join("index.html");
    }
    if rel.as_os_str().is_empty() && !file.is_file() {
        // The output folder's root: go to the first brand's website.
        if let Some(index) = first_site(root) {
            let location = Header::from_bytes("Location", format!("/{}", index)).expect("a valid header");
            let _ = request.respond(Response::empty(302).with_header(location));
            return;
        }
    }
    // Only files inside the output folder, even through links.
    let inside = file.canonicalize().ok().zip(root.canonicalize().ok()).is_some_and(|(f, r)| f.starts_with(r));
    let bytes = if inside { std::fs::read(&file).ok() } else { None };
    let Some(mut bytes) = bytes else {
        let _ = request.respond(Response::from_string("not found").with_status_code(404));
        return;
    };
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        bytes = with_reload(bytes, rebuilds.current());
    }
    let _ = request.respond(with_type(Response::from_data(bytes), kind));
}

fn with_type<R: std::io::Read>(r: Response<R>, kind: &str) -> Response<R> {
    let no_store = Header::from_bytes("Cache-Control", "no-store").expect("a valid header");
    r.with_header(Header::from_bytes("Content-Type", kind).expect("a valid header")).with_header(no_store)
}

/// The page with a script before `</body>` that waits for the next rebuild, then reloads.
fn with_reload(page: Vec<u8>, version: u64) -> Vec<u8> {
    let script = format!(
        "<script>(function(){{var v={version};function poll(){{fetch('/__guidepress/wait?v='+v,{{cache:'no-store'}}).then(function(r){{return r.text()}}).then(function(t){{if(t!==String(v)){{location.reload()}}else{{poll()}}}}).catch(function(){{setTimeout(poll,2000)}})}}poll()}})();</script>\n"
    );
    let text = String::from_utf8_lossy(&page);
    match text.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &text[..at], &text[at..]).into_bytes(),
        None => page,
    }
}

/// The request path as a relative path with no `..`, percent-escapes decoded.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    rel.components().all(|c| matches!(c, Component::Normal(_))).then(|| rel.to_path_buf())
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.contains('\0'))
}

/// `<brand>/html/index.html` of the first brand (by name) that has a website.
fn first_site(root: &Path) -> Option<String> {
    let mut brands: Vec<String> = std::fs::read_dir(root)
        .ok()?
        .flatten()
        .filter(|e| e.path().join("html/index.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    brands.sort();
    brands.first().map(|b| format!("{b}/html/index.html"))
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ttf" => "font/ttf",
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_cannot_leave_the_output_folder() {
        assert_eq!(safe_relative("/lscp/html/index.html"), Some(PathBuf::from("lscp/html/index.html")));
        assert_eq!(safe_relative("/"), Some(PathBuf::new()));
        assert_eq!(safe_relative("/../etc/passwd"), None);
        assert_eq!(safe_relative("/lscp/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(safe_relative("/a%00b"), None);
    }

    #[test]
    fn pages_get_the_reload_script_before_the_end_of_body() {
        let page = with_reload(b"<html><body><p>x</p></body></html>".to_vec(), 3);
        let text = String::from_utf8(page).unwrap();
        assert!(text.contains("var v=3;") && text.ends_with("</script>\n</body></html>"));
    }
}
