//! Held-out check: caption and header snippets written for this test in the forms courts
//! print them (none is taken from a GOLD.tsv file), so that metadata rules are measured
//! on filings they were not tuned on. Each case asserts every field it states; a field
//! left `None` in a case is not checked.

#[path = "common/gold.rs"]
mod gold_common;

use docketeer::clean::{self, CleanText};
use docketeer::metadata::{self, Metadata, docket};

/// The snippet's pages through the real cleaner (ECF header lines become `ecf`).
fn clean_of(pages: &[&str]) -> CleanText {
    let pages: Vec<String> = pages.iter().map(|p| p.to_string()).collect();
    clean::clean_pages(&pages)
}

#[derive(Default)]
struct Want {
    docket: Option<&'static str>,
    court: Option<&'static str>,
    case_name: Option<&'static str>,
    plaintiffs: Option<&'static [&'static str]>,
    defendants: Option<&'static [&'static str]>,
    judge: Option<&'static str>,
    date: Option<&'static str>,
}

/// Mismatches of one case, as lines; empty when every stated field is right.
fn check(name: &str, md: &Metadata, w: &Want) -> Vec<String> {
    let mut bad = Vec::new();
    if let Some(d) = w.docket {
        let key = docket::normalize(d).map(|d| d.canonical);
        let ours: Vec<&str> = md.dockets.iter().map(|d| d.canonical.as_str()).collect();
        if key.as_deref().is_none_or(|k| !ours.contains(&k)) {
            bad.push(format!("{name}: docket want {key:?} got {ours:?}"));
        }
    }
    let mut eq = |field: &str, want: Option<&str>, got: Option<&str>| {
        if let Some(w) = want
            && Some(w) != got.filter(|g| !g.is_empty())
            && !(w.is_empty() && got.is_none())
        {
            bad.push(format!("{name}: {field} want {w:?} got {got:?}"));
        }
    };
    eq("court", w.court, md.court.as_ref().map(|c| c.id.as_str()));
    eq("case_name", w.case_name, md.case_name.as_deref());
    eq("judge", w.judge, md.judge.as_deref());
    eq("date", w.date, md.date.as_deref());
    if let Some(p) = w.plaintiffs
        && md.plaintiffs != p
    {
        bad.push(format!(
            "{name}: plaintiffs want {p:?} got {:?}",
            md.plaintiffs
        ));
    }
    if let Some(d) = w.defendants
        && md.defendants != d
    {
        bad.push(format!(
            "{name}: defendants want {d:?} got {:?}",
            md.defendants
        ));
    }
    bad
}

