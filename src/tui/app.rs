//! The browser's state: what is selected, which pane has the focus, what is open.
//! Only `update` changes it; `view` only reads it.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use crate::content::{Competency, Framework, Library, Question};
use crate::practice::schedule::{Day, Schedule, Today};
use crate::store::Fingerprint;

use super::effect::{Effect, SaveRequest};
use super::help_mode::Help;
use super::interview_mode::Interview;
use super::keymap::Mode;
pub use super::layout::{Pane, Screen};
use super::notes_mode::{NoteEditor, PendingNote};
use super::progress_mode::Progress;
use super::rehearsal_mode::Rehearsal;
use super::search_mode::SearchState;
use super::setup_mode::Setup;
pub use super::status::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u16,
    pub height: u16,
}

/// What is on top of the screen, taking the keys: never two at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Every key of every mode.
    Help(Help),
    Search(SearchState),
    /// The interview set-up form.
    Setup(Setup),
    Progress(Progress),
    /// Adding or editing a question of one's own.
    Form(Box<super::question_form::QuestionForm>),
    Stories(super::stories_mode::StoriesView),
    Panel(Box<super::panel_mode::PanelView>),
}

impl Overlay {
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help(_) => Mode::Help,
            Overlay::Search(_) => Mode::Search,
            Overlay::Setup(_) => Mode::Setup,
            Overlay::Progress(progress) if progress.date.is_some() => Mode::Date,
            Overlay::Progress(_) => Mode::Progress,
            Overlay::Form(_) => Mode::Form,
            Overlay::Stories(_) => Mode::Stories,
            Overlay::Panel(view) if view.debrief.is_some() => Mode::Debrief,
            Overlay::Panel(_) => Mode::Panel,
        }
    }
}

/// The whole state of the browser. `Debug` leaves out what the user wrote (notes, sessions).
#[derive(Clone)]
pub struct App {
    /// `d` was pressed once on this question: a second `d` deletes it.
    pub delete_armed: Option<String>,
    /// The story bank, read and checked.
    pub stories: Vec<crate::stories::Story>,
    /// Story files that could not be read or checked, as `path:line:col: message`.
    pub story_problems: Vec<String>,
    /// Counts the story banks read, so the searcher gets the new one.
    pub stories_version: u64,
    /// Counts the libraries put in place, so the searcher gets the new one.
    pub library_version: u64,
    pub library: Arc<Library>,
    /// How many content problems were found at load (shown in a banner).
    pub problems: usize,
    /// Every competency as (framework index, competency index), in list order.
    pub entries: Vec<(usize, usize)>,
    /// Index into `entries`.
    pub selected: usize,
    /// The selected level of the selected competency's framework, 1-based.
    pub level: usize,
    /// Index into the selected competency's [`App::ordered_questions`].
    pub question: usize,
    pub focus: Pane,
    pub screen: Screen,
    /// The overlay on top, when one is open.
    pub overlay: Option<Overlay>,
    /// The first row shown in the behaviors pane.
    pub behaviors_scroll: usize,
    pub size: Size,
    pub quit: bool,
    /// Every saved note, by question id, as last read or written.
    pub notes: BTreeMap<String, String>,
    /// Counts changes to `notes`, so the searcher is told about them.
    pub notes_version: u64,
    /// The note being edited, when the editor is open.
    pub editor: Option<NoteEditor>,
    /// The conflict copy (its file name) each note's text went to, when the note changed on disk
    /// while the user wrote.
    pub conflicts: BTreeMap<String, String>,
    /// Notes whose editor was closed before they could be saved: kept here and retried.
    pub unsaved: BTreeMap<String, PendingNote>,
    /// Start new behavioral notes from the STAR outline.
    pub star_outline: bool,
    /// A message for the footer: what just happened, or what went wrong.
    pub status: Option<Status>,
    /// The user asked to quit; the loop saves first and quits when everything is saved.
    pub quitting: bool,
    /// Saving failed when quitting: the next quit leaves without the unsaved notes.
    pub confirm_quit: bool,
    /// Work for the loop: reading and writing files, running an editor.
    pub effects: Vec<Effect>,
    /// The time now, set by the loop (tests set it): `update` never reads a clock.
    pub now: DateTime<Utc>,
    /// Every question's review schedule and history.
    pub schedule: Schedule,
    /// The version of the schedule file `schedule` was read from or last saved as.
    pub schedule_version: Fingerprint,
    /// Questions graded since the schedule was last sent to be saved.
    pub graded: std::collections::BTreeSet<String>,
    /// The grades of the history save under way (on the history thread), until it answers.
    pub history_in_flight: Option<std::collections::BTreeSet<String>>,
    /// The interview date: reviews are packed to see everything before it.
    pub until: Option<NaiveDate>,
    /// The user's offset from UTC, set by the loop: where a day starts and ends.
    pub offset: FixedOffset,
    /// The level of the role applied for, by framework id (from the settings).
    pub target_levels: BTreeMap<String, usize>,
    /// The key points marked covered or not by hand, by question id.
    pub marks: BTreeMap<String, crate::practice::Marks>,
    /// `m` was pressed: the next digit marks that key point.
    pub marking: bool,
    /// The review history is being read (at start-up, beside the loop).
    pub history_loading: bool,
    /// A rehearsal asked for on the command line, waiting for the review history.
    pub pending_rehearsal: Option<(String, Vec<String>)>,
    /// The rehearsal timer's target.
    pub answer_seconds: u64,
    /// Who interviews (from the settings), recorded in the sessions set up with `i`.
    pub interviewer: String,
    /// A team folder is set: scorecards are submitted to the panel, kits saved, the panel shown.
    pub has_team: bool,
    /// The rehearsal under way.
    pub rehearsal: Option<Rehearsal>,
    /// The interview under way.
    pub interview: Option<Interview>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("selected", &self.selected)
            .field("level", &self.level)
            .field("question", &self.question)
            .field("focus", &self.focus)
            .field("screen", &self.screen)
            .field("mode", &self.mode())
            .field("notes", &self.notes.len())
            .field("editor", &self.editor)
            .field("interview", &self.interview)
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}

