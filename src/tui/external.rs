//! `E`: the note in the user's own editor (`$VISUAL`, else `$EDITOR`, else `vi`), with the browser
//! suspended meanwhile. The note is saved first and read back after, like any change on disk.

use std::io;
use std::process::Command;

use ratatui::DefaultTerminal;

use super::app::{App, Status};
use super::notes_mode::new_note_text;
use super::{persist, terminal};
use crate::store::write_private;

/// The editor command line: its program and arguments (`code --wait` is two words).
pub fn editor_command() -> Vec<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|value| {
            value
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_string()])
}

pub fn edit(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    stores: &persist::Stores,
    question_id: &str,
) -> io::Result<()> {
    let store = &stores.notes;
    // What the app holds goes to disk first, so the editor opens the latest text.
    super::autosave::save_all(app);
    persist::run(app, stores, &persist::stamp_now());
    if app.has_unsaved() {
        // Saving failed: the footer says why; the editor would open an older text.
        return Ok(());
    }
    let path = store.path(question_id);
    if !path.exists() {
        // Created here rather than by the editor, so that it is private from the start.
        let text = new_note_text(&app.library, app.star_outline, question_id);
        if let Err(e) = write_private(&path, text.as_bytes()) {
            app.status = Status::error(format!("Cannot create the note: {e}"));
            return Ok(());
        }
    }
    let message = run_editor(terminal, &path)?;
    // Read back what the editor left, into the open editor too when it shows this note.
    let reopen = app
        .editor
        .as_ref()
        .is_some_and(|e| e.question_id == question_id);
    match store.load(question_id) {
        Ok(note) => {
            if reopen {
                app.editor = None;
                persist::note_loaded(app, question_id, Ok(note.clone()));
            }
            app.set_note(question_id, note.text);
        }
        Err(e) => {
            app.status = Status::error(e.to_string());
        }
    }
    if let Some(text) = message {
        app.status = Status::error(text);
    }
    Ok(())
}

/// A story in the user's editor, the app suspended meanwhile; the bank is read again after.
pub fn edit_story(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    stores: &persist::Stores,
    story_id: &str,
) -> io::Result<()> {
    let path = stores.stories.path(story_id);
    let message = run_editor(terminal, &path)?;
    persist::load_stories(app, stores);
    if let Some(super::app::Overlay::Stories(view)) = app.overlay.as_mut()
        && let Some(index) = app.stories.iter().position(|s| s.id == story_id)
    {
        view.selected = index;
        view.scroll = 0;
    }
    app.status = match message {
        None => app
            .story_problems
            .iter()
            .find(|p| p.contains(&format!("{story_id}.md:")))
            .and_then(|problem| Status::error(format!("The story has a problem: {problem}"))),
        Some(message) => Status::error(message),
    };
    Ok(())
}

/// Runs the user's editor on `path`, the app suspended meanwhile; what went wrong, if anything.
fn run_editor(
    terminal: &mut DefaultTerminal,
    path: &std::path::Path,
) -> io::Result<Option<String>> {
    let command = editor_command();
    terminal::suspend();
    let outcome = Command::new(&command[0])
        .args(&command[1..])
        .arg(path)
        .status();
    terminal::resume(terminal)?;
    Ok(match outcome {
        Ok(status) if status.success() => None,
        Ok(status) => Some(format!("{} exited with {status}", command[0])),
        Err(e) => Some(format!(
            "Cannot run {}: {e}. Set $VISUAL or $EDITOR to your editor.",
            command[0]
        )),
    })
}
