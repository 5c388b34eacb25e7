//! Docket sheets (PACER district and bankruptcy, appellate "General Docket", the
//! Supreme Court's docket page, state appellate and trial-court case pages) list their
//! parties under role labels and name the case on a title line, instead of printing a
//! caption.

use once_cell::sync::Lazy;
use regex::Regex;

use super::caption::{self, Caption};

/// Where the party list of a PACER sheet ends: the docket-entry table.
static TABLE_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^\s*(?:Date\s+Filed|Filing\s+Date)\s*\n\s*#|(?m)^\s*Docket\s+Text\s*$")
        .unwrap()
});

/// A role label on a line of its own, the party's name on the next line.
static ROLE_LABEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(plaintiff|petitioner|appellant|defendant|respondent|appellee|debtor(?:\s+in\s+possession)?)(?:\s*\(\d+\))?$")
        .unwrap()
});

/// `Case title: USA v. Doe`, `Balbo v. Tilton et al`, `18CV001704 | A vs B et al`.
static TITLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:case\s+title:|full\s+case\s+caption:)?\s*(?:[^|\n]{1,30}\|\s*|[A-Z]{0,3}\d{4,}[A-Z0-9-]*\s+)?([^:\n]{2,150}?)\s+(?:v|vs)\.?\s+([^:\n]{2,150}?)\s*$")
        .unwrap()
});

static IN_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*in\s+re:?\s+(.{2,150}?)[,.]?\s*$").unwrap());

static ET_AL: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i),?\s*\bet\s+al\b\.?").unwrap());

/// What a docket sheet says about its case.
#[derive(Debug, Default, Clone)]
pub struct Sheet {
    /// The parties by side.
    pub caption: Caption,
    /// The case name as the sheet prints it.
    pub case_name: Option<String>,
    /// Case numbers printed on case-summary pages without a label.
    pub dockets: Vec<super::docket::DocketNumber>,
}

/// Party blocks under role labels: the label on its own line, the name on the next.
fn read_labels(lines: &[&str], cap: &mut Caption) {
    let mut i = 0;
    while i < lines.len() {
        let Some(c) = ROLE_LABEL.captures(lines[i]) else {
            i += 1;
            continue;
        };
        let role = c[1].to_lowercase();
        let Some(name) = lines[i + 1..].iter().find(|l| !l.is_empty()) else {
            break;
        };
        let name = name.trim().to_string();
        // Document links and dates under a role column are not names.
        static FICTITIOUS: Lazy<Regex> =
            Lazy::new(|| Regex::new(r"(?i)^(?:does?|(?:john|jane)\s+does?)\b").unwrap());
        let namelike = name.starts_with(|ch: char| ch.is_alphanumeric())
            && name.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
            && !FICTITIOUS.is_match(&name);
        if !namelike {
            i += 1;
            continue;
        }
        if role.starts_with("debtor") {
            if cap.in_re.is_none() {
                cap.in_re = Some(caption::in_re_subject(&name));
            }
        } else if matches!(role.as_str(), "plaintiff" | "petitioner" | "appellant") {
            if !cap.plaintiffs.contains(&name) {
                cap.plaintiffs.push(name);
            }
        } else if !cap.defendants.contains(&name) {
            cap.defendants.push(name);
        }
        i += 2;
    }
}

static PACER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)docket\s+for\s+case\s+#|bankruptcy\s+petition\s+#").unwrap());

/// Sheets that list parties under role labels (PACER, trial-court case pages).
static LABELLED_SHEET: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)docket\s+for\s+case\s+#|bankruptcy\s+petition\s+#|case\s+information").unwrap()
});

static CROSS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\[\s*cross[\s-]+appeal:\s*([A-Z0-9-]+)\s*\]").unwrap());

/// A title's side as the clerk already shortened it ("Alcazar Jr" for the listed
/// "Elias Torres Alcazar Jr", "Ricardo Alvarado" for "RICARDO ALVARADO (#20575-509)"):
/// printed as it stands when a listed party holds it as a part, not the whole.
fn clerk_short(side: &str, listed: &[String]) -> Option<String> {
    let s = super::names::loose(side);
    let part = |p: &String| {
        let p = super::names::loose(p);
        p != s && format!(" {p} ").contains(&format!(" {s} "))
    };
    (!s.is_empty() && listed.iter().any(part)).then(|| side.to_string())
}

fn strip_et_al(s: &str) -> String {
    ET_AL
        .replace_all(s, "")
        .trim()
        .trim_end_matches([',', ';'])
        .trim()
        .to_string()
}

