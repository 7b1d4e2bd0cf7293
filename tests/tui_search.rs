//! Search in the browser: open, type, pick, jump there, or cancel back to exactly where the user
//! was. The searcher runs here in the test's thread, as the worker thread runs it in the app.

use std::sync::Arc;

use cuecard::content::{ContentSource, load};
use cuecard::search::{SearchIndex, Searcher};
use cuecard::tui::action::Action::{self, *};
use cuecard::tui::app::{App, Pane, Screen, Size};
use cuecard::tui::search_mode::RESULT_LIMIT;
use cuecard::tui::update::search_results as receive;
use cuecard::tui::update::update;

fn setup(width: u16, height: u16) -> (App, Searcher) {
    let loaded = load(&[ContentSource::Bundled]);
    let app = App::new(loaded.library, 0, Size { width, height });
    let searcher = Searcher::new(Arc::new(SearchIndex::build(&app.library)));
    (app, searcher)
}

/// Types `text` one character at a time, answering each keystroke as the worker would.
fn type_query(app: &mut App, searcher: &mut Searcher, text: &str) {
    for c in text.chars() {
        update(app, Type(c));
        answer(app, searcher);
    }
}

fn answer(app: &mut App, searcher: &mut Searcher) {
    let search = app.search().unwrap();
    let (generation, input) = (search.generation, search.input.clone());
    receive(app, generation, searcher.search(&input, RESULT_LIMIT));
}

fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        update(app, *action);
    }
}

#[test]
fn esc_returns_to_exactly_where_the_user_was() {
    let (mut app, mut searcher) = setup(120, 40);
    run(
        &mut app,
        &[Down, SelectLevel(3), Open, Down, Open, Reveal, Down],
    );
    let before = app.clone();
    run(&mut app, &[OpenSearch]);
    type_query(&mut app, &mut searcher, "kpi");
    run(&mut app, &[Down, Down]);
    assert_eq!(
        app.selected, before.selected,
        "browsing results changes nothing underneath"
    );
    run(&mut app, &[Back]);
    assert!(app.search().is_none());
    assert_eq!(
        (
            app.selected,
            app.level,
            app.question,
            app.focus,
            app.screen,
            app.behaviors_scroll
        ),
        (
            before.selected,
            before.level,
            before.question,
            before.focus,
            before.screen,
            before.behaviors_scroll
        )
    );
}

#[test]
fn enter_on_a_question_selects_it_in_the_browser() {
    let (mut app, mut searcher) = setup(120, 40);
    run(&mut app, &[OpenSearch]);
    type_query(&mut app, &mut searcher, "q:upset customer");
    let search = app.search().unwrap();
    assert!(!search.searching());
    assert!(!search.results.is_empty());
    run(&mut app, &[Open]);
    assert!(app.search().is_none());
    assert_eq!(app.screen, Screen::Browse);
    assert_eq!(app.focus, Pane::Questions);
    assert_eq!(app.current().unwrap().1.name, "Customer Interaction");
    let question = app.current_question().unwrap();
    assert_eq!(
        question.id,
        "customer-support/customer-interaction/difficult-customer"
    );
    assert_eq!(app.level, 3, "the question's level is selected");
}

#[test]
fn enter_on_a_key_point_opens_its_question_revealed() {
    let (mut app, mut searcher) = setup(80, 24);
    run(&mut app, &[OpenSearch]);
    type_query(&mut app, &mut searcher, "k:not only the mood");
    run(&mut app, &[Open]);
    assert_eq!(
        app.screen,
        Screen::Question {
            revealed: true,
            scroll: 0
        }
    );
    assert_eq!(
        app.current_question().unwrap().id,
        "customer-support/customer-interaction/difficult-customer"
    );
}

#[test]
fn enter_on_a_behavior_selects_its_level_in_the_behaviors_pane() {
    let (mut app, mut searcher) = setup(80, 24);
    run(&mut app, &[OpenSearch]);
    type_query(&mut app, &mut searcher, "b:leading part service levels");
    let first = &app.search().unwrap().results[0];
    assert_eq!(first.level, Some(4));
    run(&mut app, &[Open]);
    assert_eq!(app.focus, Pane::Behaviors);
    assert_eq!(app.level, 4);
    assert_eq!(app.current().unwrap().1.name, "Customer Service Management");
    assert!(app.behaviors_scroll > 0, "level 4 is scrolled into view");
}

