//! The progress view's state: which competency it shows first, and what its keys do.

use super::action::Action;
use super::motion::moved;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The first competency shown, an index into the browser's list.
    pub scroll: usize,
}

/// What a key in the progress view asks the rest of the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressReply {
    Stay,
    Close,
    /// Rehearse the selected competency.
    Rehearse,
}

impl Progress {
    /// A key in the view of `len` competencies, `page` shown at a time.
    pub fn act(&mut self, action: Action, page: usize, len: usize) -> ProgressReply {
        match action {
            Action::Back | Action::ToggleProgress => ProgressReply::Close,
            Action::StartRehearsal => ProgressReply::Rehearse,
            movement => {
                self.scroll = moved(self.scroll, movement, page, len);
                ProgressReply::Stay
            }
        }
    }
}
