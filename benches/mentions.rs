//! Scanning a message for the names it holds (`cargo bench --bench mentions`): a message of
//! 4,000 characters made of the data's own passages (so it names many entities), on the bundled
//! data and on 100k synthetic entities; p50, p99 and max of single scans, and the time to build
//! the names. Issue 15's targets: p50 < 200 µs bundled, < 2 ms at 100k.
//!
//! Then long and hostile texts on the bundled data (issue 28): names glued into one word
//! ("G7G7…"), spaced, one letter repeated, and capitalised unknown words (each asked for a typo),
//! at 10, 20, 50 and 100 KB, with the time per KB: a linear scan keeps that figure flat. Target:
//! 100 KB within 50 ms, a 4,000-character message within 2 ms.

use std::time::Instant;

use minilateral::datafiles::{self, DataPath};
use minilateral::dataset::{DataText, Dataset};
use minilateral::knowledge::Knowledge;
use minilateral_synthetic::{Spec, dataset_json};

#[path = "shared/timing.rs"]
mod timing;
use timing::thread_cpu;

const RUNS: usize = 500;
/// The size of the English word list compiled into the core (issue 29), for the record.
const WORD_LIST_BYTES: usize = include_bytes!("../crates/core/src/mentions/english.txt").len();

/// The passages' texts, every `step`th, joined until 4,000 characters.
fn message(d: &Dataset, step: usize) -> String {
    let mut text = String::new();
    for p in d.passages().iter().step_by(step.max(1)) {
        if text.chars().count() >= 4000 {
            break;
        }
        text.push_str(&p.text);
        text.push(' ');
    }
    if text.is_empty() {
        return text;
    }
    // Short data repeats itself to the length.
    while text.chars().count() < 4000 {
        text = format!("{text} {text}");
    }
    text.chars().take(4000).collect()
}

/// A discussion that names few entities but many people and places the data does not hold:
/// every capitalised word the passages do not use is looked for one typo off a name. Forty
/// surnames in turn, six a line, so that each comes back a few times in 4,000 characters, as
/// names do in a discussion (and a scan that remembered only one line would not be flattered).
fn chat() -> String {
    const NAMES: [&str; 40] = [
        "Okonkwo",
        "Hendrickson",
        "Abernathy",
        "Ramaswamy",
        "Wojciechowski",
        "Castellanos",
        "Lindqvist",
        "Nakamura",
        "Fitzgerald",
        "Oyelaran",
        "Kowalczyk",
        "Bergström",
        "Delacroix",
        "Montgomery",
        "Vasquez",
        "Haraldsen",
        "Achterberg",
        "Szymanski",
        "Pellegrini",
        "Rasmussen",
        "Takahashi",
        "Olawale",
        "Grünewald",
        "Fairweather",
        "Hollingsworth",
        "Kristiansen",
        "Mbeki",
        "Ostrowski",
        "Villanueva",
        "Yamamoto",
        "Zielinski",
        "Bartholomew",
        "Constantine",
        "Drummond",
        "Ekwueme",
        "Fontaine",
        "Gallagher",
        "Hashimoto",
        "Ignatiev",
        "Jovanovic",
    ];
    let mut text = String::new();
    let mut n = 0;
    while text.chars().count() < 4000 {
        let mut next = || {
            n += 1;
            NAMES[(n * 7) % NAMES.len()]
        };
        let (a, b, c, d, e, f) = (next(), next(), next(), next(), next(), next());
        text.push_str(&format!(
            "{a} and Valentina {b} met {c} in Johannesburg; {d} thinks Filer's point on the \
             G7 stands, {e} doubts it, {f} asks what Meserole meant by the UN. "
        ));
    }
    text.chars().take(4000).collect()
}

