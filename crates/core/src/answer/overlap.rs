//! `/overlap groups`: who sits where, as a grid of member states by groups that the front ends
//! draw (the core draws nothing), with the states in more than one group said in words as well,
//! for screen readers and the console. The groups come in one text (`group_list` reads it).

use std::collections::HashMap;

use crate::command::Request;
use crate::dataset::{Group, Kind, Provenance};
use crate::fold;
use crate::knowledge::Knowledge;
use crate::limits;
use crate::quote::Cited;
use crate::reply::{
    Card, Column, FieldLayout, Grid, Miss, Missed, Outcome, Picture, Reply, Row, Visibility, echo,
    escape_data, plural,
};

use super::group_list::{Named, named_groups};
use super::parts::{NOT_FROM_ARTICLE, card_reply, known, open_button};
use super::subject::{CardKind, Subject};

/// The file the picture is attached as.
const PICTURE_FILE: &str = "overlap.png";
/// Groups one picture compares and stays readable; more are named in the text only.
const MAX_COLUMNS: usize = 10;
/// States one picture lists; the shared ones always come first.
const MAX_ROWS: usize = 48;

pub(super) fn overlap(k: &Knowledge, text: &str, visibility: Visibility) -> Reply {
    let d = &k.dataset;
    let named = if text.trim().is_empty() {
        Named {
            groups: d.groups().iter().collect(),
            ..Named::default()
        }
    } else {
        named_groups(k, text)
    };
    let (mut groups, unknown) = (named.groups, named.unknown);
    if groups.is_empty() {
        return none_named(k, text, &unknown, visibility);
    }
    let mut notes = Vec::new();
    for (typed, g) in &named.guessed {
        notes.push(format!(
            "Showing **{}** for “{}”.",
            escape_data(&g.name),
            echo(typed)
        ));
    }
    if !unknown.is_empty() {
        let names: Vec<String> = unknown.iter().map(|u| format!("“{}”", echo(u))).collect();
        notes.push(format!(
            "No group I know matches {}; showing the others.",
            names.join(", ")
        ));
    }
    if groups.len() > MAX_COLUMNS {
        notes.push(format!(
            "Showing the first {MAX_COLUMNS} of {} groups; name the groups to compare them.",
            groups.len()
        ));
        groups.truncate(MAX_COLUMNS);
    }
    if groups.len() == 1 && !text.trim().is_empty() {
        notes.push("Name two or more groups to see who sits in both.".to_string());
    }
    let grid = grid(&groups);
    let mut card = Card {
        title: format!(
            "Who sits where: {}",
            groups
                .iter()
                .map(|g| g.name.as_str())
                .collect::<Vec<_>>()
                .join(" · ")
        ),
        description: summary(&groups, &grid),
        footer: list_sources(k, &groups).footer(),
        image: Some(PICTURE_FILE.to_string()),
        ..Card::default()
    };
    card.field("Member lists", provenance(&groups), FieldLayout::Stacked);
    let buttons = groups
        .iter()
        .filter_map(|g| open_button(CardKind::Group, &g.id, &g.name))
        .collect();
    // "Post to channel" posts the groups that were understood, by id.
    let post = Request::Overlap {
        groups: if text.trim().is_empty() {
            String::new()
        } else {
            groups
                .iter()
                .map(|g| g.id.as_str())
                .collect::<Vec<_>>()
                .join(",")
        },
    };
    let guessed = !named.guessed.is_empty() || !unknown.is_empty();
    let note = (!notes.is_empty()).then(|| notes.join(" "));
    let mut reply = card_reply(note, card, visibility, buttons, post);
    if !guessed {
        // A remark on the comparison ("name two or more"), not a guessed name.
        reply.outcome = Outcome::Answered;
    }
    if !unknown.is_empty() {
        // For curators, as any name that matched nothing.
        reply.miss = Some(Miss {
            what: Missed::Entity(Kind::Group),
            folded: fold::fold(&unknown.join(" ")),
        });
    }
    reply.picture = Some(Box::new(Picture {
        file: PICTURE_FILE.to_string(),
        alt: alt_text(&grid),
        grid,
    }));
    reply
}

/// The grid: states in more than one group first (most groups first), then the members of
/// each group in the group's own order; at most `MAX_ROWS` rows.
fn grid(groups: &[&Group]) -> Grid {
    let mut rows: Vec<Row> = Vec::new();
    // A state is one row however its lists write it ("Türkiye", "Turkiye").
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (column, g) in groups.iter().enumerate() {
        for state in &g.members.states {
            let i = *by_name.entry(fold::fold(state)).or_insert_with(|| {
                rows.push(Row {
                    name: state.clone(),
                    cells: vec![false; groups.len()],
                });
                rows.len() - 1
            });
            if let Some(cell) = rows.get_mut(i).and_then(|r| r.cells.get_mut(column)) {
                *cell = true;
            }
        }
    }
    // Stable: the groups' own orders survive within each count.
    rows.sort_by_key(|r| std::cmp::Reverse(r.cells.iter().filter(|c| **c).count()));
    let more_rows = rows.len().saturating_sub(MAX_ROWS);
    rows.truncate(MAX_ROWS);
    Grid {
        title: "Member states by group".to_string(),
        columns: groups
            .iter()
            .map(|g| Column {
                name: g.name.clone(),
                from_article: g.members.source == Provenance::Article,
            })
            .collect(),
        rows,
        more_rows,
    }
}

