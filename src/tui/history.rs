//! The review history saved on a thread of its own, so that grading never waits for the file:
//! a long history is read, merged and written while the next card is already on screen. The loop
//! hands it the schedule and the questions graded since the last save, and takes in the merged
//! schedule it sends back (`persist::history_written`).

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::practice::schedule::Schedule;
use crate::store::reviews::ReviewStore;
use crate::store::{Fingerprint, StoreError};

/// What a save sends back: the schedule as written (merged with the file) and its version.
pub type Written = Result<(Schedule, Fingerprint), StoreError>;

struct Request {
    schedule: Schedule,
    graded: BTreeSet<String>,
    version: Fingerprint,
}

/// The saving thread's ends.
pub struct HistorySaver {
    requests: Mutex<Sender<Request>>,
    pub results: Mutex<Receiver<Written>>,
}

impl std::fmt::Debug for HistorySaver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HistorySaver").finish_non_exhaustive()
    }
}

impl HistorySaver {
    pub fn spawn(store: ReviewStore) -> HistorySaver {
        let (requests, incoming) = channel::<Request>();
        let (outgoing, results) = channel();
        std::thread::spawn(move || {
            for request in incoming {
                let written = store.save(&request.schedule, &request.graded, request.version);
                if outgoing.send(written).is_err() {
                    break;
                }
            }
        });
        HistorySaver {
            requests: Mutex::new(requests),
            results: Mutex::new(results),
        }
    }

    /// Asks for a save; false when the thread is gone (the caller then saves itself).
    pub fn send(&self, schedule: Schedule, graded: BTreeSet<String>, version: Fingerprint) -> bool {
        let request = Request {
            schedule,
            graded,
            version,
        };
        self.requests
            .lock()
            .map(|sender| sender.send(request).is_ok())
            .unwrap_or(false)
    }

    /// A finished save, if one is waiting.
    pub fn try_result(&self) -> Option<Written> {
        self.results.lock().ok()?.try_recv().ok()
    }

    /// Waits up to `timeout` for the save under way.
    pub fn wait_result(&self, timeout: std::time::Duration) -> Option<Written> {
        self.results.lock().ok()?.recv_timeout(timeout).ok()
    }
}
