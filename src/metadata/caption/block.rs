//! Block captions on pleading paper and in case-law head matter: the parties of each
//! side in a column, each side closed by its role words, `v.` on a line of its own.

use once_cell::sync::Lazy;
use regex::Regex;

use super::lines::{DEBTOR_LINE, STOP_LINE, V_LINE, V_START, is_fragment, is_junk_line};
use super::parties::fill_side;
use super::vocab::{ET_AL_END, ROLE_RUN, ends_with_role, is_appearance};
use super::{Caption, CaptionInput};

/// Pleading-paper and head-matter captions with `v.` on its own line, parties and
/// role words in the left column. Consolidated appeals print one caption per case;
/// the parties are their union.
pub(super) fn block(input: &CaptionInput) -> Option<Caption> {
    let lines = &input.lines;
    let mut first = block_caption_at(lines, lines.len())?;
    let mut rest = &lines[first.1.min(lines.len())..];
    for _ in 0..4 {
        let Some((c, used)) = block_caption_at(rest, 60) else {
            break;
        };
        for p in c.plaintiffs {
            if !first.0.plaintiffs.contains(&p) {
                first.0.plaintiffs.push(p);
            }
        }
        for d in c.defendants {
            if !first.0.defendants.contains(&d) {
                first.0.defendants.push(d);
            }
        }
        rest = &rest[used.min(rest.len())..];
    }
    Some(first.0)
}

/// Extraction sometimes loses the `v.` of a pleading caption: "X, / Plaintiff, / Y,
/// ... / Defendants." still reads as a caption when a plaintiff's role line is
/// followed closely by a defendant's.
pub(super) fn without_v(input: &CaptionInput) -> Option<Caption> {
    let lines = &input.lines;
    static PLAINTIFF_ROLE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i)^(?:plaintiffs?|petitioners?)(?:[-/ ,]+\w+)?,$").unwrap());
    static DEFENDANT_END: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i)\b(?:defendants?|respondents?)(?:[-/ ,]+\w+)?\.$").unwrap());
    let r = lines
        .iter()
        .take(400)
        .position(|l| PLAINTIFF_ROLE.is_match(l.trim()))?;
    let near = lines
        .iter()
        .skip(r + 1)
        .filter(|l| !l.is_empty())
        .take(16)
        .any(|l| DEFENDANT_END.is_match(l.trim()));
    if !near {
        return None;
    }
    let mut with_v: Vec<String> = lines[..=r].to_vec();
    with_v.push("v.".into());
    with_v.extend_from_slice(&lines[r + 1..]);
    block_caption_at(&with_v, r + 2).map(|(c, _)| c)
}

