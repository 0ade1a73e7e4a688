//! The words of a question that are not what it is about: the words every question is made of
//! (`FILLER`), and the words that say what kind of passage answers it (`Want`). A word is
//! matched folded, as typed, and whole.

/// What kind of passage, or list, answers a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Want {
    /// What someone wished to see happen: "want", "hope", "would like".
    Wishes,
    /// Who someone is: their role and organisation, the article's byline ("who is", "job",
    /// "CEO of", "works").
    Who,
    /// What someone said or thinks: their statements, then their wishes.
    Said,
    /// A member list: a group's members, or the groups a country is in ("members", "belong").
    Members,
    /// The article itself: its title and introduction ("what is the article about").
    Article,
    /// The question the article put to its experts ("what were they asked").
    Question,
    /// What something is ("what is I2U2?", "what's the ODI?"): the article's introduction of
    /// it, a byline that names it, then what was said of it.
    What,
    /// Who wrote something ("who wrote Digital minilateralism?"): a byline that names the
    /// work. The article names no author of its own.
    Author,
}

impl Want {
    /// As the reply says how it read the question ("Read as: Tanya Filer · wishes").
    pub fn as_str(self) -> &'static str {
        match self {
            Want::Wishes => "wishes",
            Want::Who => "who they are",
            Want::Said => "what was said",
            Want::Members => "members",
            Want::Article => "the article",
            Want::Question => "the article's question",
            Want::What => "what it is",
            Want::Author => "who wrote it",
        }
    }

    /// Whether it can only be answered of something named or said: "who is it?", "who wrote
    /// the article?" and "what are the members?" name nothing to answer of, where "what do the
    /// experts want?" and "what was the question?" are answered by the article as a whole.
    pub fn needs_subject(self) -> bool {
        matches!(self, Want::Who | Want::What | Want::Author | Want::Members)
    }
}

/// The kind of fact a question's own question words ask for, which a passage must hold to
/// answer it: "how old is Tanya Filer" is not answered by her byline, nor "when was BRICS
/// founded" by a passage that names BRICS, nor "where does Filer live" by her words on "life".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// A count or an amount: "how many", "how much", "how old", "how long", "how often". A
    /// passage holds one when it says a number that is not a year ("four experts"), as a word
    /// of its own (not the "2" of "I2U2").
    Number,
    /// A time: "when" asked ("when was", "when is"), "what year". A passage holds one when it
    /// says a year or a month.
    Time,
    /// A place: "where" asked ("where is", "where did"), not "where does X stand" (a view). A
    /// passage holds one when it names a country, not as the first word of a longer name ("the
    /// UK AI safety summit" is a summit's name, not a place).
    Place,
}

impl Fact {
    /// As the reply says how it read the question ("Read as: Tanya Filer · a number").
    pub fn as_str(self) -> &'static str {
        match self {
            Fact::Number => "a number",
            Fact::Time => "a time",
            Fact::Place => "a place",
        }
    }
}

/// The auxiliaries: after "when" or "where" they make it a question ("when was BRICS
/// founded"), not a clause ("what happens when budgets run out"); opening a question, they ask
/// yes or no ("is Filer a woman").
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "do", "does", "did", "will", "would", "has", "have", "had", "can",
    "could", "should",
];
/// Auxiliaries that, before "you", ask for something rather than whether ("can you tell me").
const REQUESTING: &[&str] = &["can", "could", "would", "will"];
/// Auxiliaries negated, as chat spells them, that open a yes-or-no question too.
const NEGATED: &[&str] = &["isnt", "doesnt", "didnt"];

/// The question words, which ask something other than yes or no.
const QUESTION_WORDS: &[&str] = &[
    "what", "whats", "who", "whos", "which", "how", "why", "when", "where",
];

