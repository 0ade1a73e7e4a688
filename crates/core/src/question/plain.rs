//! A message as words to read: Discord's markup and links taken out. A question asked with the
//! message command is a chat message: a ping (`<@123>`), a channel (`<#123>`), a custom emoji
//! (`<:name:123>`), a timestamp (`<t:123:R>`), an emoji written `:thinking:` or a link says
//! nothing the articles could answer, and read as words it would dilute what does.

/// `text` with Discord's markup and links replaced by spaces.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(char::is_whitespace) {
        let bare = word.trim_end();
        if bare.starts_with("http://") || bare.starts_with("https://") || bare.starts_with("www.") {
            out.push(' ');
            continue;
        }
        out.push_str(&without_markup(word));
    }
    out
}

/// A word with `<…>` tokens and `:shortcode:` emoji replaced by a space.
fn without_markup(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut rest = word;
    while let Some(c) = rest.chars().next() {
        let tail = rest.get(c.len_utf8()..).unwrap_or_default();
        let token = match c {
            '<' => tail
                .find('>')
                .filter(|&end| tail.get(..end).is_some_and(is_discord_token)),
            ':' => tail.find(':').filter(|&end| {
                tail.get(..end).is_some_and(|name| {
                    // A shortcode has a letter ("thinking", "+1" aside): "10:30:" is a time.
                    (name.chars().any(|c| c.is_ascii_alphabetic()) || name == "+1" || name == "-1")
                        && name
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '+' || c == '-')
                })
            }),
            _ => None,
        };
        match token {
            Some(end) => {
                out.push(' ');
                rest = tail.get(end + 1..).unwrap_or_default();
            }
            None => {
                out.push(c);
                rest = tail;
            }
        }
    }
    out
}

/// What Discord writes between `<` and `>`: a ping (`@123`, `@!123`, `@&123`), a channel
/// (`#123`), a custom emoji (`:name:123`, `a:name:123`), a timestamp (`t:123:R`), a command
/// (`/name:123`).
fn is_discord_token(inner: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(id) = inner
        .strip_prefix("@!")
        .or_else(|| inner.strip_prefix("@&"))
        .or_else(|| inner.strip_prefix('@'))
        .or_else(|| inner.strip_prefix('#'))
    {
        return digits(id);
    }
    let parts: Vec<&str> = inner.split(':').collect();
    match parts.as_slice() {
        ["" | "a", _, id] => digits(id),
        ["t", at] | ["t", at, _] => digits(at),
        [name, id] if name.starts_with('/') => digits(id),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        plain(text).split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn markup_and_links_are_not_words() {
        assert_eq!(
            words(
                "<@123456789012345678> what does <@!42> Meserole hope for? :thinking: <:blob:987> <a:dance:12> <#55> <@&7> <t:1700000000:R> https://example.com/x www.example.org"
            ),
            ["what", "does", "Meserole", "hope", "for?"]
        );
    }

    #[test]
    fn what_only_looks_like_markup_is_kept() {
        assert_eq!(words("a <b> c"), ["a", "<b>", "c"]);
        assert_eq!(words("time 10:30: noon"), ["time", "10:30:", "noon"]);
        assert_eq!(words("G7: secretariat"), ["G7:", "secretariat"]);
        assert_eq!(words("<@abc> ok"), ["<@abc>", "ok"]);
    }
}
