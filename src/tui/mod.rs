//! The terminal browser. Keys → actions (`keymap`) → a pure `update` → `view`; this file is only
//! the loop that connects them to a real terminal.

pub mod action;
pub mod app;
pub mod autosave;
pub mod browser;
pub mod commands;
pub mod document;
pub mod effect;
pub mod external;
pub mod help_mode;
pub mod history;
pub mod interview_doc;
pub mod interview_mode;
pub mod keymap;
pub mod keys_setting;
pub mod layout;
pub mod line;
pub mod motion;
pub mod notes_mode;
pub mod panel_mode;
pub mod persist;
pub mod progress_mode;
pub mod question_form;
pub mod question_view;
pub mod redraw;
pub mod rehearsal_mode;
pub mod rescue;
pub mod search_mode;
pub mod setup_mode;
pub mod status;
pub mod stories_mode;
mod team;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod update;
pub mod worker;
pub mod wrap;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, MouseButton, MouseEventKind};

use chrono::{NaiveDate, Utc};

use crate::content::Loaded;
use crate::store::settings::Settings;
use action::Action;
use app::{App, Size};
use autosave::Autosave;
use effect::Effect;
use keymap::Mode;
use persist::Stores;
use redraw::Redraw;
use rescue::{Pending, Shared, Snapshot};
use theme::Theme;

/// How long the loop waits for input before checking for a termination signal.
const TICK: Duration = Duration::from_millis(200);
/// How long the loop has to stop by itself after a termination signal.
const STOP_GRACE: Duration = Duration::from_millis(500);
/// The longest the exit waits for a history save under way.
const HISTORY_WAIT: Duration = Duration::from_secs(10);
/// How often the loop looks for search results while a search runs.
const RESULTS_TICK: Duration = Duration::from_millis(5);

/// The action an input event asks for in `mode`.
pub fn action_for_event(mode: Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::action_for(mode, key),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// How the browser starts.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where notes, the review history, sessions and settings live.
    pub data_dir: PathBuf,
    /// Where the settings file is (see `store::settings_dir`).
    pub settings_dir: PathBuf,
    pub start: Start,
    /// Where questions of the user's own are written (`a` in the browser).
    pub content: Option<crate::content::edit::ContentPlace>,
    /// The folder the hiring panel shares, when one is set.
    pub team_dir: Option<PathBuf>,
    /// Where the searcher takes its first index from (the cache), and writes the cache to.
    pub index: Option<crate::cache::IndexJob>,
}

/// What the browser opens on, from the command line.
#[derive(Debug, Clone, Default)]
pub struct Start {
    /// The interview date, to pack reviews before it.
    pub until: Option<NaiveDate>,
    /// A rehearsal of these questions (from `cuecard rehearse`), titled with the scope.
    pub rehearse: Option<(String, Vec<String>)>,
    /// An interview's live view (from `cuecard interview`): a new session, or a saved one with
    /// the version of its file.
    pub interview: Option<(
        crate::interview::InterviewSession,
        Option<crate::store::Target>,
    )>,
}

