//! When the loop saves: half a second after the last change to the open note, or one second after
//! the first change not saved yet when the typing never pauses that long; again every two seconds
//! while saving fails; and from the signal thread when the loop is stuck. The clock is passed in,
//! so the timing is tested without waiting.

use std::time::{Duration, Instant};

use super::app::{App, Status};
use super::commands::{keep_typed_line, save_interview};
use super::effect::Effect;

/// How long after the last keystroke a note is saved.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(500);
/// The longest a change waits for its save while the typing goes on without a pause.
pub const AUTOSAVE_MAX_DELAY: Duration = Duration::from_secs(1);
/// How long after a failed save it is tried again.
pub const RETRY_DELAY: Duration = Duration::from_secs(2);

/// The loop's memory of the open note's changes and of the last failure.
#[derive(Debug, Default)]
pub struct Autosave {
    /// The editor's change count when last seen, and when it was seen to change.
    seen: Option<(String, u64, Instant)>,
    /// When the open note was first seen changed since its last save was asked for.
    dirty_since: Option<Instant>,
    failed_at: Option<Instant>,
    /// When the interview (and so its clock) was last saved.
    clock_saved_at: Option<Instant>,
}

/// What is being typed: the open note (its question, change count, and whether it is unsaved),
/// else the interview's note line (kept as its question's draft).
fn typing(app: &App) -> Option<(&str, u64, bool)> {
    if let Some(editor) = &app.editor {
        return Some((editor.question_id.as_str(), editor.changes, editor.dirty()));
    }
    let interview = app.interview.as_ref().filter(|i| i.input.is_some())?;
    Some(("interview line", interview.typed, interview.draft_dirty))
}

/// How often a running interview's clock is saved while nothing else changes.
pub const CLOCK_SAVE_EVERY: Duration = Duration::from_secs(5);

impl Autosave {
    /// Notes a change to the text being typed; call after each batch of input.
    pub fn observe(&mut self, app: &App, now: Instant) {
        let Some((what, changes, dirty)) = typing(app) else {
            self.seen = None;
            self.dirty_since = None;
            return;
        };
        let changed = !matches!(&self.seen, Some((id, seen, _))
            if id == what && *seen == changes);
        if changed {
            self.seen = Some((what.to_string(), changes, now));
        }
        if !dirty {
            self.dirty_since = None;
        } else if self.dirty_since.is_none() {
            self.dirty_since = Some(now);
        }
    }

    /// When the open note's save falls due, if it has changes not saved: after a pause in the
    /// typing, or after the longest wait however steady the typing.
    fn editor_due(&self, app: &App) -> Option<Instant> {
        let (Some((_, _, last_change)), Some((_, _, dirty))) = (&self.seen, typing(app)) else {
            return None;
        };
        if !dirty {
            return None;
        }
        let after_pause = *last_change + AUTOSAVE_DELAY;
        Some(match self.dirty_since {
            Some(first) => after_pause.min(first + AUTOSAVE_MAX_DELAY),
            None => after_pause,
        })
    }

    /// Asks for the saves that are due at `now`.
    pub fn request_due(&mut self, app: &mut App, now: Instant) {
        let retry_ready = self
            .failed_at
            .is_none_or(|at| now.duration_since(at) >= RETRY_DELAY);
        if !retry_ready {
            return;
        }
        let editor_due = match self.editor_due(app) {
            Some(due) => now >= due,
            // Changed before the loop first looked (or never seen): save now.
            None => self.seen.is_none() && typing(app).is_some_and(|(_, _, dirty)| dirty),
        };
        let interview_due = app
            .interview
            .as_ref()
            .is_some_and(|i| i.dirty && !i.deleted_elsewhere);
        // A running clock is saved every few seconds, so a crash loses little of it.
        let clock_due = app.interview.as_ref().is_some_and(|i| i.running)
            && self
                .clock_saved_at
                .is_none_or(|at| now.duration_since(at) >= CLOCK_SAVE_EVERY);
        if editor_due
            || !app.unsaved.is_empty()
            || !app.graded.is_empty()
            || interview_due
            || clock_due
        {
            if editor_due {
                self.dirty_since = None;
            }
            if clock_due || interview_due {
                self.clock_saved_at = Some(now);
            }
            save_all(app);
        }
    }

    /// Records how the saves went: a failure delays the next try.
    pub fn after_saves(&mut self, app: &App, tried: bool, now: Instant) {
        if !tried {
            return;
        }
        let failed = app.status.as_ref().is_some_and(|s| s.error) && app.has_unsaved();
        self.failed_at = failed.then_some(now);
    }

    /// How long the loop may wait for input before a save falls due.
    pub fn wait(&self, app: &App, now: Instant, longest: Duration) -> Duration {
        let Some(due) = self.editor_due(app) else {
            return longest;
        };
        let due = self.failed_at.map_or(due, |at| due.max(at + RETRY_DELAY));
        due.saturating_duration_since(now).min(longest)
    }
}

/// Asks for a save of everything not saved yet (the interview's note line being typed included,
/// as its question's draft).
pub fn save_all(app: &mut App) {
    if let Some(interview) = app.interview.as_mut()
        && std::mem::take(&mut interview.draft_dirty)
    {
        interview.dirty = true;
    }
    let requests = app.unsaved_requests();
    app.effects
        .extend(requests.into_iter().map(Effect::SaveNote));
    if !app.graded.is_empty() {
        app.effects.push(Effect::SaveSchedule);
    }
    save_interview(app);
}

