//! Short forms of first names (`Diminutives`): "Tony" for Antonio, "Chris" for Christopher. The
//! table is ours, kept in `diminutives.tsv` beside this file with where it comes from; a short
//! form counts only beside a matching surname, which `persons` checks.

use std::collections::HashMap;

/// The table, as the file holds it.
const TABLE: &str = include_str!("diminutives.tsv");

/// Each first name with the names it may stand for: a full name with its short forms, and a
/// short form with the full names it is short for.
#[derive(Debug, Default)]
pub(super) struct Diminutives(HashMap<String, Vec<String>>);

impl Diminutives {
    /// The table of `diminutives.tsv`.
    pub(super) fn new() -> Diminutives {
        Diminutives::parse(TABLE)
    }

    /// The table of `text`, in the file's format: comment lines start with `#`; every other
    /// line is a full name, a tab, and its short forms separated by commas. A line not of that
    /// shape is skipped (a test holds the file to it).
    fn parse(text: &str) -> Diminutives {
        let mut same: HashMap<String, Vec<String>> = HashMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((full, shorts)) = line.split_once('\t') else {
                continue;
            };
            let full = crate::fold::fold(full);
            for short in shorts.split(',').map(crate::fold::fold) {
                if full.is_empty() || short.is_empty() || short == full {
                    continue;
                }
                same.entry(full.clone()).or_default().push(short.clone());
                same.entry(short).or_default().push(full.clone());
            }
        }
        for names in same.values_mut() {
            names.sort();
            names.dedup();
        }
        Diminutives(same)
    }

    /// Whether a first name typed `typed` may be the first name `name` (both folded): one is a
    /// short form of the other. Two different full names that share a short form (Anthony,
    /// Antonio) are not one name.
    pub(super) fn same_person(&self, typed: &str, name: &str) -> bool {
        self.0
            .get(typed)
            .is_some_and(|names| names.iter().any(|n| n == name))
    }

    /// The first names `typed` may stand for, other than itself.
    pub(super) fn stands_for(&self, typed: &str) -> &[String] {
        self.0.get(typed).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_file_is_read() {
        let lines: Vec<&str> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        assert!(lines.len() >= 50, "{}", lines.len());
        for line in lines {
            let (full, shorts) = line.split_once('\t').expect(line);
            assert_eq!(crate::fold::fold(full), full, "{line}: folded");
            for short in shorts.split(',') {
                let short = short.trim();
                assert_eq!(crate::fold::fold(short), short, "{line}: folded");
                assert!(!short.is_empty() && short != full, "{line}");
            }
        }
    }

    #[test]
    fn a_short_form_and_its_full_names_go_both_ways() {
        let d = Diminutives::new();
        assert!(d.same_person("tony", "antonio"));
        assert!(d.same_person("tony", "anthony"));
        assert!(d.same_person("antonio", "tony"));
        assert!(d.same_person("christopher", "chris"));
        // Two full names sharing a short form are two names.
        assert!(!d.same_person("anthony", "antonio"));
        assert!(!d.same_person("tony", "tony"));
        assert!(!d.same_person("weiss", "antonio"));
        assert_eq!(d.stands_for("tony"), ["anthony", "antonio"]);
    }
}