/// Runs the browser until the user quits or a SIGTERM or SIGHUP arrives.
pub fn run(loaded: Loaded, options: &Options) -> io::Result<()> {
    let data_dir = options.data_dir.as_path();
    // The settings' theme over the environment's, and the user's keys; what cannot be used is
    // said at the start.
    // Read once: the rest of the settings go to `read_practice`.
    let settings = Settings::load(&options.settings_dir);
    let in_force = settings.as_ref().ok().cloned().unwrap_or_default();
    let (theme, mut theme_problems) = Theme::from_env().with_settings(&in_force.theme);
    let (keys, key_problems) = keys_setting::read(&in_force.keys);
    keymap::set_keys(keys);
    theme_problems.extend(key_problems);
    let mut stores = Stores::new(data_dir);
    stores.content.clone_from(&options.content);
    stores.settings_dir.clone_from(&options.settings_dir);
    // A team folder that is not there is said, never made: a mistyped path would otherwise take
    // a scorecard the panel never sees.
    let missing_team = options.team_dir.as_deref().filter(|d| !d.is_dir());
    stores.team = options
        .team_dir
        .as_deref()
        .map(crate::store::team::TeamFolder::new);
    stores.index.clone_from(&options.index);
    stores.history = Some(Arc::new(history::HistorySaver::spawn(
        stores.reviews.clone(),
    )));
    let unsaved = Shared::default();
    let stop = Arc::new(AtomicBool::new(false));
    let hung_up = Arc::new(AtomicBool::new(false));
    let signals = watch_signals(
        Arc::clone(&stop),
        Arc::clone(&hung_up),
        stores.clone(),
        data_dir.to_path_buf(),
        unsaved.clone(),
    )?;
    let (mut terminal, guard) = terminal::init()?;
    watch_terminal(Arc::clone(&hung_up));
    let area = terminal.size()?;
    let size = Size {
        width: area.width,
        height: area.height,
    };
    let mut app = App::new(loaded.library, loaded.problems.len(), size);
    set_clock(&mut app);
    read_practice(&mut app, &stores, settings);
    app.has_team = stores.team.is_some();
    if let Some(problem) = theme_problems.first() {
        app.status = app::Status::error(problem.clone());
    } else if let Some(dir) = missing_team {
        app.status = app::Status::error(format!(
            "The team folder {} is not there: create it, or correct --team-dir, CUECARD_TEAM_DIR or team_dir.",
            crate::text::inert(&dir.display().to_string())
        ));
    }
    if options.start.until.is_some() {
        app.until = options.start.until;
    }
    // The review history is read beside the loop, so that a long one never holds up the first
    // frame; a rehearsal asked for on the command line starts once it is in.
    let history = read_history_beside(&stores, &mut app);
    app.pending_rehearsal = options.start.rehearse.clone();
    if let Some((session, target)) = &options.start.interview {
        commands::begin_interview(&mut app, session.clone(), target.clone());
    }
    let looped = event_loop(
        &mut terminal,
        &mut app,
        &stores,
        &unsaved,
        &stop,
        &theme,
        &history,
    );
    // Quit, a signal, a terminal error, or a quit that chose to leave unsaved work behind: save
    // what can be saved.
    // The history save under way finishes first; the last saves are made here and now.
    if app.history_in_flight.is_some()
        && let Some(saver) = &stores.history
        && let Some(result) = saver.wait_result(HISTORY_WAIT)
    {
        persist::history_written(&mut app, result);
    }
    let stores = Stores {
        history: None,
        ..stores
    };
    let mut shared = unsaved.lock();
    commands::keep_typed_line(&mut app);
    autosave::save_all(&mut app);
    let stamp = persist::stamp_now();
    persist::run(&mut app, &stores, &stamp);
    // What still cannot be saved (a full disk, a quit that chose to leave it) goes to a recovery
    // file rather than nowhere.
    let failed = if app.has_unsaved() {
        Pending::of(&app).save(&stores, &stamp, app.now)
    } else {
        Vec::new()
    };
    *shared = Pending {
        loop_done: true,
        ..Pending::default()
    };
    drop(shared);
    signals.close();
    drop(guard);
    if let Some(message) = rescue::recovery_message(&failed, data_dir) {
        return Err(io::Error::other(message));
    }
    // Leaving an interview that goes on: say it is saved, and how to come back to it.
    if let Some(interview) = app
        .interview
        .as_ref()
        .filter(|i| !i.deleted_elsewhere && !i.dirty && i.session.ended.is_none())
    {
        let id = interview.target.as_ref().map_or_else(
            || interview.session.id.clone(),
            |t| stores.sessions.id_of(t),
        );
        let _ = writeln!(
            io::stderr(),
            "cuecard: the interview is saved; go on with: cuecard interview --resume {}",
            crate::text::inert(&id)
        );
    }
    // An amendment begun and not submitted: the panel still has the earlier version.
    if let Some(interview) = app
        .interview
        .as_ref()
        .filter(|i| i.session.submitted.as_ref().is_some_and(|s| s.amending))
    {
        let id = interview.target.as_ref().map_or_else(
            || interview.session.id.clone(),
            |t| stores.sessions.id_of(t),
        );
        let version = interview
            .session
            .submitted
            .as_ref()
            .map_or(1, |s| s.version);
        let _ = writeln!(
            io::stderr(),
            "cuecard: your amendment is not submitted: the panel still has version {version}. Submit it with: cuecard submit --amend {}",
            crate::text::inert(&id)
        );
    }
    if hung_up.load(Ordering::SeqCst) {
        return Err(io::Error::other(
            "the terminal went away; what you wrote was saved",
        ));
    }
    looped.map_err(|e| io::Error::new(e.kind(), format!("terminal error: {e}")))
}

