//! Practice: what a note says about an answer (key points covered, length, speaking time), the
//! outline a new note starts from, and (in `schedule`) when each question is due again. No
//! terminal code and no files: `store` reads and writes.

pub mod progress;
pub mod schedule;

use std::collections::HashSet;

use rust_stemmers::{Algorithm, Stemmer};

use crate::content::{Competency, Library, Question};

/// The outline a new note starts from for a behavioral question: Situation, Task, Action, Result.
pub const STAR_OUTLINE: &str = "## Situation\n\n\n## Task\n\n\n## Action\n\n\n## Result\n\n";

/// Words a speaker says in a minute, at an interview's calm pace.
pub const WORDS_PER_MINUTE: usize = 130;

/// Whether a new note for `question` starts from the STAR outline: behavioral questions, and
/// questions with no type tag at all.
pub fn wants_star_outline(question: &Question) -> bool {
    const TYPES: [&str; 3] = ["behavioral", "situational", "knowledge"];
    question.tags.iter().any(|t| t == "behavioral")
        || !question.tags.iter().any(|t| TYPES.contains(&t.as_str()))
}

/// The words of a note, not counting Markdown marks or the outline's headings.
pub fn word_count(note: &str) -> usize {
    note.lines()
        .filter(|line| !is_outline_heading(line))
        .flat_map(str::split_whitespace)
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

fn is_outline_heading(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.starts_with('#')
        && ["situation", "task", "action", "result"].contains(
            &trimmed
                .trim_start_matches('#')
                .trim()
                .to_lowercase()
                .as_str(),
        )
}

/// How long saying `words` takes, in whole seconds.
pub fn speaking_seconds(words: usize) -> u64 {
    (words as u64 * 60).div_ceil(WORDS_PER_MINUTE as u64)
}

/// Which of a question's key points a note covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// One entry per key point, in order: whether the note covers it.
    pub covered: Vec<bool>,
}

impl Coverage {
    pub fn count(&self) -> usize {
        self.covered.iter().filter(|c| **c).count()
    }

    /// Indexes of the key points not covered.
    pub fn missing(&self) -> impl Iterator<Item = usize> + '_ {
        self.covered
            .iter()
            .enumerate()
            .filter(|(_, c)| !**c)
            .map(|(i, _)| i)
    }
}

/// Words too common to say whether a key point was covered.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "before",
    "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "each", "even",
    "every", "for", "from", "had", "has", "have", "how", "if", "in", "into", "is", "it", "its",
    "it's", "just", "more", "most", "much", "not", "of", "on", "once", "one", "only", "or",
    "other", "our", "out", "over", "own", "same", "should", "so", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "up", "very", "was", "way", "were", "what", "when", "where", "which", "while",
    "who", "why", "will", "with", "without", "would", "you", "your",
];

/// The stems of the meaningful words of `text`: lowercased, stop words left out, each word
/// reduced to its stem so that "escalated", "escalating" and "escalation" meet.
fn stems(stemmer: &Stemmer, text: &str) -> HashSet<String> {
    // Each distinct word is stemmed once: a long note repeats its words, and stemming is the
    // costly part (the editor's title shows the coverage on every frame).
    let words: HashSet<std::borrow::Cow<str>> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\''))
        .filter(|w| w.chars().nth(1).is_some())
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                w.to_lowercase().into()
            } else {
                w.into()
            }
        })
        .collect();
    words
        .iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_ref()))
        .map(|w| stemmer.stem(w).into_owned())
        .collect()
}

/// Which key points `note` covers: a key point counts as covered when at least half of its
/// meaningful words (by stem) appear anywhere in the note.
pub fn coverage(key_points: &[String], note: &str) -> Coverage {
    let stemmer = Stemmer::create(Algorithm::English);
    let in_note = stems(&stemmer, note);
    let covered = key_points
        .iter()
        .map(|point| {
            let wanted = stems(&stemmer, point);
            let found = wanted.iter().filter(|s| in_note.contains(*s)).count();
            !wanted.is_empty() && found * 2 >= wanted.len()
        })
        .collect();
    Coverage { covered }
}

