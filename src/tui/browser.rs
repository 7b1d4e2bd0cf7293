//! The browser's part of `update`: the three panes (competencies, behaviors, questions), the open
//! question, and the mouse over them. Page sizes and click targets come from the same layout
//! functions `view` uses.

use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, ListRow, Pane, Screen};
use super::commands;
use super::document;
use super::effect::Effect;
use super::layout::{self, Areas, inner, list_offset};
use super::motion::{clamp_scroll, moved, scrolled};

pub(super) fn screen_rect(app: &App) -> Rect {
    Rect::new(0, 0, app.size.width, app.size.height)
}

fn areas(app: &App) -> Areas {
    layout::areas(screen_rect(app), app.problems > 0, app.focus)
}

/// The body with the tab bar's row, where the interview, a rehearsal and progress are drawn.
/// How the questions pane lays its questions out at the current size.
pub fn question_layout(app: &App) -> layout::QuestionRows {
    let inside = areas(app)
        .pane(Pane::Questions)
        .map(inner)
        .unwrap_or_default();
    let width = usize::from(inside.width).saturating_sub(2);
    let lines: Vec<usize> = app
        .ordered_questions()
        .iter()
        .map(|q| super::wrap::wrap(&q.text, width).len())
        .collect();
    layout::question_rows(&lines, app.question, usize::from(inside.height))
}

/// How many competencies the progress view shows at once at the current size.
pub(super) fn progress_page(app: &App) -> usize {
    let inside = layout::inner(full_body(app));
    (usize::from(inside.height).saturating_sub(layout::PROGRESS_HEAD) / layout::PROGRESS_ROWS)
        .max(1)
}

pub(super) fn full_body(app: &App) -> Rect {
    layout::full_body(&areas(app))
}

/// Rows inside a pane's border (at least 1, so paging always moves).
fn page(app: &App, pane: Pane) -> usize {
    let rows = areas(app).pane(pane).map_or(1, |a| inner(a).height);
    usize::from(rows).max(1)
}

/// A key in the browser's panes or the open question.
pub(super) fn update(app: &mut App, action: Action) {
    match app.screen {
        Screen::Browse => browse(app, action),
        Screen::Question { .. } => question_screen(app, action),
    }
}

fn browse(app: &mut App, action: Action) {
    match action {
        Action::FocusNext => app.focus = cycle(app.focus, 1),
        Action::FocusPrev => app.focus = cycle(app.focus, Pane::ALL.len() - 1),
        Action::OpenNote if app.focus == Pane::Questions => commands::open_note(app),
        Action::StartRehearsal => {
            let single = app.focus == Pane::Questions;
            commands::start_rehearsal_from_browser(app, single);
        }
        Action::ToggleProgress => commands::open_progress(app, progress_page(app)),
        Action::OpenInterview => commands::open_interview(app),
        Action::TogglePlanned if app.focus == Pane::Questions => commands::toggle_planned(app),
        Action::EditNoteExternally if app.focus == Pane::Questions => edit_externally(app),
        Action::SelectLevel(level) => select_level(app, usize::from(level)),
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
                let len = behaviors_doc(app).map_or(0, |d| d.lines.len());
                app.behaviors_scroll = scrolled(app.behaviors_scroll, movement, height, len);
            }
            Pane::Questions => {
                let shown = question_layout(app).rows.len().max(1);
                let len = app.ordered_questions().len();
                app.question = moved(app.question, movement, shown, len);
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

/// Keeps the browser's scroll positions within their text at the current size.
pub(super) fn clamp_scrolls(app: &mut App) {
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
        Action::OpenNote => commands::open_note(app),
        Action::EditNoteExternally => edit_externally(app),
        Action::StartRehearsal => commands::start_rehearsal_from_browser(app, true),
        Action::OpenInterview => commands::open_interview(app),
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
                scroll: scrolled(scroll, movement, height, len),
            };
        }
    }
}

/// `E`: asks the loop to open the selected question's note in the user's editor.
fn edit_externally(app: &mut App) {
    if let Some(question) = app.current_question() {
        let question_id = question.id.clone();
        app.effects.push(Effect::EditExternally { question_id });
    }
}

/// A click in the browser's panes selects what is under it and focuses its pane.
pub(super) fn click(app: &mut App, column: u16, row: u16) {
    let browsing = matches!(
        app.mode(),
        super::keymap::Mode::Competencies
            | super::keymap::Mode::Behaviors
            | super::keymap::Mode::Questions
    );
    if !browsing {
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
            if let Some(index) = question_layout(app).at(row) {
                app.question = index;
            }
        }
    }
}

/// Rows a wheel notch scrolls the behaviors.
const WHEEL_LINES: usize = 3;

/// The wheel scrolls the pane under the pointer, leaving the focus where it was.
pub(super) fn wheel(app: &mut App, column: u16, row: u16, step: Action) {
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
