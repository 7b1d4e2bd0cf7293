//! Saving under hostile process settings: a umask that would make files world-readable, and a
//! write that fails half-way (the file-size limit stands in for a full disk: the write stops with
//! an error after the first bytes, as it does when the disk fills up).
//!
//! Both settings belong to the whole process, so this file holds a single test: no other test
//! runs beside it.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use cuecard::store::notes::NoteStore;
use cuecard::store::{Fingerprint, Saved, Target};
use nix::sys::resource::{Resource, getrlimit, setrlimit};
use nix::sys::signal::{SigHandler, Signal, signal};
use nix::sys::stat::{Mode, umask};

const QUESTION: &str = "customer-support/handling-complaints/difficult-customer";

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The files of `dir`, but the lock files saves leave (empty, and kept on purpose).
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !(name.starts_with('.') && name.ends_with(".lock")))
        .collect();
    names.sort();
    names
}

#[test]
fn notes_stay_private_under_umask_0_and_whole_when_a_write_fails_half_way() {
    let data = tempfile::TempDir::new().unwrap();
    let store = NoteStore::new(data.path());
    let path = store.path(QUESTION);
    let dir = path.parent().unwrap().to_path_buf();

    // umask 000: what cuecard creates is still the user's alone.
    let before = umask(Mode::empty());
    let saved = store.save(&store.load(QUESTION).unwrap().target, "old text", "s");
    umask(before);
    let Ok(Saved::Written(target)) = saved else {
        panic!("first save: {saved:?}");
    };
    assert_eq!(mode(&path), 0o600);
    let mut created = dir.as_path();
    while created != data.path() {
        assert_eq!(mode(created), 0o700, "{}", created.display());
        created = created.parent().unwrap();
    }

    // A write that fails after its first kilobyte (the process may write no more: EFBIG, as a
    // full disk gives ENOSPC). The note on disk stays the old one, whole, and nothing is left
    // beside it.
    // SAFETY: ignoring a signal installs no handler code; the default would end the process.
    unsafe { signal(Signal::SIGXFSZ, SigHandler::SigIgn) }.unwrap();
    let (soft, hard) = getrlimit(Resource::RLIMIT_FSIZE).unwrap();
    setrlimit(Resource::RLIMIT_FSIZE, 1024, hard).unwrap();
    let long = "A long answer, written out in full. ".repeat(2000);
    let failed = store.save(&target, &long, "s");
    setrlimit(Resource::RLIMIT_FSIZE, soft, hard).unwrap();
    let error = failed.expect_err("the write cannot complete");
    let message = error.to_string();
    assert!(message.contains("difficult-customer.md"), "{message}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "old text");
    assert_eq!(files_in(&dir), ["difficult-customer.md"]);

    // Once there is room again, the same save goes through (the app retries with the text it
    // kept in memory), over the same file: no false conflict.
    let retried = store.save(&target, &long, "s").unwrap();
    assert_eq!(
        retried,
        Saved::Written(Target {
            path: path.clone(),
            fingerprint: Fingerprint::of(Some(&long)),
        })
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), long);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(files_in(&dir), ["difficult-customer.md"]);
}
