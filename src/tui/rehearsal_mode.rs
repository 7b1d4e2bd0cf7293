//! A rehearsal under way: a queue of questions shown one at a time with an answer timer, Space to
//! reveal what a strong answer covers, 1–4 to grade (Again brings the card back later in the same
//! rehearsal), `s` to skip, `u` to take the last grade back. Its state and what each key does to
//! it and to the schedule; the clock comes in as a value, and the reply says what to save.

use chrono::{DateTime, NaiveDate, Utc};

use super::action::Action;
use super::motion::{clamp_scroll, scrolled};
use crate::practice::schedule::{Grade, QuestionRecord, Schedule};

/// A rehearsal under way.
#[derive(Debug, Clone, PartialEq)]
pub struct Rehearsal {
    /// What is rehearsed, for the title: a competency's name or "1 question".
    pub scope: String,
    /// Question ids, in the order they come (a card graded Again comes again at the end).
    pub queue: Vec<String>,
    /// Index into `queue`; `queue.len()` once every card is done.
    pub position: usize,
    /// When the card on show appeared.
    pub started: DateTime<Utc>,
    /// The answer time, fixed when the key points are revealed.
    pub answered: Option<u64>,
    /// The card's scroll position.
    pub scroll: usize,
    /// The grades given so far, in order, with what each changed (for an undo).
    pub log: Vec<Graded>,
    /// Cards skipped.
    pub skipped: usize,
}

/// A grade given in this rehearsal.
#[derive(Debug, Clone, PartialEq)]
pub struct Graded {
    pub question_id: String,
    pub grade: Grade,
    pub seconds: u64,
    /// The card's place in the queue.
    pub position: usize,
    /// The question's record before the grade.
    pub before: Option<QuestionRecord>,
    /// Whether the grade put the card at the end of the queue again.
    pub requeued: bool,
}

/// What a key in the rehearsal asks the rest of the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RehearsalReply {
    Stay,
    /// Esc: the rehearsal is over.
    End,
    /// The schedule of this question changed (a grade, or one taken back): save it.
    Changed {
        question_id: String,
    },
    /// `n` after the reveal: open the note on this question.
    OpenNote {
        question_id: String,
    },
    /// Say this in the footer.
    Say(String),
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
            log: Vec::new(),
            skipped: 0,
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

    /// How many answers of each grade (Again, Hard, Good, Easy) were given.
    pub fn counts(&self) -> [usize; 4] {
        Grade::ALL.map(|grade| self.log.iter().filter(|g| g.grade == grade).count())
    }

    /// The seconds spent answering, over every grade given.
    pub fn time_spent(&self) -> u64 {
        self.log.iter().map(|g| g.seconds).sum()
    }

    /// The cards still to come after the one on show (Again ones included).
    pub fn remaining(&self) -> usize {
        self.queue.len().saturating_sub(self.position)
    }

    fn next_card(&mut self, now: DateTime<Utc>) {
        self.position += 1;
        self.started = now;
        self.answered = None;
        self.scroll = 0;
    }

    /// A key, with the card's text `len` lines long in `height` rows; a grade goes into
    /// `schedule` (an interview date `until` caps its interval).
    pub fn act(
        &mut self,
        action: Action,
        now: DateTime<Utc>,
        (height, len): (usize, usize),
        schedule: &mut Schedule,
        until: Option<NaiveDate>,
    ) -> RehearsalReply {
        match action {
            Action::Back => return RehearsalReply::End,
            Action::Reveal if !self.done() && !self.revealed() => {
                self.answered = Some(self.seconds(now));
            }
            Action::Grade(_) | Action::OpenNote if !self.done() && !self.revealed() => {
                let story = self
                    .current()
                    .is_some_and(|id| crate::stories::story_of_card(id).is_some());
                return RehearsalReply::Say(if story {
                    "Tell the story aloud first, then Space shows it.".to_string()
                } else {
                    "Answer aloud first, then Space shows the key points.".to_string()
                });
            }
            Action::Grade(n) => {
                let (Some(grade), Some(id)) = (
                    Grade::from_number(usize::from(n)),
                    self.current().map(str::to_string),
                ) else {
                    return RehearsalReply::Stay;
                };
                let seconds = self.seconds(now);
                let before = schedule.grade(&id, grade, seconds, now, until);
                let requeued = grade == Grade::Again;
                if requeued {
                    self.queue.push(id.clone());
                }
                self.log.push(Graded {
                    question_id: id.clone(),
                    grade,
                    seconds,
                    position: self.position,
                    before,
                    requeued,
                });
                self.next_card(now);
                return RehearsalReply::Changed { question_id: id };
            }
            Action::OpenNote => {
                if let Some(id) = self.current() {
                    return RehearsalReply::OpenNote {
                        question_id: id.to_string(),
                    };
                }
            }
            Action::Skip if !self.done() => {
                self.skipped += 1;
                self.next_card(now);
            }
            Action::Undo => return self.undo(now, schedule),
            movement => self.scroll = scrolled(self.scroll, movement, height, len),
        }
        RehearsalReply::Stay
    }

    /// `u`: the last grade is taken back, and its card is on show again, revealed, to grade anew.
    fn undo(&mut self, now: DateTime<Utc>, schedule: &mut Schedule) -> RehearsalReply {
        let Some(last) = self.log.pop() else {
            return RehearsalReply::Say("No grade to take back in this rehearsal.".to_string());
        };
        schedule.ungrade(&last.question_id, last.before);
        if last.requeued
            && let Some(at) = self.queue.iter().rposition(|id| *id == last.question_id)
            && at > last.position
        {
            self.queue.remove(at);
        }
        self.position = last.position;
        self.answered = Some(last.seconds);
        self.started = now;
        self.scroll = 0;
        RehearsalReply::Changed {
            question_id: last.question_id,
        }
    }

    /// Keeps the card's scroll within its text of `len` lines shown `height` at a time.
    pub fn clamp_scroll(&mut self, len: usize, height: usize) {
        self.scroll = clamp_scroll(self.scroll, len, height);
    }
}

