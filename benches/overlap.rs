//! Drawing `/overlap`'s picture (`cargo bench --bench overlap`): the whole answer to `/overlap`
//! on the bundled data (the core's grid, then the PNG), and the largest picture the command
//! draws (10 groups by 48 states, long names). Issue 15's target: < 30 ms a picture. Also
//! prints each picture's size in bytes (the target there: < 200 KB).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use minilateral::answer;
use minilateral::command::{Asked, Request};
use minilateral::datafiles::{self, DataPath};
use minilateral::knowledge::Knowledge;
use minilateral::picture;
use minilateral::reply::Visibility;
use minilateral::reply::{Column, Grid, Row};

/// The most the command puts in one picture, every other cell filled, names long.
fn largest() -> Grid {
    let columns: Vec<Column> = (0..10)
        .map(|i| Column {
            name: format!("Group {i} of the Long Name"),
            from_article: i % 3 == 0,
        })
        .collect();
    let rows = (0..48)
        .map(|r| Row {
            name: format!("Federal Republic of Somewhere Far {r}"),
            cells: (0..10).map(|c| (r + c) % 2 == 0).collect(),
        })
        .collect();
    Grid {
        title: "Member states by group".into(),
        columns,
        rows,
        more_rows: 52,
    }
}

fn overlap(c: &mut Criterion) {
    let k = Knowledge::new(datafiles::load(&DataPath::Bundled).expect("bundled data"));
    let asked = Asked {
        request: Request::Overlap {
            groups: String::new(),
        },
        visibility: Visibility::Public,
    };
    let reply = answer::answer(&k, &asked);
    let bundled = &reply.picture.as_ref().expect("a picture").grid;
    let big = largest();
    for (label, grid) in [("bundled", bundled), ("largest", &big)] {
        let png = picture::png(grid).expect("drawn");
        let l = picture::layout(grid).expect("laid out");
        println!("{label}: {}×{} px, {} bytes", l.width, l.height, png.len());
    }
    let mut g = c.benchmark_group("overlap");
    g.bench_function("answer and draw, bundled (4 groups × 30 states)", |b| {
        b.iter(|| {
            let reply = answer::answer(&k, black_box(&asked));
            black_box(picture::attachments(&reply))
        })
    });
    g.bench_function("draw, largest (10 groups × 48 states)", |b| {
        b.iter(|| black_box(picture::png(black_box(&big))))
    });
    g.finish();
}

criterion_group!(benches, overlap);
criterion_main!(benches);
