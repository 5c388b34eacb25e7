//! The caption: who sues whom, and the short case name built from it.
//!
//! Courts print captions in a handful of forms: a pleading-paper block (parties, role
//! word, `v.`, parties, role word), a one-line caption (`X, Plaintiffs, v. Y,
//! Defendants.`), a matter without sides (`In re DEBTOR`), a title line (`Title X v.
//! Y`, `Re: X v. Y`). Each form is a function in its own module, and [`FORMS`] lists
//! them in the order they are tried: the first that reads a caption wins. The side left
//! of `v.` is reported as plaintiffs and the right as defendants whatever the role
//! words say, because that is how a reader understands a caption.

mod block;
mod in_re;
mod lines;
mod matter;
mod one_line;
mod parties;
mod title;
mod vocab;

use super::case_name::{body_surname, short_sovereign};

pub use in_re::in_re_subject;
pub use parties::{full_names, same_first_parties};
pub use title::{find_re_line, heading_case_name};

/// Parties found in a caption.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caption {
    /// Plaintiffs (petitioners, appellants), as printed in proper case.
    pub plaintiffs: Vec<String>,
    /// Defendants (respondents, appellees), as printed in proper case.
    pub defendants: Vec<String>,
    /// The caption says "et al." on either side.
    pub et_al: bool,
    /// `In re X` matters have no sides; the subject is kept here.
    pub in_re: Option<String>,
    /// A case name printed as such (a clerk's short title), when the sides are unknown.
    pub short_name: Option<String>,
}

impl Caption {
    /// Short case name: first plaintiff v. first defendant, persons by surname.
    pub fn case_name(&self) -> Option<String> {
        self.case_name_in("")
    }

    /// Short case name, with a person's surname as the filing's `body` uses it
    /// (compound surnames: "Zepeda Rivas", not "Rivas").
    pub fn case_name_in(&self, body: &str) -> Option<String> {
        if let Some(s) = &self.in_re {
            return Some(format!("In re {s}"));
        }
        if let Some(s) = &self.short_name {
            return Some(s.clone());
        }
        let p = self.plaintiffs.first()?;
        let d = self.defendants.first()?;
        let short = |n: &str, first: bool| {
            body_surname(n, body).unwrap_or_else(|| short_sovereign(n, first))
        };
        Some(format!("{} v. {}", short(p, true), short(d, false)))
    }
}

/// What every caption form reads: the head of a filing cut into caption lines (left
/// column only, blank lines kept as separators).
pub struct CaptionInput {
    /// The head as given.
    pub head: String,
    /// Caption lines: left column only, right-column text dropped.
    pub lines: Vec<String>,
}

impl CaptionInput {
    /// The caption lines of a filing's head.
    pub fn new(head: &str) -> Self {
        CaptionInput {
            head: head.to_string(),
            lines: caption_lines(head),
        }
    }
}

/// A caption form: reads a caption from the input, or says it is not there.
pub type Form = fn(&CaptionInput) -> Option<Caption>;

/// The caption forms, in the order they are tried.
pub const FORMS: &[(&str, Form)] = &[
    // California's juvenile captions: "In re X, Persons Coming Under the Juvenile Court
    // Law" above the agency's block caption against a parent.
    ("juvenile", matter::juvenile),
    // Pleading paper and head matter: the form that carries the most parties.
    ("block", block::block),
    ("block without v.", block::without_v),
    ("one line", one_line::one_line),
    ("in re", in_re::in_re),
    ("title line", title::title_line),
    // "Matter of X", "In the Matter of the Guardianship of X", "In the Interest of
    // A.B., a Child": matters without sides, named as printed.
    ("matter", matter::matter),
];

/// The forms that read a block caption only (docket pages read their one-line titles
/// separately).
const BLOCK_FORMS: &[&str] = &["block", "block without v."];

fn caption_lines(head: &str) -> Vec<String> {
    lines::caption_lines(head)
}

/// Parse the caption from the head of a filing: the first form in [`FORMS`] that
/// reads one.
pub fn find_caption(head: &str) -> Option<Caption> {
    let input = CaptionInput::new(head);
    FORMS.iter().find_map(|(_, form)| form(&input))
}

