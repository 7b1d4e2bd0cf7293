//! Where each part of the screen goes at a given terminal size. Pure: `view` draws into these
//! areas and `update` maps mouse clicks back through the same function.

use ratatui::layout::{Constraint, Layout, Rect};

/// The panes of the browser, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Competencies,
    Behaviors,
    Questions,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Competencies, Pane::Behaviors, Pane::Questions];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Competencies => "Competencies",
            Pane::Behaviors => "Behaviors",
            Pane::Questions => "Questions",
        }
    }
}

/// What fills the browser's body below any banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The three panes.
    Browse,
    /// One question, large, with its key points hidden until revealed.
    Question { revealed: bool, scroll: usize },
}

/// The smallest terminal cuecard draws in; below it, it says so.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;

/// How the panes are arranged at a size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    TooSmall,
    /// One pane at a time, with a tab bar: narrower than 80 columns or shorter than 24 rows.
    Single,
    /// The competency list beside behaviors over questions: 80 to 119 columns.
    Medium,
    /// Three panes side by side: 120 columns or more.
    Wide,
}

pub fn arrangement(width: u16, height: u16) -> Arrangement {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        Arrangement::TooSmall
    } else if width < 80 || height < 24 {
        Arrangement::Single
    } else if width < 120 {
        Arrangement::Medium
    } else {
        Arrangement::Wide
    }
}

/// The areas of the browser screen. A pane that is not shown has no area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub banner: Option<Rect>,
    pub tabs: Option<Rect>,
    /// Everything between the top bars and the footer; the open question fills it.
    pub body: Rect,
    pub footer: Rect,
    pub competencies: Option<Rect>,
    pub behaviors: Option<Rect>,
    pub questions: Option<Rect>,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Competencies => self.competencies,
            Pane::Behaviors => self.behaviors,
            Pane::Questions => self.questions,
        }
    }

    /// The pane whose area holds the cell, if any.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<(Pane, Rect)> {
        Pane::ALL.into_iter().find_map(|pane| {
            let area = self.pane(pane)?;
            area.contains((column, row).into()).then_some((pane, area))
        })
    }
}

