//! `update(&mut App, Action)`: the only place the browser's state changes. Pure: no terminal, file
//! or clock; page sizes and click targets come from the same layout functions `view` uses.

use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, ListRow, Pane, Screen};
use super::document::{self, clamp_scroll};
use super::keymap::Mode;
use super::layout::{self, Areas, QUESTION_ROWS, inner, list_offset};

/// Rows a wheel notch scrolls in text.
const WHEEL_LINES: usize = 3;

pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize { .. }) {
        // A message goes at the next key. An error stays while there is unsaved work (a failed
        // save is being retried) and while the user types, so it is not missed; otherwise it
        // goes at the next other key.
        let typing = matches!(
            action,
            Action::Edit(_) | Action::SearchType(_) | Action::SearchBackspace
        );
        let keep = |s: &super::app::Status| s.error && (typing || app.has_unsaved());
        if app.status.as_ref().is_some_and(|s| !keep(s)) {
            app.status = None;
        }
        if action != Action::Quit {
            app.confirm_quit = false;
        }
    }
    match action {
        Action::Quit => super::autosave::request_quit(app),
        Action::Resize { width, height } => {
            app.size = super::app::Size { width, height };
            clamp_scrolls(app);
        }
        Action::Click { column, row } => click(app, column, row),
        Action::ScrollUp { column, row } => wheel(app, column, row, false),
        Action::ScrollDown { column, row } => wheel(app, column, row, true),
        // The mode says which part of the state the keys are for (`App::mode` ranks them).
        _ => match app.mode() {
            Mode::Help => help(app, action),
            Mode::Search => super::search_mode::update(app, action),
            Mode::Note => super::notes_mode::update(app, action),
            Mode::Setup => super::interview_mode::setup(app, action),
            Mode::Interview | Mode::Rating | Mode::Typing => {
                super::interview_mode::update(app, action)
            }
            Mode::Rehearsal => super::rehearsal_mode::update(app, action),
            Mode::Progress => progress(app, action),
            Mode::Question => question_screen(app, action),
            Mode::Competencies | Mode::Behaviors | Mode::Questions => browse(app, action),
        },
    }
}

/// The longest paste taken into a one-line field (a query, a form field, a quick note).
const MAX_LINE_PASTE: usize = 1000;

/// Text pasted into the terminal: into the open note as it is, or into the line being typed
/// (line breaks and other control characters left out); elsewhere it means nothing.
pub fn paste(app: &mut App, text: &str) {
    match app.mode() {
        Mode::Note => super::notes_mode::paste(app, text),
        Mode::Search | Mode::Setup | Mode::Typing => {
            let typed = text
                .chars()
                .filter(|c| !c.is_control())
                .take(MAX_LINE_PASTE);
            for c in typed {
                update(app, Action::SearchType(c));
            }
        }
        _ => {}
    }
}

fn screen_rect(app: &App) -> Rect {
    Rect::new(0, 0, app.size.width, app.size.height)
}

fn areas(app: &App) -> Areas {
    layout::areas(screen_rect(app), app.problems > 0, app.focus)
}

/// Rows inside a pane's border (at least 1, so paging always moves).
fn page(app: &App, pane: Pane) -> usize {
    let rows = areas(app).pane(pane).map_or(1, |a| inner(a).height);
    usize::from(rows).max(1)
}

fn help(app: &mut App, action: Action) {
    let len = document::help().len();
    let height = usize::from(inner(layout::help_area(screen_rect(app))).height).max(1);
    let Some(scroll) = app.help else { return };
    app.help = match action {
        Action::Back | Action::ToggleHelp => None,
        other => Some(clamp_scroll(
            scrolled(scroll, other, height, len),
            len,
            height,
        )),
    };
}

