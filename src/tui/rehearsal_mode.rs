//! A rehearsal under way: a queue of questions shown one at a time with an answer timer, Space to
//! reveal what a strong answer covers, 1–4 to grade. Its state and what each key does to it; the
//! clock comes in as a value, and a grade goes out as a [`RehearsalReply`] for the schedule.

use chrono::{DateTime, Utc};

use super::action::Action;
use super::motion::{clamp_scroll, scrolled};
use crate::practice::schedule::Grade;

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
    /// The card's scroll position.
    pub scroll: usize,
    /// The grades given so far, in order.
    pub grades: Vec<Grade>,
}

/// What a key in the rehearsal asks the rest of the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RehearsalReply {
    Stay,
    /// Esc: the rehearsal is over.
    End,
    /// The question was graded after `seconds` of answering: schedule it.
    Graded {
        question_id: String,
        grade: Grade,
        seconds: u64,
    },
}

impl Rehearsal {
    pub fn new(scope: String, queue: Vec<String>, now: DateTime<Utc>) -> Rehearsal {
        Rehearsal {
            scope,
            queue,
            position: 0,
            started: now,
            answered: None,
            scroll: 0,
            grades: Vec::new(),
        }
    }

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

    /// A key, with the card's text `len` lines long in `height` rows.
    pub fn act(
        &mut self,
        action: Action,
        now: DateTime<Utc>,
        height: usize,
        len: usize,
    ) -> RehearsalReply {
        match action {
            Action::Back => return RehearsalReply::End,
            Action::Reveal if !self.done() && !self.revealed() => {
                self.answered = Some(self.seconds(now));
            }
            Action::Grade(n) if self.revealed() => {
                let (Some(grade), Some(id)) = (
                    Grade::from_number(usize::from(n)),
                    self.current().map(str::to_string),
                ) else {
                    return RehearsalReply::Stay;
                };
                let seconds = self.seconds(now);
                self.grades.push(grade);
                self.position += 1;
                self.started = now;
                self.answered = None;
                self.scroll = 0;
                return RehearsalReply::Graded {
                    question_id: id,
                    grade,
                    seconds,
                };
            }
            movement => self.scroll = scrolled(self.scroll, movement, height, len),
        }
        RehearsalReply::Stay
    }

    /// Keeps the card's scroll within its text of `len` lines shown `height` at a time.
    pub fn clamp_scroll(&mut self, len: usize, height: usize) {
        self.scroll = clamp_scroll(self.scroll, len, height);
    }
}
