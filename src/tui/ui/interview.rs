//! The interview: the live view (timers, the current question with its checklist, anchors and
//! notes), the ratings view, the line being typed, and the set-up form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::document::{Tone, minutes_seconds};
use crate::tui::interview_doc;
use crate::tui::interview_mode::Interview;
use crate::tui::layout::inner;
use crate::tui::question_view;
use crate::tui::setup_mode::Setup;
use crate::tui::theme::{Pace, Theme, pace};
use crate::tui::wrap::{truncate, width};

pub fn render(frame: &mut Frame, body: Rect, app: &App, interview: &Interview, theme: &Theme) {
    let session = &interview.session;
    let inside = inner(body);
    // The name is the user's text: inert, whatever it holds (bidi overrides, escapes).
    let candidate = crate::text::inert(&session.candidate);
    let title = match interview.rating {
        Some(_) => match &session.submitted {
            Some(s) if s.amending => format!(" Ratings · {candidate} · amending v{} ", s.version),
            Some(s) => format!(
                " Ratings · {candidate} · submitted v{} · locked ",
                s.version
            ),
            None => format!(" Ratings · {candidate} "),
        },
        None => format!(
            " {candidate} · question {} of {} ",
            (interview.current + 1).min(session.questions.len()),
            session.questions.len()
        ),
    };
    let title = truncate(&title, usize::from(body.width.saturating_sub(2)));
    frame.render_widget(super::pane_block(title, true, theme), body);
    let timers = timer_line(interview, app.now, theme);
    let top = Rect {
        height: inside.height.min(1),
        ..inside
    };
    frame.render_widget(Paragraph::new(timers), top);
    let card = question_view::live_interview(app, interview, body);
    let text_area = card.area;
    let text_width = usize::from(text_area.width);
    match interview.rating {
        Some(selected) => {
            let doc = interview_doc::ratings(&app.library, session, selected, text_width);
            // The details (evidence, recommendation, summary) always show; the competencies as
            // many as fit around the selected one, saying how many more there are; the scale
            // has the rest, at least three rows.
            let height = usize::from(text_area.height);
            let details_rows = doc.details.len().min(height.saturating_sub(4));
            let room = height.saturating_sub(details_rows + 4).max(1);
            let list_rows = doc.list.len().min(room);
            let first =
                crate::tui::layout::list_offset(doc.selected_line, doc.list.len(), list_rows);
            let mut header: Vec<Line> = doc.list[first..first + list_rows]
                .iter()
                .map(|l| Line::styled(l.text.as_str(), theme.tone(l.tone)))
                .collect();
            let hidden = doc.list.len() - list_rows;
            if hidden > 0 && list_rows >= 2 {
                // The row given up for the sign is never the selected one's.
                let more = Line::styled(
                    format!("  … {} more competencies (j/k)", hidden + 1),
                    theme.tone(Tone::Hint),
                );
                if doc.selected_line + 1 == first + list_rows {
                    header[0] = more;
                } else {
                    header.pop();
                    header.push(more);
                }
            }
            header.extend(
                doc.details[..details_rows]
                    .iter()
                    .map(|l| Line::styled(l.text.as_str(), theme.tone(l.tone))),
            );
            let header_rows = header.len() + 1;
            let header_area = Rect {
                height: u16::try_from(header_rows)
                    .unwrap_or(0)
                    .min(text_area.height),
                ..text_area
            };
            let levels_area = Rect {
                y: header_area.bottom(),
                height: text_area.height.saturating_sub(header_area.height),
                ..text_area
            };
            let base = doc
                .level_starts
                .get(doc.focus.saturating_sub(1))
                .copied()
                .unwrap_or(0) as i64;
            let last = doc
                .levels
                .len()
                .saturating_sub(usize::from(levels_area.height)) as i64;
            let scroll = (base + i64::from(interview.rating_offset)).clamp(0, last.max(0));
            frame.render_widget(Paragraph::new(header), header_area);
            let levels = super::doc_lines(&doc.levels, scroll as usize, levels_area, theme);
            frame.render_widget(Paragraph::new(levels), levels_area);
        }
        None => {
            let height = usize::from(text_area.height);
            let scroll = interview.scroll.min(card.doc.len().saturating_sub(height));
            let mut lines = super::doc_lines(&card.doc, scroll, text_area, theme);
            // What is below the fold is named on the last row, so nothing is cut without a sign.
            let shown = scroll + height;
            if card.doc.len() > shown && height >= 2 {
                let hidden = card.doc.len() - (shown - 1);
                let mut below: Vec<&str> = card.doc[shown - 1..]
                    .iter()
                    .filter(|l| l.tone == Tone::Heading)
                    .map(|l| l.text.split(" · ").next().unwrap_or(""))
                    .collect();
                // A section cut at the fold is named first ("key points"), not only those below.
                let cut = card
                    .doc
                    .get(shown - 1)
                    .is_some_and(|l| l.tone != Tone::Heading && !l.text.is_empty());
                if cut
                    && let Some(heading) = card.doc[..shown - 1]
                        .iter()
                        .rev()
                        .find(|l| l.tone == Tone::Heading)
                {
                    below.insert(0, heading.text.split(" · ").next().unwrap_or(""));
                }
                let what = if below.is_empty() {
                    String::new()
                } else {
                    format!(": {}", below.join(", ").to_lowercase())
                };
                let more = format!("↓ {hidden} more{what}");
                lines.pop();
                // The newest note stays in sight even when the notes are below the fold.
                let newest = session
                    .questions
                    .get(interview.current)
                    .and_then(|q| q.notes.last());
                if let Some(note) = newest.filter(|_| below.contains(&"Notes") && height >= 4) {
                    let text = format!("✎ {}′ {}", note.minute, crate::text::inert(&note.text));
                    lines.pop();
                    lines.push(Line::styled(
                        truncate(&text, usize::from(text_area.width)),
                        theme.tone(Tone::Body),
                    ));
                }
                lines.push(Line::styled(
                    truncate(&more, usize::from(text_area.width)),
                    theme.tone(Tone::Hint),
                ));
            }
            frame.render_widget(Paragraph::new(lines), text_area);
        }
    }
    if let Some(input) = &interview.input {
        let rows = question_view::input_rows(interview, usize::from(inside.width));
        let rows = u16::try_from(rows).unwrap_or(1).min(inside.height);
        let area = Rect {
            y: inside.bottom().saturating_sub(rows),
            height: rows,
            ..inside
        };
        typed_line(frame, area, input, theme);
    }
}

