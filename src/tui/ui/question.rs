//! One question, large and alone: key points and follow-ups hidden until revealed, the behaviors of
//! its level beside it as anchors, and the competency's study topics.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::document;
use crate::tui::layout::inner;
use crate::tui::theme::Theme;
use crate::tui::update::question_columns;

pub fn render(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    revealed: bool,
    scroll: usize,
    theme: &Theme,
) {
    let (Some((framework, competency)), Some(question)) = (app.current(), app.current_question())
    else {
        return;
    };
    let (main, side) = question_columns(body);
    let level = question.level.unwrap_or(app.level);
    let count = app.ordered_questions().len();
    let title = format!(" Question {} of {count} ", app.question + 1);
    let inside = inner(main);
    let doc = document::question(
        framework,
        competency,
        question,
        level,
        revealed,
        side.is_none(),
        usize::from(inside.width),
    );
    let lines = super::doc_lines(&doc, scroll, inside, theme);
    frame.render_widget(
        Paragraph::new(lines).block(super::pane_block(title, true, theme)),
        main,
    );
    if let Some(side) = side {
        let inside = inner(side);
        let doc =
            document::level_behaviors(framework, competency, level, usize::from(inside.width));
        let lines = super::doc_lines(&doc, 0, inside, theme);
        let block = super::pane_block(" Anchors ", false, theme);
        frame.render_widget(Paragraph::new(lines).block(block), side);
    }
}
