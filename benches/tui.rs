//! Start-up to the first frame on the bundled content, one full redraw at 200×60, and a frame of
//! the note editor holding a 1 MB note.
//!
//! `cargo bench --bench tui`. The terminal itself is a `TestBackend`: what is measured is
//! cuecard's own work (loading and parsing the content, building the state, laying out and
//! drawing every pane), not the terminal emulator's.

#[path = "support/pack.rs"]
mod pack;

use criterion::{Criterion, criterion_group, criterion_main};
use cuecard::content::{ContentSource, load};
use cuecard::tui::action::Action;
use cuecard::tui::app::{App, Size};
use cuecard::tui::persist::{self, Stores};
use cuecard::tui::theme::Theme;
use cuecard::tui::ui::view;
use cuecard::tui::update::{paste, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

const THEME: Theme = Theme {
    color: true,
    palette: cuecard::tui::theme::Palette::DARK,
};

fn first_frame(c: &mut Criterion) {
    c.bench_function("start-up to first frame (bundled content, 120x40)", |b| {
        b.iter(|| {
            let loaded = load(&[ContentSource::Bundled]);
            let size = Size {
                width: 120,
                height: 40,
            };
            let app = App::new(loaded.library, loaded.problems.len(), size);
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            terminal.draw(|frame| view(&app, frame, &THEME)).unwrap();
            black_box(terminal.backend().buffer().content.len())
        });
    });
}

fn redraw(c: &mut Criterion) {
    let loaded = load(&[ContentSource::Bundled]);
    let size = Size {
        width: 200,
        height: 60,
    };
    let browser = App::new(loaded.library, 0, size);
    let mut question = browser.clone();
    for action in [Action::Down, Action::Open, Action::Open, Action::Reveal] {
        update(&mut question, action);
    }
    for (name, app) in [("browser", &browser), ("revealed question", &question)] {
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        c.bench_function(&format!("full redraw 200x60 ({name})"), |b| {
            b.iter(|| {
                // Clearing first makes every cell differ, so the whole screen is sent again.
                terminal.clear().unwrap();
                terminal.draw(|frame| view(app, frame, &THEME)).unwrap();
            });
        });
        c.bench_function(&format!("frame 200x60, nothing changed ({name})"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| view(app, frame, &THEME))
                    .unwrap()
                    .area
            });
        });
    }
}

/// The browser at 120×40 with the first question's note open in the editor, holding `text`;
/// the data directory is kept alive by the caller.
fn editing(text: &str) -> (App, tempfile::TempDir) {
    let loaded = load(&[ContentSource::Bundled]);
    let size = Size {
        width: 120,
        height: 40,
    };
    let mut app = App::new(loaded.library, 0, size);
    let data = tempfile::TempDir::new().unwrap();
    let stores = Stores::new(data.path());
    for action in [Action::Open, Action::Open, Action::OpenNote] {
        update(&mut app, action);
    }
    persist::run(&mut app, &stores, "bench");
    paste(&mut app, text);
    (app, data)
}

/// Typing in a long note: each keystroke redraws the editor, whose title counts the words and the
/// key points the note covers.
fn long_note(c: &mut Criterion) {
    let text =
        "I escalated the refund to the billing team and called the customer back. ".repeat(14_000);
    let (app, _data) = editing(&text);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("frame 120x40, note editor holding a 1 MB note", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| view(&app, frame, &THEME))
                .unwrap()
                .area
        });
    });
}

