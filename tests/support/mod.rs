//! What the tests that drive the app through `update` share: the browser on the bundled content,
//! a temporary data directory, a clock the test moves, and actions run with the file work they
//! ask for, as the event loop runs them.

// Each test file uses the part it needs.
#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use cuecard::content::{ContentSource, load};
use cuecard::tui::action::Action;
use cuecard::tui::app::{App, Size};
use cuecard::tui::keymap::parse_keys;
use cuecard::tui::persist::{self, Stores};
use cuecard::tui::update::update;
use tempfile::TempDir;

/// The stamp conflict copies get.
pub const STAMP: &str = "20261123-0900";

pub struct Fixture {
    pub app: App,
    pub stores: Stores,
    /// The data directory, removed with the fixture.
    pub dir: TempDir,
}

impl Fixture {
    /// The browser on the bundled content, in a terminal of `width` × `height`.
    pub fn new(width: u16, height: u16) -> Fixture {
        let loaded = load(&[ContentSource::Bundled]);
        let dir = TempDir::new().unwrap();
        Fixture {
            app: App::new(loaded.library, 0, Size { width, height }),
            stores: Stores::new(dir.path()),
            dir,
        }
    }

    /// The same, its clock set to `now` (RFC 3339).
    pub fn at(width: u16, height: u16, now: &str) -> Fixture {
        let mut fixture = Fixture::new(width, height);
        fixture.app.now = time(now);
        fixture
    }

    /// Actions, each followed by the file work it asked for.
    pub fn run(&mut self, actions: &[Action]) {
        for action in actions {
            update(&mut self.app, *action);
            self.persist();
        }
    }

    /// The file work asked for so far, as the loop runs it after each event.
    pub fn persist(&mut self) {
        persist::run(&mut self.app, &self.stores, STAMP);
    }

    /// Moves the clock on.
    pub fn wait(&mut self, seconds: i64) {
        self.app.now += Duration::seconds(seconds);
    }

    /// Types into a one-line field (the search query, a form field, a quick note), a character
    /// at a time.
    pub fn type_line(&mut self, text: &str) {
        for c in text.chars() {
            self.run(&[Action::Type(c)]);
        }
    }
}

impl Fixture {
    /// Keys as a user presses them, in the notation of `keymap::parse_keys` (`"jj<Enter>n"`):
    /// each goes through the keymap of the mode on screen, then `update`, then the file work it
    /// asked for, as the event loop does.
    pub fn keys(&mut self, keys: &str) {
        for event in parse_keys(keys).unwrap() {
            press(&mut self.app, event);
            self.persist();
        }
    }
}

/// Keys through the real keymap and `update`, with no file work (see [`Fixture::keys`]).
pub fn keys(app: &mut App, keys: &str) {
    for event in parse_keys(keys).unwrap() {
        press(app, event);
    }
}

fn press(app: &mut App, event: crossterm::event::KeyEvent) {
    let event = crossterm::event::Event::Key(event);
    if let Some(action) = cuecard::tui::action_for_event(app.mode(), &event) {
        update(app, action);
    }
}

pub fn time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}
