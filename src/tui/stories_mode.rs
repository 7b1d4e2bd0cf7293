//! The stories screen opened by `s`: the story bank (a story selected, shown summary first) or
//! the coverage map (`c`), and, after `L` on a question, the choice of the story that answers it.

use super::action::Action;
use super::motion::moved;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoriesView {
    /// The story selected, an index into the app's stories.
    pub selected: usize,
    /// The first line of the selected story shown.
    pub scroll: usize,
    /// The coverage map is shown instead of the story.
    pub map: bool,
    /// The competency selected in the coverage map (its row).
    pub map_row: usize,
    /// The question `L` was pressed on: Enter links the selected story to it.
    pub linking: Option<String>,
}

/// What a key on the stories screen asks the rest of the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoriesReply {
    Stay,
    Close,
    /// Open the selected story in the editor here.
    Edit,
    /// Open the selected story in the user's own editor (`$EDITOR`).
    EditOutside,
    /// Start a new story.
    New,
    /// Link the selected story to the question being linked.
    Link(String),
    /// Rehearse the stories due (then new ones).
    Rehearse,
}

impl StoriesView {
    /// A key; `count` stories, `rows` competencies in the map, `page` rows a page.
    pub fn act(&mut self, action: Action, count: usize, rows: usize, page: usize) -> StoriesReply {
        match action {
            // From the map, Esc goes back to the stories.
            Action::Back if self.map => self.map = false,
            Action::Back => return StoriesReply::Close,
            Action::Down
            | Action::Up
            | Action::Top
            | Action::Bottom
            | Action::PageDown
            | Action::PageUp
                if self.map =>
            {
                self.map_row = moved(self.map_row, action, page, rows);
            }
            Action::Down | Action::Up | Action::Top | Action::Bottom => {
                let before = self.selected;
                self.selected = moved(self.selected, action, page, count);
                if self.selected != before {
                    self.scroll = 0;
                }
            }
            Action::PageDown => self.scroll += page.max(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page.max(1)),
            Action::ToggleCoverage => self.map = !self.map,
            Action::NewStory => return StoriesReply::New,
            Action::EditNoteExternally if count > 0 && !self.map => {
                return StoriesReply::EditOutside;
            }
            Action::StartRehearsal if count > 0 => return StoriesReply::Rehearse,
            Action::Open if count > 0 && !self.map => {
                return match &self.linking {
                    Some(question) => StoriesReply::Link(question.clone()),
                    None => StoriesReply::Edit,
                };
            }
            _ => {}
        }
        StoriesReply::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_edits_or_links_and_moving_resets_the_scroll() {
        let mut view = StoriesView::default();
        assert_eq!(
            view.act(Action::Open, 0, 9, 5),
            StoriesReply::Stay,
            "no story: nothing"
        );
        assert_eq!(view.act(Action::Open, 2, 9, 5), StoriesReply::Edit);
        view.act(Action::PageDown, 2, 9, 5);
        assert_eq!(view.scroll, 5);
        view.act(Action::Down, 2, 9, 5);
        assert_eq!((view.selected, view.scroll), (1, 0));
        view.act(Action::Down, 2, 9, 5);
        assert_eq!(view.selected, 1, "stays on the last");
        view.linking = Some("f/c/q".into());
        assert_eq!(
            view.act(Action::Open, 2, 9, 5),
            StoriesReply::Link("f/c/q".into())
        );
        view.act(Action::ToggleCoverage, 2, 9, 5);
        assert!(view.map);
        view.act(Action::Down, 2, 9, 5);
        assert_eq!(
            (view.map_row, view.selected),
            (1, 1),
            "j moves the map's row"
        );
        assert_eq!(view.act(Action::Back, 2, 9, 5), StoriesReply::Stay);
        assert!(!view.map, "Esc in the map goes back to the stories");
        assert_eq!(view.act(Action::Back, 2, 9, 5), StoriesReply::Close);
    }
}
