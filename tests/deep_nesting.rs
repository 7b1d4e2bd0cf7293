//! Nesting past the TOML parser's recursion limit is reported where it is, in content files
//! (`validate`) and in data files, not at 1:1.

use cuecard::content::{ContentSource, load};
use tempfile::TempDir;

const FRAMEWORK: &str = "name = \"Mine\"\nlevels = [\"Low\", \"High\"]\n";
const HEAD: &str = "name = \"Listening\"\ndefinition = \"d\"\n\n";

/// The first line of each problem of a framework holding `competency`, paths cut to the file.
fn problems_of(competency: &str) -> Vec<String> {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir_all(dir.path().join("fw")).unwrap();
    std::fs::write(dir.path().join("fw/framework.toml"), FRAMEWORK).unwrap();
    std::fs::write(dir.path().join("fw/c.toml"), competency).unwrap();
    load(&[ContentSource::Directory(dir.path().to_path_buf())])
        .problems
        .iter()
        .map(|p| {
            let first = p.to_string().lines().next().unwrap().to_string();
            first[first.find("c.toml").unwrap()..].to_string()
        })
        .collect()
}

/// `competency` has a problem whose first line starts with `expected`.
fn assert_found(competency: &str, expected: &str) {
    let found = problems_of(competency);
    assert!(found.iter().any(|p| p.starts_with(expected)), "{found:?}");
}

#[test]
fn a_dotted_key_too_deep_is_placed_at_its_line_and_column() {
    assert_found(
        &format!("{HEAD}  {}b = 1\n", "a.".repeat(200)),
        "c.toml:4:3: TOML syntax: recursion limit",
    );
    assert_found(
        &format!("{HEAD}x = 1\n[{}b]\ny = 2\n", "t.".repeat(200)),
        "c.toml:5:1: TOML syntax: recursion limit",
    );
    // Arrays too deep were already placed: still are.
    assert_found(
        &format!("{HEAD}\n\nx = {}{}\n", "[".repeat(100), "]".repeat(100)),
        "c.toml:6:",
    );
}

#[test]
fn a_data_file_too_deep_is_placed_at_its_line() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("settings.toml"),
        format!("star_outline = true\n\n{}b = 1\n", "a.".repeat(200)),
    )
    .unwrap();
    let error = cuecard::store::settings::Settings::load(dir.path())
        .unwrap_err()
        .to_string();
    assert!(error.contains("line 3, column 1"), "{error}");
}