#[test]
fn picking_moves_within_the_results_and_editing_restarts_at_the_top() {
    let (mut app, mut searcher) = setup(80, 24);
    run(&mut app, &[OpenSearch]);
    type_query(&mut app, &mut searcher, "policy");
    let len = app.search().unwrap().results.len();
    assert!(len > 5);
    run(&mut app, &[Down, Down, Up]);
    assert_eq!(app.search().unwrap().selected, 1);
    run(
        &mut app,
        &[PageDown, PageDown, PageDown, PageDown, PageDown, PageDown],
    );
    assert!(app.search().unwrap().selected < len);
    run(&mut app, &[Backspace]);
    assert_eq!(app.search().unwrap().selected, 0);
    assert_eq!(app.search().unwrap().input, "polic");
    assert!(app.search().unwrap().searching());
    run(&mut app, &[ClearLine]);
    let search = app.search().unwrap();
    assert!(search.input.is_empty() && search.results.is_empty() && !search.searching());
    // Enter with no results stays in search.
    run(&mut app, &[Open]);
    assert!(app.search().is_some());
}

#[test]
fn stale_results_are_dropped() {
    let (mut app, mut searcher) = setup(80, 24);
    run(&mut app, &[OpenSearch, Type('p'), Type('o')]);
    let latest = searcher.search("po", RESULT_LIMIT);
    receive(&mut app, 2, latest.clone());
    let older = searcher.search("p", RESULT_LIMIT);
    receive(&mut app, 1, older);
    assert_eq!(app.search().unwrap().results, latest);
    assert!(!app.search().unwrap().searching());
}

#[test]
fn slash_opens_search_from_an_open_question_and_keys_type_into_it() {
    let (mut app, _) = setup(80, 24);
    run(&mut app, &[Open, Open, OpenSearch]);
    assert!(app.search().is_some());
    run(&mut app, &[Type('q'), QuitNow]);
    assert!(app.quit, "Ctrl-C still quits from search");
}

#[test]
fn pasting_into_search_types_the_text_without_line_breaks() {
    let (mut app, _) = setup(80, 24);
    run(&mut app, &[OpenSearch]);
    cuecard::tui::update::paste(&mut app, "escal\nation\x1b");
    assert_eq!(app.search().unwrap().input, "escalation");
    let long = "x".repeat(5000);
    cuecard::tui::update::paste(&mut app, &long);
    assert_eq!(app.search().unwrap().input.len(), "escalation".len() + 1000);
    // Outside a text field, a paste does nothing.
    run(&mut app, &[Back]);
    let before = app.selected;
    cuecard::tui::update::paste(&mut app, "jjjj");
    assert_eq!(app.selected, before);
}

#[test]
fn enter_right_after_typing_goes_to_the_first_result_when_it_comes() {
    let (mut app, mut searcher) = setup(120, 40);
    run(&mut app, &[OpenSearch]);
    // Typed faster than the searcher answers: only the first keystroke is answered, then Enter.
    type_query(&mut app, &mut searcher, "s");
    for c in "la breach".chars() {
        update(&mut app, Type(c));
    }
    run(&mut app, &[Open]);
    assert!(app.search().is_some(), "waits for this query's results");
    let generation = app.search().unwrap().generation;
    // An older answer does not count.
    receive(&mut app, 1, searcher.search("s", RESULT_LIMIT));
    assert!(app.search().is_some());
    let results = searcher.search("sla breach", RESULT_LIMIT);
    let first = results[0].clone();
    receive(&mut app, generation, results);
    assert!(app.search().is_none(), "went to the first result");
    assert_eq!(app.selected, first.competency);
}

#[test]
fn a_story_is_found_and_enter_opens_it_on_the_stories_screen() {
    let (mut app, _) = setup(120, 40);
    let story = cuecard::stories::parse(
        "double-bill",
        "+++\ntitle = \"The double-billed customer\"\n\n[[competencies]]\nid = \"customer-support/customer-interaction\"\nlevel = 3\n+++\n\n## Action\nI refunded the duplicate charge within the hour.\n",
        &app.library,
    )
    .unwrap();
    app.stories = vec![story.clone()];
    let mut index = SearchIndex::build(&app.library);
    index.set_stories(&[story]);
    let mut searcher = Searcher::new(Arc::new(index));
    run(&mut app, &[OpenSearch]);
    type_query(&mut app, &mut searcher, "t:duplicate charge");
    let results = app.search().unwrap().results.clone();
    assert_eq!(results.len(), 1, "{results:?}");
    assert_eq!(results[0].story, Some(0));
    assert!(results[0].text.contains("refunded the duplicate charge"));
    run(&mut app, &[Open]);
    match &app.overlay {
        Some(cuecard::tui::app::Overlay::Stories(view)) => assert_eq!(view.selected, 0),
        other => panic!("{other:?}"),
    }
}
