//! What people ask, whatever the front end: `Request` and `Asked`, built from a command and its
//! options by reading the table; `Completion`, the option being typed.

use serde::Serialize;

use super::table::{Arg, CommandName, MessageCommand, OptionType, command_list};
use crate::dataset::Id;
use crate::echo::code;

/// How a request names an expert, a group or an article: by the id the bot gave it, or as
/// someone typed it. The two are read differently: an id is looked up, typed text goes
/// through the matcher (or the article titles), which forgives case, order and typos.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NameOrId {
    /// An id from the data, carried by a button an answer made. An id the data no longer has
    /// (a button posted before the data changed) is read as typed text, as it always was.
    Id(Id),
    /// Text as a person typed it: a name, an alias, a typo, or an id that autocomplete handed
    /// back as the option's value (which the matcher takes exactly).
    Typed(String),
}

impl NameOrId {
    /// The text as given: the id, or what was typed. A button carries it as is.
    pub fn as_str(&self) -> &str {
        match self {
            NameOrId::Id(id) => id.as_str(),
            NameOrId::Typed(text) => text,
        }
    }
}

/// What someone asked, whatever the front end.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Request {
    /// `/expert`: a person's card.
    Expert {
        /// The person.
        expert: NameOrId,
    },
    /// `/group`: a group's card.
    Group {
        /// The group.
        group: NameOrId,
    },
    /// `/wish`: the wishes of a year, a page of experts at a time, or one expert's.
    Wish {
        /// The year the wishes look ahead to.
        year: i64,
        /// Only this expert's wishes.
        expert: Option<NameOrId>,
        /// Counts from 1 (experts with wishes, a page at a time); pages past the first come
        /// only from buttons.
        page: u32,
    },
    /// `/search`: the passages that say something, a page at a time.
    Search {
        /// The words to look for, as typed.
        text: String,
        /// Counts from 1; pages past the first come only from buttons.
        page: u32,
        /// Only the passages of this article.
        article: Option<NameOrId>,
    },
    /// `/article`: without an article, the articles (newest first, a page at a time); with
    /// one, that article.
    Article {
        /// The article: a title as typed, or a source's id.
        article: Option<NameOrId>,
        /// Counts from 1, for the list.
        page: u32,
    },
    /// `/country`: the groups a country belongs to.
    Country {
        /// The country as typed, or as the data names it (a button): countries have no ids,
        /// and the data's own name is one `Countries::find` reads exactly.
        name: String,
    },
    /// `/overlap`: who sits where among several groups.
    Overlap {
        /// The groups as typed ("g7 brics", "Three Seas, I2U2"), or their ids joined by `,`
        /// (a button), which the group list reads as exact names; empty for all.
        groups: String,
    },
    /// `/about`: what the bot knows and how it answers.
    About,
    /// `/ask` (and the message command `MessageCommand::Answer`): a question in plain words.
    Ask {
        /// The question as typed (or the message's text).
        question: String,
        /// Whether it was typed by the person asking or is someone's message.
        from: QuestionFrom,
    },
    /// The message context-menu command `MessageCommand::FindNames`: the names in a message's
    /// text.
    Mentions {
        /// The message's text.
        text: String,
    },
}

impl Request {
    /// What the message command `command` asks of a message of `text`.
    pub fn of_message(command: MessageCommand, text: String) -> Request {
        match command {
            MessageCommand::FindNames => Request::Mentions { text },
            MessageCommand::Answer => Request::Ask {
                question: text,
                from: QuestionFrom::Message,
            },
        }
    }

    /// The slash command that asks this; none for the message command, which is asked from a
    /// message, not typed (and so no button can carry it).
    pub fn command(&self) -> Option<CommandName> {
        match self {
            Request::Expert { .. } => Some(CommandName::Expert),
            Request::Group { .. } => Some(CommandName::Group),
            Request::Wish { .. } => Some(CommandName::Wish),
            Request::Search { .. } => Some(CommandName::Search),
            Request::Country { .. } => Some(CommandName::Country),
            Request::Overlap { .. } => Some(CommandName::Overlap),
            Request::About => Some(CommandName::About),
            Request::Article { .. } => Some(CommandName::Article),
            Request::Ask { .. } => Some(CommandName::Ask),
            Request::Mentions { .. } => None,
        }
    }
}