/// Whether the folded `words` ask yes or no: an auxiliary opens them, after at most two words
/// of chat ("hey, is ..."), and no question word comes before it.
pub fn asks_yes_or_no(words: &[String]) -> bool {
    for (at, w) in words.iter().enumerate().take(3) {
        if QUESTION_WORDS.contains(&w.as_str()) {
            return false;
        }
        if AUXILIARIES.contains(&w.as_str()) || NEGATED.contains(&w.as_str()) {
            // "can you tell me about ...", "is there anything on ...": a request.
            let next = words.get(at + 1).map(String::as_str);
            let request = REQUESTING.contains(&w.as_str()) && matches!(next, Some("you" | "u"))
                || next == Some("there");
            return !request;
        }
    }
    false
}

/// The fact the folded `words` of a question ask for, if their question words ask for one.
pub fn fact(words: &[String]) -> Option<Fact> {
    let next_asks = |at: usize| {
        words
            .get(at + 1)
            // "s" as "when's" and "where's" leave it.
            .is_some_and(|w| AUXILIARIES.contains(&w.as_str()) || w == "s")
    };
    for (at, w) in words.iter().enumerate() {
        let next = words.get(at + 1).map(String::as_str);
        match (w.as_str(), next) {
            // "how much should be spent" asks how much, not for a figure: a noun after "how
            // much" asks for one ("how much funding").
            ("how", Some("much")) if next_asks(at + 1) => {}
            ("how", Some("many" | "much" | "old" | "long" | "often")) => return Some(Fact::Number),
            ("what" | "which", Some("year")) => return Some(Fact::Time),
            ("when", _) if next_asks(at) => return Some(Fact::Time),
            // "when's" and "where's" fold to one word: the auxiliary is in it.
            ("whens", _) => return Some(Fact::Time),
            ("wheres", _) if !words.iter().any(|w| w == "stand" || w == "stands") => {
                return Some(Fact::Place);
            }
            ("where", _)
                if next_asks(at) && !words.iter().any(|w| w == "stand" || w == "stands") =>
            {
                return Some(Fact::Place);
            }
            _ => {}
        }
    }
    None
}

/// Months, which say a time.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether the folded word `word` says a time: a year (four digits from 1900 to 2100) or a
/// month.
pub fn says_time(word: &str) -> bool {
    MONTHS.contains(&word) || is_year(word)
}

/// Number words that count: "one" is left out, since text says it as "a" ("one thing you'd
/// like to see", "one policy area") far more often than as a count.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
];

/// Whether the word `word` of a text, as written, says a number that is not a year: "four", or
/// digits standing alone (not the "7" of "G7" or the "2" of "I2U2").
pub fn says_number(word: &str) -> bool {
    let lower = word.to_lowercase();
    if NUMBER_WORDS.contains(&lower.as_str()) {
        return true;
    }
    let digits = word.trim_end_matches(['.', ',', ';', ':', '%']);
    !digits.is_empty()
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !is_year(digits)
}

/// Whether the folded word `word` is a year: four digits from 1900 to 2100.
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && word
            .parse::<i32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Cue words that ask who someone is only by naming a role ("the ODI CEO"): a verb beside them
/// says more of what is asked ("what does the ODI CEO think" asks what was said).
/// Those that are role titles; the rest are `HEADING_CUES`.
const ROLE_TITLE_CUES: &[&str] = &["ceo", "director"];

/// The words for working somewhere, which ask who someone is (their organisation) only when
/// they say where or for whom: "where does Weiss work", "who does Filer work for", not "why do
/// minilaterals work better".
const WORKING: &[&str] = &["work", "works", "worked", "working"];
/// What follows a word for working when it says where or for whom.
const WORKING_AT: &[&str] = &["for", "at", "as", "with"];

/// Whether the cue word at `at` of the folded `words` is one of working that does not ask
/// where someone works: in a question that names no person or organisation (`of_person`:
/// "why do minilaterals work", "how do they work with the G7"), or one where it is neither
/// followed by "for", "at", "as" or "with", nor the last word ("what does Weiss do for work"),
/// and no question of where.
pub(super) fn works_otherwise(words: &[String], at: usize, of_person: bool) -> bool {
    let Some(word) = words.get(at) else {
        return false;
    };
    if !WORKING.contains(&word.as_str()) {
        return false;
    }
    let last = at + 1 == words.len();
    let says_where = words
        .get(at + 1)
        .is_some_and(|next| WORKING_AT.contains(&next.as_str()));
    let where_asked = words.iter().any(|w| w == "where" || w == "wheres");
    !(of_person && (last || says_where || where_asked))
}

