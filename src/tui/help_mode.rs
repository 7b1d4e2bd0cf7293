//! The help overlay's state: where its text is scrolled. The text is every key of every mode,
//! from the keymap tables (`document::help`).

use super::action::Action;
use super::motion::{clamp_scroll, scrolled};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help {
    pub scroll: usize,
}

impl Help {
    /// A key in the help, whose text has `len` lines shown `height` at a time. Returns whether it
    /// closes the help.
    pub fn act(&mut self, action: Action, height: usize, len: usize) -> bool {
        if matches!(action, Action::Back | Action::ToggleHelp) {
            return true;
        }
        self.scroll = scrolled(self.scroll, action, height, len);
        false
    }

    pub fn clamp(&mut self, height: usize, len: usize) {
        self.scroll = clamp_scroll(self.scroll, len, height);
    }
}