/// The areas for a screen of `area`, with a banner row when `banner`, showing `focus` when only
/// one pane fits.
pub fn areas(area: Rect, banner: bool, focus: Pane) -> Areas {
    let arrangement = arrangement(area.width, area.height);
    if arrangement == Arrangement::TooSmall {
        return Areas {
            body: area,
            ..Areas::default()
        };
    }
    let tabs = arrangement == Arrangement::Single;
    let [banner_area, tabs_area, body, footer] = Layout::vertical([
        Constraint::Length(u16::from(banner)),
        Constraint::Length(u16::from(tabs)),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut areas = Areas {
        banner: banner.then_some(banner_area),
        tabs: tabs.then_some(tabs_area),
        body,
        footer,
        ..Areas::default()
    };
    match arrangement {
        Arrangement::Single => match focus {
            Pane::Competencies => areas.competencies = Some(body),
            Pane::Behaviors => areas.behaviors = Some(body),
            Pane::Questions => areas.questions = Some(body),
        },
        Arrangement::Medium => {
            let [list, right] =
                Layout::horizontal([Constraint::Percentage(34), Constraint::Min(1)]).areas(body);
            let [behaviors, questions] =
                Layout::vertical([Constraint::Percentage(58), Constraint::Min(1)]).areas(right);
            areas.competencies = Some(list);
            areas.behaviors = Some(behaviors);
            areas.questions = Some(questions);
        }
        Arrangement::Wide => {
            let [list, behaviors, questions] = Layout::horizontal([
                Constraint::Percentage(30),
                Constraint::Percentage(40),
                Constraint::Min(1),
            ])
            .areas(body);
            areas.competencies = Some(list);
            areas.behaviors = Some(behaviors);
            areas.questions = Some(questions);
        }
        Arrangement::TooSmall => {}
    }
    areas
}

/// The body together with the tab bar's row: the interview, a rehearsal and the progress view
/// have no tabs and take that row too.
pub fn full_body(areas: &Areas) -> Rect {
    match areas.tabs {
        Some(tabs) => Rect {
            y: tabs.y,
            height: areas.body.height + tabs.height,
            ..areas.body
        },
        None => areas.body,
    }
}

/// Where a card's text goes in a full-body pane (a rehearsal card, the live interview): inside the
/// border, below the timer line and a blank row, above `reserved` rows at the bottom.
pub fn card_text(body: Rect, reserved: u16) -> Rect {
    let inside = inner(body);
    Rect {
        y: inside.y.saturating_add(2).min(inside.bottom()),
        height: inside.height.saturating_sub(2).saturating_sub(reserved),
        ..inside
    }
}

/// Rows the progress view's head takes (the day, the targets, the legend, a blank row), and
/// rows each competency takes below it.
pub const PROGRESS_HEAD: usize = 4;
pub const PROGRESS_ROWS: usize = 3;

/// How the questions pane shows its questions: every one in full (its wrapped text, then a line
/// of level and tags) when they all fit; else one line each, the selected one in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRows {
    /// The first question shown.
    pub offset: usize,
    /// Whether every question is shown in full.
    pub full: bool,
    /// Rows each question shown takes, from `offset` on, as many as fit.
    pub rows: Vec<usize>,
}

impl QuestionRows {
    /// The question at `row` of the pane, if one is there.
    pub fn at(&self, row: usize) -> Option<usize> {
        let mut top = 0;
        for (i, rows) in self.rows.iter().enumerate() {
            if row < top + rows {
                return Some(self.offset + i);
            }
            top += rows;
        }
        None
    }
}

/// The layout of questions whose texts wrap to `lines` rows each, with `selected` in view, in
/// `height` rows.
pub fn question_rows(lines: &[usize], selected: usize, height: usize) -> QuestionRows {
    let full_rows = |l: usize| l.max(1) + 1;
    let total: usize = lines.iter().map(|l| full_rows(*l)).sum();
    if total <= height {
        return QuestionRows {
            offset: 0,
            full: true,
            rows: lines.iter().map(|l| full_rows(*l)).collect(),
        };
    }
    let selected = selected.min(lines.len().saturating_sub(1));
    let tall = lines
        .get(selected)
        .map_or(1, |l| full_rows(*l))
        .min(height.max(1));
    // The selected question's extra rows leave room for fewer one-line questions.
    let visible = (height + 1).saturating_sub(tall).max(1);
    let offset = list_offset(selected, lines.len(), visible);
    let mut rows = Vec::new();
    let mut used = 0;
    for index in offset..lines.len() {
        let want = if index == selected { tall } else { 1 };
        if used + want > height {
            break;
        }
        rows.push(want);
        used += want;
    }
    // When every question fits on its line, the room left shows some in full, in list order.
    if offset == 0 && rows.len() == lines.len() {
        for (index, row) in rows.iter_mut().enumerate() {
            let full = full_rows(lines[index]);
            if *row == 1 && used + full - 1 <= height {
                used += full - 1;
                *row = full;
            }
        }
    }
    QuestionRows {
        offset,
        full: false,
        rows,
    }
}

/// The help overlay: most of the screen, centred.
pub fn help_area(screen: Rect) -> Rect {
    let width = screen
        .width
        .saturating_sub(4)
        .clamp(screen.width.min(20), 78);
    let height = screen.height.saturating_sub(2);
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

/// The search overlay: the whole screen but the footer row.
pub fn search_area(screen: Rect) -> Rect {
    Rect {
        height: screen.height.saturating_sub(1),
        ..screen
    }
}

/// The inside of a bordered pane: within the border and one column of padding on each side.
pub fn inner(area: Rect) -> Rect {
    let x = area.x.saturating_add(2).min(area.right());
    let y = area.y.saturating_add(1).min(area.bottom());
    Rect {
        x,
        y,
        width: area.width.saturating_sub(4).min(area.right() - x),
        height: area.height.saturating_sub(2).min(area.bottom() - y),
    }
}

/// A list and the selected item's detail: side by side from `wide_at` columns (the list
/// `percent` of the width), else the list above, as tall as its `rows` and borders but at most a
/// third of the body (at least 3 rows).
pub fn list_and_detail(body: Rect, rows: usize, wide_at: u16, percent: u16) -> [Rect; 2] {
    if body.width >= wide_at {
        Layout::horizontal([Constraint::Percentage(percent), Constraint::Fill(1)]).areas(body)
    } else {
        let rows = u16::try_from(rows.saturating_add(2))
            .unwrap_or(u16::MAX)
            .min(body.height / 3)
            .max(3);
        Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]).areas(body)
    }
}

