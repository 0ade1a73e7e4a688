//! Matching speed: loading and indexing, resolve and complete, on the bundled dataset and on
//! synthetic datasets of 1k, 10k and 100k entities (`cargo bench --bench matching`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use minilateral::datafiles;
use minilateral::dataset::{DataText, Dataset, Kind};
use minilateral::matching::Matcher;
use minilateral_synthetic::{Spec, dataset_json};

/// Queries as people type them: names with a typo, a surname alone, a prefix.
fn queries(d: &Dataset) -> (Vec<String>, Vec<String>) {
    let step = (d.experts().len() / 50).max(1);
    let mut resolve = Vec::new();
    let mut complete = Vec::new();
    for (i, e) in d.experts().iter().step_by(step).take(50).enumerate() {
        let name = e.name.to_lowercase();
        let q = match i % 3 {
            // A dropped letter in the middle.
            0 => {
                let mid = name.chars().count() / 2;
                name.chars()
                    .enumerate()
                    .filter(|(j, _)| *j != mid)
                    .map(|(_, c)| c)
                    .collect()
            }
            1 => name.split(' ').next_back().unwrap_or(&name).to_string(),
            _ => name.clone(),
        };
        resolve.push(q);
        complete.push(name.chars().take(2 + i % 5).collect());
    }
    (resolve, complete)
}

fn bench_on(c: &mut Criterion, label: &str, files: &[DataText], load_samples: usize) {
    let mut group = c.benchmark_group(format!("matching/{label}"));
    group.sample_size(load_samples);
    group.measurement_time(Duration::from_secs(if load_samples < 20 { 20 } else { 5 }));
    group.bench_function("load_and_index", |b| {
        b.iter(|| {
            let d = Dataset::load(black_box(files)).unwrap();
            black_box(Matcher::new(&d));
        })
    });
    group.finish();

    let d = Dataset::load(files).unwrap();
    let m = Matcher::new(&d);
    let (resolve, complete) = queries(&d);
    let mut group = c.benchmark_group(format!("matching/{label}"));
    group.bench_with_input(
        BenchmarkId::new("resolve", "per_query"),
        &resolve,
        |b, qs| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % qs.len();
                black_box(m.resolve(Kind::Expert, &qs[i]))
            })
        },
    );
    group.bench_with_input(
        BenchmarkId::new("complete", "per_query"),
        &complete,
        |b, qs| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % qs.len();
                black_box(m.complete(Kind::Expert, &qs[i], &|_| true))
            })
        },
    );
    group.finish();
}

fn matching(c: &mut Criterion) {
    // The bundled dataset and the article's text, as the binary reads them.
    let bundled = datafiles::read(&datafiles::DataPath::Bundled).unwrap();
    bench_on(c, "bundled", &bundled, 100);
    for (label, n, samples) in [
        ("1k", 1_000, 50),
        ("10k", 10_000, 10),
        ("100k", 100_000, 10),
    ] {
        let text = dataset_json(Spec {
            entities: n,
            seed: 2024,
            long_texts: false,
        });
        bench_on(c, label, &[DataText::new("bench.json", text)], samples);
    }
}

criterion_group!(benches, matching);
criterion_main!(benches);
