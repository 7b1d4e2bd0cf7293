//! `view(&App, &mut Frame)`: draws the state, one pane per file. Drawing never changes the state.

mod behaviors;
mod chrome;
mod competencies;
mod help;
mod interview;
mod note;
mod panel;
mod progress;
mod question;
mod question_form;
mod questions;
mod rehearsal;
mod search;
mod stories;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Padding};

use super::app::{App, Overlay, Pane, Screen};
use super::document::DocLine;
use super::layout::{self, Arrangement};
use super::theme::Theme;

pub fn view(app: &App, frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    if layout::arrangement(area.width, area.height) == Arrangement::TooSmall {
        chrome::too_small(frame, area);
        return;
    }
    let areas = layout::areas(area, app.problems > 0, app.focus);
    if let Some(banner) = areas.banner {
        chrome::banner(frame, banner, app.problems, theme);
    }
    // The interview, a rehearsal and the progress view take the tab bar's row too.
    let whole = layout::full_body(&areas);
    if let Some(interview) = app.interview.as_ref().filter(|i| i.live) {
        interview::render(frame, whole, app, interview, theme);
    } else if let Some(rehearsal) = &app.rehearsal {
        rehearsal::render(frame, whole, app, rehearsal, theme);
    } else {
        if let Some(tabs) = areas.tabs {
            chrome::tabs(frame, tabs, app.focus, theme);
        }
        screen(frame, app, &areas, theme);
    }
    match &app.overlay {
        None => {}
        Some(Overlay::Progress(progress)) => {
            frame.render_widget(ratatui::widgets::Clear, whole);
            progress::render(frame, whole, app, progress, theme)
        }
        Some(Overlay::Setup(form)) => interview::setup(frame, area, app, form, theme),
        Some(Overlay::Form(form)) => question_form::render(frame, area, app, form, theme),
        Some(Overlay::Stories(view)) => {
            frame.render_widget(ratatui::widgets::Clear, whole);
            stories::render(frame, whole, app, view, theme)
        }
        Some(Overlay::Panel(view)) => {
            frame.render_widget(ratatui::widgets::Clear, whole);
            panel::render(frame, whole, view, theme)
        }
        Some(Overlay::Search(search)) => {
            search::render(frame, layout::search_area(area), app, search, theme)
        }
        // The help goes over the footer too.
        Some(Overlay::Help(_)) => {}
    }
    match &app.status {
        Some(status) => chrome::status(frame, areas.footer, status, theme),
        None => {
            let lead = app
                .interview
                .as_ref()
                .map(|i| interview_lead(app, i))
                .filter(|l| !l.is_empty());
            // q is refused while an interview goes on (ended, it quits as anywhere else).
            let busy = app.interview_under_way();
            chrome::footer(
                frame,
                areas.footer,
                app.mode(),
                lead.as_deref(),
                busy,
                theme,
            )
        }
    }
    if let Some(Overlay::Help(help)) = &app.overlay {
        help::render(frame, layout::help_area(area), help.scroll, theme);
    }
}

/// The reminder of an interview under way, for the footer: empty in its own live view, which
/// says it all; else `● interview: Ada Lovelace 12:40 · i returns`.
fn interview_lead(app: &App, interview: &crate::tui::interview_mode::Interview) -> String {
    if interview.live {
        return String::new();
    }
    let (_, total) = interview.clocks(app.now);
    let name = crate::text::inert(&interview.session.candidate).into_owned();
    format!(
        "● interview: {name} {} · i returns",
        crate::tui::document::minutes_seconds(total)
    )
}

/// The browser's panes, or the open question.
fn screen(frame: &mut Frame, app: &App, areas: &layout::Areas, theme: &Theme) {
    match app.screen {
        Screen::Browse => {
            for pane in Pane::ALL {
                let Some(pane_area) = areas.pane(pane) else {
                    continue;
                };
                let focused = app.focus == pane;
                match pane {
                    Pane::Competencies => {
                        competencies::render(frame, pane_area, app, focused, theme)
                    }
                    Pane::Behaviors => behaviors::render(frame, pane_area, app, focused, theme),
                    Pane::Questions => questions::render(frame, pane_area, app, focused, theme),
                }
            }
        }
        Screen::Question { revealed, scroll } => {
            question::render(frame, areas.body, app, revealed, scroll, theme);
        }
    }
}

/// A bordered block titled `title`, its border bright when focused.
fn pane_block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .padding(Padding::horizontal(1))
        .title(title)
}

/// Document lines from `scroll` on, as many as fit in `area`, styled by tone.
fn doc_lines<'a>(lines: &'a [DocLine], scroll: usize, area: Rect, theme: &Theme) -> Vec<Line<'a>> {
    lines
        .iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .map(|l| Line::styled(l.text.as_str(), theme.tone(l.tone)))
        .collect()
}
