//! A mock interview set up from the candidate's own data: what they practised and when (the
//! review history), where their story bank has gaps, and the last mock's questions.

use chrono::{DateTime, Utc};

use super::InterviewSession;
use super::mock::{Favour, MockPlan, draw};
use crate::content::Library;
use crate::practice::schedule::Schedule;
use crate::stories::Story;

/// The level of a mock when none is asked for and the framework has no target level.
pub const DEFAULT_LEVEL: usize = 2;

/// A new mock interview session for `plan`.
pub fn mock_session(
    library: &Library,
    plan: &MockPlan,
    schedule: &Schedule,
    stories: &[Story],
    targets: &std::collections::BTreeMap<String, usize>,
    previous: &[String],
    now: DateTime<Utc>,
) -> Result<InterviewSession, String> {
    let target = |framework: &str| targets.get(framework).copied();
    // Without a level asked for or set, a mock is at level 2, as an interview is by default.
    let asked = |framework: &str| {
        plan.level
            .or_else(|| target(framework))
            .or(Some(DEFAULT_LEVEL))
    };
    let gaps: Vec<String> = crate::stories::coverage(library, stories, target)
        .into_iter()
        .filter(|row| row.gap)
        .map(|row| row.competency)
        .collect();
    let last = |id: &str| schedule.questions.get(id).map(|r| r.last_review);
    let favour = Favour {
        last_practised: &last,
        gaps: &gaps,
        previous,
        target: &asked,
    };
    let questions = draw(library, plan, &favour, now)?;
    let level = questions
        .first()
        .and_then(|q| q.split('/').next())
        .and_then(asked)
        .unwrap_or(DEFAULT_LEVEL);
    Ok(InterviewSession::mock(&questions, level, plan.minutes, now))
}
