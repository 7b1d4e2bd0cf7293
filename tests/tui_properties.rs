//! Random key sequences and terminal sizes: drawing never panics and the state keeps its
//! invariants (selection within bounds, level within the framework's scale).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use cuecard::content::{ContentSource, Library, load};
use cuecard::tui::action::{Action, LineEdit};
use cuecard::tui::app::{App, Screen, Size};
use cuecard::tui::persist::{self, Stores};
use cuecard::tui::theme::Theme;
use cuecard::tui::ui::view;
use cuecard::tui::update::update;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;

fn library() -> Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY
        .get_or_init(|| load(&[ContentSource::Bundled]).library)
        .clone()
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::FocusNext),
        Just(Action::FocusPrev),
        Just(Action::Open),
        Just(Action::Back),
        Just(Action::Reveal),
        Just(Action::ToggleHelp),
        Just(Action::PrevLevel),
        Just(Action::NextLevel),
        Just(Action::PrevQuestion),
        Just(Action::NextQuestion),
        Just(Action::OpenSearch),
        Just(Action::Backspace),
        Just(Action::ClearLine),
        prop::char::any().prop_map(Action::Type),
        (0u8..12).prop_map(Action::SelectLevel),
        (0u16..140, 0u16..50).prop_map(|(width, height)| Action::Resize { width, height }),
        (0u16..140, 0u16..50).prop_map(|(column, row)| Action::Click { column, row }),
        (0u16..140, 0u16..50).prop_map(|(column, row)| Action::ScrollUp { column, row }),
        (0u16..140, 0u16..50).prop_map(|(column, row)| Action::ScrollDown { column, row }),
    ]
}

/// The practice and interview actions, typing into a note among them.
fn practice_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::OpenNote),
        Just(Action::SaveNote),
        prop::char::any()
            .prop_map(|c| Action::Edit(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        Just(Action::Edit(KeyEvent::new(
            KeyCode::Enter,
            KeyModifiers::NONE
        ))),
        Just(Action::Edit(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL
        ))),
        Just(Action::StartRehearsal),
        (0u8..6).prop_map(Action::Grade),
        Just(Action::ToggleProgress),
        Just(Action::OpenInterview),
        Just(Action::TogglePlanned),
        Just(Action::MoveEarlier),
        Just(Action::MoveLater),
        (0u8..11).prop_map(Action::TickKeyPoint),
        (0u8..8).prop_map(Action::TickFollowUp),
        Just(Action::Rate),
        Just(Action::Recommend),
        Just(Action::Summary),
        Just(Action::Export),
        Just(Action::StartClock),
        Just(Action::EndInterview),
        Just(Action::FollowUps),
        Just(Action::EditLine),
        Just(Action::DeleteLine),
        Just(Action::Undo),
        Just(Action::Unplan),
        prop_oneof![
            Just(LineEdit::Left),
            Just(LineEdit::Right),
            Just(LineEdit::WordLeft),
            Just(LineEdit::WordRight),
            Just(LineEdit::Home),
            Just(LineEdit::End),
            Just(LineEdit::Delete),
            Just(LineEdit::DeleteWord),
            Just(LineEdit::DeleteToEnd),
        ]
        .prop_map(Action::Line),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_practice_and_interviews_keep_the_invariants(
        actions in prop::collection::vec(prop_oneof![action(), practice_action()], 1..120),
    ) {
        let dir = tempfile::TempDir::new().unwrap();
        let stores = Stores::new(dir.path());
        let mut app = App::new(library(), 0, Size { width: 80, height: 24 });
        let theme = Theme::PLAIN;
        for action in actions {
            app.now += chrono::Duration::seconds(7);
            update(&mut app, action);
            persist::run(&mut app, &stores, "s");
            prop_assert!(app.selected < app.entries.len());
            if let Some(interview) = &app.interview {
                let planned = interview.session.questions.len();
                prop_assert!(interview.current < planned.max(1));
                if !app.has_unsaved() {
                    // Everything shown is on disk.
                    let (saved, _) = stores.sessions.load(&interview.session.id).unwrap();
                    prop_assert!(saved == interview.session);
                }
            }
            if let Some(rehearsal) = &app.rehearsal {
                prop_assert!(rehearsal.position <= rehearsal.queue.len());
            }
            if let Some(editor) = &app.editor
                && !editor.dirty()
            {
                // A note with nothing left to save is on disk as shown (or was never written).
                let on_disk = std::fs::read_to_string(&editor.target.path).unwrap_or_default();
                let shown = editor.text();
                prop_assert!(on_disk == shown || !editor.target.path.exists());
            }
            let Size { width, height } = app.size;
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|frame| view(&app, frame, &theme)).unwrap();
        }
    }

    #[test]
    fn random_sessions_keep_the_invariants(actions in prop::collection::vec(action(), 1..80)) {
        let mut app = App::new(library(), 1, Size { width: 100, height: 30 });
        let theme = Theme { color: true, ..Theme::PLAIN };
        for action in actions {
            update(&mut app, action);
            let (framework, _) = app.current().unwrap();
            prop_assert!(app.selected < app.entries.len());
            prop_assert!(app.level >= 1 && app.level <= framework.levels.len());
            let questions = app.ordered_questions().len();
            prop_assert!(app.question < questions.max(1));
            if let Screen::Question { .. } = app.screen {
                prop_assert!(app.current_question().is_some());
            }
            let Size { width, height } = app.size;
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|frame| view(&app, frame, &theme)).unwrap();
        }
    }
}
