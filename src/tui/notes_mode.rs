//! The note editor: the open note's text area and where its text goes, and what each key does to
//! it. Files are read and written by the loop (see `effect`, `persist`); nothing typed is dropped on
//! the way: text that could not be saved stays in memory as a [`PendingNote`] and is saved again.

use std::fmt;

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::action::Action;
use super::effect::SaveRequest;
use crate::content::Library;
use crate::practice;

/// The open note: the text area and where its text goes.
#[derive(Clone)]
pub struct NoteEditor {
    pub question_id: String,
    pub textarea: TextArea<'static>,
    pub target: crate::store::notes::NoteTarget,
    /// Counts changes to the text.
    pub changes: u64,
    /// The change count of the text on disk.
    pub saved_changes: u64,
    /// The note's figures for the title (words, speaking time, key points covered), and the
    /// change count they were worked out at: the loop refreshes them (see `redraw`).
    pub summary: Option<(u64, String)>,
}

impl fmt::Debug for NoteEditor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NoteEditor")
            .field("question_id", &self.question_id)
            .field("changes", &self.changes)
            .field("saved_changes", &self.saved_changes)
            .finish_non_exhaustive()
    }
}

impl NoteEditor {
    pub fn new(
        question_id: &str,
        text: &str,
        target: crate::store::notes::NoteTarget,
    ) -> NoteEditor {
        let mut textarea = TextArea::new(text.lines().map(str::to_string).collect());
        textarea.set_wrap_mode(WrapMode::Word);
        textarea.set_cursor_line_style(ratatui::style::Style::default());
        textarea.set_placeholder_text("Write your answer here. Esc leaves; it saves as you type.");
        NoteEditor {
            question_id: question_id.to_string(),
            textarea,
            target,
            changes: 0,
            saved_changes: 0,
            summary: None,
        }
    }

    /// Puts the cursor where writing starts: for a new note, the first empty line under its
    /// `## Situation` heading (the top when it has none); for a note already written, its end.
    pub fn place_cursor(&mut self, new: bool) {
        if !new {
            self.textarea.move_cursor(CursorMove::Bottom);
            self.textarea.move_cursor(CursorMove::End);
            return;
        }
        let lines = self.textarea.lines();
        let situation = lines.iter().position(|l| {
            l.trim().starts_with('#')
                && l.trim()
                    .trim_start_matches('#')
                    .trim()
                    .eq_ignore_ascii_case("situation")
        });
        let row = situation
            .and_then(|at| {
                lines[at + 1..]
                    .iter()
                    .position(|l| l.trim().is_empty())
                    .map(|offset| at + 1 + offset)
            })
            .unwrap_or(0);
        let row = u16::try_from(row).unwrap_or(u16::MAX);
        self.textarea.move_cursor(CursorMove::Jump(row, 0));
    }

    /// Ctrl-Z: takes back the last word typed (or the last other change) at once, rather than
    /// one character: undoes, and goes on while what was undone was a letter or digit typed just
    /// after another one. Returns whether anything changed.
    fn undo_word(&mut self) -> bool {
        if !self.textarea.undo() {
            return false;
        }
        loop {
            let ratatui_textarea::DataCursor(row, col) = self.textarea.cursor();
            let line: Vec<char> = self.textarea.lines()[row].chars().collect();
            let Some(before) = col.checked_sub(1).and_then(|c| line.get(c).copied()) else {
                break;
            };
            if !before.is_alphanumeric() {
                break;
            }
            let rows = self.textarea.lines().len();
            if !self.textarea.undo() {
                break;
            }
            // Only the typing of that very character is taken back this way.
            let mut expected = line.clone();
            expected.remove(col - 1);
            let now = self.textarea.cursor();
            let same = self.textarea.lines().len() == rows
                && now == ratatui_textarea::DataCursor(row, col - 1)
                && self.textarea.lines()[row]
                    .chars()
                    .eq(expected.iter().copied());
            if !same {
                self.textarea.redo();
                break;
            }
        }
        true
    }

    /// The note as it will be saved: its lines, each ending with a newline.
    pub fn text(&self) -> String {
        let lines = self.textarea.lines();
        if lines.iter().all(String::is_empty) {
            return String::new();
        }
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }

