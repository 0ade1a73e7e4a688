//! The button-id codec: a button's id is the request itself, so that a button works after a
//! restart and means the same whoever clicks it.

use super::request::{Asked, NameOrId, QuestionFrom, Request, Visibility};
use super::table::CommandName;
use crate::dataset::Id;
use crate::limits;

/// Button ids are the request itself, so that a button works after a restart and means the
/// same whoever clicks it: `post:<command>:<args>` answers in public, `pick:<command>:<args>`
/// privately, the command word being the table's name. `None` when the id would not fit
/// Discord's 100 characters.
pub fn button_id(asked: &Asked) -> Option<String> {
    let mode = if asked.visibility.is_private() {
        "pick"
    } else {
        "post"
    };
    let word = asked.request.command()?;
    let id = match &asked.request {
        Request::Expert { expert: named } | Request::Group { group: named } => {
            format!("{mode}:{word}:{}", named.as_str())
        }
        Request::Country { name } => format!("{mode}:{word}:{name}"),
        Request::Wish {
            year,
            expert: None,
            page: 1,
        } => format!("{mode}:{word}:{year}"),
        Request::Wish {
            year,
            expert: None,
            page,
        } => format!("{mode}:{word}@{page}:{year}"),
        // One expert's wishes fit one page.
        Request::Wish {
            year,
            expert: Some(e),
            ..
        } => format!("{mode}:{word}:{year}:{}", e.as_str()),
        // The page and the article ride on the command word (`search#itc-2024@2`), so that
        // ids made before pages and articles still read.
        Request::Search {
            text,
            page,
            article,
        } => {
            let article = article
                .as_ref()
                .map(|a| format!("#{}", a.as_str()))
                .unwrap_or_default();
            match page {
                1 => format!("{mode}:{word}{article}:{text}"),
                page => format!("{mode}:{word}{article}@{page}:{text}"),
            }
        }
        Request::Article {
            article: None,
            page: 1,
        } => format!("{mode}:{word}"),
        Request::Article {
            article: None,
            page,
        } => format!("{mode}:{word}@{page}"),
        // One article fits one card.
        Request::Article {
            article: Some(a), ..
        } => format!("{mode}:{word}:{}", a.as_str()),
        Request::Overlap { groups } if groups.trim().is_empty() => format!("{mode}:{word}"),
        Request::Overlap { groups } => format!("{mode}:{word}:{groups}"),
        Request::About => format!("{mode}:{word}"),
        // Whoever clicks asks it: a button's question reads back as typed.
        Request::Ask { question, .. } => format!("{mode}:{word}:{question}"),
        Request::Mentions { .. } => return None,
    };
    // An id that would not read back (a request without its words) is no button at all.
    (id.chars().count() <= limits::CUSTOM_ID_CHARS && parse_button_id(&id).is_some()).then_some(id)
}

/// Reads a button id back; `None` for ids this bot did not make.
///
/// An expert, a group, a wish's expert or an article in a button is read back as an id
/// (`NameOrId::Id`): every button the bot makes for one carries the id its answer knew, so the
/// click is looked up, not matched. A forged or stale id loses nothing by it: an id the data
/// lacks is read as typed text when answered, as every button argument was before ids were
/// told from names.
pub fn parse_button_id(id: &str) -> Option<Asked> {
    let (mode, rest) = id.split_once(':')?;
    let visibility = match mode {
        "pick" => Visibility::Private,
        "post" => Visibility::Public,
        _ => return None,
    };
    let (word, args) = rest.split_once(':').unwrap_or((rest, ""));
    let (word, page) = match word.split_once('@') {
        Some((word, page)) => (word, Some(page.parse().ok().filter(|p| *p >= 1)?)),
        None => (word, None),
    };
    let (word, article) = match word.split_once('#') {
        Some((word, article)) if !article.is_empty() => (word, Some(id_of(article))),
        Some(_) => return None,
        None => (word, None),
    };
    let command = CommandName::parse(word)?;
    let needs_args = !matches!(
        command,
        CommandName::About | CommandName::Wish | CommandName::Overlap | CommandName::Article
    );
    let paged = matches!(
        command,
        CommandName::Search | CommandName::Wish | CommandName::Article
    );
    if (needs_args && args.is_empty())
        || (page.is_some() && !paged)
        || (article.is_some() && command != CommandName::Search)
        || (command == CommandName::Article && page.is_some() && !args.is_empty())
    {
        return None;
    }
    let request = match command {
        CommandName::Expert => Request::Expert {
            expert: id_of(args),
        },
        CommandName::Group => Request::Group { group: id_of(args) },
        CommandName::Country => Request::Country {
            name: args.to_string(),
        },
        CommandName::Wish => {
            let (year, expert) = match args.split_once(':') {
                Some((y, e)) => (y, Some(id_of(e))),
                None => (args, None),
            };
            if page.is_some() && expert.is_some() {
                return None;
            }
            Request::Wish {
                year: year.parse().ok()?,
                expert,
                page: page.unwrap_or(1),
            }
        }
        CommandName::Search => Request::Search {
            text: args.to_string(),
            page: page.unwrap_or(1),
            article,
        },
        CommandName::Article => Request::Article {
            article: (!args.is_empty()).then(|| id_of(args)),
            page: page.unwrap_or(1),
        },
        CommandName::Overlap => Request::Overlap {
            groups: args.to_string(),
        },
        CommandName::About => Request::About,
        CommandName::Ask => Request::Ask {
            question: args.to_string(),
            from: QuestionFrom::Typed,
        },
    };
    Some(Asked {
        request,
        visibility,
    })
}

