//! The note editor: the open note's text area and where its text goes, and what each key does to
//! it. Files are read and written by the loop (see `effect`, `persist`); nothing typed is dropped on
//! the way: text that could not be saved stays in memory as a [`PendingNote`] and is saved again.

use std::fmt;

use ratatui_textarea::{TextArea, WrapMode};

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
                if self.textarea.input(key) {
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
