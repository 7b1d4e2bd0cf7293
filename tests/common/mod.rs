//! What the tests that run the real binary share.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

/// Runs cuecard with `args` on the data directory `data`, with a private, empty home and
/// configuration directory so the developer's own content never leaks into a test.
pub fn cuecard(data: &Path, args: &[&str]) -> Output {
    let home = TempDir::new().unwrap();
    Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_CACHE_HOME", home.path())
        // Times are printed in the local zone: one zone, so golden files match everywhere.
        .env("TZ", "UTC")
        .output()
        .unwrap()
}
