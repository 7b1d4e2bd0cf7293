//! Entering and leaving the terminal's full-screen mode, so that it is always restored: on quit,
//! on error (the guard's `Drop`) and on panic (the hook, which runs before the message prints).

use std::io::{self, stdout};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// Restores the terminal when dropped.
pub struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, the alternate screen and mouse reporting, with a panic hook that undoes them.
pub fn init() -> io::Result<(DefaultTerminal, TerminalGuard)> {
    // ratatui's hook restores raw mode and the screen, then calls the previous hook (which prints
    // the panic message); ours first turns mouse reporting off, which ratatui does not know about.
    let terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            restore();
            return Err(e);
        }
    };
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        ratatui_hook(info);
    }));
    let guard = TerminalGuard;
    execute!(stdout(), EnableMouseCapture)?;
    Ok((terminal, guard))
}

/// Leaves full-screen mode; safe to call more than once.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}
