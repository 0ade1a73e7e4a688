//! The command table, and the requests people make: from a slash-command line, from Discord's
//! options, or from a button's id. Registration, parsing and help all come from `TABLE`.

use std::fmt;

use crate::limits;

/// The commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommandName {
    Expert,
    Group,
    Wish,
    Search,
    About,
}

impl CommandName {
    pub fn as_str(self) -> &'static str {
        self.spec().name
    }

    pub fn parse(name: &str) -> Option<CommandName> {
        TABLE.iter().find(|c| c.name == name).map(|c| c.command)
    }

    pub fn spec(self) -> &'static CommandSpec {
        TABLE
            .iter()
            .find(|c| c.command == self)
            .expect("every command is in the table")
    }
}

impl fmt::Display for CommandName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The type of an option's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionType {
    String,
    Integer,
    Boolean,
}

/// Where an option's choices come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    /// Free text.
    None,
    /// Autocomplete with names of experts.
    Experts,
    /// Autocomplete with names of groups.
    Groups,
    /// Fixed choices: the years that have wishes, read from the dataset at registration.
    WishYears,
}

#[derive(Debug)]
pub struct OptionSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: OptionType,
    pub required: bool,
    pub choices: Choices,
    /// For strings: the most characters Discord lets people type.
    pub max_length: Option<u16>,
}

#[derive(Debug)]
pub struct CommandSpec {
    pub command: CommandName,
    pub name: &'static str,
    pub description: &'static str,
    pub options: &'static [OptionSpec],
}

/// Names are short; a query past this is not a name (Discord would allow 6000).
pub const NAME_MAX_CHARS: u16 = 100;
/// Search text.
pub const SEARCH_MAX_CHARS: u16 = 200;

const PRIVATE: OptionSpec = OptionSpec {
    name: "private",
    description: "Only you see the answer (with a button to post it to the channel)",
    kind: OptionType::Boolean,
    required: false,
    choices: Choices::None,
    max_length: None,
};

/// Every command, its options in declared order (required first, as Discord demands).
pub static TABLE: &[CommandSpec] = &[
    CommandSpec {
        command: CommandName::Expert,
        name: "expert",
        description: "Who an expert is, what they said, and what they wished for",
        options: &[
            OptionSpec {
                name: "name",
                description: "The expert's name; half-remembered is fine",
                kind: OptionType::String,
                required: true,
                choices: Choices::Experts,
                max_length: Some(NAME_MAX_CHARS),
            },
            PRIVATE,
        ],
    },
    CommandSpec {
        command: CommandName::Group,
        name: "group",
        description: "A minilateral group: members, what the article says, who speaks of it",
        options: &[
            OptionSpec {
                name: "name",
                description: "G7, BRICS, I2U2, Three Seas…",
                kind: OptionType::String,
                required: true,
                choices: Choices::Groups,
                max_length: Some(NAME_MAX_CHARS),
            },
            PRIVATE,
        ],
    },
    CommandSpec {
        command: CommandName::Wish,
        name: "wish",
        description: "What the experts wished to see happen in a year",
        options: &[
            OptionSpec {
                name: "year",
                description: "The year",
                kind: OptionType::Integer,
                required: true,
                choices: Choices::WishYears,
                max_length: None,
            },
            OptionSpec {
                name: "expert",
                description: "Only this expert's wishes",
                kind: OptionType::String,
                required: false,
                choices: Choices::Experts,
                max_length: Some(NAME_MAX_CHARS),
            },
            PRIVATE,
        ],
    },
    CommandSpec {
        command: CommandName::Search,
        name: "search",
        description: "Search the article: its introduction, bylines, statements and wishes",
        options: &[
            OptionSpec {
                name: "text",
                description: "Words to look for; typos and accents are fine",
                kind: OptionType::String,
                required: true,
                choices: Choices::None,
                max_length: Some(SEARCH_MAX_CHARS),
            },
            PRIVATE,
        ],
    },
    CommandSpec {
        command: CommandName::About,
        name: "about",
        description: "What this bot knows, how it matches names, how to report an error",
        options: &[PRIVATE],
    },
];