/// Draws, reads input, updates and saves until the user quits or `stop` is set.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stores: &Stores,
    unsaved: &Shared,
    stop: &AtomicBool,
    theme: &Theme,
    history: &std::sync::mpsc::Receiver<persist::HistoryRead>,
) -> io::Result<()> {
    let searcher =
        worker::SearchWorker::spawn(std::sync::Arc::clone(&app.library), stores.index.clone());
    // The generation of the last query sent to the searcher, and the notes it has.
    let mut sent = 0;
    searcher.set_notes(app.notes.clone());
    let mut notes_sent = app.notes_version;
    let mut library_sent = app.library_version;
    // The stories were read before the loop: the searcher gets them at its first turn.
    let mut stories_sent = u64::MAX;
    let mut autosave = Autosave::default();
    let mut redraw = Redraw::default();
    let mut snapshot = Snapshot::default();
    while !app.quit && !stop.load(Ordering::Relaxed) {
        set_clock(app);
        redraw.refresh_note_summary(app, Instant::now());
        if redraw.due(app) {
            terminal.draw(|frame| ui::view(app, frame, theme))?;
            redraw.drawn(app);
        }
        // The pseudo-terminal tests check that a panic restores the terminal; debug builds only.
        #[cfg(debug_assertions)]
        if std::env::var_os("CUECARD_TEST_PANIC").is_some() {
            panic!("panic requested by CUECARD_TEST_PANIC");
        }
        // While a search runs, look for its results often.
        let waiting = app.search().is_some_and(|s| s.searching());
        if let Ok(read) = history.try_recv() {
            persist::history_read(app, read);
            redraw.changed();
        }
        let longest = if waiting || app.history_loading {
            RESULTS_TICK.max(Duration::from_millis(20))
        } else {
            TICK
        };
        let now = Instant::now();
        let wait = redraw.wait(app, now, autosave.wait(app, now, longest));
        if event::poll(wait)? {
            app.now = Utc::now();
            redraw.changed();
            // Handle everything already waiting before drawing again, so a burst of input (a
            // resize storm, a held key, fast typing) costs one frame.
            loop {
                match event::read()? {
                    Event::Paste(text) => update::paste(app, &text),
                    event => {
                        if let Some(action) = action_for_event(app.mode(), &event) {
                            update::update(app, action);
                        }
                    }
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        let now = Instant::now();
        autosave.observe(app, now);
        autosave.request_due(app, now);
        let tried = !app.effects.is_empty();
        if tried {
            redraw.changed();
        }
        let outside = {
            let mut shared = unsaved.lock();
            let outside = persist::run(app, stores, &persist::stamp_now());
            snapshot.refresh(&mut shared, app, tried, now);
            outside
        };
        autosave.after_saves(app, tried, now);
        for effect in outside {
            match effect {
                Effect::EditExternally { question_id } => {
                    external::edit(terminal, app, stores, &question_id)?;
                }
                Effect::EditStory { story_id } => {
                    external::edit_story(terminal, app, stores, &story_id)?;
                }
                _ => {}
            }
        }
        if app.stories_version != stories_sent {
            searcher.set_stories(app.stories.clone());
            stories_sent = app.stories_version;
        }
        if app.library_version != library_sent {
            searcher.set_library(std::sync::Arc::clone(&app.library));
            library_sent = app.library_version;
        }
        if app.notes_version != notes_sent {
            searcher.set_notes(app.notes.clone());
            notes_sent = app.notes_version;
        }
        match app.search() {
            Some(search) if search.generation != sent => {
                searcher.request(search.generation, &search.input);
                sent = search.generation;
            }
            Some(_) => {}
            None => sent = 0,
        }
        if let Some(saver) = &stores.history {
            while let Some(result) = saver.try_result() {
                persist::history_written(app, result);
                redraw.changed();
            }
        }
        while let Ok((generation, results)) = searcher.results.try_recv() {
            update::search_results(app, generation, results);
            redraw.changed();
        }
    }
    Ok(())
}

/// The time now and the user's offset from UTC (which changes with daylight saving).
fn set_clock(app: &mut App) {
    app.now = Utc::now();
    app.offset = *chrono::Local::now().offset();
}

/// Reads every note, the review schedule and the settings at start-up; what cannot be read is
/// said in the footer (and a schedule that cannot be read is not saved over).
/// Reads everything at start-up, the review history included, here and now (the tests' way).
pub fn start_practice(app: &mut App, stores: &Stores) {
    read_practice(app, stores, Settings::load(&stores.settings_dir));
    persist::history_read(app, stores.reviews.load());
}

/// Starts reading the review history on a thread of its own: its result comes on the channel.
fn read_history_beside(
    stores: &Stores,
    app: &mut App,
) -> std::sync::mpsc::Receiver<persist::HistoryRead> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let reviews = stores.reviews.clone();
    app.history_loading = true;
    std::thread::spawn(move || {
        let _ = sender.send(reviews.load());
    });
    receiver
}

/// Reads every note, the marks and the settings at start-up (the review history apart); what
/// cannot be read is said in the footer.
fn read_practice(
    app: &mut App,
    stores: &Stores,
    settings: Result<Settings, crate::store::StoreError>,
) {
    let (notes, mut errors) = stores.notes.load_all();
    app.notes = notes;
    persist::load_stories(app, stores);
    match settings {
        Ok(settings) => {
            app.star_outline = settings.star_outline;
            app.answer_seconds = settings.answer_seconds.max(1);
            app.interviewer = settings.interviewer;
            app.target_levels = settings.target_levels;
            app.until = settings.interview_date;
        }
        Err(e) => errors.push(e),
    }
    let passed = app.until.filter(|date| *date < app.day().today);
    match stores.marks.load() {
        Ok(marks) => app.marks = marks,
        Err(e) => errors.push(e),
    }
    if let Some(date) = passed {
        app.until = None;
        app.effects.push(Effect::SaveSetting(
            crate::store::settings::Change::InterviewDate(None),
        ));
        persist::run(app, stores, "");
        app.status = app::Status::info(format!(
            "The interview of {date} has passed: its date is cleared (d in the progress view sets one)."
        ));
    }
    if let Some(first) = errors.first() {
        let more = errors.len() - 1;
        let text = if more == 0 {
            first.to_string()
        } else {
            format!("{first} (and {more} more)")
        };
        app.status = app::Status::error(text);
    }
}

/// On SIGTERM or SIGHUP (a closed terminal window), asks the loop to stop. When the terminal has
/// gone away, crossterm can stay stuck reading it and the loop never looks again (crossterm#793):
/// then the process leaves from here, saving what the loop had not saved (a half-typed interview
/// line and the interview's time included), writing what cannot be saved to a recovery file, and
/// restoring what it can, rather than spinning on forever.
fn watch_signals(
    stop: Arc<AtomicBool>,
    hung_up: Arc<AtomicBool>,
    stores: Stores,
    data_dir: PathBuf,
    unsaved: Shared,
) -> io::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            stop.store(true, Ordering::SeqCst);
            std::thread::sleep(STOP_GRACE);
            // Still here: the loop is stuck. Save what it had not saved, then leave — unless the
            // loop finished meanwhile, which then leaves with its own status.
            let Some(message) = rescue::save_or_recover(&unsaved, &stores, &data_dir) else {
                return;
            };
            terminal::restore();
            let failed = message.is_some();
            if let Some(message) = message {
                // The terminal may be gone: a failed write to it must not stop the exit.
                let _ = writeln!(io::stderr(), "cuecard: {message}");
            }
            let hung_up = hung_up.load(Ordering::SeqCst);
            std::process::exit(if failed || hung_up { 1 } else { 0 });
        }
    });
    Ok(handle)
}

