//! The note editor as a user drives it, with no terminal: actions into `update`, the file effects
//! run against a temporary data directory, and what ends up on disk and on screen.

use std::fs;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use cuecard::tui::action::Action::*;
use cuecard::tui::app::Screen;
use cuecard::tui::question_view::QuestionView;
use ratatui::layout::Rect;

mod support;
use support::Fixture;

fn fixture() -> Fixture {
    Fixture::new(120, 40)
}

impl Fixture {
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            self.run(&[Edit(KeyEvent::new(code, KeyModifiers::NONE))]);
        }
    }

    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.run(&[Edit(KeyEvent::new(code, modifiers))]);
    }

    fn question_id(&self) -> String {
        self.app.current_question().unwrap().id.clone()
    }

    fn note_path(&self) -> std::path::PathBuf {
        self.stores.notes.path(&self.question_id())
    }

    /// The first question of the competency `name`, open in the question view.
    fn open_question_of(&mut self, name: &str) {
        while self.app.current().unwrap().1.name != name {
            self.run(&[Down]);
        }
        self.run(&[Open, Open]);
        assert!(matches!(self.app.screen, Screen::Question { .. }));
    }

    fn status(&self) -> String {
        self.app
            .status
            .as_ref()
            .map_or(String::new(), |s| s.text.clone())
    }

    /// The question view's text as drawn now.
    fn question_text(&self) -> String {
        let Screen::Question { revealed, .. } = self.app.screen else {
            panic!("no question open");
        };
        let body = Rect::new(0, 0, 120, 38);
        QuestionView::new(&self.app, body, revealed)
            .doc
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn file_text(path: &Path) -> String {
    fs::read_to_string(path).unwrap()
}

#[test]
fn a_behavioral_note_starts_from_star_and_is_saved_on_leaving() {
    let mut f = fixture();
    f.open_question_of("Customer Interaction");
    assert!(
        f.app
            .current_question()
            .unwrap()
            .tags
            .contains(&"behavioral".to_string())
    );
    f.run(&[OpenNote]);
    let editor = f.app.editor.as_ref().expect("the editor is open");
    assert_eq!(editor.textarea.lines()[0], "## Situation");
    // An untouched outline is not a note: leaving writes nothing.
    f.run(&[Back]);
    assert!(f.app.editor.is_none());
    assert!(!f.note_path().exists());

    // The cursor waits under "Situation": typing goes there.
    f.run(&[OpenNote]);
    f.type_text("A refund went wrong and I escalated it early.");
    assert!(f.app.editor.as_ref().unwrap().dirty());
    f.run(&[Back]);
    let saved = file_text(&f.note_path());
    assert!(saved.starts_with("## Situation\nA refund went wrong and I escalated it early.\n"));
    assert!(saved.contains("## Result"));
    assert!(!f.app.has_unsaved());
}

#[test]
fn the_note_shows_in_the_question_view_with_its_coverage_and_a_marker_in_the_list() {
    let mut f = fixture();
    f.open_question_of("Customer Interaction");
    let question = f.app.current_question().unwrap().clone();
    // Write a note that repeats the first key point in other word forms.
    f.run(&[OpenNote]);
    f.run(&[Edit(KeyEvent::new(
        KeyCode::Char('a'),
        KeyModifiers::CONTROL,
    ))]);
    let text = question.key_points[0].to_uppercase();
    f.type_text(&text);
    f.run(&[Back]);
    let shown = f.question_text();
    assert!(shown.contains("Your note"), "{shown}");
    let note = f.app.note(&question.id).unwrap().into_owned();
    let covered = cuecard::practice::coverage(&question.key_points, &note).count();
    assert!(covered >= 1 && covered < question.key_points.len());
    assert!(
        shown.contains(&format!(
            "covers {covered} of {} key points",
            question.key_points.len()
        )),
        "{shown}"
    );
    // Which key points are covered shows once they are revealed, and agrees with the count.
    assert!(!shown.contains(&question.key_points[1]));
    f.run(&[Reveal]);
    let revealed = f.question_text();
    let ticks = revealed
        .lines()
        .filter(|l| l.trim_start().starts_with("✓ "))
        .count();
    let open = revealed
        .lines()
        .filter(|l| l.trim_start().starts_with("○ "))
        .count();
    assert_eq!(
        (ticks, open),
        (covered, question.key_points.len() - covered),
        "{revealed}"
    );
    // The list marks the question as having a note.
    f.run(&[Back]);
    let id = question.id.clone();
    assert!(
        f.app
            .note(&id)
            .is_some_and(|n| cuecard::practice::has_content(&n))
    );
}

#[test]
fn a_note_changed_on_disk_meanwhile_is_kept_and_the_typed_text_goes_beside_it() {
    let mut f = fixture();
    f.open_question_of("Customer Interaction");
    f.run(&[OpenNote]);
    f.type_text("mine");
    f.run(&[SaveNote]);
    assert!(file_text(&f.note_path()).contains("mine"));
    // Another cuecard, or an editor elsewhere, rewrites the note.
    fs::write(f.note_path(), "theirs\n").unwrap();
    f.type_text(" and more");
    f.run(&[Back]);
    assert_eq!(file_text(&f.note_path()), "theirs\n");
    assert!(f.status().contains("changed on disk"), "{}", f.status());
    let copy = f.note_path().with_file_name(format!(
        "{}.conflict-20261123-0900.md",
        f.question_id().rsplit('/').next().unwrap()
    ));
    assert!(file_text(&copy).contains("mine and more"), "{copy:?}");
    // The open question shows what was typed, not the text first loaded, and where it went.
    let id = f.app.current_question().unwrap().id.clone();
    assert!(f.app.note(&id).unwrap().contains("mine and more"));
    let view = QuestionView::new(&f.app, Rect::new(0, 0, 100, 40), false);
    let text: String = view.doc.iter().map(|l| l.text.as_str()).collect();
    assert!(text.contains("mine and more"), "{text}");
    assert!(text.contains("conflict-20261123-0900"), "{text}");
}

#[test]
fn a_failing_save_keeps_the_text_retries_and_quitting_asks_first() {
    let mut f = fixture();
    // The notes directory's place is taken by a file: the save fails, whoever runs the test.
    fs::write(f.dir.path().join("notes"), "in the way").unwrap();
    f.open_question_of("Customer Interaction");
    f.run(&[OpenNote]);
    assert!(
        f.status().contains("Cannot open the note"),
        "{}",
        f.status()
    );
    assert!(f.app.editor.is_none());
    fs::remove_file(f.dir.path().join("notes")).unwrap();
    f.run(&[OpenNote]);
    f.type_text("precious words");
    // `notes` is a file again: the save fails.
    fs::write(f.dir.path().join("notes"), "in the way").unwrap();
    f.run(&[Back]);
    assert!(f.status().starts_with("Not saved"), "{}", f.status());
    assert!(f.app.has_unsaved());
    assert!(
        f.app
            .note(&f.question_id())
            .unwrap()
            .contains("precious words")
    );
    // Quitting tries again, fails, and asks.
    f.run(&[Quit]);
    assert!(!f.app.quit);
    assert!(f.status().contains("Ctrl-C again"), "{}", f.status());
    // Any other key cancels the question; the text is still there.
    f.run(&[Down]);
    assert!(!f.app.confirm_quit);
    // Once the disk is writable again, a retry saves it, and the note opens from memory meanwhile.
    fs::remove_file(f.dir.path().join("notes")).unwrap();
    cuecard::tui::autosave::save_all(&mut f.app);
    f.persist();
    assert!(!f.app.has_unsaved());
    assert!(file_text(&f.note_path()).contains("precious words"));
    f.run(&[Quit]);
    assert!(f.app.quit);
}

#[test]
fn quitting_with_unsaved_text_saves_it_first() {
    let mut f = fixture();
    f.open_question_of("Customer Interaction");
    f.run(&[OpenNote]);
    f.type_text("typed just before quitting");
    f.run(&[Quit]);
    assert!(f.app.quit);
    assert!(file_text(&f.note_path()).contains("typed just before quitting"));
}

#[test]
fn a_note_that_is_not_text_is_reported_and_never_replaced() {
    let mut f = fixture();
    f.open_question_of("Customer Interaction");
    let path = f.note_path();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, b"\xff\xfe binary").unwrap();
    f.run(&[OpenNote]);
    assert!(f.app.editor.is_none());
    assert!(f.status().contains("not UTF-8"), "{}", f.status());
    assert_eq!(fs::read(&path).unwrap(), b"\xff\xfe binary");
}

