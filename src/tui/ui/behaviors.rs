//! The selected competency's definition and behavior statements, level by level; the selected
//! level stands out, the others stay visible but quieter.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::document;
use crate::tui::layout::inner;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, focused: bool, theme: &Theme) {
    let inside = inner(area);
    let Some((framework, competency)) = app.current() else {
        frame.render_widget(super::pane_block(" Behaviors ", focused, theme), area);
        return;
    };
    let title = format!(
        " Behaviors · level {} of {} ",
        app.level,
        framework.levels.len()
    );
    let block = super::pane_block(title, focused, theme);
    let doc = document::behaviors(framework, competency, app.level, usize::from(inside.width));
    let lines = super::doc_lines(&doc.lines, app.behaviors_scroll, inside, theme);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