/// Words that ask a question of someone, which say nothing more when the article's question is
/// asked for ("what question did they ask the experts", "put to them").
const ASKING: &[&str] = &["ask", "asks", "asking", "put", "pose", "posed", "posing"];

/// Whether the folded `word` says asking a question.
pub(super) fn is_asking(word: &str) -> bool {
    ASKING.contains(&word)
}

/// Cue phrases of liking or disliking, which ask what was said ("why is Weiss so keen on
/// minilaterals"), even asked as "who is" ("who is keen on minilaterals" asks who said so, not
/// who anyone is).
const ATTITUDES: &[&str] = &[
    "keen on",
    "fan of",
    "fans of",
    "in favour of",
    "in favor of",
    "critical of",
    "sceptical",
    "skeptical",
    "enthusiastic",
    "excited about",
    "feel about",
    "feels about",
];

/// Whether the cue phrase `phrase` says liking or disliking.
pub(super) fn is_attitude(phrase: &str) -> bool {
    ATTITUDES.contains(&phrase)
}

/// Negated auxiliaries as chat spells them, without the apostrophe: question words
/// (`is_filler`), and negations (`NEGATIONS`).
const NEGATED_AUXILIARIES: &[&str] = &[
    "arent", "cant", "didnt", "doesnt", "dont", "isnt", "wasnt", "wont",
];
/// Words that say "not", besides `NEGATED_AUXILIARIES` ("doesn't" folds to "doesnt").
const NEGATIONS: &[&str] = &[
    "not", "never", "t", "werent", "cannot", "shouldnt", "wouldnt", "couldnt", "nobody",
];
/// Verbs of wanting, liking and thinking that a negation before them turns into what someone
/// does not want or think.
const NEGATABLE: &[&str] = &[
    "want",
    "wants",
    "wanted",
    "wish",
    "wishes",
    "hope",
    "hopes",
    "like",
    "likes",
    "agree",
    "agrees",
    "support",
    "supports",
    "think",
    "thinks",
    "believe",
    "believes",
    "say",
    "said",
    "mention",
    "mentioned",
    "mentions",
];

/// Whether the folded `words` ask what someone does not want, like or think ("what doesn't
/// Meserole want", "who does not like minilaterals"): a negation one or two words before such
/// a verb. The article says what its experts want and think, not what they do not.
pub fn asks_what_not(words: &[String]) -> bool {
    words.iter().enumerate().any(|(at, w)| {
        (NEGATIONS.contains(&w.as_str()) || NEGATED_AUXILIARIES.contains(&w.as_str()))
            && words
                .iter()
                .skip(at + 1)
                .take(2)
                .any(|v| NEGATABLE.contains(&v.as_str()))
    })
}

/// Cue words that ask who heads an organisation, not who works there ("who runs the Bennett
/// Institute", "the ODI boss"), and so ask who someone is only by naming a role: folded words
/// joined by a space.
const HEADING_CUES: &[&str] = &[
    "boss",
    "bosses",
    "head",
    "heads",
    "run",
    "runs",
    "in charge",
    "who leads",
    "who led",
    "whos behind",
    "who is behind",
];

/// Whether the folded `words` ask who heads something.
pub(super) fn asks_head(words: &[String]) -> bool {
    (1..=LONGEST_CUE).any(|len| {
        words
            .windows(len)
            .any(|span| HEADING_CUES.contains(&span.join(" ").as_str()))
    })
}

/// Whether the cue phrase `phrase` asks who someone is only by naming a role.
pub fn is_role_cue(phrase: &str) -> bool {
    ROLE_TITLE_CUES.contains(&phrase) || HEADING_CUES.contains(&phrase)
}

