//! The note editor's part of `update`: opening a question's note, typing in it, leaving it, and
//! taking in what a save did. Files are read and written by the loop (see `effect`), and the
//! outcome comes back through [`loaded`] and [`saved`]; nothing typed is dropped on the way: text
//! that could not be saved stays in memory and is saved again.

use std::fmt;

use crossterm::event::KeyEvent;
use ratatui_textarea::{TextArea, WrapMode};

use super::action::Action;
use super::app::{App, Screen, Status};
use super::effect::{Effect, SaveRequest};
use crate::practice;
use crate::store::StoreError;
use crate::store::notes::{LoadedNote, Saved};

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
    fn new(question_id: &str, text: &str, target: crate::store::notes::NoteTarget) -> NoteEditor {
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

    /// Whether the text changed since it was last saved.
    pub fn dirty(&self) -> bool {
        self.changes != self.saved_changes
    }

    fn save_request(&self) -> SaveRequest {
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

/// `n`: opens the selected question's note beside it.
pub fn open(app: &mut App) {
    let Some(question_id) = app.current_question().map(|q| q.id.clone()) else {
        return;
    };
    if let Screen::Browse = app.screen {
        app.screen = Screen::Question {
            revealed: false,
            scroll: 0,
        };
    }
    // Text that is waiting to be saved is newer than the file: edit that.
    if let Some(pending) = app.unsaved.remove(&question_id) {
        let mut editor = NoteEditor::new(&question_id, &pending.text, pending.target);
        // Not on disk yet: the next save writes it.
        editor.changes = 1;
        app.editor = Some(editor);
        return;
    }
    app.effects.push(Effect::OpenNote { question_id });
}

/// The note of `question_id` was read: opens it in the editor, a new one from the STAR outline
/// when the question calls for it. A note that cannot be read is reported and left alone.
pub fn loaded(app: &mut App, question_id: &str, result: Result<LoadedNote, StoreError>) {
    let still_there = app.current_question().is_some_and(|q| q.id == question_id);
    match result {
        Ok(note) if still_there => {
            let text = if note.exists {
                note.text.as_str()
            } else {
                new_note_text(app, question_id)
            };
            if note.exists {
                app.set_note(question_id, note.text.clone());
            }
            app.editor = Some(NoteEditor::new(question_id, text, note.target));
        }
        Ok(_) => {}
        Err(e) => app.status = Status::error(format!("Cannot open the note: {e}")),
    }
}

/// What a new note on a question starts from: the STAR outline when the question calls for it
/// and the setting allows, else nothing.
pub fn new_note_text(app: &App, question_id: &str) -> &'static str {
    let outline = app.star_outline
        && app
            .library
            .question(question_id)
            .is_some_and(practice::wants_star_outline);
    if outline { practice::STAR_OUTLINE } else { "" }
}

/// Keys while the editor is open.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Back => leave(app),
        Action::SaveNote => super::autosave::save_all(app),
        Action::Edit(key) => edit(app, key),
        _ => {}
    }
}

fn edit(app: &mut App, key: KeyEvent) {
    if let Some(editor) = app.editor.as_mut()
        && editor.textarea.input(key)
    {
        editor.changes += 1;
    }
}

/// Text pasted into the terminal goes into the note as it is, in one change.
pub fn paste(app: &mut App, text: &str) {
    if let Some(editor) = app.editor.as_mut() {
        // Terminals send pasted line breaks as carriage returns.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if editor.textarea.insert_str(text) {
            editor.changes += 1;
        }
    }
}

/// Esc: closes the editor, saving what changed.
fn leave(app: &mut App) {
    let Some(editor) = app.editor.take() else {
        return;
    };
    if editor.dirty() {
        let request = editor.save_request();
        app.unsaved.insert(
            request.question_id.clone(),
            PendingNote {
                target: request.target.clone(),
                text: request.text.clone(),
            },
        );
        app.effects.push(Effect::SaveNote(request));
    }
}

/// Every text not on disk yet: the open note when it changed, and every note kept after a failed
/// save.
pub fn unsaved_requests(app: &App) -> Vec<SaveRequest> {
    let editor = app
        .editor
        .as_ref()
        .filter(|e| e.dirty())
        .map(NoteEditor::save_request);
    let pending = app
        .unsaved
        .iter()
        .map(|(question_id, pending)| SaveRequest {
            question_id: question_id.clone(),
            target: pending.target.clone(),
            text: pending.text.clone(),
            changes: 0,
        });
    editor.into_iter().chain(pending).collect()
}

/// A save finished. On success the note is on disk (or, when the file had changed meanwhile, in a
/// conflict copy that later saves go to); on failure the text stays in memory, the footer says
/// why, and the loop tries again.
pub fn saved(app: &mut App, request: SaveRequest, result: Result<Saved, StoreError>) {
    let id = request.question_id.as_str();
    let editing = app.editor.as_mut().filter(|e| e.question_id == id);
    match result {
        Ok(saved) => {
            let target = saved.target().clone();
            match editing {
                Some(editor) => {
                    editor.target = target.clone();
                    editor.saved_changes = editor.saved_changes.max(request.changes);
                }
                None => {
                    app.unsaved.remove(id);
                }
            }
            if let Some(pending) = app.unsaved.get_mut(id) {
                pending.target = target;
            }
            match saved {
                Saved::Written(_) => {
                    let was_error = app.status.as_ref().is_some_and(|s| s.error);
                    app.set_note(id, request.text);
                    if was_error {
                        app.status = Status::info("Saved.".to_string());
                    }
                }
                Saved::Conflict(copy) => {
                    let name = copy
                        .path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    app.status = Status::error(format!(
                        "The note changed on disk; both kept: yours is in {}",
                        crate::text::inert(&name)
                    ));
                }
            }
        }
        Err(e) => {
            match editing {
                Some(_) => {}
                None => {
                    app.unsaved.insert(
                        id.to_string(),
                        PendingNote {
                            target: request.target,
                            text: request.text,
                        },
                    );
                }
            }
            app.status = Status::error(format!("Not saved, kept in memory and retrying: {e}"));
        }
    }
}
