//! The interview under way: the live view (the current question, its checklist, quick notes and
//! timers), editing the plan, and the ratings anchored to the behaviors of each level. Its state
//! and what each key does to it live here; time comes in as a value, and what the rest of the app
//! must do (write the scorecard, say something) goes out as a [`Reply`].

use chrono::{DateTime, Utc};

use super::action::Action;
use super::motion::{clamp_scroll, scrolled};
use super::status::Status;
use crate::interview::{InterviewSession, NoteLine, Recommendation};
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
    /// The clock runs: Space starts it (a new or reopened interview waits for it) and pauses it.
    pub running: bool,
    /// The note line selected in the current question (Tab), to edit or delete.
    pub selected_note: Option<usize>,
    /// The last note line deleted, for undo: its question, its place and the line.
    pub deleted: Option<(usize, usize, NoteLine)>,
    /// `f` was pressed: the next letter ticks a follow-up.
    pub follow_up_pending: bool,
    /// `d` was pressed on a selected note line: a second `d` deletes it.
    pub delete_armed: bool,
    /// Ending the interview (or reopening an ended one) waits for a yes.
    pub confirm_end: bool,
    /// Submitting the scorecard to the panel waits for a yes.
    pub confirm_submit: bool,
    /// `o` was pressed once with no recommendation yet: the next `o` sets the first one.
    pub recommend_armed: bool,
    /// Its session was deleted elsewhere (`cuecard sessions delete`): nothing is saved any more.
    pub deleted_elsewhere: bool,
    /// Counts edits of a note line being typed; its text is kept as the question's draft, and
    /// `draft_dirty` says it is not saved yet (the autosave saves it after a pause, or each second).
    pub typed: u64,
    pub draft_dirty: bool,
}

/// What a line being typed is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A new quick note on the current question.
    Note,
    /// Note line N of the current question, edited.
    EditNote(usize),
    /// The evidence of rating N.
    Evidence(usize),
    Summary,
    /// The name of a kit to save the plan as.
    KitName,
}

/// A line being typed, with its cursor. `Debug` leaves the text out: it is about a candidate.
#[derive(Clone)]
pub struct Input {
    pub purpose: Purpose,
    pub line: tui_input::Input,
    /// The text the line started from (an evidence, the summary, a note line being edited).
    pub before: String,
    /// Esc was pressed once on a changed edit: a second Esc drops the edit.
    pub esc_armed: bool,
}

impl PartialEq for Input {
    fn eq(&self, other: &Input) -> bool {
        self.purpose == other.purpose
            && self.line.value() == other.line.value()
            && self.line.cursor() == other.line.cursor()
    }
}

impl Eq for Input {}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Input({})", self.label())
    }
}

impl Input {
    fn new(purpose: Purpose, text: &str) -> Input {
        Input {
            purpose,
            line: tui_input::Input::new(text.to_string()),
            before: text.to_string(),
            esc_armed: false,
        }
    }

    pub fn text(&self) -> &str {
        self.line.value()
    }

    pub fn label(&self) -> &'static str {
        match self.purpose {
            Purpose::Note => "note",
            Purpose::EditNote(_) => "edit note",
            Purpose::Evidence(_) => "evidence",
            Purpose::Summary => "summary",
            Purpose::KitName => "kit name",
        }
    }

    /// A key of the line editor; false when the key is not one.
    fn edit(&mut self, action: Action) -> bool {
        super::line::edit(&mut self.line, action)
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
    /// Submit the scorecard to the panel (confirmed).
    Submit,
    /// Show the panel's view of this candidate (their debrief).
    OpenPanel(String),
    /// Save the plan as a kit of this name.
    SaveKit(String),
}

/// What the keys of the interview need to know of the screen and the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct View {
    /// Rows of the live view's text, and how many lines that text has now.
    pub height: usize,
    pub len: usize,
    /// The number of levels of the scale of the competency being rated.
    pub levels: usize,
    /// The current question's key points and follow-ups.
    pub key_points: usize,
    pub follow_ups: usize,
    /// A team folder is set: `x` in the ratings submits to the panel.
    pub team: bool,
    /// The interviewer has a name (the session's, or the settings'), for the panel.
    pub named: bool,
}

