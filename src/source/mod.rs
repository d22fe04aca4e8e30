//! Reading YAML with locations: the parser front end ([`yaml`]), typed decoding that collects
//! every problem ([`decode`]) and the inline Markdown subset ([`inline`]).

pub mod decode;
pub mod inline;
pub mod yaml;