/// After the saves asked for by a quit: quits when everything is saved, else asks first.
pub fn settle_quit(app: &mut App) {
    // A history save under way answers later, and settles the quit then.
    if !app.quitting || app.history_in_flight.is_some() {
        return;
    }
    app.quitting = false;
    if app.has_unsaved() {
        app.confirm_quit = true;
        app.status = Status::error(
            "Some of your work could not be saved. Press Ctrl-C again to quit without it."
                .to_string(),
        );
    } else {
        app.quit = true;
    }
}

/// Quit: straight away when all work is saved; else save first (the loop quits once that
/// worked), or, when saving already failed and the user asks again, quit without.
pub fn request_quit(app: &mut App) {
    keep_typed_line(app);
    save_interview(app);
    if !app.has_unsaved() || app.confirm_quit {
        app.quit = true;
        return;
    }
    save_all(app);
    app.quitting = true;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentSource, load};
    use crate::tui::action::Action;
    use crate::tui::app::Size;
    use crate::tui::{persist, update::update};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn editing_app(store: &persist::Stores) -> App {
        let loaded = load(&[ContentSource::Bundled]);
        let size = Size {
            width: 100,
            height: 30,
        };
        let mut app = App::new(loaded.library, 0, size);
        for action in [Action::Open, Action::Open, Action::OpenNote] {
            update(&mut app, action);
            persist::run(&mut app, store, "s");
        }
        assert!(app.editor.is_some());
        app
    }

    fn type_key(app: &mut App) {
        let key = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        update(app, Action::Edit(key));
    }

    #[test]
    fn saves_half_a_second_after_the_last_keystroke_not_before() {
        let dir = tempfile::tempdir().unwrap();
        let store = persist::Stores::new(dir.path());
        let mut app = editing_app(&store);
        let mut autosave = Autosave::default();
        let start = Instant::now();
        type_key(&mut app);
        autosave.observe(&app, start);
        assert_eq!(
            autosave.wait(&app, start, Duration::from_secs(1)),
            AUTOSAVE_DELAY
        );
        // Still typing at 0.4 s: the delay starts again.
        let typing = start + Duration::from_millis(400);
        type_key(&mut app);
        autosave.observe(&app, typing);
        autosave.request_due(&mut app, start + Duration::from_millis(800));
        assert!(app.effects.is_empty());
        autosave.request_due(&mut app, typing + AUTOSAVE_DELAY);
        assert_eq!(app.effects.len(), 1);
        persist::run(&mut app, &store, "s");
        assert!(!app.has_unsaved());
        assert_eq!(
            autosave.wait(&app, typing + AUTOSAVE_DELAY, Duration::from_secs(1)),
            Duration::from_secs(1)
        );
    }

    #[test]
    fn steady_typing_is_saved_at_least_once_a_second() {
        let dir = tempfile::tempdir().unwrap();
        let store = persist::Stores::new(dir.path());
        let mut app = editing_app(&store);
        let mut autosave = Autosave::default();
        let start = Instant::now();
        let mut saves = Vec::new();
        // A key every 0.3 s for 12 s, never the half-second pause; the loop wakes every 0.1 s
        // (it wakes at least as often as `wait` says, and that is never over a second).
        for tick in 0..120u64 {
            let now = start + Duration::from_millis(100 * tick);
            if tick % 3 == 0 {
                type_key(&mut app);
            }
            autosave.observe(&app, now);
            if app.has_unsaved() {
                assert!(autosave.wait(&app, now, Duration::from_secs(5)) <= AUTOSAVE_MAX_DELAY);
            }
            autosave.request_due(&mut app, now);
            if !app.effects.is_empty() {
                saves.push(100 * tick);
            }
            persist::run(&mut app, &store, "s");
        }
        assert!(saves.len() >= 10, "saved at {saves:?} ms");
        // A key typed at t is on disk by t + 1 s (+ the 0.1 s tick), whatever the rhythm.
        let gaps = saves.windows(2).map(|w| w[1] - w[0]);
        assert!(gaps.clone().all(|gap| gap <= 1400), "saved at {saves:?} ms");
        assert!(saves[0] <= 1000, "the first save waited {} ms", saves[0]);
    }

    #[test]
    fn after_a_failure_the_next_try_waits_two_seconds() {
        let dir = tempfile::tempdir().unwrap();
        let store = persist::Stores::new(dir.path());
        let mut app = editing_app(&store);
        std::fs::write(dir.path().join("notes"), "in the way").unwrap();
        let mut autosave = Autosave::default();
        let start = Instant::now();
        type_key(&mut app);
        autosave.observe(&app, start);
        let due = start + AUTOSAVE_DELAY;
        autosave.request_due(&mut app, due);
        persist::run(&mut app, &store, "s");
        autosave.after_saves(&app, true, due);
        assert!(app.has_unsaved());
        autosave.request_due(&mut app, due + Duration::from_secs(1));
        assert!(app.effects.is_empty(), "retried too soon");
        autosave.request_due(&mut app, due + RETRY_DELAY);
        assert_eq!(app.effects.len(), 1);
    }
}
