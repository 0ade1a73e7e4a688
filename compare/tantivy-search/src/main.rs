//! A measured baseline of tantivy on minilateral's data, to compare with the bot's own search
//! (crates/core/src/search.rs): relevance on the labelled queries of tests/fixtures/search.tsv,
//! and speed on the synthetic datasets. See README.md.
//!
//!     tantivy-search-compare labels FILE DATA   right-in-top-3 per set, for both modes
//!     tantivy-search-compare speed N            build time, index bytes, RSS, query latency

use std::collections::HashSet;
use std::error::Error;
use std::path::Path;
use std::time::{Duration, Instant};

use minilateral_core::dataset::{DataText, Dataset, PassageKind, text_files};
use minilateral_synthetic::{Spec, dataset_json, search_queries};
use tantivy::collector::{Count, TopDocs};
use tantivy::directory::RamDirectory;
use tantivy::query::{BooleanQuery, EmptyQuery, FuzzyTermQuery, Occur, Query, QueryParser};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term,
};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// Indexing threads and the writer's memory budget: one thread, as the bot builds its index
/// on one, and the machine has two cores shared with other work.
const INDEX_THREADS: usize = 1;
const WRITER_BUDGET: usize = 100_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// QueryParser over `text` only, OR of the terms.
    Plain,
    /// QueryParser over `text` and `names`, plus a fuzzy clause (distance 1, transpositions
    /// cost one) for each query term that neither field holds.
    Names,
}

impl Mode {
    fn as_str(self) -> &'static str {
        match self {
            Mode::Plain => "plain",
            Mode::Names => "names",
        }
    }
}

struct Engine {
    dir: RamDirectory,
    index: Index,
    reader: IndexReader,
    id: Field,
    text: Field,
    names: Field,
    plain: QueryParser,
    both: QueryParser,
    analyzer: TextAnalyzer,
}

