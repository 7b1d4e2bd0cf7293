//! The form for a question of one's own, over the browser: a line per field, a line per key
//! point and follow-up, the cursor in the field typed in.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use tui_input::Input;

use crate::tui::app::App;
use crate::tui::document::Tone;
use crate::tui::layout::inner;
use crate::tui::question_form::{FOLLOW_UPS, KEY_POINTS, QuestionForm};
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, wrap};

/// Columns of the labels, `Follow-ups: ` the longest.
const LABEL: usize = 13;

pub fn render(frame: &mut Frame, screen: Rect, app: &App, form: &QuestionForm, theme: &Theme) {
    let competency = app
        .library
        .competency(&form.competency_id)
        .map_or("", |c| c.name.as_str());
    let framework = form.competency_id.split('/').next().unwrap_or_default();
    let level_names = app
        .library
        .framework(framework)
        .map(|f| f.levels.clone())
        .unwrap_or_default();
    let area_width = 80.min(screen.width);
    let room = usize::from(area_width.saturating_sub(2))
        .saturating_sub(LABEL + 1)
        .max(1);
    let message_lines = form.message.as_deref().map_or(1, |m| {
        wrap(m, usize::from(area_width.saturating_sub(2))).len()
    });
    let needed = wrap(form.text.value(), room).len().clamp(1, 3)
        + 2
        + form.key_points.len()
        + form.follow_ups.len()
        + 1
        + message_lines;
    let area_height = u16::try_from(needed + 2)
        .unwrap_or(u16::MAX)
        .min(screen.height.saturating_sub(2).max(3))
        .min(screen.height);
    let area = Rect {
        x: screen.x + (screen.width - area_width) / 2,
        y: screen.y + (screen.height - area_height) / 2,
        width: area_width,
        height: area_height,
    };
    frame.render_widget(Clear, area);
    let verb = if form.editing.is_some() {
        "Edit"
    } else {
        "Add"
    };
    let title = format!(" {verb} a question · {} ", crate::text::inert(competency));
    let title = truncate(&title, usize::from(area_width.saturating_sub(2)));
    frame.render_widget(super::pane_block(title.as_str(), true, theme), area);
    let inside = inner(area);
    let max = usize::from(inside.width);
    let room = max.saturating_sub(LABEL + 1).max(1);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    let label = |field: usize, row: usize, named: bool| -> Span<'static> {
        let active = field == form.field;
        let name = if named {
            QuestionForm::FIELDS[field]
        } else {
            ""
        };
        let marker = if active && row == form.row {
            "▸"
        } else {
            " "
        };
        Span::styled(
            format!(
                "{marker}{name:>w$}{}",
                if name.is_empty() { "  " } else { ": " },
                w = LABEL - 3
            ),
            if active {
                theme.key()
            } else {
                theme.tone(Tone::Hint)
            },
        )
    };
    // A field's line: the typed line, scrolled to keep the cursor in view when it is typed in.
    let mut field_line = |lines: &mut Vec<Line>,
                          field: usize,
                          row: usize,
                          named: bool,
                          input: &Input,
                          after: &str| {
        let active = field == form.field && row == form.row;
        let shown = if active {
            let scroll = input.visual_scroll(room);
            let value = crate::text::inert(input.value()).into_owned();
            let tail: String = value.chars().skip(scroll).collect();
            cursor = Some((
                inside.x
                    + u16::try_from(LABEL + input.visual_cursor().saturating_sub(scroll))
                        .unwrap_or(0),
                inside.y + u16::try_from(lines.len()).unwrap_or(0),
            ));
            truncate(&tail, room)
        } else {
            truncate(&crate::text::inert(input.value()), room)
        };
        let mut spans = vec![label(field, row, named), Span::raw(shown)];
        if !after.is_empty() {
            spans.push(Span::styled(after.to_string(), theme.tone(Tone::Quiet)));
        }
        lines.push(Line::from(spans));
    };
    // The question, wrapped in full while another field is typed in.
    if form.field == 0 {
        field_line(&mut lines, 0, 0, true, &form.text, "");
    } else {
        let text = crate::text::inert(form.text.value()).into_owned();
        for (i, part) in wrap(&text, room).into_iter().take(3).enumerate() {
            lines.push(Line::from(vec![label(0, i, i == 0), Span::raw(part)]));
        }
        if text.is_empty() {
            lines.push(Line::from(vec![label(0, 0, true)]));
        }
    }
    let level_hint = match form.typed_level() {
        Some(n) if n <= level_names.len() => format!("  {}", level_names[n - 1]),
        _ => format!("  1 to {}, or empty", level_names.len()),
    };
    field_line(&mut lines, 1, 0, true, &form.level, &level_hint);
    field_line(
        &mut lines,
        2,
        0,
        true,
        &form.kind,
        "  e.g. behavioral, situational",
    );
    // Each list shows the lines around the one typed in, as many as fit.
    let left = usize::from(inside.height).saturating_sub(lines.len() + 2);
    let (points, follow_ups) = (form.key_points.len(), form.follow_ups.len());
    let rows = if points + follow_ups <= left {
        [points, follow_ups]
    } else {
        let second = follow_ups.min(left / 2).max(1);
        [left.saturating_sub(second).max(1), second]
    };
    for (k, (field, list)) in [
        (KEY_POINTS, &form.key_points),
        (FOLLOW_UPS, &form.follow_ups),
    ]
    .into_iter()
    .enumerate()
    {
        let per_list = rows[k].max(1);
        let focus = if field == form.field { form.row } else { 0 };
        let first = focus
            .saturating_sub(per_list - 1)
            .min(list.len().saturating_sub(per_list));
        for (row, input) in list.iter().enumerate().skip(first).take(per_list) {
            field_line(&mut lines, field, row, row == first, input, "");
        }
        let hidden = list.len().saturating_sub(first + per_list);
        if hidden > 0
            && field != form.field
            && let Some(last) = lines.last_mut()
        {
            last.push_span(Span::styled(
                format!("  +{hidden}"),
                theme.tone(Tone::Quiet),
            ));
        }
    }
    lines.push(Line::raw(""));
    let (message, style) = match &form.message {
        Some(message) => (message.clone(), theme.banner()),
        None => (
            if matches!(form.field, KEY_POINTS | FOLLOW_UPS) {
                "Enter another line · Tab next · C-s save · Esc cancel"
            } else {
                "Enter/Tab next field · C-s save · Esc cancel"
            }
            .to_string(),
            theme.tone(Tone::Hint),
        ),
    };
    for part in wrap(&message, max) {
        lines.push(Line::styled(part, style));
    }
    let fits = usize::from(inside.height);
    if lines.len() > fits {
        // The message at the bottom stays: the lists give way.
        let tail = lines.split_off(lines.len() - wrap(&message, max).len());
        lines.truncate(fits.saturating_sub(tail.len()));
        lines.extend(tail);
    }
    frame.render_widget(Paragraph::new(lines), inside);
    if let Some((x, y)) = cursor
        && x < inside.right()
        && y < inside.bottom()
    {
        frame.set_cursor_position((x, y));
    }
}
