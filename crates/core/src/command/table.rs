//! The command table: every command, its options, their types and what completes them. The one
//! source that registration, parsing, completion and help read.

use std::fmt;

/// The message context-menu commands, in Discord's Apps menu on any message. They have no
/// options (the message is its input), so they are not in `TABLE`, whose commands are typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageCommand {
    /// The experts, groups and bodies the message names.
    FindNames,
    /// The message read as a question and answered from the articles, as `/ask` would.
    Answer,
}

impl MessageCommand {
    /// Every message command, in the order Discord's menu and help list them.
    pub const ALL: [MessageCommand; 2] = [MessageCommand::FindNames, MessageCommand::Answer];

    /// Its name in Discord's Apps menu (and `ask --message TEXT --command NAME`).
    pub fn as_str(self) -> &'static str {
        match self {
            MessageCommand::FindNames => "Find experts and groups",
            MessageCommand::Answer => "Answer from the article",
        }
    }

    /// The message command called `name`, if there is one.
    pub fn parse(name: &str) -> Option<MessageCommand> {
        MessageCommand::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// What it does, in the words help and `/about` use.
    pub fn description(self) -> &'static str {
        match self {
            MessageCommand::FindNames => {
                "the experts, groups and bodies it names, with their cards"
            }
            MessageCommand::Answer => {
                "the message read as a question and answered from the articles' own passages, as `/ask` would"
            }
        }
    }
}

impl fmt::Display for MessageCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The commands. Each has exactly one spec (`spec`), so a name is never looked up and missed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommandName {
    /// `/expert`: a person's card.
    Expert,
    /// `/group`: a group's card.
    Group,
    /// `/wish`: what was wished for in a year.
    Wish,
    /// `/search`: the passages that say something.
    Search,
    /// `/country`: the groups a country belongs to.
    Country,
    /// `/overlap`: who sits where among groups.
    Overlap,
    /// `/about`: what the bot knows.
    About,
    /// `/article`: the articles, or one of them.
    Article,
    /// `/ask`: a question in plain words, answered from the articles' own passages.
    Ask,
}

impl CommandName {
    /// Its entry in the table: name, description and options (a total match, so a command
    /// cannot lack one).
    pub fn spec(self) -> &'static CommandSpec {
        match self {
            CommandName::Expert => &EXPERT,
            CommandName::Group => &GROUP,
            CommandName::Wish => &WISH,
            CommandName::Search => &SEARCH,
            CommandName::Country => &COUNTRY,
            CommandName::Overlap => &OVERLAP,
            CommandName::About => &ABOUT,
            CommandName::Article => &ARTICLE,
            CommandName::Ask => &ASK,
        }
    }

    /// Its name as typed after the `/`.
    pub fn as_str(self) -> &'static str {
        self.spec().name
    }

    /// The command called `name`, if the table has one.
    pub fn parse(name: &str) -> Option<CommandName> {
        TABLE.iter().find(|c| c.name == name).map(|c| c.command)
    }
}

impl fmt::Display for CommandName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an option means to the core. Its name in Discord is its meaning's name, so that the
/// code that reads a request names the meaning, never a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    /// The name of the expert or group asked about.
    Name,
    /// The year of `/wish`.
    Year,
    /// The expert `/wish` is narrowed to.
    Expert,
    /// The words of `/search`.
    Text,
    /// The groups `/overlap` compares, several in one text.
    Groups,
    /// An article, by its title (or words of it), for `/article`.
    Title,
    /// The article `/search` is narrowed to, by its title.
    Article,
    /// The question of `/ask`, in plain words.
    Question,
    /// Only the person who asked sees the answer.
    Private,
}

impl Arg {
    /// The option's name in Discord and in a console line.
    pub fn as_str(self) -> &'static str {
        match self {
            Arg::Name => "name",
            Arg::Year => "year",
            Arg::Expert => "expert",
            Arg::Text => "text",
            Arg::Groups => "groups",
            Arg::Title => "title",
            Arg::Article => "article",
            Arg::Question => "question",
            Arg::Private => "private",
        }
    }
}

/// The type of an option's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionType {
    /// Text.
    String,
    /// A whole number (a year).
    Integer,
    /// True or false (`private`).
    Boolean,
}

/// Where an option's choices come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    /// Free text.
    None,
    /// Autocomplete with names of experts.
    Experts,
    /// Autocomplete with names of experts who have wishes (in the year chosen, once it is).
    ExpertsWithWishes,
    /// Autocomplete with names of groups.
    Groups,
    /// Autocomplete with names of groups, several in one text ("G7, BRICS, I2…").
    GroupList,
    /// Autocomplete with the countries of the groups' member lists.
    Countries,
    /// Autocomplete with the articles' titles, newest first.
    Articles,
    /// Fixed choices: the years that have wishes, read from the dataset at registration.
    WishYears,
}

