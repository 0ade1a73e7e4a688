//! `import` of long articles (`cargo bench --bench import`; `-- 5000 20000` for other sizes):
//! synthetic articles of 10k, 20k, 50k and 100k one-line paragraphs (`article_text`), each
//! drafted as `minilateral import` drafts it (`decode`, `draft`, the JSON written) and the
//! draft then loaded as `check` loads it. Prints the time per paragraph at each size, so that
//! a cost that grows faster than the text shows as a growing figure. Figures go into
//! BENCHMARKS.md ("Bounded: import of long articles").
//!
//! Not criterion: one run of 100k paragraphs takes seconds, and the question is how the time
//! grows with the text, not a few percent.

use std::time::{Duration, Instant};

use minilateral::dataset::{DataText, Dataset};
use minilateral::import::{Options, decode, draft};
use minilateral_synthetic::article_text;

const SIZES: &[usize] = &[10_000, 20_000, 50_000, 100_000];
/// `import` of 100,000 paragraphs (issue 28).
const TARGET_100K: Duration = Duration::from_secs(5);
/// Linear: the time per paragraph at the largest size at most this times that at the smallest.
const LINEAR_SLACK: f64 = 1.5;

struct Row {
    paragraphs: usize,
    import: Duration,
    check: Duration,
    passages: usize,
}

fn run(paragraphs: usize) -> Row {
    let article = article_text(paragraphs, 28);
    let started = Instant::now();
    let text = decode(article.as_bytes()).expect("the generator writes text");
    let d = draft(&text, &Options::default(), None).expect("the article drafts");
    let json = d.file.to_json(Some("article.txt"), &text);
    let import = started.elapsed();
    let files = [
        DataText::new("draft.json", json),
        DataText::source_text("article.txt", text),
    ];
    let started = Instant::now();
    let loaded = Dataset::load(&files).expect("the draft loads as check loads it");
    let check = started.elapsed();
    Row {
        paragraphs,
        import,
        check,
        passages: loaded.passages().len(),
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        SIZES.to_vec()
    } else {
        sizes
    };
    println!(
        "{:>11} {:>9} {:>10} {:>14} {:>10} {:>14}",
        "paragraphs", "passages", "import s", "µs/paragraph", "check s", "µs/paragraph"
    );
    let mut rows = Vec::new();
    for n in sizes {
        let row = run(n);
        let per = |d: Duration| d.as_secs_f64() * 1e6 / row.paragraphs as f64;
        println!(
            "{:>11} {:>9} {:>10.2} {:>14.1} {:>10.2} {:>14.1}",
            row.paragraphs,
            row.passages,
            row.import.as_secs_f64(),
            per(row.import),
            row.check.as_secs_f64(),
            per(row.check)
        );
        rows.push(row);
    }
    let per = |r: &Row| r.import.as_secs_f64() / r.paragraphs as f64;
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        let growth = per(last) / per(first);
        let linear = growth <= LINEAR_SLACK;
        println!(
            "time per paragraph, {} vs {}: ×{growth:.2} ({}; at most ×{LINEAR_SLACK})",
            last.paragraphs,
            first.paragraphs,
            if linear { "linear" } else { "NOT linear" }
        );
    }
    if let Some(r) = rows.iter().find(|r| r.paragraphs == 100_000) {
        println!(
            "100,000 paragraphs: {:.2} s ({}; target {} s)",
            r.import.as_secs_f64(),
            if r.import <= TARGET_100K {
                "within"
            } else {
                "OVER"
            },
            TARGET_100K.as_secs()
        );
    }
}
