//! Builds a folder of distinct, realistic court filings for benchmarks: real paragraphs
//! from the bundled filings in `corpus/`, reshuffled under generated captions (court,
//! parties, docket number, title, judge, date), written as PDF, HTML and plain text.
//!
//! The output depends only on the seed and the count: filing `i` is made from its own
//! random stream, so a 1,000-filing folder is the first 1,000 filings of a 100,000 one.
//!
//!     cargo run --release --example gen_filings -- --count 10000 --out /tmp/filings [--seed 7]
//!
//! Files go to `OUT/NNN/` folders of 1,000; `OUT.tsv` lists what each one says.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use rayon::prelude::*;
use regex::Regex;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Courts: id, caption lines, docket style, city (see the file's header).
const COURTS_TSV: &str = include_str!("gen/courts.tsv");

const GIVEN: &[&str] = &[
    "Maria", "James", "Linda", "Robert", "Aisha", "Michael", "Elena", "David", "Grace", "Carlos",
    "Susan", "Thomas", "Priya", "Daniel", "Rosa", "William", "Nadia", "Joseph", "Karen", "Luis",
    "Helen", "Samuel", "Fatima", "Richard", "Ana", "Kevin", "Mei", "Anthony", "Laura", "Omar",
];
const SURNAMES: &[&str] = &[
    "Alvarez",
    "Bennett",
    "Castillo",
    "Dawson",
    "Eastman",
    "Fairbanks",
    "Gutierrez",
    "Hollis",
    "Ingram",
    "Jablonski",
    "Kowalczyk",
    "Lindqvist",
    "Moreno",
    "Nakamura",
    "Okafor",
    "Pellegrino",
    "Quintero",
    "Rasmussen",
    "Santoro",
    "Thibodeaux",
    "Underwood",
    "Valenzuela",
    "Whitfield",
    "Yamamoto",
    "Zielinski",
    "Abernathy",
    "Brannigan",
    "Cardenas",
    "Delacroix",
    "Ellsworth",
    "Fitzgerald",
    "Galloway",
    "Hargrove",
    "Iverson",
    "Jorgensen",
    "Kensington",
    "Lombardi",
    "Mcallister",
    "Novak",
    "Osterman",
    "Prescott",
    "Ramirez",
    "Sorensen",
    "Tolliver",
    "Vasquez",
    "Wexler",
    "Ashby",
    "Blackwood",
    "Crenshaw",
    "Dunmore",
];
const ORG_TAILS: &[&str] = &[
    "Holdings, Inc.",
    "Logistics LLC",
    "Insurance Company",
    "Bank, N.A.",
    "Medical Group, P.C.",
    "Construction Co.",
    "Technologies, Inc.",
    "Partners, L.P.",
];
const AGENCIES: &[&str] = &[
    "UNITED STATES OF AMERICA",
    "DEPARTMENT OF HOMELAND SECURITY",
    "SOCIAL SECURITY ADMINISTRATION",
    "ENVIRONMENTAL PROTECTION AGENCY",
    "FEDERAL BUREAU OF PRISONS",
];
/// (document type, title) pairs; appellate courts get the `brief`/`opinion` ones.
const TITLES: &[(&str, &str, bool)] = &[
    (
        "order",
        "ORDER GRANTING DEFENDANT'S MOTION TO DISMISS",
        false,
    ),
    (
        "order",
        "ORDER DENYING PLAINTIFF'S MOTION FOR PRELIMINARY INJUNCTION",
        false,
    ),
    (
        "order",
        "ORDER GRANTING IN PART AND DENYING IN PART MOTION FOR SUMMARY JUDGMENT",
        false,
    ),
    ("order", "STIPULATED PROTECTIVE ORDER", false),
    ("order", "ORDER TO SHOW CAUSE", false),
    ("motion", "MOTION TO COMPEL DISCOVERY", false),
    ("motion", "MOTION FOR SUMMARY JUDGMENT", false),
    ("motion", "MOTION TO ENFORCE SETTLEMENT AGREEMENT", false),
    (
        "complaint",
        "COMPLAINT FOR DECLARATORY AND INJUNCTIVE RELIEF",
        false,
    ),
    (
        "notice",
        "NOTICE OF MOTION AND MOTION TO STAY PROCEEDINGS",
        false,
    ),
    ("opinion", "OPINION", true),
    ("opinion", "MEMORANDUM", true),
    ("brief", "OPENING BRIEF OF APPELLANT", true),
    ("brief", "ANSWERING BRIEF OF APPELLEE", true),
    ("order", "ORDER", true),
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// SplitMix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

struct Court {
    id: String,
    lines: Vec<String>,
    style: String,
    city: String,
}

fn courts() -> Vec<Court> {
    COURTS_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "courts.tsv row needs 4 columns: {l}");
            Court {
                id: cols[0].into(),
                lines: cols[1].split('|').map(String::from).collect(),
                style: cols[2].into(),
                city: cols[3].into(),
            }
        })
        .collect()
}

