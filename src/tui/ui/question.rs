//! One question, large and alone: key points and follow-ups hidden until revealed, the behaviors of
//! its level beside it as anchors (or the note editor, when open), and the competency's study topics.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::document;
use crate::tui::layout::inner;
use crate::tui::question_view::QuestionView;
use crate::tui::theme::Theme;

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
    let view = QuestionView::new(app, body, revealed);
    let count = app.ordered_questions().len();
    let title = format!(" Question {} of {count} ", app.question + 1);
    let lines = super::doc_lines(&view.doc, scroll, inner(view.main), theme);
    let focused = app.editor.is_none();
    frame.render_widget(
        Paragraph::new(lines).block(super::pane_block(title, focused, theme)),
        view.main,
    );
    if let Some(side) = view.anchors {
        let inside = inner(side);
        let level = question.level.unwrap_or(app.level);
        let doc =
            document::level_behaviors(framework, competency, level, usize::from(inside.width));
        let lines = super::doc_lines(&doc, 0, inside, theme);
        let block = super::pane_block(" Anchors ", false, theme);
        frame.render_widget(Paragraph::new(lines).block(block), side);
    }
    if let (Some(area), Some(editor)) = (view.editor, &app.editor) {
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