/// The shared members in words: what the picture shows at a glance.
fn summary(groups: &[&Group], grid: &Grid) -> String {
    let states = grid.rows.len() + grid.more_rows;
    let shared: Vec<String> = grid
        .rows
        .iter()
        .filter(|r| r.shared())
        .map(|r| {
            let of: Vec<&str> = r
                .cells
                .iter()
                .zip(&grid.columns)
                .filter(|(c, _)| **c)
                .map(|(_, col)| col.name.as_str())
                .collect();
            format!(
                "• **{}**: {}",
                escape_data(&r.name),
                escape_data(&of.join(", "))
            )
        })
        .collect();
    let of_states = format!("{states} {}", plural(states, "state", "states"));
    if let [one] = groups {
        return format!(
            "**{}** has {states} member {}.",
            escape_data(&one.name),
            plural(states, "state", "states")
        );
    }
    if shared.is_empty() {
        return format!(
            "No state sits in more than one of these {} groups ({of_states} in all).",
            groups.len()
        );
    }
    format!(
        "{} of {of_states} {} in more than one of these groups:\n{}",
        shared.len(),
        plural(shared.len(), "sits", "sit"),
        shared.join("\n")
    )
}

/// Where each member list comes from: the article's own, or background knowledge, marked.
/// The articles whose member lists the grid shows as theirs ("I2U2: from the article"); a
/// list that is background knowledge cites no article.
fn list_sources<'k>(k: &'k Knowledge, groups: &[&Group]) -> Cited<'k> {
    let mut cited = Cited::of(&k.dataset, []);
    for g in groups {
        if g.members.source == Provenance::Article {
            cited.add(&g.source);
        }
    }
    cited
}

fn provenance(groups: &[&Group]) -> String {
    let (article, background): (Vec<&&Group>, Vec<&&Group>) = groups
        .iter()
        .partition(|g| g.members.source == Provenance::Article);
    let names = |gs: &[&&Group]| {
        gs.iter()
            .map(|g| escape_data(&g.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !article.is_empty() {
        parts.push(format!("{}: from the article.", names(&article)));
    }
    if !background.is_empty() {
        let years: Vec<i32> = background.iter().map(|g| g.members.as_of).collect();
        let as_of = match (years.iter().min(), years.iter().max()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        parts.push(format!(
            "{}: as of {as_of}, {NOT_FROM_ARTICLE} (marked * in the picture).",
            names(&background)
        ));
    }
    parts.join("\n")
}

/// The picture in words, for screen readers (Discord's attachment description).
fn alt_text(grid: &Grid) -> String {
    let (states, groups) = (grid.rows.len() + grid.more_rows, grid.columns.len());
    let mut text = format!(
        "Grid of {states} member {} by {groups} {} ({}).",
        plural(states, "state", "states"),
        plural(groups, "group", "groups"),
        grid.columns
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let shared: Vec<&str> = grid
        .rows
        .iter()
        .filter(|r| r.shared())
        .map(|r| r.name.as_str())
        .collect();
    if !shared.is_empty() {
        text.push_str(&format!(
            " Highlighted, in more than one: {}.",
            shared.join(", ")
        ));
    }
    limits::cut(&text, limits::ATTACHMENT_DESCRIPTION_CHARS)
}

/// No group named: what the bot knows, with buttons to compare them all or open one.
fn none_named(k: &Knowledge, text: &str, unknown: &[String], visibility: Visibility) -> Reply {
    let (names, mut buttons) = known(k, &[Subject::Group], visibility, &|id| {
        CardKind::Group.open(id)
    });
    let asked = if unknown.is_empty() {
        echo(text)
    } else {
        unknown
            .iter()
            .map(|u| echo(u))
            .collect::<Vec<_>>()
            .join("”, “")
    };
    let mut reply = Reply::text(
        format!("No group I know matches “{asked}”. The groups I know: {names}."),
        Visibility::Private,
    );
    buttons.extend(super::parts::button(
        "Compare them all",
        crate::command::Asked {
            request: Request::Overlap {
                groups: String::new(),
            },
            visibility,
        },
        crate::reply::ButtonStyle::Primary,
    ));
    reply.buttons = buttons;
    reply.miss = Some(Miss {
        what: Missed::Entity(Kind::Group),
        folded: fold::fold(text),
    });
    reply.with_outcome(Outcome::NotFound)
}
