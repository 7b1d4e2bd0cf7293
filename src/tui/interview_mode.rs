//! The interview under way: the live view (the current question, its checklist, quick notes and
//! timers), editing the plan, and the ratings anchored to the behaviors of each level. Its state
//! and what each key does to it live here; time comes in as a value, and what the rest of the app
//! must do (write the scorecard, say something) goes out as a [`Reply`].

use chrono::{DateTime, Utc};

use super::action::Action;
use super::motion::{clamp_scroll, scrolled};
use super::status::Status;
use crate::interview::{InterviewSession, Recommendation};
use crate::store::{Saved, StoreError, Target};

/// The interview under way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interview {
    pub session: InterviewSession,
    /// Where the session is saved, and the version last written; `None` before its first save.
    pub target: Option<Target>,
    /// Changed since last saved.
    pub dirty: bool,
    /// Index into the plan of the question being asked.
    pub current: usize,
    /// The live view is on screen (else the browser is, the interview going on).
    pub live: bool,
    /// Since when time has not yet been counted to the current question.
    pub counted_to: DateTime<Utc>,
    /// The live view's scroll position.
    pub scroll: usize,
    /// A line being typed: a note, an evidence or the summary.
    pub input: Option<Input>,
    /// The ratings view, at this rating, when open.
    pub rating: Option<usize>,
    /// Lines the ratings view's scale is scrolled from its chosen (or target) level.
    pub rating_offset: i32,
}

/// What a line being typed is for. `Debug` leaves the text out: it is about a candidate.
#[derive(Clone, PartialEq, Eq)]
pub enum Input {
    Note(String),
    Evidence(usize, String),
    Summary(String),
}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Input({})", self.label())
    }
}

impl Input {
    pub fn text(&self) -> &str {
        match self {
            Input::Note(t) | Input::Evidence(_, t) | Input::Summary(t) => t,
        }
    }

    fn text_mut(&mut self) -> &mut String {
        match self {
            Input::Note(t) | Input::Evidence(_, t) | Input::Summary(t) => t,
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Input::Note(_) => "note",
            Input::Evidence(..) => "evidence",
            Input::Summary(_) => "summary",
        }
    }
}

/// What the rest of the app must do after a key in the interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Nothing,
    /// Show this in the footer.
    Say(Option<Status>),
    /// Write the scorecard.
    Export,
}

/// What the keys of the interview need to know of the screen and the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// Rows of the live view's text, and how many lines that text has now.
    pub height: usize,
    pub len: usize,
    /// The number of levels of the scale of the competency being rated.
    pub levels: usize,
}

/// Lines the ratings view's scale may be scrolled from its chosen level: room to reach either end.
const RATING_OFFSET_LIMIT: i32 = 500;

impl Interview {
    /// The live view of `session`: a new one, or one read back from `target`, which goes on from
    /// its first question not asked yet.
    pub fn new(session: InterviewSession, target: Option<Target>, now: DateTime<Utc>) -> Interview {
        let current = session
            .questions
            .iter()
            .position(|q| !q.asked())
            .unwrap_or(0);
        Interview {
            dirty: target.is_none(),
            session,
            target,
            current,
            live: true,
            counted_to: now,
            scroll: 0,
            input: None,
            rating: None,
            rating_offset: 0,
        }
    }

    /// Counts the time since the last count to the current question.
    pub fn count_time(&mut self, now: DateTime<Utc>) {
        let seconds = u64::try_from((now - self.counted_to).num_seconds()).unwrap_or(0);
        if seconds > 0 {
            self.session.spend(self.current, seconds, now);
            self.counted_to += chrono::Duration::seconds(seconds as i64);
            self.dirty = true;
        }
    }

    /// Seconds on the current question and in the whole interview, as the clock reads now.
    pub fn clocks(&self, now: DateTime<Utc>) -> (u64, u64) {
        let pending = u64::try_from((now - self.counted_to).num_seconds()).unwrap_or(0);
        let on_question = self
            .session
            .questions
            .get(self.current)
            .map_or(0, |q| q.seconds);
        (on_question + pending, self.session.elapsed + pending)
    }

    /// Whether the question is in the plan.
    pub fn is_planned(&self, question_id: &str) -> bool {
        self.session.questions.iter().any(|q| q.id == question_id)
    }

    /// A key in the live view, the ratings or the line being typed.
    pub fn act(&mut self, action: Action, now: DateTime<Utc>, view: View) -> Reply {
        self.count_time(now);
        if self.input.is_some() {
            self.typing(action)
        } else if self.rating.is_some() {
            self.rate(action, view.levels);
            Reply::Nothing
        } else {
            self.live_key(action, view)
        }
    }

    /// Keeps the line being typed as if Enter was pressed: on quitting, nothing typed is dropped.
    pub fn keep_typed_line(&mut self) -> Reply {
        if self
            .input
            .as_ref()
            .is_some_and(|i| !i.text().trim().is_empty())
        {
            return self.typing(Action::Open);
        }
        Reply::Nothing
    }

    fn typing(&mut self, action: Action) -> Reply {
        let Some(input) = self.input.as_mut() else {
            return Reply::Nothing;
        };
        match action {
            Action::Type(c) => input.text_mut().push(c),
            Action::Backspace => {
                input.text_mut().pop();
            }
            Action::ClearLine => input.text_mut().clear(),
            Action::Back => self.input = None,
            Action::Open => {
                let session = &mut self.session;
                self.dirty = true;
                match self.input.take() {
                    Some(Input::Note(text)) => {
                        session.note(self.current, &text);
                        let minute = session.elapsed / 60;
                        return Reply::Say(Status::info(format!("Noted at minute {minute}.")));
                    }
                    Some(Input::Evidence(i, text)) => {
                        if let Some(rating) = session.ratings.get_mut(i) {
                            rating.evidence = text.trim().to_string();
                        }
                    }
                    Some(Input::Summary(text)) => session.summary = text.trim().to_string(),
                    None => {}
                }
            }
            _ => {}
        }
        Reply::Nothing
    }

