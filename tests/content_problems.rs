//! Every kind of content defect is reported with its message and `path:line:col`, all at once,
//! without a panic; what is valid is still loaded.

use std::path::Path;

use cuecard::content::{ContentSource, Loaded, load};
use tempfile::TempDir;

const FRAMEWORK: &str = "name = \"Test\"\nlevels = [\"Low\", \"Mid\", \"High\"]\n";
const COMPETENCY: &str = r#"name = "Listening"
definition = "Hears what is meant."

[behaviors]
1 = ["Lets people finish."]
2 = ["Summarises back."]
3 = ["Hears what is not said."]

[[questions]]
id = "hard-talk"
text = "Tell me about a hard conversation."
level = 2
"#;

/// A content tree in a temporary directory: `files` are (relative path, bytes).
fn tree(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn load_dir(dir: &Path) -> Loaded {
    load(&[ContentSource::Directory(dir.to_path_buf())])
}

/// The problems' first lines, with the temporary directory's path replaced by `<dir>`.
fn problems(dir: &TempDir) -> Vec<String> {
    load_dir(dir.path())
        .problems
        .iter()
        .map(|p| {
            p.to_string()
                .lines()
                .next()
                .unwrap()
                .replace(&dir.path().display().to_string(), "<dir>")
        })
        .collect()
}

/// Problems of a framework `fw` holding `competency` as `c.toml`.
fn competency_problems(competency: &str) -> Vec<String> {
    problems(&tree(&[
        ("fw/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/c.toml", competency.as_bytes()),
    ]))
}

fn assert_has(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p.starts_with(expected)),
        "expected a problem starting with\n  {expected}\ngot\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn valid_content_loads_without_problems() {
    let dir = tree(&[
        ("fw/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/listening.toml", COMPETENCY.as_bytes()),
    ]);
    let loaded = load_dir(dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let question = loaded.library.question("fw/listening/hard-talk").unwrap();
    assert_eq!(question.level, Some(2));
    assert_eq!(
        loaded.library.framework("fw").unwrap().level_name(3),
        Some("High")
    );
}

#[test]
fn toml_syntax_errors_are_located() {
    let found = competency_problems("name = \"x\"\ndefinition = \n");
    assert_has(&found, "<dir>/fw/c.toml:2:14: TOML syntax:");
}

#[test]
fn duplicate_keys_are_syntax_errors() {
    let found = competency_problems("name = \"x\"\nname = \"y\"\n");
    assert_has(&found, "<dir>/fw/c.toml:2:1: TOML syntax: duplicate key");
}

#[test]
fn wrong_value_types_are_named() {
    let text = COMPETENCY.replace("level = 2", "level = \"two\"");
    let found = competency_problems(&text);
    assert_has(
        &found,
        "<dir>/fw/c.toml:12:9: `level` must be a whole number, not a string",
    );
    let found = competency_problems(&COMPETENCY.replace("name = \"Listening\"", "name = 3"));
    assert_has(
        &found,
        "<dir>/fw/c.toml:1:8: `name` must be a string, not an integer",
    );
}

#[test]
fn missing_required_keys_say_what_to_add() {
    let found = competency_problems(&COMPETENCY.replace("name = \"Listening\"\n", ""));
    assert_has(
        &found,
        "<dir>/fw/c.toml:1:1: a competency file is missing the required key `name`: add",
    );
    let found = competency_problems(&COMPETENCY.replace("id = \"hard-talk\"\n", ""));
    assert_has(
        &found,
        "<dir>/fw/c.toml:9:1: a [[questions]] entry is missing the required key `id`",
    );
}

#[test]
fn a_misspelt_key_is_an_error_with_a_suggestion() {
    let found = competency_problems(&COMPETENCY.replace("[behaviors]", "[behaviours]"));
    assert_has(
        &found,
        "<dir>/fw/c.toml:4:2: unknown key `behaviours` in a competency file (did you mean `behaviors`?)",
    );
    let found = competency_problems(&COMPETENCY.replace("level = 2", "levle = 2"));
    assert_has(
        &found,
        "<dir>/fw/c.toml:12:1: unknown key `levle` in a [[questions]] entry (did you mean `level`?)",
    );
}

#[test]
fn behavior_levels_must_fit_the_scale() {
    let found = competency_problems(&COMPETENCY.replace("3 = [", "4 = ["));
    assert_has(
        &found,
        "<dir>/fw/c.toml:7:1: behavior level 4 is outside this framework's scale of 3 levels",
    );
    assert_has(
        &found,
        "<dir>/fw/c.toml:4:1: level 3 (High) is missing under [behaviors]: add `3 = [\"…\"]`, or \
         `3 = []`",
    );
    let found = competency_problems(&COMPETENCY.replace("3 = [", "top = ["));
    assert_has(
        &found,
        "<dir>/fw/c.toml:7:1: behavior level that is outside",
    );
}

#[test]
fn question_levels_must_fit_the_scale() {
    let found = competency_problems(&COMPETENCY.replace("level = 2", "level = 0"));
    assert_has(
        &found,
        "<dir>/fw/c.toml:12:9: question level 0 is outside this framework's scale of 3 levels",
    );
}

#[test]
fn duplicate_and_malformed_ids_are_reported() {
    let twice = format!("{COMPETENCY}\n[[questions]]\nid = \"hard-talk\"\ntext = \"Again.\"\n");
    let found = competency_problems(&twice);
    assert_has(
        &found,
        "<dir>/fw/c.toml:15:6: question id `hard-talk` is used twice (first on line 10)",
    );
    let found = competency_problems(&COMPETENCY.replace("hard-talk", "Hard Talk"));
    assert_has(
        &found,
        "<dir>/fw/c.toml:10:6: question id `Hard Talk` is malformed",
    );

    let found = problems(&tree(&[
        ("Bad_Id/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/Not Valid.toml", COMPETENCY.as_bytes()),
    ]));
    assert_has(
        &found,
        "<dir>/Bad_Id:1:1: the directory name `Bad_Id` is not a valid framework id",
    );
    assert_has(
        &found,
        "<dir>/fw/Not Valid.toml:1:1: the file name `Not Valid.toml` is not a valid competency id",
    );
}

#[test]
fn a_framework_directory_needs_framework_toml() {
    let found = problems(&tree(&[("fw/c.toml", COMPETENCY.as_bytes())]));
    assert_has(
        &found,
        "<dir>/fw:1:1: this framework directory has no framework.toml",
    );
}

#[test]
fn levels_must_be_two_to_nine_names() {
    let found = problems(&tree(&[(
        "fw/framework.toml",
        b"name = \"x\"\nlevels = []\n",
    )]));
    assert_has(&found, "<dir>/fw/framework.toml:2:10: `levels` is empty");
    let ten = (1..=10)
        .map(|i| format!("\"L{i}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!("name = \"x\"\nlevels = [{ten}]\n");
    let found = problems(&tree(&[("fw/framework.toml", text.as_bytes())]));
    assert_has(
        &found,
        "<dir>/fw/framework.toml:2:10: `levels` has 10 names",
    );
}

#[test]
fn a_file_that_is_not_utf8_gives_the_byte_offset() {
    let found = competency_problems_bytes(b"name = \"ok\"\ndefinition = \"caf\xe9\"\n");
    assert_has(
        &found,
        "<dir>/fw/c.toml:2:18: the file is not valid UTF-8 (byte offset 29, byte 0xE9)",
    );
}

fn competency_problems_bytes(bytes: &[u8]) -> Vec<String> {
    problems(&tree(&[
        ("fw/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/c.toml", bytes),
    ]))
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_are_accepted() {
    let crlf = format!("\u{feff}{}", COMPETENCY.replace('\n', "\r\n"));
    let dir = tree(&[
        (
            "fw/framework.toml",
            FRAMEWORK.replace('\n', "\r\n").as_bytes(),
        ),
        ("fw/c.toml", crlf.as_bytes()),
    ]);
    let loaded = load_dir(dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.library.competency("fw/c").unwrap().name, "Listening");
    // Locations after a BOM and CRLF are still right.
    let broken = format!(
        "\u{feff}{}",
        COMPETENCY
            .replace('\n', "\r\n")
            .replace("level = 2", "level = 9")
    );
    assert_has(
        &competency_problems(&broken),
        "<dir>/fw/c.toml:12:9: question level 9 is outside",
    );
}

#[test]
fn control_characters_are_errors_and_printed_inert() {
    let hostile = COMPETENCY.replace("Hears what is meant.", "\\u001b]0;pwned\\u0007 \\u001b[2J");
    let found = competency_problems(&hostile);
    assert_has(
        &found,
        "<dir>/fw/c.toml:2:14: `definition` holds the control character U+001B at character 1",
    );
    let bidi = COMPETENCY.replace("Listening", "Listen\u{202e}ing");
    assert_has(
        &competency_problems(&bidi),
        "<dir>/fw/c.toml:1:8: `name` holds the control character U+202E",
    );
    // A raw escape in a TOML syntax error's quoted line reaches the output only as visible text.
    let raw = tree(&[
        ("fw/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/c.toml", b"name = \"\x1b]0;x\x07\"\n"),
    ]);
    for problem in load_dir(raw.path()).problems {
        let shown = problem.to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
    }
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let text = COMPETENCY
        .replace("[behaviors]", "tags = [\"two words\"]\n[behaviors]")
        .replace("level = 2", "level = 7\nfollowups = [\"x\"]");
    let found = competency_problems(&text);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_has(&found, "<dir>/fw/c.toml:4:8: tag `two words` has a space");
    assert_has(&found, "<dir>/fw/c.toml:13:9: question level 7");
    assert_has(&found, "<dir>/fw/c.toml:14:1: unknown key `followups`");
}

#[test]
fn the_valid_part_is_kept_when_other_files_are_broken() {
    let dir = tree(&[
        ("fw/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/good.toml", COMPETENCY.as_bytes()),
        ("fw/bad.toml", b"name = \n"),
        ("broken/framework.toml", b"levels = 3\n"),
        ("broken/c.toml", COMPETENCY.as_bytes()),
    ]);
    let loaded = load_dir(dir.path());
    assert!(loaded.library.competency("fw/good").is_some());
    assert!(loaded.library.competency("fw/bad").is_none());
    assert!(loaded.library.framework("broken").is_none());
    assert_eq!(loaded.problems.len(), 3, "{:?}", loaded.problems);
}

#[test]
fn a_later_source_overrides_a_framework_with_the_same_id() {
    let first = tree(&[
        ("fw/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/listening.toml", COMPETENCY.as_bytes()),
    ]);
    let second = tree(&[
        (
            "fw/framework.toml",
            b"name = \"Mine\"\nlevels = [\"A\", \"B\"]\n",
        ),
        (
            "fw/own.toml",
            b"name = \"Own\"\ndefinition = \"d\"\n[behaviors]\n1 = [\"a\"]\n2 = [\"b\"]\n",
        ),
    ]);
    let loaded = load(&[
        ContentSource::Directory(first.path().into()),
        ContentSource::Directory(second.path().into()),
    ]);
    assert!(loaded.problems.is_empty());
    let framework = loaded.library.framework("fw").unwrap();
    assert_eq!(framework.name, "Mine");
    assert_eq!(framework.competencies.len(), 1);
    assert_eq!(framework.competencies[0].id, "fw/own");
}

#[test]
fn hostile_files_never_panic() {
    let deep = format!("a = {}1{}\n", "[".repeat(200), "]".repeat(200));
    let huge = vec![b'#'; 5 * 1024 * 1024];
    let garbage: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let dir = tree(&[
        ("fw/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/deep.toml", deep.as_bytes()),
        ("fw/huge.toml", &huge),
        ("fw/garbage.toml", &garbage),
        ("fw/truncated.toml", &COMPETENCY.as_bytes()[..60]),
        ("stray.toml", b"x = 1"),
    ]);
    let found = problems(&dir);
    assert_has(
        &found,
        "<dir>/fw/huge.toml:1:1: the file is larger than 4 MiB",
    );
    assert_has(
        &found,
        "<dir>/fw/garbage.toml:2:118: the file is not valid UTF-8 (byte offset 128",
    );
    assert_has(&found, "<dir>/fw/truncated.toml:");
    assert_has(&found, "<dir>/fw/deep.toml:1:");
    assert_has(
        &found,
        "<dir>/stray.toml:1:1: a content file must stand in a framework directory",
    );
}

#[test]
fn a_missing_content_directory_is_reported() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nope");
    let loaded = load_dir(&missing);
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].message.contains("no such directory"));
}

