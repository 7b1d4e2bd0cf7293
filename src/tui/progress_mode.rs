//! The progress view's state: the competency selected (the browser's own selection), which rows
//! are shown, the interview date being typed, and what the keys do.

use super::action::Action;
use super::motion::moved;

#[derive(Debug, Clone)]
pub struct Progress {
    /// The first competency shown, an index into the browser's list.
    pub scroll: usize,
    /// The interview date being typed (`d`), when it is.
    pub date: Option<tui_input::Input>,
}

impl PartialEq for Progress {
    fn eq(&self, other: &Progress) -> bool {
        let line = |p: &Progress| p.date.as_ref().map(|d| (d.value().to_string(), d.cursor()));
        self.scroll == other.scroll && line(self) == line(other)
    }
}

impl Eq for Progress {}

/// What a key in the progress view asks the rest of the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressReply {
    Stay,
    Close,
    /// Rehearse the selected competency.
    Rehearse,
    /// Change the target level of the selected competency's framework.
    CycleTarget,
    /// The interview date typed (empty: clear it); the field stays open until it is taken.
    Date(String),
}

impl Progress {
    pub fn new(selected: usize, page: usize) -> Progress {
        let mut progress = Progress {
            scroll: 0,
            date: None,
        };
        progress.show(selected, page);
        progress
    }

    /// Opens the date field with `current` (the date set, or empty) in it.
    pub fn edit_date(&mut self, current: &str) {
        self.date = Some(tui_input::Input::new(current.to_string()));
    }

    /// Scrolls so that row `selected` is among the `page` rows shown.
    pub fn show(&mut self, selected: usize, page: usize) {
        let page = page.max(1);
        if selected < self.scroll {
            self.scroll = selected;
        } else if selected >= self.scroll + page {
            self.scroll = selected + 1 - page;
        }
    }

    /// A key in the view of `len` competencies, `page` shown at a time; `selected` is the
    /// browser's selection, which the view moves.
    pub fn act(
        &mut self,
        action: Action,
        page: usize,
        len: usize,
        selected: &mut usize,
    ) -> ProgressReply {
        if let Some(line) = self.date.as_mut() {
            return match action {
                Action::Open => ProgressReply::Date(line.value().trim().to_string()),
                Action::Back => {
                    self.date = None;
                    ProgressReply::Stay
                }
                other => {
                    super::line::edit(line, other);
                    ProgressReply::Stay
                }
            };
        }
        match action {
            Action::Back | Action::ToggleProgress => ProgressReply::Close,
            Action::StartRehearsal => ProgressReply::Rehearse,
            Action::CycleTargetLevel => ProgressReply::CycleTarget,
            Action::SetInterviewDate => {
                self.edit_date("");
                ProgressReply::Stay
            }
            movement => {
                *selected = moved(*selected, movement, page, len);
                self.show(*selected, page);
                ProgressReply::Stay
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_the_selection_keeps_it_in_view() {
        let mut selected = 0;
        let mut progress = Progress::new(selected, 3);
        for _ in 0..5 {
            progress.act(Action::Down, 3, 10, &mut selected);
        }
        assert_eq!(selected, 5);
        assert_eq!(progress.scroll, 3);
        progress.act(Action::Top, 3, 10, &mut selected);
        assert_eq!((selected, progress.scroll), (0, 0));
        assert_eq!(Progress::new(8, 3).scroll, 6);
    }

    #[test]
    fn the_date_field_takes_keys_until_enter_or_esc() {
        let mut selected = 2;
        let mut progress = Progress::new(selected, 3);
        assert_eq!(
            progress.act(Action::SetInterviewDate, 3, 10, &mut selected),
            ProgressReply::Stay
        );
        for c in "2026-11-27".chars() {
            progress.act(Action::Type(c), 3, 10, &mut selected);
        }
        // `r` and `j` are typed, not acted on.
        progress.act(Action::Type('r'), 3, 10, &mut selected);
        progress.act(Action::Backspace, 3, 10, &mut selected);
        assert_eq!(
            progress.act(Action::Open, 3, 10, &mut selected),
            ProgressReply::Date("2026-11-27".to_string())
        );
        assert!(progress.date.is_some());
        progress.act(Action::Back, 3, 10, &mut selected);
        assert!(progress.date.is_none());
        assert_eq!(selected, 2);
    }
}
