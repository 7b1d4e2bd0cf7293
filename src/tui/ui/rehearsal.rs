//! A rehearsal card: the question alone with the answer timer, then (revealed) what a strong
//! answer covers, the follow-ups and the user's note, and the grades; a summary at the end.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::practice::schedule::Grade;
use crate::tui::app::App;
use crate::tui::document::{Tone, minutes_seconds};
use crate::tui::layout::inner;
use crate::tui::question_view;
use crate::tui::rehearsal_mode::Rehearsal;
use crate::tui::theme::{Theme, pace};

pub fn render(frame: &mut Frame, body: Rect, app: &App, rehearsal: &Rehearsal, theme: &Theme) {
    let total = rehearsal.queue.len();
    let shown = (rehearsal.position + 1).min(total);
    let title = format!(" Rehearsal · {} · {shown} of {total} ", rehearsal.scope);
    let block = super::pane_block(title, true, theme);
    let inside = inner(body);
    frame.render_widget(block, body);
    if rehearsal.done() {
        summary(frame, inside, app, rehearsal, theme);
        return;
    }
    let seconds = rehearsal.seconds(app.now);
    let target = app.answer_seconds;
    let mut timer = vec![
        Span::styled(
            format!(
                "⏱ {} / {}",
                minutes_seconds(seconds),
                minutes_seconds(target)
            ),
            theme.pace(pace(seconds, target)),
        ),
        Span::raw("  "),
    ];
    if rehearsal.revealed() {
        timer.push(Span::styled(
            "grade it: 1 Again · 2 Hard · 3 Good · 4 Easy",
            theme.key(),
        ));
    } else {
        timer.push(Span::styled(
            "answer aloud, then Space",
            theme.tone(Tone::Hint),
        ));
    }
    let card = question_view::rehearsal_card(app, rehearsal, body);
    let (doc, text_area) = (card.doc, card.area);
    let scroll = rehearsal
        .scroll
        .min(doc.len().saturating_sub(usize::from(text_area.height)));
    frame.render_widget(
        Paragraph::new(Line::from(timer)),
        Rect {
            height: inside.height.min(1),
            ..inside
        },
    );
    let lines = super::doc_lines(&doc, scroll, text_area, theme);
    frame.render_widget(Paragraph::new(lines), text_area);
}

/// The end of a rehearsal: how the answers went, and when the next review is.
fn summary(frame: &mut Frame, area: Rect, app: &App, rehearsal: &Rehearsal, theme: &Theme) {
    let count = |grade: Grade| rehearsal.grades.iter().filter(|g| **g == grade).count();
    let grades: Vec<String> = Grade::ALL
        .iter()
        .map(|g| format!("{} {}", g.label(), count(*g)))
        .collect();
    let mut lines = vec![
        Line::styled("Rehearsal done", theme.tone(Tone::Heading)),
        Line::raw(""),
        Line::raw(format!(
            "{} answered: {}",
            rehearsal.grades.len(),
            grades.join(" · ")
        )),
    ];
    let next = rehearsal
        .queue
        .iter()
        .filter_map(|id| app.schedule.questions.get(id))
        .map(|r| r.due)
        .min();
    if let Some(due) = next {
        lines.push(Line::raw(format!(
            "Next review of these: {}",
            due.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M")
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Esc goes back to the browser; p shows your progress there.",
        theme.tone(Tone::Hint),
    ));
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        area,
    );
}