/// What someone asked, whatever the front end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    Expert {
        name: String,
    },
    Group {
        name: String,
    },
    Wish {
        year: i64,
        expert: Option<String>,
    },
    /// `page` counts from 1; pages past the first come only from buttons.
    Search {
        text: String,
        page: u32,
    },
    About,
}

/// A request and who should see the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    pub request: Request,
    /// Only the person who asked sees the answer.
    pub private: bool,
}

/// An autocomplete request: the option being typed, its partial text, and the options
/// already filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub command: CommandName,
    pub option: String,
    pub partial: String,
    /// For `/wish`: the year already chosen.
    pub year: Option<i64>,
}

/// An option's value as it arrived.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Boolean(bool),
}

/// Why a request could not be read: said to the person, who can fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("unknown command `/{0}`; the commands are {list}", list = command_list())]
    UnknownCommand(String),
    #[error("a command line starts with `/`, e.g. `/expert sara`")]
    NoSlash,
    #[error("`/{command}` has no option `{option}`")]
    UnknownOption {
        command: CommandName,
        option: String,
    },
    #[error("`/{command}` needs `{option}`")]
    Missing {
        command: CommandName,
        option: &'static str,
    },
    #[error("`{option}` must be {expected}, not `{value}`")]
    BadValue {
        option: &'static str,
        expected: &'static str,
        value: String,
    },
    #[error("too much text for `/{command}`")]
    Extra { command: CommandName },
}

fn command_list() -> String {
    TABLE
        .iter()
        .map(|c| format!("/{}", c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Options by name, as they arrived (from Discord or from a parsed line).
pub type Options = Vec<(String, Value)>;

/// Builds a request from a command name and its options.
pub fn request(command: CommandName, options: &Options) -> Result<Asked, RequestError> {
    let spec = command.spec();
    for (name, _) in options {
        if !spec.options.iter().any(|o| o.name == name) {
            return Err(RequestError::UnknownOption {
                command,
                option: name.clone(),
            });
        }
    }
    let get = |name: &str| options.iter().find(|(n, _)| n == name).map(|(_, v)| v);
    let text = |name: &'static str| -> Result<Option<String>, RequestError> {
        match get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Integer(i)) => Ok(Some(i.to_string())),
            Some(Value::Boolean(b)) => Ok(Some(b.to_string())),
        }
    };
    let required = |name: &'static str| -> Result<String, RequestError> {
        text(name)?.ok_or(RequestError::Missing {
            command,
            option: name,
        })
    };
    let private = match get("private") {
        None => false,
        Some(Value::Boolean(b)) => *b,
        Some(Value::String(s)) => parse_bool(s).ok_or_else(|| RequestError::BadValue {
            option: "private",
            expected: "true or false",
            value: s.clone(),
        })?,
        Some(Value::Integer(i)) => *i != 0,
    };
    let request = match command {
        CommandName::Expert => Request::Expert {
            name: required("name")?,
        },
        CommandName::Group => Request::Group {
            name: required("name")?,
        },
        CommandName::Wish => {
            let year = match get("year") {
                Some(Value::Integer(i)) => *i,
                Some(Value::String(s)) => {
                    s.trim()
                        .parse::<i64>()
                        .map_err(|_| RequestError::BadValue {
                            option: "year",
                            expected: "a year such as 2024",
                            value: s.clone(),
                        })?
                }
                Some(Value::Boolean(b)) => {
                    return Err(RequestError::BadValue {
                        option: "year",
                        expected: "a year such as 2024",
                        value: b.to_string(),
                    });
                }
                None => {
                    return Err(RequestError::Missing {
                        command,
                        option: "year",
                    });
                }
            };
            Request::Wish {
                year,
                expert: text("expert")?.filter(|s| !s.trim().is_empty()),
            }
        }
        CommandName::Search => Request::Search {
            text: required("text")?,
            page: 1,
        },
        CommandName::About => Request::About,
    };
    Ok(Asked { request, private })
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "on" => Some(true),
        "false" | "no" | "n" | "0" | "off" => Some(false),
        _ => None,
    }
}

