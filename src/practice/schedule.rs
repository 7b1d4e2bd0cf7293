//! When each question comes back: FSRS scheduling (the `rs-fsrs` crate) of self-graded answers,
//! the rehearsal queue (due questions first, then new ones), and the figures of the progress view.
//! Keyed by the stable question ids, so rewording a question keeps its history. The clock is
//! always passed in.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, SubsecRound as _, Utc};
use rs_fsrs::{Card, FSRS, Rating, State};
use serde::{Deserialize, Serialize};

/// How well an answer went, as the candidate grades it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The grade of key `n` (1 to 4).
    pub fn from_number(n: usize) -> Option<Grade> {
        Grade::ALL.get(n.checked_sub(1)?).copied()
    }

    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// One answer given in rehearsal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub at: DateTime<Utc>,
    pub grade: Grade,
    /// How long the answer took.
    pub seconds: u64,
}

/// A question's schedule and history, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionRecord {
    pub due: DateTime<Utc>,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    pub state: CardState,
    pub last_review: DateTime<Utc>,
    #[serde(default)]
    pub history: Vec<Review>,
}

/// FSRS's card states, named in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardState {
    New,
    Learning,
    Review,
    Relearning,
}

impl From<State> for CardState {
    fn from(state: State) -> CardState {
        match state {
            State::New => CardState::New,
            State::Learning => CardState::Learning,
            State::Review => CardState::Review,
            State::Relearning => CardState::Relearning,
        }
    }
}

impl From<CardState> for State {
    fn from(state: CardState) -> State {
        match state {
            CardState::New => State::New,
            CardState::Learning => State::Learning,
            CardState::Review => State::Review,
            CardState::Relearning => State::Relearning,
        }
    }
}

impl QuestionRecord {
    fn card(&self) -> Card {
        Card {
            due: self.due,
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: self.state.into(),
            last_review: self.last_review,
        }
    }

    fn set_card(&mut self, card: &Card) {
        self.due = card.due;
        self.stability = card.stability;
        self.difficulty = card.difficulty;
        self.elapsed_days = card.elapsed_days;
        self.scheduled_days = card.scheduled_days;
        self.reps = card.reps;
        self.lapses = card.lapses;
        self.state = card.state.into();
        self.last_review = card.last_review;
    }

    /// The probability of recalling the answer at `now`, by FSRS's forgetting curve.
    pub fn recall(&self, now: DateTime<Utc>) -> f64 {
        self.card().get_retrievability(now)
    }
}

/// Every question's schedule, by question id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionRecord>,
}

/// The start of `date` in UTC.
fn start_of(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc()
}

impl Schedule {
    /// Records a graded answer and schedules the question's next review. With an interview date
    /// (`until`), a review that would fall after it is brought forward to the day before, so that
    /// everything is seen again before the interview.
    pub fn grade(
        &mut self,
        question_id: &str,
        grade: Grade,
        seconds: u64,
        now: DateTime<Utc>,
        until: Option<NaiveDate>,
    ) {
        // Whole seconds: the file is for people to read too.
        let now = now.trunc_subsecs(0);
        let mut card = self
            .questions
            .get(question_id)
            .map_or_else(Card::new, QuestionRecord::card);
        if card.state == State::New {
            card.due = now;
            card.last_review = now;
        }
        let mut next = FSRS::default().next(card, now, grade.rating()).card;
        // No day before the first representable one: no bringing forward (never an overflow).
        if let Some(latest) = until.and_then(|u| start_of(u).checked_sub_signed(Duration::days(1)))
            && next.due > latest
            && latest > now
        {
            next.due = latest;
        }
        let record = self
            .questions
            .entry(question_id.to_string())
            .or_insert_with(|| QuestionRecord {
                due: now,
                stability: 0.0,
                difficulty: 0.0,
                elapsed_days: 0,
                scheduled_days: 0,
                reps: 0,
                lapses: 0,
                state: CardState::New,
                last_review: now,
                history: Vec::new(),
            });
        record.set_card(&next);
        record.history.push(Review {
            at: now,
            grade,
            seconds,
        });
    }

    pub fn is_due(&self, question_id: &str, now: DateTime<Utc>) -> bool {
        self.questions
            .get(question_id)
            .is_some_and(|r| r.due <= now)
    }

    /// The rehearsal queue over `scope` (question ids in the order to meet new ones): due
    /// questions first, the most overdue first, then questions never rehearsed. Without an
    /// interview date every new question is queued; with one, an even share of them for each day
    /// left, so that all are met before it.
    pub fn queue(
        &self,
        scope: &[String],
        now: DateTime<Utc>,
        until: Option<NaiveDate>,
    ) -> Vec<String> {
        let mut due: Vec<&String> = scope.iter().filter(|id| self.is_due(id, now)).collect();
        due.sort_by_key(|id| (self.questions[id.as_str()].due, *id));
        let new: Vec<&String> = scope
            .iter()
            .filter(|id| !self.questions.contains_key(id.as_str()))
            .collect();
        let share = match until {
            Some(date) => {
                let days_left = (date - now.date_naive()).num_days().max(1) as usize;
                new.len().div_ceil(days_left)
            }
            None => new.len(),
        };
        due.into_iter()
            .chain(new.into_iter().take(share))
            .cloned()
            .collect()
    }