/// How often the terminal is checked for having gone away.
const HANGUP_TICK: Duration = Duration::from_millis(200);

/// Watches the terminal: when it goes away (its window closed, the tmux server killed, a process
/// started with `setsid` whose pane died), no SIGHUP may come, and reading it may spin forever; this
/// raises SIGHUP in this process, so the signal thread saves and leaves within a second.
fn watch_terminal(hung_up: Arc<AtomicBool>) {
    #[cfg(unix)]
    std::thread::spawn(move || {
        let Some(fd) = terminal_fd() else {
            return;
        };
        loop {
            std::thread::sleep(HANGUP_TICK);
            if terminal_gone(fd) {
                hung_up.store(true, Ordering::SeqCst);
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGHUP);
                return;
            }
        }
    });
    #[cfg(not(unix))]
    let _ = hung_up;
}

/// The terminal crossterm reads: standard input when it is one, else `/dev/tty` (kept open).
#[cfg(unix)]
fn terminal_fd() -> Option<std::os::fd::RawFd> {
    use std::io::IsTerminal;
    use std::os::fd::IntoRawFd;
    if io::stdin().is_terminal() {
        return Some(0);
    }
    std::fs::File::open("/dev/tty")
        .ok()
        .map(IntoRawFd::into_raw_fd)
}

/// Whether the terminal behind `fd` has hung up.
#[cfg(unix)]
fn terminal_gone(fd: std::os::fd::RawFd) -> bool {
    let mut poll = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid `pollfd` for the one entry given, and a zero timeout.
    let ready = unsafe { libc::poll(&mut poll, 1, 0) };
    ready > 0 && poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}
