//! The terminal browser. Keys → actions (`keymap`) → a pure `update` → `view`; this file is only
//! the loop that connects them to a real terminal.

pub mod action;
pub mod app;
pub mod document;
pub mod keymap;
pub mod layout;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod update;
pub mod wrap;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, MouseButton, MouseEventKind};

use crate::content::Loaded;
use action::Action;
use app::{App, Size};
use keymap::Mode;
use theme::Theme;

/// How long the loop waits for input before checking for a termination signal.
const TICK: Duration = Duration::from_millis(200);

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

/// Runs the browser until the user quits or a SIGTERM or SIGHUP arrives.
pub fn run(loaded: Loaded) -> io::Result<()> {
    let theme = Theme::from_env();
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let (mut terminal, _guard) = terminal::init()?;
    let area = terminal.size()?;
    let size = Size {
        width: area.width,
        height: area.height,
    };
    let mut app = App::new(loaded.library, loaded.problems.len(), size);
    while !app.quit && !stop.load(Ordering::Relaxed) {
        terminal.draw(|frame| ui::view(&app, frame, &theme))?;
        // The pseudo-terminal tests check that a panic restores the terminal; debug builds only.
        #[cfg(debug_assertions)]
        if std::env::var_os("CUECARD_TEST_PANIC").is_some() {
            panic!("panic requested by CUECARD_TEST_PANIC");
        }
        if !event::poll(TICK)? {
            continue;
        }
        // Handle everything already waiting before drawing again, so a burst of input (a resize
        // storm, a held key) costs one frame.
        loop {
            let event = event::read()?;
            if let Some(action) = action_for_event(app.mode(), &event) {
                update::update(&mut app, action);
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}