/// Read parties and case name from a docket sheet's text (caller has decided it is one).
pub fn parse(text: &str) -> Sheet {
    let end = TABLE_START.find(text).map_or(text.len(), |m| m.start());
    let end = super::court::floor_char(text, end.min(64 * 1024));
    let body = &text[..end];
    let lines: Vec<&str> = body.lines().map(str::trim).collect();

    let mut sheet = Sheet::default();
    let mut title: Option<(String, String)> = None;
    let nonempty: Vec<&str> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
    static BRACKETED: Lazy<Regex> = Lazy::new(|| Regex::new(r"\[[^\]\n]*\]").unwrap());
    // A page's full caption beats its short title.
    let full = nonempty
        .iter()
        .position(|l| l.eq_ignore_ascii_case("full case caption:"))
        .map(|k| k + 1);
    let order: Vec<usize> = full.into_iter().chain(0..nonempty.len().min(200)).collect();
    for k in order {
        let Some(l) = nonempty.get(k) else { continue };
        let l = &BRACKETED.replace_all(l, "").into_owned();
        if let Some(c) = IN_RE.captures(l) {
            // "In re: Markair, Inc., an AK corporation", "In re X, Debtor": the debtor's
            // role and description are not its name.
            sheet.caption.in_re = Some(caption::in_re_subject(&c[1]));
            break;
        }
        if let Some(c) = TITLE.captures(l) {
            // A title wrapped after a comma continues on the next line ("..., LLC").
            let mut b_raw = c[2].to_string();
            if b_raw.ends_with(',')
                && let Some(next) = nonempty
                    .get(k + 1)
                    .filter(|n| n.split_whitespace().count() <= 3)
            {
                b_raw = format!("{b_raw} {next}");
            }
            if let Some(num) = c.get(0).and_then(|m| m.as_str().split(['|', ' ']).next())
                && num.chars().any(|ch| ch.is_ascii_digit())
                && let Some(d) = super::docket::normalize(num)
            {
                sheet.dockets.push(d);
            }
            let (a, b) = (strip_et_al(&c[1]), strip_et_al(&b_raw));
            if !a.is_empty() && !b.is_empty() && a.split_whitespace().count() <= 12 {
                sheet.caption.et_al = ET_AL.is_match(l);
                title = Some((a, b));
                break;
            }
        }
    }

    // "S17884 Reeves, et al. v. Godspeed Properties, et al.": the number heads the title.
    static NUMBERED_TITLE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"(?m)^[ \t]*([A-Z]{1,3}\d{4,8}|\d{2}[A-Z]{2}\d{4,8})[ \t|]+[^\n]*\s(?:v|vs)\.?\s",
        )
        .unwrap()
    });
    for c in NUMBERED_TITLE.captures_iter(body).take(3) {
        if let Some(d) = super::docket::normalize(&c[1])
            && !sheet.dockets.iter().any(|o| o.canonical == d.canonical)
        {
            sheet.dockets.push(d);
        }
    }
    for c in CROSS.captures_iter(body) {
        if let Some(d) = super::docket::normalize(&c[1]) {
            sheet.dockets.push(d);
        }
    }

    // Case pages that print a caption (`Title: A, Petitioner v. B`, `Style: A v.: B`)
    // are read like a filing; PACER sheets list parties under role labels.
    let pacer = PACER.is_match(body);
    let block = if pacer {
        None
    } else {
        caption::find_block_caption(body)
    };
    if let Some(c) = block {
        sheet.caption.plaintiffs = c.plaintiffs;
        sheet.caption.defendants = c.defendants;
    } else if LABELLED_SHEET.is_match(body) {
        read_labels(&lines, &mut sheet.caption);
    }
    let listed = (
        sheet.caption.plaintiffs.clone(),
        sheet.caption.defendants.clone(),
    );
    if sheet.caption.in_re.is_some() {
        sheet.caption.plaintiffs.clear();
        sheet.caption.defendants.clear();
    } else if (sheet.caption.plaintiffs.is_empty() || sheet.caption.defendants.is_empty())
        && let Some((a, b)) = &title
        && let Some(c) = caption::find_caption(&format!("{a} v. {b}"))
    {
        sheet.caption.plaintiffs = c.plaintiffs;
        sheet.caption.defendants = c.defendants;
    }

    sheet.case_name = match (&sheet.caption.in_re, &title) {
        (Some(s), _) => Some(format!("In re {s}")),
        (None, Some((a, b))) => {
            // Name the case after the first party on each side of the title.
            let c = caption::find_caption(&format!("{a} v. {b}"));
            let first = |v: Option<&String>, d: &str| v.cloned().unwrap_or_else(|| d.to_string());
            let (pa, pb) = match &c {
                Some(c) => (
                    first(c.plaintiffs.first(), a),
                    first(c.defendants.first(), b),
                ),
                None => (a.clone(), b.clone()),
            };
            let pa = clerk_short(a, &listed.0)
                .unwrap_or_else(|| super::case_name::short_sovereign(&pa, true));
            let pb = clerk_short(b, &listed.1)
                .unwrap_or_else(|| super::case_name::short_sovereign(&pb, false));
            Some(format!("{pa} v. {pb}"))
        }
        (None, None) => sheet.caption.case_name(),
    };
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pacer_district() {
        let t = "U.S. District Court\nCalifornia Northern District (San Francisco)\nCIVIL DOCKET FOR CASE #: 3:08-cv-00159-WHA\nBalbo v. Tilton et al\nAssigned to: Hon. William Alsup\nPetitioner\n John Michael Balbo\nrepresented by\nJohn Michael Balbo\nPRO SE\nV.\nDefendant\n James E. Tilton\nSecretary CDCR\nDefendant\n Warden Ken Clark\nDate Filed\n#\nDocket Text\n";
        let s = parse(t);
        assert_eq!(s.case_name.as_deref(), Some("Balbo v. Tilton"));
        assert_eq!(s.caption.plaintiffs, ["John Michael Balbo"]);
        assert_eq!(
            s.caption.defendants,
            ["James E. Tilton", "Warden Ken Clark"]
        );
    }

    #[test]
    fn clerk_shortened_title_is_kept() {
        // PACER S.D. Cal. criminal docket: the clerk's title already short.
        let t = "CRIMINAL DOCKET FOR CASE #: 3:11-cr-00045-DMS-1\nCase title: USA v. Alcazar Jr\nDate Filed: 01/05/2011\nDefendant (1)\nElias Torres Alcazar Jr\nTERMINATED: 03/01/2013\nPlaintiff\nUSA\nDate Filed\n#\nDocket Text\n";
        assert_eq!(parse(t).case_name.as_deref(), Some("USA v. Alcazar Jr"));
    }

    #[test]
    fn bankruptcy_and_appellate() {
        let t = "Bankruptcy Petition #: 10-63241-jem\nAssigned to: Judge James Massey\nDebtor\nPark at Briarcliff, Inc.\n750 Commerce\n";
        assert_eq!(
            parse(t).case_name.as_deref(),
            Some("In re Park at Briarcliff, Inc.")
        );
        let t = "General Docket\nBankruptcy Appellate Panel Docket #: 15-1074\n Docketed: 03/06/2015\nTermed: 02/24/2016\nPatrick Caldwell v. Victoria Nelson\nAppeal From:\n";
        let s = parse(t);
        assert_eq!(s.case_name.as_deref(), Some("Caldwell v. Nelson"));
        assert_eq!(s.caption.defendants, ["Victoria Nelson"]);
    }
}
#[cfg(test)]
mod page_tests {
    use super::*;