/// A row of the competency list: a framework's heading, or one of its competencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    Framework(usize),
    /// An index into [`App::entries`].
    Competency(usize),
}

impl App {
    pub fn new(library: Library, problems: usize, size: Size) -> App {
        let entries = library
            .frameworks
            .iter()
            .enumerate()
            .flat_map(|(f, framework)| (0..framework.competencies.len()).map(move |c| (f, c)))
            .collect();
        App {
            library: Arc::new(library),
            problems,
            entries,
            selected: 0,
            level: 1,
            question: 0,
            focus: Pane::Competencies,
            screen: Screen::Browse,
            overlay: None,
            behaviors_scroll: 0,
            size,
            quit: false,
            notes: BTreeMap::new(),
            notes_version: 0,
            editor: None,
            unsaved: BTreeMap::new(),
            conflicts: BTreeMap::new(),
            star_outline: true,
            status: None,
            quitting: false,
            confirm_quit: false,
            effects: Vec::new(),
            now: DateTime::<Utc>::UNIX_EPOCH,
            schedule: Schedule::default(),
            schedule_version: Fingerprint::of(None),
            graded: Default::default(),
            history_in_flight: None,
            until: None,
            offset: FixedOffset::east_opt(0).expect("zero is a valid offset"),
            target_levels: BTreeMap::new(),
            marks: BTreeMap::new(),
            marking: false,
            history_loading: false,
            pending_rehearsal: None,
            answer_seconds: 120,
            interviewer: String::new(),
            has_team: false,
            rehearsal: None,
            interview: None,
            delete_armed: None,
            stories: Vec::new(),
            story_problems: Vec::new(),
            stories_version: 0,
            library_version: 0,
        }
    }

    /// Puts a newly loaded library in place, the selection kept on the same competency (and
    /// question, `question_id` when given) where it still exists.
    pub fn replace_library(
        &mut self,
        library: Library,
        problems: usize,
        question_id: Option<&str>,
    ) {
        let competency = question_id
            .and_then(|q| q.rsplit_once('/').map(|(c, _)| c.to_string()))
            .or_else(|| self.current().map(|(_, c)| c.id.clone()));
        self.entries = library
            .frameworks
            .iter()
            .enumerate()
            .flat_map(|(f, framework)| (0..framework.competencies.len()).map(move |c| (f, c)))
            .collect();
        self.library = Arc::new(library);
        self.problems = problems;
        self.library_version += 1;
        if let Some(id) = competency
            && let Some(index) = self
                .entries
                .iter()
                .position(|&(f, c)| self.library.frameworks[f].competencies[c].id == id)
        {
            self.selected = index;
        }
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
        let questions = self.ordered_questions();
        let (found, count) = (
            question_id.and_then(|id| questions.iter().position(|q| q.id == id)),
            questions.len(),
        );
        self.question = found.unwrap_or(self.question).min(count.saturating_sub(1));
        if count == 0 {
            self.screen = Screen::Browse;
        }
    }