    fn live_key(&mut self, action: Action, view: View) -> Reply {
        let len = self.session.questions.len();
        match action {
            Action::Back => self.live = false,
            Action::NextQuestion => {
                self.current = (self.current + 1).min(len.saturating_sub(1));
                self.scroll = 0;
            }
            Action::PrevQuestion => {
                self.current = self.current.saturating_sub(1);
                self.scroll = 0;
            }
            Action::MoveEarlier | Action::MoveLater => {
                let up = action == Action::MoveEarlier;
                self.current = self.session.move_question(self.current, up);
                self.dirty = true;
            }
            Action::TickKeyPoint(n) => self.tick(usize::from(n), false),
            Action::TickFollowUp(n) => self.tick(usize::from(n), true),
            Action::OpenNote => self.input = Some(Input::Note(String::new())),
            Action::Rate => {
                self.rating = Some(0);
                self.rating_offset = 0;
            }
            Action::Export => return Reply::Export,
            movement => self.scroll = scrolled(self.scroll, movement, view.height, view.len),
        }
        Reply::Nothing
    }

    /// Keeps the live view's scroll within its text of `len` lines shown `height` at a time.
    pub fn clamp_scroll(&mut self, len: usize, height: usize) {
        self.scroll = clamp_scroll(self.scroll, len, height);
    }

    /// Ticks item `n` (1-based) of the current question's key points or follow-ups, if it has one.
    fn tick(&mut self, n: usize, follow_up: bool) {
        let Some(item) = n.checked_sub(1) else {
            return;
        };
        self.session.tick(self.current, item, follow_up);
        self.dirty = true;
    }

    fn rate(&mut self, action: Action, levels: usize) {
        let Some(selected) = self.rating else {
            return;
        };
        let count = self.session.ratings.len();
        match action {
            Action::Back | Action::Rate => {
                self.rating = None;
                self.rating_offset = 0;
            }
            Action::Down => {
                self.rating = Some((selected + 1).min(count.saturating_sub(1)));
                self.rating_offset = 0;
            }
            Action::Up => {
                self.rating = Some(selected.saturating_sub(1));
                self.rating_offset = 0;
            }
            // The view stops at the ends; the offset only needs room to get there.
            Action::PageDown => {
                self.rating_offset = (self.rating_offset + PAGE).min(RATING_OFFSET_LIMIT)
            }
            Action::PageUp => {
                self.rating_offset = (self.rating_offset - PAGE).max(-RATING_OFFSET_LIMIT)
            }
            Action::SelectLevel(level) if (1..=levels).contains(&usize::from(level)) => {
                if let Some(rating) = self.session.ratings.get_mut(selected) {
                    rating.level = Some(usize::from(level));
                    self.rating_offset = 0;
                    self.dirty = true;
                }
            }
            Action::OpenNote => {
                let evidence = self
                    .session
                    .ratings
                    .get(selected)
                    .map_or_else(String::new, |r| r.evidence.clone());
                self.input = Some(Input::Evidence(selected, evidence));
            }
            Action::Summary => {
                self.input = Some(Input::Summary(self.session.summary.clone()));
            }
            Action::Recommend => {
                let all = Recommendation::ALL;
                self.session.recommendation = match self.session.recommendation {
                    None => Some(all[0]),
                    Some(r) => all
                        .iter()
                        .position(|x| *x == r)
                        .and_then(|i| all.get(i + 1).copied()),
                };
                self.dirty = true;
            }
            _ => {}
        }
    }

    /// Space on a question in the browser: it joins the plan, or leaves it when not asked yet.
    /// Returns what to tell the user.
    pub fn toggle_planned(&mut self, question_id: &str) -> String {
        let before = self.session.questions.len();
        self.session.toggle_question(question_id);
        let after = self.session.questions.len();
        self.current = self.current.min(after.saturating_sub(1));
        self.dirty = true;
        match after.cmp(&before) {
            std::cmp::Ordering::Greater => format!("Added to the plan: {after} questions."),
            std::cmp::Ordering::Less => format!("Taken out of the plan: {after} questions."),
            std::cmp::Ordering::Equal => "Already asked: it stays in the plan.".to_string(),
        }
    }

    /// A question found by search during the live view: it joins the plan (when not in it) and
    /// becomes the current one.
    pub fn ask(&mut self, question_id: &str) {
        self.session.add_question(question_id);
        self.current = self
            .session
            .questions
            .iter()
            .position(|q| q.id == question_id)
            .unwrap_or(self.current);
        self.scroll = 0;
        self.dirty = true;
    }

    /// A save of the session finished; returns what to tell the user.
    pub fn saved(&mut self, result: Result<Saved, StoreError>) -> Option<Status> {
        match result {
            Ok(Saved::Written(target)) => {
                self.target = Some(target);
                self.dirty = false;
                None
            }
            Ok(Saved::Conflict(target)) => {
                let name = target
                    .path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.target = Some(target);
                self.dirty = false;
                Status::error(format!(
                    "The session changed on disk; both kept: this one is in {}",
                    crate::text::inert(&name)
                ))
            }
            Err(e) => Status::error(format!(
                "Session not saved, kept in memory and retrying: {e}"
            )),
        }
    }
}

/// Lines a page key scrolls the ratings' scale.
const PAGE: i32 = 10;
