//! The story bank in the app: `s` shows the stories (summary first) and `c` the coverage map;
//! `L` on a question, then Enter on a story, links it, and the question shows it on reveal.

mod support;

use cuecard::tui::app::Overlay;
use support::Fixture;

const STORY: &str = "+++\ntitle = \"The double-billed customer\"\nsummary = \"Refunded the same day and fixed the billing rule.\"\n\n[[competencies]]\nid = \"customer-support/customer-interaction\"\nlevel = 3\n+++\n\n## Situation\nA customer was billed twice and called, angry.\n\n## Action\nI let him finish, said sorry, and refunded the charge the same day.\n";

fn with_story() -> Fixture {
    let fixture = Fixture::new(100, 30);
    let dir = fixture.dir.path().join("stories");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("double-bill.md"), STORY).unwrap();
    fixture
}

#[test]
fn s_shows_the_bank_and_c_the_coverage_map() {
    let mut fixture = with_story();
    fixture.keys("s");
    assert!(matches!(fixture.app.overlay, Some(Overlay::Stories(_))));
    assert_eq!(fixture.app.stories.len(), 1, "read when the screen opens");
    assert_eq!(fixture.app.stories[0].title, "The double-billed customer");
    fixture.keys("c");
    match &fixture.app.overlay {
        Some(Overlay::Stories(view)) => assert!(view.map),
        other => panic!("{other:?}"),
    }
    // `q` quits from here as from the browser; Esc closes.
    fixture.keys("c<Esc>");
    assert!(fixture.app.overlay.is_none());
}

#[test]
fn l_then_enter_links_a_story_and_the_question_shows_it_on_reveal() {
    let mut fixture = with_story();
    fixture.keys("<Tab><Tab>");
    let question = fixture.app.current_question().unwrap().id.clone();
    fixture.keys("L");
    match &fixture.app.overlay {
        Some(Overlay::Stories(view)) => {
            assert_eq!(view.linking.as_deref(), Some(question.as_str()))
        }
        other => panic!("{other:?}"),
    }
    fixture.keys("<Enter>");
    assert!(fixture.app.overlay.is_none());
    let text = std::fs::read_to_string(fixture.dir.path().join("stories/double-bill.md")).unwrap();
    assert!(
        text.contains(&format!("questions = [\"{question}\"]")),
        "{text}"
    );
    assert!(
        text.ends_with("refunded the charge the same day.\n"),
        "the story itself is kept: {text}"
    );
    assert_eq!(
        fixture.app.stories[0].questions,
        std::slice::from_ref(&question)
    );
    // Linking again says so and writes nothing more.
    fixture.keys("L<Enter>");
    let status = fixture.app.status.as_ref().unwrap().text.clone();
    assert!(status.contains("already answers"), "{status}");
    // The question, revealed, shows the story with the key points it covers.
    fixture.keys("<Enter> ");
    let parts_text = cuecard::tui::document::question(
        &cuecard::tui::document::QuestionParts {
            framework: fixture.app.current().unwrap().0,
            competency: fixture.app.current().unwrap().1,
            question: fixture.app.current_question().unwrap(),
            level: 1,
            note: None,
            conflict: None,
            marks: None,
            stories: fixture.app.stories.iter().collect(),
        },
        true,
        false,
        80,
    )
    .iter()
    .map(|l| l.text.clone())
    .collect::<Vec<_>>()
    .join("\n");
    assert!(
        parts_text.contains("Your story · The double-billed customer"),
        "{parts_text}"
    );
    assert!(parts_text.contains("Refunded the same day"), "{parts_text}");
    assert!(parts_text.contains("It covers "), "{parts_text}");
}

#[test]
fn a_story_with_a_mistake_is_left_out_and_counted() {
    let mut fixture = with_story();
    std::fs::write(
        fixture.dir.path().join("stories/broken.md"),
        "+++\ntitle = \"x\"\nlevle = 2\n+++\n",
    )
    .unwrap();
    fixture.keys("s");
    assert_eq!(fixture.app.stories.len(), 1);
    assert_eq!(fixture.app.story_problems.len(), 1);
    assert!(
        fixture.app.story_problems[0].contains("broken.md:3:1"),
        "{:?}",
        fixture.app.story_problems
    );
}