/// A button's argument that names an entity or an article: an id (see `parse_button_id`).
fn id_of(arg: &str) -> NameOrId {
    NameOrId::Id(Id::new(arg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn button_ids_round_trip() {
        for asked in [
            Asked {
                request: Request::Expert {
                    expert: id_of("tanya-filer"),
                },
                visibility: Visibility::Private,
            },
            Asked {
                request: Request::Wish {
                    year: 2024,
                    expert: Some(id_of("chris-meserole")),
                    page: 1,
                },
                visibility: Visibility::Public,
            },
            Asked {
                request: Request::Wish {
                    year: 2024,
                    expert: None,
                    page: 4,
                },
                visibility: Visibility::Public,
            },
            Asked {
                request: Request::Search {
                    text: "a: b".into(),
                    page: 1,
                    article: None,
                },
                visibility: Visibility::Public,
            },
            Asked {
                request: Request::Search {
                    text: "2: b".into(),
                    page: 3,
                    article: None,
                },
                visibility: Visibility::Private,
            },
            Asked {
                request: Request::Search {
                    text: "x#y: z".into(),
                    page: 2,
                    article: Some(id_of("small-clubs-2025")),
                },
                visibility: Visibility::Private,
            },
            Asked {
                request: Request::Article {
                    article: None,
                    page: 3,
                },
                visibility: Visibility::Private,
            },
            Asked {
                request: Request::Article {
                    article: Some(id_of("itc-2024")),
                    page: 1,
                },
                visibility: Visibility::Public,
            },
            Asked {
                request: Request::About,
                visibility: Visibility::Private,
            },
            // A question keeps its own colons, question marks and case.
            Asked {
                request: Request::Ask {
                    question: "What does Meserole hope for: the G7?".into(),
                    from: QuestionFrom::Typed,
                },
                visibility: Visibility::Public,
            },
            Asked {
                request: Request::Ask {
                    question: "who is in I2U2".into(),
                    from: QuestionFrom::Typed,
                },
                visibility: Visibility::Private,
            },
        ] {
            let id = button_id(&asked).unwrap();
            assert_eq!(parse_button_id(&id), Some(asked));
        }
        assert_eq!(parse_button_id("expert:quotes:sara"), None);
        assert_eq!(parse_button_id("post:nope:x"), None);
        assert_eq!(parse_button_id("post:expert@2:x"), None);
        assert_eq!(parse_button_id("post:expert"), None);
        assert_eq!(parse_button_id("post:search@0:x"), None);
        assert_eq!(parse_button_id("post:wish@2:2024:chris-meserole"), None);
        assert_eq!(parse_button_id("post:search@two:x"), None);
        let long = Asked {
            request: Request::Search {
                text: "x".repeat(200),
                page: 1,
                article: None,
            },
            visibility: Visibility::Public,
        };
        assert_eq!(button_id(&long), None);
        // Nothing to search for: no button, rather than one that does not read back.
        let empty = Asked {
            request: Request::Search {
                text: String::new(),
                page: 1,
                article: Some(id_of("itc-2024")),
            },
            visibility: Visibility::Public,
        };
        assert_eq!(button_id(&empty), None);
        // No question, or one too long for an id: no button.
        assert_eq!(parse_button_id("post:ask"), None);
        assert_eq!(parse_button_id("post:ask:"), None);
        let ask = |question: String| Asked {
            request: Request::Ask {
                question,
                from: QuestionFrom::Typed,
            },
            visibility: Visibility::Public,
        };
        assert_eq!(button_id(&ask(String::new())), None);
        assert_eq!(button_id(&ask("why ".repeat(30))), None);
    }

    /// Buttons on messages already posted carry these ids: the format is a promise.
    #[test]
    fn the_wire_format_stays() {
        for id in [
            "post:expert:tanya-filer",
            "pick:group:g7",
            "post:wish:2024",
            "pick:wish:2024:chris-meserole",
            "pick:wish@2:2024",
            "post:search:secretariat",
            "pick:search@3:united nations",
            "post:about",
            "pick:search#itc-2024@2:g7",
            "post:article",
            "pick:article@2",
            "post:article:itc-2024",
            "post:overlap",
            "pick:overlap:g7,brics",
            "post:ask:what does Meserole hope for the G7?",
            "pick:ask:who is in I2U2",
        ] {
            let asked = parse_button_id(id).unwrap_or_else(|| panic!("{id} no longer reads"));
            assert_eq!(button_id(&asked).as_deref(), Some(id));
        }
    }
}