/// Key-point coverage of a 1 MB note of varied sentences (numbers, abbreviations, headings), as
/// the editor's title works it out.
fn coverage_of_a_long_note(c: &mut Criterion) {
    let paragraph = "## Situation\nA retailer's checkout went down before a sale, 4,000 orders at risk.\n\
        ## Action\nI let the store manager vent, repeated back what she needed and looped in our \
        on-call engineer; we traced it to an expired certificate and rotated it.\n## Result\n\
        Sales were back in 40 minutes, CSAT held at 4.5 and they renewed. Next time I would alert \
        them before the expiry.\n";
    let note = paragraph.repeat(1_000_000 / paragraph.len());
    let key_points: Vec<String> = [
        "Sets the scene briefly: who the customer was and what was at stake.",
        "Shows how they calmed the situation: listening, acknowledging feelings, staying composed.",
        "Explains the steps taken to solve the underlying problem, not only the mood.",
        "States the outcome, for the customer and for the business.",
        "Reflects honestly on what they would change.",
    ]
    .map(String::from)
    .to_vec();
    c.bench_function("key-point coverage of a 1 MB note (5 key points)", |b| {
        b.iter(|| cuecard::practice::coverage(&key_points, &note).count());
    });
}

/// One keystroke in a long note as the loop handles it: the key, the title's figures when due,
/// the copy kept for the signal thread, and the frame. Measured at 1 MB and 8 MB (the largest note
/// cuecard opens): what grows with the note's length is the editor widget's own work (see README).
fn keystroke_in_long_note(c: &mut Criterion) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use cuecard::tui::redraw::Redraw;
    use cuecard::tui::rescue::{Pending, Snapshot};
    use std::time::Instant;
    for megabytes in [1usize, 8] {
        let sentence = "I escalated the refund to the billing team and called the customer back.\n";
        let (mut app, _data) = editing(&sentence.repeat(megabytes * 14_000));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let mut redraw = Redraw::default();
        let mut snapshot = Snapshot::default();
        let mut shared = Pending::default();
        let key = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        c.bench_function(
            &format!("keystroke in a {megabytes} MB note (key, loop, frame)"),
            |b| {
                b.iter(|| {
                    update(&mut app, Action::Edit(key));
                    let now = Instant::now();
                    redraw.refresh_note_summary(&mut app, now);
                    snapshot.refresh(&mut shared, &app, false, now);
                    terminal
                        .draw(|frame| view(&app, frame, &THEME))
                        .unwrap()
                        .area
                });
            },
        );
    }
}

/// The state built and the first frame drawn at 120×40. The state is returned, to be dropped
/// outside the time measured (the app does not free its content at start-up).
fn draw_first(loaded: cuecard::content::Loaded) -> App {
    let size = Size {
        width: 120,
        height: 40,
    };
    let app = App::new(loaded.library, loaded.problems.len(), size);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| view(&app, frame, &THEME)).unwrap();
    black_box(terminal.backend().buffer().content.len());
    app
}

/// Start-up to the first frame on 100k-question packs of both shapes: the content read from the
/// cache (warm: written, and in the page cache; the check of every file's size and times
/// included), and parsed from its files as without a cache.
fn first_frame_large(c: &mut Criterion) {
    use cuecard::cache::ContentCache;
    use std::time::Duration;
    let mut group = c.benchmark_group("start-up, 100k questions");
    group.sample_size(10);
    type Write = fn(&std::path::Path) -> Vec<String>;
    let shapes: [(&str, Write); 2] = [
        ("one framework", |dir| pack::write_pack(dir, 100_000)),
        ("ten frameworks", |dir| {
            pack::write_varied_pack(dir, 10, 100, 100)
        }),
    ];
    for (shape, write) in shapes {
        let content = tempfile::TempDir::new().unwrap();
        write(content.path());
        let sources = vec![ContentSource::Directory(content.path().into())];
        let cache_dir = tempfile::TempDir::new().unwrap();
        let cache = || ContentCache::with_settle(cache_dir.path(), &sources, Duration::ZERO);
        let loaded = load(&sources);
        let index = cuecard::search::SearchIndex::build(&loaded.library);
        assert!(
            cache()
                .unwrap()
                .write(&loaded.library, &loaded.problems, &index)
        );
        drop((loaded, index));
        group.bench_function(
            format!("{shape}, first frame, content from the cache"),
            |b| b.iter(|| black_box(draw_first(cache().unwrap().read_loaded().unwrap()))),
        );
        group.bench_function(format!("{shape}, searcher's index from the cache"), |b| {
            b.iter_with_large_drop(|| cache().unwrap().read_index().unwrap().0)
        });
        group.bench_function(format!("{shape}, first frame, content parsed"), |b| {
            b.iter_with_large_drop(|| draw_first(load(&sources)))
        });
    }
    group.finish();
}

