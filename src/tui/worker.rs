//! The searcher thread: builds the search index off the UI thread, then answers queries, always
//! the latest one, so typing never waits for the matcher.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use super::search_mode::RESULT_LIMIT;
use crate::content::Library;
use crate::search::{SearchIndex, SearchResult, Searcher};

pub struct SearchWorker {
    requests: Sender<(u64, String)>,
    /// `(generation, results)` for each query answered.
    pub results: Receiver<(u64, Vec<SearchResult>)>,
}

impl SearchWorker {
    pub fn spawn(library: Arc<Library>) -> SearchWorker {
        let (requests, inbox) = channel::<(u64, String)>();
        let (outbox, results) = channel();
        thread::spawn(move || {
            let mut searcher = Searcher::new(Arc::new(SearchIndex::build(&library)));
            while let Ok(mut request) = inbox.recv() {
                // Queries typed while the last one ran are stale but for the newest.
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let (generation, input) = request;
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
        let _ = self.requests.send((generation, input.to_string()));
    }
}