/// The caption and the name of the form that read it.
pub fn find_caption_form(head: &str) -> Option<(&'static str, Caption)> {
    let input = CaptionInput::new(head);
    FORMS
        .iter()
        .find_map(|(name, form)| form(&input).map(|c| (*name, c)))
}

/// Only a caption with `v.` on a line of its own (docket pages use this: their
/// one-line titles are read separately).
pub fn find_block_caption(head: &str) -> Option<Caption> {
    let input = CaptionInput::new(head);
    FORMS
        .iter()
        .filter(|(name, _)| BLOCK_FORMS.contains(name))
        .find_map(|(_, form)| form(&input))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_tried_in_table_order() {
        // A juvenile caption is also a block caption; the table puts the child's name
        // first (In re Claudia R., 115 Cal.App.5th 76).
        let head = "In re CLAUDIA R. et al., Persons Coming Under the Juvenile Court Law.\nLOS ANGELES COUNTY DEPARTMENT OF CHILDREN AND FAMILY SERVICES, Plaintiff and Respondent,\nv.\nWENDY C., Defendant and Appellant.\n";
        let (form, c) = find_caption_form(head).unwrap();
        assert_eq!(form, "juvenile");
        assert_eq!(c.case_name().as_deref(), Some("In re Claudia R."));
        assert_eq!(c.defendants, ["Wendy C."]);
        let names: Vec<&str> = FORMS.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "juvenile",
                "block",
                "block without v.",
                "one line",
                "in re",
                "title line",
                "matter"
            ]
        );
        assert!(find_block_caption("Matter of Christopher J. A.\n").is_none());
        assert_eq!(
            find_caption("Matter of Christopher J. A.\n").and_then(|c| c.case_name()),
            Some("Matter of Christopher J. A.".into())
        );
    }

    #[test]
    fn one_line_caption_with_official_title() {
        let head = "AL OTRO LADO, INC. et al., Plaintiffs, v. ALEJANDRO MAYORKAS, Secretary, U.S. Department of Homeland Security, in his official capacity, et al., Defendants.\n";
        let c = find_caption(head).unwrap();
        assert_eq!(c.plaintiffs, ["Al Otro Lado, Inc."]);
        assert_eq!(c.defendants, ["Alejandro Mayorkas"]);
        assert!(c.et_al);
        assert_eq!(c.case_name().unwrap(), "Al Otro Lado, Inc. v. Mayorkas");
    }

    #[test]
    fn pleading_block() {
        let head = "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\nOAKLAND DIVISION\n\nAMERICAN CIVIL LIBERTIES UNION\nOF NORTHERN CALIFORNIA;\nMIJENTE SUPPORT COMMITTEE; JUST\nFUTURES LAW; and IMMIGRANT\nDEFENSE PROJECT,\n\nPlaintiffs,\n\nv.\n\nU.S. IMMIGRATION AND CUSTOMS\nENFORCEMENT, U.S. CUSTOMS AND\nBORDER PROTECTION; and U.S.\nDEPARTMENT OF HOMELAND\nSECURITY,\n\nDefendants.\n\nCase No. 4:21-cv-02632-DMR\n";
        let c = find_caption(head).unwrap();
        assert_eq!(
            c.plaintiffs,
            [
                "American Civil Liberties Union of Northern California",
                "Mijente Support Committee",
                "Just Futures Law",
                "Immigrant Defense Project"
            ]
        );
        assert_eq!(
            c.defendants,
            [
                "U.S. Immigration and Customs Enforcement",
                "U.S. Customs and Border Protection",
                "U.S. Department of Homeland Security"
            ]
        );
    }

    #[test]
    fn title_line() {
        let head = "Case No. CV 20-9893 JGB (SHKx) Date April 5, 2024\n\nTitle Immigrant Defenders Law Center, et al. v. Alejandro Mayorkas, et al.\n";
        let c = find_caption(head).unwrap();
        assert_eq!(
            c.case_name().unwrap(),
            "Immigrant Defenders Law Center v. Mayorkas"
        );
    }

    #[test]
    fn merged_columns_pleading_caption() {
        let head = "NORTHERN DISTRICT OF CALIFORNIA\nMELANIE G. SAN PEDRO-SALCEDO, Case No. 5:17-cv-03504-EJD\nindividually, and on behalf of all others similarly\nsituated, DEFENDANTS NOTICE OF MOTION\nAND MOTION FOR SUMMARY\nJUDGMENT\nPlaintiff,\nv. DATE: OCTOBER 10, 2019\nTIME: 9:00 A.M.\nTHE H\u{c4}AGEN-DAZS SHOPPE COMPANY, COURTROOM: 4, 5TH FLOOR\nINC., a New Jersey corporation; NESTL\u{c9}\nDREYER'S ICE CREAM COMPANY, a\nDelaware corporation; NESTL\u{c9} USA, INC., a\nDelaware corporation; and DOES 1 through 50,\nDefendants.\n";
        let c = find_caption(head).unwrap();
        assert_eq!(c.plaintiffs, ["Melanie G. San Pedro-Salcedo"]);
        assert_eq!(c.defendants.len(), 3, "{:?}", c.defendants);
    }

    #[test]
    fn adversary_caption_below_bankruptcy_caption() {
        let head = "In re: Case No. 20-30242 (HLB)\nANTHONY SCOTT LEVANDOWSKI, Chapter 11\nDebtor.\nAdv. Pro. No. 20-03050 (HLB)\nANTHONY SCOTT LEVANDOWSKI, an\nindividual, DECLARATION OF MIRIAM\nMANNING IN SUPPORT OF UBER\nPlaintiff, TECHNOLOGIES INC.'S\nADMINISTRATIVE MOTION TO FILE\nv. PARTIALLY REDACTED MOTION TO\nSTRIKE OR, IN THE ALTERNATIVE,\nUBER TECHNOLOGIES, INC. MOTION IN LIMINE TO EXCLUDE\nREBUTTAL EXPERT REPORTS AND\nDefendant. TESTIMONY OF BENJAMIN ROSE\n";
        let c = find_caption(head).unwrap();
        assert_eq!(c.plaintiffs, ["Anthony Scott Levandowski"]);
        assert_eq!(c.defendants, ["Uber Technologies, Inc."]);
    }

    #[test]
    fn caption_whose_v_was_lost() {
        let head = "NORTHERN DISTRICT OF CALIFORNIA\nSINCO TECHNOLOGIES PTE LTD,\nPlaintiff,\nSINCO ELECTRONICS (DONGGUAN) CO.,\nLTD.; XINGLE ELECTRONICS\n(DONGGUAN) CO., LTD.; MUI LIANG TJOA (an\nindividual); and LIEW YEW SOON aka\nMARK LIEW (an individual),\nDefendants.\nCase No. 3:17CV5517\n";
        let c = find_caption(head).unwrap();
        assert_eq!(c.plaintiffs, ["Sinco Technologies Pte Ltd"]);
        assert_eq!(c.defendants[0], "Sinco Electronics (Dongguan) Co., Ltd.");
        assert_eq!(c.defendants.len(), 4, "{:?}", c.defendants);
    }

    #[test]
    fn side_by_side_columns() {
        let head = "In the Missouri Court of Appeals\nEastern District\nDIVISION THREE\nNICHOLE MARIE JAGELS, ) No. ED108783\n)\nAppellant, ) Appeal from the Circuit Court of\n) St. Charles County, Missouri\nvs. ) No. 1711-CC00064\n)\nSTATE OF MISSOURI, ) Honorable Deborah J. Alessi\n)\nRespondent. ) Filed: January 19, 2021\n";
        let c = find_caption(head).unwrap();
        assert_eq!(c.plaintiffs, ["Nichole Marie Jagels"]);
        assert_eq!(c.defendants, ["State of Missouri"]);
        assert_eq!(c.case_name().unwrap(), "Jagels v. State of Missouri");
    }
}