fn cases() -> Vec<(&'static str, Vec<&'static str>, Want)> {
    vec![
        (
            "district two-column caption, compound surname, official capacity",
            vec![
                "Case 3:20-cv-04512-JSC Document 42 Filed 09/18/20 Page 1 of 14\n\
UNITED STATES DISTRICT COURT\n\
NORTHERN DISTRICT OF CALIFORNIA\n\
\n\
MARÍA GUADALUPE HERNÁNDEZ LÓPEZ, et al., Case No. 20-cv-04512-JSC\n\
Plaintiffs,\n\
ORDER GRANTING IN PART AND DENYING\n\
v. IN PART MOTION TO DISMISS\n\
\n\
CHAD F. WOLF, in his official capacity as Re: Dkt. No. 31\n\
Acting Secretary of Homeland Security, et al.,\n\
Defendants.\n\
\n\
Plaintiff María Guadalupe Hernández López, a native of Guatemala, brings this\n\
action on behalf of herself and a putative class. Ms. Hernández López alleges that\n\
Defendants detained her for eleven months without a bond hearing.\n",
                "For the foregoing reasons, the motion is GRANTED IN PART and DENIED IN PART.\n\
IT IS SO ORDERED.\n\
Dated: September 18, 2020\n\
______________________________________\n\
JACQUELINE SCOTT CORLEY\n\
United States Magistrate Judge\n",
            ],
            Want {
                docket: Some("3:20-cv-04512"),
                court: Some("cand"),
                case_name: Some("Hernández López v. Wolf"),
                plaintiffs: Some(&["María Guadalupe Hernández López"]),
                defendants: Some(&["Chad F. Wolf"]),
                judge: Some("Jacqueline Scott Corley"),
                date: Some("2020-09-18"),
            },
        ),
        (
            "appellate memorandum, Plaintiff-Appellee v. Defendant-Appellant",
            vec![
                "Case: 20-10234, 06/02/2021, ID: 12130987, DktEntry: 41-1, Page 1 of 4\n\
NOT FOR PUBLICATION\n\
UNITED STATES COURT OF APPEALS\n\
FOR THE NINTH CIRCUIT\n\
UNITED STATES OF AMERICA, No. 20-10234\n\
Plaintiff-Appellee, D.C. No.\n\
2:18-cr-00422-DJH-1\n\
v.\n\
MEMORANDUM*\n\
CARLOS ALBERTO RUIZ VARGAS,\n\
\n\
Defendant-Appellant.\n\
\n\
Appeal from the United States District Court\n\
for the District of Arizona\n\
Diane J. Humetewa, District Judge, Presiding\n\
\n\
Submitted May 12, 2021**\n\
San Francisco, California\n\
\n\
Before: WALLACE, CALLAHAN, and BADE, Circuit Judges.\n\
\n\
Carlos Alberto Ruiz Vargas appeals from the district court's judgment and\n\
challenges the 57-month sentence imposed following his guilty-plea conviction.\n\
Ruiz Vargas contends that the court erred. We affirm.\n",
            ],
            Want {
                docket: Some("20-10234"),
                court: Some("ca9"),
                case_name: Some("United States v. Ruiz Vargas"),
                plaintiffs: Some(&["United States of America"]),
                defendants: Some(&["Carlos Alberto Ruiz Vargas"]),
                judge: Some(""),
                date: Some("2021-06-02"),
            },
        ),
        (
            "published appellate opinion, Petitioner v. Attorney General, author line",
            vec![
                "FOR PUBLICATION\n\
UNITED STATES COURT OF APPEALS\n\
FOR THE NINTH CIRCUIT\n\
\n\
JOSE LUIS ORTEGA MENDOZA, No. 19-72611\n\
Petitioner,\n\
Agency No.\n\
v. A208-123-456\n\
\n\
MERRICK B. GARLAND, Attorney OPINION\n\
General,\n\
Respondent.\n\
\n\
On Petition for Review of an Order of the\n\
Board of Immigration Appeals\n\
\n\
Argued and Submitted March 2, 2021\n\
San Francisco, California\n\
\n\
Filed June 14, 2021\n\
\n\
Before: Sidney R. Thomas, Chief Judge, and Kim McLane\n\
Wardlaw and Ryan D. Nelson, Circuit Judges.\n\
\n\
Opinion by Judge Wardlaw\n",
                "OPINION\n\
WARDLAW, Circuit Judge:\n\
Jose Luis Ortega Mendoza, a native and citizen of Mexico, petitions for review of a\n\
decision of the Board of Immigration Appeals. Ortega Mendoza contends that the Board\n\
erred in denying his motion to reopen. We grant the petition.\n",
            ],
            Want {
                docket: Some("19-72611"),
                court: Some("ca9"),
                case_name: Some("Ortega Mendoza v. Garland"),
                plaintiffs: Some(&["Jose Luis Ortega Mendoza"]),
                defendants: Some(&["Merrick B. Garland"]),
                judge: Some("Wardlaw"),
                date: Some("2021-06-14"),
            },
        ),
        (
            "bankruptcy In re ... Debtor with section-sign columns",
            vec![
                "UNITED STATES BANKRUPTCY COURT\n\
SOUTHERN DISTRICT OF TEXAS\n\
HOUSTON DIVISION\n\
\n\
IN RE: § CASE NO: 21-30587\n\
GULF COAST MARINE SERVICES, LLC, §\n\
Debtor. § CHAPTER 11\n\
\n\
MEMORANDUM OPINION\n\
\n\
Gulf Coast Marine Services, LLC objects to the claim of its former landlord.\n",
                "The objection is sustained.\n\
SIGNED March 3, 2021\n\
\n\
_______________________________\n\
Marvin Isgur\n\
United States Bankruptcy Judge\n",
            ],
            Want {
                docket: Some("21-30587"),
                court: Some("txsb"),
                case_name: Some("In re Gulf Coast Marine Services, LLC"),
                plaintiffs: Some(&[]),
                defendants: Some(&[]),
                judge: Some("Marvin Isgur"),
                date: Some("2021-03-03"),
            },
        ),
        (
            "California Court of Appeal, Plaintiff and Respondent",
            vec![
                "Filed 3/15/21\n\
NOT TO BE PUBLISHED IN THE OFFICIAL REPORTS\n\
\n\
IN THE COURT OF APPEAL OF THE STATE OF CALIFORNIA\n\
SECOND APPELLATE DISTRICT\n\
DIVISION FIVE\n\
\n\
THE PEOPLE, B301234\n\
\n\
Plaintiff and Respondent, (Los Angeles County\n\
Super. Ct. No. BA471234)\n\
v.\n\
\n\
JUAN CARLOS GARCIA FLORES,\n\
\n\
Defendant and Appellant.\n\
\n\
APPEAL from a judgment of the Superior Court of Los Angeles County, Ronald S.\n\
Coen, Judge. Affirmed.\n\
Defendant and appellant Juan Carlos Garcia Flores appeals from the judgment entered\n\
after a jury convicted him of second degree robbery. Garcia Flores contends the\n\
trial court erred in admitting his statements. We affirm.\n",
            ],
            Want {
                docket: Some("B301234"),
                court: Some("calctapp"),
                case_name: Some("People v. Garcia Flores"),
                plaintiffs: Some(&["The People"]),
                defendants: Some(&["Juan Carlos Garcia Flores"]),
                date: Some("2021-03-15"),
                ..Want::default()
            },
        ),
        (
            "minute order, one-line title, Signed by Judge",
            vec![
                "UNITED STATES DISTRICT COURT\n\
CENTRAL DISTRICT OF CALIFORNIA\n\
\n\
CIVIL MINUTES - GENERAL\n\
\n\
Case No. 2:22-cv-01187-ODW (MAAx) Date March 28, 2023\n\
Title Rosa Elena Castillo Medina v. County of Los Angeles, et al.\n\
\n\
Present: The Honorable Otis D. Wright II, United States District Judge\n\
\n\
Proceedings: (IN CHAMBERS) ORDER DISMISSING ACTION FOR LACK OF PROSECUTION\n\
\n\
On February 10, 2023, the Court ordered Plaintiff Castillo Medina to show cause in\n\
writing why this action should not be dismissed. No response has been filed.\n",
            ],
            Want {
                docket: Some("2:22-cv-01187"),
                court: Some("cacd"),
                case_name: Some("Castillo Medina v. County of Los Angeles"),
                plaintiffs: Some(&["Rosa Elena Castillo Medina"]),
                defendants: Some(&["County of Los Angeles"]),
                judge: Some("Otis D. Wright II"),
                date: Some("2023-03-28"),
            },
        ),
        (
            "S.D.N.Y. order, -against-, officials in official capacity",
            vec![
                "Case 1:21-cv-07863-VEC Document 88 Filed 11/03/21 Page 1 of 9\n\
UNITED STATES DISTRICT COURT\n\
SOUTHERN DISTRICT OF NEW YORK\n\
-------------------------------------------------------------- X\n\
MICHAEL KANE, WILLIAM CASTRO, and MARGARET CHU, :\n\
:\n\
Plaintiffs, :\n\
: 21-CV-7863 (VEC)\n\
-against- :\n\
: ORDER\n\
THE CITY OF NEW YORK and DAVID C. BANKS, in his :\n\
official capacity as Chancellor of the New York City :\n\
Department of Education, :\n\
:\n\
Defendants. :\n\
-------------------------------------------------------------- X\n\
VALERIE CAPRONI, United States District Judge:\n\
Plaintiffs, teachers employed by the Department of Education, challenge the mandate.\n",
                "SO ORDERED.\n\
Date: November 3, 2021\n\
New York, New York\n\
VALERIE CAPRONI\n\
United States District Judge\n",
            ],
            Want {
                docket: Some("1:21-cv-07863"),
                court: Some("nysd"),
                case_name: Some("Kane v. City of New York"),
                plaintiffs: Some(&["Michael Kane", "William Castro", "Margaret Chu"]),
                defendants: Some(&["The City of New York", "David C. Banks"]),
                judge: Some("Valerie Caproni"),
                date: Some("2021-11-03"),
            },
        ),
        (
            "one-line caption in an opinion's head, Secretary of State",
            vec![
                "UNITED STATES DISTRICT COURT FOR THE DISTRICT OF COLUMBIA\n\
\n\
LEAGUE OF UNITED LATIN AMERICAN CITIZENS, et al., Plaintiffs, v. ANTONY J. BLINKEN, in his official capacity as Secretary of State, et al., Defendants.\n\
\n\
Civil Action No. 22-1524 (JEB)\n\
\n\
MEMORANDUM OPINION\n\
\n\
Plaintiffs challenge the Department's processing of immigrant visas.\n",
                "JAMES E. BOASBERG\n\
Chief Judge\n\
Date: August 9, 2022\n",
            ],
            Want {
                docket: Some("22-1524"),
                court: Some("dcd"),
                case_name: Some("League of United Latin American Citizens v. Blinken"),
                plaintiffs: Some(&["League of United Latin American Citizens"]),
                defendants: Some(&["Antony J. Blinken"]),
                date: Some("2022-08-09"),
                ..Want::default()
            },
        ),
        (
            "complaint on pleading paper, county defendant, Does",
            vec![
                "Case 5:23-cv-00412 Document 1 Filed 02/14/23 Page 1 of 22\n\
LAW OFFICES OF ANA TORRES\n\
Ana Torres (SBN 298811)\n\
1200 Main Street, Suite 400\n\
Riverside, California 92501\n\
Attorney for Plaintiff\n\
UNITED STATES DISTRICT COURT\n\
CENTRAL DISTRICT OF CALIFORNIA\n\
EASTERN DIVISION\n\
JOSÉ ANTONIO DE LA CRUZ MARTÍNEZ, an Case No.\n\
individual,\n\
COMPLAINT FOR DAMAGES\n\
Plaintiff, (42 U.S.C. § 1983)\n\
v.\n\
DEMAND FOR JURY TRIAL\n\
COUNTY OF RIVERSIDE; CHAD BIANCO, an\n\
individual; and DOES 1 through 10,\n\
inclusive,\n\
Defendants.\n\
\n\
1. Plaintiff José Antonio De La Cruz Martínez brings this action for damages.\n\
2. Mr. De La Cruz Martínez is a resident of Riverside County.\n",
            ],
            Want {
                docket: Some("5:23-cv-00412"),
                court: Some("cacd"),
                case_name: Some("De La Cruz Martínez v. County of Riverside"),
                plaintiffs: Some(&["José Antonio de la Cruz Martínez"]),
                defendants: Some(&["County of Riverside", "Chad Bianco"]),
                date: Some("2023-02-14"),
                ..Want::default()
            },
        ),
        (
            "Eleventh Circuit per curiam, Petitioner-Appellant v. Respondent-Appellee",
            vec![
                "USCA11 Case: 22-11873 Document: 37-1 Date Filed: 04/11/2023 Page: 1 of 6\n\
[DO NOT PUBLISH]\n\
In the\n\
United States Court of Appeals\n\
For the Eleventh Circuit\n\
____________________\n\
No. 22-11873\n\
Non-Argument Calendar\n\
____________________\n\
DARNELL WASHINGTON,\n\
Petitioner-Appellant,\n\
versus\n\
SECRETARY, FLORIDA DEPARTMENT OF CORRECTIONS,\n\
ATTORNEY GENERAL, STATE OF FLORIDA,\n\
Respondents-Appellees.\n\
____________________\n\
Appeal from the United States District Court\n\
for the Middle District of Florida\n\
D.C. Docket No. 8:19-cv-02233-WFJ-AEP\n\
____________________\n\
Before JORDAN, NEWSOM, and BRANCH, Circuit Judges.\n\
PER CURIAM:\n\
Darnell Washington, a Florida prisoner, appeals the denial of his habeas petition.\n",
            ],
            Want {
                docket: Some("22-11873"),
                court: Some("ca11"),
                case_name: Some("Washington v. Secretary, Florida Department of Corrections"),
                plaintiffs: Some(&["Darnell Washington"]),
                defendants: Some(&[
                    "Secretary, Florida Department of Corrections",
                    "Attorney General, State of Florida",
                ]),
                judge: Some(""),
                date: Some("2023-04-11"),
            },
        ),
        (
            "state supreme court head matter, Appellant v. Appellee",
            vec![
                "IN THE SUPREME COURT OF PENNSYLVANIA\n\
MIDDLE DISTRICT\n\
\n\
COMMONWEALTH OF PENNSYLVANIA, : No. 14 MAP 2022\n\
:\n\
Appellee : Appeal from the Order of the Superior\n\
: Court entered September 3, 2021\n\
v. :\n\
:\n\
LUIS ALBERTO RAMOS SANTIAGO, : ARGUED: October 12, 2022\n\
:\n\
Appellant :\n\
\n\
OPINION\n\
\n\
JUSTICE DOUGHERTY DECIDED: March 21, 2023\n\
We granted review to consider whether the search of Appellant Ramos Santiago's\n\
vehicle was lawful. We conclude that it was not.\n",
            ],
            Want {
                docket: Some("14 MAP 2022"),
                court: Some("pa"),
                case_name: Some("Commonwealth v. Ramos Santiago"),
                plaintiffs: Some(&["Commonwealth of Pennsylvania"]),
                defendants: Some(&["Luis Alberto Ramos Santiago"]),
                date: Some("2023-03-21"),
                ..Want::default()
            },
        ),
        (
            "clerk's letter, Re: line after an address list",
            vec![
                "UNITED STATES COURT OF APPEALS FOR THE EIGHTH CIRCUIT\n\
Thomas F. Eagleton U.S. Courthouse\n\
111 South 10th Street, Room 24.329\n\
St. Louis, Missouri 63102\n\
\n\
Michael E. Gans VOICE (314) 244-2400\n\
Clerk of Court FAX (314) 244-2780\n\
www.ca8.uscourts.gov\n\
\n\
May 4, 2022\n\
\n\
Mr. Samuel R. Whitfield\n\
WHITFIELD & PAYNE\n\
400 Locust Street\n\
Des Moines, IA 50309\n\
\n\
RE: 21-3390 Teresa Anne Kowalski v. Union Pacific Railroad Company\n\
\n\
Dear Counsel:\n\
The court has today issued an opinion in this case.\n",
            ],
            Want {
                docket: Some("21-3390"),
                court: Some("ca8"),
                case_name: Some("Kowalski v. Union Pacific Railroad Company"),
                plaintiffs: Some(&["Teresa Anne Kowalski"]),
                defendants: Some(&["Union Pacific Railroad Company"]),
                date: Some("2022-05-04"),
                ..Want::default()
            },
        ),
        (
            "clerk's docketing letter with the official caption enclosed on a later page",
            vec![
                "UNITED STATES COURT OF APPEALS\n\
FOR THE FOURTH CIRCUIT\n\
1100 East Main Street, Suite 501\n\
Richmond, Virginia 23219\n\
\n\
Filed: January 12, 2022\n\
\n\
Ms. Alicia R. Moore\n\
Office of the Solicitor\n\
\n\
Re: Case No. 22-1045, Blue Ridge Mining Company v. Earl Puckett, et al\n\
Originating Case No. : 20-0321 BLA\n\
\n\
Dear Counsel:\n\
This case has been docketed with the caption that is enclosed on a separate page.\n",
                "OFFICIAL CAPTION FOR 22-1045\n\
\n\
BLUE RIDGE MINING COMPANY\n\
\n\
Petitioner\n\
\n\
v.\n\
\n\
EARL PUCKETT; DIRECTOR, OFFICE OF WORKERS' COMPENSATION PROGRAMS, UNITED\n\
STATES DEPARTMENT OF LABOR\n\
\n\
Respondents\n",
            ],
            Want {
                docket: Some("22-1045"),
                court: Some("ca4"),
                case_name: Some("Blue Ridge Mining Company v. Puckett"),
                plaintiffs: Some(&["Blue Ridge Mining Company"]),
                defendants: Some(&[
                    "Earl Puckett",
                    "Director, Office of Workers' Compensation Programs",
                    "United States Department of Labor",
                ]),
                date: Some("2022-01-12"),
                ..Want::default()
            },
        ),
        (
            "slip opinion: syllabus caption by surname, full name in the opinion's caption",
            vec![
                "(Slip Opinion) OCTOBER TERM, 2019\n\
Syllabus\n\
SUPREME COURT OF THE UNITED STATES\n\
Syllabus\n\
NORTHERN PLAINS PIPELINE COMPANY v.\n\
ABERNATHY ET AL.\n\
CERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR\n\
THE EIGHTH CIRCUIT\n\
No. 18-1432. Argued January 14, 2020-Decided April 27, 2020\n\
Petitioner Northern Plains Pipeline Company sought an easement.\n",
                "SUPREME COURT OF THE UNITED STATES\n\
No. 18-1432\n\
NORTHERN PLAINS PIPELINE COMPANY,\n\
PETITIONER v. CLARA MAE\n\
ABERNATHY ET AL.\n\
ON WRIT OF CERTIORARI TO THE UNITED STATES COURT OF\n\
APPEALS FOR THE EIGHTH CIRCUIT\n\
[April 27, 2020]\n\
JUSTICE KAGAN delivered the opinion of the Court.\n",
            ],
            Want {
                docket: Some("18-1432"),
                court: Some("scotus"),
                case_name: Some("Northern Plains Pipeline Company v. Abernathy"),
                plaintiffs: Some(&["Northern Plains Pipeline Company"]),
                defendants: Some(&["Clara Mae Abernathy"]),
                judge: Some("Kagan"),
                date: Some("2020-04-27"),
            },
        ),
        (
            "mixed-case block caption, official capacity, Signed by Judge in the docket text",
            vec![
                "Case 4:23-cv-01822-HSG Document 57 Filed 10/02/23 Page 1 of 3\n\
UNITED STATES DISTRICT COURT\n\
NORTHERN DISTRICT OF CALIFORNIA\n\
\n\
Jane Roe, et al.,\n\
Plaintiffs,\n\
v.\n\
Alejandro N. Mayorkas, in his official\n\
capacity as Secretary of Homeland Security,\n\
et al.,\n\
Defendants.\n\
\n\
Case No. 23-cv-01822-HSG\n\
ORDER GRANTING STIPULATION TO EXTEND TIME\n\
\n\
Pursuant to the parties' stipulation, the deadline is extended to November 1, 2023.\n\
IT IS SO ORDERED. Signed by Judge Haywood S. Gilliam, Jr. on 10/2/2023.\n",
            ],
            Want {
                docket: Some("4:23-cv-01822"),
                court: Some("cand"),
                case_name: Some("Roe v. Mayorkas"),
                plaintiffs: Some(&["Jane Roe"]),
                defendants: Some(&["Alejandro N. Mayorkas"]),
                judge: Some("Haywood S. Gilliam, Jr."),
                date: Some("2023-10-02"),
            },
        ),
        (
            "habeas petition caption, Warden as respondent, E.D. Va. date line",
            vec![
                "IN THE UNITED STATES DISTRICT COURT\n\
FOR THE EASTERN DISTRICT OF VIRGINIA\n\
Alexandria Division\n\
\n\
MARCUS DEVON ELLISON, )\n\
)\n\
Petitioner, )\n\
)\n\
v. ) Civil Action No. 1:22-cv-00917 (LMB/IDD)\n\
)\n\
WARDEN J. SMITH, )\n\
)\n\
Respondent. )\n\
\n\
MEMORANDUM OPINION\n\
\n\
Marcus Devon Ellison, a federal inmate proceeding pro se, has filed a petition for\n\
a writ of habeas corpus under 28 U.S.C. § 2241.\n",
                "For these reasons, the petition will be dismissed by an Order to be issued with\n\
this Memorandum Opinion.\n\
Entered this 14th day of March, 2023.\n\
Alexandria, Virginia\n\
/s/\n\
Leonie M. Brinkema\n\
United States District Judge\n",
            ],
            Want {
                docket: Some("1:22-cv-00917"),
                court: Some("vaed"),
                case_name: Some("Ellison v. Smith"),
                plaintiffs: Some(&["Marcus Devon Ellison"]),
                defendants: Some(&["Warden J. Smith"]),
                judge: Some("Leonie M. Brinkema"),
                date: Some("2023-03-14"),
            },
        ),
        (
            "officials named with their titles but no capacity words",
            vec![
                "Case 2:25-cv-05605-MEMF-SP Document 14 Filed 06/20/25 Page 1 of 12\n\
UNITED STATES DISTRICT COURT\n\
CENTRAL DISTRICT OF CALIFORNIA\n\
\n\
COALITION FOR HUMANE IMMIGRANT RIGHTS, Case No. 2:25-cv-05605-MEMF-SP\n\
a California nonprofit corporation,\n\
Plaintiff, ORDER GRANTING TEMPORARY\n\
RESTRAINING ORDER\n\
v.\n\
\n\
KRISTI NOEM, Secretary of Homeland\n\
Security; TODD M. LYONS, Acting Director\n\
of U.S. Immigration and Customs\n\
Enforcement,\n\
Defendants.\n",
            ],
            Want {
                docket: Some("2:25-cv-05605"),
                court: Some("cacd"),
                case_name: Some("Coalition for Humane Immigrant Rights v. Noem"),
                plaintiffs: Some(&["Coalition for Humane Immigrant Rights"]),
                defendants: Some(&["Kristi Noem", "Todd M. Lyons"]),
                date: Some("2025-06-20"),
                ..Want::default()
            },
        ),
        (
            "Fifth Circuit summary calendar, em-dash roles",
            vec![
                "Case: 23-40112 Document: 58-1 Page: 1 Date Filed: 09/05/2023\n\
United States Court of Appeals\n\
for the Fifth Circuit\n\
United States Court of Appeals\n\
Fifth Circuit\n\
FILED\n\
September 5, 2023\n\
No. 23-40112 Lyle W. Cayce\n\
Summary Calendar Clerk\n\
____________\n\
United States of America,\n\
Plaintiff\u{2014}Appellee,\n\
versus\n\
Jesús Alberto Treviño Garza,\n\
Defendant\u{2014}Appellant.\n\
______________________________\n\
Appeal from the United States District Court\n\
for the Southern District of Texas\n\
USDC No. 7:22-CR-1456-1\n\
______________________________\n\
Before Smith, Higginson, and Douglas, Circuit Judges.\n\
Per Curiam:*\n\
Jesús Alberto Treviño Garza appeals his sentence. Treviño Garza argues that the\n\
district court erred. We affirm.\n",
            ],
            Want {
                docket: Some("23-40112"),
                court: Some("ca5"),
                case_name: Some("United States v. Treviño Garza"),
                plaintiffs: Some(&["United States of America"]),
                defendants: Some(&["Jesús Alberto Treviño Garza"]),
                judge: Some(""),
                date: Some("2023-09-05"),
            },
        ),
        (
            "New York trial court: -against-, X-rule boxes, HON. part line, NYSCEF stamp",
            vec![
                "FILED: NEW YORK COUNTY CLERK 05/17/2022 03:12 PM INDEX NO. 154321/2019\n\
NYSCEF DOC. NO. 88 RECEIVED NYSCEF: 05/17/2022\n\
SUPREME COURT OF THE STATE OF NEW YORK\n\
COUNTY OF NEW YORK: PART 11\n\
---------------------------------------------------------------------X\n\
ROSA ELENA CASTRO and MIGUEL ANGEL CASTRO, INDEX NO. 154321/2019\n\
Plaintiffs,\n\
MOTION DATE 03/02/2022\n\
- against -\n\
MOTION SEQ. NO. 003\n\
THE CITY OF NEW YORK and NEW YORK CITY TRANSIT\n\
AUTHORITY, DECISION + ORDER ON\n\
MOTION\n\
Defendants.\n\
---------------------------------------------------------------------X\n\
HON. LYLE E. FRANK:\n\
The following e-filed documents were read on this motion for SUMMARY JUDGMENT.\n",
            ],
            Want {
                docket: Some("154321/2019"),
                case_name: Some("Castro v. City of New York"),
                plaintiffs: Some(&["Rosa Elena Castro", "Miguel Angel Castro"]),
                defendants: Some(&["The City of New York", "New York City Transit Authority"]),
                judge: Some("Lyle E. Frank"),
                date: Some("2022-05-17"),
                ..Want::default()
            },
        ),
        (
            "consolidated appeals: two captions in head matter, et al. on both sides",
            vec![
                "PALMETTO HOLDINGS, INC. et al.\n\
v.\n\
HARGROVE et al.\n\
Whitfield et al.\n\
v.\n\
Hargrove et al.\n\
\n\
Nos. A19A0412, A19A0413.\n\
Court of Appeals of Georgia.\n\
June 28, 2019.\n\
\n\
MCFADDEN, Presiding Judge.\n\
These consolidated appeals arise from a dispute over a lease.\n",
            ],
            Want {
                docket: Some("A19A0412"),
                court: Some("gactapp"),
                case_name: Some("Palmetto Holdings, Inc. v. Hargrove"),
                plaintiffs: Some(&["Palmetto Holdings, Inc.", "Whitfield"]),
                defendants: Some(&["Hargrove"]),
                judge: Some("McFadden"),
                date: Some("2019-06-28"),
            },
        ),
        (
            "criminal caption with hyphenated surname, caps signature with Jr.",
            vec![
                "UNITED STATES DISTRICT COURT\n\
WESTERN DISTRICT OF TEXAS\n\
EL PASO DIVISION\n\
\n\
UNITED STATES OF AMERICA, §\n\
§\n\
v. § CRIMINAL NO. EP-22-CR-01377-DCG\n\
§\n\
LUIS ANGEL FLORES-RAMIREZ, §\n\
Defendant. §\n\
\n\
MEMORANDUM ORDER DENYING MOTION TO SUPPRESS\n\
\n\
Defendant Flores-Ramirez moves to suppress evidence seized at the port of entry.\n",
                "The motion is DENIED.\n\
So ORDERED and SIGNED this 9th day of January 2023.\n\
\n\
DAVID C. GUADERRAMA, JR.\n\
SENIOR UNITED STATES DISTRICT JUDGE\n",
            ],
            Want {
                court: Some("txwd"),
                case_name: Some("United States v. Flores-Ramirez"),
                plaintiffs: Some(&["United States of America"]),
                defendants: Some(&["Luis Angel Flores-Ramirez"]),
                judge: Some("David C. Guaderrama, Jr."),
                date: Some("2023-01-09"),
                ..Want::default()
            },
        ),
    ]
}