/// The words that say what kind of passage answers a question, each with what it asks for.
/// Phrases are written as their folded words joined by a space.
const CUES: &[(&str, Want)] = &[
    ("want", Want::Wishes),
    ("wants", Want::Wishes),
    ("wanted", Want::Wishes),
    ("wanting", Want::Wishes),
    ("hope", Want::Wishes),
    ("hopes", Want::Wishes),
    ("hoped", Want::Wishes),
    ("hoping", Want::Wishes),
    ("wish", Want::Wishes),
    ("wishes", Want::Wishes),
    ("wished", Want::Wishes),
    ("like to see", Want::Wishes),
    // Asking for something is wanting it ("what does Pantuliano ask for").
    ("ask for", Want::Wishes),
    ("asks for", Want::Wishes),
    ("asking for", Want::Wishes),
    ("asked for", Want::Wishes),
    ("would like", Want::Wishes),
    ("to happen", Want::Wishes),
    ("see happen", Want::Wishes),
    // What someone would put first is what they want most.
    ("priority", Want::Wishes),
    ("top priority", Want::Wishes),
    ("top priorities", Want::Wishes),
    ("priorities", Want::Wishes),
    ("who is", Want::Who),
    ("who s", Want::Who),
    ("whos", Want::Who),
    ("who are", Want::Who),
    ("job", Want::Who),
    ("title", Want::Who),
    ("position", Want::Who),
    ("role", Want::Who),
    ("work", Want::Who),
    ("works", Want::Who),
    ("worked", Want::Who),
    ("affiliation", Want::Who),
    ("affiliated", Want::Who),
    ("for a living", Want::Who),
    ("run", Want::Who),
    ("runs", Want::Who),
    ("head", Want::Who),
    ("heads", Want::Who),
    ("ceo", Want::Who),
    ("director", Want::Who),
    // Chat's word for whoever heads an organisation ("the ODI boss").
    ("boss", Want::Who),
    ("bosses", Want::Who),
    // "who leads", not "what should the summit lead to".
    ("who leads", Want::Who),
    ("who led", Want::Who),
    ("in charge", Want::Who),
    ("whos behind", Want::Who),
    ("who is behind", Want::Who),
    ("wrote", Want::Author),
    ("write", Want::Author),
    ("writes", Want::Author),
    ("written", Want::Author),
    ("author", Want::Author),
    ("authored", Want::Author),
    ("co authored", Want::Author),
    ("coauthored", Want::Author),
    // What was said: the experts' own words (their statements, then their wishes), never the
    // article's introduction.
    ("say", Want::Said),
    ("says", Want::Said),
    ("said", Want::Said),
    ("think", Want::Said),
    ("thinks", Want::Said),
    ("call", Want::Said),
    ("calls", Want::Said),
    ("called", Want::Said),
    ("according to", Want::Said),
    // What someone writes about is what they said ("what does Filer write about talking
    // shops"); "who wrote" asks an author.
    ("write about", Want::Said),
    ("writes about", Want::Said),
    ("wrote about", Want::Said),
    // The verbs of saying, as chat writes them ("who brought up funding", "who reckons").
    ("brought up", Want::Said),
    ("bring up", Want::Said),
    ("brings up", Want::Said),
    ("raise", Want::Said),
    ("raised", Want::Said),
    ("raises", Want::Said),
    ("reckon", Want::Said),
    ("reckons", Want::Said),
    ("believe", Want::Said),
    ("believes", Want::Said),
    ("argue", Want::Said),
    ("argues", Want::Said),
    ("argued", Want::Said),
    ("suggest", Want::Said),
    ("suggests", Want::Said),
    ("suggested", Want::Said),
    ("claim", Want::Said),
    ("claims", Want::Said),
    ("stand on", Want::Said),
    ("stands on", Want::Said),
    ("point out", Want::Said),
    ("points out", Want::Said),
    ("pointed out", Want::Said),
    ("view", Want::Said),
    ("views", Want::Said),
    ("opinion", Want::Said),
    // Liking or disliking something is a view of it too: `ATTITUDES`, read by `cue`.
    // What is wrong with something is an opinion: someone's words, not the introduction.
    ("wrong", Want::Said),
    ("problem", Want::Said),
    ("problems", Want::Said),
    ("issue", Want::Said),
    ("issues", Want::Said),
    // What someone means by a phrase is what they said of it.
    ("mean by", Want::Said),
    ("means by", Want::Said),
    ("meant by", Want::Said),
    ("members", Want::Members),
    ("member", Want::Members),
    ("countries", Want::Members),
    ("make up", Want::Members),
    ("made up", Want::Members),
    ("belong", Want::Members),
    ("belongs", Want::Members),
    ("part of", Want::Members),
    ("list", Want::Members),
    ("group", Want::Members),
    ("groups", Want::Members),
    ("bloc", Want::Members),
    ("blocs", Want::Members),
    ("article", Want::Article),
    // "the article's" folds to "articles".
    ("articles", Want::Article),
    ("piece", Want::Article),
    ("the question", Want::Question),
    ("articles question", Want::Question),
    ("asked", Want::Question),
    ("what question", Want::Question),
    ("which question", Want::Question),
    ("what is", Want::What),
    ("what s", Want::What),
    ("whats", Want::What),
    ("what are", Want::What),
    // What something was set up for is what it is ("why was 3SI set up").
    ("set up", Want::What),
    ("exist", Want::What),
    ("exists", Want::What),
];

