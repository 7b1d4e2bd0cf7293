//! When each question comes back: FSRS scheduling (the `rs-fsrs` crate) of self-graded answers,
//! the rehearsal queue (due questions first, then new ones), and the figures of the progress view.
//! Keyed by the stable question ids, so rewording a question keeps its history. The clock is
//! always passed in.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, SubsecRound as _, Utc};
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

/// The day a rehearsal happens on, in the user's time zone: the time now, when today starts
/// and ends, and the interview date if one is set. The clock is passed in, never read here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub now: DateTime<Utc>,
    /// Today's date where the user is.
    pub today: NaiveDate,
    /// When today started and when it ends, where the user is.
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The interview date.
    pub until: Option<NaiveDate>,
    /// The user's offset from UTC, to say times of day.
    pub offset: FixedOffset,
}

impl Day {
    /// The day of `now` at a fixed offset from UTC (tests use zero; the app the local one).
    pub fn at(now: DateTime<Utc>, offset: FixedOffset, until: Option<NaiveDate>) -> Day {
        let today = now.with_timezone(&offset).date_naive();
        let start_of_local = |date: NaiveDate| {
            date.and_time(NaiveTime::MIN)
                .and_local_timezone(offset)
                .single()
                .map_or(now, |t| t.with_timezone(&Utc))
        };
        Day {
            now,
            today,
            start: start_of_local(today),
            end: today
                .succ_opt()
                .map_or(DateTime::<Utc>::MAX_UTC, start_of_local),
            until,
            offset,
        }
    }

    /// The day of `now` where the user is.
    pub fn local(now: DateTime<Utc>, until: Option<NaiveDate>) -> Day {
        let offset = *chrono::Local::now().offset();
        Day::at(now, offset, until)
    }

    /// Whole days from today to the interview (0 on its day), when one is set.
    pub fn days_left(&self) -> Option<i64> {
        self.until.map(|u| (u - self.today).num_days())
    }
}

/// How far ahead an interview date may be: a year.
pub const HORIZON_DAYS: i64 = 366;

/// An interview date as the user types it (`YYYY-MM-DD`), from `today` to [`HORIZON_DAYS`]
/// ahead; a message saying what is accepted otherwise. The command line and the app say the same.
pub fn interview_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let latest = today + Duration::days(HORIZON_DAYS);
    let text = text.trim();
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) if date < today => Err(format!(
            "{date} is in the past: give the interview date as YYYY-MM-DD, from today ({today}) to {latest}"
        )),
        Ok(date) if date > latest => Err(format!(
            "{date} is more than a year ahead: give the interview date as YYYY-MM-DD, from today ({today}) to {latest}"
        )),
        Ok(date) => Ok(date),
        Err(_) => Err(format!(
            "expected the interview date as YYYY-MM-DD (e.g. {}), from today to {latest}",
            today + Duration::days(4)
        )),
    }
}

/// `4 days to the interview` (`tomorrow`, `today`), when one is set and not past.
pub fn countdown(day: &Day) -> Option<String> {
    match day.days_left()? {
        ..0 => None,
        0 => Some("the interview is today".to_string()),
        1 => Some("the interview is tomorrow".to_string()),
        n => Some(format!("{n} days to the interview")),
    }
}

impl Today {
    /// `12 due · 5 new · 2 more due at 15:40`: the same words in every view that counts them.
    pub fn describe(&self, day: &Day) -> String {
        let mut parts = Vec::new();
        if self.due == 0 && self.new == 0 {
            parts.push("nothing due now".to_string());
        } else {
            parts.push(format!("{} due", self.due));
            parts.push(format!("{} new", self.new));
        }
        if let Some(at) = self.next_later {
            let at = at.with_timezone(&day.offset).format("%H:%M");
            parts.push(if self.later == 1 {
                format!("1 more due at {at}")
            } else {
                format!("{} more due from {at}", self.later)
            });
        }
        parts.join(" · ")
    }

    /// How many cards a rehearsal of this scope would hold now.
    pub fn cards(&self) -> usize {
        self.due + self.new
    }
}

