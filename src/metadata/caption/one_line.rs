//! One-line captions as case-law sites and minute orders print them:
//! `X, Plaintiffs, v. Y, Defendants.`

use super::parties::fill_side;
use super::vocab::ONE_LINE;
use super::{Caption, CaptionInput};

/// `X, Plaintiff(s), v. Y, Defendant(s).` on one line, roles on both sides.
pub(super) fn one_line(input: &CaptionInput) -> Option<Caption> {
    for l in &input.lines {
        if let Some(c) = ONE_LINE.captures(l) {
            let (p, d) = (c.get(1)?.as_str(), c.get(2)?.as_str());
            let mut cap = Caption::default();
            fill_side(p, &mut cap.plaintiffs, &mut cap.et_al);
            fill_side(d, &mut cap.defendants, &mut cap.et_al);
            if !cap.plaintiffs.is_empty() && !cap.defendants.is_empty() {
                return Some(cap);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Caption> {
        one_line(&CaptionInput::new(text))
    }

    #[test]
    fn roles_in_both_courts_on_one_line() {
        // The People v. G.H., 230 Cal. App. 4th 1548 (2014), as the Caselaw Access
        // Project names it.
        let c = read("THE PEOPLE, Plaintiff and Respondent, v. G.H., Defendant and Appellant\n")
            .unwrap();
        assert_eq!(c.defendants, ["G.H."]);
        assert_eq!(c.case_name().as_deref(), Some("People v. G.H."));
        // S.D. Cal. (corpus): an official's title and capacity are not parties.
        let c = read("AL OTRO LADO, INC. et al., Plaintiffs, v. ALEJANDRO MAYORKAS, Secretary, U.S. Department of Homeland Security, in his official capacity, et al., Defendants.\n").unwrap();
        assert_eq!(
            c.case_name().as_deref(),
            Some("Al Otro Lado, Inc. v. Mayorkas")
        );
        assert!(read("The court held in Smith v. Jones that the claim fails.\n").is_none());
    }
}