/// The cues for members that are nouns for groups: a word of the question's own when nothing
/// is named to list ("why are small blocs of countries on the rise").
const GROUP_NOUNS: &[&str] = &["countries", "group", "groups", "bloc", "blocs"];

/// Whether the folded `word` is a noun for groups that asks for members.
pub(super) fn is_group_noun(word: &str) -> bool {
    GROUP_NOUNS.contains(&word)
}

/// Clipped words chat writes for longer ones, sought as either: "tech" for "technology"
/// (and "technological", which shares its stem), "dept" for "department". The usual clippings
/// of English, not words of one article.
const CLIPPINGS: &[(&str, &str)] = &[
    ("admin", "administration"),
    ("dept", "department"),
    ("dev", "development"),
    ("econ", "economic"),
    ("gov", "government"),
    ("govs", "governments"),
    ("govt", "government"),
    ("govts", "governments"),
    ("depts", "departments"),
    ("intl", "international"),
    ("org", "organisation"),
    ("orgs", "organisations"),
    ("tech", "technology"),
];

/// The longer word the folded `word` is a clipping of, if it is one.
pub fn unclipped(word: &str) -> Option<&'static str> {
    CLIPPINGS.iter().find(|(c, _)| *c == word).map(|(_, w)| *w)
}

/// The most words of a cue.
pub(super) const LONGEST_CUE: usize = 3;

/// What the folded phrase `phrase` (words joined by a space) asks for, if it is a cue.
pub(super) fn cue(phrase: &str) -> Option<Want> {
    CUES.iter()
        .find(|(c, _)| *c == phrase)
        .map(|(_, w)| *w)
        .or_else(|| is_attitude(phrase).then_some(Want::Said))
}