#[test]
fn heldout_snippets() {
    let mut bad = Vec::new();
    let mut n_fields = 0;
    for (name, pages, want) in cases() {
        let md = metadata::extract(&clean_of(&pages));
        n_fields += [
            want.docket.is_some(),
            want.court.is_some(),
            want.case_name.is_some(),
            want.plaintiffs.is_some(),
            want.defendants.is_some(),
            want.judge.is_some(),
            want.date.is_some(),
        ]
        .iter()
        .filter(|x| **x)
        .count();
        bad.extend(check(name, &md, &want));
    }
    eprintln!(
        "held-out: {} of {} field checks wrong\n{}",
        bad.len(),
        n_fields,
        bad.join("\n")
    );
    assert!(bad.is_empty(), "{} held-out field checks wrong", bad.len());
}

/// Per field: the bar the check half should reach, and the floor below which the test
/// fails. Where the held-out set does not reach the bar yet the floor is the figure it
/// reaches now, so that it can only go up; the table prints both.
const HELDOUT_FIELDS: [(&str, f64, f64); 7] = [
    ("docket", 0.99, 0.95),
    ("court", 0.98, 0.93),
    ("case_name", 0.92, 0.91),
    ("parties", 0.92, 0.92),
    ("judge", 0.92, 0.92),
    ("date", 0.97, 0.97),
    ("doc_type", 0.90, 0.88),
];

