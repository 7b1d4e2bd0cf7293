//! When the loop draws: after anything changed, and once a second while a running clock is on
//! screen; never on an idle tick. And the note editor's figures (words, speaking time, key points
//! covered), which cost a pass over the whole note: worked out again at most a few times a second
//! for a long note, so typing in it costs the same whatever its length.

use std::time::{Duration, Instant};

use super::app::App;

/// The loop's memory of what the last frame showed.
#[derive(Debug)]
pub struct Redraw {
    /// Something changed since the last frame.
    pending: bool,
    /// The second the clocks showed in the last frame, when a clock was on screen.
    clock_second: Option<i64>,
    /// When the note's figures were last worked out.
    summarised_at: Option<Instant>,
}

impl Default for Redraw {
    fn default() -> Redraw {
        Redraw {
            pending: true,
            clock_second: None,
            summarised_at: None,
        }
    }
}

/// Notes shorter than this get their figures at every keystroke.
const SHORT_NOTE: usize = 64 * 1024;
/// How often a long note's figures are worked out again while it changes.
const SUMMARY_EVERY: Duration = Duration::from_millis(300);

impl Redraw {
    /// Something the screen shows may have changed: draw at the next chance.
    pub fn changed(&mut self) {
        self.pending = true;
    }

    /// Brings the open note's figures up to date when they are due; a long note's at most every
    /// [`SUMMARY_EVERY`]. Returns whether they changed (and so the screen).
    pub fn refresh_note_summary(&mut self, app: &mut App, now: Instant) -> bool {
        let Some(editor) = app.editor.as_mut() else {
            return false;
        };
        if editor.summary_is_current() {
            return false;
        }
        let long = editor.approximate_len() > SHORT_NOTE;
        let recent = self
            .summarised_at
            .is_some_and(|at| now.duration_since(at) < SUMMARY_EVERY);
        if long && recent {
            return false;
        }
        let Some(question) = app.library.question(&editor.question_id) else {
            return false;
        };
        editor.summarise(question, app.marks.get(&editor.question_id));
        self.summarised_at = Some(now);
        self.pending = true;
        true
    }

    /// Whether to draw now.
    pub fn due(&self, app: &App) -> bool {
        self.pending || (app.clock_on_screen() && Some(app.now.timestamp()) != self.clock_second)
    }

    /// A frame was drawn.
    pub fn drawn(&mut self, app: &App) {
        self.pending = false;
        self.clock_second = app.clock_on_screen().then(|| app.now.timestamp());
    }

    /// How long the loop may sleep before a frame or the note's figures fall due.
    pub fn wait(&self, app: &App, now: Instant, longest: Duration) -> Duration {
        let mut wait = longest;
        if app.clock_on_screen() {
            let into_second = u64::from(app.now.timestamp_subsec_millis());
            wait = wait.min(Duration::from_millis(1000 - into_second.min(999)));
        }
        if app.editor.as_ref().is_some_and(|e| !e.summary_is_current()) {
            let next = self.summarised_at.map_or(now, |at| at + SUMMARY_EVERY);
            wait = wait.min(next.saturating_duration_since(now));
        }
        wait
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentSource, load};
    use crate::tui::action::Action;
    use crate::tui::app::Size;
    use crate::tui::{persist, update};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn app() -> App {
        let loaded = load(&[ContentSource::Bundled]);
        let size = Size {
            width: 100,
            height: 30,
        };
        App::new(loaded.library, 0, size)
    }

    #[test]
    fn an_idle_browser_is_not_drawn_again_but_a_running_clock_is_once_a_second() {
        let mut app = app();
        let mut redraw = Redraw::default();
        assert!(redraw.due(&app), "the first frame");
        redraw.drawn(&app);
        app.now += chrono::Duration::seconds(5);
        assert!(
            !redraw.due(&app),
            "nothing changed, nothing on screen moves"
        );
        redraw.changed();
        assert!(redraw.due(&app));
        redraw.drawn(&app);
        update::update(&mut app, Action::StartRehearsal);
        redraw.changed();
        redraw.drawn(&app);
        assert!(app.clock_on_screen(), "the rehearsal's answer timer runs");
        app.now += chrono::Duration::milliseconds(300);
        let same_second =
            app.now.timestamp() == (app.now - chrono::Duration::milliseconds(300)).timestamp();
        assert_eq!(redraw.due(&app), !same_second);
        app.now += chrono::Duration::seconds(1);
        assert!(redraw.due(&app), "the timer shows the next second");
    }

    #[test]
    fn a_long_notes_figures_are_worked_out_at_most_every_300_ms_while_typing() {
        let dir = tempfile::tempdir().unwrap();
        let stores = persist::Stores::new(dir.path());
        let mut app = app();
        for action in [Action::Open, Action::Open, Action::OpenNote] {
            update::update(&mut app, action);
            persist::run(&mut app, &stores, "s");
        }
        update::paste(&mut app, &"A long answer about the refund. ".repeat(5_000));
        let mut redraw = Redraw::default();
        let start = Instant::now();
        assert!(redraw.refresh_note_summary(&mut app, start));
        let key = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        let mut worked = 0;
        // A key every 50 ms for a second.
        for step in 1..=20u64 {
            update::update(&mut app, Action::Edit(key));
            if redraw.refresh_note_summary(&mut app, start + Duration::from_millis(50 * step)) {
                worked += 1;
            }
        }
        assert!((3..=4).contains(&worked), "worked out {worked} times");
        // Once the typing stops, the figures catch up.
        assert!(redraw.refresh_note_summary(&mut app, start + Duration::from_secs(2)));
        assert!(app.editor.as_ref().unwrap().summary_is_current());
    }
}