/// A scroll position moved by a movement action in a text of `len` lines shown `height` at a time.
fn scrolled(scroll: usize, action: Action, height: usize, len: usize) -> usize {
    match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp => scroll.saturating_sub(height),
        Action::PageDown => scroll + height,
        Action::Top => 0,
        Action::Bottom => len,
        _ => scroll,
    }
}

/// A list index moved by a movement action in a list of `len` items, `height` visible at a time.
pub(super) fn moved(index: usize, action: Action, height: usize, len: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => index.saturating_sub(1),
        Action::Down => (index + 1).min(last),
        Action::PageUp => index.saturating_sub(height),
        Action::PageDown => (index + height).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => index,
    }
}

fn browse(app: &mut App, action: Action) {
    match action {
        Action::FocusNext => app.focus = cycle(app.focus, 1),
        Action::FocusPrev => app.focus = cycle(app.focus, Pane::ALL.len() - 1),
        Action::ToggleHelp => app.help = Some(0),
        Action::OpenSearch => super::search_mode::open(app),
        Action::OpenNote if app.focus == Pane::Questions => super::notes_mode::open(app),
        Action::StartRehearsal => {
            let single = app.focus == Pane::Questions;
            super::rehearsal_mode::start_from_browser(app, single);
        }
        Action::ToggleProgress => app.progress = Some(0),
        Action::OpenInterview => super::interview_mode::open(app),
        Action::TogglePlanned if app.focus == Pane::Questions => {
            if app.interview.is_some() {
                super::interview_mode::toggle_planned(app);
            } else {
                app.status =
                    super::app::Status::info("No interview under way: i sets one up.".to_string());
            }
        }
        Action::EditNoteExternally if app.focus == Pane::Questions => edit_externally(app),
        Action::SelectLevel(level) => select_level(app, level),
        Action::PrevLevel => select_level(app, app.level.saturating_sub(1)),
        Action::NextLevel => select_level(app, app.level + 1),
        Action::Open => match app.focus {
            Pane::Competencies | Pane::Behaviors => app.focus = Pane::Questions,
            Pane::Questions => open_question(app),
        },
        movement => match app.focus {
            Pane::Competencies => {
                let height = page(app, Pane::Competencies);
                select_competency(
                    app,
                    moved(app.selected, movement, height, app.entries.len()),
                );
            }
            Pane::Behaviors => {
                let height = page(app, Pane::Behaviors);
                app.behaviors_scroll = scrolled(app.behaviors_scroll, movement, height, usize::MAX);
                clamp_scrolls(app);
            }
            Pane::Questions => {
                let height = (page(app, Pane::Questions) / QUESTION_ROWS).max(1);
                let len = app.ordered_questions().len();
                app.question = moved(app.question, movement, height, len);
            }
        },
    }
}

fn cycle(pane: Pane, step: usize) -> Pane {
    let index = Pane::ALL.iter().position(|p| *p == pane).unwrap_or(0);
    Pane::ALL[(index + step) % Pane::ALL.len()]
}

fn open_question(app: &mut App) {
    if app.current_question().is_some() {
        app.screen = Screen::Question {
            revealed: false,
            scroll: 0,
        };
    }
}

pub(super) fn select_competency(app: &mut App, index: usize) {
    if index == app.selected || index >= app.entries.len() {
        return;
    }
    app.selected = index;
    app.question = 0;
    let levels = app.current().map_or(1, |(f, _)| f.levels.len());
    app.level = app.level.clamp(1, levels);
    scroll_to_level(app);
}

/// Selects `level` when the scale has it, keeping the selected question selected.
pub(super) fn select_level(app: &mut App, level: usize) {
    let Some((framework, _)) = app.current() else {
        return;
    };
    if level == 0 || level > framework.levels.len() || level == app.level {
        return;
    }
    let kept = app.current_question().map(|q| q.id.clone());
    app.level = level;
    app.question = kept
        .and_then(|id| app.ordered_questions().iter().position(|q| q.id == id))
        .unwrap_or(0);
    scroll_to_level(app);
}

