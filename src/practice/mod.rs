//! Practice: what a note says about an answer (key points covered, length, speaking time), the
//! outline a new note starts from, and (in `schedule`) when each question is due again. No
//! terminal code and no files: `store` reads and writes.

mod coverage;
pub mod progress;
pub mod schedule;

pub use coverage::{Coverage, coverage};

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

/// What the candidate decided by hand about a question's key points: covered (true) or not
/// (false), by the key point's text (a reworded key point loses its mark rather than take
/// another's).
pub type Marks = std::collections::BTreeMap<String, bool>;

/// Whether a note covers one key point, and why it says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub covered: bool,
    /// The candidate said so by hand (else it is read from the note).
    pub by_hand: bool,
    /// What in the note matched, for a point read as covered.
    pub evidence: Option<String>,
}

/// Every key point of `key_points` judged against `note`, the candidate's own marks first. The
/// one judgement the revealed key points, the note's title and `cuecard notes` all show.
pub fn judge(key_points: &[String], note: &str, marks: Option<&Marks>) -> Vec<Judgement> {
    let read = coverage(key_points, note);
    key_points
        .iter()
        .enumerate()
        .map(|(i, point)| match marks.and_then(|m| m.get(point)) {
            Some(&covered) => Judgement {
                covered,
                by_hand: true,
                evidence: None,
            },
            None => {
                let covered = read.covered.get(i).copied().unwrap_or(false);
                Judgement {
                    covered,
                    by_hand: false,
                    evidence: if covered { read.evidence_of(i) } else { None },
                }
            }
        })
        .collect()
}

/// How far from the target level a rehearsal reaches: the level of the role, and the one on
/// each side of it.
pub const TARGET_REACH: usize = 1;

/// Whether a question of `level` is in a rehearsal around `target` (questions without a level
/// always are).
pub fn near_target(level: Option<usize>, target: usize) -> bool {
    level.is_none_or(|l| l.abs_diff(target) <= TARGET_REACH)
}

/// The ids of a competency's questions a rehearsal covers: those near `target` when the
/// framework has one and some question is near it, else all of them.
pub fn competency_scope(competency: &Competency, target: Option<usize>) -> Vec<String> {
    let near: Vec<String> = competency
        .questions
        .iter()
        .filter(|q| target.is_none_or(|t| near_target(q.level, t)))
        .map(|q| q.id.clone())
        .collect();
    if near.is_empty() {
        competency.questions.iter().map(|q| q.id.clone()).collect()
    } else {
        near
    }
}

/// `L2–L4` for a rehearsal around level 3 of a scale of `top` levels.
pub fn reach_label(target: usize, top: usize) -> String {
    let low = target.saturating_sub(TARGET_REACH).max(1);
    let high = (target + TARGET_REACH).min(top.max(target));
    if low == high {
        format!("L{low}")
    } else {
        format!("L{low}–L{high}")
    }
}

/// The competencies named on the command line: each a framework id (all its competencies), a
/// full competency id such as `customer-support/customer-interaction`, or its last part when no
/// other competency shares it; every competency when none is named. A message says what is
/// wrong otherwise.
pub fn chosen_competencies<'a>(
    library: &'a Library,
    names: &[String],
) -> Result<Vec<&'a Competency>, String> {
    let all: Vec<&Competency> = library
        .frameworks
        .iter()
        .flat_map(|f| f.competencies.iter())
        .collect();
    if names.is_empty() {
        return Ok(all);
    }
    let mut chosen: Vec<&Competency> = Vec::new();
    for wanted in names {
        let wanted = wanted.trim().trim_end_matches('/');
        let found: Vec<&Competency> = match library.framework(wanted) {
            Some(framework) => framework.competencies.iter().collect(),
            None => all
                .iter()
                .copied()
                .filter(|c| c.id == wanted || c.local_id() == wanted)
                .collect(),
        };
        match found.as_slice() {
            [] => {
                return Err(format!(
                    "no framework or competency {}; `cuecard list` shows their ids",
                    crate::text::inert(wanted)
                ));
            }
            [_, _, ..] if library.framework(wanted).is_none() => {
                return Err(format!(
                    "{} is in several frameworks; give it as FRAMEWORK/{}",
                    crate::text::inert(wanted),
                    crate::text::inert(wanted)
                ));
            }
            found => {
                for competency in found {
                    if !chosen.iter().any(|c| c.id == competency.id) {
                        chosen.push(competency);
                    }
                }
            }
        }
    }
    Ok(chosen)
}

