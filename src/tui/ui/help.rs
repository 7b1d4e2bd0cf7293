//! The help overlay: every key of every mode, read from the keymap tables.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph};

use crate::tui::document;
use crate::tui::layout::inner;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, scroll: usize, theme: &Theme) {
    let inside = inner(area);
    let doc = document::help_at(usize::from(inside.width));
    let lines = super::doc_lines(&doc, scroll, inside, theme);
    frame.render_widget(Clear, area);
    let block = super::pane_block(" Keys · Esc closes ", true, theme);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