/// The behaviors pane's lines at its current width, with where each level starts.
fn behaviors_doc(app: &App) -> Option<document::BehaviorsDoc> {
    let (framework, competency) = app.current()?;
    let width = areas(app)
        .behaviors
        .map_or(usize::from(app.size.width), |a| usize::from(inner(a).width));
    Some(document::behaviors(framework, competency, app.level, width))
}

/// Scrolls the behaviors pane as little as needed to show the selected level whole (or from its
/// heading, when it is longer than the pane), so the levels around it stay in view.
pub(super) fn scroll_to_level(app: &mut App) {
    if let Some(doc) = behaviors_doc(app) {
        let height = page(app, Pane::Behaviors);
        let index = app.level - 1;
        // From the blank line above the heading to the level's last statement.
        let start = doc
            .level_starts
            .get(index)
            .map_or(0, |s| s.saturating_sub(1));
        let end = doc
            .level_starts
            .get(index + 1)
            .map_or(doc.lines.len(), |next| next - 1);
        let scroll = app.behaviors_scroll;
        app.behaviors_scroll = if start < scroll || end - start > height {
            start
        } else if end > scroll + height {
            end - height
        } else {
            scroll
        };
    }
    clamp_scrolls(app);
}

/// Keeps every scroll position within its text at the current size.
fn clamp_scrolls(app: &mut App) {
    let height = page(app, Pane::Behaviors);
    let len = behaviors_doc(app).map_or(0, |d| d.lines.len());
    app.behaviors_scroll = clamp_scroll(app.behaviors_scroll, len, height);
    if let Screen::Question { revealed, scroll } = app.screen {
        let (len, height) = question_doc_size(app, revealed);
        app.screen = Screen::Question {
            revealed,
            scroll: clamp_scroll(scroll, len, height),
        };
    }
    if let Some(scroll) = app.help {
        let height = usize::from(inner(layout::help_area(screen_rect(app))).height).max(1);
        app.help = Some(clamp_scroll(scroll, document::help().len(), height));
    }
}

/// The open question's document length and visible height.
fn question_doc_size(app: &App, revealed: bool) -> (usize, usize) {
    let view = super::question_view::QuestionView::new(app, areas(app).body, revealed);
    (view.doc.len(), usize::from(inner(view.main).height).max(1))
}

fn question_screen(app: &mut App, action: Action) {
    let Screen::Question { revealed, scroll } = app.screen else {
        return;
    };
    match action {
        Action::Back => {
            app.screen = Screen::Browse;
            app.focus = Pane::Questions;
        }
        Action::ToggleHelp => app.help = Some(0),
        Action::OpenSearch => super::search_mode::open(app),
        Action::OpenNote => super::notes_mode::open(app),
        Action::EditNoteExternally => edit_externally(app),
        Action::StartRehearsal => super::rehearsal_mode::start_from_browser(app, true),
        Action::OpenInterview => super::interview_mode::open(app),
        Action::Reveal => {
            app.screen = Screen::Question {
                revealed: !revealed,
                scroll,
            };
            clamp_scrolls(app);
        }
        Action::NextQuestion | Action::PrevQuestion => {
            let len = app.ordered_questions().len();
            let next = if action == Action::NextQuestion {
                (app.question + 1).min(len.saturating_sub(1))
            } else {
                app.question.saturating_sub(1)
            };
            if next != app.question {
                app.question = next;
                app.screen = Screen::Question {
                    revealed: false,
                    scroll: 0,
                };
            }
        }
        movement => {
            let (len, height) = question_doc_size(app, revealed);
            app.screen = Screen::Question {
                revealed,
                scroll: clamp_scroll(scrolled(scroll, movement, height, len), len, height),
            };
        }
    }
}