/// Where a question for `/ask` comes from: typed by the person who asks (`/ask`, a button), or
/// a message someone wrote in the channel ("Answer from the article"), which is theirs, not
/// the asker's: a question that finds nothing is logged for curators only when typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuestionFrom {
    /// Typed to the bot.
    Typed,
    /// A message of the channel.
    Message,
}

/// Who sees a reply. Chosen once, with the request (its `private` option, or the kind of answer:
/// a question back, a page opened by a button), and carried with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Everyone in the channel.
    #[default]
    Public,
    /// Only the person who asked (Discord's ephemeral flag).
    Private,
}

impl Visibility {
    /// Whether only the person who asked sees it.
    pub fn is_private(self) -> bool {
        self == Visibility::Private
    }
}

/// A request and who should see the answer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Asked {
    /// What was asked.
    pub request: Request,
    /// Only the person who asked sees the answer.
    pub visibility: Visibility,
}

/// An autocomplete request: the option being typed, its partial text, and the options
/// already filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// The command being typed.
    pub command: CommandName,
    /// The option being typed, by name.
    pub option: String,
    /// Its text so far.
    pub partial: String,
    /// For `/wish`: the year already chosen.
    pub year: Option<i64>,
}

/// An option's value as it arrived.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text.
    String(String),
    /// A whole number.
    Integer(i64),
    /// True or false.
    Boolean(bool),
}

impl Value {
    /// The value as text, whatever its type (a name typed as digits arrives as a number).
    pub fn text(&self) -> String {
        match self {
            Value::String(s) => s.clone(),
            Value::Integer(i) => i.to_string(),
            Value::Boolean(b) => b.to_string(),
        }
    }
}

/// Options by name, as they arrived (from Discord or from a parsed line).
pub type Options = Vec<(String, Value)>;

/// Why a request could not be read: said to the person, who can fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    // What the person typed is shown cleaned and cut (`echo::code`): it may be anything.
    /// A command the table does not have (the name as typed).
    #[error("unknown command `/{}`; the commands are {list}", code(.0), list = command_list())]
    UnknownCommand(String),
    /// A button whose id this version does not read (an older version's, or forged): its id
    /// means nothing to the person, so it is not shown.
    #[error(
        "this button no longer works (it may be from an older version of the bot); run the command again"
    )]
    UnknownButton,
    /// A console line that does not start with `/`.
    #[error("a command line starts with `/`, e.g. `/expert sara`")]
    NoSlash,
    /// An option the command does not have.
    #[error("`/{command}` has no option `{}`", code(option))]
    UnknownOption {
        /// The command asked.
        command: CommandName,
        /// The option's name as given.
        option: String,
    },
    /// A required option left out.
    #[error("`/{command}` needs `{option}`")]
    Missing {
        /// The command asked.
        command: CommandName,
        /// The option it needs.
        option: &'static str,
    },
    /// A value of the wrong type (a year that is not a number).
    #[error("`{option}` must be {expected}, not `{}`", code(value))]
    BadValue {
        /// The option.
        option: &'static str,
        /// What it takes, in words.
        expected: &'static str,
        /// What was given.
        value: String,
    },
    /// Words left over after every option of a console line is filled.
    #[error("too much text for `/{command}`")]
    Extra {
        /// The command asked.
        command: CommandName,
    },
    /// Text longer than the option takes.
    #[error("`{option}` takes at most {max} characters")]
    TooLong {
        /// The option.
        option: &'static str,
        /// The most characters it takes.
        max: u16,
    },
}

/// The options of one command, read by meaning.
struct Given<'a> {
    command: CommandName,
    options: &'a Options,
}