/// A grade with a long review history (20,000 questions, three reviews each): what the UI waits
/// for now (the schedule handed to the history thread) against the save it used to wait for.
/// Reading a long review history at start-up: 40,000 questions graded ten times each.
fn load_long_history(c: &mut Criterion) {
    use cuecard::practice::schedule::{Grade, Schedule};
    let data = tempfile::TempDir::new().unwrap();
    let stores = Stores::new(data.path());
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .unwrap()
        .to_utc();
    let mut schedule = Schedule::default();
    for review in 0..10 {
        let now = start + chrono::Duration::days(review * 3);
        for n in 0..40_000 {
            let grade = if n % 7 == 0 { Grade::Hard } else { Grade::Good };
            schedule.grade(&format!("bench/c{}/q{n}", n % 50), grade, 60, now, None);
        }
    }
    let graded = ["bench/c0/q0".to_string()].into();
    stores
        .reviews
        .save(&schedule, &graded, cuecard::store::Fingerprint::of(None))
        .unwrap();
    let size = std::fs::metadata(stores.reviews.path()).unwrap().len() >> 20;
    let mut group = c.benchmark_group("start-up");
    group.sample_size(10);
    group.bench_function(format!("read a {size} MB review history"), |b| {
        b.iter(|| stores.reviews.load().unwrap().0.questions.len())
    });
    group.finish();
}

fn grade_with_long_history(c: &mut Criterion) {
    use cuecard::practice::schedule::{Grade, Schedule};
    use cuecard::tui::history::HistorySaver;
    use std::collections::BTreeSet;
    use std::sync::Arc;
    let data = tempfile::TempDir::new().unwrap();
    let stores = Stores::new(data.path());
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .unwrap()
        .to_utc();
    let mut schedule = Schedule::default();
    for day in 0..3 {
        let now = start + chrono::Duration::days(day * 7);
        for n in 0..20_000 {
            schedule.grade(
                &format!("bench/c{}/q{n}", n % 50),
                Grade::Good,
                60,
                now,
                None,
            );
        }
    }
    let graded: BTreeSet<String> = ["bench/c0/q0".to_string()].into();
    let (_, version) = stores
        .reviews
        .save(&schedule, &graded, cuecard::store::Fingerprint::of(None))
        .unwrap();
    c.bench_function(
        "grade, 20k-question history: saved in place (before)",
        |b| b.iter(|| stores.reviews.save(&schedule, &graded, version).unwrap().1),
    );
    let saver = Arc::new(HistorySaver::spawn(stores.reviews.clone()));
    c.bench_function(
        "grade, 20k-question history: handed to the history thread (now)",
        |b| {
            // Only the hand-over is timed; each save is waited for outside it, so none pile up.
            b.iter_custom(|iterations| {
                let mut spent = std::time::Duration::ZERO;
                for _ in 0..iterations {
                    let started = std::time::Instant::now();
                    assert!(saver.send(schedule.clone(), graded.clone(), version));
                    spent += started.elapsed();
                    black_box(
                        saver
                            .wait_result(std::time::Duration::from_secs(60))
                            .is_some(),
                    );
                }
                spent
            })
        },
    );
}

criterion_group!(
    benches,
    first_frame,
    redraw,
    long_note,
    keystroke_in_long_note,
    coverage_of_a_long_note,
    grade_with_long_history,
    load_long_history,
    first_frame_large
);
criterion_main!(benches);
