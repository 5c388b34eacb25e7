//! Citations to reporters, statutes and rules (`384 U.S. 364`, `817 F.2d 1361`,
//! `2023 WL 128600`, `18 U.S.C. § 401`, `Fed. R. Civ. P. 78`), whitespace-normalised.

use once_cell::sync::Lazy;
use regex::Regex;

static CITE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"\b\d{1,4}\s+(?:",
        r"U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|F\.(?:\s?(?:2d|3d|4th))?|F\.\s?Supp\.(?:\s?(?:2d|3d))?|F\.\s?App'?x|B\.R\.",
        r"|A\.(?:\s?(?:2d|3d))?|N\.W\.(?:\s?2d)?|N\.E\.(?:\s?(?:2d|3d))?|S\.E\.(?:\s?2d)?|S\.W\.(?:\s?(?:2d|3d))?|So\.(?:\s?(?:2d|3d))?|P\.(?:\s?(?:2d|3d))?",
        r"|N\.Y\.(?:\s?(?:2d|3d))?|N\.Y\.S\.(?:\s?(?:2d|3d))?|A\.D\.(?:\s?(?:2d|3d))?|NY3d|AD3d|Cal\.(?:\s?(?:App\.\s?)?(?:2d|3d|4th|5th))?|Cal\.\s?Rptr\.(?:\s?(?:2d|3d))?",
        r"|Mich\.|Wis\.\s?2d|Conn\.(?:\s?App\.)?|Pa\.|Mass\.|Haw\.|Va\.(?:\s?App\.)?|Ga\.(?:\s?App\.)?|W\.\s?Va\.|N\.C\.(?:\s?App\.)?",
        r")\s+(?:\d{1,5}|_{2,}|-{3,})",
        r"|\b\d{4}\s+(?:WL|U\.S\.\s?Dist\.\s?LEXIS|U\.S\.\s?App\.\s?LEXIS|LEXIS)\s+\d{1,8}",
        r"|\b\d{1,2}\s+U\.S\.C\.(?:A\.)?\s+§+\s*\d+[a-z0-9\-]*(?:\([a-z0-9]+\))*",
        r"|\b\d{1,2}\s+C\.F\.R\.\s+(?:§+\s*)?\d+(?:\.\d+)?",
        r"|\bFed\.\s?R\.\s?(?:Civ|Crim|App|Evid|Bankr)\.\s?P\.\s+\d+(?:\.\d+)?(?:\([a-z0-9]+\))*",
    ))
    .unwrap()
});

/// Citations in order of first appearance, whitespace collapsed, deduplicated.
pub fn find_citations(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in CITE.find_iter(text) {
        let c = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let t = "See Shillitani v. United States, 384 U.S. 364, 370 (1966); 18 U.S.C. § 401; In re Crystal Palace, 817 F.2d 1361, 1364 (9th Cir. 1987); Fed. R. Civ. P. 70(e). Qin, 2023 WL 128600. 92 A.3d 766; 19 N.Y.3d 1026; 669 N.W.2d 552.";
        let c = find_citations(t);
        for want in [
            "384 U.S. 364",
            "18 U.S.C. § 401",
            "817 F.2d 1361",
            "Fed. R. Civ. P. 70(e)",
            "2023 WL 128600",
            "92 A.3d 766",
            "19 N.Y.3d 1026",
            "669 N.W.2d 552",
        ] {
            assert!(c.contains(&want.to_string()), "{want} in {c:?}");
        }
    }
}