/// Paragraphs of running prose from the corpus's text and HTML filings, whitespace
/// collapsed and reduced to printable ASCII (the generated PDFs use a standard font).
fn paragraphs(corpus: &Path) -> Vec<String> {
    let tags = Regex::new(r"(?is)<(script|style)[^>]*>.*?</(script|style)>|<[^>]+>").unwrap();
    let breaks = Regex::new(r"(?i)</p>|<br\s*/?>|</div>|</h\d>|</li>|</blockquote>").unwrap();
    let mut files: Vec<PathBuf> = ["txt", "html"]
        .iter()
        .filter_map(|d| std::fs::read_dir(corpus.join(d)).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for f in files {
        let Ok(bytes) = std::fs::read(&f) else {
            continue;
        };
        let raw = String::from_utf8_lossy(&bytes);
        let text = if f.extension().is_some_and(|e| e == "html") {
            let t = breaks.replace_all(&raw, "\n\n");
            tags.replace_all(&t, " ")
                .replace("&amp;", "&")
                .replace("&nbsp;", " ")
                .replace("&#167;", "Sec.")
                .replace("&sect;", "Sec.")
        } else {
            raw.replace('\r', "")
        };
        for block in text.split("\n\n") {
            let p = ascii(&block.split_whitespace().collect::<Vec<_>>().join(" "));
            let letters = p
                .chars()
                .filter(|c| c.is_ascii_alphabetic() || *c == ' ')
                .count();
            let words = p.split(' ').count();
            if (160..=3000).contains(&p.len())
                && words >= 25
                && letters * 100 >= p.len() * 85
                && !p.contains('&')
                && seen.insert(p.clone())
            {
                out.push(p);
            }
        }
    }
    out
}

fn ascii(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\u{2018}' | '\u{2019}' => Some('\''),
            '\u{201c}' | '\u{201d}' => Some('"'),
            '\u{2013}' | '\u{2014}' => Some('-'),
            '\u{a7}' => Some('S'),
            c if c.is_ascii_graphic() || c == ' ' => Some(c),
            _ => None,
        })
        .collect()
}

/// What one generated filing says.
struct Filing {
    court: usize,
    plaintiff: String,
    defendant: String,
    docket: String,
    doc_type: &'static str,
    title: &'static str,
    judge: String,
    /// (year, month 1-12, day)
    date: (u32, u32, u32),
    ecf_doc: u32,
    paragraphs: Vec<usize>,
}

fn person(r: &mut Rng) -> String {
    format!("{} {}", r.pick(GIVEN), r.pick(SURNAMES)).to_uppercase()
}

fn party(r: &mut Rng, defendant: bool, city: &str) -> String {
    match r.below(10) {
        0..=4 => person(r),
        5..=7 => format!("{} {}", r.pick(SURNAMES), r.pick(ORG_TAILS)).to_uppercase(),
        8 if defendant => r.pick(AGENCIES).to_string(),
        _ => format!("CITY OF {}", city.to_uppercase()),
    }
}

fn make(i: usize, seed: u64, courts: &[Court], pool: usize) -> Filing {
    let mut r = Rng::new(seed, i as u64);
    let court = r.below(courts.len());
    let c = &courts[court];
    let appellate = c.style == "appellate";
    let year = 1995 + r.below(31) as u32;
    let date = (year, 1 + r.below(12) as u32, 1 + r.below(28) as u32);
    let yy = year % 100;
    // Numbers wider than any real court's keep every filing's docket distinct.
    let serial = 10_000 + i;
    let initials: String = (0..3).map(|_| (b'A' + r.below(26) as u8) as char).collect();
    let docket = match c.style.as_str() {
        "appellate" => format!("{yy:02}-{serial}"),
        "bankruptcy" => format!("{yy:02}-{serial}-{initials}"),
        _ => format!("{}:{yy:02}-cv-{serial}-{initials}", 1 + r.below(5)),
    };
    let (doc_type, title) = loop {
        let (t, title, app) = *r.pick(TITLES);
        if app == appellate {
            break (t, title);
        }
    };
    // Mostly short filings, some long ones, as on a real docket.
    let n = 4 + (r.unit().powi(2) * 50.0) as usize;
    let paragraphs = (0..n).map(|_| r.below(pool)).collect();
    Filing {
        court,
        plaintiff: party(&mut r, false, &c.city),
        defendant: party(&mut r, true, &c.city),
        docket,
        doc_type,
        title,
        judge: format!("{} {}", r.pick(GIVEN), r.pick(SURNAMES)),
        date,
        ecf_doc: 1 + r.below(400) as u32,
        paragraphs,
    }
}