#[test]
fn undo_redo_and_paste_in_the_editor() {
    let mut f = fixture();
    f.open_question_of("Customer Support Policies, Standards and Procedures");
    f.run(&[OpenNote]);
    // A knowledge question: no outline.
    assert_eq!(f.app.editor.as_ref().unwrap().text(), "");
    cuecard::tui::update::paste(&mut f.app, "first line\r\nsecond line");
    assert_eq!(
        f.app.editor.as_ref().unwrap().text(),
        "first line\nsecond line\n"
    );
    // A paste is one change: Ctrl-Z takes it all back.
    f.key(KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(f.app.editor.as_ref().unwrap().text(), "");
    f.key(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(
        f.app.editor.as_ref().unwrap().text(),
        "first line\nsecond line\n"
    );
    f.run(&[Back]);
    assert_eq!(file_text(&f.note_path()), "first line\nsecond line\n");
}

#[test]
fn the_star_outline_can_be_turned_off() {
    let mut f = fixture();
    f.app.star_outline = false;
    f.open_question_of("Customer Interaction");
    f.run(&[OpenNote]);
    assert_eq!(f.app.editor.as_ref().unwrap().text(), "");
}

#[test]
fn notes_debug_output_never_holds_their_text() {
    let mut f = fixture();
    f.open_question_of("Customer Interaction");
    f.run(&[OpenNote]);
    f.type_text("secret salary figure");
    let debug = format!("{:?} {:?}", f.app.editor, f.app.unsaved_requests());
    assert!(!debug.contains("secret"), "{debug}");
}

#[test]
fn a_one_megabyte_paste_is_kept_whole_and_saved() {
    let mut f = fixture();
    f.open_question_of("Customer Support Policies, Standards and Procedures");
    f.run(&[OpenNote]);
    let big = "many words in a long paste\n".repeat(40_000);
    assert!(big.len() > 1_000_000);
    cuecard::tui::update::paste(&mut f.app, &big);
    // Drawn once at a normal size without trouble.
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let theme = cuecard::tui::theme::Theme::PLAIN;
    terminal
        .draw(|frame| cuecard::tui::ui::view(&f.app, frame, &theme))
        .unwrap();
    f.run(&[Back]);
    // The paste ends with a line break, so the note ends on an empty line of its own.
    let saved = file_text(&f.note_path());
    assert!(saved == format!("{big}\n"), "saved {} bytes", saved.len());
}

#[test]
fn an_error_stays_while_typing_and_goes_at_the_next_other_key() {
    let mut f = fixture();
    f.open_question_of("Customer Interaction");
    let path = f.note_path();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, b"\xff").unwrap();
    f.run(&[OpenNote]);
    assert!(f.status().contains("not UTF-8"));
    f.run(&[Down]);
    assert_eq!(
        f.status(),
        "",
        "nothing unsaved: the error goes at the next key"
    );
}
