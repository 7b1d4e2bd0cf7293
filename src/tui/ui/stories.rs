//! The stories screen: the bank (a story selected, shown beside or below the list) or the
//! coverage map, a table of competencies × levels with the stories evidencing each cell.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::tui::app::App;
use crate::tui::document::{self, Tone};
use crate::tui::layout::inner;
use crate::tui::stories_mode::StoriesView;
use crate::tui::theme::Theme;
use crate::tui::wrap::truncate;

pub fn render(frame: &mut Frame, body: Rect, app: &App, view: &StoriesView, theme: &Theme) {
    if view.map {
        return coverage_map(frame, body, app, view.map_row, theme);
    }
    let count = app.stories.len();
    let title = match &view.linking {
        Some(_) => " Which story answers it? Enter links ".to_string(),
        None => format!(" Stories · {count} ",),
    };
    if count == 0 {
        let block = super::pane_block(title, true, theme);
        let inside = inner(body);
        frame.render_widget(block, body);
        let mut text = vec![Line::styled(
            "No stories yet. n starts one here (or, from a script: cuecard stories add).",
            theme.tone(Tone::Hint),
        )];
        problems_line(&mut text, app, theme);
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
            inside,
        );
        return;
    }
    let [list_area, story_area] = crate::tui::layout::list_and_detail(body, count, 90, 35);
    frame.render_widget(super::pane_block(title, true, theme), list_area);
    let inside = inner(list_area);
    let rows = usize::from(inside.height);
    let first = crate::tui::layout::list_offset(view.selected, count, rows);
    let width = usize::from(inside.width);
    let mut lines: Vec<Line> = app
        .stories
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, story)| {
            let minutes =
                document::minutes_seconds(crate::practice::speaking_seconds(story.words()));
            let card = crate::stories::card_id(&story.id);
            let rehearsed = app.schedule.questions.get(&card).map_or_else(
                || "not rehearsed".to_string(),
                |record| {
                    let local = record.last_review.with_timezone(&app.offset);
                    format!("rehearsed {}", local.format("%b %-d"))
                },
            );
            let text = format!(
                "{} · {minutes} · {rehearsed}",
                crate::text::inert(&story.title)
            );
            let style = if i == view.selected {
                theme.selected(true)
            } else {
                ratatui::style::Style::default()
            };
            Line::styled(truncate(&text, width), style)
        })
        .collect();
    problems_line(&mut lines, app, theme);
    frame.render_widget(Paragraph::new(lines), inside);
    // The story being written takes the story's place, even while a mistake in its front matter
    // leaves it out of the list.
    if let Some(editor) = app
        .editor
        .as_ref()
        .filter(|e| crate::stories::story_of_card(&e.question_id).is_some())
    {
        super::note::render_story(frame, story_area, editor, theme);
        return;
    }
    let Some(story) = app.stories.get(view.selected) else {
        return;
    };
    frame.render_widget(super::pane_block(" Story ", false, theme), story_area);
    let inside = inner(story_area);
    let doc = document::story(&app.library, story, usize::from(inside.width));
    let scroll = view.scroll.min(doc.len().saturating_sub(1));
    frame.render_widget(
        Paragraph::new(super::doc_lines(&doc, scroll, inside, theme)),
        inside,
    );
}

fn problems_line(lines: &mut Vec<Line>, app: &App, theme: &Theme) {
    let n = app.story_problems.len();
    if n > 0 {
        lines.push(Line::styled(
            format!(
                "{n} story file{} with problems left out: `cuecard stories` names {}",
                if n == 1 { "" } else { "s" },
                if n == 1 { "it" } else { "them" }
            ),
            theme.banner(),
        ));
    }
}

/// Competencies × levels: the stories evidencing each cell, the target level's column marked,
/// `gap` where fewer than two stories reach it.
fn coverage_map(frame: &mut Frame, body: Rect, app: &App, selected: usize, theme: &Theme) {
    let rows = crate::stories::coverage(&app.library, &app.stories, |framework| {
        app.target_levels.get(framework).copied()
    });
    let gaps = rows.iter().filter(|r| r.gap).count();
    let title = format!(
        " Coverage map · {gaps} gap{} ",
        if gaps == 1 { "" } else { "s" }
    );
    frame.render_widget(super::pane_block(title, true, theme), body);
    let inside = inner(body);
    let top = app.library.top_level();
    let header = Row::new(
        std::iter::once(Cell::from("Competency"))
            .chain((1..=top).map(|l| Cell::from(format!("L{l}"))))
            .chain(std::iter::once(Cell::from(""))),
    )
    .style(theme.tone(Tone::Heading));
    let table_rows: Vec<Row> = rows
        .iter()
        .map(|row| {
            let name = app
                .library
                .competency(&row.competency)
                .map_or(row.competency.as_str(), |c| c.name.as_str());
            let cells = std::iter::once(Cell::from(crate::text::inert(name).into_owned()))
                .chain((1..=top).map(|level| {
                    let text = match row.stories.get(level - 1) {
                        Some(0) => "·".to_string(),
                        Some(n) => n.to_string(),
                        None => String::new(),
                    };
                    let cell = Cell::from(text);
                    if row.target == Some(level) {
                        cell.style(theme.key())
                    } else {
                        cell
                    }
                }))
                .chain(std::iter::once(if row.gap {
                    Cell::from(Span::styled("gap", theme.banner()))
                } else {
                    Cell::from("ok")
                }));
            Row::new(cells)
        })
        .collect();
    let selected = selected.min(rows.len().saturating_sub(1));
    let widths = std::iter::once(Constraint::Fill(1))
        .chain((1..=top).map(|_| Constraint::Length(3)))
        .chain(std::iter::once(Constraint::Length(4)));
    // Below the table: the behaviors of the selected competency no story shows yet.
    let uncovered = rows
        .get(selected)
        .map(|r| r.uncovered.as_slice())
        .unwrap_or(&[]);
    let detail_rows = u16::try_from(uncovered.len() + 1)
        .unwrap_or(u16::MAX)
        .min(inside.height / 3);
    let [table_area, detail_area, note_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(detail_rows),
        Constraint::Length(2),
    ])
    .areas(inside);
    let mut state = ratatui::widgets::TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(
        Table::new(table_rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(theme.selected(true)),
        table_area,
        &mut state,
    );
    if let Some(row) = rows.get(selected) {
        let width = usize::from(detail_area.width);
        let name = app
            .library
            .competency(&row.competency)
            .map_or(row.competency.as_str(), |c| c.name.as_str());
        let mut lines = vec![Line::styled(
            truncate(
                &format!(
                    "{} · behaviors no story shows yet: {}",
                    crate::text::inert(name),
                    row.uncovered.len()
                ),
                width,
            ),
            theme.tone(Tone::Heading),
        )];
        lines.extend(row.uncovered.iter().map(|(level, text)| {
            Line::raw(truncate(
                &format!("  L{level} {}", crate::text::inert(text)),
                width,
            ))
        }));
        frame.render_widget(Paragraph::new(lines), detail_area);
    }
    let note = if app.target_levels.is_empty() {
        "A gap: fewer than 2 stories at any level. Set the target level (t in the progress view) to judge at it."
    } else {
        "A gap: fewer than 2 stories at or above the target level (highlighted). c: back to the stories."
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            note,
            theme.tone(Tone::Hint).add_modifier(Modifier::empty()),
        ))
        .wrap(ratatui::widgets::Wrap { trim: true }),
        note_area,
    );
}
