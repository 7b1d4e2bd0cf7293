//! Interviewer mode's part of `update`: setting a session up (`i`), the live view (the current
//! question, its checklist, anchors, quick notes and timers), editing the plan from the browser and
//! search, ratings anchored to the behaviors of each level, and the scorecard. Time comes from
//! `app.now`; files are written by the loop (`Effect::SaveSession`, `Effect::ExportScorecard`).

use chrono::{DateTime, Utc};

use super::action::Action;
use super::app::{App, Status};
use super::effect::Effect;
use crate::interview::{InterviewSession, Recommendation, SessionPlan};
use crate::store::Target;

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

/// The set-up form opened by `i`: the candidate, the role and the time budget; the competency and
/// level are the browser's selection. `Debug` shows only which field is being typed in.
#[derive(Clone, PartialEq, Eq)]
pub struct Setup {
    pub candidate: String,
    pub role: String,
    pub minutes: String,
    /// The field being typed in: 0 candidate, 1 role, 2 minutes.
    pub field: usize,
}

impl std::fmt::Debug for Setup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Setup")
            .field("field", &self.field)
            .finish_non_exhaustive()
    }
}

impl Setup {
    pub const FIELDS: [&'static str; 3] = ["Candidate", "Role", "Minutes"];

    pub fn value(&self, field: usize) -> &str {
        match field {
            0 => &self.candidate,
            1 => &self.role,
            _ => &self.minutes,
        }
    }

    fn value_mut(&mut self) -> &mut String {
        match self.field {
            0 => &mut self.candidate,
            1 => &mut self.role,
            _ => &mut self.minutes,
        }
    }
}

/// Starts the live view of `session` (a new one, or one read back from `target`).
pub fn begin(app: &mut App, session: InterviewSession, target: Option<Target>) {
    app.rehearsal = None;
    app.progress = None;
    // A session read back goes on from its first question not asked yet.
    let current = session
        .questions
        .iter()
        .position(|q| !q.asked())
        .unwrap_or(0);
    app.interview = Some(Interview {
        dirty: target.is_none(),
        session,
        target,
        current,
        live: true,
        counted_to: app.now,
        scroll: 0,
        input: None,
        rating: None,
        rating_offset: 0,
    });
    save(app);
}

/// `i` in the browser: back to the live view of the interview under way, or the set-up form.
pub fn open(app: &mut App) {
    match app.interview.as_mut() {
        Some(interview) => interview.live = true,
        None => {
            app.setup = Some(Setup {
                candidate: String::new(),
                role: String::new(),
                minutes: "45".to_string(),
                field: 0,
            });
        }
    }
}

/// Keys in the set-up form.
pub fn setup(app: &mut App, action: Action) {
    let Some(form) = app.setup.as_mut() else {
        return;
    };
    match action {
        Action::Back => app.setup = None,
        Action::FocusNext => form.field = (form.field + 1) % Setup::FIELDS.len(),
        Action::FocusPrev => {
            form.field = (form.field + Setup::FIELDS.len() - 1) % Setup::FIELDS.len()
        }
        Action::SearchType(c) => form.value_mut().push(c),
        Action::SearchBackspace => {
            form.value_mut().pop();
        }
        Action::Open => create(app),
        _ => {}
    }
}

/// Enter in the set-up form: a session on the selected competency at the selected level.
fn create(app: &mut App) {
    let Some(form) = app.setup.clone() else {
        return;
    };
    let Some((_, competency)) = app.current() else {
        return;
    };
    let Ok(minutes) = form.minutes.trim().parse::<u64>() else {
        app.status = Status::error("Minutes must be a whole number.".to_string());
        return;
    };
    let plan = SessionPlan {
        candidate: form.candidate.clone(),
        role: form.role.clone(),
        level: app.level,
        competencies: vec![competency.id.clone()],
        minutes,
    };
    match InterviewSession::new(&app.library, &plan, app.now) {
        Ok(session) => {
            app.setup = None;
            begin(app, session, None);
        }
        Err(message) => {
            app.status = Status::error(format!("Cannot start the interview: {message}."));
        }
    }
}

/// Counts the time since the last count to the current question.
fn count_time(interview: &mut Interview, now: DateTime<Utc>) {
    let seconds = u64::try_from((now - interview.counted_to).num_seconds()).unwrap_or(0);
    if seconds > 0 {
        interview.session.spend(interview.current, seconds, now);
        interview.counted_to += chrono::Duration::seconds(seconds as i64);
        interview.dirty = true;
    }
}

/// Seconds on the current question and in the whole interview, as the clock reads now.
pub fn clocks(interview: &Interview, now: DateTime<Utc>) -> (u64, u64) {
    let pending = u64::try_from((now - interview.counted_to).num_seconds()).unwrap_or(0);
    let on_question = interview
        .session
        .questions
        .get(interview.current)
        .map_or(0, |q| q.seconds);
    (on_question + pending, interview.session.elapsed + pending)
}

/// Counts the interview's time up to now (the session is then changed, to be saved).
pub fn count_elapsed(app: &mut App) {
    let now = app.now;
    if let Some(interview) = app.interview.as_mut() {
        count_time(interview, now);
    }
}

/// Asks for a save when something changed, counting the time so far first.
pub fn save(app: &mut App) {
    count_elapsed(app);
    if app.interview.as_ref().is_some_and(|i| i.dirty) {
        app.effects.push(Effect::SaveSession);
    }
}

/// Keys in the live view and the ratings view.
pub fn update(app: &mut App, action: Action) {
    let now = app.now;
    let Some(interview) = app.interview.as_mut() else {
        return;
    };
    count_time(interview, now);
    if interview.input.is_some() {
        typing(interview, action, &mut app.status);
    } else if let Some(selected) = interview.rating {
        // The scale of the competency being rated: levels beyond it are refused.
        let levels = interview
            .session
            .ratings
            .get(selected)
            .and_then(|r| r.competency.split_once('/'))
            .and_then(|(f, _)| app.library.framework(f))
            .map_or(0, |f| f.levels.len());
        rating(interview, action, levels);
    } else {
        live(app, action);
    }
    save(app);
}

/// Keeps the line being typed as if Enter was pressed: on quitting, nothing typed is dropped.
pub fn keep_typed_line(app: &mut App) {
    if let Some(interview) = app.interview.as_mut()
        && interview
            .input
            .as_ref()
            .is_some_and(|i| !i.text().trim().is_empty())
    {
        typing(interview, Action::Open, &mut app.status);
    }
}

fn typing(interview: &mut Interview, action: Action, status: &mut Option<Status>) {
    let Some(input) = interview.input.as_mut() else {
        return;
    };
    match action {
        Action::SearchType(c) => input.text_mut().push(c),
        Action::SearchBackspace => {
            input.text_mut().pop();
        }
        Action::Back => interview.input = None,
        Action::Open => {
            let session = &mut interview.session;
            match interview.input.take() {
                Some(Input::Note(text)) => {
                    session.note(interview.current, &text);
                    *status = Status::info(format!("Noted at minute {}.", session.elapsed / 60));
                }
                Some(Input::Evidence(i, text)) => {
                    if let Some(rating) = session.ratings.get_mut(i) {
                        rating.evidence = text.trim().to_string();
                    }
                }
                Some(Input::Summary(text)) => session.summary = text.trim().to_string(),
                None => {}
            }
            interview.dirty = true;
        }
        _ => {}
    }
}

fn live(app: &mut App, action: Action) {
    let Some(interview) = app.interview.as_mut() else {
        return;
    };
    let len = interview.session.questions.len();
    match action {
        Action::Back => interview.live = false,
        Action::NextQuestion => {
            interview.current = (interview.current + 1).min(len.saturating_sub(1));
            interview.scroll = 0;
        }
        Action::PrevQuestion => {
            interview.current = interview.current.saturating_sub(1);
            interview.scroll = 0;
        }
        Action::MoveEarlier | Action::MoveLater => {
            let up = action == Action::MoveEarlier;
            interview.current = interview.session.move_question(interview.current, up);
            interview.dirty = true;
        }
        Action::TickKeyPoint(n) => tick(interview, usize::from(n), false),
        Action::TickFollowUp(n) => tick(interview, usize::from(n), true),
        Action::OpenNote => interview.input = Some(Input::Note(String::new())),
        Action::Rate => {
            interview.rating = Some(0);
            interview.rating_offset = 0;
        }
        Action::Export => app.effects.push(Effect::ExportScorecard),
        Action::OpenSearch => super::search_mode::open(app),
        Action::ToggleHelp => app.help = Some(0),
        Action::Up => interview.scroll = interview.scroll.saturating_sub(1),
        Action::Down => interview.scroll += 1,
        Action::PageDown => interview.scroll += PAGE,
        Action::PageUp => interview.scroll = interview.scroll.saturating_sub(PAGE),
        _ => {}
    }
}

/// Lines a page key scrolls (the view clamps what is past the end).
const PAGE: usize = 10;

/// Ticks item `n` (1-based) of the current question's key points or follow-ups, if it has one.
fn tick(interview: &mut Interview, n: usize, follow_up: bool) {
    let Some(item) = n.checked_sub(1) else {
        return;
    };
    interview.session.tick(interview.current, item, follow_up);
    interview.dirty = true;
}

fn rating(interview: &mut Interview, action: Action, levels: usize) {
    let Some(selected) = interview.rating else {
        return;
    };
    let count = interview.session.ratings.len();
    match action {
        Action::Back | Action::Rate => {
            interview.rating = None;
            interview.rating_offset = 0;
        }
        Action::Down => {
            interview.rating = Some((selected + 1).min(count.saturating_sub(1)));
            interview.rating_offset = 0;
        }
        Action::Up => {
            interview.rating = Some(selected.saturating_sub(1));
            interview.rating_offset = 0;
        }
        // The view stops at the ends; the offset only needs room to get there.
        Action::PageDown => {
            interview.rating_offset = (interview.rating_offset + PAGE as i32).min(500)
        }
        Action::PageUp => {
            interview.rating_offset = (interview.rating_offset - PAGE as i32).max(-500)
        }
        Action::SelectLevel(level) if (1..=levels).contains(&level) => {
            if let Some(rating) = interview.session.ratings.get_mut(selected) {
                rating.level = Some(level);
                interview.rating_offset = 0;
                interview.dirty = true;
            }
        }
        Action::OpenNote => {
            let evidence = interview
                .session
                .ratings
                .get(selected)
                .map_or_else(String::new, |r| r.evidence.clone());
            interview.input = Some(Input::Evidence(selected, evidence));
        }
        Action::Summary => {
            interview.input = Some(Input::Summary(interview.session.summary.clone()));
        }
        Action::Recommend => {
            let all = Recommendation::ALL;
            interview.session.recommendation = match interview.session.recommendation {
                None => Some(all[0]),
                Some(r) => all
                    .iter()
                    .position(|x| *x == r)
                    .and_then(|i| all.get(i + 1).copied()),
            };
            interview.dirty = true;
        }
        _ => {}
    }
}

/// Space in the questions pane while an interview is under way: the question joins the plan, or
/// leaves it when not asked yet.
pub fn toggle_planned(app: &mut App) {
    let Some(id) = app.current_question().map(|q| q.id.clone()) else {
        return;
    };
    if let Some(interview) = app.interview.as_mut() {
        let before = interview.session.questions.len();
        interview.session.toggle_question(&id);
        let after = interview.session.questions.len();
        interview.current = interview.current.min(after.saturating_sub(1));
        interview.dirty = true;
        app.effects.push(Effect::SaveSession);
        let text = match after.cmp(&before) {
            std::cmp::Ordering::Greater => format!("Added to the plan: {after} questions."),
            std::cmp::Ordering::Less => format!("Taken out of the plan: {after} questions."),
            std::cmp::Ordering::Equal => "Already asked: it stays in the plan.".to_string(),
        };
        app.status = Status::info(text);
    }
}

/// A search result picked during the live view: its question joins the plan (when not in it)
/// and becomes the current one. Returns false when the result is not a question.
pub fn ask_found(app: &mut App, question_id: &str) -> bool {
    let Some(interview) = app.interview.as_mut().filter(|i| i.live) else {
        return false;
    };
    interview.session.add_question(question_id);
    interview.current = interview
        .session
        .questions
        .iter()
        .position(|q| q.id == question_id)
        .unwrap_or(interview.current);
    interview.scroll = 0;
    interview.dirty = true;
    app.effects.push(Effect::SaveSession);
    true
}

/// A save of the session finished.
pub fn saved(app: &mut App, result: Result<crate::store::Saved, crate::store::StoreError>) {
    let Some(interview) = app.interview.as_mut() else {
        return;
    };
    match result {
        Ok(crate::store::Saved::Written(target)) => {
            interview.target = Some(target);
            interview.dirty = false;
        }
        Ok(crate::store::Saved::Conflict(target)) => {
            let name = target
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            interview.target = Some(target);
            interview.dirty = false;
            app.status = Status::error(format!(
                "The session changed on disk; both kept: this one is in {}",
                crate::text::inert(&name)
            ));
        }
        Err(e) => {
            app.status = Status::error(format!(
                "Session not saved, kept in memory and retrying: {e}"
            ));
        }
    }
}
