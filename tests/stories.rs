//! `cuecard stories` as a candidate runs it: adding a story, listing the bank, the coverage map,
//! the export, and story files with mistakes, on a small framework of the tests' own.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

fn fixture(part: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/stories")
        .join(part)
        .display()
        .to_string()
}

fn cuecard(data: &str, args: &[&str]) -> Output {
    let content = fixture("content");
    let mut all = vec!["--content", &content, "--data-dir", data];
    all.extend_from_slice(args);
    Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(all)
        .env_remove("CUECARD_DATA_DIR")
        // No cache: the user's own cache directory is never touched by a test.
        .env("CUECARD_CACHE_DIR", "")
        .output()
        .expect("cuecard runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn the_bank_lists_and_maps_as_the_golden_files_say() {
    let data = fixture("data");
    let list = cuecard(&data, &["stories", "--json"]);
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );
    insta::assert_snapshot!("stories_json", stdout(&list));
    let coverage = cuecard(&data, &["stories", "coverage", "--json", "--level", "2"]);
    assert!(coverage.status.success());
    insta::assert_snapshot!("stories_coverage_json", stdout(&coverage));
    let table = cuecard(&data, &["stories", "coverage"]);
    insta::assert_snapshot!("stories_coverage_table", stdout(&table));
    let export = cuecard(&data, &["stories", "export"]);
    let export = stdout(&export);
    assert!(
        export.starts_with("# Story bank\n\n## The late release\n"),
        "{export}"
    );
    assert!(
        export.contains("*In 90 seconds:* I told the client a week early"),
        "{export}"
    );
    assert!(
        export.contains("- Answers: Tell me about a plan that did not survive its first week.")
    );
    assert!(export.contains("### Result\n\nReview comments per change went from none to three"));
}

#[test]
fn a_story_added_from_the_command_line_reads_back_and_maps() {
    let data = TempDir::new().unwrap();
    let dir = data.path().display().to_string();
    let added = cuecard(
        &dir,
        &[
            "stories",
            "add",
            "--title",
            "Night shift handover",
            "--competency",
            "feedback@2",
            "--competency",
            "team/planning@1",
            "--question",
            "team/feedback/hard-feedback",
        ],
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let path = stdout(&added);
    assert!(
        path.trim().ends_with("stories/night-shift-handover.md"),
        "{path}"
    );
    // The same title again: another file, never over the first.
    let again = cuecard(
        &dir,
        &[
            "stories",
            "add",
            "--title",
            "Night shift handover",
            "--competency",
            "feedback@1",
        ],
    );
    assert!(stdout(&again).trim().ends_with("night-shift-handover-2.md"));
    let list = stdout(&cuecard(&dir, &["stories"]));
    assert!(list.contains("night-shift-handover\tNight shift handover\tteam/feedback@2 team/planning@1\t1 question\t0 words"), "{list}");
    let coverage = stdout(&cuecard(&dir, &["stories", "coverage", "--json"]));
    assert!(
        coverage.contains(r#"{"competency":"team/feedback","gap":false,"stories":[1,1,0]"#),
        "{coverage}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path.trim()).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0);
    }
    // Mistakes on the command line are said, and nothing is written.
    for (args, said) in [
        (
            vec!["--competency", "nope@1"],
            "no framework or competency nope",
        ),
        (
            vec!["--competency", "feedback@7"],
            "level 7 is not on Feedback's scale",
        ),
        (
            vec!["--competency", "feedback"],
            "give the level the story shows",
        ),
        (vec!["--competency", "team"], "is a framework"),
        (
            vec!["--question", "team/feedback/nope"],
            "no question `team/feedback/nope`",
        ),
    ] {
        let mut all = vec!["stories", "add", "--title", "Bad"];
        all.extend(args);
        let output = cuecard(&dir, &all);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&output.stderr).contains(said),
            "{said}"
        );
    }
    assert!(!data.path().join("stories/bad.md").exists());
}

#[test]
fn a_story_file_with_mistakes_is_named_at_its_line_and_keeps_what_is_right() {
    let data = TempDir::new().unwrap();
    let dir = data.path().display().to_string();
    let stories = data.path().join("stories");
    std::fs::create_dir_all(&stories).unwrap();
    std::fs::copy(
        fixture("data/stories/late-release.md"),
        stories.join("late-release.md"),
    )
    .unwrap();
    std::fs::write(
        stories.join("broken.md"),
        "+++\ntitle = \"Broken\"\nquestions = [\"team/feedback/nope\"]\n[[competencies]]\nid = \"team/nope\"\nlevel = 2\n[[competencies]]\nid = \"team/planning\"\nlevel = 1\n+++\n",
    )
    .unwrap();
    let output = cuecard(&dir, &["stories"]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    // Every mistake of the file at once; the story stays, without what is wrong in it.
    assert!(
        err.contains("stories/broken.md:5:6: unknown competency `team/nope`"),
        "{err}"
    );
    assert!(
        err.contains("stories/broken.md:3:14: unknown question `team/feedback/nope`"),
        "{err}"
    );
    let listed = stdout(&output);
    assert!(
        listed.starts_with("broken\tBroken\tteam/planning@1\t0 questions"),
        "{listed}"
    );
    assert!(listed.contains("\nlate-release\t"), "{listed}");
    // A front matter that does not read loses the story, and says where.
    std::fs::write(
        stories.join("broken.md"),
        "+++\ntitle = \"Broken\"\nlevle = 2\n+++\n",
    )
    .unwrap();
    let output = cuecard(&dir, &["stories"]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("broken.md:3:1: front matter: unknown field `levle`"),
        "{err}"
    );
    assert!(stdout(&output).starts_with("late-release\t"));
}

#[test]
fn search_finds_a_story_by_its_words() {
    let data = fixture("data");
    let output = cuecard(&data, &["search", "supplier changed"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let first = stdout(&output)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        first.starts_with("late-release\tstory\tOur release slipped"),
        "{first}"
    );
    let json = stdout(&cuecard(&data, &["search", "--json", "t:supplier changed"]));
    assert!(json.contains(r#""competency":"team/planning""#), "{json}");
    assert!(json.contains(r#""kind":"story""#), "{json}");
}