fn long_date(d: (u32, u32, u32)) -> String {
    format!("{} {}, {}", MONTHS[d.1 as usize - 1], d.2, d.0)
}

/// The filing as lines of text: caption, title, body paragraphs, signature.
fn caption_lines(f: &Filing, c: &Court) -> Vec<String> {
    let appellate = c.style == "appellate";
    let (p_role, d_role) = if appellate {
        ("Plaintiff-Appellant,", "Defendant-Appellee.")
    } else {
        ("Plaintiff,", "Defendant.")
    };
    let mut l: Vec<String> = c.lines.clone();
    l.push(String::new());
    if appellate {
        l.push(format!("FILED {}", long_date(f.date).to_uppercase()));
        l.push(String::new());
    }
    l.extend([
        format!("{},", f.plaintiff),
        format!("        {p_role}"),
        "    v.".into(),
        format!("{},", f.defendant),
        format!("        {d_role}"),
        String::new(),
        if appellate {
            format!("No. {}", f.docket)
        } else {
            format!("Case No. {}", f.docket)
        },
        String::new(),
        f.title.to_string(),
        String::new(),
    ]);
    l
}

fn signature_lines(f: &Filing, c: &Court) -> Vec<String> {
    let role = match c.style.as_str() {
        "appellate" => "Circuit Judge",
        "bankruptcy" => "United States Bankruptcy Judge",
        _ => "United States District Judge",
    };
    vec![
        String::new(),
        format!("Dated: {}", long_date(f.date)),
        String::new(),
        format!("/s/ {}", f.judge),
        format!("{}", f.judge.to_uppercase()),
        role.into(),
    ]
}

fn wrap(p: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for w in p.split(' ') {
        if !cur.is_empty() && cur.len() + 1 + w.len() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

fn text_file(f: &Filing, c: &Court, pool: &[String]) -> String {
    let mut s = String::new();
    for l in caption_lines(f, c) {
        let _ = writeln!(s, "{l}");
    }
    for &p in &f.paragraphs {
        for l in wrap(&pool[p], 72) {
            let _ = writeln!(s, "{l}");
        }
        s.push('\n');
    }
    for l in signature_lines(f, c) {
        let _ = writeln!(s, "{l}");
    }
    s
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn html_file(f: &Filing, c: &Court, pool: &[String]) -> String {
    let mut s = String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n");
    let case = format!("{} v. {}", f.plaintiff, f.defendant);
    let _ = writeln!(s, "<title>{}</title></head><body>", esc(&case));
    s.push_str("<div class=\"caption\">\n");
    for l in caption_lines(f, c) {
        if !l.is_empty() {
            let _ = writeln!(s, "<p>{}</p>", esc(l.trim()));
        }
    }
    s.push_str("</div>\n<div class=\"opinion\">\n");
    for &p in &f.paragraphs {
        let _ = writeln!(s, "<p>{}</p>", esc(&pool[p]));
    }
    s.push_str("</div>\n<div class=\"signature\">\n");
    for l in signature_lines(f, c) {
        if !l.is_empty() {
            let _ = writeln!(s, "<p>{}</p>", esc(&l));
        }
    }
    s.push_str("</div>\n</body></html>\n");
    s
}

/// A text PDF: Helvetica, 46 lines a page, an ECF stamp on top of each page and the
/// page number at the foot, like a filing downloaded from PACER.
fn pdf_file(f: &Filing, c: &Court, pool: &[String]) -> Vec<u8> {
    let mut lines = caption_lines(f, c);
    for &p in &f.paragraphs {
        lines.extend(wrap(&pool[p], 84));
        lines.push(String::new());
    }
    lines.extend(signature_lines(f, c));
    let per_page = 46;
    let pages: Vec<&[String]> = lines.chunks(per_page).collect();
    let filed = format!("{:02}/{:02}/{:02}", f.date.1, f.date.2, f.date.0 % 100);

    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let stamp = if c.style == "appellate" {
            format!(
                "Case: {}, {}, Page {} of {}",
                f.docket,
                long_date(f.date),
                n + 1,
                pages.len()
            )
        } else {
            format!(
                "Case {} Document {} Filed {} Page {} of {}",
                f.docket,
                f.ecf_doc,
                filed,
                n + 1,
                pages.len()
            )
        };
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 9.into()]),
            Operation::new("Td", vec![72.into(), 760.into()]),
            Operation::new("Tj", vec![Object::string_literal(stamp)]),
            Operation::new("ET", vec![]),
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![72.into(), 730.into()]),
        ];
        for l in page.iter() {
            if !l.is_empty() {
                ops.push(Operation::new(
                    "Tj",
                    vec![Object::string_literal(l.as_str())],
                ));
            }
            ops.push(Operation::new("T*", vec![]));
        }
        ops.extend([
            Operation::new("ET", vec![]),
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("Td", vec![300.into(), 40.into()]),
            Operation::new("Tj", vec![Object::string_literal(format!("- {} -", n + 1))]),
            Operation::new("ET", vec![]),
        ]);
        let content = Content { operations: ops };
        let bytes = content.encode().expect("content encodes");
        let content_id = doc.add_object(Stream::new(dictionary! {}, bytes));
        kids.push(
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
            })
            .into(),
        );
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("PDF writes to memory");
    out
}

