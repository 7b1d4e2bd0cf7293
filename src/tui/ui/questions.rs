//! The selected competency's questions, the selected level's first: each two lines of text and a
//! line with its level and tags.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::document::Tone;
use crate::tui::layout::{QUESTION_ROWS, inner, list_offset};
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, focused: bool, theme: &Theme) {
    let questions = app.ordered_questions();
    let at_level = questions
        .iter()
        .filter(|q| q.level == Some(app.level))
        .count();
    let title = format!(
        " Questions {} · {at_level} at L{} first ",
        questions.len(),
        app.level
    );
    let block = super::pane_block(title, focused, theme);
    let inside = inner(area);
    let max = usize::from(inside.width);
    let visible = (usize::from(inside.height) / QUESTION_ROWS).max(1);
    let offset = list_offset(app.question, questions.len(), visible);
    let mut lines = Vec::new();
    if questions.is_empty() {
        lines.push(Line::styled(
            "No questions for this competency yet.",
            theme.tone(Tone::Hint),
        ));
    }
    for (index, question) in questions.iter().enumerate().skip(offset).take(visible) {
        let selected = index == app.question;
        let style = if selected {
            theme.selected(focused)
        } else if question.level == Some(app.level) {
            Style::default()
        } else {
            theme.tone(Tone::Quiet)
        };
        let marker = if selected { "▸ " } else { "  " };
        let mut text = wrap(&question.text, max.saturating_sub(2)).into_iter();
        let first = text.next().unwrap_or_default();
        let rest = truncate(&text.collect::<Vec<_>>().join(" "), max.saturating_sub(2));
        lines.push(Line::styled(format!("{marker}{first}"), style));
        lines.push(Line::styled(format!("  {rest}"), style));
        let mut meta = String::from("    ");
        meta.push_str(
            &question
                .level
                .map_or("any level".to_string(), |l| format!("L{l}")),
        );
        if app
            .note(&question.id)
            .is_some_and(|n| crate::practice::has_content(&n))
        {
            meta.push_str(" ✎ note");
        }
        if app.is_planned(&question.id) {
            meta.push_str(" ● planned");
        }
        for tag in &question.tags {
            meta.push_str(&format!(" #{tag}"));
        }
        lines.push(Line::styled(truncate(&meta, max), theme.tone(Tone::Quiet)));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
