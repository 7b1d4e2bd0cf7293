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

/// The editor's title in the longest form that fits `room` columns: the full figures, then
/// shorter words for them (`3/5 points · 182 words · 1:24`), then cut.
fn fitted_title(state: &str, summary: &str, room: usize) -> String {
    let full = format!(" Note · {state} · {summary} ");
    if crate::tui::wrap::width(&full) <= room {
        return full;
    }
    // "covers 3 of 5 key points · 182 words · 1:24 spoken" → "3/5 points · 182 words · 1:24".
    let short: Vec<String> = summary
        .split(" · ")
        .map(|part| {
            let words: Vec<&str> = part.split(' ').collect();
            match words.as_slice() {
                ["covers", n, "of", m, "key", "points"] => format!("{n}/{m} points"),
                [time, "spoken"] => (*time).to_string(),
                _ => part.to_string(),
            }
        })
        .collect();
    for form in [
        format!(" Note · {state} · {} ", short.join(" · ")),
        format!(" {state} · {} ", short.join(" · ")),
        format!(
            " {state} · {} ",
            short
                .iter()
                .take(2)
                .cloned()
                .collect::<Vec<_>>()
                .join(" · ")
        ),
    ] {
        if crate::tui::wrap::width(&form) <= room {
            return form;
        }
    }
    truncate(&format!(" {state} · {} ", short.join(" · ")), room)
}

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
    let title = fitted_title(state, &summary, usize::from(area.width.saturating_sub(2)));
    let block = super::pane_block(title, true, theme);
    frame.render_widget(block, area);
    frame.render_widget(&editor.textarea, inner(area));
}

/// A story in the note's editor: its state, words and speaking time in the title.
pub fn render_story(frame: &mut Frame, area: Rect, editor: &NoteEditor, theme: &Theme) {
    let state = if editor.dirty() { "editing" } else { "saved" };
    let words = crate::stories::told_words(&editor.text());
    let summary = format!(
        "{words} words · {} · Esc saves and closes",
        crate::tui::document::minutes_seconds(crate::practice::speaking_seconds(words))
    );
    let title = fitted_title(state, &summary, usize::from(area.width.saturating_sub(2)))
        .replacen("Note", "Story", 1);
    frame.render_widget(super::pane_block(title, true, theme), area);
    frame.render_widget(&editor.textarea, inner(area));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_shortens_its_words_before_it_cuts() {
        let summary = "covers 3 of 5 key points · 182 words · 1:24 spoken";
        assert_eq!(
            fitted_title("saved", summary, 80),
            " Note · saved · covers 3 of 5 key points · 182 words · 1:24 spoken "
        );
        assert_eq!(
            fitted_title("editing", summary, 50),
            " Note · editing · 3/5 points · 182 words · 1:24 "
        );
        assert_eq!(
            fitted_title("saved", summary, 32),
            " saved · 3/5 points · 182 words "
        );
        assert!(crate::tui::wrap::width(&fitted_title("saved", summary, 20)) <= 20);
    }
}