#[test]
fn r_on_the_stories_screen_rehearses_them_and_the_grade_is_scheduled() {
    let mut fixture = with_story();
    fixture.keys("sr");
    let rehearsal = fixture
        .app
        .rehearsal
        .as_ref()
        .expect("a rehearsal of stories");
    assert_eq!(rehearsal.current(), Some("story:double-bill"));
    let card = |fixture: &Fixture| {
        let rehearsal = fixture.app.rehearsal.as_ref().unwrap();
        let story = &fixture.app.stories[0];
        cuecard::tui::document::story_card(&fixture.app.library, story, rehearsal.revealed(), 80)
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let before = card(&fixture);
    assert!(
        before.contains("Tell it aloud") && !before.contains("billed twice"),
        "{before}"
    );
    fixture.keys(" ");
    let after = card(&fixture);
    assert!(
        after.contains("In 90 seconds") && after.contains("billed twice"),
        "{after}"
    );
    // `n` on a story card says where stories are written; no note file appears.
    fixture.keys("n");
    assert!(fixture.app.editor.is_none());
    fixture.keys("3");
    assert!(
        fixture
            .app
            .schedule
            .questions
            .contains_key("story:double-bill")
    );
    let saved = std::fs::read_to_string(fixture.dir.path().join("reviews.toml")).unwrap();
    assert!(
        saved.contains("[questions.\"story:double-bill\"]"),
        "{saved}"
    );
}

#[test]
fn enter_writes_the_story_here_and_esc_saves_it() {
    let mut fixture = with_story();
    fixture.keys("s<Enter>");
    assert_eq!(
        fixture.app.mode(),
        cuecard::tui::keymap::Mode::Note,
        "the editor takes the keys"
    );
    assert_eq!(
        fixture.app.editor.as_ref().unwrap().question_id,
        "story:double-bill"
    );
    // Typed at the end of the story, then Esc: saved, and the bank read again.
    fixture.keys("<CR>He stayed a customer.<Esc>");
    assert!(fixture.app.editor.is_none());
    assert!(
        matches!(fixture.app.overlay, Some(Overlay::Stories(_))),
        "back on the stories"
    );
    let text = std::fs::read_to_string(fixture.dir.path().join("stories/double-bill.md")).unwrap();
    assert!(
        text.contains("the same day.\nHe stayed a customer."),
        "{text}"
    );
    assert!(
        fixture.app.stories[0]
            .body
            .contains("He stayed a customer.")
    );
    // The notes were not touched.
    assert!(!fixture.dir.path().join("notes").exists());
}

#[test]
fn n_starts_a_story_in_the_editor_on_the_selected_competency() {
    let mut fixture = with_story();
    fixture.keys("sn");
    let editor = fixture.app.editor.as_ref().expect("the new story open");
    assert_eq!(editor.question_id, "story:untitled-story");
    let text =
        std::fs::read_to_string(fixture.dir.path().join("stories/untitled-story.md")).unwrap();
    assert!(
        text.contains("id = \"customer-support/customer-interaction\""),
        "{text}"
    );
    fixture.keys("<Esc>");
    assert_eq!(fixture.app.stories.len(), 2);
}

#[test]
fn a_story_changed_on_disk_while_written_here_keeps_both_texts() {
    let mut fixture = with_story();
    fixture.keys("s<Enter>");
    // Another cuecard (or an editor) rewrites the file meanwhile.
    let path = fixture.dir.path().join("stories/double-bill.md");
    std::fs::write(&path, STORY.replace("angry", "furious")).unwrap();
    fixture.keys("<CR>Mine.<Esc>");
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(
        on_disk.contains("furious") && !on_disk.contains("Mine."),
        "theirs kept"
    );
    let copies: Vec<String> = std::fs::read_dir(fixture.dir.path().join("stories"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".conflict-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let mine =
        std::fs::read_to_string(fixture.dir.path().join("stories").join(&copies[0])).unwrap();
    assert!(mine.contains("Mine."));
}