/// One document per passage (titles left out): `text` is the lead-in and the text, `names`
/// every name, full name and alias of the entities the passage concerns or is spoken by.
fn build(d: &Dataset) -> Result<Engine> {
    let mut schema = Schema::builder();
    let id = schema.add_text_field("id", STRING | STORED);
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let text = schema.add_text_field("text", stemmed.clone());
    let names = schema.add_text_field("names", stemmed);
    let schema = schema.build();

    let dir = RamDirectory::create();
    let index = Index::create(dir.clone(), schema, IndexSettings::default())?;
    let mut writer: IndexWriter = index.writer_with_num_threads(INDEX_THREADS, WRITER_BUDGET)?;
    for p in d.passages() {
        if p.kind == PassageKind::Title {
            continue;
        }
        let mut doc = TantivyDocument::default();
        doc.add_text(id, p.id.as_str());
        match &p.lead_in {
            Some(lead) => doc.add_text(text, format!("{lead} {}", p.text)),
            None => doc.add_text(text, &p.text),
        }
        let mut seen = HashSet::new();
        for who in p.speaker.iter().chain(&p.concerns) {
            if !seen.insert(who.as_str()) {
                continue;
            }
            if let Some(e) = d.entity(who.as_str()) {
                for name in e.names() {
                    doc.add_text(names, name);
                }
            }
        }
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    reader.reload()?;

    let plain = QueryParser::for_index(&index, vec![text]);
    let both = QueryParser::for_index(&index, vec![text, names]);
    let analyzer = index
        .tokenizers()
        .get("en_stem")
        .ok_or("tantivy has no en_stem tokenizer")?;
    Ok(Engine {
        dir,
        index,
        reader,
        id,
        text,
        names,
        plain,
        both,
        analyzer,
    })
}

/// Lowercased, with everything but letters and digits a space: nothing of the QueryParser's
/// syntax is left to fail a query.
fn clean(query: &str) -> String {
    query
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase()
}

impl Engine {
    fn query(&self, searcher: &Searcher, query: &str, mode: Mode) -> Result<Box<dyn Query>> {
        let q = clean(query);
        if q.trim().is_empty() {
            return Ok(Box::new(EmptyQuery));
        }
        let parser = match mode {
            Mode::Plain => &self.plain,
            Mode::Names => &self.both,
        };
        let (parsed, _errors) = parser.parse_query_lenient(&q);
        if mode == Mode::Plain {
            return Ok(parsed);
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, parsed)];
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(&q);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(stream.token().text.clone());
        }
        for t in terms {
            let in_text = Term::from_field_text(self.text, &t);
            let in_names = Term::from_field_text(self.names, &t);
            if searcher.doc_freq(&in_text)? == 0 && searcher.doc_freq(&in_names)? == 0 {
                for term in [in_text, in_names] {
                    clauses.push((Occur::Should, Box::new(FuzzyTermQuery::new(term, 1, true))));
                }
            }
        }
        if clauses.len() == 1 {
            return Ok(clauses.pop().expect("one clause").1);
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// The ids of the first `limit` hits, and the number of hits.
    fn search(&self, query: &str, mode: Mode, limit: usize) -> Result<(Vec<String>, usize)> {
        let searcher = self.reader.searcher();
        let q = self.query(&searcher, query, mode)?;
        let (top, count) =
            searcher.search(&q, &(TopDocs::with_limit(limit).order_by_score(), Count))?;
        let mut ids = Vec::with_capacity(top.len());
        for (_score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let id = doc
                .get_first(self.id)
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            ids.push(id.to_string());
        }
        Ok((ids, count))
    }

    /// The live index's bytes (the segments the reader sees), and the RAM directory's total
    /// (which also counts meta.json and files not yet collected).
    fn bytes(&self) -> Result<(u64, usize)> {
        let live = self.reader.searcher().space_usage()?.total().get_bytes();
        Ok((live, self.dir.total_mem_usage()))
    }
}

/// The bundled data as the binary reads it: the JSON file, then the source texts it names
/// (relative to its folder).
fn load_files(path: &Path) -> Result<Dataset> {
    let name = path.display().to_string();
    let mut files = vec![DataText::new(name, std::fs::read_to_string(path)?)];
    for text in text_files(&files) {
        let body = std::fs::read_to_string(&text)?;
        files.push(DataText::source_text(text, body));
    }
    Dataset::load(&files).map_err(|e| format!("{e}").into())
}

fn labels(file: &Path, data: &Path) -> Result<()> {
    let d = load_files(data)?;
    let engine = build(&d)?;
    let searcher = engine.reader.searcher();
    println!(
        "{} passages indexed ({} titles left out), {} segment(s)",
        searcher.num_docs(),
        d.passages().len() as u64 - searcher.num_docs(),
        searcher.segment_readers().len()
    );
    let tsv = std::fs::read_to_string(file)?;
    let mut rows = Vec::new();
    for line in tsv.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [set, query, expected] = cols[..] else {
            return Err(format!("not three columns: {line:?}").into());
        };
        let expected: Vec<&str> = expected.split(',').map(str::trim).collect();
        for id in &expected {
            if d.passage(id).is_none() {
                return Err(format!("{query:?} expects {id}, which is not a passage").into());
            }
        }
        rows.push((set, query, expected));
    }
    // (mode, set, right in top 3, an expected id first, all)
    let mut tally: Vec<(Mode, &str, usize, usize, usize)> = Vec::new();
    let mut failed: Vec<(Mode, &str, &str)> = Vec::new();
    for mode in [Mode::Plain, Mode::Names] {
        println!("\n== mode {} ==", mode.as_str());
        for (set, query, expected) in &rows {
            let (top, count) = engine.search(query, mode, 3)?;
            let right = top.iter().any(|id| expected.contains(&id.as_str()));
            let first = top.first().is_some_and(|id| expected.contains(&id.as_str()));
            println!(
                "{set}\t{query}\t{}\t{}\t(of {count})",
                if right { "right" } else { "wrong" },
                top.join(",")
            );
            if !right {
                failed.push((mode, set, query));
            }
            for key in [*set, "all"] {
                match tally.iter_mut().find(|t| t.0 == mode && t.1 == key) {
                    Some(t) => {
                        t.2 += usize::from(right);
                        t.3 += usize::from(first);
                        t.4 += 1;
                    }
                    None => tally.push((mode, key, usize::from(right), usize::from(first), 1)),
                }
            }
        }
    }
    println!("\n== right in top 3 (and an expected id first) ==");
    let rank = |set: &str| match set {
        "tune" => 0,
        "held" => 1,
        "all" => 3,
        _ => 2,
    };
    tally.sort_by_key(|t| (t.0 == Mode::Names, rank(t.1)));
    for (mode, set, right, first, all) in &tally {
        println!(
            "{}\t{set}\t{right}/{all}\t{:.1}%\t(first: {first}/{all}, {:.1}%)",
            mode.as_str(),
            100.0 * *right as f64 / *all as f64,
            100.0 * *first as f64 / *all as f64
        );
    }
    println!("\n== wrong ==");
    for (mode, set, query) in &failed {
        println!("{}\t{set}\t{query}", mode.as_str());
    }
    Ok(())
}

