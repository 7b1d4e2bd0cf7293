//! Rehearsal's part of `update`: a queue of questions shown one at a time with an answer timer,
//! Space to reveal what a strong answer covers, 1–4 to grade, FSRS to schedule the next review.
//! The clock is `app.now`, set by the loop.

use chrono::{DateTime, Utc};

use super::action::Action;
use super::app::{App, Status};
use super::effect::Effect;
use crate::practice::schedule::{Grade, Schedule};
use crate::store::{Fingerprint, StoreError};

/// A rehearsal under way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rehearsal {
    /// What is rehearsed, for the title: a competency's name or "1 question".
    pub scope: String,
    /// Question ids, in the order they come.
    pub queue: Vec<String>,
    /// Index into `queue`; `queue.len()` once every card is done.
    pub position: usize,
    /// When the card on show appeared.
    pub started: DateTime<Utc>,
    /// The answer time, fixed when the key points are revealed.
    pub answered: Option<u64>,
    /// The revealed card's scroll position.
    pub scroll: usize,
    /// The grades given so far, in order.
    pub grades: Vec<Grade>,
}

impl Rehearsal {
    pub fn current(&self) -> Option<&str> {
        self.queue.get(self.position).map(String::as_str)
    }

    pub fn revealed(&self) -> bool {
        self.answered.is_some()
    }

    pub fn done(&self) -> bool {
        self.position >= self.queue.len()
    }

    /// Seconds spent on the card on show: running until revealed, then fixed.
    pub fn seconds(&self, now: DateTime<Utc>) -> u64 {
        self.answered
            .unwrap_or_else(|| u64::try_from((now - self.started).num_seconds()).unwrap_or(0))
    }
}

/// How a timer reads against its target (a rehearsal's answer, an interview's budget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Within three quarters of the target.
    Fine,
    /// Nearing the target: amber.
    Nearly,
    /// Past the target: red.
    Over,
}

pub fn pace(seconds: u64, target: u64) -> Pace {
    if seconds > target {
        Pace::Over
    } else if seconds * 4 >= target * 3 {
        Pace::Nearly
    } else {
        Pace::Fine
    }
}

/// Starts a rehearsal of `queue`; says so instead when it is empty.
pub fn start(app: &mut App, scope: String, queue: Vec<String>) {
    if queue.is_empty() {
        let next = app
            .schedule
            .questions
            .values()
            .map(|r| r.due)
            .filter(|due| *due > app.now)
            .min();
        let text = match next {
            Some(due) => format!(
                "Nothing due in {scope}: the next review is on {}.",
                due.format("%Y-%m-%d")
            ),
            None => format!("No questions to rehearse in {scope}."),
        };
        app.status = Status::info(text);
        return;
    }
    app.progress = None;
    app.rehearsal = Some(Rehearsal {
        scope,
        queue,
        position: 0,
        started: app.now,
        answered: None,
        scroll: 0,
        grades: Vec::new(),
    });
}

/// `r`: rehearses the selected question when one is open or selected in the list, else the
/// selected competency's questions (due ones first, then new ones).
pub fn start_from_browser(app: &mut App, single_question: bool) {
    if single_question && let Some(question) = app.current_question() {
        let queue = vec![question.id.clone()];
        start(app, "1 question".to_string(), queue);
        return;
    }
    let Some((_, competency)) = app.current() else {
        return;
    };
    let scope: Vec<String> = competency.questions.iter().map(|q| q.id.clone()).collect();
    let name = competency.name.clone();
    let queue = app.schedule.queue(&scope, app.now, app.until);
    start(app, name, queue);
}

pub fn update(app: &mut App, action: Action) {
    let now = app.now;
    let until = app.until;
    let Some(rehearsal) = app.rehearsal.as_mut() else {
        return;
    };
    match action {
        Action::Back => app.rehearsal = None,
        Action::Reveal if !rehearsal.done() && !rehearsal.revealed() => {
            rehearsal.answered = Some(rehearsal.seconds(now));
        }
        Action::Grade(n) if rehearsal.revealed() => {
            let (Some(grade), Some(id)) = (
                Grade::from_number(usize::from(n)),
                rehearsal.current().map(str::to_string),
            ) else {
                return;
            };
            let seconds = rehearsal.seconds(now);
            rehearsal.grades.push(grade);
            rehearsal.position += 1;
            rehearsal.started = now;
            rehearsal.answered = None;
            rehearsal.scroll = 0;
            app.schedule.grade(&id, grade, seconds, now, until);
            app.graded.insert(id);
            app.effects.push(Effect::SaveSchedule);
        }
        Action::Up => rehearsal.scroll = rehearsal.scroll.saturating_sub(1),
        Action::Down => rehearsal.scroll += 1,
        Action::Top => rehearsal.scroll = 0,
        _ => {}
    }
}

/// The schedule was saved (or not).
pub fn saved(app: &mut App, result: Result<(Schedule, Fingerprint), StoreError>) {
    match result {
        Ok((schedule, version)) => {
            // Grades given meanwhile are in `schedule` already: it is this state's, merged.
            app.schedule = schedule;
            app.schedule_version = version;
            app.graded.clear();
        }
        Err(e) => {
            app.status = Status::error(format!(
                "Review history not saved, kept in memory and retrying: {e}"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_turns_amber_then_red() {
        assert_eq!(pace(0, 120), Pace::Fine);
        assert_eq!(pace(89, 120), Pace::Fine);
        assert_eq!(pace(90, 120), Pace::Nearly);
        assert_eq!(pace(120, 120), Pace::Nearly);
        assert_eq!(pace(121, 120), Pace::Over);
    }
}