fn measure(label: &str, d: Dataset, step: usize) {
    let text = message(&d, step);
    let t = Instant::now();
    let m = minilateral::mentions::Mentions::new(&d);
    let build = t.elapsed().as_secs_f64() * 1000.0;
    let (heap, chat_heap) = m.heap_bytes();
    println!(
        "{label}: names on the heap {:.0} KB, of which chat-style names (lower-case surnames, first names) {:.0} KB; the word list is {} KB in the program, searched in place",
        heap as f64 / 1e3,
        chat_heap as f64 / 1e3,
        WORD_LIST_BYTES / 1000
    );
    drop(m);
    let k = Knowledge::new(d);
    let found = k.mentions(&text).len();
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(k.mentions(std::hint::black_box(&text)));
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let chat = chat();
    let mut chat_times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(k.mentions(std::hint::black_box(&chat)));
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    chat_times.sort_by(f64::total_cmp);
    // The same discussion in lower case, as people chat: every lower-case word is asked
    // whether it is a surname that counts so (issue 29).
    let lower = chat.to_lowercase();
    let mut lower_times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(k.mentions(std::hint::black_box(&lower)));
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    lower_times.sort_by(f64::total_cmp);
    println!(
        "{label}: that discussion in lower case ({} found): p50 {:.0} µs, p99 {:.0} µs",
        k.mentions(&lower).len(),
        lower_times[RUNS / 2],
        lower_times[RUNS * 99 / 100]
    );
    println!(
        "{label}: a 4,000-character discussion full of names the data does not hold ({} found): p50 {:.0} µs, p99 {:.0} µs",
        k.mentions(&chat).len(),
        chat_times[RUNS / 2],
        chat_times[RUNS * 99 / 100]
    );
    println!(
        "{label}: names built in {build:.0} ms; a 4,000-character message naming {found} entities: p50 {:.0} µs, p99 {:.0} µs, max {:.0} µs",
        times[RUNS / 2],
        times[RUNS * 99 / 100],
        times[RUNS - 1]
    );
}

/// `unit` repeated to `bytes` bytes (a whole number of units).
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// The best of a few scans of `text`, in milliseconds of this thread's CPU (the machine is
/// shared: the best run is the cost of the work, the others add waiting).
fn best_ms(k: &Knowledge, text: &str) -> f64 {
    (0..5)
        .map(|_| {
            let c = thread_cpu();
            std::hint::black_box(k.mentions(std::hint::black_box(text)));
            (thread_cpu() - c).as_secs_f64() * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

/// Capitalised words of eight letters, each different (a memo of words seen helps nothing):
/// every one is asked whether it is a word of the passages and looked for one typo off a name.
fn distinct_names(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 16);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    while text.len() < bytes {
        for i in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let letter = b'a' + (seed % 26) as u8;
            text.push(if i == 0 {
                letter.to_ascii_uppercase()
            } else {
                letter
            } as char);
        }
        text.push(' ');
    }
    text
}

fn long_texts(k: &Knowledge) {
    // A text of about n bytes of each shape.
    let shapes: [(&str, &dyn Fn(usize) -> String); 6] = [
        ("glued G7G7…", &|n| repeated("G7", n)),
        ("glued G77G77…", &|n| repeated("G77", n)),
        ("spaced \"G7 \"", &|n| repeated("G7 ", n)),
        ("one letter", &|n| repeated("a", n)),
        ("distinct unknown names", &distinct_names),
        ("names and words", &|n| {
            repeated("Filer's point on the G7 and the UN, said Meserole. ", n)
        }),
    ];
    for (label, make) in shapes {
        let mut line = format!("long texts, {label} (CPU):");
        for kb in [10, 20, 50, 100] {
            let text = make(kb * 1000);
            let ms = best_ms(k, &text);
            line.push_str(&format!(
                " {kb} KB {ms:.2} ms ({:.0} µs/KB);",
                ms * 1000.0 / kb as f64
            ));
        }
        println!("{line}");
    }
    for (label, make) in shapes {
        let text: String = make(4000).chars().take(4000).collect();
        let (mut wall, mut cpu) = (Vec::with_capacity(RUNS), Vec::with_capacity(RUNS));
        for _ in 0..RUNS {
            let (t, c) = (Instant::now(), thread_cpu());
            std::hint::black_box(k.mentions(std::hint::black_box(&text)));
            wall.push(t.elapsed().as_secs_f64() * 1e6);
            cpu.push((thread_cpu() - c).as_secs_f64() * 1e6);
        }
        wall.sort_by(f64::total_cmp);
        cpu.sort_by(f64::total_cmp);
        println!(
            "a 4,000-character message, {label}: p50 {:.0} µs, p99 {:.0} µs, max {:.0} µs; of its own CPU p50 {:.0} µs, p99 {:.0} µs",
            wall[RUNS / 2],
            wall[RUNS * 99 / 100],
            wall[RUNS - 1],
            cpu[RUNS / 2],
            cpu[RUNS * 99 / 100],
        );
    }
}

fn main() {
    let bundled = datafiles::load(&DataPath::Bundled).expect("bundled data loads");
    long_texts(&Knowledge::new(
        datafiles::load(&DataPath::Bundled).expect("bundled data loads"),
    ));
    measure("bundled", bundled, 1);
    let spec = Spec {
        entities: 100_000,
        seed: 7,
        long_texts: false,
    };
    let d = Dataset::load(&[DataText::new("synthetic.json", dataset_json(spec))]).unwrap();
    measure("100k entities", d, 997);
}