struct Args {
    count: usize,
    seed: u64,
    out: PathBuf,
    corpus: PathBuf,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        count: 1000,
        seed: 7,
        out: PathBuf::new(),
        corpus: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus")),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--count" => a.count = value()?.parse().map_err(|e| format!("--count: {e}"))?,
            "--seed" => a.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => a.out = PathBuf::from(value()?),
            "--corpus" => a.corpus = PathBuf::from(value()?),
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    if a.out.as_os_str().is_empty() {
        return Err("--out DIR is required".into());
    }
    Ok(a)
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "gen_filings: {e}\nusage: gen_filings --count N --out DIR [--seed S] [--corpus DIR]"
            );
            std::process::exit(2);
        }
    };
    let pool = paragraphs(&a.corpus);
    if pool.len() < 100 {
        eprintln!(
            "gen_filings: only {} paragraphs found under {}: is it the corpus folder?",
            pool.len(),
            a.corpus.display()
        );
        std::process::exit(2);
    }
    let courts = courts();
    let result: Result<Vec<String>, String> = (0..a.count)
        .into_par_iter()
        .map(|i| {
            let f = make(i, a.seed, &courts, pool.len());
            let c = &courts[f.court];
            let dir = a.out.join(format!("{:03}", i / 1000));
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let (name, bytes, format) = match i % 10 {
                0..=2 => (format!("f{i:06}.pdf"), pdf_file(&f, c, &pool), "pdf"),
                3..=6 => (
                    format!("f{i:06}.html"),
                    html_file(&f, c, &pool).into_bytes(),
                    "html",
                ),
                _ => (
                    format!("f{i:06}.txt"),
                    text_file(&f, c, &pool).into_bytes(),
                    "text",
                ),
            };
            let path = dir.join(&name);
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(format!(
                "{:03}/{name}\t{format}\t{}\t{}\t{:04}-{:02}-{:02}\t{}\t{}\t{} v. {}\t{}",
                i / 1000,
                c.id,
                f.docket,
                f.date.0,
                f.date.1,
                f.date.2,
                f.doc_type,
                f.title,
                f.plaintiff,
                f.defendant,
                f.judge
            ))
        })
        .collect();
    let rows = match result {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("gen_filings: cannot write {e}");
            std::process::exit(2);
        }
    };
    // Beside the folder, not in it: the engines under test index the whole folder.
    let manifest = a.out.with_extension("tsv");
    let mut m = String::from("file\tformat\tcourt\tdocket\tdate\tdoc_type\ttitle\tcase\tjudge\n");
    for r in rows {
        m.push_str(&r);
        m.push('\n');
    }
    if let Err(e) = std::fs::File::create(&manifest).and_then(|mut f| f.write_all(m.as_bytes())) {
        eprintln!("gen_filings: cannot write {}: {e}", manifest.display());
        std::process::exit(2);
    }
    eprintln!(
        "gen_filings: {} filings from {} paragraphs in {}",
        a.count,
        pool.len(),
        a.out.display()
    );
}
