//! What a person types for a court (`--court`, `court:`) resolved to court ids through
//! the court table: an id, a citation form, a printed name or a state.

use super::courts_db::{self, CourtRow};

/// Ids for `typed`, the best reading first; with each court's descendants when
/// `with_children`.
pub fn resolve(typed: &str, with_children: bool) -> Vec<String> {
    let ids = direct(typed.trim());
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let family = if with_children {
            courts_db::table().with_descendants(&id)
        } else {
            Vec::new()
        };
        if family.is_empty() {
            push(&mut out, &id);
        }
        for f in family {
            push(&mut out, f);
        }
    }
    out
}

fn push(out: &mut Vec<String>, id: &str) {
    if !out.iter().any(|o| o == id) {
        out.push(id.to_string());
    }
}

/// Letters and digits only, lower-cased: `N.D. Cal.` and `nd cal` read alike.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn direct(t: &str) -> Vec<String> {
    if t.is_empty() {
        return Vec::new();
    }
    let table = courts_db::table();
    let lower = t.to_lowercase();
    if let Some(r) = table.get(&lower) {
        return vec![r.id.to_string()];
    }
    let ids = |rows: Vec<&CourtRow>| rows.iter().map(|r| r.id.to_string()).collect::<Vec<_>>();
    let k = key(t);
    let cited: Vec<&CourtRow> = table
        .rows()
        .iter()
        .filter(|r| !r.citation.is_empty() && key(r.citation) == k)
        .collect();
    if !cited.is_empty() {
        return ids(cited);
    }
    let located: Vec<&CourtRow> = table
        .rows()
        .iter()
        .filter(|r| key(r.location) == k)
        .collect();
    if !located.is_empty() {
        return ids(located);
    }
    // A typed name may leave out what a court prints around it ("Ninth Circuit",
    // "Eastern District of Michigan"): try it alone, then in the usual frames.
    let bankruptcy = lower.contains("bankr");
    for frame in [
        "{}",
        "United States Court of Appeals for the {}",
        "United States District Court for the {}",
        "United States Bankruptcy Court for the {}",
    ] {
        let named: Vec<&CourtRow> = table
            .match_name(&frame.replace("{}", t))
            .into_iter()
            .filter(|r| (r.kind == "bankruptcy") == (bankruptcy || frame.contains("Bankruptcy")))
            .collect();
        if !named.is_empty() {
            return ids(named);
        }
    }
    let by_name: Vec<&CourtRow> = table.rows().iter().filter(|r| key(r.name) == k).collect();
    if !by_name.is_empty() {
        return ids(by_name);
    }
    // An id the table does not know is still taken as typed, so an index built with
    // other ids stays searchable.
    let looks_like_id = t.len() <= 24
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if looks_like_id {
        return vec![t.to_string()];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::resolve;

    fn first(t: &str) -> String {
        resolve(t, false).first().cloned().unwrap_or_default()
    }

    #[test]
    fn ids_citations_and_names() {
        for (typed, id) in [
            ("cand", "cand"),
            ("CAND", "cand"),
            ("N.D. Cal.", "cand"),
            ("n.d. cal.", "cand"),
            ("Ohio Ct. App.", "ohioctapp"),
            ("Bankr. E.D. Mich.", "mieb"),
            ("S.D.N.Y.", "nysd"),
            ("Northern District of California", "cand"),
            ("Ninth Circuit", "ca9"),
            ("Supreme Court of Ohio", "ohio"),
            ("Court of Appeals of Washington", "washctapp"),
        ] {
            assert_eq!(first(typed), id, "{typed}");
        }
        assert!(resolve("", false).is_empty());
        assert!(resolve("no such court anywhere", false).is_empty());
    }

    #[test]
    fn a_state_takes_in_its_courts() {
        let ids = resolve("california", false);
        for id in ["cand", "cacd", "calctapp", "cal"] {
            assert!(ids.iter().any(|i| i == id), "{id} not in {ids:?}");
        }
        assert!(!ids.iter().any(|i| i == "nysd"));
    }

    #[test]
    fn children_come_with_their_court() {
        let alone = resolve("calctapp", false);
        assert_eq!(alone, ["calctapp"]);
        let family = resolve("calctapp", true);
        assert!(family.len() > 1 && family[0] == "calctapp", "{family:?}");
        assert!(family.iter().any(|i| i == "calctapp1d"), "{family:?}");
    }
}
