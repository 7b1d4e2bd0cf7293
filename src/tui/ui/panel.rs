//! The hiring panel: candidates (beside or above the selected one's competencies, each a bar of
//! the panel's median level), or a candidate's debrief as text.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use crate::interview::panel::{Comparison, MIXED_AT, bar, tally};
use crate::text::inert;
use crate::tui::document::Tone;
use crate::tui::layout::inner;
use crate::tui::panel_mode::{self, PanelView};
use crate::tui::theme::Theme;
use crate::tui::wrap::truncate;

pub fn render(frame: &mut Frame, body: Rect, view: &PanelView, theme: &Theme) {
    let who = if view.viewer.name.is_empty() {
        String::new()
    } else {
        format!(" · you: {}", inert(&view.viewer.name))
    };
    if let Some(debrief) = &view.debrief {
        let title = format!(" Debrief · {}{who} ", inert(&debrief.candidate));
        frame.render_widget(super::pane_block(title, true, theme), body);
        let inside = inner(body);
        let doc = panel_mode::debrief_doc(debrief, usize::from(inside.width));
        let scroll = view
            .scroll
            .min(doc.len().saturating_sub(usize::from(inside.height)));
        let mut lines = super::doc_lines(&doc, scroll, inside, theme);
        let below = doc
            .len()
            .saturating_sub(scroll + usize::from(inside.height));
        if below > 0
            && let Some(last) = lines.last_mut()
        {
            // The row given to the sign is shown by the next line down.
            *last = Line::styled(
                format!("↓ {} more lines (j, PgDn, G)", below + 1),
                theme.tone(Tone::Hint),
            );
        }
        frame.render_widget(Paragraph::new(lines), inside);
        return;
    }
    let title = format!(
        " Panel · {} candidate{}{who} ",
        view.rows.len(),
        if view.rows.len() == 1 { "" } else { "s" }
    );
    if let Some(message) = &view.message {
        frame.render_widget(super::pane_block(title, true, theme), body);
        let mut lines = vec![Line::styled(
            inert(message).into_owned(),
            theme.tone(Tone::Hint),
        )];
        lines.extend(problem_lines(view, theme));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner(body));
        return;
    }
    let rows = view.rows.len() + usize::from(!view.problems.is_empty());
    let [list_area, detail_area] = crate::tui::layout::list_and_detail(body, rows, 100, 40);
    frame.render_widget(super::pane_block(title, true, theme), list_area);
    let inside = inner(list_area);
    let height = usize::from(inside.height);
    let first = crate::tui::layout::list_offset(view.selected, view.rows.len(), height);
    let width = usize::from(inside.width);
    let mut lines: Vec<Line> = view
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, row)| {
            let text = match row {
                panel_mode::Row::Shown(c) => {
                    let row = &view.comparison.candidates[*c];
                    let said: Vec<String> = tally(&row.recommendations)
                        .iter()
                        .map(|(value, n)| format!("{value} {n}"))
                        .collect();
                    format!(
                        "{} · {} · {}",
                        inert(&row.candidate),
                        row.interviewers,
                        inert(&said.join(", "))
                    )
                }
                panel_mode::Row::Hidden(name) => {
                    format!("{} · hidden until you submit", inert(name))
                }
            };
            let style = if i == view.selected {
                theme.selected(true)
            } else if matches!(row, panel_mode::Row::Hidden(_)) {
                theme.tone(Tone::Hint)
            } else {
                ratatui::style::Style::default()
            };
            Line::styled(truncate(&text, width), style)
        })
        .collect();
    if lines.len() < height {
        lines.extend(problem_lines(view, theme));
    }
    frame.render_widget(Paragraph::new(lines), inside);
    detail(frame, detail_area, view, theme);
}

/// The selected candidate's competencies: a bar of the median, the median and spread, the levels.
fn detail(frame: &mut Frame, area: Rect, view: &PanelView, theme: &Theme) {
    let name = view.selected_name().unwrap_or_default();
    frame.render_widget(
        super::pane_block(format!(" {} · Enter: debrief ", inert(name)), false, theme),
        area,
    );
    let inside = inner(area);
    let Some(panel_mode::Row::Shown(c)) = view.rows.get(view.selected) else {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "Colleagues' ratings of this candidate show once your own scorecard of them is submitted (x in your interview's ratings).",
                theme.tone(Tone::Hint),
            ))
            .wrap(Wrap { trim: true }),
            inside,
        );
        return;
    };
    let row = &view.comparison.candidates[*c];
    let rows: Vec<Row> = view
        .comparison
        .competencies
        .iter()
        .skip(view.scroll)
        .map(|(id, name)| {
            let name = if name.is_empty() { id } else { name };
            match Comparison::cell(row, id) {
                Some(cell) => {
                    let style = if cell.spread >= MIXED_AT {
                        theme.banner()
                    } else {
                        ratatui::style::Style::default()
                    };
                    Row::new([
                        Cell::from(inert(name).into_owned()),
                        Cell::from(bar(cell.median, cell.scale_size, 8)).style(theme.key()),
                        Cell::from(format!("{:.1} ±{}", cell.median, cell.spread)).style(style),
                        Cell::from(if cell.spread >= MIXED_AT { "mixed" } else { "" }).style(style),
                    ])
                }
                None => Row::new([
                    Cell::from(inert(name).into_owned()),
                    Cell::from("·".repeat(8)).style(theme.tone(Tone::Hint)),
                    Cell::from("not rated").style(theme.tone(Tone::Hint)),
                    Cell::from(""),
                ]),
            }
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(9),
            Constraint::Length(5),
        ],
    )
    .column_spacing(1);
    frame.render_widget(table, inside);
}

fn problem_lines(view: &PanelView, theme: &Theme) -> Vec<Line<'static>> {
    match view.problems.len() {
        0 => Vec::new(),
        n => vec![Line::styled(
            format!(
                "{n} file{} with problems (cuecard debrief names {})",
                if n == 1 { "" } else { "s" },
                if n == 1 { "it" } else { "them" }
            ),
            theme.banner(),
        )],
    }
}