/// Words every question is made of, which say nothing of what it is about: question words,
/// pronouns, auxiliaries and the common function words of English (the usual stopword list of
/// English text retrieval); "expert" (every passage of "What Experts Want" is an expert's or the
/// article's); the verbs of asking ("tell", "know", "remind"); "many" and "much"
/// (of "how many"), "used" (of "used to"); "mention" and "talk" (of "does anyone mention");
/// and the words of chat around a question ("hey", "quick question", "wondering", "guys",
/// "main points"). Not "before" and "after": "where did Meserole work before Brookings" asks
/// what the byline does not say. And the vague words chat wraps a question in, which no passage need say to
/// answer it (`VAGUE`). Folded; "s" and "t" are what "who's" and "isn't" leave.
#[rustfmt::skip]
const FILLER: &[&str] = &[
    "a", "about", "above", "again", "all", "also", "am", "an", "and", "any", "anybody",
    "anyone", "anything", "are", "as", "at", "be", "because", "been", "being", "both",
    "btw", "but", "by", "can", "could", "curious", "d", "did", "do", "does", "doing", "done",
    "each", "else", "even", "ever", "exactly", "expert", "experts", "few", "folks", "for", "from", "guy", "guys",
    "had", "has", "have", "having", "he", "hello", "her", "here", "hers", "hey", "hi", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "know", "let", "ll", "m",
    "main", "many", "may", "me", "mention", "mentioned", "mentions", "might", "much", "must",
    "my", "of", "on", "once", "one",
    "only", "or", "other", "our", "out", "please", "point", "points", "question", "quick", "re",
    "really",
    "remind", "s", "same", "see", "shall", "she", "should", "so", "some", "somebody", "someone",
    "something", "such", "t", "tell", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "talk", "talking", "talks", "to", "too", "us", "used",
    "ve", "very", "was", "we",
    "were", "what", "whats", "when", "where", "which", "while", "who", "whom", "whos", "why",
    "will", "with", "wonder", "wondering", "would", "year", "yet", "you", "your",
    // Chat's short words ("wat", "abt", "u"; its negated auxiliaries are
    // `NEGATED_AUXILIARIES`); "info" of "any info on"; and "1", as "one" folds ("the one
    // thing").
    "wat", "abt", "bout", "u", "ur", "pls", "plz", "info", "1", "whens", "wheres",
    // Chat's words for a person ("the ODI lady", "the Cambridge guy").
    "lady", "woman", "man", "dude", "bloke", "person", "people",
];

/// The vague words of chat: adverbs of degree and hedges ("well staffed", "actually for"),
/// nouns that stand for anything ("thing", "stuff"), the particles of phrasal verbs ("kept
/// up", "figure out"), verbs of mere happening ("what's gone wrong", "what's supposed to come
/// of it"), and the chat words for a summary ("in a nutshell", "tldr"). A word with a meaning
/// of its own stays a word, however common: "old" ("how old is"), "get" ("did Filer get
/// funding"), "next" ("the next summit"), and every verb that is not one of mere happening
/// ("did Meserole make the G7 code", "what did the G7 give up").
#[rustfmt::skip]
const VAGUE: &[&str] = &[
    "actually", "basically", "properly", "quite", "pretty", "rather", "still", "anyway",
    "kinda", "sorta", "well", "truly", "generally", "overall", "suddenly", "always", "particular",
    "thing", "things", "stuff", "bit", "lot", "lots", "kind", "sort",
    "up", "down", "off",
    "happen", "happens", "happened", "happening", "go", "goes", "going", "gone", "went",
    "come", "comes", "coming", "came", "supposed", "meant",
    "nutshell", "tldr", "gist", "summary", "overview",
    // "like" as chat's "such as" and its filler ("forums like BRICS", "like, what"); the cue
    // phrases "would like" and "like to see" are read before it. "ones" stands for a noun
    // already said. (Degree, "more", and working, "how does the G7 work", stay words: a
    // review in session 13 found "who wants more funding" and "which experts work with the
    // G7" quoted without them.)
    "like", "ones",
];

/// The words before "year" that name a year by where it stands from now ("next year"): the
/// year the article looks to, which its wishes are for.
const RELATIVE_YEARS: &[&str] = &["next", "this", "coming"];

/// Whether the folded `word`, before `next`, names the year the article looks to.
pub(super) fn names_relative_year(word: &str, next: &str) -> bool {
    RELATIVE_YEARS.contains(&word) && next == "year"
}

/// Words for a written work, which say nothing more when who wrote it is asked ("who wrote
/// that digital minilateralism book").
const WORKS: &[&str] = &[
    "book", "books", "paper", "papers", "report", "study", "piece",
];

/// Whether the folded `word` names a written work.
pub(super) fn is_work(word: &str) -> bool {
    WORKS.contains(&word)
}

/// Whether the folded `word` is one every question is made of.
pub(super) fn is_filler(word: &str) -> bool {
    FILLER.contains(&word) || VAGUE.contains(&word) || NEGATED_AUXILIARIES.contains(&word)
}