    /// Today where the user is, with the interview date.
    pub fn day(&self) -> Day {
        Day::at(self.now, self.offset, self.until)
    }

    /// The target level of `competency`'s framework, if one is set.
    pub fn target_of(&self, competency: &Competency) -> Option<usize> {
        let framework = competency.id.split('/').next().unwrap_or_default();
        self.target_levels.get(framework).copied()
    }

    /// The questions a rehearsal of `competency` covers: those near the target level.
    pub fn scope_of(&self, competency: &Competency) -> Vec<String> {
        crate::practice::competency_scope(competency, self.target_of(competency))
    }

    /// The questions of every competency a rehearsal covers by default.
    pub fn default_scope(&self) -> Vec<String> {
        self.library
            .frameworks
            .iter()
            .flat_map(|f| &f.competencies)
            .flat_map(|c| self.scope_of(c))
            .collect()
    }

    /// Today's work over the default scope.
    pub fn today(&self) -> Today {
        self.schedule.today(&self.default_scope(), &self.day())
    }

    /// `4 days to the interview · 12 due · 5 new`: the countdown and today's work, as the
    /// browser and the progress view show them.
    pub fn day_line(&self) -> String {
        if self.history_loading {
            return "reading your review history…".to_string();
        }
        let day = self.day();
        let work = self.today().describe(&day);
        match crate::practice::schedule::countdown(&day) {
            Some(countdown) => format!("{countdown} · {work}"),
            None => work,
        }
    }

    /// The question on show: the rehearsal's card, else the open or selected question.
    pub fn question_on_show(&self) -> Option<&str> {
        match &self.rehearsal {
            Some(rehearsal) => rehearsal.current(),
            None => self.current_question().map(|q| q.id.as_str()),
        }
    }

    /// The selected competency and its framework; `None` only when there is no content at all.
    pub fn current(&self) -> Option<(&Framework, &Competency)> {
        let &(f, c) = self.entries.get(self.selected)?;
        let framework = &self.library.frameworks[f];
        Some((framework, &framework.competencies[c]))
    }

    /// The selected competency's questions: those of the selected level first, then the rest,
    /// each group in the file's order.
    pub fn ordered_questions(&self) -> Vec<&Question> {
        let Some((_, competency)) = self.current() else {
            return Vec::new();
        };
        let at_level = |q: &&Question| q.level == Some(self.level);
        let mut ordered: Vec<&Question> = competency.questions.iter().filter(at_level).collect();
        ordered.extend(competency.questions.iter().filter(|q| !at_level(q)));
        ordered
    }

    pub fn current_question(&self) -> Option<&Question> {
        self.ordered_questions().get(self.question).copied()
    }

    /// Records a note as saved on disk.
    pub fn set_note(&mut self, question_id: &str, text: String) {
        if self.notes.get(question_id) != Some(&text) {
            self.notes.insert(question_id.to_string(), text);
            self.notes_version += 1;
        }
    }

    /// Whether the question is in the plan of the interview under way.
    pub fn is_planned(&self, question_id: &str) -> bool {
        self.interview
            .as_ref()
            .is_some_and(|i| i.is_planned(question_id))
    }

    /// Whether some note text is not on disk yet.
    pub fn has_unsaved(&self) -> bool {
        !self.unsaved.is_empty()
            || !self.graded.is_empty()
            || self.history_in_flight.is_some()
            || self
                .interview
                .as_ref()
                .is_some_and(|i| (i.dirty || i.draft_dirty) && !i.deleted_elsewhere)
            || self.editor.as_ref().is_some_and(NoteEditor::dirty)
    }

