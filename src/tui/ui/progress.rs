//! Progress at a glance: per competency, a gauge of the questions practised, the mean recall and
//! the reviews due, and per level whether every question has a note (● all, ◐ some, ○ none).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph};

use crate::practice::progress::{CompetencyProgress, progress};
use crate::tui::app::App;
use crate::tui::document::Tone;
use crate::tui::layout::{PROGRESS_HEAD, PROGRESS_ROWS, inner};
use crate::tui::progress_mode::Progress;
use crate::tui::theme::Theme;
use crate::tui::wrap::truncate;

pub fn render(frame: &mut Frame, body: Rect, app: &App, view: &Progress, theme: &Theme) {
    let rows = progress(
        &app.library,
        &app.schedule,
        |id| {
            app.note(id)
                .is_some_and(|n| crate::practice::has_content(&n))
        },
        app.now,
        &app.target_levels,
    );
    let streak = app.schedule.streak(app.day().today);
    let title = format!(
        " Progress · {streak} day{} in a row ",
        if streak == 1 { "" } else { "s" }
    );
    let block = super::pane_block(title, true, theme);
    let inside = inner(body);
    frame.render_widget(block, body);
    let width = usize::from(inside.width);
    let line = |offset: u16| Rect {
        y: inside.y + offset,
        height: u16::from(offset < inside.height),
        ..inside
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&app.day_line(), width),
            theme.tone(Tone::Title),
        )),
        line(0),
    );
    let setting = match &view.date {
        Some(input) => {
            let label = "Interview date (YYYY-MM-DD; empty: none): ";
            let field = line(1);
            let text = format!("{label}{}", input.value());
            frame.render_widget(Paragraph::new(truncate(&text, width)), field);
            let cursor = crate::tui::wrap::width(label) + input.visual_cursor();
            if let Ok(x) = u16::try_from(cursor)
                && x < field.width
                && field.height > 0
            {
                frame.set_cursor_position((field.x + x, field.y));
            }
            None
        }
        None => Some(targets_line(app)),
    };
    if let Some(text) = setting {
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&text, width), theme.tone(Tone::Hint))),
            line(1),
        );
    }
    let legend = "notes per level: ● all questions · ◐ some · ○ none · · no questions";
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(legend, width),
            theme.tone(Tone::Hint),
        )),
        line(2),
    );
    let mut y = inside.y + PROGRESS_HEAD as u16;
    for (index, row) in rows.iter().enumerate().skip(view.scroll) {
        if y + PROGRESS_ROWS as u16 > inside.bottom() + 1 {
            break;
        }
        let area = |offset: u16| Rect {
            y: y + offset,
            height: 1,
            ..inside
        };
        let selected = index == app.selected;
        let marker = if selected { "▸ " } else { "  " };
        let stats = stats(row);
        let name_width = width.saturating_sub(crate::tui::wrap::width(&stats) + 2);
        let name_style = if selected {
            theme.selected(true)
        } else {
            theme.tone(Tone::Title)
        };
        let heading = Line::from(vec![
            Span::styled(marker, name_style),
            Span::styled(truncate(&row.name, name_width), name_style),
            Span::styled(stats, theme.tone(Tone::Hint)),
        ]);
        frame.render_widget(Paragraph::new(heading), area(0));
        if y + 1 < inside.bottom() {
            gauge_line(frame, area(1), row, theme);
        }
        y += PROGRESS_ROWS as u16;
    }
}

/// `target L3 (t) · interview Fri 27 Nov (d) · in Customer Support` for the selected
/// competency's framework: what the keys change first, so that a narrow view cuts only the name.
fn targets_line(app: &App) -> String {
    let Some((framework, _)) = app.current() else {
        return String::new();
    };
    let target = match app.target_levels.get(&framework.id) {
        Some(level) => format!("target L{level}"),
        None => "no target level".to_string(),
    };
    let date = match app.until {
        Some(date) => format!("interview {}", date.format("%a %-d %b")),
        None => "no interview date".to_string(),
    };
    format!("{target} (t) · {date} (d) · in {}", framework.name)
}

/// "  2 due · recall 81% · L3 ready 1/4"
fn stats(row: &CompetencyProgress) -> String {
    let mut parts = Vec::new();
    if row.due > 0 {
        parts.push(format!("{} due", row.due));
    }
    if let Some(recall) = row.mean_recall {
        parts.push(format!("recall {:.0}%", recall * 100.0));
    }
    if let Some((level, ready, total)) = row.target
        && total > 0
    {
        parts.push(format!("L{level} ready {ready}/{total}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("  {}", parts.join(" · "))
    }
}

/// The gauge of questions practised, then the notes per level.
fn gauge_line(frame: &mut Frame, area: Rect, row: &CompetencyProgress, theme: &Theme) {
    let cells: String = row
        .notes_by_level
        .iter()
        .map(|&(with_note, total)| match (with_note, total) {
            (_, 0) => '·',
            (n, t) if n == t => '●',
            (0, _) => '○',
            _ => '◐',
        })
        .collect();
    let notes = format!(" notes {cells}");
    let notes_width = u16::try_from(notes.chars().count()).unwrap_or(u16::MAX);
    let gauge_area = Rect {
        width: area.width.saturating_sub(notes_width),
        ..area
    };
    let ratio = if row.questions == 0 {
        0.0
    } else {
        row.practised as f64 / row.questions as f64
    };
    let gauge = LineGauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label(format!("{}/{} practised", row.practised, row.questions))
        .filled_symbol("━")
        .unfilled_symbol("─")
        .filled_style(theme.key())
        .unfilled_style(theme.tone(Tone::Quiet).add_modifier(Modifier::DIM));
    frame.render_widget(gauge, gauge_area);
    let notes_area = Rect {
        x: gauge_area.right(),
        width: area.width - gauge_area.width,
        ..area
    };
    frame.render_widget(
        Paragraph::new(Span::styled(notes, theme.tone(Tone::Hint))),
        notes_area,
    );
}
