//! The site's minijinja environment: templates from `templates/html/`, HTML auto-escaping for
//! every `.html.j2` template, and no `safe` filter, so a template cannot print user text
//! unescaped. Values that are already HTML (inline text, the chart) come in as safe values
//! made by Rust.

use std::path::Path;

use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior};

use super::HtmlError;

pub fn environment(dir: &Path) -> Environment<'static> {
    let mut env = Environment::new();
    let dir = dir.to_path_buf();
    env.set_loader(move |name| {
        if name.contains("..") || name.starts_with('/') || name.contains('\\') {
            return Ok(None);
        }
        match std::fs::read_to_string(dir.join(name)) {
            Ok(s) => Ok(Some(s)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::new(ErrorKind::InvalidOperation, format!("cannot read template `{name}`: {e}"))),
        }
    });
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // The style sheet is the one template without HTML escaping; it is given only colours
    // (validated hex) and font names already written as CSS strings.
    env.set_auto_escape_callback(|name| if name.ends_with(".html.j2") { AutoEscape::Html } else { AutoEscape::None });
    env.remove_filter("safe");
    env.add_filter("lowerfirst", |s: &str| crate::util::words::lower_first(s));
    env
}

pub fn render(env: &Environment<'_>, name: &str, ctx: minijinja::Value) -> Result<String, HtmlError> {
    let describe = |e: Error| {
        let mut inner: &Error = &e;
        while let Some(next) = std::error::Error::source(inner).and_then(|s| s.downcast_ref::<Error>()) {
            inner = next;
        }
        let what = inner.detail().map(str::to_string).unwrap_or_else(|| inner.kind().to_string());
        match (inner.name(), inner.line()) {
            (Some(n), Some(l)) => HtmlError::Template(format!("templates/html/{n}:{l}: {what}")),
            _ => HtmlError::Template(format!("templates/html/{name}: {e}")),
        }
    };
    env.get_template(name).map_err(describe)?.render(ctx).map_err(describe)
}
