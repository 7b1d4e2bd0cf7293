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
    let title = match interview.rating {
        Some(_) => format!(" Ratings · {} ", session.candidate),
        None => format!(
            " {} · question {} of {} ",
            session.candidate,
            (interview.current + 1).min(session.questions.len()),
            session.questions.len()
        ),
    };
    let title = truncate(&title, usize::from(body.width.saturating_sub(2)));
    frame.render_widget(super::pane_block(title, true, theme), body);
    let (on_question, total) = interview.clocks(app.now);
    let budget = session.minutes * 60;
    let plan_pace = session.pace();
    let mut timers = vec![
        Span::styled(
            format!("⏱ {}", minutes_seconds(on_question)),
            theme.pace(Pace::Fine),
        ),
        Span::raw(" · "),
        Span::styled(
            format!("{} of {}", minutes_seconds(total), minutes_seconds(budget)),
            theme.pace(pace(total, budget)),
        ),
    ];
    if let Some(each) = plan_pace.minutes_each() {
        timers.push(Span::styled(
            format!(" · {} left, ~{each} min each", plan_pace.questions_left),
            theme.tone(Tone::Hint),
        ));
    }
    let top = Rect {
        height: inside.height.min(1),
        ..inside
    };
    frame.render_widget(Paragraph::new(Line::from(timers)), top);
    let card = question_view::live_interview(app, interview, body);
    let text_area = card.area;
    let text_width = usize::from(text_area.width);
    match interview.rating {
        Some(selected) => {
            let doc = interview_doc::ratings(&app.library, session, selected, text_width);
            // The header stays; the scale scrolls, from the chosen (or target) level on.
            let header_rows = (doc.header.len() + 1).min(usize::from(text_area.height) / 2);
            let header_area = Rect {
                height: u16::try_from(header_rows).unwrap_or(0),
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
            let header = super::doc_lines(&doc.header, 0, header_area, theme);
            frame.render_widget(Paragraph::new(header), header_area);
            let levels = super::doc_lines(&doc.levels, scroll as usize, levels_area, theme);
            frame.render_widget(Paragraph::new(levels), levels_area);
        }
        None => {
            let scroll = interview
                .scroll
                .min(card.doc.len().saturating_sub(usize::from(text_area.height)));
            let lines = super::doc_lines(&card.doc, scroll, text_area, theme);
            frame.render_widget(Paragraph::new(lines), text_area);
        }
    }
    if let Some(input) = &interview.input
        && inside.height > 2
    {
        let line_area = Rect {
            y: inside.bottom() - 1,
            height: 1,
            ..inside
        };
        let label = format!("{}: ", input.label());
        let room = usize::from(line_area.width).saturating_sub(width(&label) + 1);
        // The end of what is typed stays in view.
        let text = input.text();
        let shown: String = {
            let chars: Vec<char> = text.chars().collect();
            let mut taken = String::new();
            for c in chars.iter().rev() {
                if width(&taken) + 1 > room {
                    break;
                }
                taken.insert(0, *c);
            }
            taken
        };
        let line = Line::from(vec![
            Span::styled(label, theme.key()),
            Span::raw(crate::text::inert(&shown).into_owned()),
            Span::styled(" ", theme.selected(true)),
        ]);
        frame.render_widget(Paragraph::new(line), line_area);
    }
}

/// The set-up form, over the browser: the candidate, the role, the minutes, and what the
/// interview will cover.
pub fn setup(frame: &mut Frame, screen: Rect, app: &App, form: &Setup, theme: &Theme) {
    let width_needed = 56.min(screen.width);
    let height_needed = 9.min(screen.height);
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
    let about = match app.current() {
        Some((_, competency)) => format!("{} at L{}", competency.name, app.level),
        None => "no competency selected".to_string(),
    };
    let max = usize::from(inside.width);
    let mut lines = vec![
        Line::styled(truncate(&about, max), theme.tone(Tone::Hint)),
        Line::raw(""),
    ];
    for (i, name) in Setup::FIELDS.iter().enumerate() {
        let label = format!("{name:>9}: ");
        let value = crate::text::inert(form.value(i)).into_owned();
        let room = max.saturating_sub(width(&label) + 1);
        let mut spans = vec![
            Span::styled(label, theme.key()),
            Span::raw(truncate(&value, room)),
        ];
        if i == form.field {
            spans.push(Span::styled(" ", theme.selected(true)));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        truncate("Tab next field · Enter start · Esc cancel", max),
        theme.tone(Tone::Hint),
    ));
    frame.render_widget(Paragraph::new(lines), inside);
}
