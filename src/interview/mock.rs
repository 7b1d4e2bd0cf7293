//! Mock interviews for candidates: a draw of questions at the target level, asked one at a time
//! with the interview's clock and key points hidden, then a self-review on the framework's scale.
//! The session is an [`InterviewSession`] of kind [`SessionKind::Mock`].

use chrono::{DateTime, Utc};

use super::{InterviewSession, PlannedQuestion, Rating, SessionKind};
use crate::content::{Library, Question};

/// What a mock interview draws from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockPlan {
    /// Competency or framework ids (as `chosen_competencies` reads them); empty: all.
    pub competencies: Vec<String>,
    /// The level asked at; `None`: each framework's target level, else any level.
    pub level: Option<usize>,
    pub count: usize,
    pub minutes: u64,
    /// The draw's seed: the same seed and history give the same questions.
    pub seed: u64,
}

pub const MAX_COUNT: usize = 30;

/// What the draw favours, from the candidate's own history.
pub struct Favour<'a> {
    /// When each question was last practised, if ever.
    pub last_practised: &'a dyn Fn(&str) -> Option<DateTime<Utc>>,
    /// Competencies with fewer than two stories at the target level.
    pub gaps: &'a [String],
    /// The questions of the last mock interview: never the same set twice in a row.
    pub previous: &'a [String],
    /// The target level of a framework, by id.
    pub target: &'a dyn Fn(&str) -> Option<usize>,
}