    /// The note of a question as the user last wrote it: the open editor's text, a note waiting to
    /// be saved, or the saved note.
    pub fn note(&self, question_id: &str) -> Option<std::borrow::Cow<'_, str>> {
        if let Some(editor) = self
            .editor
            .as_ref()
            .filter(|e| e.question_id == question_id)
        {
            return Some(editor.text().into());
        }
        if let Some(pending) = self.unsaved.get(question_id) {
            return Some(pending.text.as_str().into());
        }
        self.notes.get(question_id).map(|n| n.as_str().into())
    }

    /// The competency list's rows: each framework's heading followed by its competencies.
    pub fn list_rows(&self) -> Vec<ListRow> {
        let mut rows = Vec::with_capacity(self.entries.len() + self.library.frameworks.len());
        for (entry, &(f, c)) in self.entries.iter().enumerate() {
            if c == 0 {
                rows.push(ListRow::Framework(f));
            }
            rows.push(ListRow::Competency(entry));
        }
        rows
    }

    /// The card id (`story:ID`) of the story selected on the stories screen, when it is open.
    pub fn story_on_show(&self) -> Option<String> {
        match &self.overlay {
            Some(Overlay::Stories(view)) if !view.map => self
                .stories
                .get(view.selected)
                .map(|s| crate::stories::card_id(&s.id)),
            _ => None,
        }
    }

    /// Where keys are read now: the overlay on top, else the note editor, the live interview, a
    /// rehearsal, or the browser.
    pub fn mode(&self) -> Mode {
        if let Some(overlay) = &self.overlay {
            // A story being written on the stories screen takes the keys.
            if matches!(overlay, Overlay::Stories(_)) && self.editor.is_some() {
                return Mode::Note;
            }
            return overlay.mode();
        }
        if self.editor.is_some() {
            return Mode::Note;
        }
        if self.marking {
            return Mode::Mark;
        }
        if let Some(interview) = self.interview.as_ref().filter(|i| i.live) {
            return if interview.input.is_some() {
                Mode::Typing
            } else if interview.confirm_end || interview.confirm_submit {
                Mode::Confirm
            } else if interview.follow_up_pending {
                Mode::FollowUp
            } else if interview.rating.is_some() {
                Mode::Rating
            } else if interview.session.is_mock() && interview.session.ended.is_none() {
                Mode::Mock
            } else {
                Mode::Interview
            };
        }
        if let Some(rehearsal) = &self.rehearsal {
            return if rehearsal.done() {
                Mode::RehearsalDone
            } else {
                Mode::Rehearsal
            };
        }
        match (self.screen, self.focus) {
            (Screen::Question { .. }, _) => Mode::Question,
            (Screen::Browse, Pane::Competencies) => Mode::Competencies,
            (Screen::Browse, Pane::Behaviors) => Mode::Behaviors,
            (Screen::Browse, Pane::Questions) => Mode::Questions,
        }
    }

    /// Whether a running clock is on screen (the live interview's timers, a rehearsal's answer
    /// timer), so the screen changes every second.
    pub fn clock_on_screen(&self) -> bool {
        // The live view's timers, or the browser footer's reminder of a running interview.
        let interview = self.interview.as_ref().is_some_and(|i| i.live || i.running);
        let rehearsal = self
            .rehearsal
            .as_ref()
            .is_some_and(|r| !r.done() && !r.revealed());
        interview || rehearsal
    }

    /// Whether an interview goes on (set up and not ended): `q` does not quit then.
    pub fn interview_under_way(&self) -> bool {
        self.interview.as_ref().is_some_and(|i| !i.ended())
    }

    /// The search overlay, when it is open.
    pub fn search(&self) -> Option<&SearchState> {
        match &self.overlay {
            Some(Overlay::Search(search)) => Some(search),
            _ => None,
        }
    }

    /// The help overlay's scroll position, when it is open.
    pub fn help_scroll(&self) -> Option<usize> {
        match &self.overlay {
            Some(Overlay::Help(help)) => Some(help.scroll),
            _ => None,
        }
    }

    /// The progress view's first competency, when it is open.
    pub fn progress_scroll(&self) -> Option<usize> {
        match &self.overlay {
            Some(Overlay::Progress(progress)) => Some(progress.scroll),
            _ => None,
        }
    }

    /// The interview set-up form, when it is open.
    pub fn setup(&self) -> Option<&Setup> {
        match &self.overlay {
            Some(Overlay::Setup(setup)) => Some(setup),
            _ => None,
        }
    }

    /// Every note text not on disk yet: the open note when it changed, and every note kept after
    /// a failed save.
    pub fn unsaved_requests(&self) -> Vec<SaveRequest> {
        let editor = self
            .editor
            .as_ref()
            .filter(|e| e.dirty())
            .map(NoteEditor::save_request);
        let pending = self
            .unsaved
            .iter()
            .map(|(question_id, pending)| SaveRequest {
                question_id: question_id.clone(),
                target: pending.target.clone(),
                text: pending.text.clone(),
                changes: 0,
            });
        editor.into_iter().chain(pending).collect()
    }
}
