//! The real binary: `validate`, `list`, where content comes from, and `--help`.

use std::path::Path;
use std::process::{Command, Output};

use cuecard::content::{ContentSource, load};
use tempfile::TempDir;

/// Runs cuecard with a private, empty configuration directory so the developer's own content
/// never leaks into a test.
fn cuecard(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(args)
        .env("HOME", config)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_CACHE_HOME", config)
        .output()
        .expect("cuecard runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

const FRAMEWORK: &str = "name = \"Mine\"\nlevels = [\"Low\", \"High\"]\n";
const COMPETENCY: &str = "name = \"Listening\"\ndefinition = \"d\"\n[behaviors]\n1 = [\"a\", \"b\"]\n2 = [\"c\"]\n\n[[questions]]\nid = \"q\"\ntext = \"Why?\"\n";

fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

#[test]
fn validate_summarises_the_bundled_content() {
    let home = TempDir::new().unwrap();
    let output = cuecard(home.path(), &["validate"]);
    assert!(output.status.success());
    let counts = load(&[ContentSource::Bundled]).library.counts();
    assert_eq!(stdout(&output), format!("ok: {counts}\n"));
    assert!(counts.frameworks == 2 && counts.questions >= 42);
}

#[test]
fn validate_lists_every_problem_and_fails() {
    let home = TempDir::new().unwrap();
    let content = home.path().join("content");
    write(
        &content,
        &[
            ("fw/framework.toml", FRAMEWORK),
            ("fw/a.toml", "name = 1\n[behaviors]\n1 = [\"x\"]\n"),
            (
                "fw/b.toml",
                &COMPETENCY.replace("[behaviors]", "[behaviours]"),
            ),
        ],
    );
    let output = cuecard(
        home.path(),
        &["validate", "--content", content.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let located: Vec<&str> = text.lines().filter(|l| l.contains(".toml:")).collect();
    // `name` mistyped, level 2 missing under [behaviors], `behaviours` unknown.
    assert_eq!(located.len(), 3, "{text}");
    assert!(
        text.contains("/fw/a.toml:1:8: `name` must be a string, not an integer"),
        "{text}"
    );
    assert!(
        text.contains("/fw/b.toml:3:2: unknown key `behaviours`"),
        "{text}"
    );
    assert!(
        text.contains("/fw/a.toml:2:1: level 2 (High) is missing under [behaviors]"),
        "{text}"
    );
    assert!(text.ends_with("3 problems found; fix them and run `cuecard validate` again\n"));
}

#[test]
fn the_users_content_directory_is_added_to_the_bundled_content() {
    let home = TempDir::new().unwrap();
    write(
        &home.path().join("cuecard/content"),
        &[
            ("mine/framework.toml", FRAMEWORK),
            ("mine/listening.toml", COMPETENCY),
        ],
    );
    let output = cuecard(home.path(), &["list", "--json"]);
    assert!(output.status.success());
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mine = lines
        .iter()
        .find(|l| l["id"] == "mine/listening")
        .expect("user competency listed");
    assert_eq!(mine["name"], "Listening");
    assert_eq!(mine["framework"], "mine");
    assert_eq!(mine["levels"], serde_json::json!(["Low", "High"]));
    assert_eq!(mine["behaviors"], serde_json::json!([2, 1]));
    assert_eq!(mine["questions"], 1);
    let interaction = lines
        .iter()
        .find(|l| l["id"] == "customer-support/customer-interaction")
        .expect("bundled competency listed");
    assert_eq!(interaction["behaviors"], serde_json::json!([4, 5, 6, 6]));
}

#[test]
fn content_flags_use_exactly_the_given_directories() {
    let home = TempDir::new().unwrap();
    let content = home.path().join("elsewhere");
    write(
        &content,
        &[
            ("mine/framework.toml", FRAMEWORK),
            ("mine/listening.toml", COMPETENCY),
        ],
    );
    let output = cuecard(
        home.path(),
        &["list", "--content", content.to_str().unwrap()],
    );
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("Mine (mine): 1 Low · 2 High\n"), "{text}");
    assert!(text.contains("mine/listening"));
    assert!(
        !text.contains("customer-support"),
        "bundled content must not be read: {text}"
    );
}

#[test]
fn list_warns_about_problems_but_lists_the_valid_part() {
    let home = TempDir::new().unwrap();
    let content = home.path().join("c");
    write(
        &content,
        &[
            ("mine/framework.toml", FRAMEWORK),
            ("mine/ok.toml", COMPETENCY),
            ("mine/bad.toml", "x"),
        ],
    );
    let output = cuecard(
        home.path(),
        &["list", "--content", content.to_str().unwrap()],
    );
    assert!(output.status.success());
    assert!(stdout(&output).contains("mine/ok"));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains("1 problem in the content") && err.contains("cuecard validate"),
        "{err}"
    );
}

#[test]
fn help_documents_every_command() {
    let home = TempDir::new().unwrap();
    let output = cuecard(home.path(), &["--help"]);
    assert!(output.status.success());
    let text = stdout(&output);
    for word in ["validate", "list", "--content"] {
        assert!(text.contains(word), "--help lacks {word}:\n{text}");
    }
}

#[test]
fn the_browser_refuses_to_start_without_a_terminal() {
    let home = TempDir::new().unwrap();
    let output = cuecard(home.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "no escape sequences into a pipe");
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains("needs a terminal") && err.contains("cuecard list"),
        "{err}"
    );
}

#[test]
fn interview_needs_a_candidate_or_a_session_to_resume() {
    let home = TempDir::new().unwrap();
    let neither = cuecard(home.path(), &["interview"]);
    assert_eq!(neither.status.code(), Some(2));
    let both = cuecard(
        home.path(),
        &["interview", "--candidate", "A", "--resume", "x"],
    );
    assert_eq!(both.status.code(), Some(2));
    let missing = cuecard(
        home.path(),
        &[
            "interview",
            "--resume",
            "nobody",
            "--data-dir",
            home.path().to_str().unwrap(),
        ],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no session nobody"));
}