/// Draws `plan.count` questions: questions at the level (the framework's target, or `plan.level`;
/// any level where a competency has none there), weighted towards those never practised or
/// practised longest ago and towards competencies with story gaps; never the previous draw's set
/// when another is possible.
pub fn draw(
    library: &Library,
    plan: &MockPlan,
    favour: &Favour<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<String>, String> {
    if !(1..=MAX_COUNT).contains(&plan.count) {
        return Err(format!("--count must be 1 to {MAX_COUNT}"));
    }
    let competencies = crate::practice::chosen_competencies(library, &plan.competencies)?;
    let mut pool: Vec<(&Question, f64)> = Vec::new();
    for competency in competencies {
        let framework = competency.id.split('/').next().unwrap_or_default();
        let level = plan.level.or_else(|| (favour.target)(framework));
        let at_level: Vec<&Question> = competency
            .questions
            .iter()
            .filter(|q| level.is_none_or(|l| q.level == Some(l)))
            .collect();
        let chosen = if at_level.is_empty() {
            competency.questions.iter().collect()
        } else {
            at_level
        };
        let gap = favour.gaps.contains(&competency.id);
        for question in chosen {
            let weight = match (favour.last_practised)(&question.id) {
                None => 3.0,
                Some(when) => 1.0 + ((now - when).num_days().max(0) as f64 / 7.0).min(3.0),
            } + if gap { 1.0 } else { 0.0 };
            pool.push((question, weight));
        }
    }
    if pool.is_empty() {
        return Err("no questions in that scope: see `cuecard list`".to_string());
    }
    let count = plan.count.min(pool.len());
    let mut rng = fastrand::Rng::with_seed(plan.seed);
    let mut drawn: Vec<String> = Vec::with_capacity(count);
    let mut left = pool.clone();
    while drawn.len() < count {
        let total: f64 = left.iter().map(|(_, w)| w).sum();
        let mut point = rng.f64() * total;
        let index = left
            .iter()
            .position(|(_, w)| {
                point -= w;
                point < 0.0
            })
            .unwrap_or(left.len() - 1);
        drawn.push(left.remove(index).0.id.clone());
    }
    // The same set as last time, when the pool has others: one question swapped for another.
    let same = {
        let mut a = drawn.clone();
        let mut b = favour.previous.to_vec();
        a.sort();
        b.sort();
        a == b
    };
    if same && !left.is_empty() {
        let out = rng.usize(..drawn.len());
        let into = rng.usize(..left.len());
        drawn[out] = left[into].0.id.clone();
    }
    Ok(drawn)
}

impl InterviewSession {
    /// A mock interview of `questions`, the candidate rating themself on each competency.
    pub fn mock(questions: &[String], level: usize, minutes: u64, now: DateTime<Utc>) -> Self {
        let now = chrono::SubsecRound::trunc_subsecs(now, 0);
        let mut ratings: Vec<Rating> = Vec::new();
        for id in questions {
            if let Some((competency, _)) = id.rsplit_once('/')
                && !ratings.iter().any(|r| r.competency == competency)
            {
                ratings.push(Rating {
                    competency: competency.to_string(),
                    level: None,
                    evidence: String::new(),
                });
            }
        }
        InterviewSession {
            id: format!("{}-mock", now.format("%Y%m%d-%H%M")),
            kind: SessionKind::Mock,
            candidate: "you (mock interview)".to_string(),
            role: String::new(),
            interviewer: String::new(),
            stage: String::new(),
            level,
            minutes,
            created: now,
            started: None,
            elapsed: 0,
            ended: None,
            current: None,
            questions: questions.iter().map(|q| PlannedQuestion::new(q)).collect(),
            ratings,
            recommendation: None,
            summary: String::new(),
            scorecard: None,
            submitted: None,
        }
    }

    pub fn is_mock(&self) -> bool {
        self.kind == SessionKind::Mock
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentSource, load};

    fn plan(count: usize, seed: u64) -> MockPlan {
        MockPlan {
            competencies: vec!["customer-support".into()],
            level: Some(2),
            count,
            minutes: 15,
            seed,
        }
    }

    #[test]
    fn the_draw_is_the_seeds_and_never_the_same_set_twice_in_a_row() {
        let library = load(&[ContentSource::Bundled]).library;
        let never = |_: &str| None;
        let none = |_: &str| None;
        let favour = Favour {
            last_practised: &never,
            gaps: &[],
            previous: &[],
            target: &none,
        };
        let now = Utc::now();
        let first = draw(&library, &plan(3, 7), &favour, now).unwrap();
        assert_eq!(first.len(), 3);
        assert_eq!(first, draw(&library, &plan(3, 7), &favour, now).unwrap());
        let mut seen = first.clone();
        seen.dedup();
        assert_eq!(seen.len(), 3, "no question twice");
        for id in &first {
            assert_eq!(library.question(id).unwrap().level, Some(2), "{id}");
        }
        let again = Favour {
            previous: &first,
            ..favour
        };
        let second = draw(&library, &plan(3, 7), &again, now).unwrap();
        let (mut a, mut b) = (first.clone(), second.clone());
        a.sort();
        b.sort();
        assert_ne!(a, b, "the same seed, but not the same set as last time");
        assert!(draw(&library, &plan(0, 1), &favour, now).is_err());
    }

    #[test]
    fn questions_never_practised_and_gap_competencies_come_up_more() {
        let library = load(&[ContentSource::Bundled]).library;
        let now = Utc::now();
        let practised = "customer-support/customer-interaction";
        let recent = |id: &str| id.starts_with(practised).then_some(now);
        let none = |_: &str| None;
        let favour = Favour {
            last_practised: &recent,
            gaps: &[],
            previous: &[],
            target: &none,
        };
        let mut from_practised = 0;
        for seed in 0..200 {
            let drawn = draw(&library, &plan(1, seed), &favour, now).unwrap();
            from_practised += usize::from(drawn[0].starts_with(practised));
        }
        let share = library
            .competency(practised)
            .unwrap()
            .questions
            .iter()
            .filter(|q| q.level == Some(2))
            .count() as f64
            / library
                .framework("customer-support")
                .unwrap()
                .competencies
                .iter()
                .flat_map(|c| &c.questions)
                .filter(|q| q.level == Some(2))
                .count() as f64;
        assert!(
            (from_practised as f64) / 200.0 < share,
            "practised today: drawn {from_practised} of 200, share {share}"
        );
    }
}
