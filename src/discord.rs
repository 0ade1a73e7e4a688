//! The Discord edge: interactions in, interaction responses out, and the command table as
//! registration JSON. The gateway bot and the HTTP endpoint both answer through `respond`.

use serenity::all::{
    ButtonStyle as DiscordButtonStyle, CommandDataOption, CommandDataOptionValue,
    CommandInteraction, CommandOptionType, CommandType, CreateActionRow, CreateAllowedMentions,
    CreateAttachment, CreateAutocompleteResponse, CreateButton, CreateCommand, CreateCommandOption,
    CreateEmbed, CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage,
    Interaction, ResolvedTarget,
};
use serenity::builder::AutocompleteChoice;

use crate::answer;
use crate::command::{
    self, Asked, Choices, CommandName, Completion, OptionType, Options, Request, RequestError,
    Value,
};
use crate::knowledge::Knowledge;
use crate::limits;
use crate::matching::Choice;
use crate::picture::{self, Attachment};
use crate::reply::{Button, ButtonStyle, Fitted, Miss, Outcome, Visibility};

/// What kind of interaction arrived, for logs.
pub fn describe(interaction: &Interaction) -> (&'static str, String) {
    match interaction {
        Interaction::Ping(_) => ("ping", String::new()),
        Interaction::Command(c) => ("command", c.data.name.clone()),
        Interaction::Autocomplete(c) => ("autocomplete", c.data.name.clone()),
        Interaction::Component(c) => ("button", c.data.custom_id.clone()),
        Interaction::Modal(m) => ("modal", m.data.custom_id.clone()),
        _ => ("unknown", String::new()),
    }
}

/// A response body and how the request went (for the log line).
pub struct Response {
    pub body: CreateInteractionResponse,
    pub outcome: Outcome,
    /// A query that matched nothing, to log.
    pub miss: Option<Miss>,
    /// The reply's files, for a front end whose first answer cannot carry them (the HTTP
    /// endpoint): it answers "thinking" and uploads them as an edit of that answer. Filled by
    /// `drawn`.
    pub upload: Option<Upload>,
    /// A reply whose picture is still to be drawn.
    picture: Option<Box<Fitted>>,
}

/// A message with files, as the edit of a deferred answer. Made only by `Response::drawn`,
/// from a fitted reply (its fields are private), so an upload passes Discord's limits as an
/// answer does.
#[derive(Clone, Debug)]
pub struct Upload {
    visibility: Visibility,
    /// The message (`payload_json`), its attachments numbered as the files are.
    message: serde_json::Value,
    files: Vec<Attachment>,
    /// The same message without its picture, should the upload fail: the text says what the
    /// picture shows.
    text_only: serde_json::Value,
}

impl Upload {
    /// Who sees the message: the deferral says so, since an edit cannot.
    pub fn visibility(&self) -> Visibility {
        self.visibility
    }

    /// The message (`payload_json`), its attachments numbered as the files are.
    pub fn message(&self) -> &serde_json::Value {
        &self.message
    }

    /// The files, in the order the message numbers them.
    pub fn files(&self) -> &[Attachment] {
        &self.files
    }

    /// The message without its picture, should the upload fail: its text says what the
    /// picture shows.
    pub fn text_only(&self) -> &serde_json::Value {
        &self.text_only
    }
}

impl Response {
    pub fn new(body: CreateInteractionResponse, outcome: Outcome) -> Response {
        Response {
            body,
            outcome,
            miss: None,
            upload: None,
            picture: None,
        }
    }

    /// The reply as a response, its picture not drawn yet (`drawn` does that).
    fn reply(reply: &Fitted) -> Response {
        Response {
            body: encode_with(reply, &[]),
            outcome: reply.outcome,
            miss: reply.miss.clone(),
            upload: None,
            picture: reply.picture.is_some().then(|| Box::new(reply.clone())),
        }
    }

    /// Whether `drawn` has a picture to draw: milliseconds of CPU, which the front ends spend
    /// off the async workers.
    pub fn has_picture(&self) -> bool {
        self.picture.is_some()
    }

    /// The response with its picture drawn and attached: in the body (the gateway sends the
    /// files with the answer) and as an `Upload` (for the endpoint). Without a picture, or
    /// when it cannot be drawn, the response as it was: its text says what the picture shows.
    pub fn drawn(mut self) -> Response {
        let Some(reply) = self.picture.take() else {
            return self;
        };
        let files = picture::attachments(&reply);
        if files.is_empty() {
            return self;
        }
        self.upload = Some(Upload {
            visibility: reply.visibility,
            message: edit(&reply, &files),
            text_only: text_only(&reply),
            files: files.clone(),
        });
        self.body = encode_with(&reply, &files);
        self
    }

