//! `/ask` on the bundled data: the labelled questions of `tests/fixtures/ask.tsv` (issue 25,
//! item 4), the blind ones never shown nor tuned on; and the reply itself.

use minilateral::knowledge::Knowledge;
use minilateral_synthetic::labelled::{first_answer, labelled};

use crate::{bundled, fixture_text};

/// The share of passage and list questions whose first answer must be right: the 0.9
/// on the sets the rules were tuned on (held among them since session 12: see `ask.tsv`).
const TUNE_TARGET: f64 = 0.9;
/// On the fresh set (written blind in session 11, in paraphrase; tuned on since session 12),
/// a floor of half (15 of 30; this version reaches 17): a guard against a change that makes it worse,
/// not the target (BENCHMARKS.md, "/ask": most of what is left wants synonyms).
const FRESH_FLOOR: f64 = 0.5;
/// On the second tuning set (written in session 12 by a helper who saw neither the code nor
/// the other rows, as people chat, after the first of that session's rules; tuned on), the
/// floor set at 35 of 46 (this version reaches 36): a guard, not the target.
const TUNE2_FLOOR: f64 = 0.75;
/// On the chat set (session 12's blind set, written by a helper who saw neither the code nor
/// the other rows; counted three times there, tuned on since session 13), a guard set at
/// 30 of 40, not the target; session 12's version reached 32 (BENCHMARKS.md, "/ask").
const CHAT_FLOOR: f64 = 0.75;
/// On the blind set (written at the start of session 13 by a helper who saw only the article
/// and the data, never shown), a guard at its count (30 of 40, at the start of session 13 and
/// again at its end), not the target (BENCHMARKS.md, "/ask").
const BLIND_FLOOR: f64 = 0.75;

/// The sets whose misses may be seen and tuned on, and those never shown.
const TUNED: [&str; 6] = ["tune", "review", "held", "fresh", "tune2", "chat"];
const HELD_OUT: [&str; 1] = ["blind"];

/// Right and asked, per set and kind; and the report of every miss.
fn score(k: &Knowledge) -> (Vec<(String, String, usize, usize)>, String) {
    let all = labelled(&fixture_text("ask.tsv"));
    let mut counts: Vec<(String, String, usize, usize)> = Vec::new();
    let mut report = String::new();
    for l in &all {
        let got = first_answer(k, &l.question);
        let right = l.expected.contains(&got);
        // Held-out rows (blind) are counted, never shown: nobody tunes on what they cannot
        // see.
        if !right && TUNED.contains(&l.set.as_str()) {
            report.push_str(&format!(
                "{} {}: {:?} → {got} (expected {})\n",
                l.set,
                l.kind,
                l.question,
                l.expected.join(",")
            ));
        }
        let group = if l.kind == "none" { "none" } else { "answered" };
        match counts.iter_mut().find(|c| c.0 == l.set && c.1 == group) {
            Some(c) => {
                c.2 += usize::from(right);
                c.3 += 1;
            }
            None => counts.push((l.set.clone(), group.to_string(), usize::from(right), 1)),
        }
    }
    (counts, report)
}

#[test]
fn labelled_questions_are_answered_first_time_or_honestly() {
    let k = Knowledge::new(bundled());
    let (counts, report) = score(&k);
    eprintln!("{report}");
    for (set, group, right, asked) in &counts {
        eprintln!("{set} {group}: {right}/{asked}");
    }
    for (set, group, right, asked) in &counts {
        assert!(*asked >= 8, "{set} {group}: only {asked} questions");
        assert!(
            TUNED.contains(&set.as_str()) || HELD_OUT.contains(&set.as_str()),
            "set {set}"
        );
        let rate = *right as f64 / *asked as f64;
        let target = match (set.as_str(), group.as_str()) {
            (_, "none") => 1.0,
            ("fresh", _) => FRESH_FLOOR,
            ("chat", _) => CHAT_FLOOR,
            ("blind", _) => BLIND_FLOOR,
            ("tune2", _) => TUNE2_FLOOR,
            _ => TUNE_TARGET,
        };
        assert!(
            rate >= target,
            "{set} {group}: {right}/{asked} right, under {target}:\n{report}"
        );
    }
}

