//! Numbering definitions behind the list styles. Three multi-level abstract definitions
//! (bullets, numbers, check boxes); every list in the document gets its own `w:num` instance so
//! that numbered lists restart at 1 (`w:startOverride` on each level).

use docx_rs::{
    AbstractNumbering, IndentLevel, Level, LevelJc, LevelOverride, LevelText, NumberFormat, Numbering, NumberingId, RunFonts,
    SpecialIndentType, Start,
};

/// docx-rs always writes its own abstract numbering and instance with id 1 (removed by the
/// fixup), so ours start at 2.
pub const BULLET_ABSTRACT: usize = 2;
pub const NUMBER_ABSTRACT: usize = 3;
pub const CHECK_ABSTRACT: usize = 4;
/// The instances the list styles point at.
pub const BULLET_NUM: usize = 2;
pub const NUMBER_NUM: usize = 3;
pub const CHECK_NUM: usize = 4;
const FIRST_INSTANCE: usize = 5;

/// Levels defined in each abstract numbering (Word's maximum).
pub const LEVELS: usize = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Bullet,
    Number,
    Check,
}

/// One list's numbering instance, recorded to be written into numbering.xml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Instance {
    num_id: usize,
    kind: ListKind,
}

#[derive(Debug, Default)]
pub struct Lists {
    instances: Vec<Instance>,
}

impl Lists {
    /// A new list: its own `w:num`, restarting every level.
    pub fn start(&mut self, kind: ListKind) -> usize {
        let num_id = FIRST_INSTANCE + self.instances.len();
        self.instances.push(Instance { num_id, kind });
        num_id
    }

    /// Abstract definitions and instances for numbering.xml.
    pub fn definitions(&self) -> (Vec<AbstractNumbering>, Vec<Numbering>) {
        let abstracts = vec![abstract_for(ListKind::Bullet), abstract_for(ListKind::Number), abstract_for(ListKind::Check)];
        let mut nums = vec![
            Numbering::new(BULLET_NUM, BULLET_ABSTRACT),
            Numbering::new(NUMBER_NUM, NUMBER_ABSTRACT),
            Numbering::new(CHECK_NUM, CHECK_ABSTRACT),
        ];
        for i in &self.instances {
            let restart = (0..LEVELS).map(|l| LevelOverride::new(l).start(1)).collect();
            nums.push(Numbering::new(i.num_id, abstract_id(i.kind)).overrides(restart));
        }
        (abstracts, nums)
    }
}

pub fn abstract_id(kind: ListKind) -> usize {
    match kind {
        ListKind::Bullet => BULLET_ABSTRACT,
        ListKind::Number => NUMBER_ABSTRACT,
        ListKind::Check => CHECK_ABSTRACT,
    }
}

/// Indentation of list level `l` (0-based): text at 0.75 cm per level, marker hanging 0.5 cm.
pub fn indent(l: usize) -> (i32, i32) {
    let left = 425 * (l as i32 + 1);
    (left, 284)
}

fn abstract_for(kind: ListKind) -> AbstractNumbering {
    let mut a = AbstractNumbering::new(abstract_id(kind));
    a.multi_level_type = Some("multilevel".into());
    for l in 0..LEVELS {
        let (fmt, text) = match kind {
            ListKind::Bullet => ("bullet", ["\u{2022}", "\u{2013}", "\u{25AA}"][l % 3].to_string()),
            ListKind::Number => (["decimal", "lowerLetter", "lowerRoman"][l % 3], format!("%{}.", l + 1)),
            ListKind::Check => ("bullet", "\u{2610}".to_string()),
        };
        let (left, hanging) = indent(l);
        let mut level = Level::new(l, Start::new(1), NumberFormat::new(fmt), LevelText::new(text), LevelJc::new("left")).indent(
            Some(left),
            Some(SpecialIndentType::Hanging(hanging)),
            None,
            None,
        );
        if kind == ListKind::Check {
            // The ballot box is not in every text face; name faces that have it.
            level = level.fonts(RunFonts::new().ascii("Segoe UI Symbol").hi_ansi("Segoe UI Symbol").cs("DejaVu Sans"));
        }
        a = a.add_level(level);
    }
    a
}

pub fn num_id(id: usize) -> NumberingId {
    NumberingId::new(id)
}

pub fn level(l: usize) -> IndentLevel {
    IndentLevel::new(l.min(LEVELS - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_gets_its_own_restarting_instance() {
        let mut lists = Lists::default();
        let a = lists.start(ListKind::Number);
        let b = lists.start(ListKind::Number);
        let c = lists.start(ListKind::Bullet);
        assert!(a != b && b != c && a >= FIRST_INSTANCE);
        let (abstracts, nums) = lists.definitions();
        assert_eq!(abstracts.len(), 3);
        assert_eq!(nums.len(), 6);
        assert!(abstracts.iter().all(|x| x.levels.len() == LEVELS));
    }
}
