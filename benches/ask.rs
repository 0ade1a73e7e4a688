//! `/ask` measured (`cargo bench --bench ask`; issue 25, items 4 and 5): the labelled questions'
//! rates per set and kind, counted as `tests/it/ask.rs` counts them, beside `/search` run on the
//! same questions; the bound on each set's passage rows a lexical reader can reach; the p50/p99/max
//! latency of `/ask` as `answer::answer` answers it, on the bundled data and on the 1,000-article
//! synthetic library; and the time to refuse a 2,000-character question. Figures go into
//! BENCHMARKS.md.
//!
//! A load generator rather than criterion: the targets are rates and percentiles of single
//! answers.

use std::collections::HashSet;
use std::time::Instant;

use minilateral::answer::answer;
use minilateral::command::{Asked, QuestionFrom, Request};
use minilateral::dataset::{DataText, Dataset, EntityIx, Id};
use minilateral::fold;
use minilateral::knowledge::Knowledge;
use minilateral::question;
use minilateral::reply::{Outcome, Visibility};
use minilateral::search::{is_stopword, term};
use minilateral_synthetic::labelled::{Labelled, first_answer, first_of, labelled};
use minilateral_synthetic::{LibrarySpec, library_json, typo};

#[path = "shared/timing.rs"]
mod timing;
use timing::{ms, percentiles, thread_cpu};

/// The targets: the first answer right for this share of each set's passage and list
/// questions, every none question answered honestly, and p99 of one answer.
const RATE_TARGET: f64 = 0.9;
/// The labelled sets, as `ask.tsv` names them: tuned on (`tune`, `review`, `held`, `fresh`,
/// `tune2`, `chat`: session 12's blind set), and held out (`blind`: written in session 13
/// before its rules, never shown).
const SETS: [&str; 7] = ["tune", "review", "held", "fresh", "tune2", "chat", "blind"];
/// The sets whose questions are never printed: nobody tunes on what they cannot see.
const HELD_OUT: [&str; 1] = ["blind"];
const BUNDLED_P99_MS: f64 = 2.0;
const LIBRARY_P99_MS: f64 = 5.0;
/// A refusal is bounded when it is this fast however long the question (it reads nothing).
const REFUSAL_P99_MS: f64 = 0.1;
/// Answers timed per data set: the questions asked round after round until this many.
const ANSWERS: usize = 4000;
/// Refusals timed per length.
const REFUSALS: usize = 2000;

fn asked(question: &str) -> Asked {
    Asked {
        request: Request::Ask {
            question: question.to_string(),
            from: QuestionFrom::Typed,
        },
        visibility: Visibility::Public,
    }
}

fn met(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT met" }
}

/// Right and asked.
#[derive(Clone, Copy, Default)]
struct Count {
    right: usize,
    asked: usize,
}

impl Count {
    fn add(&mut self, right: bool) {
        self.right += usize::from(right);
        self.asked += 1;
    }

    fn rate(self) -> f64 {
        self.right as f64 / self.asked.max(1) as f64
    }

    fn show(self) -> String {
        format!(
            "{:>3}/{:<3} {:>5.1}%",
            self.right,
            self.asked,
            100.0 * self.rate()
        )
    }
}

/// Whether `/search` puts an expected passage first for `l`: never for a list row, whose answer
/// is a member list, not a passage.
fn search_right(k: &Knowledge, l: &Labelled) -> bool {
    k.search
        .search(&l.question, 0..5)
        .hits
        .first()
        .is_some_and(|h| l.expected.contains(&k.dataset[h.passage].id.to_string()))
}

/// The stemmed content words of `text` (search's stopwords aside).
fn terms(text: &str) -> HashSet<String> {
    fold::words(text)
        .into_iter()
        .filter(|w| !w.is_empty() && !is_stopword(w))
        .map(|w| term(&w))
        .collect()
}

/// The entities a question names, as generously as the core can read them: the mention
/// scanner's, and every entity `/ask`'s reading found (typos and people through their
/// organisation too).
fn question_entities(k: &Knowledge, q: &str) -> HashSet<EntityIx> {
    let mut out: HashSet<EntityIx> = k.mentions(q).into_iter().map(|m| m.entity).collect();
    out.extend(question::read(k, q).entities.iter().map(|n| n.entity));
    out
}

