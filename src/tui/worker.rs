//! The searcher thread: builds the search index off the UI thread, then answers queries, always
//! the latest one, so typing never waits for the matcher. Notes are sent to it as they change.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use super::search_mode::RESULT_LIMIT;
use crate::content::Library;
use crate::search::{SearchIndex, SearchResult, Searcher};

enum Request {
    /// Search for this input, tagged with its generation.
    Query(u64, String),
    /// Search these notes from now on.
    Notes(BTreeMap<String, String>),
    /// Search this content from now on (after a question of the user's own changed).
    Library(Arc<Library>),
    /// Search these stories from now on.
    Stories(Vec<crate::stories::Story>),
}

pub struct SearchWorker {
    requests: Sender<Request>,
    /// `(generation, results)` for each query answered.
    pub results: Receiver<(u64, Vec<SearchResult>)>,
}

impl SearchWorker {
    /// Starts the searcher on `library`, its index taken from the cache or built (and the cache
    /// written) by `cached` when there is a cache.
    pub fn spawn(library: Arc<Library>, cached: Option<crate::cache::IndexJob>) -> SearchWorker {
        let (requests, inbox) = channel::<Request>();
        let (outbox, results) = channel();
        thread::spawn(move || {
            let first = match &cached {
                Some(job) => job.index(&library),
                None => SearchIndex::build(&library),
            };
            let mut searcher = Searcher::new(Arc::new(first));
            let mut notes = BTreeMap::new();
            let mut stories = Vec::new();
            while let Ok(first) = inbox.recv() {
                // Of the queries typed while the last one ran, only the newest matters; notes
                // always apply, in order.
                let mut query = None;
                for request in std::iter::once(first).chain(inbox.try_iter()) {
                    match request {
                        Request::Query(generation, input) => query = Some((generation, input)),
                        Request::Notes(latest) => {
                            searcher.set_notes(&latest);
                            notes = latest;
                        }
                        Request::Library(library) => {
                            searcher = Searcher::new(Arc::new(SearchIndex::build(&library)));
                            searcher.set_notes(&notes);
                            searcher.set_stories(&stories);
                        }
                        Request::Stories(latest) => {
                            searcher.set_stories(&latest);
                            stories = latest;
                        }
                    }
                }
                let Some((generation, input)) = query else {
                    continue;
                };
                let found = searcher.search(&input, RESULT_LIMIT);
                if outbox.send((generation, found)).is_err() {
                    break;
                }
            }
        });
        SearchWorker { requests, results }
    }

    /// Asks for the results of `input`, tagged with `generation`.
    pub fn request(&self, generation: u64, input: &str) {
        // The thread only stops when this side is dropped.
        let _ = self
            .requests
            .send(Request::Query(generation, input.to_string()));
    }

    /// Makes later searches find these stories.
    pub fn set_stories(&self, stories: Vec<crate::stories::Story>) {
        let _ = self.requests.send(Request::Stories(stories));
    }

    /// Makes later searches run over this content.
    pub fn set_library(&self, library: Arc<Library>) {
        let _ = self.requests.send(Request::Library(library));
    }

    /// Makes later searches find these notes.
    pub fn set_notes(&self, notes: BTreeMap<String, String>) {
        let _ = self.requests.send(Request::Notes(notes));
    }
}
