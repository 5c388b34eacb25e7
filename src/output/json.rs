//! JSON output: one object per line, for scripts.

use anyhow::Result;
use serde::Serialize;
use std::io::Write;

/// Write one value as a line of JSON.
pub fn line<T: Serialize>(out: &mut impl Write, value: &T) -> Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}