/// Today's work over a scope: what every view that counts it shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Today {
    /// Reviews due now.
    pub due: usize,
    /// Reviews that fall due later today, and when the first of them does.
    pub later: usize,
    pub next_later: Option<DateTime<Utc>>,
    /// New questions still to meet today.
    pub new: usize,
}

impl Schedule {
    /// The card a question would have after `grade` at `now`. With an interview date (`until`),
    /// a review that would fall after it is brought forward to the day before, so that everything
    /// is seen again before the interview.
    fn next_card(
        &self,
        question_id: &str,
        grade: Grade,
        now: DateTime<Utc>,
        until: Option<NaiveDate>,
    ) -> Card {
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
        next
    }

    /// How long each grade (Again, Hard, Good, Easy) would put the question away for, graded
    /// at `now`: what the grade keys show.
    pub fn intervals(
        &self,
        question_id: &str,
        now: DateTime<Utc>,
        until: Option<NaiveDate>,
    ) -> [Duration; 4] {
        let now = now.trunc_subsecs(0);
        Grade::ALL.map(|grade| self.next_card(question_id, grade, now, until).due - now)
    }

    /// Records a graded answer and schedules the question's next review (see `next_card` for
    /// the interview date). Returns the question's record as it was before, for an undo.
    pub fn grade(
        &mut self,
        question_id: &str,
        grade: Grade,
        seconds: u64,
        now: DateTime<Utc>,
        until: Option<NaiveDate>,
    ) -> Option<QuestionRecord> {
        // Whole seconds: the file is for people to read too.
        let now = now.trunc_subsecs(0);
        let next = self.next_card(question_id, grade, now, until);
        let before = self.questions.get(question_id).cloned();
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
        before
    }

    /// Takes a grade back: the question's record becomes `before` again (none: never graded).
    pub fn ungrade(&mut self, question_id: &str, before: Option<QuestionRecord>) {
        match before {
            Some(record) => {
                self.questions.insert(question_id.to_string(), record);
            }
            None => {
                self.questions.remove(question_id);
            }
        }
    }

    pub fn is_due(&self, question_id: &str, now: DateTime<Utc>) -> bool {
        self.questions
            .get(question_id)
            .is_some_and(|r| r.due <= now)
    }

    /// The rehearsal queue over `scope` (question ids in the order to meet new ones): due
    /// questions first, the most overdue first, then today's share of the questions never
    /// rehearsed (see [`Schedule::new_today`]).
    pub fn queue(&self, scope: &[String], day: &Day) -> Vec<String> {
        let mut due: Vec<&String> = scope.iter().filter(|id| self.is_due(id, day.now)).collect();
        due.sort_by_key(|id| (self.questions[id.as_str()].due, *id));
        let share = self.new_today(scope, day);
        let new = scope
            .iter()
            .filter(|id| !self.questions.contains_key(id.as_str()))
            .take(share);
        due.into_iter().chain(new).cloned().collect()
    }

    /// How many questions of `scope` never rehearsed are still to meet today. Without an
    /// interview date, all of them; with one, a daily quota: the questions that were new this
    /// morning, shared evenly over the days left before the interview, less those met today
    /// already (a second rehearsal the same day gets no fresh share).
    pub fn new_today(&self, scope: &[String], day: &Day) -> usize {
        let mut new = 0;
        let mut met_today = 0;
        for id in scope {
            match self.questions.get(id.as_str()) {
                None => new += 1,
                Some(record) => {
                    if record.history.first().is_some_and(|h| h.at >= day.start) {
                        met_today += 1;
                    }
                }
            }
        }
        let Some(until) = day.until else {
            return new;
        };
        let days_left = (until - day.today).num_days().max(1) as usize;
        let share = (new + met_today).div_ceil(days_left);
        share.saturating_sub(met_today).min(new)
    }