/// The questions a rehearsal covers: those of the named competencies (see
/// [`chosen_competencies`]), near the target level of each framework (`level` for every
/// framework when given, else `targets` by framework id). Returns a title for the rehearsal and
/// the question ids, or a message saying what is wrong.
pub fn rehearsal_scope(
    library: &Library,
    competencies: &[String],
    level: Option<usize>,
    targets: &std::collections::BTreeMap<String, usize>,
) -> Result<(String, Vec<String>), String> {
    let chosen = chosen_competencies(library, competencies)?;
    let all = library
        .frameworks
        .iter()
        .map(|f| f.competencies.len())
        .sum::<usize>();
    let target_of = |competency: &Competency| {
        let framework = competency.id.split('/').next().unwrap_or_default();
        level.or_else(|| targets.get(framework).copied())
    };
    let questions: Vec<String> = chosen
        .iter()
        .flat_map(|c| competency_scope(c, target_of(c)))
        .collect();
    if let Some(level) = level
        && !chosen
            .iter()
            .any(|c| c.questions.iter().any(|q| near_target(q.level, level)))
    {
        return Err(format!(
            "no questions at or near level {level} in that scope"
        ));
    }
    if questions.is_empty() {
        return Err("no questions in that scope".to_string());
    }
    let mut title = match chosen.as_slice() {
        [one] => one.name.clone(),
        many if many.len() == all => "every competency".to_string(),
        many => format!("{} competencies", many.len()),
    };
    if let Some(level) = level {
        let top = chosen
            .iter()
            .filter_map(|c| library.framework(c.id.split('/').next().unwrap_or_default()))
            .map(|f| f.levels.len())
            .max()
            .unwrap_or(level);
        title.push_str(&format!(" · {}", reach_label(level, top)));
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
    fn marks_by_hand_win_over_the_reading_of_the_note() {
        let key_points = points(&["Escalates early to the right team", "Offers a refund"]);
        let note = "I escalated early to the billing team.";
        let read = judge(&key_points, note, None);
        assert!(read[0].covered && !read[0].by_hand);
        assert!(!read[1].covered);
        let marks = Marks::from([
            ("Offers a refund".to_string(), true),
            ("Escalates early to the right team".to_string(), false),
        ]);
        let judged = judge(&key_points, note, Some(&marks));
        assert!(!judged[0].covered && judged[0].by_hand);
        assert!(judged[1].covered && judged[1].by_hand);
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
    fn rehearsal_scope_by_framework_full_or_short_id_and_around_a_level() {
        let library = crate::content::load(&[crate::content::ContentSource::Bundled]).library;
        let none = std::collections::BTreeMap::new();
        let (title, all) = rehearsal_scope(&library, &[], None, &none).unwrap();
        assert_eq!(title, "every competency");
        assert_eq!(all.len(), library.counts().questions);
        let short = vec!["customer-interaction".to_string()];
        let (title, some) = rehearsal_scope(&library, &short, None, &none).unwrap();
        assert_eq!(title, "Customer Interaction");
        let full = vec!["customer-support/customer-interaction".to_string()];
        assert_eq!(
            rehearsal_scope(&library, &full, None, &none).unwrap().1,
            some
        );
        let (title, near) = rehearsal_scope(&library, &short, Some(4), &none).unwrap();
        // The scale has four levels: around 4 is 3 and 4.
        assert!(title.ends_with("L3–L4"), "{title}");
        assert!(!near.is_empty() && near.len() < some.len());
        for id in &near {
            let level = library.question(id).unwrap().level;
            assert!(level.is_none_or(|l| (3..=4).contains(&l)), "{id} {level:?}");
        }
        // A remembered target gives the same scope without naming the level.
        let targets = std::collections::BTreeMap::from([("customer-support".to_string(), 4)]);
        assert_eq!(
            rehearsal_scope(&library, &short, None, &targets).unwrap().1,
            near
        );
        // A framework's id: all its competencies.
        let framework = vec!["customer-support".to_string()];
        let (title, every) = rehearsal_scope(&library, &framework, None, &none).unwrap();
        let count = library
            .framework("customer-support")
            .unwrap()
            .competencies
            .len();
        assert_eq!(title, format!("{count} competencies"));
        assert!(
            every.len() > some.len() && every.iter().all(|id| id.starts_with("customer-support/"))
        );
        let unknown = vec!["nope".to_string()];
        let error = rehearsal_scope(&library, &unknown, None, &none).unwrap_err();
        assert!(error.contains("cuecard list"), "{error}");
        assert!(rehearsal_scope(&library, &short, Some(9), &none).is_err());
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
            interviewer_note: None,
            file: None,
        };
        assert!(wants_star_outline(&question));
        question.tags = vec!["policies-bank".into(), "knowledge".into()];
        assert!(!wants_star_outline(&question));
        question.tags = vec!["behavioral".into()];
        assert!(wants_star_outline(&question));
    }
}