/// The top line: the clocks against the budget and the pace, or what the clock is waiting for.
fn timer_line(
    interview: &Interview,
    now: chrono::DateTime<chrono::Utc>,
    theme: &Theme,
) -> Line<'static> {
    let session = &interview.session;
    let (on_question, total) = interview.clocks(now);
    let budget = session.minutes * 60;
    let against = format!("{} of {}", minutes_seconds(total), minutes_seconds(budget));
    if interview.confirm_submit {
        return Line::styled(
            "Submit to the panel? Enter submits, ratings lock · any other key: no",
            theme.key(),
        );
    }
    if interview.confirm_end {
        let drafts = session
            .questions
            .iter()
            .filter(|q| !q.draft.is_empty())
            .count();
        let text = match drafts {
            0 => "End the interview? Enter ends it, its clock stops; any other key goes on"
                .to_string(),
            n => format!(
                "End? {n} draft{} not noted · Enter ends, any other key goes on",
                if n == 1 { "" } else { "s" }
            ),
        };
        return Line::styled(text, theme.key());
    }
    if interview.ended() {
        return Line::from(vec![
            Span::styled("■ ended · ", theme.tone(Tone::Hint)),
            Span::styled(against, theme.pace(pace(total, budget))),
        ]);
    }
    if !interview.running {
        let text = if total == 0 {
            format!(
                "Ready? Space starts the clock · {} budget",
                minutes_seconds(budget)
            )
        } else {
            format!("⏸ paused at {against} · Space resumes")
        };
        return Line::styled(text, theme.key());
    }
    let share = interview.question_share(now);
    let question_pace = if on_question > share {
        Pace::Nearly
    } else {
        Pace::Fine
    };
    let mut spans = vec![
        Span::styled(
            format!("⏱ {}", minutes_seconds(on_question)),
            theme.pace(question_pace),
        ),
        Span::raw(" · "),
        Span::styled(against, theme.pace(pace(total, budget))),
    ];
    if total > budget {
        spans.push(Span::styled(
            format!(" · {} over", minutes_seconds(total - budget)),
            theme.pace(Pace::Over),
        ));
    } else {
        let plan_pace = session.pace();
        if let Some(each) = plan_pace.seconds_each() {
            let each = if each >= 60 {
                format!("~{} min", each / 60)
            } else {
                format!("~{each} s")
            };
            spans.push(Span::styled(
                format!(" · {} left, {each} each", plan_pace.questions_left),
                theme.tone(Tone::Hint),
            ));
        }
    }
    Line::from(spans)
}

