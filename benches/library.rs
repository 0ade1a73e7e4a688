//! A library of 1,000 articles (`cargo bench --bench library`; `-- 200` for another size):
//! the time to load it (`Dataset::load` and `Knowledge::new`), the memory it holds, and the
//! p50/p99/max latency of every command answered through `answer::answer`, each asked as the
//! console asks it (`parse_line`, then `request`). Figures go into BENCHMARKS.md.
//!
//! The commands are a table of lines: a line whose command the bot does not have yet (`/article`
//! before it lands) is reported as skipped, not failed, so the table can run ahead of the code.
//! A load generator rather than criterion: the targets are percentiles of single answers.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use minilateral::answer::answer;
use minilateral::command::{Asked, Request, RequestError, parse_line, request};
use minilateral::dataset::{DataText, Dataset, PassageKind};
use minilateral::knowledge::Knowledge;
use minilateral::reply::Reply;
use minilateral::reply::Visibility;
use minilateral_synthetic::{LibrarySpec, library_json, typo};

#[path = "shared/timing.rs"]
mod timing;
use timing::{ms, percentiles, thread_cpu};

/// Answers timed per command (fewer when a command is slow: `BUDGET` each at most).
const RUNS: usize = 500;
const WARM_UP: usize = 20;
const BUDGET: Duration = Duration::from_secs(5);
/// Targets: load and index, RSS after loading, p99 of every card and search page.
const LOAD_TARGET_MS: f64 = 2000.0;
const RSS_TARGET_MIB: f64 = 150.0;
const P99_TARGET_MS: f64 = 2.0;