    /// Whether the title's figures are those of the text as it is.
    pub fn summary_is_current(&self) -> bool {
        self.summary
            .as_ref()
            .is_some_and(|(changes, _)| *changes == self.changes)
    }

    /// Works the title's figures out for the text as it is.
    pub fn summarise(
        &mut self,
        question: &crate::content::Question,
        marks: Option<&crate::practice::Marks>,
    ) {
        let summary = super::document::note_summary(question, &self.text(), marks);
        self.summary = Some((self.changes, summary));
    }

    /// The text's length in bytes, give or take its line breaks.
    pub fn approximate_len(&self) -> usize {
        self.textarea.lines().iter().map(String::len).sum()
    }

    /// Whether the text changed since it was last saved.
    pub fn dirty(&self) -> bool {
        self.changes != self.saved_changes
    }

    pub fn save_request(&self) -> SaveRequest {
        SaveRequest {
            question_id: self.question_id.clone(),
            target: self.target.clone(),
            text: self.text(),
            changes: self.changes,
        }
    }
}

/// A note whose editor was closed before it could be saved. `Debug` leaves the text out.
#[derive(Clone, PartialEq, Eq)]
pub struct PendingNote {
    pub target: crate::store::notes::NoteTarget,
    pub text: String,
}

impl fmt::Debug for PendingNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingNote")
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

/// What a key in the editor asks the rest of the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteReply {
    Stay,
    /// Esc: close the editor, saving what changed.
    Leave,
    /// Ctrl-S: save everything now.
    SaveNow,
}

impl NoteEditor {
    /// A key while the editor is open.
    pub fn act(&mut self, action: Action) -> NoteReply {
        match action {
            Action::Back => NoteReply::Leave,
            Action::SaveNote => NoteReply::SaveNow,
            Action::Edit(key) => {
                use crossterm::event::{KeyCode, KeyModifiers};
                let ctrl = key.modifiers.contains(KeyModifiers::CONTROL)
                    && !key.modifiers.contains(KeyModifiers::ALT);
                let changed = match key.code {
                    // Ctrl-Z undoes a word at a time; Ctrl-U deletes to the line's start, as it
                    // does wherever a line is typed; Ctrl-R and Ctrl-Shift-Z redo.
                    KeyCode::Char('z') if ctrl => self.undo_word(),
                    KeyCode::Char('Z') if ctrl => self.textarea.redo(),
                    KeyCode::Char('u') if ctrl => self.textarea.delete_line_by_head(),
                    _ => self.textarea.input(key),
                };
                if changed {
                    self.changes += 1;
                }
                NoteReply::Stay
            }
            _ => NoteReply::Stay,
        }
    }

    /// Text pasted into the terminal goes into the note as it is, in one change.
    pub fn paste(&mut self, text: &str) {
        // Terminals send pasted line breaks as carriage returns.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if self.textarea.insert_str(text) {
            self.changes += 1;
        }
    }

    /// The editor's text to save as a note waiting to be saved, and the request to save it.
    pub fn into_pending(self) -> (PendingNote, SaveRequest) {
        let request = self.save_request();
        let pending = PendingNote {
            target: request.target.clone(),
            text: request.text.clone(),
        };
        (pending, request)
    }
}