/// Per field, the floor for the unseen set's check half (`tests/data/unseen/`, rows
/// marked `unseen-check`), in the order of [`HELDOUT_FIELDS`]: the figures the half is
/// measured at, so that they can only go up. They sit below the bars because this half
/// is what the rules have not been written against.
const UNSEEN_FLOORS: [(&str, f64); 7] = [
    ("docket", 0.95),
    ("court", 0.90),
    ("case_name", 0.71),
    ("parties", 0.65),
    ("judge", 0.71),
    ("date", 0.81),
    ("doc_type", 0.72),
];

/// The sets measured, as they are named in the `half` column and in the table.
const SETS: [&str; 4] = ["tune", "check", "unseen-tune", "unseen-check"];

/// A name compared loosely, with the United States written one way.
fn heldout_loose(s: &str) -> String {
    let l = format!(" {} ", gold_common::loose(s));
    l.replace(" united states of america ", " united states ")
        .replace(" usa ", " united states ")
        .trim()
        .to_string()
}

fn heldout_same_set(gold: &str, got: &[String]) -> bool {
    let norm = |v: Vec<String>| {
        let mut v: Vec<String> = v.into_iter().filter(|s| !s.is_empty()).collect();
        v.sort();
        v.dedup();
        v
    };
    norm(gold.split(" ; ").map(heldout_loose).collect())
        == norm(got.iter().map(|s| heldout_loose(s)).collect())
}