/// The first row to show of a list of `len` rows in `height` rows so that `selected` is visible:
/// the selection is kept in the middle once the list scrolls. The same at every call, so a click
/// can be mapped back to a row.
pub fn list_offset(selected: usize, len: usize, height: usize) -> usize {
    if len <= height || height == 0 {
        return 0;
    }
    selected
        .saturating_sub(height / 2)
        .min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_show_in_full_when_they_fit_else_one_line_each_but_the_selected() {
        // Three questions of 2, 3 and 1 lines: 3 + 4 + 2 rows in full.
        let lines = [2, 3, 1];
        let all = question_rows(&lines, 1, 9);
        assert!(all.full);
        assert_eq!(all.rows, [3, 4, 2]);
        assert_eq!(
            (all.at(0), all.at(3), all.at(8), all.at(9)),
            (Some(0), Some(1), Some(2), None)
        );
        // Six rows: one line each, the selected one in full.
        let compact = question_rows(&lines, 1, 6);
        assert!(!compact.full);
        assert_eq!(compact.rows, [1, 4, 1]);
        // Seven: the row left shows the last one in full too.
        assert_eq!(question_rows(&lines, 1, 7).rows, [1, 4, 2]);
        // Many questions in a short pane: the selected stays in view.
        let many = [2; 30];
        let rows = question_rows(&many, 20, 10);
        assert!(rows.offset <= 20 && 20 < rows.offset + rows.rows.len());
        assert!(rows.rows.iter().sum::<usize>() <= 10);
        assert!(rows.rows.len() > 3, "{rows:?}");
        // A question taller than the pane is cut to it.
        assert_eq!(question_rows(&[40, 1], 0, 5).rows, [5]);
    }

    #[test]
    fn arrangements_follow_the_width_and_height() {
        assert_eq!(arrangement(19, 40), Arrangement::TooSmall);
        assert_eq!(arrangement(60, 20), Arrangement::Single);
        assert_eq!(arrangement(100, 23), Arrangement::Single);
        assert_eq!(arrangement(80, 24), Arrangement::Medium);
        assert_eq!(arrangement(120, 40), Arrangement::Wide);
    }

    #[test]
    fn every_shown_pane_lies_inside_the_screen() {
        for width in 0..140 {
            for height in [0, 1, 5, 6, 23, 24, 40] {
                let screen = Rect::new(0, 0, width, height);
                for focus in Pane::ALL {
                    let a = areas(screen, true, focus);
                    for pane in Pane::ALL.iter().filter_map(|p| a.pane(*p)) {
                        assert!(screen.contains(pane.as_position()) || pane.area() == 0);
                        assert!(pane.right() <= screen.right() && pane.bottom() <= screen.bottom());
                    }
                }
            }
        }
    }

    #[test]
    fn the_offset_keeps_the_selection_visible() {
        assert_eq!(list_offset(3, 5, 10), 0);
        for selected in 0..50 {
            let offset = list_offset(selected, 50, 9);
            assert!(offset <= selected && selected < offset + 9);
            assert!(offset + 9 <= 50);
        }
    }
}