/// The line being typed, wrapped over `area`'s rows, with the terminal's cursor at its cursor;
/// when it is longer than the rows, the rows around the cursor.
fn typed_line(
    frame: &mut Frame,
    area: Rect,
    input: &crate::tui::interview_mode::Input,
    theme: &Theme,
) {
    let width = usize::from(area.width).max(1);
    let label = format!("{}: ", input.label());
    let text = crate::text::inert(input.text()).into_owned();
    let cursor_chars = input.line.cursor();
    // Each character's cell, wrapping at the width (a wide character never straddles rows).
    let mut cells: Vec<(char, usize, usize, bool)> = Vec::new();
    let (mut row, mut col) = (0usize, 0usize);
    let mut cursor = None;
    for (i, c) in label
        .chars()
        .map(|c| (c, true))
        .chain(text.chars().map(|c| (c, false)))
        .enumerate()
    {
        let (c, is_label) = c;
        if !is_label && i - label.chars().count() == cursor_chars {
            cursor = Some((row, col));
        }
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if col + w > width {
            row += 1;
            col = 0;
        }
        cells.push((c, row, col, is_label));
        col += w;
    }
    if col >= width {
        row += 1;
        col = 0;
    }
    let cursor = cursor.unwrap_or((row, col));
    let rows = usize::from(area.height).max(1);
    let first = cursor.0.saturating_sub(rows - 1);
    let mut lines: Vec<Vec<Span>> = vec![Vec::new(); rows];
    for (c, r, _, is_label) in cells {
        if r < first || r >= first + rows {
            continue;
        }
        let style = if is_label {
            theme.key()
        } else {
            ratatui::style::Style::default()
        };
        lines[r - first].push(Span::styled(c.to_string(), style));
    }
    let lines: Vec<Line> = lines.into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(lines), area);
    let x = area.x + u16::try_from(cursor.1).unwrap_or(0);
    let y = area.y + u16::try_from(cursor.0 - first).unwrap_or(0);
    if x < area.right() && y < area.bottom() {
        frame.set_cursor_position((x, y));
    }
}

/// The set-up form, over the browser: the candidate, the role, the minutes, and what the
/// interview will cover.
pub fn setup(frame: &mut Frame, screen: Rect, _app: &App, form: &Setup, theme: &Theme) {
    use crate::tui::setup_mode::COMPETENCIES;
    // The competency list opens below the fields while Assess is the field.
    let list_rows = if form.field == COMPETENCIES {
        form.all.len().min(6)
    } else {
        0
    };
    let width_needed = 58.min(screen.width);
    let height_needed = u16::try_from(9 + list_rows)
        .unwrap_or(u16::MAX)
        .min(screen.height);
    let area = Rect {
        x: screen.x + (screen.width - width_needed) / 2,
        y: screen.y + (screen.height - height_needed) / 2,
        width: width_needed,
        height: height_needed,
    };
    frame.render_widget(Clear, area);
    let block = super::pane_block(" New interview ", true, theme);
    let inside = inner(area);
    frame.render_widget(block, area);
    let max = usize::from(inside.width);
    let mut lines = Vec::new();
    for (i, name) in Setup::FIELDS.iter().enumerate() {
        let active = i == form.field;
        let marker = if active { "▸" } else { " " };
        let label = format!("{marker}{name:>9}: ");
        let value = if i == COMPETENCIES {
            let names = form.chosen_names();
            match names.as_slice() {
                [] => "none ticked yet".to_string(),
                [one] => (*one).to_string(),
                [first, rest @ ..] => format!("{first} +{}", rest.len()),
            }
        } else {
            crate::text::inert(form.value(i)).into_owned()
        };
        let room = max.saturating_sub(width(&label) + 1);
        let style = if active && form.fresh {
            // Pre-filled and untouched: shown selected, as typing replaces it.
            theme.selected(true)
        } else {
            ratatui::style::Style::default()
        };
        let mut spans = vec![
            Span::styled(
                label,
                if active {
                    theme.key()
                } else {
                    theme.tone(Tone::Hint)
                },
            ),
            Span::styled(truncate(&value, room), style),
        ];
        if active && i != COMPETENCIES {
            spans.push(Span::styled(" ", theme.selected(true)));
        }
        lines.push(Line::from(spans));
    }
    if list_rows > 0 {
        let first = crate::tui::layout::list_offset(form.cursor, form.all.len(), list_rows);
        for (i, (id, name)) in form.all.iter().enumerate().skip(first).take(list_rows) {
            let tick = if form.chosen.contains(id) {
                "[x]"
            } else {
                "[ ]"
            };
            let text = truncate(&format!("   {tick} {name}"), max);
            let style = if i == form.cursor {
                theme.selected(true)
            } else {
                ratatui::style::Style::default()
            };
            lines.push(Line::styled(text, style));
        }
    }
    lines.push(Line::raw(""));
    let hint = if form.field == COMPETENCIES {
        "↑↓ Space ticks · Tab · Enter starts · Esc"
    } else {
        "Tab next field · Enter start · Esc cancel"
    };
    lines.push(Line::styled(truncate(hint, max), theme.tone(Tone::Hint)));
    frame.render_widget(Paragraph::new(lines), inside);
}
