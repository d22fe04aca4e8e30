//! Small helpers with no place in the pipeline's rooms, used by more than one of them: the
//! sorted file walk, did-you-mean suggestions and file-type sniffing. They depend on nothing
//! else in the crate.

pub mod files;
pub mod placeholders;
pub mod sniff;
pub mod suggest;
pub mod words;
