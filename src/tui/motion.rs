//! How movement actions move a selection in a list or a scroll position in a text, always within
//! bounds: every mode moves through these, so `k` after many `j` always moves back at once.

use super::action::Action;

/// A list index moved by a movement action in a list of `len` items, `page` visible at a time.
pub fn moved(index: usize, action: Action, page: usize, len: usize) -> usize {
    let last = len.saturating_sub(1);
    let index = index.min(last);
    match action {
        Action::Up => index.saturating_sub(1),
        Action::Down => (index + 1).min(last),
        Action::PageUp => index.saturating_sub(page.max(1)),
        Action::PageDown => index.saturating_add(page.max(1)).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => index,
    }
}

/// A scroll position moved by a movement action in a text of `len` lines shown `height` at a
/// time, kept so that the last page is full.
pub fn scrolled(scroll: usize, action: Action, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let wanted = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(height),
        Action::PageDown => scroll.saturating_add(height),
        Action::Top => 0,
        Action::Bottom => len,
        _ => scroll,
    };
    clamp_scroll(wanted, len, height)
}

/// The scroll position nearest `wanted` that shows no empty room after the end of the text.
pub fn clamp_scroll(wanted: usize, len: usize, height: usize) -> usize {
    wanted.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stops_at_the_last_full_page_and_comes_back_at_once() {
        let mut scroll = 0;
        for _ in 0..50 {
            scroll = scrolled(scroll, Action::Down, 10, 25);
        }
        assert_eq!(scroll, 15);
        assert_eq!(scrolled(scroll, Action::Up, 10, 25), 14);
        assert_eq!(scrolled(3, Action::PageDown, 10, 25), 13);
        assert_eq!(scrolled(3, Action::Bottom, 10, 25), 15);
        assert_eq!(
            scrolled(3, Action::Down, 10, 5),
            0,
            "a text that fits never scrolls"
        );
    }

    #[test]
    fn a_selection_stays_in_the_list() {
        assert_eq!(moved(0, Action::Up, 5, 3), 0);
        assert_eq!(moved(2, Action::Down, 5, 3), 2);
        assert_eq!(moved(0, Action::PageDown, 5, 30), 5);
        assert_eq!(
            moved(0, Action::PageDown, 0, 30),
            1,
            "a page is at least a row"
        );
        assert_eq!(moved(9, Action::Top, 5, 30), 0);
        assert_eq!(moved(9, Action::Bottom, 5, 30), 29);
        assert_eq!(
            moved(40, Action::Up, 5, 30),
            28,
            "an index past the end comes back in"
        );
        assert_eq!(moved(0, Action::Down, 5, 0), 0);
    }
}