/// Right and counted answers per set and field, and the misses as printable lines.
#[derive(Default)]
struct Tally {
    right: [[usize; 7]; 4],
    counted: [[usize; 7]; 4],
    misses: Vec<String>,
}

impl Tally {
    fn accuracy(&self, set: usize, field: usize) -> f64 {
        self.right[set][field] as f64 / self.counted[set][field].max(1) as f64
    }
}

/// Measures every row of `dir/EXPECTED.tsv` (files in `dir`) through the pipeline
/// `index` and `inspect` use, adding to `tally` under the set its `half` column names.
fn measure(dir: &std::path::Path, tally: &mut Tally) {
    let path = dir.join("EXPECTED.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 {
            continue;
        }
        let set = SETS
            .iter()
            .position(|s| *s == f[1])
            .unwrap_or_else(|| panic!("{}: unknown half {:?}", path.display(), f[1]));
        let md = gold_common::metadata_of(&dir.join(f[0]));
        let ours: Vec<String> = md.dockets.iter().map(|d| d.canonical.clone()).collect();
        let want_docket = docket::normalize(f[2]).map(|d| d.canonical);
        let opt = |gold: &str, got: Option<&str>| match got {
            None => gold.trim().is_empty(),
            Some(g) => heldout_loose(gold) == heldout_loose(g),
        };
        let docket_ok = want_docket.as_ref().is_some_and(|k| {
            // The page's number may carry the judge's initials (`10-00400-als7`).
            ours.iter().any(|o| {
                o == k
                    || [k.as_str(), f[2]]
                        .iter()
                        .any(|w| o.strip_prefix(*w).is_some_and(|r| r.starts_with('-')))
            })
        });
        let court = md.court.as_ref().map(|c| c.id.clone()).unwrap_or_default();
        let ours_parties = format!(
            "{} || {}",
            md.plaintiffs.join(" ; "),
            md.defendants.join(" ; ")
        );
        let date = md.date.clone().unwrap_or_default();
        let kind = md.doc_type.clone().unwrap_or_default();
        // `?` in a column: not labelled, not counted.
        let checks: [(&str, bool, String); 7] = [
            (f[2], docket_ok, ours.join(" | ")),
            (f[3], court == f[3], court.clone()),
            (
                f[4],
                opt(f[4], md.case_name.as_deref()),
                md.case_name.clone().unwrap_or_default(),
            ),
            (
                f[5],
                heldout_same_set(f[5], &md.plaintiffs) && heldout_same_set(f[6], &md.defendants),
                ours_parties,
            ),
            (
                f[7],
                opt(f[7], md.judge.as_deref()),
                md.judge.clone().unwrap_or_default(),
            ),
            (f[8], date == f[8], date.clone()),
            (f[9], kind == f[9], kind.clone()),
        ];
        for (i, (want, ok, got)) in checks.iter().enumerate() {
            if *want == "?" {
                continue;
            }
            let want = if i == 3 {
                format!("{} || {}", f[5], f[6])
            } else {
                want.to_string()
            };
            tally.counted[set][i] += 1;
            if *ok {
                tally.right[set][i] += 1;
            } else {
                tally.misses.push(format!(
                    "  {:<6} {:<10} {:<36} want={want:?} got={got:?}",
                    f[1], HELDOUT_FIELDS[i].0, f[0]
                ));
            }
        }
    }
}