/// What a question shares with any of its expected passages (the passage's lead-in and text,
/// its speaker, the entities it concerns and those its words name).
#[derive(Clone, Copy, Default)]
struct Shared {
    /// A content word: stemmed, search's stopwords aside.
    word: bool,
    /// A word `/ask` reads as the question's own (`Reading::words`: no cue, filler, name or
    /// year word), stemmed.
    own_word: bool,
    /// A named entity.
    entity: bool,
}

/// What the question of `l` shares with its expected passages.
fn shared(k: &Knowledge, l: &Labelled) -> Shared {
    let d = &k.dataset;
    let words = terms(&l.question);
    let own: HashSet<String> = question::read(k, &l.question)
        .words
        .iter()
        .filter(|w| !w.is_empty())
        .map(|w| term(w))
        .collect();
    let named: HashSet<&Id> = question_entities(k, &l.question)
        .into_iter()
        .map(|e| d.entity_at(e).id())
        .collect();
    let mut out = Shared::default();
    for p in d
        .passages()
        .iter()
        .filter(|p| l.expected.contains(&p.id.to_string()))
    {
        let text = format!("{} {}", p.lead_in.as_deref().unwrap_or(""), p.text);
        let said = terms(&text);
        let in_text: Vec<Id> = k.mentions(&text).into_iter().map(|m| m.id).collect();
        out.word |= !said.is_disjoint(&words);
        out.own_word |= !said.is_disjoint(&own);
        out.entity |= p
            .speaker
            .iter()
            .chain(&p.concerns)
            .chain(&in_text)
            .any(|id| named.contains(id));
    }
    out
}

/// The labelled set: `/ask` beside `/search`, per set and kind, and the bound. Returns whether
/// each rate target is met.
fn rates(k: &Knowledge, rows: &[Labelled]) -> bool {
    println!(
        "\n== the labelled set (tests/fixtures/ask.tsv), {} questions ==",
        rows.len()
    );
    println!(
        "{:<5} {:<9} {:>15} {:>15}  target",
        "set", "kind", "/ask first", "/search first"
    );
    let mut all_met = true;
    for set in SETS {
        let of = |kind: &'static str| rows.iter().filter(move |l| l.set == set && l.kind == kind);
        let (mut ask_answered, mut search_answered) = (Count::default(), Count::default());
        for kind in ["passage", "list"] {
            let (mut a, mut s) = (Count::default(), Count::default());
            for l in of(kind) {
                let (ar, sr) = (l.right(k), search_right(k, l));
                a.add(ar);
                s.add(sr);
                ask_answered.add(ar);
                search_answered.add(sr);
            }
            println!("{set:<5} {kind:<9} {:>15} {:>15}", a.show(), s.show());
        }
        let ok = ask_answered.rate() >= RATE_TARGET;
        all_met &= ok;
        println!(
            "{set:<5} {:<9} {:>15} {:>15}  ≥ {:.0}%: {}",
            "answered",
            ask_answered.show(),
            search_answered.show(),
            100.0 * RATE_TARGET,
            met(ok)
        );
        // /search has no honest reply: for it, "right" would be quoting nothing at all.
        let (mut honest, mut quoted) = (Count::default(), Count::default());
        for l in of("none") {
            honest.add(l.right(k));
            quoted.add(k.search.search(&l.question, 0..5).total > 0);
        }
        let ok = honest.right == honest.asked;
        all_met &= ok;
        println!(
            "{set:<5} {:<9} {:>15} {:>15}  all honest: {}  (/search: questions it quotes a hit for)",
            "none",
            honest.show(),
            quoted.show(),
            met(ok)
        );
    }
    println!("(/search cannot answer a list row with a list: its column counts those as misses)");

    // The bound, per set: held-out (blind) rows are counted, never shown, as in the test.
    for set in SETS {
        let passage: Vec<(&Labelled, Shared, bool)> = rows
            .iter()
            .filter(|l| l.set == set && l.kind == "passage")
            .map(|l| (l, shared(k, l), l.right(k)))
            .collect();
        let n = passage.len();
        let count = |f: &dyn Fn(&Shared) -> bool| {
            let within = passage.iter().filter(|(_, s, _)| f(s)).count();
            let missed = passage.iter().filter(|(_, s, r)| f(s) && !r).count();
            let right_outside = passage.iter().filter(|(_, s, r)| !f(s) && *r).count();
            format!(
                "{within}/{n} (of /ask's misses {missed} within; right outside {right_outside})"
            )
        };
        let right = passage.iter().filter(|(_, _, r)| *r).count();
        // How /ask misses: the honest reply (no passage said enough of the question's words),
        // or another passage first.
        let honest = passage
            .iter()
            .filter(|(l, _, r)| !r && first_answer(k, &l.question) == "-")
            .count();
        println!(
            "bound, {set} passage rows (/ask right {right}/{n}; of its {} misses, {honest} the \
             honest reply, {} another passage first): sharing with an expected passage",
            n - right,
            n - right - honest
        );
        println!(
            "  a content word or a named entity (the bound): {}",
            count(&|s| s.word || s.entity)
        );
        println!("  a content word: {}", count(&|s| s.word));
        println!("  a named entity: {}", count(&|s| s.entity));
        println!(
            "  a word /ask reads as the question's own, or a named entity: {}",
            count(&|s| s.own_word || s.entity)
        );
        println!(
            "  a word /ask reads as the question's own: {}",
            count(&|s| s.own_word)
        );
    }
    all_met
}