impl Choices {
    /// Discord asks the bot while the option is typed.
    pub fn autocompleted(self) -> bool {
        matches!(
            self,
            Choices::Experts
                | Choices::ExpertsWithWishes
                | Choices::Groups
                | Choices::GroupList
                | Choices::Countries
                | Choices::Articles
        )
    }
}

/// One option of a command, as registered with Discord and read from a request.
#[derive(Debug)]
pub struct OptionSpec {
    /// What it means; its name is the meaning's.
    pub arg: Arg,
    /// The help Discord shows beside it.
    pub description: &'static str,
    /// The type of its value.
    pub kind: OptionType,
    /// Whether the command needs it.
    pub required: bool,
    /// What completes it.
    pub choices: Choices,
    /// For strings: the most characters Discord lets people type.
    pub max_length: Option<u16>,
}

impl OptionSpec {
    /// Its name, the name of what it means.
    pub fn name(&self) -> &'static str {
        self.arg.as_str()
    }
}

/// One command of the table: what registration, parsing, completion and help read.
#[derive(Debug)]
pub struct CommandSpec {
    /// Which command it is.
    pub command: CommandName,
    /// Its name as typed after the `/`.
    pub name: &'static str,
    /// The help Discord shows beside it.
    pub description: &'static str,
    /// In declared order: required first, as Discord demands.
    pub options: &'static [OptionSpec],
}

impl CommandSpec {
    /// The option called `name` (as it arrives from Discord or a typed line).
    pub fn option(&self, name: &str) -> Option<&'static OptionSpec> {
        self.options.iter().find(|o| o.name() == name)
    }

    /// The option that means `arg`, if this command has one.
    pub fn option_for(&self, arg: Arg) -> Option<&'static OptionSpec> {
        self.options.iter().find(|o| o.arg == arg)
    }
}

/// Names are short; a query past this is not a name (Discord would allow 6000).
pub const NAME_MAX_CHARS: u16 = 100;
/// Search text.
pub const SEARCH_MAX_CHARS: u16 = 200;
/// Several group names.
pub const GROUPS_MAX_CHARS: u16 = 200;
/// A question for `/ask`: a sentence or two of a discussion. A longer one (a message the message
/// command is used on may be up to 4,000) is refused before any work: it is not one question.
pub const QUESTION_MAX_CHARS: u16 = 500;

const PRIVATE: OptionSpec = OptionSpec {
    arg: Arg::Private,
    description: "Only you see the answer (with a button to post it to the channel)",
    kind: OptionType::Boolean,
    required: false,
    choices: Choices::None,
    max_length: None,
};

static EXPERT: CommandSpec = CommandSpec {
    command: CommandName::Expert,
    name: "expert",
    description: "Who an expert is, what they said, and what they wished for",
    options: &[
        OptionSpec {
            arg: Arg::Name,
            description: "The expert's name; half-remembered is fine",
            kind: OptionType::String,
            required: true,
            choices: Choices::Experts,
            max_length: Some(NAME_MAX_CHARS),
        },
        PRIVATE,
    ],
};

static GROUP: CommandSpec = CommandSpec {
    command: CommandName::Group,
    name: "group",
    description: "A minilateral group: members, what the article says, who speaks of it",
    options: &[
        OptionSpec {
            arg: Arg::Name,
            description: "G7, BRICS, I2U2, Three Seas…",
            kind: OptionType::String,
            required: true,
            choices: Choices::Groups,
            max_length: Some(NAME_MAX_CHARS),
        },
        PRIVATE,
    ],
};

static WISH: CommandSpec = CommandSpec {
    command: CommandName::Wish,
    name: "wish",
    description: "What the experts wished to see happen in a year",
    options: &[
        OptionSpec {
            arg: Arg::Year,
            description: "The year",
            kind: OptionType::Integer,
            required: true,
            choices: Choices::WishYears,
            max_length: None,
        },
        OptionSpec {
            arg: Arg::Expert,
            description: "Only this expert's wishes",
            kind: OptionType::String,
            required: false,
            choices: Choices::ExpertsWithWishes,
            max_length: Some(NAME_MAX_CHARS),
        },
        PRIVATE,
    ],
};