    /// Logs the interaction, the same for every front end: one line (`kind`, `command`,
    /// `outcome`, `ms` to two decimals; a warning with the error when the answer could not be
    /// sent), and one more for a query that matched nothing.
    pub fn log(&self, kind: &str, command: &str, ms: f64, failed: Option<&dyn std::fmt::Display>) {
        let ms = (ms * 100.0).round() / 100.0;
        let outcome = self.outcome.as_str();
        match failed {
            None => tracing::info!(kind, command, outcome, ms, "interaction"),
            Some(error) => tracing::warn!(
                kind,
                command,
                outcome,
                ms,
                error = %error,
                "interaction not answered"
            ),
        }
        if let Some(miss) = &self.miss {
            // Never who asked: only what was looked for, folded.
            tracing::info!(what = miss.what.as_str(), query = %miss.folded, "no match");
        }
    }
}

/// The response to any interaction. Unreadable requests get a private explanation; the bot
/// never leaves an interaction unanswered.
pub fn respond(k: &Knowledge, interaction: &Interaction) -> Response {
    match interaction {
        Interaction::Ping(_) => Response::new(CreateInteractionResponse::Pong, Outcome::Answered),
        // A message command: the message it was used on is its input, and its answer private.
        Interaction::Command(c) if c.data.kind == CommandType::Message => {
            let text = match c.data.target() {
                Some(ResolvedTarget::Message(m)) => m.content.clone(),
                _ => String::new(),
            };
            Response::reply(&match command::MessageCommand::parse(&c.data.name) {
                Some(m) => answer::answer(
                    k,
                    &Asked {
                        request: Request::of_message(m, text),
                        visibility: Visibility::Private,
                    },
                ),
                None => answer::request_error(&RequestError::UnknownCommand(c.data.name.clone())),
            })
        }
        Interaction::Command(c) => Response::reply(&match decode_command(c) {
            Ok(asked) => answer::answer(k, &asked),
            Err(e) => answer::request_error(&e),
        }),
        Interaction::Autocomplete(c) => {
            let choices = decode_completion(c)
                .map(|completion| answer::complete(k, &completion))
                .unwrap_or_default();
            let outcome = if choices.is_empty() {
                Outcome::NotFound
            } else {
                Outcome::Answered
            };
            Response::new(encode_choices(&choices), outcome)
        }
        Interaction::Component(c) => {
            Response::reply(&match command::parse_button_id(&c.data.custom_id) {
                Some(asked) => answer::answer(k, &asked),
                None => answer::request_error(&RequestError::UnknownButton),
            })
        }
        // A form's submission (the bot shows no forms) or a kind Discord adds later: said
        // honestly, not apologised for, since nothing failed.
        _ => Response::reply(&answer::unsupported()),
    }
}

/// A slash command's options as the core reads them.
pub fn decode_command(c: &CommandInteraction) -> Result<Asked, RequestError> {
    let name = CommandName::parse(&c.data.name)
        .ok_or_else(|| RequestError::UnknownCommand(c.data.name.clone()))?;
    command::request(name, &options(&c.data.options))
}

fn options(options: &[CommandDataOption]) -> Options {
    options
        .iter()
        .filter_map(|o| {
            let value = match &o.value {
                CommandDataOptionValue::String(s) => Value::String(s.clone()),
                CommandDataOptionValue::Integer(i) => Value::Integer(*i),
                CommandDataOptionValue::Boolean(b) => Value::Boolean(*b),
                CommandDataOptionValue::Autocomplete { value, .. } => Value::String(value.clone()),
                _ => return None,
            };
            Some((o.name.clone(), value))
        })
        .collect()
}

/// The option being typed in an autocomplete interaction.
pub fn decode_completion(c: &CommandInteraction) -> Option<Completion> {
    let command = CommandName::parse(&c.data.name)?;
    let focused = c.data.options.iter().find_map(|o| match &o.value {
        CommandDataOptionValue::Autocomplete { value, .. } => Some((o.name.clone(), value.clone())),
        _ => None,
    })?;
    Some(command::completion(
        command,
        focused,
        &options(&c.data.options),
    ))
}

/// A reply as Discord's interaction response (type 4), with no mention allowed and its
/// picture drawn and attached.
pub fn encode(reply: &Fitted) -> CreateInteractionResponse {
    encode_with(reply, &picture::attachments(reply))
}

/// A reply as Discord's interaction response (type 4), with these files.
pub fn encode_with(reply: &Fitted, files: &[Attachment]) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(message(reply, files))
}

/// The edit that replaces a deferred answer when its files could not be uploaded: the text
/// without the picture, and no `attachments` (which would remove a file that did arrive).
fn text_only(reply: &Fitted) -> serde_json::Value {
    let mut body = edit(reply, &[]);
    if let Some(fields) = body.as_object_mut() {
        fields.remove("attachments");
    }
    body
}

