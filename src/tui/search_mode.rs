//! The search overlay: the query as typed, the latest results the searcher sent back, and where
//! the user was when it opened. The search itself runs on the searcher thread (`worker`).

use super::action::Action;
use super::layout::{Pane, Screen};
use super::motion::moved;
use crate::search::SearchResult;

/// Rows each result takes in the overlay: what and where, then the text.
pub const RESULT_ROWS: usize = 2;

/// How many results the overlay asks the searcher for.
pub const RESULT_LIMIT: usize = 200;

/// Where the user was when search opened, to return to exactly on Esc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub selected: usize,
    pub level: usize,
    pub question: usize,
    pub focus: Pane,
    pub screen: Screen,
    pub behaviors_scroll: usize,
}

/// The search overlay's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    pub input: String,
    /// Counts changes to `input`; results carry the generation they answer.
    pub generation: u64,
    /// The generation of `results`; behind `generation` while a search is running.
    pub results_generation: u64,
    pub results: Vec<SearchResult>,
    /// Index into `results`.
    pub selected: usize,
    pub origin: Place,
    /// Enter came before the results of the query typed: go to the first one when they come.
    pub go_when_ready: bool,
}

/// What a key in search asks the rest of the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchReply {
    Stay,
    /// Esc: back to exactly where the user was.
    Back,
    /// Enter: go to this result.
    Go(SearchResult),
}

impl SearchState {
    pub fn new(origin: Place) -> SearchState {
        SearchState {
            input: String::new(),
            generation: 0,
            results_generation: 0,
            results: Vec::new(),
            selected: 0,
            origin,
            go_when_ready: false,
        }
    }

    /// True while the results shown answer an older query than the one typed.
    pub fn searching(&self) -> bool {
        self.results_generation != self.generation
    }

    /// A key, with `page` results shown at a time.
    pub fn act(&mut self, action: Action, page: usize) -> SearchReply {
        let edited = match action {
            Action::Type(c) => {
                self.input.push(c);
                true
            }
            Action::Backspace => self.input.pop().is_some(),
            Action::ClearLine => !std::mem::take(&mut self.input).is_empty(),
            Action::Back => return SearchReply::Back,
            // Results for an older query: go to the first result of this one when it comes.
            Action::Open if self.searching() => {
                self.go_when_ready = true;
                return SearchReply::Stay;
            }
            // Nothing to go to: stay in search.
            Action::Open => {
                return self
                    .results
                    .get(self.selected)
                    .cloned()
                    .map_or(SearchReply::Stay, SearchReply::Go);
            }
            movement => {
                self.selected = moved(self.selected, movement, page, self.results.len());
                false
            }
        };
        if edited {
            self.go_when_ready = false;
            self.generation += 1;
            self.selected = 0;
            if self.input.trim().is_empty() {
                // Nothing to search for: no need to wait for the searcher.
                self.results.clear();
                self.results_generation = self.generation;
            }
        }
        SearchReply::Stay
    }

    /// Results from the searcher for query `generation`. Older answers than those shown are
    /// dropped; an answer to an earlier keystroke is still shown while the latest one is computed.
    /// Returns the result to go to when Enter was pressed before this answer came.
    pub fn receive(&mut self, generation: u64, results: Vec<SearchResult>) -> Option<SearchResult> {
        if generation > self.results_generation && generation <= self.generation {
            self.results = results;
            self.results_generation = generation;
            self.selected = self.selected.min(self.results.len().saturating_sub(1));
        }
        if self.go_when_ready && !self.searching() {
            self.go_when_ready = false;
            return self.results.first().cloned();
        }
        None
    }
}
