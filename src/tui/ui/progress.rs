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
use crate::tui::layout::inner;
use crate::tui::theme::Theme;
use crate::tui::wrap::truncate;

/// Rows each competency takes.
const ROWS: u16 = 3;

pub fn render(frame: &mut Frame, body: Rect, app: &App, scroll: usize, theme: &Theme) {
    let rows = progress(
        &app.library,
        &app.schedule,
        |id| {
            app.note(id)
                .is_some_and(|n| crate::practice::has_content(&n))
        },
        app.now,
    );
    let due: usize = rows.iter().map(|r| r.due).sum();
    let streak = app.schedule.streak(app.now.date_naive());
    let title = format!(
        " Progress · {due} due · {streak} day{} in a row ",
        if streak == 1 { "" } else { "s" }
    );
    let block = super::pane_block(title, true, theme);
    let inside = inner(body);
    frame.render_widget(block, body);
    let width = usize::from(inside.width);
    let legend = "notes per level: ● all questions · ◐ some · ○ none · · no questions";
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(legend, width),
            theme.tone(Tone::Hint),
        )),
        Rect {
            height: inside.height.min(1),
            ..inside
        },
    );
    let mut y = inside.y + 2;
    for row in rows.iter().skip(scroll) {
        if y + ROWS > inside.bottom() + 1 {
            break;
        }
        let area = |offset: u16| Rect {
            y: y + offset,
            height: 1,
            ..inside
        };
        let heading = Line::from(vec![
            Span::styled(
                truncate(&row.name, width.saturating_sub(24)),
                theme.tone(Tone::Title),
            ),
            Span::styled(stats(row), theme.tone(Tone::Hint)),
        ]);
        frame.render_widget(Paragraph::new(heading), area(0));
        if y + 1 < inside.bottom() {
            gauge_line(frame, area(1), row, theme);
        }
        y += ROWS;
    }
}

/// "  due 2 · recall 81%"
fn stats(row: &CompetencyProgress) -> String {
    let mut text = String::new();
    if row.due > 0 {
        text.push_str(&format!("  due {}", row.due));
    }
    if let Some(recall) = row.mean_recall {
        text.push_str(&format!("  recall {:.0}%", recall * 100.0));
    }
    text
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