/// The bound of the words floor: what `/ask` answers on the tuned sets with each floor in
/// place of `question::WORDS_FLOOR`, everything else as it is. A lower floor answers more of
/// the questions worded otherwise than the article, and quotes passages for questions it
/// cannot answer: the table shows whether any floor reaches the target with every none row
/// honest. The held-out set is not swept (each floor would be a count of it).
fn floors(k: &Knowledge, rows: &[Labelled]) {
    const FLOORS: [f32; 8] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
    let tuned: Vec<(&Labelled, question::Reading)> = rows
        .iter()
        .filter(|l| !HELD_OUT.contains(&l.set.as_str()))
        .map(|l| (l, question::read(k, &l.question)))
        .collect();
    let sets: Vec<&str> = SETS
        .iter()
        .copied()
        .filter(|s| !HELD_OUT.contains(s))
        .collect();
    println!("\n== the words floor's bound (tuned sets; answered, then none rows honest) ==");
    print!("{:<7}", "floor");
    for set in &sets {
        print!(" {set:>15}");
    }
    println!(" {:>15} {:>15}", "all answered", "none honest");
    for floor in FLOORS {
        let mut per_set = vec![Count::default(); sets.len()];
        let (mut answered, mut honest) = (Count::default(), Count::default());
        for (l, reading) in &tuned {
            let got = first_of(k, &question::answer_with_floor(k, reading, floor));
            let right = l.expected.contains(&got);
            if l.kind == "none" {
                honest.add(right);
                continue;
            }
            answered.add(right);
            if let Some(i) = sets.iter().position(|s| *s == l.set) {
                per_set[i].add(right);
            }
        }
        let mark = if (floor - question::WORDS_FLOOR).abs() < 1e-6 {
            "*"
        } else {
            " "
        };
        print!("{floor:<6.1}{mark}");
        for c in &per_set {
            print!(" {:>15}", c.show());
        }
        println!(" {:>15} {:>15}", answered.show(), honest.show());
    }
    println!("(* the floor as set)");
}

/// Times `/ask` on every question, round after round until `ANSWERS`; prints p50/p99/max of
/// wall and thread CPU time and the slowest questions. Returns the wall-clock p99.
fn latency(
    k: &Knowledge,
    label: &str,
    questions: &[String],
    hidden: &HashSet<&str>,
    target: f64,
) -> f64 {
    let asks: Vec<Asked> = questions.iter().map(|q| asked(q)).collect();
    let mut outcomes: Vec<(Outcome, usize)> = Vec::new();
    for a in &asks {
        let o = answer(k, a).outcome;
        match outcomes.iter_mut().find(|(x, _)| *x == o) {
            Some((_, n)) => *n += 1,
            None => outcomes.push((o, 1)),
        }
    }
    let mut wall = Vec::with_capacity(ANSWERS);
    let mut cpu = Vec::with_capacity(ANSWERS);
    let mut per_question = vec![0.0f64; asks.len()];
    let started = Instant::now();
    'rounds: loop {
        for (i, a) in asks.iter().enumerate() {
            if wall.len() == ANSWERS {
                break 'rounds;
            }
            let (t, c) = (Instant::now(), thread_cpu());
            std::hint::black_box(answer(k, a));
            let (w, c) = (ms(t.elapsed()), ms(thread_cpu() - c));
            wall.push(w);
            cpu.push(c);
            per_question[i] = per_question[i].max(c);
        }
    }
    let took = started.elapsed();
    let (p50, p99, max) = percentiles(&mut wall);
    let (c50, c99, cmax) = percentiles(&mut cpu);
    println!(
        "\n== /ask latency, {label}: {} questions, {ANSWERS} answers in {:.1} s ==",
        asks.len(),
        took.as_secs_f64()
    );
    println!("outcomes of one round: {outcomes:?}");
    println!(
        "wall ms: p50 {p50:.3}, p99 {p99:.3}, max {max:.3}  (target p99 ≤ {target} ms: {})",
        met(p99 <= target)
    );
    println!("thread CPU ms: p50 {c50:.3}, p99 {c99:.3}, max {cmax:.3}");
    let mut slowest: Vec<(f64, &String)> = per_question.iter().copied().zip(questions).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slow: Vec<String> = slowest
        .iter()
        .take(5)
        .map(|(t, q)| match hidden.contains(q.as_str()) {
            true => format!("(a held-out question) {t:.2} ms"),
            false => format!("“{}” {t:.2} ms", q.chars().take(60).collect::<String>()),
        })
        .collect();
    println!("slowest (most CPU of one answer): {}", slow.join(", "));
    stages(k, questions, hidden);
    p99
}

