//! The hiring panel's view (`P`, or `D` in the ratings): the team folder's candidates side by
//! side, each competency a bar of the panel's median, and a candidate's debrief. Colleagues'
//! scorecards of a candidate show only once the viewer's own is submitted. Its state and what
//! each key does to it live here; the team folder is read by an effect.

use super::action::Action;
use super::status::Status;
use crate::interview::panel::{
    Comparison, Debrief, TeamCard, Viewer, candidate_key, latest, visible,
};

/// One candidate of the list: compared, or hidden until the viewer submits.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Shown(usize),
    Hidden(String),
}

/// What the panel view holds.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelView {
    /// Who is looking (the interviewer of the settings or of the interview).
    pub viewer: Viewer,
    /// The team folder's scorecards (the latest of each interviewer per candidate), once read.
    pub cards: Vec<TeamCard>,
    /// Why there is nothing to show (no team folder, no name), or the folder's unreadable files.
    pub message: Option<String>,
    pub problems: Vec<String>,
    pub comparison: Comparison,
    pub rows: Vec<Row>,
    pub selected: usize,
    /// The debrief of the selected candidate is on show (else the list).
    pub debrief: Option<Debrief>,
    pub scroll: usize,
    /// The candidate to open on once read (`D` from the ratings).
    pub wanted: Option<String>,
}

impl PanelView {
    /// An empty view for `viewer`, waiting for the team folder; `wanted` opens on that
    /// candidate's debrief.
    pub fn new(viewer: Viewer, wanted: Option<String>) -> PanelView {
        PanelView {
            viewer,
            cards: Vec::new(),
            message: Some("Reading the team folder…".into()),
            problems: Vec::new(),
            comparison: Comparison::new(&[], None, Vec::new(), false),
            rows: Vec::new(),
            selected: 0,
            debrief: None,
            scroll: 0,
            wanted,
        }
    }

    /// The team folder was read: its cards (all versions), or why not.
    pub fn read(&mut self, result: Result<(Vec<TeamCard>, Vec<String>), String>) -> Option<Status> {
        let (cards, problems) = match result {
            Ok(read) => read,
            Err(message) => {
                self.message = Some(message);
                return None;
            }
        };
        self.message = None;
        self.problems = problems;
        self.cards = latest(&cards).into_iter().cloned().collect();
        let all: Vec<&TeamCard> = self.cards.iter().collect();
        let (shown, hidden) = visible(&all, &self.viewer);
        self.comparison = Comparison::new(&shown, None, hidden.clone(), self.viewer.facilitator);
        self.rows = (0..self.comparison.candidates.len())
            .map(Row::Shown)
            .chain(hidden.into_iter().map(Row::Hidden))
            .collect();
        if self.rows.is_empty() {
            self.message = Some(
                "No scorecard in the team folder yet: x in an interview's ratings submits yours."
                    .into(),
            );
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        let wanted = self.wanted.take()?;
        let key = candidate_key(&wanted);
        let at = self.rows.iter().position(|row| match row {
            Row::Shown(i) => candidate_key(&self.comparison.candidates[*i].candidate) == key,
            Row::Hidden(name) => candidate_key(name) == key,
        });
        match at {
            Some(at) => {
                self.selected = at;
                self.open()
            }
            None => Status::info(format!(
                "No submitted scorecard of {} in the team folder yet.",
                crate::text::inert(&wanted)
            )),
        }
    }

    /// The name of the selected candidate.
    pub fn selected_name(&self) -> Option<&str> {
        match self.rows.get(self.selected)? {
            Row::Shown(i) => Some(self.comparison.candidates[*i].candidate.as_str()),
            Row::Hidden(name) => Some(name.as_str()),
        }
    }

    /// Opens the selected candidate's debrief, unless it is hidden from the viewer.
    fn open(&mut self) -> Option<Status> {
        match self.rows.get(self.selected)? {
            Row::Hidden(name) => Status::info(format!(
                "Your scorecard of {} is not submitted: the panel's ratings show once it is (x in your interview's ratings).",
                crate::text::inert(name)
            )),
            Row::Shown(i) => {
                let key = candidate_key(&self.comparison.candidates[*i].candidate);
                let theirs: Vec<&TeamCard> = self
                    .cards
                    .iter()
                    .filter(|c| candidate_key(&c.candidate) == key)
                    .collect();
                self.debrief = Some(Debrief::new(&key, &theirs, self.viewer.facilitator));
                self.scroll = 0;
                None
            }
        }
    }

    /// A key; `true` when the view is to close.
    pub fn act(&mut self, action: Action, page: usize) -> (bool, Option<Status>) {
        let last = self.rows.len().saturating_sub(1);
        match action {
            Action::Back if self.debrief.is_some() => {
                self.debrief = None;
                self.scroll = 0;
            }
            Action::Back | Action::OpenPanel => return (true, None),
            Action::Open if self.debrief.is_none() => return (false, self.open()),
            Action::Down if self.debrief.is_none() => {
                self.selected = (self.selected + 1).min(last);
            }
            Action::Up if self.debrief.is_none() => self.selected = self.selected.saturating_sub(1),
            Action::Top if self.debrief.is_none() => self.selected = 0,
            Action::Bottom if self.debrief.is_none() => self.selected = last,
            Action::Down => self.scroll += 1,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll += page.max(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page.max(1)),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = usize::MAX / 2,
            _ => {}
        }
        (false, None)
    }
}

// Its numbers come from whole levels: never NaN.
impl Eq for PanelView {}
