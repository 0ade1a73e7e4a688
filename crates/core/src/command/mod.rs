//! Commands and the requests people make. The table (`table::TABLE`) is the one source of
//! commands and options: Discord registration, parsing of Discord's options (`request`), the
//! console's lines (`line`), completion and `/about` all read it. Button ids (`button`) carry a
//! request whole.

mod button;
mod line;
mod request;
mod table;

pub use button::{button_id, parse_button_id};
pub use line::{Line, completion_of_line, parse_line};
pub use request::{
    Asked, Completion, NameOrId, Options, QuestionFrom, Request, RequestError, Value, Visibility,
    completion, request,
};
pub use table::{
    Arg, Choices, CommandName, CommandSpec, MessageCommand, NAME_MAX_CHARS, OptionSpec, OptionType,
    QUESTION_MAX_CHARS, SEARCH_MAX_CHARS, TABLE, command_list,
};