/// The thread CPU time of `f`, in ms: the least of three runs.
fn cpu_of(mut f: impl FnMut()) -> f64 {
    (0..3)
        .map(|_| {
            let c = thread_cpu();
            f();
            ms(thread_cpu() - c)
        })
        .fold(f64::INFINITY, f64::min)
}

/// Where the time of an answer goes, over one round of `questions`: reading the question
/// (`question::read`), ranking (`question::answer`), and the rest of `answer::answer` (the
/// reply: cards, the reading said back, the closest things as buttons when not answered).
fn stages(k: &Knowledge, questions: &[String], hidden: &HashSet<&str>) {
    let (mut read, mut rank, mut all) = (0.0, 0.0, 0.0);
    let mut worst: Vec<(f64, f64, f64, &String)> = Vec::new();
    for q in questions {
        let r = cpu_of(|| {
            std::hint::black_box(question::read(k, q));
        });
        let reading = question::read(k, q);
        let a = cpu_of(|| {
            std::hint::black_box(question::answer(k, &reading));
        });
        let ask = asked(q);
        let t = cpu_of(|| {
            std::hint::black_box(answer(k, &ask));
        });
        (read, rank, all) = (read + r, rank + a, all + t);
        worst.push((t, r, a, q));
    }
    let share = |x: f64| 100.0 * x / all;
    println!(
        "where the time goes (thread CPU, one round, least of 3 runs each): reading {:.0}%, \
         ranking {:.0}%, the reply {:.0}%; {:.3} ms a question on average",
        share(read),
        share(rank),
        share(all - read - rank),
        all / questions.len() as f64
    );
    worst.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (t, r, a, q) in worst.iter().take(3) {
        let shown = match hidden.contains(q.as_str()) {
            true => "(a held-out question)".to_string(),
            false => format!("“{}”", q.chars().take(60).collect::<String>()),
        };
        println!(
            "  {shown}: {t:.2} ms = reading {r:.2} + ranking {a:.2} + reply {:.2}",
            t - r - a
        );
    }
}

/// Questions that name the library's people, groups, countries and words, as people ask them:
/// experts spread through the data (by name, surname in lower case, with a typo, with a year),
/// groups, countries, and words.
fn library_questions(k: &Knowledge) -> Vec<String> {
    let d = &k.dataset;
    let mut out = Vec::new();
    let experts = d.experts();
    for e in experts.iter().step_by((experts.len() / 8).max(1)).take(8) {
        let surname = e
            .name
            .split(' ')
            .next_back()
            .unwrap_or(&e.name)
            .to_lowercase();
        let year = d.wishes_of(e.id.as_str()).last().and_then(|p| p.year);
        out.push(match year {
            Some(y) => format!("what does {} want for {y}?", e.name),
            None => format!("what does {} want?", e.name),
        });
        out.push(format!("what is {surname} hoping for"));
        out.push(format!("who is {}", typo(&e.name).to_lowercase()));
    }
    let groups = d.groups();
    let speaker = experts.first().map(|e| e.name.as_str()).unwrap_or("");
    for g in groups.iter().step_by((groups.len() / 6).max(1)).take(6) {
        out.push(format!("who are the members of the {}", g.name));
        out.push(format!("what did {speaker} say about {}?", g.name));
    }
    for c in k.countries.members().step_by(7).take(4) {
        out.push(format!("which groups is {} in?", c.name));
    }
    out.extend(
        [
            "who wants a permanent secretariat?",
            "what do the experts say about cooperation",
            "do minilaterals lack budgets",
            "what is the article about",
            "what is the capital of France?",
            "who says valparaiso matters",
        ]
        .map(String::from),
    );
    out
}