    /// Days on which at least one answer was graded (UTC dates).
    pub fn practised_days(&self) -> BTreeSet<NaiveDate> {
        self.questions
            .values()
            .flat_map(|r| r.history.iter().map(|h| h.at.date_naive()))
            .collect()
    }

    /// Days practised in a row, ending today (or yesterday, when today is not done yet).
    pub fn streak(&self, today: NaiveDate) -> usize {
        let days = self.practised_days();
        let mut day = if days.contains(&today) {
            today
        } else {
            today - Duration::days(1)
        };
        let mut count = 0;
        while days.contains(&day) {
            count += 1;
            day -= Duration::days(1);
        }
        count
    }

    /// Merges `other` (the file as someone else left it) under this schedule's records for
    /// `mine`: questions graded here win, every other question keeps the other side's record.
    pub fn merged_over(&self, other: &Schedule, mine: &BTreeSet<String>) -> Schedule {
        let mut merged = other.clone();
        for id in mine {
            if let Some(record) = self.questions.get(id) {
                merged.questions.insert(id.clone(), record.clone());
            }
        }
        merged
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

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn good_answers_space_out_and_again_brings_a_question_back_soon() {
        let mut schedule = Schedule::default();
        let now = at("2026-11-23T09:00:00Z");
        schedule.grade("f/c/a", Grade::Good, 100, now, None);
        schedule.grade("f/c/b", Grade::Again, 100, now, None);
        let good = &schedule.questions["f/c/a"];
        let again = &schedule.questions["f/c/b"];
        assert!(good.due > again.due, "{:?} vs {:?}", good.due, again.due);
        assert!(again.due <= now + Duration::minutes(10));
        assert_eq!(good.history.len(), 1);
        assert_eq!(good.history[0].grade, Grade::Good);
        // Good again once due: the next interval is longer than the first.
        let first_interval = good.due - now;
        let later = good.due;
        schedule.grade("f/c/a", Grade::Good, 90, later, None);
        let second_interval = schedule.questions["f/c/a"].due - later;
        assert!(second_interval > first_interval);
        assert_eq!(schedule.questions["f/c/a"].history.len(), 2);
    }

    #[test]
    fn the_queue_puts_due_questions_first_then_new_ones() {
        let mut schedule = Schedule::default();
        let start = at("2026-11-20T09:00:00Z");
        schedule.grade("q1", Grade::Again, 60, start, None);
        schedule.grade("q2", Grade::Easy, 60, start, None);
        schedule.grade("q3", Grade::Hard, 60, start, None);
        let now = at("2026-11-23T09:00:00Z");
        let scope = ids(&["q1", "q2", "q3", "q4", "q5"]);
        let queue = schedule.queue(&scope, now, None);
        // q2 (Easy) is not due yet; q1 and q3 are, the longer overdue first.
        assert!(!queue.contains(&"q2".to_string()));
        assert_eq!(&queue[queue.len() - 2..], ["q4", "q5"]);
        assert!(queue[0] == "q1" || queue[0] == "q3");
    }

    #[test]
    fn an_interview_date_shares_new_questions_over_the_days_left_and_caps_intervals() {
        let schedule = Schedule::default();
        let now = at("2026-11-23T09:00:00Z");
        let scope: Vec<String> = (0..10).map(|i| format!("q{i}")).collect();
        let until = NaiveDate::from_ymd_opt(2026, 11, 28);
        // Five days left: two new questions a day.
        assert_eq!(schedule.queue(&scope, now, until).len(), 2);
        assert_eq!(schedule.queue(&scope, now, None).len(), 10);
        // The day before the interview (or after it): everything at once.
        let last = at("2026-11-27T09:00:00Z");
        assert_eq!(schedule.queue(&scope, last, until).len(), 10);
        let mut schedule = Schedule::default();
        schedule.grade("q0", Grade::Easy, 30, now, until);
        assert!(schedule.questions["q0"].due <= at("2026-11-27T00:00:00Z"));
    }

    #[test]
    fn streak_counts_days_in_a_row() {
        let mut schedule = Schedule::default();
        for day in ["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-18"] {
            schedule.grade(day, Grade::Good, 10, at(&format!("{day}T10:00:00Z")), None);
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(schedule.streak(today), 3);
        // Today not practised yet: the streak up to yesterday still counts.
        assert_eq!(schedule.streak(today + Duration::days(1)), 3);
        assert_eq!(schedule.streak(today + Duration::days(2)), 0);
    }

    #[test]
    fn recall_is_high_right_after_a_good_answer_and_falls_with_time() {
        let mut schedule = Schedule::default();
        let now = at("2026-11-01T09:00:00Z");
        schedule.grade("q", Grade::Good, 10, now, None);
        let record = &schedule.questions["q"];
        let soon = record.recall(now + Duration::days(1));
        let late = record.recall(now + Duration::days(60));
        assert!(soon > late && soon > 0.5, "{soon} {late}");
    }

    #[test]
    fn merging_keeps_both_sides_work() {
        let now = at("2026-11-23T09:00:00Z");
        let mut theirs = Schedule::default();
        theirs.grade("a", Grade::Good, 10, now, None);
        let mut mine = Schedule::default();
        mine.grade("b", Grade::Hard, 10, now, None);
        let merged = mine.merged_over(&theirs, &BTreeSet::from(["b".to_string()]));
        assert_eq!(merged.questions.len(), 2);
        assert_eq!(merged.questions["b"].history[0].grade, Grade::Hard);
    }
}
