//! What surrounds the panes: the problems banner, the tab bar, the footer, and the too-small notice.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::{Pane, Status};
use crate::tui::keymap::{Mode, footer_hints};
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, width};

pub fn banner(frame: &mut Frame, area: Rect, problems: usize, theme: &Theme) {
    let text = format!(
        " {problems} problem{} in your content; those files were left out. Run `cuecard validate` to see {}.",
        if problems == 1 { "" } else { "s" },
        if problems == 1 { "it" } else { "them" },
    );
    let text = truncate(&text, usize::from(area.width));
    frame.render_widget(Paragraph::new(text).style(theme.banner()), area);
}

pub fn tabs(frame: &mut Frame, area: Rect, focus: Pane, theme: &Theme) {
    let each = usize::from(area.width) / Pane::ALL.len();
    let spans: Vec<Span> = Pane::ALL
        .iter()
        .map(|pane| {
            let label = truncate(pane.title(), each.saturating_sub(2));
            let text = format!("{label:^each$}");
            let style = if *pane == focus {
                theme.selected(true)
            } else {
                Style::default()
            };
            Span::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The most rows a message takes: a long one (a path, an error) wraps upwards over the screen's
/// last rows rather than being cut.
const STATUS_ROWS: usize = 4;

/// A message in place of the footer's hints: what just happened, or what went wrong.
pub fn status(frame: &mut Frame, footer: Rect, status: &Status, theme: &Theme) {
    let style = if status.error {
        theme.banner()
    } else {
        Style::default()
    };
    let width = usize::from(footer.width).saturating_sub(1).max(1);
    let mut lines = crate::tui::wrap::wrap(&status.text, width);
    let rows = lines
        .len()
        .clamp(1, STATUS_ROWS)
        .min(usize::from(footer.bottom()));
    if lines.len() > rows {
        lines.truncate(rows);
        let last = lines.pop().unwrap_or_default();
        lines.push(truncate(&format!("{last} …"), width));
    }
    let rows = u16::try_from(rows).unwrap_or(1);
    let area = Rect {
        y: footer.bottom().saturating_sub(rows),
        height: rows,
        ..footer
    };
    let text: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::raw(format!(" {l}")))
        .collect();
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(text).style(style), area);
}

/// The keys that matter in `mode`, as many as fit; `busy` while an interview goes on (`q` does
/// not quit then), after its reminder when the browser is on top.
pub fn footer(
    frame: &mut Frame,
    area: Rect,
    mode: Mode,
    interview: Option<&str>,
    busy: bool,
    theme: &Theme,
) {
    let mut spans = Vec::new();
    let mut used = 0;
    let max = usize::from(area.width);
    // An interview going on behind the browser says so first, so it is never forgotten.
    if let Some(lead) = interview {
        let lead = truncate(&format!("{lead}  "), max);
        used += width(&lead);
        spans.push(Span::styled(
            lead,
            theme.pace(crate::tui::theme::Pace::Nearly),
        ));
    }
    for (keys, what) in footer_hints(mode, busy) {
        let hint_width = width(&keys) + 1 + width(what) + 2;
        if used + hint_width > max {
            break;
        }
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
        used += hint_width;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "terminal too small: cuecard needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}