/// How long an interval is, in the fewest characters: `10m`, `5h`, `3d`, `4mo`, `2y`.
pub fn interval_label(interval: chrono::Duration) -> String {
    let minutes = interval.num_minutes();
    match minutes {
        ..1 => "<1m".to_string(),
        1..60 => format!("{minutes}m"),
        60..1440 => format!("{}h", minutes / 60),
        _ => {
            let days = interval.num_days();
            match days {
                ..31 => format!("{days}d"),
                31..365 => format!("{}mo", days / 30),
                _ => format!("{}y", days / 365),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn key(
        rehearsal: &mut Rehearsal,
        schedule: &mut Schedule,
        action: Action,
        now: DateTime<Utc>,
    ) -> RehearsalReply {
        rehearsal.act(action, now, (10, 5), schedule, None)
    }

    #[test]
    fn again_comes_back_in_the_same_rehearsal_and_undo_takes_a_grade_back() {
        let now = at("2026-11-23T09:00:00Z");
        let mut schedule = Schedule::default();
        let queue = vec!["a".to_string(), "b".to_string()];
        let mut rehearsal = Rehearsal::new("test".into(), queue, now);
        // A grade before the reveal is refused, with a word.
        let reply = key(&mut rehearsal, &mut schedule, Action::Grade(3), now);
        assert!(matches!(reply, RehearsalReply::Say(_)));
        key(&mut rehearsal, &mut schedule, Action::Reveal, now);
        key(&mut rehearsal, &mut schedule, Action::Grade(1), now);
        assert_eq!(rehearsal.queue, ["a", "b", "a"]);
        assert_eq!(rehearsal.current(), Some("b"));
        key(&mut rehearsal, &mut schedule, Action::Reveal, now);
        key(&mut rehearsal, &mut schedule, Action::Grade(3), now);
        assert_eq!(rehearsal.current(), Some("a"));
        // u: b's grade is gone from the schedule, and b is back on show, revealed.
        let reply = key(&mut rehearsal, &mut schedule, Action::Undo, now);
        assert_eq!(
            reply,
            RehearsalReply::Changed {
                question_id: "b".into()
            }
        );
        assert!(!schedule.questions.contains_key("b"));
        assert_eq!(rehearsal.current(), Some("b"));
        assert!(rehearsal.revealed());
        // u again: a's Again is taken back, and its second showing with it.
        key(&mut rehearsal, &mut schedule, Action::Undo, now);
        assert_eq!(rehearsal.queue, ["a", "b"]);
        assert_eq!(rehearsal.current(), Some("a"));
        assert!(schedule.questions.is_empty());
        let reply = key(&mut rehearsal, &mut schedule, Action::Undo, now);
        assert!(matches!(reply, RehearsalReply::Say(_)));
    }

    #[test]
    fn skipping_moves_on_without_a_grade_and_the_summary_counts() {
        let now = at("2026-11-23T09:00:00Z");
        let mut schedule = Schedule::default();
        let queue = vec!["a".to_string(), "b".to_string()];
        let mut rehearsal = Rehearsal::new("test".into(), queue, now);
        key(&mut rehearsal, &mut schedule, Action::Skip, now);
        assert_eq!(rehearsal.current(), Some("b"));
        let later = now + chrono::Duration::seconds(75);
        key(&mut rehearsal, &mut schedule, Action::Reveal, later);
        key(&mut rehearsal, &mut schedule, Action::Grade(4), later);
        assert!(rehearsal.done());
        assert_eq!(rehearsal.skipped, 1);
        assert_eq!(rehearsal.counts(), [0, 0, 0, 1]);
        assert_eq!(rehearsal.time_spent(), 75);
        assert!(schedule.questions.contains_key("b") && !schedule.questions.contains_key("a"));
        // `n` after the reveal names the card's question.
        let mut rehearsal = Rehearsal::new("t".into(), vec!["c".to_string()], now);
        key(&mut rehearsal, &mut schedule, Action::Reveal, now);
        let reply = key(&mut rehearsal, &mut schedule, Action::OpenNote, now);
        assert_eq!(
            reply,
            RehearsalReply::OpenNote {
                question_id: "c".into()
            }
        );
    }

    #[test]
    fn intervals_read_short() {
        let label = |minutes: i64| interval_label(chrono::Duration::minutes(minutes));
        assert_eq!(label(0), "<1m");
        assert_eq!(label(10), "10m");
        assert_eq!(label(90), "1h");
        assert_eq!(label(3 * 1440), "3d");
        assert_eq!(label(100 * 1440), "3mo");
        assert_eq!(label(800 * 1440), "2y");
    }
}
