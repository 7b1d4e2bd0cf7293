//! The hiring panel's view (`P`, or `D` in the ratings): the team folder's candidates side by
//! side, each competency a bar of the panel's median, and a candidate's debrief. Colleagues'
//! scorecards of a candidate show only once the viewer's own is submitted. Its state and what
//! each key does to it live here; the team folder is read by an effect.

use super::action::Action;
use super::document::{DocLine, Tone};
use super::status::Status;
use super::wrap::{truncate, wrap};
use crate::interview::panel::{
    Comparison, Debrief, TeamCard, Viewer, candidate_key, latest, tally, visible,
};
use crate::text::inert;

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
    /// Opened on a candidate from the ratings: Esc from their debrief goes straight back there.
    pub from_ratings: bool,
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
            from_ratings: wanted.is_some(),
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
                "Colleagues' ratings of {} show once your own scorecard of them is submitted.",
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
    /// `page`: the rows of text on show; `width`: their width.
    pub fn act(&mut self, action: Action, page: usize, width: usize) -> (bool, Option<Status>) {
        let reply = self.key(action, page);
        // The debrief scrolls no further than its last page.
        let end = self
            .debrief
            .as_ref()
            .map_or(0, |d| debrief_doc(d, width).len().saturating_sub(page));
        self.scroll = self.scroll.min(end);
        reply
    }

    fn key(&mut self, action: Action, page: usize) -> (bool, Option<Status>) {
        let last = self.rows.len().saturating_sub(1);
        match action {
            Action::Back if self.debrief.is_some() && self.from_ratings => return (true, None),
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
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = self.scroll.saturating_add(page.max(1)),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page.max(1)),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = usize::MAX,
            _ => {}
        }
        (false, None)
    }
}

/// The debrief for a pane `width` wide: a competency's heading (flagged when mixed), a line per
/// interviewer with the level, their evidence indented below it; then what nobody rated, the
/// recommendations, questions asked twice and the summaries.
pub fn debrief_doc(debrief: &Debrief, width: usize) -> Vec<DocLine> {
    let mut lines = Vec::new();
    let indented = |lines: &mut Vec<DocLine>, text: &str, indent: usize| {
        for row in wrap(&inert(text), width.saturating_sub(indent).max(10)) {
            lines.push(doc(format!("{}{row}", " ".repeat(indent)), Tone::Body));
        }
    };
    indented(
        &mut lines,
        &format!(
            "{} interviewer{}: {}",
            debrief.interviewers.len(),
            if debrief.interviewers.len() == 1 {
                ""
            } else {
                "s"
            },
            debrief.interviewers_text()
        ),
        0,
    );
    if debrief.facilitator {
        lines.push(doc("as facilitator", Tone::Hint));
    }
    let who_width = debrief
        .interviewers
        .iter()
        .map(|i| i.chars().count())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    for row in &debrief.competencies {
        lines.push(doc("", Tone::Body));
        let name = if row.name.is_empty() {
            &row.competency
        } else {
            &row.name
        };
        let heading = format!(
            "{} · {}{}",
            inert(name),
            row.spread_text(),
            if row.mixed { " · MIXED" } else { "" }
        );
        let tone = if row.mixed {
            Tone::Selected
        } else {
            Tone::Heading
        };
        for part in wrap(&heading, width.max(10)) {
            lines.push(doc(part, tone));
        }
        for who in &debrief.interviewers {
            let level = match (row.ratings.get(who), row.level_names.get(who)) {
                (Some(l), Some(n)) => format!("{l} · {}", inert(n)),
                (Some(l), None) => l.to_string(),
                (None, _) => "—".to_string(),
            };
            let name = truncate(&inert(who), who_width);
            lines.push(doc(
                truncate(&format!("  {name:who_width$}  {level}"), width),
                Tone::Body,
            ));
            if let Some(evidence) = row.evidence.get(who) {
                indented(&mut lines, evidence, 6);
            }
        }
    }
    if !debrief.unrated_names.is_empty() {
        lines.push(doc("", Tone::Body));
        indented(
            &mut lines,
            &format!("Nobody rated: {}", debrief.unrated_names.join(", ")),
            0,
        );
    }
    lines.push(doc("", Tone::Body));
    let said: Vec<String> = tally(&debrief.recommendations)
        .iter()
        .map(|(value, n)| format!("{value} {n}"))
        .collect();
    indented(
        &mut lines,
        &format!("Recommendations: {}", said.join(" · ")),
        0,
    );
    if !debrief.repeated_questions.is_empty() {
        lines.push(doc("", Tone::Body));
        lines.push(doc("Asked by more than one interviewer", Tone::Heading));
        for repeated in &debrief.repeated_questions {
            let text = if repeated.text.is_empty() {
                &repeated.question
            } else {
                &repeated.text
            };
            indented(
                &mut lines,
                &format!("{text} ({})", repeated.interviewers.join(", ")),
                2,
            );
        }
    }
    if !debrief.summaries.is_empty() {
        lines.push(doc("", Tone::Body));
        lines.push(doc("Summaries", Tone::Heading));
        for (who, summary) in &debrief.summaries {
            indented(&mut lines, &format!("{who}: {summary}"), 2);
        }
    }
    lines
}

fn doc(text: impl Into<String>, tone: Tone) -> DocLine {
    DocLine {
        text: text.into(),
        tone,
    }
}

// Its numbers come from whole levels: never NaN.
impl Eq for PanelView {}