/// A slash-command line split into its command and options, as typed in the console:
/// `option:value` sets an option by name; bare text fills the string and integer options in
/// declared order, the last text option taking the rest of the line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub command: CommandName,
    pub options: Options,
    /// The option written last (the one being typed, for completion).
    pub last: Option<String>,
}

pub fn parse_line(line: &str) -> Result<Line, RequestError> {
    let line = line.trim();
    let rest = line.strip_prefix('/').ok_or(RequestError::NoSlash)?;
    let (name, rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let command =
        CommandName::parse(name).ok_or_else(|| RequestError::UnknownCommand(name.to_string()))?;
    let spec = command.spec();
    let named = |word: &str| -> Option<(&'static str, String)> {
        let (key, value) = word.split_once(':')?;
        let opt = spec.options.iter().find(|o| o.name == key)?;
        Some((opt.name, value.to_string()))
    };

    let mut bare: Vec<&str> = Vec::new();
    let mut named_values: Vec<(&'static str, String)> = Vec::new();
    for word in rest.split_whitespace() {
        if let Some((key, value)) = named(word) {
            named_values.push((key, value));
        } else if let Some((_, value)) = named_values.last_mut() {
            if !value.is_empty() {
                value.push(' ');
            }
            value.push_str(word);
        } else {
            bare.push(word);
        }
    }

    // Bare words come before any named option, so the last option written is the last named
    // one if there is one, else the last positional one filled.
    let mut last = named_values.last().map(|(k, _)| k.to_string());
    let mut options: Options = Vec::new();
    let positional: Vec<&OptionSpec> = spec
        .options
        .iter()
        .filter(|o| o.kind != OptionType::Boolean)
        .filter(|o| !named_values.iter().any(|(n, _)| *n == o.name))
        .collect();
    let mut words = bare.into_iter();
    for (i, opt) in positional.iter().enumerate() {
        let is_last_text = positional[i + 1..]
            .iter()
            .all(|o| o.kind != OptionType::String)
            && opt.kind == OptionType::String;
        let value = if is_last_text {
            words.by_ref().collect::<Vec<_>>().join(" ")
        } else {
            words.next().map(String::from).unwrap_or_default()
        };
        if value.is_empty() {
            continue;
        }
        if named_values.is_empty() {
            last = Some(opt.name.to_string());
        }
        options.push((opt.name.to_string(), typed(opt, value)));
    }
    if words.next().is_some() {
        return Err(RequestError::Extra { command });
    }
    for (name, value) in named_values {
        let opt = spec
            .options
            .iter()
            .find(|o| o.name == name)
            .expect("named options come from the spec");
        options.push((name.to_string(), typed(opt, value)));
    }
    // Nothing typed yet ("/expert "): the first option is the one being typed.
    if last.is_none() {
        last = positional.first().map(|o| o.name.to_string());
    }
    Ok(Line {
        command,
        options,
        last,
    })
}

fn typed(opt: &OptionSpec, value: String) -> Value {
    match opt.kind {
        OptionType::Integer => value
            .trim()
            .parse()
            .map(Value::Integer)
            .unwrap_or(Value::String(value)),
        OptionType::Boolean => match parse_bool(&value) {
            Some(b) => Value::Boolean(b),
            None => Value::String(value),
        },
        OptionType::String => Value::String(value),
    }
}

/// The completion the last option of a line asks for (`complete LINE`).
pub fn completion_of_line(line: &Line) -> Option<Completion> {
    let option = line.last.clone().or_else(|| {
        line.command
            .spec()
            .options
            .iter()
            .find(|o| o.kind != OptionType::Boolean)
            .map(|o| o.name.to_string())
    })?;
    let partial = line
        .options
        .iter()
        .find(|(n, _)| *n == option)
        .map(|(_, v)| match v {
            Value::String(s) => s.clone(),
            Value::Integer(i) => i.to_string(),
            Value::Boolean(b) => b.to_string(),
        })
        .unwrap_or_default();
    let year = line
        .options
        .iter()
        .find_map(|(n, v)| match (n.as_str(), v) {
            ("year", Value::Integer(i)) if option != "year" => Some(*i),
            _ => None,
        });
    Some(Completion {
        command: line.command,
        option,
        partial,
        year,
    })
}

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

    fn check(line: &str, expected: Request, private: bool) {
        let parsed = parse_line(line).unwrap();
        let asked = request(parsed.command, &parsed.options).unwrap();
        assert_eq!(
            asked,
            Asked {
                request: expected,
                private
            },
            "{line}"
        );
    }

    #[test]
    fn lines_parse_as_in_the_interface() {
        let expert = |n: &str| Request::Expert { name: n.into() };
        check("/expert sara", expert("sara"), false);
        check(
            "/expert name:sara pantuliano",
            expert("sara pantuliano"),
            false,
        );
        check(
            "/expert sara pantuliano private:true",
            expert("sara pantuliano"),
            true,
        );
        check(
            "/group three seas",
            Request::Group {
                name: "three seas".into(),
            },
            false,
        );
        check(
            "/wish 2024",
            Request::Wish {
                year: 2024,
                expert: None,
            },
            false,
        );
        check(
            "/wish year:2024 expert:filer",
            Request::Wish {
                year: 2024,
                expert: Some("filer".into()),
            },
            false,
        );
        check(
            "/wish 2024 tanya filer",
            Request::Wish {
                year: 2024,
                expert: Some("tanya filer".into()),
            },
            false,
        );
        check("/about", Request::About, false);
        check(
            "/search text:secretariat",
            Request::Search {
                text: "secretariat".into(),
                page: 1,
            },
            false,
        );
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        assert_eq!(parse_line("expert sara"), Err(RequestError::NoSlash));
        assert!(matches!(
            parse_line("/nope"),
            Err(RequestError::UnknownCommand(_))
        ));
        let line = parse_line("/wish").unwrap();
        assert!(matches!(
            request(line.command, &line.options),
            Err(RequestError::Missing { .. })
        ));
        let line = parse_line("/wish soon").unwrap();
        assert!(matches!(
            request(line.command, &line.options),
            Err(RequestError::BadValue { .. })
        ));
        let line = parse_line("/expert").unwrap();
        assert!(request(line.command, &line.options).is_err());
        assert!(matches!(
            parse_line("/about me"),
            Err(RequestError::Extra { .. })
        ));
    }

    #[test]
    fn completion_takes_the_last_option() {
        let c = completion_of_line(&parse_line("/expert pan").unwrap()).unwrap();
        assert_eq!((c.option.as_str(), c.partial.as_str()), ("name", "pan"));
        let c = completion_of_line(&parse_line("/wish year:2024 expert:fi").unwrap()).unwrap();
        assert_eq!(
            (c.option.as_str(), c.partial.as_str(), c.year),
            ("expert", "fi", Some(2024))
        );
        let c = completion_of_line(&parse_line("/expert ").unwrap()).unwrap();
        assert_eq!((c.option.as_str(), c.partial.as_str()), ("name", ""));
    }

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

    #[test]
    fn the_table_respects_discord_rules() {
        for c in TABLE {
            assert!(c.description.chars().count() <= limits::DESCRIPTION_CHARS);
            let mut seen_optional = false;
            for o in c.options {
                assert!(o.description.chars().count() <= limits::DESCRIPTION_CHARS);
                assert!(
                    !(seen_optional && o.required),
                    "/{} required after optional",
                    c.name
                );
                seen_optional |= !o.required;
            }
        }
    }
}
