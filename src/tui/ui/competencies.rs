//! The competency list, grouped by framework, with each competency's number of questions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, ListRow};
use crate::tui::document::Tone;
use crate::tui::layout::{inner, list_offset};
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, width};

pub fn render(frame: &mut Frame, area: Rect, app: &App, focused: bool, theme: &Theme) {
    let block = super::pane_block(" Competencies ", focused, theme);
    let inside = inner(area);
    let rows = app.list_rows();
    let selected_row = rows
        .iter()
        .position(|r| *r == ListRow::Competency(app.selected))
        .unwrap_or(0);
    let offset = list_offset(selected_row, rows.len(), usize::from(inside.height));
    let max = usize::from(inside.width);
    let lines: Vec<Line> = rows
        .iter()
        .skip(offset)
        .take(usize::from(inside.height))
        .map(|row| match *row {
            ListRow::Framework(f) => Line::styled(
                truncate(&app.library.frameworks[f].name, max),
                theme.tone(Tone::Heading),
            ),
            ListRow::Competency(entry) => {
                let (f, c) = app.entries[entry];
                let competency = &app.library.frameworks[f].competencies[c];
                let count = competency.questions.len().to_string();
                let name_room = max.saturating_sub(width(&count) + 3);
                let name = truncate(&competency.name, name_room);
                let gap = max.saturating_sub(2 + width(&name) + width(&count));
                let text = format!("  {name}{}{count}", " ".repeat(gap));
                let style = if entry == app.selected {
                    theme.selected(focused)
                } else {
                    Style::default()
                };
                Line::styled(truncate(&text, max), style)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
