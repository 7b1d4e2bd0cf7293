//! The figures of the progress view, per competency: questions practised, mean recall, reviews
//! due, readiness at the target level, and which levels have questions without a note yet.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::schedule::Schedule;
use crate::content::Library;

/// The recall at which a question counts as ready: the candidate would most likely answer it
/// well today.
pub const READY_RECALL: f64 = 0.8;

#[derive(Debug, Clone, PartialEq)]
pub struct CompetencyProgress {
    pub name: String,
    pub questions: usize,
    /// Questions graded at least once.
    pub practised: usize,
    /// The mean probability of recall over the practised questions, now.
    pub mean_recall: Option<f64>,
    /// Reviews due now among the questions a rehearsal of it covers (near the target level):
    /// the count every other view gives.
    pub due: usize,
    /// At the framework's target level, when one is set: (the level, questions ready, questions
    /// at that level). Ready: practised, and recalled with at least [`READY_RECALL`] now.
    pub target: Option<(usize, usize, usize)>,
    /// Per level of the framework's scale: (questions with a note, questions).
    pub notes_by_level: Vec<(usize, usize)>,
}

/// Every competency's progress, in the browser's order.
pub fn progress(
    library: &Library,
    schedule: &Schedule,
    has_note: impl Fn(&str) -> bool,
    now: DateTime<Utc>,
    targets: &BTreeMap<String, usize>,
) -> Vec<CompetencyProgress> {
    let mut rows = Vec::new();
    for framework in &library.frameworks {
        let target_level = targets.get(&framework.id).copied();
        for competency in &framework.competencies {
            let due = super::competency_scope(competency, target_level)
                .iter()
                .filter(|id| schedule.is_due(id, now))
                .count();
            let target = target_level.map(|level| {
                let at_level: Vec<_> = competency
                    .questions
                    .iter()
                    .filter(|q| q.level == Some(level))
                    .collect();
                let ready = at_level
                    .iter()
                    .filter_map(|q| schedule.questions.get(&q.id))
                    .filter(|r| r.recall(now) >= READY_RECALL)
                    .count();
                (level, ready, at_level.len())
            });
            let records: Vec<_> = competency
                .questions
                .iter()
                .filter_map(|q| schedule.questions.get(&q.id))
                .collect();
            let mean_recall = (!records.is_empty())
                .then(|| records.iter().map(|r| r.recall(now)).sum::<f64>() / records.len() as f64);
            let mut notes_by_level = vec![(0, 0); framework.levels.len()];
            for question in &competency.questions {
                if let Some(cell) = question
                    .level
                    .and_then(|l| l.checked_sub(1))
                    .and_then(|i| notes_by_level.get_mut(i))
                {
                    cell.1 += 1;
                    if has_note(&question.id) {
                        cell.0 += 1;
                    }
                }
            }
            rows.push(CompetencyProgress {
                name: competency.name.clone(),
                questions: competency.questions.len(),
                practised: records.len(),
                mean_recall,
                due,
                target,
                notes_by_level,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentSource, load};
    use crate::practice::schedule::Grade;

    #[test]
    fn counts_practice_recall_due_and_notes_per_level() {
        let library = load(&[ContentSource::Bundled]).library;
        let competency = &library.frameworks[0].competencies[0];
        let first = &competency.questions[0];
        let second = &competency.questions[1];
        let now = DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut schedule = Schedule::default();
        schedule.grade(&first.id, Grade::Good, 60, now, None);
        schedule.grade(&second.id, Grade::Again, 60, now, None);
        schedule.grade(&competency.questions[2].id, Grade::Easy, 60, now, None);
        let later = now + chrono::Duration::minutes(5);
        let level = first.level.unwrap();
        let framework = library.frameworks[0].id.clone();
        let targets = BTreeMap::from([(framework, level)]);
        let rows = progress(&library, &schedule, |id| id == first.id, later, &targets);
        let row = &rows[0];
        assert_eq!(row.name, competency.name);
        assert_eq!(row.questions, competency.questions.len());
        assert_eq!(row.practised, 3);
        // "Again" and "Good" on a new question bring it back within minutes, not yet due after
        // five minutes for Good; "Easy" in days. Due counts only what is due now.
        let due_now = [first, second, &competency.questions[2]]
            .iter()
            .filter(|q| crate::practice::near_target(q.level, level))
            .filter(|q| schedule.is_due(&q.id, later))
            .count();
        assert_eq!(row.due, due_now);
        assert!(row.due >= 1);
        // Ready at the target level: the question graded Good is recalled well right after.
        let (at, ready, total) = row.target.unwrap();
        assert_eq!(at, level);
        assert!(ready >= 1 && ready <= total, "{ready} of {total}");
        let recall = row.mean_recall.unwrap();
        assert!(recall > 0.0 && recall <= 1.0);
        assert_eq!(row.notes_by_level.len(), library.frameworks[0].levels.len());
        assert_eq!(row.notes_by_level[level - 1].0, 1);
        let notes: usize = row.notes_by_level.iter().map(|c| c.0).sum();
        assert_eq!(notes, 1);
        assert!(
            rows[1..]
                .iter()
                .all(|r| r.practised == 0 && r.mean_recall.is_none())
        );
    }
}
