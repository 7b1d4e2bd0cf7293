//! The note editor pane: the text area, titled with the note's length, speaking time and key-point
//! coverage as they change, and whether it is saved.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::content::Question;
use crate::tui::document::note_summary;
use crate::tui::layout::inner;
use crate::tui::notes_mode::NoteEditor;
use crate::tui::theme::Theme;
use crate::tui::wrap::truncate;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    question: &Question,
    editor: &NoteEditor,
    theme: &Theme,
) {
    let text = editor.text();
    let state = if editor.dirty() { "editing" } else { "saved" };
    let title = format!(" Note · {state} · {} ", note_summary(question, &text));
    let title = truncate(&title, usize::from(area.width.saturating_sub(2)));
    let block = super::pane_block(title, true, theme);
    frame.render_widget(block, area);
    frame.render_widget(&editor.textarea, inner(area));
}