/// One block caption and the number of lines it used up.
fn block_caption_at(lines: &[String], max_v: usize) -> Option<(Caption, usize)> {
    let exact = lines.iter().take(max_v).position(|l| V_LINE.is_match(l));
    let relaxed = || {
        (1..lines.len().min(max_v)).find(|&i| {
            V_START.is_match(&lines[i])
                && lines[..i]
                    .iter()
                    .rev()
                    .filter(|l| !l.is_empty())
                    .take(2)
                    .any(|l| ends_with_role(l))
        })
    };
    // The earlier of the two: a later lone "v." may belong to another caption.
    let vi = match (exact, relaxed()) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let mut left: Vec<&str> = Vec::new();
    let mut seen_role = false;
    let mut i = vi;
    while i > 0 && left.len() < 16 {
        i -= 1;
        let l = lines[i].as_str();
        if l.is_empty() {
            // A blank line above the party block ends it, unless the line above the
            // blank is itself a party line ending in a separator.
            let has_party = left.iter().any(|x| !ends_with_role(x));
            let above = lines[..i].iter().rev().find(|x| !x.is_empty());
            if has_party && !above.is_some_and(|a| a.trim_end().ends_with([',', ';'])) {
                break;
            }
            continue;
        }
        if is_junk_line(l) || is_fragment(l) {
            continue;
        }
        if is_appearance(l) {
            break;
        }
        if STOP_LINE.is_match(l) && !ROLE_RUN.is_match(l) {
            break;
        }
        // "Debtor." closes the bankruptcy caption above an adversary caption.
        if DEBTOR_LINE.is_match(l) {
            break;
        }
        // Lines between the (last) role word and the `v.` are the right column's.
        if ends_with_role(l) && !seen_role {
            left.clear();
        }
        seen_role |= ends_with_role(l);
        left.push(l);
    }
    left.reverse();
    let mut right: Vec<&str> = Vec::new();
    let mut closed = false;
    let mut used = vi + 1;
    let mut closed_at = used;
    for l in lines.iter().skip(vi + 1).take(48) {
        used += 1;
        let l = l.as_str();
        if l.is_empty() || is_junk_line(l) || is_fragment(l) {
            continue;
        }
        // "Ralph W. Fusco, Esq., for the Plaintiff": counsel's appearances follow the
        // caption.
        if is_appearance(l) {
            break;
        }
        // After "et al." only the role word belongs to this side.
        if closed && !ends_with_role(l) {
            if STOP_LINE.is_match(l) {
                break;
            }
            // "JOHNSON et al." / "Cobb et al." / "v.": a consolidated case's caption
            // follows; leave its lines to the next caption.
            if V_LINE.is_match(l) {
                used = closed_at;
                break;
            }
            continue;
        }
        if V_LINE.is_match(l) {
            break;
        }
        if STOP_LINE.is_match(l) && !ROLE_RUN.is_match(l) {
            break;
        }
        right.push(l);
        if ET_AL_END.is_match(l) {
            closed = true;
            closed_at = used;
        }
        if ends_with_role(l) && !l.trim_end().ends_with([',', ';']) {
            break;
        }
        if right.len() >= 16 {
            break;
        }
    }
    let ltxt = left.join("\n");
    // The relaxed `v.` line carries right-column text after the `v.`.
    let rtxt = right.join("\n");
    let mut cap = Caption::default();
    fill_side(&ltxt, &mut cap.plaintiffs, &mut cap.et_al);
    fill_side(&rtxt, &mut cap.defendants, &mut cap.et_al);
    if cap.plaintiffs.is_empty() || cap.defendants.is_empty() {
        return None;
    }
    Some((cap, used))
}
#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Caption> {
        block(&CaptionInput::new(text))
    }

    #[test]
    fn roles_in_both_courts_and_nothing_above_leaks() {
        // People v. Reid, Cal. Ct. App., Fifth Dist., filed 4/20/16, as printed.
        let head = "Filed 4/20/16\nCERTIFIED FOR PARTIAL PUBLICATION*\nIN THE COURT OF APPEAL OF THE STATE OF CALIFORNIA\nFIFTH APPELLATE DISTRICT\n\nTHE PEOPLE,\n\nPlaintiff and Respondent,\n\nv.\n\nMARC LYNDS REID II\n";
        let c = read(head).unwrap();
        assert_eq!(c.plaintiffs, ["The People"]);
        assert_eq!(c.defendants, ["Marc Lynds Reid II"]);
        assert_eq!(c.case_name().as_deref(), Some("People v. Reid"));
    }

    #[test]
    fn counsel_appearances_are_not_parties() {
        // Utica City Court, Potentia Mgt. Group, LLC v D.W., 2023 NY Slip Op 23374.
        let head = "Utica City Court\nPotentia Management Group, LLC\nagainst\nD.W.\nDocket No. CV-00357-23\nRalph W. Fusco, Esq., for the Plaintiff\nBenjamin M. Burdick, Esq., for the Defendant\nF. Christopher Giruzzi, J.\n";
        let c = read(head).unwrap();
        assert_eq!(c.plaintiffs, ["Potentia Management Group, LLC"]);
        assert_eq!(c.defendants, ["D.W."]);
    }

    #[test]
    fn bar_discipline_caption() {
        // Supreme Court of Florida, The Florida Bar v. Chesebro (SC2024-1528), left column.
        let head = "Supreme Court of Florida\nTHURSDAY, JUNE 11, 2026\nThe Florida Bar,\nComplainant\nv.\nKenneth Chesebro,\nRespondent\n";
        let c = read(head).unwrap();
        assert_eq!(
            c.case_name().as_deref(),
            Some("The Florida Bar v. Chesebro")
        );
    }

    #[test]
    fn capital_v_ending_the_first_side() {
        // Arkansas Court of Appeals, Maxwell v. Maxwell, 2022 Ark. App. 51.
        let head = "Cite as 2022 Ark. App. 51\nARKANSAS COURT OF APPEALS\nDIVISION II No. CV-20-579\n  ADDAM MAXWELL V.\nLORI MAXWELL\n";
        let c = read(head).unwrap();
        assert_eq!(c.plaintiffs, ["Addam Maxwell"]);
        assert_eq!(c.defendants, ["Lori Maxwell"]);
    }

    #[test]
    fn lost_v_between_role_lines() {
        // N.D. Cal. 3:17-cv-05517 (corpus): the v. was lost in extraction.
        let head = "SINCO TECHNOLOGIES PTE LTD,\nPlaintiff,\nSINCO ELECTRONICS (DONGGUAN) CO.,\nLTD.,\nDefendants.\n";
        assert!(read(head).is_none());
        let c = without_v(&CaptionInput::new(head)).unwrap();
        assert_eq!(c.plaintiffs, ["Sinco Technologies Pte Ltd"]);
    }

    #[test]
    fn trustee_capacity_without_a_comma() {
        // D. Conn. 3:25-cv-01205, Booker v. U.S. Bank N.A., as printed.
        let head = "ULISH KERRY TERRACE BOOKER, III,\n\nAppellant,\n\n-against-\n\nU.S. BANK NATIONAL ASSOCIATION AS\nLEGAL TITLE TRUSTEE FOR TRUMAN 2016\nSC6 TITLE TRUST,\n\nAppellee.\n";
        let c = read(head).unwrap();
        assert_eq!(c.defendants, ["U.S. Bank National Association"]);
        // Mass. Land Court, Schaefer-Ung v. U.S. Bank, MISC 12-469684 (2017).
        let head2 = "SANDY SCHAEFER-UNG,\nPlaintiff,\nv.\nU.S. BANK, NATIONAL ASSOCIATION as Trustee for TBW MORTGAGE-BACKED TRUST SERIES 2007-2,\nDefendant.\n";
        let c2 = read(head2).unwrap();
        // (The comma inside the bank's name is read as two names elsewhere.)
        assert_eq!(c2.defendants.first().map(String::as_str), Some("U.S. Bank"));
        assert!(!c2.defendants.iter().any(|d| d.contains("Trust")));
    }
}
