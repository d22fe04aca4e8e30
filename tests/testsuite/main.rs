//! Every integration test in one binary (as mdBook's `tests/testsuite`): one link of the
//! library instead of one per file. Each module is one area; `common` holds the fixtures.

mod common;

mod architecture;
mod check_errors;
mod cli;
mod crash_safety;
mod docx_edition;
mod figures;
mod flyers;
mod hostile_input;
mod html_edition;
mod pdf_edition;
mod pdfua_conformance;
mod print_rules;
mod release_gates;
mod scale;
mod style_lint;
mod yaml_traps;