/// The questions a rehearsal covers: those of the named competencies (each a full id such as
/// `customer-support/customer-interaction`, or its last part when no other competency shares it),
/// or of every competency when none is named; only those of `level` when given. Returns a title
/// for the rehearsal and the question ids, or a message saying what is wrong.
pub fn rehearsal_scope(
    library: &Library,
    competencies: &[String],
    level: Option<usize>,
) -> Result<(String, Vec<String>), String> {
    let all: Vec<&Competency> = library
        .frameworks
        .iter()
        .flat_map(|f| f.competencies.iter())
        .collect();
    let chosen: Vec<&Competency> = if competencies.is_empty() {
        all.clone()
    } else {
        let mut chosen = Vec::new();
        for wanted in competencies {
            let found: Vec<&Competency> = all
                .iter()
                .copied()
                .filter(|c| c.id == *wanted || c.local_id() == wanted)
                .collect();
            match found.as_slice() {
                [one] => chosen.push(*one),
                [] => {
                    return Err(format!(
                        "no competency {}; `cuecard list` shows their ids",
                        crate::text::inert(wanted)
                    ));
                }
                _ => {
                    return Err(format!(
                        "{} is in several frameworks; give it as FRAMEWORK/{}",
                        crate::text::inert(wanted),
                        crate::text::inert(wanted)
                    ));
                }
            }
        }
        chosen
    };
    let questions: Vec<String> = chosen
        .iter()
        .flat_map(|c| c.questions.iter())
        .filter(|q| level.is_none_or(|l| q.level == Some(l)))
        .map(|q| q.id.clone())
        .collect();
    if questions.is_empty() {
        return Err("no questions in that scope".to_string());
    }
    let mut title = match chosen.as_slice() {
        [one] => one.name.clone(),
        many if many.len() == all.len() => "every competency".to_string(),
        many => format!("{} competencies", many.len()),
    };
    if let Some(level) = level {
        title.push_str(&format!(" at L{level}"));
    }
    Ok((title, questions))
}

/// Whether a note holds anything beyond an untouched outline.
pub fn has_content(note: &str) -> bool {
    word_count(note) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn coverage_matches_word_forms_and_ignores_filler() {
        let key_points = points(&[
            "Escalates early to the right team",
            "Measures customer satisfaction afterwards",
            "Documents the policy exception",
        ]);
        let note = "I escalated the ticket to the billing team early, then we measured how satisfied the customer was.";
        let coverage = coverage(&key_points, note);
        assert_eq!(coverage.covered, vec![true, true, false]);
        assert_eq!(coverage.count(), 2);
        assert_eq!(coverage.missing().collect::<Vec<_>>(), vec![2]);
    }

    #[test]
    fn an_empty_note_covers_nothing_and_stop_words_alone_cover_nothing() {
        let key_points = points(&["Escalates early", "the and of"]);
        assert_eq!(coverage(&key_points, "").count(), 0);
        assert_eq!(
            coverage(&key_points, "the and of").covered,
            vec![false, false]
        );
        assert_eq!(
            coverage(&key_points, "The And Of. THE AND OF").covered,
            vec![false, false]
        );
    }

    #[test]
    fn coverage_ignores_case_and_repetition() {
        let key_points = points(&["Escalates early to the right team", "Offers a refund"]);
        let note = "ESCALATED to the Right TEAM. Escalated again. ".repeat(500);
        assert_eq!(coverage(&key_points, &note).covered, vec![true, false]);
        let note = note + "refunds OFFERED";
        assert_eq!(coverage(&key_points, &note).covered, vec![true, true]);
    }

    #[test]
    fn words_and_speaking_time_leave_the_outline_out() {
        assert_eq!(word_count(STAR_OUTLINE), 0);
        assert!(!has_content(STAR_OUTLINE));
        let note = format!("{STAR_OUTLINE}We shipped it - on time.");
        assert_eq!(word_count(&note), 5);
        assert_eq!(speaking_seconds(130), 60);
        assert_eq!(speaking_seconds(131), 61);
        assert_eq!(speaking_seconds(0), 0);
    }

    #[test]
    fn rehearsal_scope_by_full_or_short_id_and_level() {
        let library = crate::content::load(&[crate::content::ContentSource::Bundled]).library;
        let (title, all) = rehearsal_scope(&library, &[], None).unwrap();
        assert_eq!(title, "every competency");
        assert_eq!(all.len(), 63);
        let short = vec!["customer-interaction".to_string()];
        let (title, some) = rehearsal_scope(&library, &short, None).unwrap();
        assert_eq!(title, "Customer Interaction");
        let full = vec!["customer-support/customer-interaction".to_string()];
        assert_eq!(rehearsal_scope(&library, &full, None).unwrap().1, some);
        let (title, at_level) = rehearsal_scope(&library, &short, Some(3)).unwrap();
        assert!(title.ends_with("at L3"));
        assert!(!at_level.is_empty() && at_level.len() < some.len());
        let unknown = vec!["nope".to_string()];
        let error = rehearsal_scope(&library, &unknown, None).unwrap_err();
        assert!(error.contains("cuecard list"), "{error}");
        assert!(rehearsal_scope(&library, &short, Some(9)).is_err());
    }

    #[test]
    fn behavioral_and_untyped_questions_get_the_outline() {
        let mut question = Question {
            id: "f/c/q".into(),
            text: "Tell me about a time".into(),
            level: None,
            tags: vec![],
            key_points: vec![],
            follow_ups: vec![],
        };
        assert!(wants_star_outline(&question));
        question.tags = vec!["policies-bank".into(), "knowledge".into()];
        assert!(!wants_star_outline(&question));
        question.tags = vec!["behavioral".into()];
        assert!(wants_star_outline(&question));
    }
}
