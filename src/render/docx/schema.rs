//! Child-element order required by the WordprocessingML schema (ECMA-376 Part 1, transitional
//! `wml.xsd`) for the containers docx-rs writes out of order. Only sequences are listed; the
//! order inside `xsd:choice` groups (e.g. `w:trPr`, `w:tabs`) is free.

/// `w:pPr` in a paragraph (CT_PPr). Styles and numbering levels use CT_PPrGeneral: the same
/// without `w:rPr`, `w:sectPr` (removed by the fixup).
const PPR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// `w:rPr` (CT_RPr, and CT_ParaRPr whose revision marks come first).
const RPR: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

const SECT_PR: &[&str] = &[
    // headerReference / footerReference form one choice group: same rank, order kept.
    "w:headerReference|w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

const TBL_PR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

const TC_PR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

const BORDERS: &[&str] =
    &["w:top", "w:left|w:start", "w:bottom", "w:right|w:end", "w:insideH", "w:insideV", "w:tl2br", "w:tr2bl", "w:between", "w:bar"];

const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

const LVL: &[&str] = &[
    "w:start",
    "w:numFmt",
    "w:lvlRestart",
    "w:pStyle",
    "w:isLgl",
    "w:suff",
    "w:lvlText",
    "w:lvlPicBulletId",
    "w:legacy",
    "w:lvlJc",
    "w:pPr",
    "w:rPr",
];

const ABSTRACT_NUM: &[&str] = &["w:nsid", "w:multiLevelType", "w:tmpl", "w:name", "w:styleLink", "w:numStyleLink", "w:lvl"];

/// The ordered sequence for `parent`'s children, if the schema fixes one that docx-rs breaks.
/// `*` stands for "any other child", kept in its original relative order.
pub fn order(parent: &str) -> Option<&'static [&'static str]> {
    Some(match parent {
        "w:pPr" => PPR,
        "w:rPr" => RPR,
        "w:sectPr" => SECT_PR,
        "w:tblPr" => TBL_PR,
        "w:tcPr" => TC_PR,
        "w:pBdr" | "w:tblBorders" | "w:tcBorders" | "w:tblCellMar" | "w:tcMar" => BORDERS,
        "w:style" => STYLE,
        "w:lvl" => LVL,
        "w:abstractNum" => ABSTRACT_NUM,
        "w:numPr" => &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"],
        "w:num" => &["w:abstractNumId", "w:lvlOverride"],
        "w:lvlOverride" => &["w:startOverride", "w:lvl"],
        "w:numbering" => &["w:numPicBullet", "w:abstractNum", "w:num", "w:numIdMacAtCleanup"],
        "w:styles" => &["w:docDefaults", "w:latentStyles", "w:style"],
        "w:docDefaults" => &["w:rPrDefault", "w:pPrDefault"],
        // Block containers: properties first, then the content in its own order.
        "w:tbl" => &["w:tblPr", "w:tblGrid", "*"],
        "w:tr" => &["w:tblPrEx", "w:trPr", "*"],
        "w:tc" => &["w:tcPr", "*"],
        "w:p" => &["w:pPr", "*"],
        "w:r" => &["w:rPr", "*"],
        "w:body" => &["*", "w:sectPr"],
        _ => return None,
    })
}

/// Rank of `child` within `seq`, or `None` if the schema does not allow it there.
pub fn rank(seq: &[&str], child: &str) -> Option<usize> {
    let wildcard = seq.iter().position(|s| *s == "*");
    seq.iter().position(|s| s.split('|').any(|n| n == child)).or(wildcard)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_the_schema() {
        let ppr = order("w:pPr").unwrap();
        assert!(rank(ppr, "w:pStyle") < rank(ppr, "w:numPr"));
        assert!(rank(ppr, "w:numPr") < rank(ppr, "w:spacing"));
        assert!(rank(ppr, "w:outlineLvl") < rank(ppr, "w:rPr"));
        assert_eq!(rank(ppr, "w:nonsense"), None);
        let sect = order("w:sectPr").unwrap();
        assert_eq!(rank(sect, "w:headerReference"), rank(sect, "w:footerReference"));
        assert!(rank(sect, "w:footerReference") < rank(sect, "w:pgSz"));
        let body = order("w:body").unwrap();
        assert!(rank(body, "w:p") < rank(body, "w:sectPr"));
        let style = order("w:style").unwrap();
        assert!(rank(style, "w:basedOn") < rank(style, "w:qFormat"));
        assert!(rank(style, "w:pPr") < rank(style, "w:rPr"));
    }
}