#[test]
fn an_interviewer_note_is_read_and_must_be_text() {
    let with_note =
        format!("{COMPETENCY}interviewer_note = \"Ask about the customer, not the candidate.\"\n");
    let dir = tree(&[
        ("t/framework.toml", FRAMEWORK.as_bytes()),
        ("t/listening.toml", with_note.as_bytes()),
    ]);
    let loaded = load_dir(dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", problems(&dir));
    let question = loaded.library.question("t/listening/hard-talk").unwrap();
    assert_eq!(
        question.interviewer_note.as_deref(),
        Some("Ask about the customer, not the candidate.")
    );
    let problems = competency_problems(&format!("{COMPETENCY}interviewer_note = 3\n"));
    assert_has(
        &problems,
        "<dir>/fw/c.toml:13:20: `interviewer_note` must be a string",
    );
}

#[test]
fn a_question_bank_needs_no_definition_and_no_behaviors() {
    let bank = "name = \"Listening\"\n\n[[questions]]\nid = \"q\"\ntext = \"Tell me.\"\n";
    let dir = tree(&[
        ("fw/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/bank.toml", bank.as_bytes()),
        (
            "fw/partial.toml",
            COMPETENCY
                .replace("1 = [\"Lets people finish.\"]", "1 = []")
                .as_bytes(),
        ),
    ]);
    let loaded = load_dir(dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let bank = loaded.library.competency("fw/bank").unwrap();
    assert_eq!(bank.definition, "");
    assert_eq!(bank.behaviors, vec![Vec::<String>::new(); 3]);
    assert_eq!(bank.questions.len(), 1);
    let partial = loaded.library.competency("fw/partial").unwrap();
    assert_eq!(partial.behaviors[0], Vec::<String>::new());
    assert_eq!(partial.behaviors[2], vec!["Hears what is not said."]);
}

/// The problems of `loaded`, the extension directory `user` written `<dir>`.
fn located(loaded: &Loaded, user: &TempDir) -> Vec<String> {
    let dir = user.path().display().to_string();
    loaded
        .problems
        .iter()
        .map(|p| p.to_string().replace(&dir, "<dir>"))
        .collect()
}

/// Two sources: a framework with a `framework.toml`, then `extension` (relative path, text) in a
/// directory of its own.
fn extended(extension: &[(&str, &str)]) -> (Loaded, TempDir, TempDir) {
    let base = tree(&[
        ("fw/framework.toml", FRAMEWORK.as_bytes()),
        ("fw/listening.toml", COMPETENCY.as_bytes()),
    ]);
    let files: Vec<(&str, &[u8])> = extension.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    let user = tree(&files);
    let loaded = load(&[
        ContentSource::Directory(base.path().to_path_buf()),
        ContentSource::Directory(user.path().to_path_buf()),
    ]);
    (loaded, base, user)
}

#[test]
fn a_directory_without_framework_toml_extends_the_framework_of_its_name() {
    let added =
        "[[questions]]\nid = \"quiet-room\"\ntext = \"When did silence help?\"\nlevel = 3\n";
    let (loaded, _base, user) = extended(&[
        ("fw/listening.toml", added),
        ("fw/empathy.toml", "name = \"Empathy\"\n"),
    ]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let framework = loaded.library.framework("fw").unwrap();
    let names: Vec<&str> = framework
        .competencies
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Empathy", "Listening"]);
    let listening = loaded.library.competency("fw/listening").unwrap();
    let ids: Vec<&str> = listening.questions.iter().map(|q| q.local_id()).collect();
    assert_eq!(ids, ["hard-talk", "quiet-room"]);
    // Each question knows the file it is written in: the app edits only the added ones there.
    let added = loaded.library.question("fw/listening/quiet-room").unwrap();
    assert_eq!(
        added.file.as_deref(),
        Some(user.path().join("fw/listening.toml").as_path())
    );
    assert_eq!(added.level, Some(3));
}

#[test]
fn an_extension_may_not_reuse_an_id_or_change_the_competency() {
    let clash = "[[questions]]\nid = \"hard-talk\"\ntext = \"Again.\"\n";
    let (loaded, _base, user) = extended(&[("fw/listening.toml", clash)]);
    let shown = located(&loaded, &user);
    assert_has(
        &shown,
        "<dir>/fw/listening.toml:2:6: question id `hard-talk` is already a question of Listening",
    );
    // The bundled (here: earlier) questions stay.
    assert_eq!(
        loaded
            .library
            .competency("fw/listening")
            .unwrap()
            .questions
            .len(),
        1
    );

    let renamed = "name = \"Hearing\"\n[[questions]]\nid = \"x\"\ntext = \"X?\"\nlevel = 9\n";
    let (loaded, _base, user) = extended(&[("fw/listening.toml", renamed)]);
    let shown = located(&loaded, &user);
    assert_has(
        &shown,
        "<dir>/fw/listening.toml:1:1: `name` cannot be changed here",
    );
    assert_has(
        &shown,
        "<dir>/fw/listening.toml:5:9: question level 9 is outside this framework's scale of 3",
    );
    // A directory named after no framework still needs its framework.toml.
    let (loaded, _base, user) = extended(&[("other/c.toml", COMPETENCY)]);
    let shown = located(&loaded, &user);
    assert_has(
        &shown,
        "<dir>/other:1:1: this framework directory has no framework.toml",
    );
}
