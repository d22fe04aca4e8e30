//! Writes the parts into the zip package: a fixed entry order, no directory entries, the same
//! modification time on every entry (from the build timestamp, never the clock) and fixed
//! permissions, so equal input gives equal bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::model::Date;

/// The zip (DOS) time for `ts`, clamped to the range the format can hold (1980–2107).
pub fn zip_time(ts: i64) -> DateTime {
    let d = Date::from_days_since_epoch(ts.div_euclid(86_400));
    let s = ts.rem_euclid(86_400);
    let year = d.year.clamp(1980, 2107) as u16;
    let (month, day) = if d.year == i32::from(year) {
        (d.month, d.day)
    } else if d.year < 1980 {
        (1, 1)
    } else {
        (12, 31)
    };
    DateTime::from_date_and_time(year, month, day, (s / 3600) as u8, (s / 60 % 60) as u8, (s % 60) as u8).unwrap_or_default()
}

pub fn zip(parts: &[(String, Vec<u8>)], timestamp: i64) -> Result<Vec<u8>, String> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_time(timestamp))
        .unix_permissions(0o644);
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        w.start_file(name.as_str(), options).map_err(|e| format!("{name}: {e}"))?;
        w.write_all(bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(w.finish().map_err(|e| e.to_string())?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_times_are_clamped_and_exact() {
        let t = zip_time(1_619_740_800 + 3_600);
        assert_eq!((t.year(), t.month(), t.day(), t.hour(), t.minute()), (2021, 4, 30, 1, 0));
        assert_eq!(zip_time(0).year(), 1980);
        assert_eq!(zip_time(i64::from(u32::MAX) * 2).year(), 2107);
    }

    #[test]
    fn same_parts_same_bytes() {
        let parts = vec![("a.xml".to_string(), b"<a/>".to_vec()), ("b/c.xml".to_string(), b"<c/>".to_vec())];
        assert_eq!(zip(&parts, 1_000_000_000).unwrap(), zip(&parts, 1_000_000_000).unwrap());
        assert_ne!(zip(&parts, 1_000_000_000).unwrap(), zip(&parts, 1_100_000_000).unwrap());
    }
}
