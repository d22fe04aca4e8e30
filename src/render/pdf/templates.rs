//! minijinja templates that produce typst source.
//!
//! Auto-escaping is on for every `.typ.j2` template and our formatter turns each printed value
//! into a typst string literal (see [`super::escape`]), so a template cannot forget to escape
//! user text. Values that are already typst markup (inline text rendered by `escape::inline`)
//! are passed as minijinja *safe* strings; the `safe` filter itself is removed so templates
//! cannot mark user text safe. Code positions use the `str` filter (a bare string literal).

use std::path::Path;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior};

use super::escape;
use super::PdfError;

/// An environment that loads templates from `dir` (usually `templates/`).
pub fn environment(dir: &Path) -> Environment<'static> {
    let mut env = Environment::new();
    let dir = dir.to_path_buf();
    env.set_loader(move |name| {
        if name.contains("..") || name.starts_with('/') {
            return Ok(None);
        }
        match std::fs::read_to_string(dir.join(name)) {
            Ok(s) => Ok(Some(s)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::new(ErrorKind::InvalidOperation, format!("cannot read template `{name}`: {e}"))),
        }
    });
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| if name.ends_with(".typ.j2") { AutoEscape::Custom("typst".into()) } else { AutoEscape::None });
    env.set_formatter(|out, state, value| {
        if value.is_safe() || *state.auto_escape() == AutoEscape::None {
            return minijinja::escape_formatter(out, state, value);
        }
        if value.is_none() || value.is_undefined() {
            return Ok(());
        }
        if let Some(b) = value.as_str() {
            out.write_str(&escape::markup_literal(b)).map_err(Error::from)
        } else if value.is_number() || value.kind() == minijinja::value::ValueKind::Bool {
            out.write_str(&escape::markup_literal(&value.to_string())).map_err(Error::from)
        } else {
            Err(Error::new(
                ErrorKind::InvalidOperation,
                format!("cannot print a {} into typst; loop over it or pick a field", value.kind()),
            ))
        }
    });
    env.remove_filter("safe");
    env.add_filter("str", |v: Value| -> Result<Value, Error> {
        if v.is_undefined() {
            return Err(Error::new(ErrorKind::UndefinedError, "undefined value passed to `str` (is a field name misspelt?)"));
        }
        match v.as_str() {
            Some(s) => Ok(Value::from_safe_string(escape::string_literal(s))),
            None if v.is_number() => Ok(Value::from_safe_string(escape::string_literal(&v.to_string()))),
            None => Err(Error::new(ErrorKind::InvalidOperation, "the `str` filter takes text")),
        }
    });
    env.add_filter("num", |v: Value| -> Result<Value, Error> {
        if v.is_undefined() {
            return Err(Error::new(ErrorKind::UndefinedError, "undefined value passed to `num` (is a field name misspelt?)"));
        }
        match (v.is_number(), f64::try_from(v.clone())) {
            (true, Ok(n)) if n.is_finite() => Ok(Value::from_safe_string(v.to_string())),
            _ => Err(Error::new(ErrorKind::InvalidOperation, "the `num` filter takes a number")),
        }
    });
    env.add_filter("lowerfirst", |s: &str| crate::util::words::lower_first(s));
    env.add_filter("label", |s: &str| Value::from_safe_string(escape::label(s)));
    env
}

/// Renders template `name` with `ctx`, with template errors shown with their line.
pub fn render(env: &Environment<'_>, name: &str, ctx: Value) -> Result<String, PdfError> {
    let tmpl = env.get_template(name).map_err(describe)?;
    tmpl.render(ctx).map_err(describe)
}

/// A template error as `templates/<file>:<line>: <what>`, naming the innermost template (an
/// error inside an included partial points at the partial, then says where it was included).
fn describe(e: Error) -> PdfError {
    let mut chain: Vec<&Error> = vec![&e];
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        if let Some(inner) = s.downcast_ref::<Error>() {
            chain.push(inner);
        }
        source = s.source();
    }
    let innermost = chain.iter().rev().find(|c| c.name().is_some() && c.line().is_some()).copied().unwrap_or(&e);
    let what = innermost.detail().map(str::to_string).unwrap_or_else(|| innermost.kind().to_string());
    let mut msg = match (innermost.name(), innermost.line()) {
        (Some(name), Some(line)) => format!("templates/{name}:{line}: {what}"),
        _ => e.to_string(),
    };
    for outer in chain.iter().rev().skip_while(|c| !std::ptr::eq(**c, innermost)).skip(1) {
        if let (Some(name), Some(line)) = (outer.name(), outer.line()) {
            msg.push_str(&format!(" (included from templates/{name}:{line})"));
        }
    }
    PdfError::Template(msg)
}

/// Markup already rendered from the model (safe to print as is).
pub fn markup(s: String) -> Value {
    Value::from_safe_string(s)
}