/// `ask --message TEXT --command "Answer from the article"` answers as `/ask TEXT` would, but
/// privately and with a button to post it; a message far too long for a question is refused
/// clearly, and that is an answer (exit 0), not a wrong command line.
#[test]
fn the_message_command_on_the_command_line_answers_as_ask() {
    let question = "what does Meserole hope for the G7?";
    let json = |args: &[&str]| -> serde_json::Value {
        let out = crate::minilateral(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            crate::stderr(&out)
        );
        serde_json::from_str(&crate::stdout(&out)).unwrap()
    };
    let asked = json(&["ask", &format!("/ask {question}"), "--json"]);
    let command = "Answer from the article";
    let used = json(&["ask", "--message", question, "--command", command, "--json"]);
    assert_eq!(used["data"]["embeds"], asked["data"]["embeds"]);
    assert_eq!(
        (
            asked["data"]["flags"].as_u64(),
            used["data"]["flags"].as_u64()
        ),
        (Some(0), Some(64))
    );
    let said = asked["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(said.contains("The G7 code of conduct finalising"), "{said}");

    let long = "why ".repeat(500);
    let out = crate::minilateral(&["ask", "--message", long.trim(), "--command", command]);
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    let text = crate::stdout(&out);
    assert!(
        text.contains(
            "That is too long to read as one question: I read questions of up to 500 characters."
        ),
        "{text}"
    );
    assert!(
        !text.contains("Read as"),
        "the long message was read: {text}"
    );
}

/// The reading line says what was guessed ("Chris → **Chris Meserole**": a first name alone, a
/// typo), as the message command does (issue 29), and never shows a person read only from a
/// role word as named: "what do researchers say" is read by role, and says so.
#[test]
fn the_reading_line_says_a_guess_and_a_role_word_names_nobody() {
    let k = Knowledge::new(bundled());
    let reading_line = |line: &str| -> String {
        let reply = crate::ask(&k, line);
        let text = serde_json::to_string(&*reply).unwrap();
        let at = text
            .find("Read as")
            .unwrap_or_else(|| panic!("{line}: {text}"));
        text[at..].split("\\n").next().unwrap().to_string()
    };
    let said = reading_line("/ask hey Chris, what does the G7 need?");
    assert!(said.contains("Chris → **Chris Meserole**"), "{said}");
    let said = reading_line("/ask what did Pantulano say about budgets");
    assert!(said.contains("Pantulano → **Sara Pantuliano**"), "{said}");
    // A first name alone is a guess in lower case too.
    let said = reading_line("/ask what did sara say");
    assert!(said.contains("sara → **Sara Pantuliano**"), "{said}");
    // A name written whole is no guess.
    let said = reading_line("/ask what does tanya filer want");
    assert!(said.contains("Read as:_ **Tanya Filer**"), "{said}");
    for (line, name) in [
        ("/ask what do researchers say", "Antonio Weiss"),
        ("/ask what do directors think", "Chris Meserole"),
    ] {
        let said = reading_line(line);
        assert!(
            !said.contains(&format!("**{name}**"))
                || said.contains(&format!("**{name}** (by role)")),
            "{line}: {said}"
        );
    }
}

/// A first name beside someone else's surname, or a common first name beside an expert's, names
/// someone the data does not hold: `/ask` reads neither as the experts (as `mentions` does not).
#[test]
fn a_first_name_beside_another_persons_surname_names_nobody() {
    let k = Knowledge::new(bundled());
    for line in [
        "/ask what does Tanya Meserole hope for",
        "/ask what does jose antonio want",
        "/ask what did mark fernandez say",
        "/ask what does bill weiss think",
    ] {
        let reply = crate::ask(&k, line);
        let text = serde_json::to_string(&*reply).unwrap();
        let at = text.find("Read as").unwrap_or(0);
        let said = text[at..].split("\\n").next().unwrap_or_default();
        for name in [
            "Tanya Filer",
            "Chris Meserole",
            "Jose W. Fernandez",
            "Antonio Weiss",
        ] {
            assert!(!said.contains(name), "{line}: {said}");
        }
    }
    // A typo of the person's own first name is theirs ("tania filer" is Tanya Filer).
    let reply = crate::ask(&k, "/ask what does tania filer want");
    let text = serde_json::to_string(&*reply).unwrap();
    assert!(text.contains("Tanya Filer"), "{text}");
    // A long question with many words the data lacks still reads a misspelt name near its end.
    let reply = crate::ask(
        &k,
        "/ask on quantum export licensing and chips does pantulano agree",
    );
    let text = serde_json::to_string(&*reply).unwrap();
    assert!(text.contains("Sara Pantuliano"), "{text}");
}

/// A question naming a person and a group or body they speak of is answered by that person's
/// words about it: not another expert's about it ("does pantuliano want a g7 secretariat" is
/// not Filer's G7 secretariat), nor the person's about something else.
#[test]
fn a_person_and_a_topic_are_answered_by_their_words_about_it() {
    let k = Knowledge::new(bundled());
    let text = |line: &str| serde_json::to_string(&*crate::ask(&k, line)).unwrap();
    for line in [
        "/ask does pantuliano want a g7 secretariat",
        "/ask what does weiss think of the ipcc",
    ] {
        let said = text(line);
        assert!(
            said.contains("The article does not answer this"),
            "{line}: {said}"
        );
    }
    let said = text("/ask what does meserole hope for the g7");
    assert!(
        said.contains("**Chris Meserole**, wish for 2024 · about G7"),
        "{said}"
    );
}