static SEARCH: CommandSpec = CommandSpec {
    command: CommandName::Search,
    name: "search",
    description: "Search the article: its introduction, bylines, statements and wishes",
    options: &[
        OptionSpec {
            arg: Arg::Text,
            description: "Words to look for; typos and accents are fine",
            kind: OptionType::String,
            required: true,
            choices: Choices::None,
            max_length: Some(SEARCH_MAX_CHARS),
        },
        OptionSpec {
            arg: Arg::Article,
            description: "Only this article (its title; all when empty)",
            kind: OptionType::String,
            required: false,
            choices: Choices::Articles,
            max_length: Some(NAME_MAX_CHARS),
        },
        PRIVATE,
    ],
};

static COUNTRY: CommandSpec = CommandSpec {
    command: CommandName::Country,
    name: "country",
    description: "Which groups a country belongs to, and what the article says of them",
    options: &[
        OptionSpec {
            arg: Arg::Name,
            description: "India, US, UAE, Czechia…",
            kind: OptionType::String,
            required: true,
            choices: Choices::Countries,
            max_length: Some(NAME_MAX_CHARS),
        },
        PRIVATE,
    ],
};

static OVERLAP: CommandSpec = CommandSpec {
    command: CommandName::Overlap,
    name: "overlap",
    description: "A picture of which member states sit in which groups, and who sits in several",
    options: &[
        OptionSpec {
            arg: Arg::Groups,
            description: "Groups to compare, e.g. “g7 brics i2u2” (all when empty)",
            kind: OptionType::String,
            required: false,
            choices: Choices::GroupList,
            max_length: Some(GROUPS_MAX_CHARS),
        },
        PRIVATE,
    ],
};

static ABOUT: CommandSpec = CommandSpec {
    command: CommandName::About,
    name: "about",
    description: "What this bot knows, how it matches names, how to report an error",
    options: &[PRIVATE],
};

static ARTICLE: CommandSpec = CommandSpec {
    command: CommandName::Article,
    name: "article",
    description: "The articles I know; with a title, its question, introduction and people",
    options: &[
        OptionSpec {
            arg: Arg::Title,
            description: "The article's title, or words of it (all articles when empty)",
            kind: OptionType::String,
            required: false,
            choices: Choices::Articles,
            max_length: Some(NAME_MAX_CHARS),
        },
        PRIVATE,
    ],
};

static ASK: CommandSpec = CommandSpec {
    command: CommandName::Ask,
    name: "ask",
    description: "A question in plain words, answered with the articles' own passages",
    options: &[
        OptionSpec {
            arg: Arg::Question,
            description: "e.g. “what does Meserole hope for the G7?”, “which groups is India in?”",
            kind: OptionType::String,
            required: true,
            choices: Choices::None,
            max_length: Some(QUESTION_MAX_CHARS),
        },
        PRIVATE,
    ],
};

/// Every command, in the order help lists them.
pub static TABLE: [&CommandSpec; 9] = [
    &EXPERT, &GROUP, &WISH, &SEARCH, &ASK, &COUNTRY, &OVERLAP, &ARTICLE, &ABOUT,
];

/// "/expert, /group, …", for messages.
pub fn command_list() -> String {
    TABLE
        .iter()
        .map(|c| format!("/{}", c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits;

    #[test]
    fn every_command_is_in_the_table_once() {
        use super::super::request::{NameOrId, Request};
        // One request of each command; `Request::command` is a total match, so a new command
        // without a request fails to compile there, and one missing from the table fails here.
        let requests = [
            Request::Expert {
                expert: NameOrId::Typed("x".into()),
            },
            Request::Group {
                group: NameOrId::Typed("x".into()),
            },
            Request::Wish {
                year: 2024,
                expert: None,
                page: 1,
            },
            Request::Search {
                text: "x".into(),
                page: 1,
                article: None,
            },
            Request::Article {
                article: None,
                page: 1,
            },
            Request::Country { name: "x".into() },
            Request::Overlap {
                groups: String::new(),
            },
            Request::About,
            Request::Ask {
                question: "x".into(),
                from: super::super::request::QuestionFrom::Typed,
            },
        ];
        assert_eq!(requests.len(), TABLE.len());
        for r in &requests {
            let n = TABLE
                .iter()
                .filter(|s| Some(s.command) == r.command())
                .count();
            assert_eq!(n, 1, "{:?} is in the table {n} times", r.command());
        }
    }

    #[test]
    fn each_spec_is_its_own_commands() {
        for spec in TABLE {
            assert_eq!(spec.command.spec().name, spec.name);
            assert_eq!(CommandName::parse(spec.name), Some(spec.command));
        }
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
                // Autocomplete and fixed choices are for typed values only.
                assert!(!o.choices.autocompleted() || o.kind == OptionType::String);
            }
        }
    }
}
