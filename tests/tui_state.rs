//! The browser's state under sequences of actions, with no terminal: selection, focus, levels,
//! opening and closing, resizing.

use cuecard::content::{ContentSource, load};
use cuecard::tui::action::Action::{self, *};
use cuecard::tui::app::{App, Pane, Screen, Size};
use cuecard::tui::update::update;

fn app(width: u16, height: u16) -> App {
    let loaded = load(&[ContentSource::Bundled]);
    App::new(loaded.library, 0, Size { width, height })
}

fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        update(app, *action);
    }
}

fn competency_name(app: &App) -> &str {
    &app.current().unwrap().1.name
}

#[test]
fn starts_on_the_first_competency_with_the_list_focused() {
    let app = app(120, 40);
    assert_eq!(competency_name(&app), "Customer Interaction");
    assert_eq!(app.focus, Pane::Competencies);
    assert_eq!(app.level, 1);
    assert_eq!(app.screen, Screen::Browse);
}

#[test]
fn moving_through_the_list_stops_at_its_ends() {
    let mut app = app(120, 40);
    run(&mut app, &[Up]);
    assert_eq!(app.selected, 0);
    run(&mut app, &[Down, Down]);
    assert_eq!(
        competency_name(&app),
        "Customer Support Policies, Standards and Procedures"
    );
    run(&mut app, &[Bottom, Down]);
    assert_eq!(app.selected, app.entries.len() - 1);
    run(&mut app, &[Top]);
    assert_eq!(app.selected, 0);
    run(&mut app, &[PageDown]);
    assert!(app.selected > 1);
}

#[test]
fn tab_cycles_the_panes_both_ways() {
    let mut app = app(120, 40);
    run(&mut app, &[FocusNext]);
    assert_eq!(app.focus, Pane::Behaviors);
    run(&mut app, &[FocusNext, FocusNext]);
    assert_eq!(app.focus, Pane::Competencies);
    run(&mut app, &[FocusPrev]);
    assert_eq!(app.focus, Pane::Questions);
}

#[test]
fn levels_follow_the_framework_scale() {
    let mut app = app(120, 40);
    run(&mut app, &[SelectLevel(4)]);
    assert_eq!(app.level, 4);
    run(&mut app, &[SelectLevel(9)]);
    assert_eq!(app.level, 4, "a level beyond the scale is ignored");
    run(&mut app, &[FocusNext, NextLevel]);
    assert_eq!(app.level, 4);
    run(&mut app, &[PrevLevel, PrevLevel]);
    assert_eq!(app.level, 2);
    // Moving to a framework with a three-level scale keeps a level it has...
    run(&mut app, &[FocusPrev, Bottom]);
    assert_eq!(app.current().unwrap().0.levels.len(), 3);
    assert_eq!(app.level, 2);
    // ...and clamps one it has not.
    run(&mut app, &[Top, SelectLevel(4), Bottom]);
    assert_eq!(app.level, 3);
}

#[test]
fn the_selected_levels_questions_come_first() {
    let mut app = app(120, 40);
    run(&mut app, &[SelectLevel(3)]);
    let questions = app.ordered_questions();
    let first_other = questions.iter().position(|q| q.level != Some(3)).unwrap();
    assert!(first_other > 0);
    assert!(questions[first_other..].iter().all(|q| q.level != Some(3)));
}

#[test]
fn changing_level_keeps_the_selected_question() {
    let mut app = app(120, 40);
    run(&mut app, &[Open, Down, Down]);
    let id = app.current_question().unwrap().id.clone();
    run(&mut app, &[SelectLevel(2)]);
    assert_eq!(app.current_question().unwrap().id, id);
    run(&mut app, &[SelectLevel(4)]);
    assert_eq!(app.current_question().unwrap().id, id);
}

#[test]
fn open_a_question_reveal_it_and_go_back() {
    let mut app = app(120, 40);
    run(&mut app, &[Down, Open]);
    assert_eq!(app.focus, Pane::Questions);
    run(&mut app, &[Down, Open]);
    assert_eq!(
        app.screen,
        Screen::Question {
            revealed: false,
            scroll: 0
        }
    );
    let opened = app.current_question().unwrap().id.clone();
    run(&mut app, &[Reveal]);
    assert!(matches!(
        app.screen,
        Screen::Question { revealed: true, .. }
    ));
    run(&mut app, &[NextQuestion]);
    assert_eq!(
        app.screen,
        Screen::Question {
            revealed: false,
            scroll: 0
        }
    );
    assert_ne!(app.current_question().unwrap().id, opened);
    run(&mut app, &[PrevQuestion, Back]);
    assert_eq!(app.screen, Screen::Browse);
    assert_eq!(app.focus, Pane::Questions);
    assert_eq!(app.current_question().unwrap().id, opened);
}

