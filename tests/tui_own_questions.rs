//! Questions of one's own, from the app: `a` opens the form, C-s saves into the user's content
//! directory as a file that adds to the competency, the question shows at once; `e` and `d`
//! change and delete only what the user added. Keys go through the real keymap.

mod support;

use std::path::PathBuf;

use cuecard::content::edit::ContentPlace;
use cuecard::content::{ContentSource, load};
use cuecard::tui::app::Overlay;
use support::Fixture;

/// The browser on the bundled content, with a content directory of its own.
fn fixture() -> (Fixture, PathBuf) {
    let mut fixture = Fixture::new(100, 30);
    let root = fixture.dir.path().join("content");
    fixture.stores.content = Some(ContentPlace::new(
        root.clone(),
        vec![ContentSource::Bundled],
    ));
    (fixture, root)
}

/// The file questions added to the first competency go in.
fn added_file(fixture: &Fixture, root: &std::path::Path) -> PathBuf {
    let (_, competency) = fixture.app.current().unwrap();
    let (framework, local) = competency.id.split_once('/').unwrap();
    root.join(framework).join(format!("{local}.toml"))
}

fn form_message(fixture: &Fixture) -> Option<String> {
    match &fixture.app.overlay {
        Some(Overlay::Form(form)) => form.message.clone(),
        _ => None,
    }
}

#[test]
fn a_question_typed_in_the_form_is_saved_and_shown_at_once() {
    let (mut fixture, root) = fixture();
    let before = fixture.app.current().unwrap().1.questions.len();
    fixture.keys("a");
    fixture.type_line("Tell me about a caller who kept interrupting you.");
    fixture.keys("<Enter>");
    // The level comes pre-filled with the browser's: a digit replaces it.
    fixture.type_line("3");
    fixture.keys("<Tab><Tab>");
    fixture.type_line("Lets the caller finish");
    fixture.keys("<Enter>");
    fixture.type_line("Summarises, then answers");
    fixture.keys("<Tab>");
    fixture.type_line("What would you say first next time?");
    fixture.keys("<C-s>");
    assert!(
        fixture.app.overlay.is_none(),
        "{:?}",
        form_message(&fixture)
    );

    let file = added_file(&fixture, &root);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains("name ="),
        "a file that only adds questions: {text}"
    );
    // Shown at once, selected, and loaded again from disk the same.
    let question = fixture.app.current_question().unwrap();
    assert_eq!(
        question.text,
        "Tell me about a caller who kept interrupting you."
    );
    assert_eq!(question.level, Some(3));
    assert_eq!(
        question.key_points,
        ["Lets the caller finish", "Summarises, then answers"]
    );
    assert_eq!(question.follow_ups, ["What would you say first next time?"]);
    assert_eq!(question.tags, ["behavioral"]);
    assert_eq!(fixture.app.current().unwrap().1.questions.len(), before + 1);
    let id = question.id.clone();
    let reloaded = load(&[
        ContentSource::Bundled,
        ContentSource::Directory(root.clone()),
    ]);
    assert!(reloaded.problems.is_empty(), "{:?}", reloaded.problems);
    assert_eq!(reloaded.library.question(&id).unwrap().level, Some(3));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0);
    }
}

#[test]
fn esc_asks_before_dropping_what_was_typed() {
    let (mut fixture, root) = fixture();
    fixture.keys("a");
    fixture.type_line("Half a question");
    fixture.keys("<Esc>");
    assert!(form_message(&fixture).unwrap().contains("Esc again"));
    // `q` is typed, never a quit.
    fixture.keys("q");
    assert!(!fixture.app.quit);
    fixture.keys("<Esc>");
    assert!(
        matches!(fixture.app.overlay, Some(Overlay::Form(_))),
        "typing disarmed it"
    );
    fixture.keys("<Esc><Esc>");
    assert!(fixture.app.overlay.is_none());
    assert!(!root.exists(), "nothing written");
}

#[test]
fn bundled_questions_are_neither_edited_nor_deleted() {
    let (mut fixture, root) = fixture();
    fixture.keys("<Tab><Tab>");
    let before = fixture.app.current_question().unwrap().id.clone();
    fixture.keys("e");
    assert!(fixture.app.overlay.is_none());
    let status = fixture.app.status.as_ref().unwrap().text.clone();
    assert!(status.contains("comes with cuecard"), "{status}");
    fixture.keys("dd");
    assert_eq!(fixture.app.current_question().unwrap().id, before);
    assert!(!root.exists());
}

#[test]
fn an_added_question_is_edited_and_deleted_with_a_second_d() {
    let (mut fixture, root) = fixture();
    fixture.keys("a");
    fixture.type_line("What went wrong on your worst shift?");
    fixture.keys("<C-s>");
    let id = fixture.app.current_question().unwrap().id.clone();
    fixture.keys("<Tab><Tab>");
    assert_eq!(
        fixture.app.current_question().unwrap().id,
        id,
        "selected after saving"
    );

    fixture.keys("e<C-u>");
    fixture.type_line("What went wrong on your busiest shift?");
    fixture.keys("<C-s>");
    let question = fixture.app.current_question().unwrap();
    assert_eq!(question.id, id, "an edit keeps the id, and so the note");
    assert_eq!(question.text, "What went wrong on your busiest shift?");

    // `d`, then another key: kept. `d` twice: deleted, from the file too.
    fixture.keys("dj");
    assert!(fixture.app.library.question(&id).is_some());
    fixture.keys("kdd");
    assert!(fixture.app.library.question(&id).is_none());
    let file = added_file(&fixture, &root);
    assert!(!std::fs::read_to_string(file).unwrap().contains("busiest"));
}

#[test]
fn two_cuecards_adding_to_one_competency_keep_both_questions() {
    let (mut first, root) = fixture();
    let (mut second, _) = fixture();
    second.stores.content = first.stores.content.clone();
    // Both open the form on the same library; the second saves after the first.
    first.keys("a");
    first.type_line("First one's question?");
    second.keys("a");
    second.type_line("Second one's question?");
    first.keys("<C-s>");
    second.keys("<C-s>");
    assert!(second.app.overlay.is_none(), "{:?}", form_message(&second));
    let text = std::fs::read_to_string(added_file(&first, &root)).unwrap();
    assert!(text.contains("First one's question?"), "{text}");
    assert!(text.contains("Second one's question?"), "{text}");
    let loaded = load(&[ContentSource::Bundled, ContentSource::Directory(root)]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn a_file_broken_by_hand_is_not_overwritten_and_the_form_says_why() {
    let (mut fixture, root) = fixture();
    let file = added_file(&fixture, &root);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "[[questions]\nid = \n").unwrap();
    fixture.keys("a");
    fixture.type_line("Will this be lost?");
    fixture.keys("<C-s>");
    let message = form_message(&fixture).expect("the form stays open with what was typed");
    assert!(
        message.starts_with("Not saved:") && message.contains("does not parse"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "[[questions]\nid = \n"
    );
    match &fixture.app.overlay {
        Some(Overlay::Form(form)) => assert_eq!(form.text.value(), "Will this be lost?"),
        _ => panic!("the form closed"),
    }
}
