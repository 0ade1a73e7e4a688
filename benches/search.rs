//! Search and `/wish` at scale (`cargo bench --bench search`, or `-- 10000` for one size):
//! index build time and memory, then the latency of every query of a fixed set of one- to
//! four-word queries (`minilateral_synthetic::search_queries`) as `/search` answers it (the
//! index's page and the reply built from it), p50, p99 and max, per number of words; and
//! `/wish YEAR` for its first, middle and last page of every year. Also the labelled queries'
//! right-in-the-first-three rates on the bundled data. Figures go into BENCHMARKS.md.
//!
//! A load generator rather than criterion: the targets are percentiles of single queries.

use std::time::Instant;

use minilateral::answer::answer;
use minilateral::command::{Asked, Request};
use minilateral::dataset::{DataText, Dataset};
use minilateral::knowledge::Knowledge;
use minilateral::reply::Visibility;
use minilateral::search::SearchIndex;
use minilateral_synthetic::{Spec, dataset_json, search_queries};

#[path = "shared/timing.rs"]
mod timing;
use timing::{ms, percentiles};

const QUERIES: usize = 2000;
const WARM_UP: usize = 200;

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn ask(request: Request) -> Asked {
    Asked {
        request,
        visibility: Visibility::Public,
    }
}

fn at_scale(entities: usize) {
    let spec = Spec {
        entities,
        seed: 7,
        long_texts: false,
    };
    let d = Dataset::load(&[DataText::new("synthetic.json", dataset_json(spec))]).unwrap();
    println!(
        "\n== {entities} entities: {} passages, {} experts ==",
        d.passages().len(),
        d.experts().len()
    );
    let mut builds = Vec::new();
    let before = rss_mib();
    let mut index = None;
    for _ in 0..3 {
        drop(index.take());
        let t = Instant::now();
        index = Some(SearchIndex::new(&d));
        builds.push(ms(t.elapsed()));
    }
    let index = index.unwrap();
    builds.sort_by(f64::total_cmp);
    println!(
        "index build: {:.0} ms (median of 3; min {:.0}); index heap {:.1} MiB; RSS {:.0} → {:.0} MiB",
        builds[1],
        builds[0],
        index.heap_bytes() as f64 / 1048576.0,
        before,
        rss_mib()
    );
    drop(index);
    let k = Knowledge::new(d);

    let queries = search_queries(spec, QUERIES);
    let run = |q: &str| {
        let t = Instant::now();
        let reply = answer(
            &k,
            &ask(Request::Search {
                text: q.to_string(),
                page: 1,
                article: None,
            }),
        );
        std::hint::black_box(reply);
        ms(t.elapsed())
    };
    for q in queries.iter().take(WARM_UP) {
        run(q);
    }
    let mut slowest: Vec<(f64, &str)> = Vec::new();
    let mut by_words: Vec<Vec<f64>> = vec![Vec::new(); 5];
    let mut all = Vec::new();
    let mut index_only = Vec::new();
    let mut found = 0;
    let mut hits = 0;
    for q in &queries {
        let t = run(q);
        let start = Instant::now();
        let total = std::hint::black_box(k.search.search(q, 0..5)).total;
        found += usize::from(total > 0);
        hits += total;
        index_only.push(ms(start.elapsed()));
        by_words[q.split(' ').count().min(4)].push(t);
        slowest.push((t, q));
        all.push(t);
    }
    let (p50, p99, max) = percentiles(&mut all);
    println!(
        "/search, {} queries ({} with hits, {} hits on average): p50 {p50:.3} ms, p99 {p99:.3} ms, max {max:.3} ms",
        queries.len(),
        found,
        hits / queries.len()
    );
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slow: Vec<String> = slowest
        .iter()
        .take(8)
        .map(|(t, q)| format!("“{q}” {t:.1} ms"))
        .collect();
    println!("  slowest: {}", slow.join(", "));
    let (p50, p99, max) = percentiles(&mut index_only);
    println!(
        "  the index alone (first page of hits and the count): p50 {p50:.3} ms, p99 {p99:.3} ms, max {max:.3} ms"
    );
    for (n, times) in by_words.iter_mut().enumerate().skip(1) {
        if !times.is_empty() {
            let count = times.len();
            let (p50, p99, max) = percentiles(times);
            println!("  {n} word(s), {count}: p50 {p50:.3} ms, p99 {p99:.3} ms, max {max:.3} ms");
        }
    }

    let mut wish = Vec::new();
    for year in k.dataset.wish_years() {
        let (total, _) = k.dataset.wishers(year);
        let pages = total.div_ceil(5).max(1) as u32;
        for page in [1, pages / 2 + 1, pages] {
            for _ in 0..20 {
                let t = Instant::now();
                let reply = answer(
                    &k,
                    &ask(Request::Wish {
                        year: i64::from(year),
                        expert: None,
                        page,
                    }),
                );
                std::hint::black_box(reply);
                wish.push(ms(t.elapsed()));
            }
        }
    }
    let (p50, p99, max) = percentiles(&mut wish);
    println!(
        "/wish YEAR, first, middle and last page of each year: p50 {p50:.3} ms, p99 {p99:.3} ms, max {max:.3} ms"
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a size may be named to run only that one.
    let only: Option<usize> = std::env::args().skip(1).find_map(|a| a.parse().ok());
    for entities in [10_000, 100_000] {
        if only.is_none_or(|o| o == entities) {
            at_scale(entities);
        }
    }
}