/// Real filings from courts no rule was written for, through the same pipeline as
/// `index` and `inspect`: `tests/data/heldout/` (tune and check halves) and
/// `tests/data/unseen/` (a second, later set from other courts and sources). Prints the
/// per-field accuracy of each set and fails when the check half falls below its floors
/// or the unseen set below its own.
#[test]
fn heldout_files() {
    let mut tally = Tally::default();
    measure(&gold_common::data::heldout(), &mut tally);
    measure(&gold_common::data::unseen(), &mut tally);
    tally.misses.sort();
    eprintln!("held-out misses:\n{}", tally.misses.join("\n"));
    eprintln!(
        "\n{:<10} {:>12} {:>12} {:>12} {:>12} {:>6} {:>6} {:>7}",
        "field", "tune", "check", "unseen-tune", "unseen-check", "bar", "floor", "u.floor"
    );
    let mut failed = Vec::new();
    for (i, (name, bar, floor)) in HELDOUT_FIELDS.iter().enumerate() {
        let cell = |s: usize| {
            format!(
                "{:>3}/{:<3}{:>5.1}%",
                tally.right[s][i],
                tally.counted[s][i],
                tally.accuracy(s, i) * 100.0
            )
        };
        let unseen_floor = UNSEEN_FLOORS[i].1;
        eprintln!(
            "{:<10} {} {} {} {} {:>5.0}% {:>5.0}% {:>6.0}%",
            name,
            cell(0),
            cell(1),
            cell(2),
            cell(3),
            bar * 100.0,
            floor * 100.0,
            unseen_floor * 100.0
        );
        if tally.accuracy(1, i) < *floor {
            failed.push(format!(
                "check {name} {:.1}% < {:.0}%",
                tally.accuracy(1, i) * 100.0,
                floor * 100.0
            ));
        }
        if tally.accuracy(3, i) < unseen_floor {
            failed.push(format!(
                "unseen-check {name} {:.1}% < {:.0}%",
                tally.accuracy(3, i) * 100.0,
                unseen_floor * 100.0
            ));
        }
    }
    assert!(
        UNSEEN_FLOORS
            .iter()
            .zip(HELDOUT_FIELDS.iter())
            .all(|(u, h)| u.0 == h.0),
        "UNSEEN_FLOORS and HELDOUT_FIELDS name the fields in different orders"
    );
    assert!(
        tally.counted[1][0] >= 20,
        "the check half has only {} files",
        tally.counted[1][0]
    );
    assert!(
        tally.counted[2][1] + tally.counted[3][1] >= 40,
        "the unseen set has only {} files with a labelled court",
        tally.counted[2][1] + tally.counted[3][1]
    );
    assert!(
        failed.is_empty(),
        "held-out sets below their floors: {}",
        failed.join(", ")
    );
}