/// (VmRSS, VmHWM) of this process in MiB.
fn memory_mib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Hands freed heap pages back to the system, as `serve` does after loading (`live`), so that
/// RSS is what the data holds, not what the generator left free.
fn trim() {
    // SAFETY: malloc_trim only returns free heap pages to the kernel; it has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Sets VmHWM back to the current RSS (Linux's `clear_refs`), so that the peak measured is the
/// load's, not the generator's.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// One thing to ask: a console line (with the page a button would ask for), or a message for
/// the message command.
enum Input {
    Line { line: String, page: u32 },
    Message(String),
}

struct Case {
    label: String,
    input: Input,
}

fn line(label: impl Into<String>, line: impl Into<String>) -> Case {
    paged(label, line, 1)
}

fn paged(label: impl Into<String>, line: impl Into<String>, page: u32) -> Case {
    Case {
        label: label.into(),
        input: Input::Line {
            line: line.into(),
            page,
        },
    }
}

/// The request a case asks, as the console reads its line; `Ok(None)` when the line's command
/// does not exist yet.
fn asked(input: &Input) -> Result<Option<Asked>, RequestError> {
    let (line, page) = match input {
        Input::Message(text) => {
            return Ok(Some(Asked {
                request: Request::Mentions { text: text.clone() },
                visibility: Visibility::Private,
            }));
        }
        Input::Line { line, page } => (line, *page),
    };
    let parsed = match parse_line(line) {
        Err(RequestError::UnknownCommand(_)) => return Ok(None),
        parsed => parsed?,
    };
    let mut asked = request(parsed.command, &parsed.options)?;
    // Pages past the first come from buttons, which carry the request with its page.
    match &mut asked.request {
        Request::Search { page: p, .. }
        | Request::Wish { page: p, .. }
        | Request::Article { page: p, .. } => *p = page,
        _ => assert_eq!(
            page, 1,
            "{line}: only /search, /wish and /article have pages"
        ),
    }
    Ok(Some(asked))
}

/// What a reply is, in a few words, to see that each case asks what it means to.
fn gist(reply: &Reply) -> String {
    let title = reply
        .cards
        .first()
        .map(|c| c.title.chars().take(48).collect::<String>())
        .unwrap_or_default();
    format!(
        "{:?}, {} card(s), {} button(s){}{}",
        reply.outcome,
        reply.cards.len(),
        reply.buttons.len(),
        if title.is_empty() { "" } else { ": " },
        title
    )
}

/// The commands to time, with names taken from the data: an expert who speaks in the most
/// articles and one who speaks in one, the group spoken of most, the year with most wishes, a
/// common and a rare word (first, a middle and the last page), a country in many groups, an
/// article's title.
fn cases(k: &Knowledge) -> Vec<Case> {
    let d = &k.dataset;
    let articles_of = |id: &str| {
        d.said_by(id)
            .map(|p| p.source.as_str())
            .collect::<HashSet<_>>()
            .len()
    };
    let (many, many_n) = d
        .experts()
        .iter()
        .map(|e| (e, articles_of(e.id.as_str())))
        .max_by_key(|(_, n)| *n)
        .expect("the library has experts");
    let one = d
        .experts()
        .iter()
        .rev()
        .find(|e| articles_of(e.id.as_str()) == 1)
        .expect("someone speaks in one article only");
    let group = d
        .groups()
        .iter()
        .max_by_key(|g| d.about(g.id.as_str()).count())
        .expect("the library has groups");
    let year = d
        .wish_years()
        .into_iter()
        .max_by_key(|&y| d.wishers(y).0)
        .expect("the library has wishes");
    // The group spoken of most and the two groups after it in the data.
    let three: Vec<&str> = std::iter::once(group)
        .chain(d.groups().iter().filter(|g| g.id != group.id).take(2))
        .map(|g| g.name.as_str())
        .collect();
    let three = three.join(", ");
    let many_year = d.wishes_of(many.id.as_str()).last().and_then(|p| p.year);
    let source = &d.sources()[d.sources().len() / 2];
    let pages = |word: &str| {
        let total = k.search.search(word, 0..5).total;
        (total, total.div_ceil(5).max(1) as u32)
    };
    let (common, rare) = ("cooperation", "valparaiso");
    let (common_hits, common_pages) = pages(common);
    let (rare_hits, rare_pages) = pages(rare);
    // A message quoting a few articles: framings that name groups, and bylines.
    let message: String = d
        .passages()
        .iter()
        .filter(|p| matches!(p.kind, PassageKind::Framing | PassageKind::Byline))
        .filter(|p| !p.concerns.is_empty())
        .step_by(97)
        .take(24)
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    println!(
        "names: {} speaks in {many_n} articles, {} in one; {} is spoken of in {} passages; \
         {year} has {} wishers; “{common}” {common_hits} hits, “{rare}” {rare_hits}; the message \
         is {} characters",
        many.name,
        one.name,
        group.name,
        d.about(group.id.as_str()).count(),
        d.wishers(year).0,
        message.chars().count(),
    );
    let mut out = vec![
        line(
            "/expert, in many articles",
            format!("/expert {}", many.name),
        ),
        line("/expert, in one article", format!("/expert {}", one.name)),
        line("/expert, a typo", format!("/expert {}", typo(&one.name))),
        line("/group", format!("/group {}", group.name)),
        line("/wish YEAR", format!("/wish {year}")),
        paged(
            "/wish YEAR, last page",
            format!("/wish {year}"),
            d.wishers(year).0.div_ceil(5) as u32,
        ),
    ];
    if let Some(y) = many_year {
        out.push(line(
            "/wish YEAR expert:NAME",
            format!("/wish {y} expert:{}", many.name),
        ));
    }
    out.extend([
        line("/search, common word", format!("/search {common}")),
        paged(
            "/search, common word, page 10",
            format!("/search {common}"),
            10,
        ),
        paged(
            "/search, common word, last page",
            format!("/search {common}"),
            common_pages,
        ),
        line("/search, rare word", format!("/search {rare}")),
        paged(
            "/search, rare word, last page",
            format!("/search {rare}"),
            rare_pages,
        ),
        line(
            "/search, three words",
            format!("/search permanent secretariat {}", group.name),
        ),
        line("/country", "/country india"),
        line("/overlap (every group)", "/overlap"),
        line("/overlap, three groups", format!("/overlap {three}")),
        line("/about", "/about"),
        Case {
            label: "message command".to_string(),
            input: Input::Message(message),
        },
        line("/article", "/article"),
        paged(
            "/article, last page",
            "/article",
            d.sources().len().div_ceil(10) as u32,
        ),
        line(
            "/article title:TITLE",
            format!("/article title:{}", d.title(source)),
        ),
        line(
            "/article title:SHORT TITLE",
            format!("/article title:{}", d.short_title(source)),
        ),
        line(
            "/search WORD article:TITLE",
            format!("/search {common} article:{}", d.short_title(source)),
        ),
    ]);
    out
}

fn main() {
    // `cargo bench` passes `--bench`; a number of articles may be named, and words that the
    // labels of the commands to time must contain (`-- 1000 overlap`, for a profile).
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let articles = args.iter().find_map(|a| a.parse().ok()).unwrap_or(1000);
    let only: Vec<&String> = args
        .iter()
        .filter(|a| a.parse::<usize>().is_err())
        .collect();
    let spec = LibrarySpec {
        articles,
        seed: 2026,
    };
    let json = library_json(spec);
    let json_mib = json.len() as f64 / 1048576.0;
    trim();
    reset_peak();
    let (rss_start, _) = memory_mib();

    // The first load, as a starting bot does it: the JSON text is the file's, read before.
    let (t, c) = (Instant::now(), thread_cpu());
    let dataset = Dataset::load(&[DataText::new("library.json", json.clone())]).unwrap();
    let (load, load_cpu) = (ms(t.elapsed()), ms(thread_cpu() - c));
    let (t, c) = (Instant::now(), thread_cpu());
    let k = Knowledge::new(dataset);
    let (index, index_cpu) = (ms(t.elapsed()), ms(thread_cpu() - c));
    let (rss_loaded, hwm) = memory_mib();
    drop(json);
    trim();
    let (rss, _) = memory_mib();
    let d = &k.dataset;
    let s = d.summary();
    let several = d
        .experts()
        .iter()
        .filter(|e| {
            d.said_by(e.id.as_str())
                .map(|p| &p.source)
                .collect::<HashSet<_>>()
                .len()
                > 1
        })
        .count();
    println!(
        "== {} articles: {} passages, {} experts ({several} in more than one article), {} groups, \
         {} bodies, wishes for {:?}; {json_mib:.1} MiB of JSON ==",
        s.sources, s.passages, s.experts, s.groups, s.bodies, s.wish_years
    );
    println!(
        "load {load:.0} ms + knowledge {index:.0} ms = {:.0} ms (target ≤ {LOAD_TARGET_MS:.0} ms); \
         of this thread's CPU {load_cpu:.0} + {index_cpu:.0} ms",
        load + index
    );
    println!(
        "RSS {rss_start:.0} MiB before (the JSON text), {rss_loaded:.0} MiB after loading, \
         {rss:.0} MiB with the JSON text dropped and free pages trimmed as `serve` does \
         (target ≤ {RSS_TARGET_MIB:.0} MiB); peak during the load (VmHWM) {hwm:.0} MiB"
    );

    // Two more loads, for the spread of load times (the first one counts for memory).
    let again: Vec<(f64, f64)> = (0..2)
        .map(|_| {
            let json = library_json(spec);
            let (t, c) = (Instant::now(), thread_cpu());
            let k = Knowledge::new(Dataset::load(&[DataText::new("library.json", json)]).unwrap());
            let took = (ms(t.elapsed()), ms(thread_cpu() - c));
            drop(k);
            took
        })
        .collect();
    println!(
        "load + knowledge again: {:.0} ms (CPU {:.0} ms), {:.0} ms (CPU {:.0} ms)",
        again[0].0, again[0].1, again[1].0, again[1].1
    );

    println!(
        "\n{:<36} {:>8} {:>8} {:>8} {:>8} {:>8}  reply",
        "command (ms)", "p50", "p99", "max", "cpu p50", "cpu p99"
    );
    let mut missed = Vec::new();
    let chosen = cases(&k)
        .into_iter()
        .filter(|c| only.iter().all(|o| c.label.contains(o.as_str())));
    for case in chosen {
        let asked = match asked(&case.input) {
            Ok(Some(asked)) => asked,
            Ok(None) => {
                println!("{:<36} skipped (not a command yet)", case.label);
                continue;
            }
            Err(e) => panic!("{}: {e}", case.label),
        };
        let reply = answer(&k, &asked);
        for _ in 0..WARM_UP {
            std::hint::black_box(answer(&k, &asked));
        }
        let mut wall = Vec::with_capacity(RUNS);
        let mut cpu = Vec::with_capacity(RUNS);
        let started = Instant::now();
        while wall.len() < RUNS && (wall.len() < 50 || started.elapsed() < BUDGET) {
            let (t, c) = (Instant::now(), thread_cpu());
            std::hint::black_box(answer(&k, &asked));
            cpu.push(ms(thread_cpu() - c));
            wall.push(ms(t.elapsed()));
        }
        let (p50, p99, max) = percentiles(&mut wall);
        let (cpu50, cpu99, _) = percentiles(&mut cpu);
        println!(
            "{:<36} {p50:>8.3} {p99:>8.3} {max:>8.3} {cpu50:>8.3} {cpu99:>8.3}  {}",
            case.label,
            gist(&reply)
        );
        if p99 > P99_TARGET_MS {
            missed.push(format!(
                "{} (p99 {p99:.2} ms, of its own CPU {cpu99:.2} ms)",
                case.label
            ));
        }
    }
    if missed.is_empty() {
        println!("\nevery command's p99 is within {P99_TARGET_MS} ms");
    } else {
        println!("\np99 over {P99_TARGET_MS} ms: {}", missed.join(", "));
    }
    println!("(machine: load average {})", load_average());
}

/// The 1-minute load average, to judge how much of a tail is other work on the machine.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(String::from))
        .unwrap_or_default()
}
