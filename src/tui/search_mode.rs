//! The search overlay's part of `update`: typing, picking a result, jumping to it, and going back
//! to exactly where the user was. The search itself runs on the searcher thread (`worker`); its
//! results come back through [`receive`].

use super::action::Action;
use super::app::{App, Pane, Place, Screen, SearchState};
use super::layout::{self, inner};
use super::update::{moved, scroll_to_level, select_competency, select_level};
use crate::search::{Kind, SearchResult};

/// Rows each result takes in the overlay: what and where, then the text.
pub const RESULT_ROWS: usize = 2;

/// How many results the overlay asks the searcher for.
pub const RESULT_LIMIT: usize = 200;

pub fn open(app: &mut App) {
    let origin = Place {
        selected: app.selected,
        level: app.level,
        question: app.question,
        focus: app.focus,
        screen: app.screen,
        behaviors_scroll: app.behaviors_scroll,
    };
    app.search = Some(SearchState {
        input: String::new(),
        generation: 0,
        results_generation: 0,
        results: Vec::new(),
        selected: 0,
        origin,
    });
}

fn page(app: &App) -> usize {
    let screen = ratatui::layout::Rect::new(0, 0, app.size.width, app.size.height);
    // Two rows of the overlay hold the query and the status line.
    let rows = usize::from(inner(layout::search_area(screen)).height).saturating_sub(2);
    (rows / RESULT_ROWS).max(1)
}

pub fn update(app: &mut App, action: Action) {
    let page = page(app);
    let Some(search) = app.search.as_mut() else {
        return;
    };
    let edited = match action {
        Action::SearchType(c) => {
            search.input.push(c);
            true
        }
        Action::SearchBackspace => search.input.pop().is_some(),
        Action::SearchClear => !std::mem::take(&mut search.input).is_empty(),
        Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
            search.selected = moved(search.selected, action, page, search.results.len());
            false
        }
        Action::Back => {
            back(app);
            return;
        }
        Action::Open => {
            jump(app);
            return;
        }
        _ => false,
    };
    if edited {
        search.generation += 1;
        search.selected = 0;
        if search.input.trim().is_empty() {
            // Nothing to search for: no need to wait for the searcher.
            search.results.clear();
            search.results_generation = search.generation;
        }
    }
}

/// Results from the searcher for query `generation`. Older answers than those shown are dropped;
/// an answer to an earlier keystroke is still shown while the latest one is being computed.
pub fn receive(app: &mut App, generation: u64, results: Vec<SearchResult>) {
    if let Some(search) = app.search.as_mut()
        && generation > search.results_generation
        && generation <= search.generation
    {
        search.results = results;
        search.results_generation = generation;
        search.selected = search.selected.min(search.results.len().saturating_sub(1));
    }
}

/// Esc: back to exactly where the user was.
fn back(app: &mut App) {
    if let Some(search) = app.search.take() {
        let Place {
            selected,
            level,
            question,
            focus,
            screen,
            behaviors_scroll,
        } = search.origin;
        app.selected = selected;
        app.level = level;
        app.question = question;
        app.focus = focus;
        app.screen = screen;
        app.behaviors_scroll = behaviors_scroll;
    }
}

/// Enter: the result's competency, level and question selected in the browser, with what matched
/// in view: a behavior's level in the behaviors pane, a question in the list, a key point or
/// follow-up in its open question with the answers revealed, a study topic in its competency's
/// open question (where study topics are listed).
fn jump(app: &mut App) {
    let Some(search) = app.search.take() else {
        return;
    };
    let Some(result) = search.results.get(search.selected).cloned() else {
        // Nothing to go to: stay in search.
        app.search = Some(search);
        return;
    };
    // The searcher numbers competencies as the browser lists them (see `CompetencyRef`).
    if result.competency >= app.entries.len() {
        return;
    }
    // In an interview's live view, a question found is asked next.
    let (f, c) = app.entries[result.competency];
    let found = result
        .question_in_competency
        .and_then(|q| app.library.frameworks[f].competencies[c].questions.get(q))
        .map(|q| q.id.clone());
    if let Some(id) = found
        && super::interview_mode::ask_found(app, &id)
    {
        return;
    }
    app.screen = Screen::Browse;
    select_competency(app, result.competency);
    if let Some(level) = result.level {
        select_level(app, level);
    }
    scroll_to_level(app);
    if let Some(local) = result.question_in_competency {
        let id = app
            .current()
            .and_then(|(_, c)| c.questions.get(local))
            .map(|q| q.id.clone());
        if let Some(index) =
            id.and_then(|id| app.ordered_questions().iter().position(|q| q.id == id))
        {
            app.question = index;
        }
    }
    app.focus = match result.kind {
        Kind::Competency | Kind::Study => Pane::Competencies,
        Kind::Definition | Kind::Behavior => Pane::Behaviors,
        Kind::Question | Kind::KeyPoint | Kind::FollowUp | Kind::Note => Pane::Questions,
    };
    let open = match result.kind {
        Kind::KeyPoint | Kind::FollowUp => Some(true),
        Kind::Note => Some(false),
        Kind::Study if app.current_question().is_some() => Some(false),
        _ => None,
    };
    if let Some(revealed) = open {
        app.focus = Pane::Questions;
        app.screen = Screen::Question {
            revealed,
            scroll: 0,
        };
    }
}
