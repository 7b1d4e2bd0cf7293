//! The search overlay: the query, a status line, and the ranked results with what matched
//! highlighted, long text trimmed around the match.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::search::SearchResult;
use crate::tui::app::App;
use crate::tui::document::Tone;
use crate::tui::layout::{inner, list_offset};
use crate::tui::search_mode::{RESULT_ROWS, SearchState};
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, width};

pub fn render(frame: &mut Frame, area: Rect, app: &App, search: &SearchState, theme: &Theme) {
    frame.render_widget(Clear, area);
    let block = super::pane_block(" Search · Enter goes there · Esc goes back ", true, theme);
    let inside = inner(area);
    let max = usize::from(inside.width);
    let mut lines = vec![Line::from(vec![
        Span::styled("/ ", theme.key()),
        Span::raw(input_tail(&search.input, max.saturating_sub(3))),
        Span::styled("█", Style::default().add_modifier(Modifier::SLOW_BLINK)),
    ])];
    let status = if search.input.trim().is_empty() {
        "Type to search. Filters: #tag  level:N  q: questions  c: competencies  b: behaviors  k: key points".to_string()
    } else if search.searching() && search.results.is_empty() {
        "searching…".to_string()
    } else if let Some(problem) = crate::search::query_problem(&app.library, &search.input) {
        format!("{problem} · {} results", search.results.len())
    } else {
        let n = search.results.len();
        format!(
            "{n} result{}{}",
            if n == 1 { "" } else { "s" },
            if search.searching() {
                " · searching…"
            } else {
                ""
            }
        )
    };
    lines.push(Line::styled(truncate(&status, max), theme.tone(Tone::Hint)));
    let visible = (usize::from(inside.height).saturating_sub(2) / RESULT_ROWS).max(1);
    let offset = list_offset(search.selected, search.results.len(), visible);
    for (i, result) in search.results.iter().enumerate().skip(offset).take(visible) {
        let selected = i == search.selected;
        lines.push(heading(app, result, selected, max, theme));
        lines.push(matched_text(result, max, theme));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The end of the query when it is longer than the line.
fn input_tail(input: &str, max: usize) -> String {
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in input.chars().rev() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > max {
            break;
        }
        used += w;
        tail.push(c);
    }
    tail.iter()
        .rev()
        .collect::<String>()
        .replace(['\n', '\t'], " ")
}

/// "question · L3 · Customer Interaction", reversed when selected.
fn heading<'a>(
    app: &App,
    result: &SearchResult,
    selected: bool,
    max: usize,
    theme: &Theme,
) -> Line<'a> {
    let competency = match result.story {
        // A story's result names the story.
        Some(story) => app.stories.get(story).map_or("", |s| s.title.as_str()),
        None => app
            .entries
            .get(result.competency)
            .map(|&(f, c)| app.library.frameworks[f].competencies[c].name.as_str())
            .unwrap_or(""),
    };
    let mut text = format!(
        "{} {}",
        if selected { "▸" } else { " " },
        result.kind.label()
    );
    if let Some(level) = result.level {
        text.push_str(&format!(" · L{level}"));
    }
    let question = app
        .entries
        .get(result.competency)
        .zip(result.question_in_competency)
        .and_then(|(&(f, c), q)| app.library.frameworks[f].competencies[c].questions.get(q));
    match question {
        // A note's result names the question it answers.
        Some(question) if result.kind == crate::search::Kind::Note => {
            text.push_str(" on “");
            text.push_str(&question.text);
            text.push('”');
        }
        Some(question) => {
            text.push_str(" · ");
            text.push_str(competency);
            if app
                .note(&question.id)
                .is_some_and(|n| crate::practice::has_content(&n))
            {
                text.push_str(" · ✎ note");
            }
        }
        None => {
            text.push_str(" · ");
            text.push_str(competency);
        }
    }
    let style = if selected {
        theme.selected(true)
    } else {
        theme.tone(Tone::Quiet)
    };
    Line::styled(truncate(&text, max), style)
}

/// The result's text on one line, starting a little before the first match when it is too long,
/// with the matched characters highlighted.
fn matched_text<'a>(result: &SearchResult, max: usize, theme: &Theme) -> Line<'a> {
    let chars: Vec<char> = result
        .text
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    let indent = 4;
    let room = max.saturating_sub(indent);
    let total: usize = chars
        .iter()
        .map(|c| width(c.encode_utf8(&mut [0; 4])))
        .sum();
    let first = result.matched.first().copied().unwrap_or(0);
    let start = if total <= room {
        0
    } else {
        first.saturating_sub(12)
    };
    let highlight = theme.key().add_modifier(Modifier::UNDERLINED);
    let mut spans = vec![Span::raw(" ".repeat(indent))];
    let mut used = 0;
    if start > 0 {
        spans.push(Span::raw("…"));
        used += 1;
    }
    for (i, c) in chars.iter().enumerate().skip(start) {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        let style = if result.matched.binary_search(&i).is_ok() {
            highlight
        } else {
            Style::default()
        };
        spans.push(Span::styled(c.to_string(), style));
    }
    Line::from(spans)
}