/// The progress view: closes, or starts a rehearsal of the selected competency.
fn progress(app: &mut App, action: Action) {
    let Some(scroll) = app.progress else {
        return;
    };
    let last = app.entries.len().saturating_sub(1);
    match action {
        Action::Back | Action::ToggleProgress => app.progress = None,
        Action::StartRehearsal => {
            app.progress = None;
            super::rehearsal_mode::start_from_browser(app, false);
        }
        Action::Up => app.progress = Some(scroll.saturating_sub(1)),
        Action::Down => app.progress = Some((scroll + 1).min(last)),
        Action::Top => app.progress = Some(0),
        _ => {}
    }
}

/// `E`: asks the loop to open the selected question's note in the user's editor.
fn edit_externally(app: &mut App) {
    if let Some(question) = app.current_question() {
        let question_id = question.id.clone();
        app.effects
            .push(super::effect::Effect::EditExternally { question_id });
    }
}

/// Whether the keys are for the browser's panes (where the mouse works).
fn browsing(app: &App) -> bool {
    matches!(
        app.mode(),
        Mode::Competencies | Mode::Behaviors | Mode::Questions
    )
}

fn click(app: &mut App, column: u16, row: u16) {
    if !browsing(app) {
        return;
    }
    let areas = areas(app);
    if let Some(tabs) = areas.tabs.filter(|t| t.contains((column, row).into())) {
        // The tab bar splits its width evenly between the panes.
        let index = usize::from((column - tabs.x) * 3 / tabs.width.max(1));
        app.focus = Pane::ALL[index.min(2)];
        return;
    }
    let Some((pane, area)) = areas.pane_at(column, row) else {
        return;
    };
    app.focus = pane;
    let inside = inner(area);
    if !inside.contains((column, row).into()) {
        return;
    }
    let row = usize::from(row - inside.y);
    let height = usize::from(inside.height);
    match pane {
        Pane::Competencies => {
            let rows = app.list_rows();
            let selected_row = rows
                .iter()
                .position(|r| *r == ListRow::Competency(app.selected))
                .unwrap_or(0);
            let offset = list_offset(selected_row, rows.len(), height);
            if let Some(ListRow::Competency(entry)) = rows.get(offset + row) {
                select_competency(app, *entry);
            }
        }
        Pane::Behaviors => {
            let Some(doc) = behaviors_doc(app) else {
                return;
            };
            let line = app.behaviors_scroll + row;
            let level = doc.level_starts.iter().take_while(|s| **s <= line).count();
            if level > 0 {
                let scroll = app.behaviors_scroll;
                select_level(app, level);
                // A click should not move what is under the pointer.
                app.behaviors_scroll = scroll;
            }
        }
        Pane::Questions => {
            let len = app.ordered_questions().len();
            let offset = list_offset(app.question, len, (height / QUESTION_ROWS).max(1));
            let index = offset + row / QUESTION_ROWS;
            if index < len {
                app.question = index;
            }
        }
    }
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let step = if down { Action::Down } else { Action::Up };
    match app.mode() {
        Mode::Help => {
            let Some(scroll) = app.help else { return };
            let height = usize::from(inner(layout::help_area(screen_rect(app))).height).max(1);
            let len = document::help().len();
            let wanted = if down {
                scroll + WHEEL_LINES
            } else {
                scroll.saturating_sub(WHEEL_LINES)
            };
            app.help = Some(clamp_scroll(wanted, len, height));
            return;
        }
        Mode::Search => {
            super::search_mode::update(app, step);
            return;
        }
        Mode::Question => {
            for _ in 0..WHEEL_LINES {
                question_screen(app, step);
            }
            return;
        }
        _ if !browsing(app) => return,
        _ => {}
    }
    let Some((pane, _)) = areas(app).pane_at(column, row) else {
        return;
    };
    let focus = app.focus;
    app.focus = pane;
    let repeat = if pane == Pane::Behaviors {
        WHEEL_LINES
    } else {
        1
    };
    for _ in 0..repeat {
        browse(app, step);
    }
    app.focus = focus;
}