impl Given<'_> {
    fn get(&self, arg: Arg) -> Option<&Value> {
        let name = self.command.spec().option_for(arg)?.name();
        self.options.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    fn text(&self, arg: Arg) -> Option<String> {
        self.get(arg).map(Value::text)
    }

    /// An optional option's text, as typed; none when left blank.
    fn typed(&self, arg: Arg) -> Option<NameOrId> {
        self.text(arg)
            .filter(|s| !s.trim().is_empty())
            .map(NameOrId::Typed)
    }

    fn required(&self, arg: Arg) -> Result<String, RequestError> {
        self.text(arg).ok_or(RequestError::Missing {
            command: self.command,
            option: arg.as_str(),
        })
    }

    fn visibility(&self) -> Result<Visibility, RequestError> {
        let private = match self.get(Arg::Private) {
            None => false,
            Some(Value::Boolean(b)) => *b,
            Some(Value::String(s)) => parse_bool(s).ok_or_else(|| RequestError::BadValue {
                option: Arg::Private.as_str(),
                expected: "true or false",
                value: s.clone(),
            })?,
            Some(Value::Integer(i)) => *i != 0,
        };
        Ok(if private {
            Visibility::Private
        } else {
            Visibility::Public
        })
    }

    fn year(&self) -> Result<i64, RequestError> {
        let bad = |value: String| RequestError::BadValue {
            option: Arg::Year.as_str(),
            expected: "a year such as 2024",
            value,
        };
        match self.get(Arg::Year) {
            Some(Value::Integer(i)) => Ok(*i),
            Some(Value::String(s)) => s.trim().parse::<i64>().map_err(|_| bad(s.clone())),
            Some(Value::Boolean(b)) => Err(bad(b.to_string())),
            None => Err(RequestError::Missing {
                command: self.command,
                option: Arg::Year.as_str(),
            }),
        }
    }
}

/// Builds a request from a command name and its options.
pub fn request(command: CommandName, options: &Options) -> Result<Asked, RequestError> {
    let spec = command.spec();
    if let Some((name, _)) = options.iter().find(|(n, _)| spec.option(n).is_none()) {
        return Err(RequestError::UnknownOption {
            command,
            option: name.clone(),
        });
    }
    // Discord keeps typed text within each option's `max_length`; anything else (a console
    // line, a forged request) is refused here, before any work that grows with its length.
    for (name, value) in options {
        if let (Some(option), Value::String(text)) = (spec.option(name), value)
            && let Some(max) = option.max_length
            && too_long(text, max)
        {
            return Err(RequestError::TooLong {
                option: option.name(),
                max,
            });
        }
    }
    let given = Given { command, options };
    let visibility = given.visibility()?;
    let request = match command {
        CommandName::Expert => Request::Expert {
            expert: NameOrId::Typed(given.required(Arg::Name)?),
        },
        CommandName::Group => Request::Group {
            group: NameOrId::Typed(given.required(Arg::Name)?),
        },
        CommandName::Wish => Request::Wish {
            year: given.year()?,
            expert: given.typed(Arg::Expert),
            page: 1,
        },
        CommandName::Search => Request::Search {
            text: given.required(Arg::Text)?,
            page: 1,
            article: given.typed(Arg::Article),
        },
        CommandName::Country => Request::Country {
            name: given.required(Arg::Name)?,
        },
        CommandName::Overlap => Request::Overlap {
            groups: given.text(Arg::Groups).unwrap_or_default(),
        },
        CommandName::About => Request::About,
        CommandName::Article => Request::Article {
            article: given.typed(Arg::Title),
            page: 1,
        },
        CommandName::Ask => Request::Ask {
            question: given.required(Arg::Question)?,
            from: QuestionFrom::Typed,
        },
    };
    Ok(Asked {
        request,
        visibility,
    })
}

/// The completion for `focused` (the option being typed and its text so far), given the
/// options already filled. Front ends only say which option is focused.
pub fn completion(
    command: CommandName,
    focused: (String, String),
    options: &Options,
) -> Completion {
    let (option, mut partial) = focused;
    // A partial name past the option's length is one Discord would not have sent: only what
    // fits is completed.
    if let Some(max) = command.spec().option(&option).and_then(|o| o.max_length)
        && too_long(&partial, max)
    {
        partial = partial.chars().take(usize::from(max)).collect();
    }
    let year = if option == Arg::Year.as_str() {
        None
    } else {
        Given { command, options }.year().ok()
    };
    Completion {
        command,
        option,
        partial,
        year,
    }
}

/// Whether `text` has more than `max` characters; reads at most `max + 1` of them.
fn too_long(text: &str, max: u16) -> bool {
    text.chars().nth(usize::from(max)).is_some()
}

/// Typed words for true and false, as people write them in a console line.
pub(super) fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "on" => Some(true),
        "false" | "no" | "n" | "0" | "off" => Some(false),
        _ => None,
    }
}

/// The value of a typed word for an option of `kind`: a number or a boolean where one is
/// expected and the word reads as one, else the text (which `request` then refuses).
pub(super) fn typed(kind: OptionType, value: String) -> Value {
    match kind {
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