    /// Today's work over `scope`: reviews due now, those due later today, and new questions.
    pub fn today(&self, scope: &[String], day: &Day) -> Today {
        let mut today = Today {
            new: self.new_today(scope, day),
            ..Today::default()
        };
        for record in scope
            .iter()
            .filter_map(|id| self.questions.get(id.as_str()))
        {
            if record.due <= day.now {
                today.due += 1;
            } else if record.due < day.end {
                today.later += 1;
                today.next_later = Some(today.next_later.map_or(record.due, |t| t.min(record.due)));
            }
        }
        today
    }

    /// When the next review of `scope` falls after now, if any is scheduled.
    pub fn next_due(&self, scope: &[String], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        scope
            .iter()
            .filter_map(|id| self.questions.get(id.as_str()))
            .map(|r| r.due)
            .filter(|due| *due > now)
            .min()
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
    /// A question in `mine` that this schedule no longer has (a grade taken back) is removed.
    pub fn merged_over(&self, other: &Schedule, mine: &BTreeSet<String>) -> Schedule {
        let mut merged = other.clone();
        for id in mine {
            match self.questions.get(id) {
                Some(record) => {
                    merged.questions.insert(id.clone(), record.clone());
                }
                None => {
                    merged.questions.remove(id);
                }
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

    fn day(now: DateTime<Utc>, until: Option<NaiveDate>) -> Day {
        Day::at(now, FixedOffset::east_opt(0).unwrap(), until)
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
        let queue = schedule.queue(&scope, &day(now, None));
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
        assert_eq!(schedule.queue(&scope, &day(now, until)).len(), 2);
        assert_eq!(schedule.queue(&scope, &day(now, None)).len(), 10);
        // The day before the interview (or after it): everything at once.
        let last = at("2026-11-27T09:00:00Z");
        assert_eq!(schedule.queue(&scope, &day(last, until)).len(), 10);
        let mut schedule = Schedule::default();
        schedule.grade("q0", Grade::Easy, 30, now, until);
        assert!(schedule.questions["q0"].due <= at("2026-11-27T00:00:00Z"));
    }

    #[test]
    fn the_daily_quota_is_not_renewed_by_a_second_rehearsal_the_same_day() {
        let mut schedule = Schedule::default();
        let scope: Vec<String> = (0..12).map(|i| format!("q{i}")).collect();
        let until = NaiveDate::from_ymd_opt(2026, 11, 27);
        let morning = at("2026-11-23T08:00:00Z");
        // Four days left, twelve new: three a day.
        let first = schedule.queue(&scope, &day(morning, until));
        assert_eq!(first, ["q0", "q1", "q2"]);
        for id in &first {
            schedule.grade(id, Grade::Easy, 30, morning, until);
        }
        // The same evening: nothing new, and the Easy ones are not due.
        let evening = at("2026-11-23T20:00:00Z");
        assert!(schedule.queue(&scope, &day(evening, until)).is_empty());
        assert_eq!(schedule.today(&scope, &day(evening, until)).new, 0);
        // Half of the share met, then a second rehearsal: the other half only.
        let mut half = Schedule::default();
        half.grade("q0", Grade::Easy, 30, morning, until);
        assert_eq!(half.new_today(&scope, &day(evening, until)), 2);
        // The next morning: nine left over three days, three again.
        let tomorrow = at("2026-11-24T08:00:00Z");
        let second = schedule.queue(&scope, &day(tomorrow, until));
        assert_eq!(second, ["q3", "q4", "q5"]);
    }

    #[test]
    fn today_counts_due_now_later_today_and_new_in_the_users_time_zone() {
        let mut schedule = Schedule::default();
        let start = at("2026-11-23T09:00:00Z");
        schedule.grade("a", Grade::Again, 30, start, None);
        schedule.grade("b", Grade::Easy, 30, start, None);
        let scope = ids(&["a", "b", "c"]);
        let soon = start + Duration::seconds(30);
        let today = schedule.today(&scope, &day(soon, None));
        assert_eq!((today.due, today.later, today.new), (0, 1, 1));
        assert_eq!(today.next_later, Some(schedule.questions["a"].due));
        let later = start + Duration::hours(1);
        let today = schedule.today(&scope, &day(later, None));
        assert_eq!((today.due, today.later, today.new), (1, 0, 1));
        // The queue agrees with the counts.
        assert_eq!(schedule.queue(&scope, &day(later, None)), ["a", "c"]);
        // Where the day ends depends on where the user is: 23:30 in UTC-8 is still the 23rd.
        let west = FixedOffset::west_opt(8 * 3600).unwrap();
        let evening = Day::at(at("2026-11-24T07:30:00Z"), west, None);
        assert_eq!(
            evening.today,
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        assert_eq!(evening.end, at("2026-11-24T08:00:00Z"));
    }

    #[test]
    fn an_interview_date_is_a_day_from_today_to_a_year_ahead() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            interview_date(" 2026-11-27 ", today),
            NaiveDate::from_ymd_opt(2026, 11, 27).ok_or(String::new())
        );
        assert_eq!(interview_date("2026-11-23", today), Ok(today));
        let past = interview_date("2026-11-22", today).unwrap_err();
        assert!(past.contains("past"), "{past}");
        let far = interview_date("2028-01-01", today).unwrap_err();
        assert!(far.contains("year ahead"), "{far}");
        for bad in ["27/11/2026", "friday", "2026-13-01", ""] {
            let error = interview_date(bad, today).unwrap_err();
            assert!(error.contains("YYYY-MM-DD"), "{bad}: {error}");
        }
    }

    #[test]
    fn the_countdown_and_the_day_read_the_same_everywhere() {
        let until = NaiveDate::from_ymd_opt(2026, 11, 27);
        let now = at("2026-11-23T09:00:00Z");
        assert_eq!(
            countdown(&day(now, until)).unwrap(),
            "4 days to the interview"
        );
        let eve = at("2026-11-26T09:00:00Z");
        assert_eq!(
            countdown(&day(eve, until)).unwrap(),
            "the interview is tomorrow"
        );
        assert_eq!(countdown(&day(eve, None)), None);
        assert_eq!(countdown(&day(at("2026-11-28T09:00:00Z"), until)), None);
        let today = Today {
            due: 12,
            later: 2,
            next_later: Some(at("2026-11-23T15:40:00Z")),
            new: 5,
        };
        assert_eq!(
            today.describe(&day(now, until)),
            "12 due · 5 new · 2 more due from 15:40"
        );
        assert_eq!(
            Today::default().describe(&day(now, None)),
            "nothing due now"
        );
    }

    #[test]
    fn intervals_preview_each_grade_and_an_undo_restores_the_record() {
        let mut schedule = Schedule::default();
        let now = at("2026-11-23T09:00:00Z");
        let [again, hard, good, easy] = schedule.intervals("q", now, None);
        assert!(
            again < hard && hard <= good && good < easy,
            "{again} {hard} {good} {easy}"
        );
        schedule.grade("q", Grade::Good, 30, now, None);
        assert_eq!(schedule.questions["q"].due - now, good);
        // Capped by the interview date like the grade itself.
        let until = NaiveDate::from_ymd_opt(2026, 11, 26);
        let later = now + Duration::hours(12);
        let capped = schedule.intervals("q", later, until);
        assert!(
            capped
                .iter()
                .all(|d| later + *d <= at("2026-11-25T00:00:00Z"))
        );
        assert!(schedule.intervals("q", later, None)[3] > capped[3]);
        let before = schedule.grade("q", Grade::Easy, 30, later, until);
        assert_eq!(schedule.questions["q"].history.len(), 2);
        schedule.ungrade("q", before);
        assert_eq!(schedule.questions["q"].history.len(), 1);
        let first = schedule.grade("new", Grade::Again, 30, now, None);
        assert!(first.is_none());
        schedule.ungrade("new", first);
        assert!(!schedule.questions.contains_key("new"));
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
        // A grade taken back here is taken back in the merge too.
        let mut undone = merged.clone();
        undone.questions.remove("b");
        let merged = undone.merged_over(&merged, &BTreeSet::from(["b".to_string()]));
        assert!(!merged.questions.contains_key("b"));
    }
}
