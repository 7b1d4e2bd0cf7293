//! The store under pressure: two savers at the same instant, hostile file names and contents,
//! special files in the data directory. Races are run with threads hammering the store API (each
//! opens files of its own, so the file locks meet as two processes' would).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::thread;

use cuecard::store::Saved;
use cuecard::store::notes::NoteStore;
use tempfile::TempDir;

/// Every file of `dir` (not hidden ones) and its text.
fn texts_in(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

const ROUNDS: usize = 40;

/// Two savers of the same note at the same instant, round after round: both say saved, and both
/// texts are on disk afterwards — the winner's in the note, the loser's in a conflict copy.
#[test]
fn two_savers_of_the_same_note_at_the_same_instant_both_keep_their_text() {
    let data = TempDir::new().unwrap();
    let barrier = Arc::new(Barrier::new(2));
    let savers: Vec<_> = ["alpha", "beta"]
        .into_iter()
        .map(|who| {
            let barrier = Arc::clone(&barrier);
            let root = data.path().to_path_buf();
            thread::spawn(move || {
                let store = NoteStore::new(&root);
                for round in 0..ROUNDS {
                    let id = format!("fw/comp/q{round}");
                    let loaded = store.load(&id).unwrap();
                    barrier.wait();
                    let saved = store
                        .save(&loaded.target, &format!("{who} {round}"), "s")
                        .unwrap();
                    assert!(matches!(saved, Saved::Written(_) | Saved::Conflict(_)));
                }
            })
        })
        .collect();
    for saver in savers {
        saver.join().unwrap();
    }
    let texts = texts_in(&data.path().join("notes/fw/comp"));
    for round in 0..ROUNDS {
        let kept: BTreeSet<&str> = texts
            .iter()
            .filter(|(name, _)| {
                name.as_str() == format!("q{round}.md")
                    || name.starts_with(&format!("q{round}.conflict-"))
            })
            .map(|(_, text)| text.as_str())
            .collect();
        assert_eq!(
            kept,
            BTreeSet::from([
                format!("alpha {round}").as_str(),
                format!("beta {round}").as_str()
            ]),
            "round {round}: {texts:?}"
        );
    }
    // The lock files are private, and no note of their own.
    let store = NoteStore::new(data.path());
    let (notes, errors) = store.load_all();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(notes.len(), ROUNDS);
    assert_private_locks(&data.path().join("notes/fw/comp"));
}

/// The lock files in `dir` are readable by the user only.
fn assert_private_locks(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".lock") {
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{name}");
        }
    }
}
