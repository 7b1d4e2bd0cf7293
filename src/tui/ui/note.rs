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
    marks: Option<&crate::practice::Marks>,
    theme: &Theme,
) {
    let state = if editor.dirty() { "editing" } else { "saved" };
    // The figures the loop keeps up to date (a long note's lag a moment behind the typing); worked
    // out here only when there are none yet.
    let summary = match &editor.summary {
        Some((_, summary)) => summary.clone(),
        None => note_summary(question, &editor.text(), marks),
    };
    let title = format!(" Note · {state} · {summary} ");
    let title = truncate(&title, usize::from(area.width.saturating_sub(2)));
    let block = super::pane_block(title, true, theme);
    frame.render_widget(block, area);
    frame.render_widget(&editor.textarea, inner(area));
}