#[test]
fn the_question_view_scrolls_within_its_text() {
    let mut app = app(60, 20);
    run(&mut app, &[Open, Open, Reveal, Bottom]);
    let Screen::Question { scroll, .. } = app.screen else {
        panic!("not open")
    };
    assert!(
        scroll > 0,
        "a revealed question at 60x20 is longer than the screen"
    );
    run(&mut app, &[Down, Down]);
    assert!(matches!(app.screen, Screen::Question { scroll: s, .. } if s == scroll));
    run(&mut app, &[Top]);
    assert!(matches!(app.screen, Screen::Question { scroll: 0, .. }));
}

#[test]
fn help_opens_over_any_screen_and_closes_back_to_it() {
    let mut app = app(80, 24);
    run(&mut app, &[Open, Open, ToggleHelp]);
    // It opens at the keys of the screen it was asked from.
    let screen = ratatui::layout::Rect::new(0, 0, 80, 24);
    let width = cuecard::tui::layout::inner(cuecard::tui::layout::help_area(screen)).width;
    let section = cuecard::tui::document::help_line_of(
        cuecard::tui::keymap::Mode::Question,
        usize::from(width),
    );
    assert!(section > 0);
    assert_eq!(app.help_scroll(), Some(section));
    run(&mut app, &[Down, Down]);
    assert_eq!(app.help_scroll(), Some(section + 2));
    run(&mut app, &[Open]);
    assert!(
        matches!(app.screen, Screen::Question { .. }),
        "keys go to the help while it is open"
    );
    run(&mut app, &[Back]);
    assert_eq!(app.help_scroll(), None);
    assert!(matches!(app.screen, Screen::Question { .. }));
    run(&mut app, &[ToggleHelp, ToggleHelp, Quit]);
    assert!(app.quit);
}

#[test]
fn resizing_keeps_the_selection_and_focus() {
    let mut app = app(120, 40);
    run(
        &mut app,
        &[Down, Down, SelectLevel(3), FocusNext, FocusNext, Down],
    );
    let before = (app.selected, app.level, app.question, app.focus);
    for (width, height) in [(60, 20), (1, 1), (0, 0), (200, 60), (80, 24)] {
        run(&mut app, &[Resize { width, height }]);
        assert_eq!((app.selected, app.level, app.question, app.focus), before);
    }
}

#[test]
fn selecting_a_level_scrolls_the_behaviors_to_it() {
    let mut app = app(60, 20);
    run(&mut app, &[FocusNext]);
    assert_eq!(app.behaviors_scroll, 0);
    run(&mut app, &[SelectLevel(4)]);
    assert!(app.behaviors_scroll > 0);
    run(&mut app, &[Top]);
    assert_eq!(app.behaviors_scroll, 0);
}

#[test]
fn clicks_select_and_focus_and_the_wheel_scrolls() {
    let mut app = app(120, 40);
    // Row 0 is the border, row 1 the framework heading, row 2 the first competency.
    run(&mut app, &[FocusNext, Click { column: 5, row: 3 }]);
    assert_eq!(app.focus, Pane::Competencies);
    assert_eq!(app.selected, 1);
    // A framework heading selects nothing.
    run(&mut app, &[Click { column: 5, row: 1 }]);
    assert_eq!(app.selected, 1);
    // The questions pane is the right-hand third; its second question starts below the
    // first, whose rows its layout gives (the border is row 0).
    let second = 1 + cuecard::tui::browser::question_layout(&app).rows[0];
    run(
        &mut app,
        &[Click {
            column: 100,
            row: u16::try_from(second).unwrap(),
        }],
    );
    assert_eq!(app.focus, Pane::Questions);
    assert_eq!(app.question, 1);
    // The wheel over the list moves its selection without taking the focus.
    run(&mut app, &[ScrollDown { column: 5, row: 10 }]);
    assert_eq!(app.selected, 2);
    assert_eq!(app.focus, Pane::Questions);
}

#[test]
fn clicking_the_tab_bar_switches_the_pane_when_one_fits() {
    let mut app = app(60, 20);
    run(&mut app, &[Click { column: 55, row: 0 }]);
    assert_eq!(app.focus, Pane::Questions);
    run(&mut app, &[Click { column: 25, row: 0 }]);
    assert_eq!(app.focus, Pane::Behaviors);
}

#[test]
fn an_empty_library_never_panics() {
    let mut app = App::new(
        Default::default(),
        2,
        Size {
            width: 80,
            height: 24,
        },
    );
    run(
        &mut app,
        &[
            Down,
            Open,
            FocusNext,
            NextLevel,
            SelectLevel(2),
            FocusNext,
            Open,
            Reveal,
            Bottom,
            Click { column: 3, row: 3 },
        ],
    );
    assert!(app.current().is_none());
    assert_eq!(app.screen, Screen::Browse);
}
