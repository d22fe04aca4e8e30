//! The PDF edition, typeset by typst.
