//! Rendering: snapshots of the real screens on the bundled content, every size without a panic,
//! hostile and wide text drawn inert and aligned.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use cuecard::content::{Competency, ContentSource, Framework, Library, Question, load};
use cuecard::tui::action::Action::{self, *};
use cuecard::tui::app::{App, Size};
use cuecard::tui::persist::{self, Stores};
use cuecard::tui::theme::Theme;
use cuecard::tui::ui::view;
use cuecard::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const PLAIN: Theme = Theme::PLAIN;

fn bundled(width: u16, height: u16) -> App {
    let loaded = load(&[ContentSource::Bundled]);
    App::new(loaded.library, 0, Size { width, height })
}

fn render(app: &App, theme: &Theme) -> Buffer {
    let Size { width, height } = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(app, frame, theme)).unwrap();
    terminal.backend().buffer().clone()
}

fn screen(app: &App) -> String {
    let buffer = render(app, &PLAIN);
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| {
            let mut line = String::new();
            let mut skip = 0;
            for cell in row {
                // A wide character's second cell holds nothing of its own.
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                line.push_str(cell.symbol());
                skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn after(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = bundled(width, height);
    for action in actions {
        update(&mut app, *action);
    }
    app
}

#[test]
fn snapshot_browser_120x40() {
    insta::assert_snapshot!(screen(&after(120, 40, &[Down, SelectLevel(3)])));
}

#[test]
fn snapshot_browser_80x24() {
    insta::assert_snapshot!(screen(&after(80, 24, &[FocusNext, SelectLevel(2)])));
}

#[test]
fn snapshot_browser_60x20() {
    insta::assert_snapshot!(screen(&after(60, 20, &[])));
}

#[test]
fn snapshot_questions_pane_60x20() {
    insta::assert_snapshot!(screen(&after(60, 20, &[Open])));
}

#[test]
fn snapshot_question_hidden_120x40() {
    insta::assert_snapshot!(screen(&after(120, 40, &[Open, Open])));
}

#[test]
fn snapshot_question_revealed_80x24() {
    insta::assert_snapshot!(screen(&after(80, 24, &[Open, Open, Reveal])));
}

#[test]
fn snapshot_question_revealed_60x20() {
    insta::assert_snapshot!(screen(&after(60, 20, &[Open, Open, Reveal])));
}

#[test]
fn snapshot_help_80x24() {
    insta::assert_snapshot!(screen(&after(80, 24, &[ToggleHelp])));
}

#[test]
fn snapshot_search_80x24() {
    use cuecard::search::{SearchIndex, Searcher};
    let mut app = after(80, 24, &[OpenSearch]);
    for c in "escalat".chars() {
        update(&mut app, Type(c));
    }
    let mut searcher = Searcher::new(std::sync::Arc::new(SearchIndex::build(&app.library)));
    let results = searcher.search("escalat", 50);
    let generation = app.search().unwrap().generation;
    cuecard::tui::update::search_results(&mut app, generation, results);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_too_small() {
    insta::assert_snapshot!(screen(&after(19, 5, &[])));
}

#[test]
fn the_problems_banner_names_the_count_and_the_command() {
    let loaded = load(&[ContentSource::Bundled]);
    let app = App::new(
        loaded.library,
        3,
        Size {
            width: 120,
            height: 40,
        },
    );
    let text = screen(&app);
    let first = text.lines().next().unwrap();
    assert!(first.contains("3 problems in your content"), "{first}");
    assert!(first.contains("cuecard validate"), "{first}");
}

#[test]
fn every_size_renders_without_panic_on_every_screen() {
    let screens: [&[Action]; 12] = [
        &[OpenSearch, Type('x')],
        &[OpenInterview, Type('J')],
        &[OpenInterview, Type('J'), Open, TickKeyPoint(1)],
        &[OpenInterview, Type('J'), Open, Rate],
        &[StartRehearsal],
        &[StartRehearsal, Reveal, Down],
        &[ToggleProgress, Down],
        &[],
        &[FocusNext, SelectLevel(4)],
        &[Open, Open],
        &[Open, Open, Reveal, Bottom],
        &[ToggleHelp, Bottom],
    ];
    for actions in screens {
        let mut app = after(120, 40, actions);
        if actions.contains(&Open) && actions.contains(&OpenInterview) {
            assert!(app.interview.is_some(), "{actions:?} starts an interview");
        }
        let widths = (1..=130)
            .step_by(5)
            .chain([2, 19, 20, 79, 80, 99, 100, 119, 120]);
        for width in widths {
            for height in (1..=45).step_by(3).chain([2, 5, 6, 23, 24]) {
                update(&mut app, Resize { width, height });
                render(&app, &PLAIN);
            }
        }
        for (width, height) in [(0, 0), (1, 200), (200, 1), (300, 200), (0, 24), (80, 0)] {
            update(&mut app, Resize { width, height });
            render(&app, &PLAIN);
        }
    }
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = with_note(120, 40, &dir);
    for width in (1..=130).step_by(7) {
        for height in (1..=45).step_by(4) {
            update(&mut app, Resize { width, height });
            render(&app, &PLAIN);
        }
    }
}

const NOW: &str = "2026-11-23T09:00:00Z";

/// The first question open with its note in the editor, a line typed under "Situation".
fn with_note(width: u16, height: u16, dir: &tempfile::TempDir) -> App {
    let stores = Stores::new(dir.path());
    let mut app = after(width, height, &[Open, Open, OpenNote]);
    persist::run(&mut app, &stores, "s");
    // The cursor of a new note waits under "Situation".
    for c in "I calmed the customer, solved the refund and followed up.".chars() {
        update(
            &mut app,
            Edit(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
    app
}

#[test]
fn snapshot_note_editor_60x20() {
    let dir = tempfile::TempDir::new().unwrap();
    insta::assert_snapshot!(screen(&with_note(60, 20, &dir)));
}

#[test]
fn snapshot_note_editor_120x40() {
    let dir = tempfile::TempDir::new().unwrap();
    insta::assert_snapshot!(screen(&with_note(120, 40, &dir)));
}

/// A rehearsal at a fixed time, 100 seconds into its first card.
fn rehearsing(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = bundled(width, height);
    app.now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap().to_utc();
    update(&mut app, StartRehearsal);
    app.now += chrono::Duration::seconds(100);
    for action in actions {
        update(&mut app, *action);
    }
    app
}

#[test]
fn snapshot_rehearsal_60x20() {
    insta::assert_snapshot!(screen(&rehearsing(60, 20, &[])));
}

#[test]
fn snapshot_rehearsal_revealed_80x24() {
    insta::assert_snapshot!(screen(&rehearsing(80, 24, &[Reveal])));
}

#[test]
fn the_timer_is_drawn_amber_then_red() {
    let mut app = rehearsing(80, 24, &[]);
    let color = Theme {
        color: true,
        ..Theme::PLAIN
    };
    let timer_colour = |app: &App| {
        let buffer = render(app, &color);
        // The clock's first digit, after "⏱ " inside the border and padding.
        buffer.cell((4, 1)).unwrap().fg
    };
    assert_eq!(timer_colour(&app), ratatui::style::Color::Yellow);
    app.now += chrono::Duration::seconds(30);
    assert_eq!(timer_colour(&app), ratatui::style::Color::Red);
    let fresh = {
        let mut app = bundled(80, 24);
        update(&mut app, StartRehearsal);
        app
    };
    assert_eq!(timer_colour(&fresh), ratatui::style::Color::Reset);
}

/// An interview of Jane on the first competency at level 3, four minutes in, two key points and
/// a note on its first question.
fn interviewing(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = bundled(width, height);
    app.now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap().to_utc();
    let plan = cuecard::interview::SessionPlan {
        candidate: "Jane Doe".to_string(),
        role: "Support lead".to_string(),
        level: 3,
        competencies: vec!["customer-interaction".to_string()],
        minutes: 30,
    };
    let session = cuecard::interview::InterviewSession::new(&app.library, &plan, app.now).unwrap();
    cuecard::tui::commands::begin_interview(&mut app, session, None);
    update(&mut app, StartClock);
    app.now += chrono::Duration::seconds(240);
    for action in [TickKeyPoint(1), TickKeyPoint(3), OpenNote] {
        update(&mut app, action);
    }
    for c in "Calm, concrete".chars() {
        update(&mut app, Type(c));
    }
    update(&mut app, Open);
    for action in actions {
        update(&mut app, *action);
    }
    app
}

#[test]
fn snapshot_interview_live_60x20() {
    insta::assert_snapshot!(screen(&interviewing(60, 20, &[])));
}

#[test]
fn snapshot_interview_live_120x40() {
    insta::assert_snapshot!(screen(&interviewing(120, 40, &[])));
}

#[test]
fn snapshot_interview_ratings_80x24() {
    insta::assert_snapshot!(screen(&interviewing(
        80,
        24,
        &[Rate, SelectLevel(3), Recommend, Recommend]
    )));
}

#[test]
fn snapshot_interview_setup_60x20() {
    let mut app = after(60, 20, &[SelectLevel(2), OpenInterview]);
    for c in "Max Roe".chars() {
        update(&mut app, Type(c));
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn interview_screens_render_at_every_size() {
    let setup = after(120, 40, &[OpenInterview, Type('M')]);
    let screens = [&[][..], &[Rate][..], &[OpenNote][..]]
        .into_iter()
        .map(|actions| interviewing(120, 40, actions))
        .chain([setup]);
    for mut app in screens {
        for width in (1..=130).step_by(7) {
            for height in (1..=45).step_by(4) {
                update(&mut app, Resize { width, height });
                render(&app, &PLAIN);
            }
        }
    }
}

#[test]
fn snapshot_progress_80x24() {
    let mut app = rehearsing(80, 24, &[Reveal, Grade(3), Reveal, Grade(1), Back]);
    let first = app.library.frameworks[0].competencies[0].questions[0]
        .id
        .clone();
    app.notes.insert(first, "A note.\n".to_string());
    app.now += chrono::Duration::minutes(5);
    update(&mut app, ToggleProgress);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn no_color_draws_without_colours() {
    let app = after(120, 40, &[Open, Open, Reveal]);
    let plain = render(&app, &PLAIN);
    assert!(
        plain
            .content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
    let colored = render(
        &app,
        &Theme {
            color: true,
            ..Theme::PLAIN
        },
    );
    assert!(
        colored
            .content
            .iter()
            .any(|c| c.fg != ratatui::style::Color::Reset)
    );
    // Never a background colour: the terminal's own background shows through.
    assert!(
        colored
            .content
            .iter()
            .all(|c| c.bg == ratatui::style::Color::Reset)
    );
}

fn hostile_library() -> Library {
    let question = Question {
        id: "fw/c/q".into(),
        text: "Title \u{1b}]0;pwned\u{7} clear \u{1b}[2J csi \u{9b}2J bidi \u{202e}evil".into(),
        level: Some(1),
        tags: vec!["t".into()],
        key_points: vec!["面接の準備をする 👩‍💻 café".into()],
        follow_ups: vec![],
        interviewer_note: None,
        file: None,
    };
    let competency = Competency {
        id: "fw/c".into(),
        name: "面接 Interviews 👩‍💻 naïve".into(),
        definition: "Wide: 面接の準備をする面接の準備をする面接の準備をする. Combining: e\u{301}e\u{301}. Escape: \u{1b}[31mred".into(),
        tags: vec![],
        study: vec!["שלום עולם RTL text".into()],
        behaviors: vec![vec!["一 \u{1b}[2J".into()], vec!["二".into()]],
        questions: vec![question],
    };
    Library {
        frameworks: vec![Framework {
            id: "fw".into(),
            name: "Framework 枠組み".into(),
            description: None,
            levels: vec!["一".into(), "二".into()],
            competencies: vec![competency],
        }],
    }
}

/// Every row of a rendered buffer is exactly the screen's width, and no cell holds a character
/// that would drive the terminal.
fn assert_inert_and_aligned(app: &App) {
    for cell in &render(app, &PLAIN).content {
        assert!(
            !cell.symbol().chars().any(cuecard::text::is_dangerous),
            "a cell holds {:?}",
            cell.symbol()
        );
    }
    // Every row inside the panes ends on the screen's last column, whatever wide text it holds:
    // a character drawn one column too wide or too narrow would move the border.
    let width = usize::from(app.size.width);
    for line in screen(app).lines().filter(|l| l.starts_with('│')) {
        let columns = unicode_width::UnicodeWidthStr::width(line);
        assert_eq!(
            columns, width,
            "{line:?} is {columns} columns wide, not {width}"
        );
    }
}

#[test]
fn control_characters_and_wide_text_are_drawn_inert_and_aligned() {
    for actions in [&[][..], &[Open, Open, Reveal][..], &[FocusNext][..]] {
        for (width, height) in [(120, 40), (80, 24), (60, 20), (33, 12)] {
            let mut app = App::new(hostile_library(), 0, Size { width, height });
            for action in actions {
                update(&mut app, *action);
            }
            assert_inert_and_aligned(&app);
        }
    }
}

#[test]
fn a_hostile_content_file_is_left_out_with_a_banner() {
    let dir = tempfile::TempDir::new().unwrap();
    let fw = dir.path().join("fw");
    std::fs::create_dir_all(&fw).unwrap();
    std::fs::write(
        fw.join("framework.toml"),
        "name = \"F\"\nlevels = [\"a\", \"b\"]\n",
    )
    .unwrap();
    std::fs::write(
        fw.join("good.toml"),
        "name = \"面接 Good\"\ndefinition = \"幅 wide\"\n[behaviors]\n1 = [\"x\"]\n2 = [\"y\"]\n",
    )
    .unwrap();
    std::fs::write(
        fw.join("evil.toml"),
        "name = \"Evil \\u001b]0;title\\u0007\"\ndefinition = \"\\u001b[2J\"\n[behaviors]\n1 = [\"x\"]\n2 = [\"y\"]\n",
    )
    .unwrap();
    let loaded = load(&[ContentSource::Directory(dir.path().into())]);
    let app = App::new(
        loaded.library,
        loaded.problems.len(),
        Size {
            width: 80,
            height: 24,
        },
    );
    let text = screen(&app);
    assert!(text.contains("2 problems in your content"), "{text}");
    assert!(text.contains("面接 Good"));
    assert!(!text.contains("Evil"));
    assert_inert_and_aligned(&app);
}

#[test]
fn snapshot_interview_ratings_50x16() {
    let mut app = interviewing(
        50,
        16,
        &[Rate, SelectLevel(3), Recommend, Recommend, Summary],
    );
    for c in "Strong on outcomes".chars() {
        update(&mut app, Type(c));
    }
    update(&mut app, Open);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_interview_live_50x16() {
    insta::assert_snapshot!(screen(&interviewing(50, 16, &[])));
}

#[test]
fn snapshot_interview_typing_a_long_note_60x20() {
    let mut app = interviewing(60, 20, &[OpenNote]);
    for c in "Walked through the refund, then the follow-up call two days later, calmly".chars() {
        update(&mut app, Type(c));
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_interview_setup_50x16() {
    let mut app = after(50, 16, &[SelectLevel(2), OpenInterview]);
    for c in "Max Roe".chars() {
        update(&mut app, Type(c));
    }
    for action in [FocusNext, FocusNext, FocusNext, FocusNext] {
        update(&mut app, action);
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_interview_ratings_60x20() {
    let mut app = interviewing(60, 20, &[Rate, SelectLevel(3), OpenNote]);
    for c in "Owned the refund end to end and called back".chars() {
        update(&mut app, Type(c));
    }
    for action in [Open, Recommend, Recommend, Recommend, Recommend, Summary] {
        update(&mut app, action);
    }
    for c in "Ready for the lead role".chars() {
        update(&mut app, Type(c));
    }
    update(&mut app, Open);
    insta::assert_snapshot!(screen(&app));
}

/// A question bank: a competency with questions and no behaviors, as `cuecard import` makes
/// from a spreadsheet.
fn bank_library() -> Library {
    let mut library = hostile_library();
    let framework = &mut library.frameworks[0];
    framework.levels = vec!["Low".into(), "High".into()];
    let competency = &mut framework.competencies[0];
    competency.name = "Code Review".into();
    competency.definition = String::new();
    competency.behaviors = vec![Vec::new(), Vec::new()];
    competency.questions[0].text = "Walk me through a review you pushed back on.".into();
    library
}

#[test]
fn a_question_bank_says_once_that_it_has_no_behaviors() {
    let mut app = App::new(
        bank_library(),
        0,
        Size {
            width: 100,
            height: 30,
        },
    );
    let shown = screen(&app);
    assert!(
        shown.contains("The framework defines no behaviors for this"),
        "{shown}"
    );
    assert!(!shown.contains("no behaviors at this level"), "{shown}");
    assert!(shown.contains("Walk me through a review"), "{shown}");
    // The ratings list the levels by name, with nothing under them.
    for action in [OpenInterview, Type('S'), Open, Rate] {
        update(&mut app, action);
    }
    let shown = screen(&app);
    assert!(
        shown.contains("Level 1 · Low") && shown.contains("Level 2 · High"),
        "{shown}"
    );
    assert!(!shown.contains("no behaviors at this level"), "{shown}");
}
