//! Entering and leaving the terminal's full-screen mode, so that it is always restored: on quit,
//! on error (the guard's `Drop`) and on panic (the hook, which restores before the message prints).

use std::io::{self, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::DefaultTerminal;

/// Whether the terminal is in cuecard's mode. Restoring twice would be harmful: leaving the
/// alternate screen again moves the cursor back over a panic message printed in between.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Restores the terminal when dropped.
pub struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, the alternate screen and mouse reporting, with a panic hook that undoes them and
/// then prints the panic as usual.
pub fn init() -> io::Result<(DefaultTerminal, TerminalGuard)> {
    let previous_hook = std::panic::take_hook();
    ACTIVE.store(true, Ordering::SeqCst);
    let guard = TerminalGuard;
    // ratatui installs a hook of its own; ours replaces it, as it also turns mouse reporting off
    // and restores only once.
    let terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            std::panic::set_hook(previous_hook);
            return Err(e);
        }
    };
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous_hook(info);
    }));
    execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    Ok((terminal, guard))
}

/// Gives the terminal back for a while (to run the user's editor); [`resume`] takes it again.
pub fn suspend() {
    restore();
}

/// Takes the terminal back after [`suspend`] and redraws everything.
pub fn resume(terminal: &mut DefaultTerminal) -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    // The alternate screen is blank again, but ratatui remembers the last frame: a blank frame
    // makes it forget, so the next one is drawn whole. (`Terminal::clear` would ask the terminal
    // for the cursor position, which not every terminal answers.)
    terminal.draw(|_| {})?;
    Ok(())
}

/// Leaves full-screen mode, once. Never panics: it may run from the panic hook or after the
/// terminal has gone away, where even printing an error would fail.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            Show
        );
        let _ = disable_raw_mode();
    }
}