/// The refusal of a question over the limit: its time for a 2,000-character question and, to
/// show it does not grow with the question, a 20,000-character one. Returns whether it is
/// bounded.
fn refusal(k: &Knowledge) -> bool {
    println!("\n== the refusal ==");
    let mut ok = true;
    for chars in [2000, 20000] {
        let q: String = "what does meserole want for the g7 in 2024? "
            .chars()
            .cycle()
            .take(chars)
            .collect();
        let a = asked(&q);
        let reply = answer(k, &a);
        let refused =
            reply.content.as_deref().unwrap_or("").contains("too long") && reply.cards.is_empty();
        let mut wall: Vec<f64> = (0..REFUSALS)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(answer(k, &a));
                ms(t.elapsed())
            })
            .collect();
        let (p50, p99, max) = percentiles(&mut wall);
        ok &= refused && p99 <= REFUSAL_P99_MS;
        println!(
            "{chars} characters: refused {refused} ({:?}), p50 {p50:.4} ms, p99 {p99:.4} ms, max {max:.4} ms \
             (bounded: p99 ≤ {REFUSAL_P99_MS} ms: {})",
            reply.outcome,
            met(refused && p99 <= REFUSAL_P99_MS)
        );
    }
    println!(
        "reply: {}",
        answer(k, &asked(&"x".repeat(2000)))
            .content
            .clone()
            .unwrap_or_default()
    );
    ok
}

/// The 1-minute load average, to judge how much of a tail is other work on the machine.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(String::from))
        .unwrap_or_default()
}

fn main() {
    println!("(machine: load average {} at the start)", load_average());
    let k = Knowledge::new(
        minilateral::datafiles::load(&minilateral::datafiles::DataPath::Bundled).unwrap(),
    );
    let tsv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ask.tsv"
    ))
    .unwrap();
    let rows = labelled(&tsv);
    let rates_met = rates(&k, &rows);
    floors(&k, &rows);
    let questions: Vec<String> = rows.iter().map(|l| l.question.clone()).collect();
    let hidden: HashSet<&str> = rows
        .iter()
        .filter(|l| HELD_OUT.contains(&l.set.as_str()))
        .map(|l| l.question.as_str())
        .collect();
    let bundled = latency(&k, "the bundled data", &questions, &hidden, BUNDLED_P99_MS);
    let refused = refusal(&k);

    let json = library_json(LibrarySpec {
        articles: 1000,
        seed: 2026,
    });
    let library = Knowledge::new(Dataset::load(&[DataText::new("library.json", json)]).unwrap());
    let mut questions = library_questions(&library);
    let built = questions.len();
    let answered = questions
        .iter()
        .filter(|q| answer(&library, &asked(q)).outcome == Outcome::Answered)
        .count();
    println!(
        "\nthe library's own {built} questions: {answered} answered (the labelled ones name people \
         and words of the bundled article, mostly not in the library: mostly the honest reply)"
    );
    questions.extend(rows.iter().map(|l| l.question.clone()));
    let p99 = latency(
        &library,
        &format!(
            "the 1,000-article library ({} passages; {built} questions from its data and the labelled ones)",
            library.dataset.passages().len()
        ),
        &questions,
        &hidden,
        LIBRARY_P99_MS,
    );
    let library_refused = refusal(&library);

    println!("\n== targets ==");
    println!(
        "labelled rates (≥ {RATE_TARGET} answered per set, every none honest): {}",
        met(rates_met)
    );
    println!(
        "p99 on the bundled data ≤ {BUNDLED_P99_MS} ms: {}",
        met(bundled <= BUNDLED_P99_MS)
    );
    println!(
        "p99 on the library ≤ {LIBRARY_P99_MS} ms: {}",
        met(p99 <= LIBRARY_P99_MS)
    );
    println!(
        "a 2,000-character question refused in bounded time: {}",
        met(refused && library_refused)
    );
    println!("(machine: load average {} at the end)", load_average());
}