    #[test]
    fn supreme_court_docket_page() {
        let t = "No. 16-1014\nTitle:\n\n\nVincent Tabone, Petitioner\n\n\nv.\nUnited States\n\nDocketed:\nFebruary 21, 2017\nLower Ct:\n\nUnited States Court of Appeals for the Second Circuit\n";
        let s = parse(t);
        assert_eq!(s.caption.plaintiffs, ["Vincent Tabone"]);
        assert_eq!(s.caption.defendants, ["United States"]);
        assert_eq!(s.case_name.as_deref(), Some("Tabone v. United States"));
    }

    #[test]
    fn texas_case_page_and_alaska_summary() {
        let t = "Case Information\nCase:\n01-25-00011-CV\nStyle:\nJames Shaffer, CRNA and EPIX Medical Services of Houston, PLLC\nv.:\nMarquita Jomes, as Power off Attorney for Shronda Jones\nOrig Proc:\nAppellant\n[ PDF/1.48 MB ]\n";
        let s = parse(t);
        assert_eq!(s.caption.plaintiffs.len(), 2, "{:?}", s.caption.plaintiffs);
        assert_eq!(s.caption.defendants, ["Marquita Jomes"]);
        assert_eq!(s.case_name.as_deref(), Some("Shaffer v. Jomes"));
        let t = "Case Summary\nS17884 Reeves, et al. v. Godspeed Properties, et al. [Cross Appeal: S17904] S17904 Closed\nFull Case Caption:\nJohn Reeves and Fairbanks Gold Co., LLC v. Godspeed Properties, LLC and Gold Dredge 8,\nLLC\n";
        let s = parse(t);
        let keys: Vec<&str> = s.dockets.iter().map(|d| d.canonical.as_str()).collect();
        assert_eq!(keys, ["s17884", "s17904"]);
        assert_eq!(
            s.case_name.as_deref(),
            Some("Reeves v. Godspeed Properties, LLC")
        );
        assert_eq!(
            s.caption.defendants,
            ["Godspeed Properties, LLC", "Gold Dredge 8, LLC"]
        );
    }
}

#[cfg(test)]
mod napa_tests {
    #[test]
    fn trial_court_page() {
        let t = "Case Information\n18CV001704 | Loving Life Real Estate, LLC vs Jose Saldana et al\nCase Number\n18CV001704\nParty\nPlaintiff\nLoving Life Real Estate, LLC\nDefendant\nSaldana, Jose\n";
        let s = super::parse(t);
        assert_eq!(
            s.case_name.as_deref(),
            Some("Loving Life Real Estate, LLC v. Saldana")
        );
    }
}
