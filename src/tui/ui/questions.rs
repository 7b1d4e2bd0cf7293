//! The selected competency's questions, the selected level's first: each in full (its text, then
//! a line with its level and tags) when they all fit, else one line each and the selected one in
//! full (see `layout::question_rows`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::document::Tone;
use crate::tui::layout::inner;
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, focused: bool, theme: &Theme) {
    let questions = app.ordered_questions();
    let at_level = questions
        .iter()
        .filter(|q| q.level == Some(app.level))
        .count();
    let order = match at_level {
        0 => format!("none at L{}", app.level),
        n if n == questions.len() => format!("all at L{}", app.level),
        n => format!("{n} at L{} first", app.level),
    };
    let title = format!(" Questions {} · {order} ", questions.len());
    let block = super::pane_block(title, focused, theme);
    let inside = inner(area);
    let max = usize::from(inside.width);
    let layout = crate::tui::browser::question_layout(app);
    let mut lines = Vec::new();
    if questions.is_empty() {
        lines.push(Line::styled(
            "No questions for this competency yet.",
            theme.tone(Tone::Hint),
        ));
    }
    for (index, rows) in (layout.offset..).zip(layout.rows.iter().copied()) {
        let Some(question) = questions.get(index) else {
            break;
        };
        let selected = index == app.question;
        let style = if selected {
            theme.selected(focused)
        } else if question.level == Some(app.level) {
            Style::default()
        } else {
            theme.tone(Tone::Quiet)
        };
        let marker = if selected { "▸ " } else { "  " };
        if rows == 1 {
            // One line: the text cut, then its marks.
            let marks = marks(app, question);
            let room = max.saturating_sub(2 + crate::tui::wrap::width(&marks));
            let text = truncate(&question.text, room);
            lines.push(Line::from(vec![
                ratatui::text::Span::styled(format!("{marker}{text}"), style),
                ratatui::text::Span::styled(marks, theme.tone(Tone::Quiet)),
            ]));
            continue;
        }
        let text = wrap(&question.text, max.saturating_sub(2));
        let shown = rows - 1;
        for (i, line) in text.iter().take(shown).enumerate() {
            let lead = if i == 0 { marker } else { "  " };
            let line = if i + 1 == shown && text.len() > shown {
                truncate(&format!("{line} …"), max.saturating_sub(2))
            } else {
                line.clone()
            };
            lines.push(Line::styled(format!("{lead}{line}"), style));
        }
        let mut meta = String::from("    ");
        meta.push_str(
            &question
                .level
                .map_or("any level".to_string(), |l| format!("L{l}")),
        );
        meta.push_str(&marks(app, question));
        for tag in &question.tags {
            meta.push_str(&format!(" #{tag}"));
        }
        lines.push(Line::styled(truncate(&meta, max), theme.tone(Tone::Quiet)));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// ` ✎ ● `: whether the question has a note, and whether it is in the interview's plan.
fn marks(app: &App, question: &crate::content::Question) -> String {
    let mut marks = String::new();
    if app
        .note(&question.id)
        .is_some_and(|n| crate::practice::has_content(&n))
    {
        marks.push_str(" ✎ note");
    }
    if app.is_planned(&question.id) {
        marks.push_str(" ● planned");
    }
    marks
}