/// The body of an edit of a deferred answer: the message without what an edit cannot set
/// (the ephemeral flag was set by the deferral), attachments numbered as their files.
fn edit(reply: &Fitted, files: &[Attachment]) -> serde_json::Value {
    let mut body = serde_json::to_value(message(reply, files)).unwrap_or_default();
    if let Some(fields) = body.as_object_mut() {
        fields.remove("flags");
        fields.remove("tts");
        if let Some(serde_json::Value::Array(attachments)) = fields.get_mut("attachments") {
            for (i, a) in attachments.iter_mut().enumerate() {
                a["id"] = serde_json::json!(i);
            }
        }
    }
    body
}

/// The message part of a reply with its files; a card shows a picture only when its file is
/// among them.
pub fn message(reply: &Fitted, files: &[Attachment]) -> CreateInteractionResponseMessage {
    let embeds: Vec<CreateEmbed> = reply
        .cards
        .iter()
        .map(|card| {
            let mut embed = CreateEmbed::new()
                .title(card.title.clone())
                .colour(0x2B6CB0);
            if let Some(url) = &card.url {
                embed = embed.url(url.clone());
            }
            if !card.description.is_empty() {
                embed = embed.description(card.description.clone());
            }
            for f in &card.fields {
                embed = embed.field(f.name.clone(), f.value.clone(), f.inline);
            }
            if let Some(footer) = &card.footer {
                embed = embed.footer(CreateEmbedFooter::new(footer.clone()));
            }
            if let Some(image) = &card.image
                && files.iter().any(|f| &f.name == image)
            {
                embed = embed.image(format!("attachment://{image}"));
            }
            embed
        })
        .collect();
    // Each button's request becomes its id here, at the edge. `Button::new` made only buttons
    // whose id fits, so none is left out; were one, the rows would still be full ones.
    let buttons: Vec<(String, &Button)> = reply
        .buttons
        .iter()
        .filter_map(|b| Some((command::button_id(b.asked())?, b)))
        .collect();
    let rows: Vec<CreateActionRow> = buttons
        .chunks(limits::BUTTONS_PER_ROW)
        .take(limits::ACTION_ROWS)
        .map(|row| {
            CreateActionRow::Buttons(
                row.iter()
                    .map(|(id, b)| {
                        CreateButton::new(id.clone())
                            .label(b.label.clone())
                            .style(match b.style {
                                ButtonStyle::Primary => DiscordButtonStyle::Primary,
                                ButtonStyle::Secondary => DiscordButtonStyle::Secondary,
                            })
                    })
                    .collect(),
            )
        })
        .collect();
    let mut message = CreateInteractionResponseMessage::new()
        .allowed_mentions(CreateAllowedMentions::new())
        .ephemeral(reply.visibility.is_private())
        .embeds(embeds)
        .components(rows);
    if let Some(content) = &reply.content {
        message = message.content(content.clone());
    }
    for f in files {
        message = message.add_file(
            CreateAttachment::bytes(f.data.clone(), f.name.clone())
                .description(f.description.clone()),
        );
    }
    message
}

/// Autocomplete choices as Discord's response (type 8): at most 25.
pub fn encode_choices(choices: &[Choice]) -> CreateInteractionResponse {
    let choices = choices
        .iter()
        .take(limits::AUTOCOMPLETE_CHOICES)
        .map(|c| AutocompleteChoice::new(c.label.clone(), c.value.clone()))
        .collect();
    CreateInteractionResponse::Autocomplete(CreateAutocompleteResponse::new().set_choices(choices))
}

/// The command table as Discord registration JSON; `/wish year` offers the years in the data.
pub fn commands(k: &Knowledge) -> Vec<CreateCommand> {
    let years = k.dataset.wish_years();
    command::TABLE
        .iter()
        .map(|spec| {
            let options = spec
                .options
                .iter()
                .map(|o| {
                    let kind = match o.kind {
                        OptionType::String => CommandOptionType::String,
                        OptionType::Integer => CommandOptionType::Integer,
                        OptionType::Boolean => CommandOptionType::Boolean,
                    };
                    let mut option = CreateCommandOption::new(kind, o.name(), o.description)
                        .required(o.required);
                    match o.choices {
                        c if c.autocompleted() => option = option.set_autocomplete(true),
                        Choices::WishYears => {
                            // Newest first, as people usually want the latest year.
                            for y in years.iter().rev().take(limits::OPTION_CHOICES) {
                                option = option.add_int_choice(y.to_string(), *y);
                            }
                        }
                        _ => {}
                    }
                    if let Some(max) = o.max_length {
                        option = option.max_length(max);
                    }
                    option
                })
                .collect();
            CreateCommand::new(spec.name)
                .description(spec.description)
                .set_options(options)
        })
        // A message command has a name and nothing else: Discord refuses a description.
        .chain(
            command::MessageCommand::ALL
                .map(|m| CreateCommand::new(m.as_str()).kind(CommandType::Message)),
        )
        .collect()
}