/// The resident set size of this process, in bytes (Linux).
fn rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn speed(n: usize) -> Result<()> {
    let spec = Spec {
        entities: n,
        seed: 7,
        long_texts: false,
    };
    let t = Instant::now();
    let json = dataset_json(spec);
    let d = Dataset::load(&[DataText::new("synthetic.json", json)])
        .map_err(|e| format!("{e}"))?;
    println!(
        "dataset: {n} entities, {} passages, generated and loaded in {:.2} s",
        d.passages().len(),
        t.elapsed().as_secs_f64()
    );
    let queries = search_queries(spec, 2000);
    let rss_before = rss().unwrap_or(0);

    let t = Instant::now();
    let engine = build(&d)?;
    let built = t.elapsed();
    let rss_after = rss().unwrap_or(0);
    let (live, dir_total) = engine.bytes()?;
    let searcher = engine.reader.searcher();
    println!(
        "build: {:.2} s for {} documents ({} indexing thread(s), {} writer budget; add + commit \
         + merges + reader reload), {} segment(s)",
        built.as_secs_f64(),
        searcher.num_docs(),
        INDEX_THREADS,
        mib(WRITER_BUDGET as u64),
        searcher.segment_readers().len()
    );
    println!(
        "index: {} bytes ({}) live; RAM directory holds {} bytes ({})",
        live,
        mib(live),
        dir_total,
        mib(dir_total as u64)
    );
    println!(
        "RSS: {} before build (dataset loaded), {} after (+{})",
        mib(rss_before),
        mib(rss_after),
        mib(rss_after.saturating_sub(rss_before))
    );
    let _ = &engine.index;

    for mode in [Mode::Names, Mode::Plain] {
        for q in queries.iter().take(200) {
            engine.search(q, mode, 5)?;
        }
        let mut times = Vec::with_capacity(queries.len());
        let mut zero = 0usize;
        let mut hits = 0usize;
        for q in &queries {
            let t = Instant::now();
            let (_top, count) = engine.search(q, mode, 5)?;
            times.push(t.elapsed());
            hits += count;
            zero += usize::from(count == 0);
        }
        times.sort();
        let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
        let total: Duration = times.iter().sum();
        println!(
            "queries ({}): {} after 200 warm-up; p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms, \
             mean {:.3} ms; mean hits {:.0}, {} with none",
            mode.as_str(),
            times.len(),
            ms(at(50)),
            ms(at(99)),
            ms(*times.last().expect("queries")),
            ms(total) / times.len() as f64,
            hits as f64 / times.len() as f64,
            zero
        );
    }
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args[..] {
        ["labels", file, data] => labels(Path::new(file), Path::new(data)),
        ["speed", n] => speed(n.replace('_', "").parse()?),
        _ => Err("usage: tantivy-search-compare labels FILE DATA | speed N".into()),
    }
}