/// What a new note on a question starts from: the STAR outline when the question calls for it
/// and the setting allows, else nothing.
pub fn new_note_text(library: &Library, star_outline: bool, question_id: &str) -> &'static str {
    let outline = star_outline
        && library
            .question(question_id)
            .is_some_and(practice::wants_star_outline);
    if outline { practice::STAR_OUTLINE } else { "" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn editor(text: &str) -> NoteEditor {
        let target = crate::store::Target {
            path: std::path::PathBuf::from("q.md"),
            fingerprint: crate::store::Fingerprint::of(None),
        };
        NoteEditor::new("f/c/q", text, target)
    }

    fn typed(editor: &mut NoteEditor, text: &str) {
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            editor.act(Action::Edit(KeyEvent::new(code, KeyModifiers::NONE)));
        }
    }

    fn ctrl(editor: &mut NoteEditor, c: char) {
        editor.act(Action::Edit(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
    }

    /// The rows the editor shows at `width`, as text.
    fn rows(editor: &NoteEditor, width: u16) -> Vec<String> {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        use ratatui::widgets::Widget;
        let area = Rect::new(0, 0, width, 30);
        let mut buffer = Buffer::empty(area);
        (&editor.textarea).render(area, &mut buffer);
        (0..area.height)
            .map(|y| {
                (0..width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn wrapped_rows_never_start_with_a_space_nor_leave_a_mark_alone() {
        let text = "We cut the queue from 40 to 12 minutes. The team, at last, agreed (mostly). \
                    I rang her back: the refund was approved, and she renewed.";
        for width in 8..48 {
            let mut note = editor(text);
            for new in [true, false] {
                note.place_cursor(new);
                for row in rows(&note, width) {
                    let row = row.trim_end();
                    if row.is_empty() {
                        continue;
                    }
                    assert!(!row.starts_with(' '), "width {width}: {row:?}");
                    assert!(
                        row.chars().any(char::is_alphanumeric),
                        "width {width}: a mark alone: {row:?}"
                    );
                }
            }
            // The cursor on a space that hangs past the edge is drawn without a panic.
            for _ in 0..text.len() {
                note.act(Action::Edit(KeyEvent::new(
                    KeyCode::Left,
                    KeyModifiers::NONE,
                )));
                rows(&note, width);
            }
        }
    }

    #[test]
    fn rows_kept_between_edits_match_a_fresh_wrap() {
        let mut note = editor(
            "First paragraph of the note.\nSecond one, a little longer than the first.\n\nLast.",
        );
        let edits: &[&dyn Fn(&mut NoteEditor)] = &[
            &|n| typed(n, " More words to wrap around the edge."),
            &|n| typed(n, "\nA new line."),
            &|n| ctrl(n, 'z'),
            &|n| n.paste("pasted\ntwo lines"),
            &|n| {
                n.act(Action::Edit(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)));
                n.act(Action::Edit(KeyEvent::new(
                    KeyCode::Backspace,
                    KeyModifiers::NONE,
                )));
            },
            &|n| ctrl(n, 'u'),
        ];
        for width in [12, 20, 33] {
            rows(&note, width);
            for edit in edits {
                edit(&mut note);
                let fresh = editor(note.text().trim_end_matches('\n'));
                assert_eq!(rows(&note, width), rows(&fresh, width), "width {width}");
            }
        }
    }

    #[test]
    fn a_new_star_note_starts_under_situation_and_a_written_one_at_its_end() {
        let mut new = editor(crate::practice::STAR_OUTLINE);
        new.place_cursor(true);
        typed(&mut new, "A late order.");
        assert!(
            new.text().starts_with("## Situation\nA late order.\n"),
            "{}",
            new.text()
        );
        let mut old = editor("First line.\nSecond line.\n");
        old.place_cursor(false);
        typed(&mut old, " More.");
        assert_eq!(old.text(), "First line.\nSecond line. More.\n");
        let mut empty = editor("");
        empty.place_cursor(true);
        typed(&mut empty, "x");
        assert_eq!(empty.text(), "x\n");
    }

    #[test]
    fn ctrl_z_undoes_a_word_at_a_time_and_ctrl_u_clears_to_the_line_start() {
        let mut note = editor("");
        typed(&mut note, "We shipped it");
        ctrl(&mut note, 'z');
        assert_eq!(note.text(), "We shipped \n");
        // The space, then the word before it.
        ctrl(&mut note, 'z');
        assert_eq!(note.text(), "We \n");
        // Redo puts back a character at a time.
        ctrl(&mut note, 'r');
        assert_eq!(note.text(), "We s\n");
        let mut line = editor("");
        typed(&mut line, "keep\nthis goes");
        ctrl(&mut line, 'u');
        assert_eq!(line.text(), "keep\n\n");
        // Nothing left to undo: nothing happens, and no change is counted.
        let mut fresh = editor("text");
        let before = fresh.changes;
        ctrl(&mut fresh, 'z');
        assert_eq!(
            (fresh.text(), fresh.changes),
            ("text\n".to_string(), before)
        );
    }
}
