//! The console's grammar: a slash-command line as typed (`/wish 2024 tanya filer`,
//! `/expert name:sara private:true`) split into its command and options, and the option a
//! half-typed line is completing.

use super::request::{Completion, Options, RequestError, completion, typed};
use super::table::{CommandName, OptionSpec, OptionType};

/// A slash-command line split into its command and options, as typed in the console:
/// `option:value` sets an option by name; bare text fills the string and integer options in
/// declared order, the first text option taking the rest of the line (the options after it
/// are set by name only).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The command after the `/`.
    pub command: CommandName,
    /// The options given, by name, as typed.
    pub options: Options,
    /// The option written last (the one being typed, for completion).
    pub last: Option<String>,
}

/// Reads a console line: its command and options, or what is wrong with it.
pub fn parse_line(line: &str) -> Result<Line, RequestError> {
    let line = line.trim();
    let rest = line.strip_prefix('/').ok_or(RequestError::NoSlash)?;
    let (name, rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let command =
        CommandName::parse(name).ok_or_else(|| RequestError::UnknownCommand(name.to_string()))?;
    let spec = command.spec();

    let mut bare: Vec<&str> = Vec::new();
    let mut named: Vec<(&'static OptionSpec, String)> = Vec::new();
    for word in rest.split_whitespace() {
        let option = word
            .split_once(':')
            .and_then(|(key, value)| Some((spec.option(key)?, value)));
        if let Some((opt, value)) = option {
            named.push((opt, value.to_string()));
        } else if let Some((_, value)) = named.last_mut() {
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
    let mut last = named.last().map(|(o, _)| o.name().to_string());
    let mut options: Options = Vec::new();
    let positional: Vec<&OptionSpec> = spec
        .options
        .iter()
        .filter(|o| o.kind != OptionType::Boolean)
        .filter(|o| !named.iter().any(|(n, _)| n.arg == o.arg))
        .collect();
    // The first text option takes the rest of the line; options after it are set by name
    // only (`/search peer learning` searches both words; `article:` narrows it).
    let mut positional = positional;
    if let Some(first_text) = positional.iter().position(|o| o.kind == OptionType::String) {
        positional.truncate(first_text + 1);
    }
    let mut words = bare.into_iter();
    for opt in &positional {
        let value = if opt.kind == OptionType::String {
            words.by_ref().collect::<Vec<_>>().join(" ")
        } else {
            words.next().map(String::from).unwrap_or_default()
        };
        if value.is_empty() {
            continue;
        }
        if named.is_empty() {
            last = Some(opt.name().to_string());
        }
        options.push((opt.name().to_string(), typed(opt.kind, value)));
    }
    if words.next().is_some() {
        return Err(RequestError::Extra { command });
    }
    for (opt, value) in named {
        options.push((opt.name().to_string(), typed(opt.kind, value)));
    }
    // Nothing typed yet ("/expert "): the first option is the one being typed.
    if last.is_none() {
        last = positional.first().map(|o| o.name().to_string());
    }
    Ok(Line {
        command,
        options,
        last,
    })
}

/// The completion the last option of a line asks for (`complete LINE`).
pub fn completion_of_line(line: &Line) -> Option<Completion> {
    let option = line.last.clone().or_else(|| {
        line.command
            .spec()
            .options
            .iter()
            .find(|o| o.kind != OptionType::Boolean)
            .map(|o| o.name().to_string())
    })?;
    let partial = line
        .options
        .iter()
        .find(|(n, _)| *n == option)
        .map(|(_, v)| v.text())
        .unwrap_or_default();
    Some(completion(line.command, (option, partial), &line.options))
}

#[cfg(test)]
mod tests {
    use super::super::request::{Asked, NameOrId, Request, Visibility, request};
    use super::*;

    fn check(line: &str, expected: Request, visibility: Visibility) {
        let parsed = parse_line(line).unwrap();
        let asked = request(parsed.command, &parsed.options).unwrap();
        assert_eq!(
            asked,
            Asked {
                request: expected,
                visibility
            },
            "{line}"
        );
    }

    #[test]
    fn lines_parse_as_in_the_interface() {
        let typed = |n: &str| NameOrId::Typed(n.into());
        let expert = |n: &str| Request::Expert { expert: typed(n) };
        check("/expert sara", expert("sara"), Visibility::Public);
        check(
            "/expert name:sara pantuliano",
            expert("sara pantuliano"),
            Visibility::Public,
        );
        check(
            "/expert sara pantuliano private:true",
            expert("sara pantuliano"),
            Visibility::Private,
        );
        check(
            "/group three seas",
            Request::Group {
                group: typed("three seas"),
            },
            Visibility::Public,
        );
        check(
            "/wish 2024",
            Request::Wish {
                year: 2024,
                expert: None,
                page: 1,
            },
            Visibility::Public,
        );
        check(
            "/wish year:2024 expert:filer",
            Request::Wish {
                year: 2024,
                expert: Some(typed("filer")),
                page: 1,
            },
            Visibility::Public,
        );
        check(
            "/wish 2024 tanya filer",
            Request::Wish {
                year: 2024,
                expert: Some(typed("tanya filer")),
                page: 1,
            },
            Visibility::Public,
        );
        check("/about", Request::About, Visibility::Public);
        check(
            "/search text:secretariat",
            Request::Search {
                text: "secretariat".into(),
                page: 1,
                article: None,
            },
            Visibility::Public,
        );
        check(
            "/search g7 article:small clubs",
            Request::Search {
                text: "g7".into(),
                page: 1,
                article: Some(typed("small clubs")),
            },
            Visibility::Public,
        );
        check(
            "/article small clubs",
            Request::Article {
                article: Some(typed("small clubs")),
                page: 1,
            },
            Visibility::Public,
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
        let c = completion_of_line(&parse_line("/wish 2024 fi").unwrap()).unwrap();
        assert_eq!((c.option.as_str(), c.year), ("expert", Some(2024)));
        let c = completion_of_line(&parse_line("/wish 20").unwrap()).unwrap();
        assert_eq!((c.option.as_str(), c.year), ("year", None));
        let c = completion_of_line(&parse_line("/expert ").unwrap()).unwrap();
        assert_eq!((c.option.as_str(), c.partial.as_str()), ("name", ""));
    }

    #[test]
    fn text_past_an_options_length_is_refused_before_any_work() {
        let at = |n: usize| parse_line(&format!("/search {}", "é".repeat(n))).unwrap();
        let line = at(200);
        assert!(request(line.command, &line.options).is_ok());
        let line = at(201);
        let err = request(line.command, &line.options).unwrap_err();
        assert_eq!(
            err,
            RequestError::TooLong {
                option: "text",
                max: 200
            }
        );
        assert_eq!(err.to_string(), "`text` takes at most 200 characters");
        // A partial name is completed as far as Discord would have sent it.
        let line = parse_line(&format!("/expert {}", "x".repeat(5_000))).unwrap();
        let c = completion_of_line(&line).unwrap();
        assert_eq!(c.partial.chars().count(), 100);
    }
}
