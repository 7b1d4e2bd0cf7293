//! A rehearsal card: the question alone with the answer timer, then (revealed) what a strong
//! answer covers, the follow-ups and the user's note, and the grades with the interval each would
//! give; the note editor beside it when open; a summary at the end.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::practice::schedule::Grade;
use crate::tui::app::App;
use crate::tui::document::{Tone, minutes_seconds};
use crate::tui::layout::inner;
use crate::tui::question_view;
use crate::tui::rehearsal_mode::{Rehearsal, interval_label};
use crate::tui::theme::{Theme, pace};
use crate::tui::wrap::width;

pub fn render(frame: &mut Frame, body: Rect, app: &App, rehearsal: &Rehearsal, theme: &Theme) {
    let (card_body, editor_area) = question_view::rehearsal_split(app, body);
    let total = rehearsal.queue.len();
    let shown = (rehearsal.position + 1).min(total);
    let title = format!(" Rehearsal {shown} of {total} · {} ", rehearsal.scope);
    let title = crate::tui::wrap::truncate(&title, usize::from(card_body.width.saturating_sub(2)));
    let block = super::pane_block(title, app.editor.is_none(), theme);
    let inside = inner(card_body);
    frame.render_widget(block, card_body);
    if rehearsal.done() {
        summary(frame, inside, app, rehearsal, theme);
        return;
    }
    let seconds = rehearsal.seconds(app.now);
    let top = Rect {
        height: inside.height.min(1),
        ..inside
    };
    frame.render_widget(
        Paragraph::new(Line::from(top_line(
            app, rehearsal, seconds, top.width, theme,
        ))),
        top,
    );
    let card = question_view::rehearsal_card(app, rehearsal, body);
    let (doc, text_area) = (card.doc, card.area);
    let scroll = rehearsal
        .scroll
        .min(doc.len().saturating_sub(usize::from(text_area.height)));
    let lines = super::doc_lines(&doc, scroll, text_area, theme);
    frame.render_widget(Paragraph::new(lines), text_area);
    if let (Some(area), Some(editor), Some(question)) = (
        editor_area,
        &app.editor,
        rehearsal.current().and_then(|id| app.library.question(id)),
    ) {
        super::note::render(
            frame,
            area,
            question,
            editor,
            app.marks.get(&question.id),
            theme,
        );
    }
}

/// The timer, then what to do: answer aloud, or grade, each grade with the interval it gives.
/// The longest form that fits `columns`.
fn top_line<'a>(
    app: &App,
    rehearsal: &Rehearsal,
    seconds: u64,
    columns: u16,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let target = app.answer_seconds;
    let timer_style = theme.pace(pace(seconds, target));
    let long_timer = format!(
        "⏱ {} / {}  ",
        minutes_seconds(seconds),
        minutes_seconds(target)
    );
    let short_timer = format!("⏱ {}  ", minutes_seconds(seconds));
    let hints: Vec<(String, bool)> = match rehearsal.current() {
        Some(id) if rehearsal.revealed() => {
            let intervals = app.schedule.intervals(id, app.now, app.until);
            let with_words: Vec<String> = Grade::ALL
                .iter()
                .zip(intervals)
                .enumerate()
                .map(|(i, (grade, interval))| {
                    format!("{} {} {}", i + 1, grade.label(), interval_label(interval))
                })
                .collect();
            let bare: Vec<String> = intervals
                .iter()
                .enumerate()
                .map(|(i, interval)| format!("{}:{}", i + 1, interval_label(*interval)))
                .collect();
            vec![
                (with_words.join(" · "), true),
                (format!("grade {}", bare.join(" ")), true),
            ]
        }
        _ => vec![
            ("answer aloud, then Space".to_string(), false),
            ("then Space".to_string(), false),
        ],
    };
    let style = |key: bool| {
        if key {
            theme.key()
        } else {
            theme.tone(Tone::Hint)
        }
    };
    let columns = usize::from(columns);
    for timer in [&long_timer, &short_timer] {
        for (hint, key) in &hints {
            if width(timer) + width(hint) <= columns {
                return vec![
                    Span::styled(timer.clone(), timer_style),
                    Span::styled(hint.clone(), style(*key)),
                ];
            }
        }
    }
    let (hint, key) = &hints[hints.len() - 1];
    let room = columns.saturating_sub(width(&short_timer));
    vec![
        Span::styled(short_timer, timer_style),
        Span::styled(crate::tui::wrap::truncate(hint, room), style(*key)),
    ]
}

/// The end of a rehearsal: how the answers went, the time spent, and what comes next.
fn summary(frame: &mut Frame, area: Rect, app: &App, rehearsal: &Rehearsal, theme: &Theme) {
    let counts = rehearsal.counts();
    let grades: Vec<String> = Grade::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(g, n)| format!("{} {n}", g.label()))
        .collect();
    let answered = rehearsal.log.len();
    let mut lines = vec![
        Line::styled("Rehearsal done", theme.tone(Tone::Heading)),
        Line::raw(""),
    ];
    let mut said = format!("{answered} answer{}", if answered == 1 { "" } else { "s" });
    if !grades.is_empty() {
        said.push_str(&format!(": {}", grades.join(" · ")));
    }
    lines.push(Line::raw(said));
    if rehearsal.skipped > 0 {
        lines.push(Line::raw(format!("{} skipped", rehearsal.skipped)));
    }
    lines.push(Line::raw(format!(
        "Time answering: {}",
        minutes_seconds(rehearsal.time_spent())
    )));
    let day = app.day();
    if let Some(due) = app.schedule.next_due(&rehearsal.queue, app.now) {
        let local = due.with_timezone(&day.offset);
        let when = if due < day.end {
            format!("today at {}", local.format("%H:%M"))
        } else {
            local.format("%a %-d %b at %H:%M").to_string()
        };
        lines.push(Line::raw(format!("Next review of these: {when}")));
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(format!("Today: {}", app.day_line())));
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        area,
    );
}