/// Lines the ratings view's scale may be scrolled from its chosen level: room to reach either end.
const RATING_OFFSET_LIMIT: i32 = 500;

impl Interview {
    /// The live view of `session`: a new one, or one read back from `target`, which goes back to
    /// the question that was on screen (else its first question not asked yet). The clock waits
    /// for Space.
    pub fn new(session: InterviewSession, target: Option<Target>, now: DateTime<Utc>) -> Interview {
        let len = session.questions.len();
        let current = session
            .current
            .filter(|c| *c < len)
            .or_else(|| session.questions.iter().position(|q| !q.asked()))
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
            running: false,
            selected_note: None,
            deleted: None,
            follow_up_pending: false,
            delete_armed: false,
            confirm_end: false,
            confirm_submit: false,
            recommend_armed: false,
            deleted_elsewhere: false,
            typed: 0,
            draft_dirty: false,
        }
    }

    /// Whether the interview was ended.
    pub fn ended(&self) -> bool {
        self.session.ended.is_some()
    }

    /// Seconds the current question may take: what is left of the budget when it came up,
    /// shared by it and the questions not asked yet.
    pub fn question_share(&self, now: DateTime<Utc>) -> u64 {
        let (on_question, total) = self.clocks(now);
        let before = total.saturating_sub(on_question);
        let left = (self.session.minutes * 60).saturating_sub(before);
        let others = self
            .session
            .questions
            .iter()
            .enumerate()
            .filter(|(i, q)| *i != self.current && !q.asked())
            .count();
        left / (others as u64 + 1)
    }

    /// Counts the time since the last count to the current question, while the clock runs.
    pub fn count_time(&mut self, now: DateTime<Utc>) {
        if !self.running || self.ended() {
            self.counted_to = now;
            return;
        }
        let seconds = u64::try_from((now - self.counted_to).num_seconds()).unwrap_or(0);
        if seconds > 0 {
            self.session.spend(self.current, seconds, now);
            self.counted_to += chrono::Duration::seconds(seconds as i64);
            self.dirty = true;
        }
    }

    /// Seconds on the current question and in the whole interview, as the clock reads now.
    pub fn clocks(&self, now: DateTime<Utc>) -> (u64, u64) {
        let pending = if self.running && !self.ended() {
            u64::try_from((now - self.counted_to).num_seconds()).unwrap_or(0)
        } else {
            0
        };
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
        let reply = if self.confirm_submit {
            self.confirm_submission(action)
        } else if self.confirm_end {
            self.confirm(action, now)
        } else if self.input.is_some() {
            self.typing(action)
        } else if self.follow_up_pending {
            self.follow_up(action, view)
        } else if self.rating.is_some() {
            self.rate(action, view)
        } else {
            self.live_key(action, view)
        };
        if self.session.current != Some(self.current) {
            self.session.current = Some(self.current);
            self.dirty = true;
        }
        reply
    }

    /// On quitting, nothing typed is dropped: a quick note half typed is kept as the question's
    /// draft (as Esc keeps it: `n` reopens it, and no half-word reaches the notes); an evidence,
    /// the summary or a note line being edited is kept as if Enter was pressed. A kit's name is
    /// nothing to keep.
    pub fn keep_typed_line(&mut self) -> Reply {
        let Some(input) = self.input.as_ref() else {
            return Reply::Nothing;
        };
        match input.purpose {
            Purpose::KitName => {
                self.input = None;
                Reply::Nothing
            }
            _ if input.text().trim().is_empty() => Reply::Nothing,
            Purpose::Note => self.typing(Action::Back),
            _ => self.typing(Action::Open),
        }
    }

    fn confirm_submission(&mut self, action: Action) -> Reply {
        self.confirm_submit = false;
        match action {
            Action::Open => Reply::Submit,
            _ => Reply::Say(Status::info("Not submitted: x asks again.")),
        }
    }

    /// What the ratings view says when a change is asked of a submitted scorecard.
    fn locked(&self) -> Reply {
        let version = self.session.submitted.as_ref().map_or(1, |s| s.version);
        Reply::Say(Status::info(format!(
            "Submitted to the panel (version {version}): locked. u unlocks them to amend; x then submits the amendment, the first version kept."
        )))
    }

    fn confirm(&mut self, action: Action, now: DateTime<Utc>) -> Reply {
        match action {
            Action::Open if self.ended() => {
                self.confirm_end = false;
                self.session.ended = None;
                self.dirty = true;
                Reply::Say(Status::info("Interview reopened: Space resumes its clock."))
            }
            Action::Open => {
                self.confirm_end = false;
                self.session.ended = Some(now);
                self.running = false;
                self.dirty = true;
                let total = super::document::minutes_seconds(self.session.elapsed);
                Reply::Say(Status::info(format!(
                    "Interview ended at {total}: R rates, then x for the scorecard."
                )))
            }
            Action::Back => {
                self.confirm_end = false;
                Reply::Say(Status::info("The interview goes on."))
            }
            _ => Reply::Nothing,
        }
    }

    fn typing(&mut self, action: Action) -> Reply {
        let Some(input) = self.input.as_mut() else {
            return Reply::Nothing;
        };
        if action != Action::Back {
            input.esc_armed = false;
        }
        if input.edit(action) {
            // A note line is kept as its question's draft as it is typed, so that a crash or a
            // kill loses no more of it than of a note.
            if input.purpose == Purpose::Note
                && let Some(question) = self.session.questions.get_mut(self.current)
            {
                question.draft = input.line.value().trim().to_string();
                self.typed += 1;
                self.draft_dirty = true;
            }
            return Reply::Nothing;
        }
        match action {
            // Set aside: a quick note becomes the question's draft; any other line is kept as
            // typed, as Enter would. Nothing typed is thrown away by a key.
            Action::Back if input.purpose == Purpose::Note => {
                let text = input.text().trim().to_string();
                self.input = None;
                let question = self.session.questions.get_mut(self.current);
                let Some(question) = question else {
                    return Reply::Nothing;
                };
                if question.draft != text || self.draft_dirty {
                    question.draft = text.clone();
                    self.dirty = true;
                    self.draft_dirty = false;
                }
                if text.is_empty() {
                    Reply::Nothing
                } else {
                    Reply::Say(Status::info("Draft kept: n reopens it."))
                }
            }
            // An edit of something kept (evidence, summary, a note line): Esc asks before dropping
            // what was typed, and a second Esc puts the text back as it was.
            Action::Back if input.text() != input.before && !input.esc_armed => {
                input.esc_armed = true;
                Reply::Say(Status::info("Esc again drops this edit; Enter keeps it."))
            }
            Action::Back => {
                self.input = None;
                Reply::Say(Status::info("Edit dropped: the text is as it was."))
            }
            Action::Open => {
                let Some(input) = self.input.take() else {
                    return Reply::Nothing;
                };
                self.dirty = true;
                let text = input.text().to_string();
                let session = &mut self.session;
                match input.purpose {
                    Purpose::Note => {
                        session.note(self.current, &text);
                        if let Some(question) = session.questions.get_mut(self.current) {
                            question.draft.clear();
                        }
                        let minute = session.elapsed / 60;
                        Reply::Say(Status::info(format!("Noted at minute {minute}.")))
                    }
                    Purpose::EditNote(line) => {
                        session.edit_note(self.current, line, &text);
                        Reply::Say(Status::info("Note line changed."))
                    }
                    Purpose::Evidence(i) => {
                        if let Some(rating) = session.ratings.get_mut(i) {
                            rating.evidence = text.trim().to_string();
                        }
                        Reply::Say(Status::info("Evidence kept."))
                    }
                    Purpose::Summary => {
                        session.summary = text.trim().to_string();
                        Reply::Say(Status::info("Summary kept."))
                    }
                    Purpose::KitName if text.trim().is_empty() => {
                        Reply::Say(Status::info("No name: no kit saved."))
                    }
                    Purpose::KitName => Reply::SaveKit(text.trim().to_string()),
                }
            }
            _ => Reply::Nothing,
        }
    }

    fn follow_up(&mut self, action: Action, view: View) -> Reply {
        self.follow_up_pending = false;
        match action {
            Action::TickFollowUp(n) if usize::from(n) > view.follow_ups => {
                Reply::Say(Status::info(format!(
                    "This question has {} follow-up{}.",
                    view.follow_ups,
                    if view.follow_ups == 1 { "" } else { "s" }
                )))
            }
            Action::TickFollowUp(n) => {
                self.tick(usize::from(n), true);
                let letter = char::from(b'a' + n.saturating_sub(1));
                let ticked = self
                    .session
                    .questions
                    .get(self.current)
                    .is_some_and(|q| q.follow_ups.contains(&usize::from(n - 1)));
                let what = if ticked { "ticked" } else { "unticked" };
                Reply::Say(Status::info(format!("Follow-up {letter} {what}.")))
            }
            _ => Reply::Nothing,
        }
    }

    /// The current question's note lines.
    fn note_count(&self) -> usize {
        self.session
            .questions
            .get(self.current)
            .map_or(0, |q| q.notes.len())
    }

    fn live_key(&mut self, action: Action, view: View) -> Reply {
        let len = self.session.questions.len();
        let armed = std::mem::take(&mut self.delete_armed);
        match action {
            Action::Type(_) => {
                // Typing meant for a note: nothing selected stays selected for a stray e or d.
                self.selected_note = None;
                return Reply::Say(Status::info(
                    "Letters alone do nothing here: n writes a note, f then a letter ticks a follow-up.",
                ));
            }
            Action::Back if self.selected_note.is_some() => self.selected_note = None,
            Action::Back => self.live = false,
            Action::NextQuestion | Action::PrevQuestion => {
                self.current = if action == Action::NextQuestion {
                    (self.current + 1).min(len.saturating_sub(1))
                } else {
                    self.current.saturating_sub(1)
                };
                self.scroll = 0;
                self.selected_note = None;
            }
            Action::MoveEarlier | Action::MoveLater => {
                let up = action == Action::MoveEarlier;
                let before = self.current;
                self.current = self.session.move_question(self.current, up);
                self.dirty = true;
                let text = if before == self.current {
                    format!("Already {} in the plan.", if up { "first" } else { "last" })
                } else {
                    format!("Moved to {} of {len} in the plan.", self.current + 1)
                };
                return Reply::Say(Status::info(text));
            }
            Action::TickKeyPoint(_) | Action::FollowUps
                if self.session.is_mock() && self.session.ended.is_none() =>
            {
                return Reply::Say(Status::info(
                    "The key points stay hidden while you answer: E ends the mock interview and \
                     shows them.",
                ));
            }
            Action::TickKeyPoint(n) if usize::from(n) > view.key_points => {
                return Reply::Say(Status::info(format!(
                    "This question has {} key point{}.",
                    view.key_points,
                    if view.key_points == 1 { "" } else { "s" }
                )));
            }
            Action::TickKeyPoint(n) => self.tick(usize::from(n), false),
            Action::FollowUps if view.follow_ups == 0 => {
                return Reply::Say(Status::info("This question has no follow-ups."));
            }
            Action::FollowUps => self.follow_up_pending = true,
            Action::OpenNote => {
                let draft = self
                    .session
                    .questions
                    .get(self.current)
                    .map_or("", |q| q.draft.as_str());
                self.input = Some(Input::new(Purpose::Note, draft));
            }
            Action::FocusNext | Action::FocusPrev => {
                let count = self.note_count();
                if count == 0 {
                    return Reply::Say(Status::info(
                        "No notes on this question yet: n writes one.",
                    ));
                }
                let next = action == Action::FocusNext;
                self.selected_note = Some(match self.selected_note {
                    None if next => 0,
                    None => count - 1,
                    Some(i) if next => (i + 1) % count,
                    Some(i) => (i + count - 1) % count,
                });
            }
            Action::EditLine | Action::DeleteLine => {
                let Some(line) = self.selected_note.filter(|l| *l < self.note_count()) else {
                    return Reply::Say(Status::info("Select a note line first: Tab."));
                };
                if action == Action::EditLine {
                    let text = self.session.questions[self.current].notes[line]
                        .text
                        .clone();
                    self.input = Some(Input::new(Purpose::EditNote(line), &text));
                } else if !armed {
                    self.delete_armed = true;
                    return Reply::Say(Status::info("d again deletes the selected note line."));
                } else if let Some(note) = self.session.delete_note(self.current, line) {
                    self.deleted = Some((self.current, line, note));
                    self.selected_note = None;
                    self.dirty = true;
                    return Reply::Say(Status::info("Note line deleted: u puts it back."));
                }
            }
            Action::Undo => {
                let Some((question, line, note)) = self.deleted.take() else {
                    return Reply::Say(Status::info("Nothing to undo."));
                };
                self.session.restore_note(question, line, note);
                self.dirty = true;
                return Reply::Say(Status::info("Note line put back."));
            }
            Action::Unplan => {
                if self.session.remove_unasked(self.current) {
                    let left = self.session.questions.len();
                    self.current = self.current.min(left.saturating_sub(1));
                    self.scroll = 0;
                    self.selected_note = None;
                    self.dirty = true;
                    return Reply::Say(Status::info(format!(
                        "Taken out of the plan: {left} questions."
                    )));
                }
                return Reply::Say(Status::info("Acted on already: it stays in the plan."));
            }
            Action::StartClock if self.ended() => {
                let total = super::document::minutes_seconds(self.session.elapsed);
                return Reply::Say(Status::info(format!(
                    "This interview has ended: its clock stays at {total}."
                )));
            }
            // A space typed by mistake only starts a clock, never stops one: pausing is `P`.
            Action::StartClock if self.running => {
                return Reply::Say(Status::info("The clock runs: P pauses it."));
            }
            Action::StartClock => {
                self.running = true;
                return Reply::Say(Status::info("Clock running."));
            }
            Action::PauseClock if self.running => {
                self.running = false;
                return Reply::Say(Status::info("Clock paused: Space resumes it."));
            }
            Action::PauseClock => {
                return Reply::Say(Status::info("The clock is not running: Space starts it."));
            }
            Action::EndInterview if self.ended() => self.confirm_end = true,
            Action::EndInterview => self.confirm_end = true,
            Action::Rate => {
                self.rating = Some(0);
                self.rating_offset = 0;
            }
            Action::Export => return Reply::Export,
            Action::SaveKit if self.session.is_mock() => {
                return Reply::Say(Status::info("A mock interview is yours: no kit from it."));
            }
            Action::SaveKit => {
                self.input = Some(Input::new(Purpose::KitName, ""));
                let example = format!("{} {}", self.session.role, self.session.stage);
                let example = match example.trim() {
                    "" => String::new(),
                    role => format!(" (say, {} onsite)", crate::text::inert(role)),
                };
                return Reply::Say(Status::info(format!(
                    "Name the kit{example}: the plan for the whole panel, nothing of the candidate. Enter saves it."
                )));
            }
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

    fn rate(&mut self, action: Action, view: View) -> Reply {
        let levels = view.levels;
        let Some(selected) = self.rating else {
            return Reply::Nothing;
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
            Action::SelectLevel(level) if !(1..=levels).contains(&usize::from(level)) => {
                return Reply::Say(Status::info(format!("This scale has {levels} levels.")));
            }
            Action::OpenPanel => return Reply::OpenPanel(self.session.candidate.clone()),
            Action::Export if self.session.is_mock() || !view.team => return Reply::Export,
            Action::Export if self.session.ratings_locked() => return self.locked(),
            Action::Export if !view.named => {
                return Reply::Say(Status::info(format!(
                    "Who are you? The panel needs your name: {}.",
                    crate::store::team::HOW_TO_NAME
                )));
            }
            Action::Export if !self.session.ratings.iter().any(|r| r.level.is_some()) => {
                return Reply::Say(Status::info(
                    "Nothing is rated yet: a level's number rates the competency, then x submits.",
                ));
            }
            Action::Export => {
                self.confirm_submit = true;
                let amendment = self
                    .session
                    .submitted
                    .as_ref()
                    .map_or_else(String::new, |s| format!(" as version {}", s.version + 1));
                let running = if self.ended() {
                    ""
                } else {
                    " The interview has not ended (E ends it)."
                };
                return Reply::Say(Status::info(format!(
                    "Submit your scorecard of {}{amendment} to the panel? Its ratings lock.{running} Enter submits, any other key does not.",
                    crate::text::inert(&self.session.candidate)
                )));
            }
            Action::Amend if self.session.ratings_locked() => {
                if let Some(submitted) = self.session.submitted.as_mut() {
                    submitted.amending = true;
                    self.dirty = true;
                }
                return Reply::Say(Status::info(
                    "Unlocked to amend: change what you must, then x submits the new version (the first is kept).",
                ));
            }
            Action::Amend => {
                return Reply::Say(Status::info(if self.session.submitted.is_some() {
                    "Unlocked already: x submits the amendment."
                } else {
                    "Not submitted yet: nothing to amend."
                }));
            }
            Action::SelectLevel(_) | Action::OpenNote | Action::Summary | Action::Recommend
                if self.session.ratings_locked() =>
            {
                return self.locked();
            }
            Action::Type(_) => {
                return Reply::Say(Status::info(
                    "Letters alone do nothing here: e writes the evidence, s the summary.",
                ));
            }
            Action::SelectLevel(level) => {
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
                self.input = Some(Input::new(Purpose::Evidence(selected), &evidence));
            }
            Action::Summary => {
                let summary = self.session.summary.clone();
                self.input = Some(Input::new(Purpose::Summary, &summary));
            }
            Action::Recommend if self.session.recommendation.is_none() && !self.recommend_armed => {
                // A single reflexive press records no verdict.
                self.recommend_armed = true;
                return Reply::Say(Status::info(
                    "o again sets the recommendation: strong no, no, yes, strong yes, none.",
                ));
            }
            Action::Recommend => {
                self.recommend_armed = false;
                let all = Recommendation::ALL;
                self.session.recommendation = match self.session.recommendation {
                    None => Some(all[0]),
                    Some(r) => all
                        .iter()
                        .position(|x| *x == r)
                        .and_then(|i| all.get(i + 1).copied()),
                };
                self.dirty = true;
                let now = self.session.recommendation.map_or("none", |r| r.label());
                return Reply::Say(Status::info(format!(
                    "Recommendation: {now} (o: strong no, no, yes, strong yes, none)"
                )));
            }
            _ => {}
        }
        Reply::Nothing
    }

    /// Space on a question in the browser: it joins the plan, or leaves it when not asked yet.
    /// Returns what to tell the user.
    pub fn toggle_planned(&mut self, question_id: &str, now: DateTime<Utc>) -> String {
        // The time so far belongs to the question on screen, which stays on screen.
        self.count_time(now);
        let on_screen = self
            .session
            .questions
            .get(self.current)
            .map(|q| q.id.clone());
        let before = self.session.questions.len();
        self.session.toggle_question(question_id);
        let after = self.session.questions.len();
        self.current = on_screen
            .and_then(|id| self.session.questions.iter().position(|q| q.id == id))
            .unwrap_or(self.current)
            .min(after.saturating_sub(1));
        self.session.current = Some(self.current);
        self.dirty = true;
        match after.cmp(&before) {
            std::cmp::Ordering::Greater => format!("Added to the plan: {after} questions."),
            std::cmp::Ordering::Less => format!("Taken out of the plan: {after} questions."),
            std::cmp::Ordering::Equal => "Already asked: it stays in the plan.".to_string(),
        }
    }

    /// A question found by search during the live view: it goes right after the current question
    /// (joining the plan, or moving up when planned and not asked yet) and is shown.
    pub fn ask(&mut self, question_id: &str, now: DateTime<Utc>) -> Option<Status> {
        // The time so far, the search included, belongs to the question that was on screen.
        self.count_time(now);
        let was = self.current;
        self.current = self
            .session
            .insert_question_after(self.current, question_id);
        self.session.current = Some(self.current);
        self.scroll = 0;
        self.selected_note = None;
        self.dirty = true;
        let text = if self.current == was + 1 {
            format!(
                "Added as question {}: Del takes it out while nothing is done with it.",
                self.current + 1
            )
        } else {
            "In the plan already: here it is.".to_string()
        };
        Status::info(text)
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
