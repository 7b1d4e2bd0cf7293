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
    let day = day_title(app, usize::from(area.width).saturating_sub(4));
    let block = super::pane_block(" Competencies ", focused, theme)
        .title_bottom(ratatui::text::Line::styled(day, theme.key()));
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

/// The countdown and today's work for the pane's bottom border, in the longest form that fits
/// `room` columns: `4 days to the interview · 12 due · 5 new`, then shorter.
fn day_title(app: &App, room: usize) -> String {
    if app.history_loading {
        let text = " reading your history… ";
        return if crate::tui::wrap::width(text) <= room {
            text.to_string()
        } else {
            String::new()
        };
    }
    let day = app.day();
    let today = app.today();
    let work = if today.due == 0 && today.new == 0 {
        "nothing due".to_string()
    } else {
        format!("{} due · {} new", today.due, today.new)
    };
    let countdown = crate::practice::schedule::countdown(&day);
    let days = day.days_left().filter(|d| *d >= 0);
    let mut forms = Vec::new();
    if let Some(countdown) = &countdown {
        forms.push(format!("{countdown} · {work}"));
    }
    if let Some(days) = days {
        forms.push(match days {
            0 => format!("interview today · {work}"),
            1 => format!("interview tomorrow · {work}"),
            n => format!("{n} days left · {work}"),
        });
        forms.push(format!("{days}d · {work}"));
    }
    forms.push(work);
    forms
        .into_iter()
        .find(|form| crate::tui::wrap::width(form) + 2 <= room)
        .map(|form| format!(" {form} "))
        .unwrap_or_default()
}
