//! The button-id codec: a button's id is the request itself, so that a button works after a
//! restart and means the same whoever clicks it.

use super::request::{Asked, Request};
use crate::limits;

/// Button ids are the request itself, so that a button works after a restart and means the
/// same whoever clicks it: `post:<command>:<args>` answers in public, `pick:<command>:<args>`
/// privately. `None` when the id would not fit Discord's 100 characters.
pub fn button_id(asked: &Asked) -> Option<String> {
    let mode = if asked.private { "pick" } else { "post" };
    let id = match &asked.request {
        Request::Expert { name } => format!("{mode}:expert:{name}"),
        Request::Group { name } => format!("{mode}:group:{name}"),
        Request::Wish { year, expert: None } => format!("{mode}:wish:{year}"),
        Request::Wish {
            year,
            expert: Some(e),
        } => format!("{mode}:wish:{year}:{e}"),
        Request::Search { text, page: 1 } => format!("{mode}:search:{text}"),
        // The page rides on the command word, so that ids made before pages still read.
        Request::Search { text, page } => format!("{mode}:search@{page}:{text}"),
        Request::About => format!("{mode}:about"),
    };
    (id.chars().count() <= limits::CUSTOM_ID_CHARS).then_some(id)
}

/// Reads a button id back; `None` for ids this bot did not make.
pub fn parse_button_id(id: &str) -> Option<Asked> {
    let (mode, rest) = id.split_once(':')?;
    let private = match mode {
        "pick" => true,
        "post" => false,
        _ => return None,
    };
    let (command, args) = rest.split_once(':').unwrap_or((rest, ""));
    let request = match command {
        "expert" if !args.is_empty() => Request::Expert {
            name: args.to_string(),
        },
        "group" if !args.is_empty() => Request::Group {
            name: args.to_string(),
        },
        "wish" => {
            let (year, expert) = match args.split_once(':') {
                Some((y, e)) => (y, Some(e.to_string())),
                None => (args, None),
            };
            Request::Wish {
                year: year.parse().ok()?,
                expert,
            }
        }
        "search" if !args.is_empty() => Request::Search {
            text: args.to_string(),
            page: 1,
        },
        paged if paged.starts_with("search@") && !args.is_empty() => Request::Search {
            text: args.to_string(),
            page: paged["search@".len()..].parse().ok().filter(|p| *p >= 1)?,
        },
        "about" => Request::About,
        _ => return None,
    };
    Some(Asked { request, private })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn button_ids_round_trip() {
        for asked in [
            Asked {
                request: Request::Expert {
                    name: "tanya-filer".into(),
                },
                private: true,
            },
            Asked {
                request: Request::Wish {
                    year: 2024,
                    expert: Some("chris-meserole".into()),
                },
                private: false,
            },
            Asked {
                request: Request::Search {
                    text: "a: b".into(),
                    page: 1,
                },
                private: false,
            },
            Asked {
                request: Request::Search {
                    text: "2: b".into(),
                    page: 3,
                },
                private: true,
            },
            Asked {
                request: Request::About,
                private: true,
            },
        ] {
            let id = button_id(&asked).unwrap();
            assert_eq!(parse_button_id(&id), Some(asked));
        }
        assert_eq!(parse_button_id("expert:quotes:sara"), None);
        assert_eq!(parse_button_id("post:search@0:x"), None);
        assert_eq!(parse_button_id("post:search@two:x"), None);
        let long = Asked {
            request: Request::Search {
                text: "x".repeat(200),
                page: 1,
            },
            private: false,
        };
        assert_eq!(button_id(&long), None);
    }
}
