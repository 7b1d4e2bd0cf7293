//! `cuecard import` as a user runs it: each input format from `tests/data/import/` (written for
//! these tests: quoted commas, multi-line cells, a byte-order mark, CRLF, copied pages with their
//! navigation), round trips through `validate` and `list`, re-imports, hand edits, and adding to
//! the bundled framework.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
        .display()
        .to_string()
}

/// Runs cuecard with `home` as its configuration directory (the user content is then
/// `home/cuecard/content`).
fn cuecard(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_CACHE_HOME", home)
        .env_remove("CUECARD_DATA_DIR")
        .output()
        .expect("cuecard runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn content_dir(home: &Path) -> PathBuf {
    home.join("cuecard/content")
}

/// `list --json` of the content in `dir` (only): competency id → (behaviors per level, questions).
fn listed(home: &Path, dir: &Path) -> BTreeMap<String, (Vec<usize>, usize)> {
    let output = cuecard(
        home,
        &["--content", &dir.display().to_string(), "list", "--json"],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    parse_list(&text(&output.stdout))
}

fn parse_list(json_lines: &str) -> BTreeMap<String, (Vec<usize>, usize)> {
    json_lines
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let behaviors = value["behaviors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap() as usize)
                .collect();
            (
                value["id"].as_str().unwrap().to_string(),
                (behaviors, value["questions"].as_u64().unwrap() as usize),
            )
        })
        .collect()
}

/// The content imported into `dir`, loaded as cuecard loads it.
fn library_in(dir: &Path) -> cuecard::content::Library {
    cuecard::content::load(&[cuecard::content::ContentSource::Directory(
        dir.to_path_buf(),
    )])
    .library
}

fn import_into(home: &Path, out: &Path, args: &[&str]) -> Output {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    let out = out.display().to_string();
    all.extend(["--out", &out]);
    cuecard(home, &all)
}

fn assert_valid(home: &Path, dir: &Path) {
    let output = cuecard(home, &["--content", &dir.display().to_string(), "validate"]);
    assert!(
        output.status.success(),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

#[test]
fn a_question_bank_exported_from_a_spreadsheet_imports_with_its_levels_by_name_or_number() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let bank = data("bank.csv");
    let output = import_into(
        home.path(),
        &out,
        &[
            &bank,
            "--framework",
            "engineering",
            "--levels",
            "Foundation,Practitioner,Expert,Leader",
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    assert!(
        report.contains("5 competencies, 0 behaviors, 20 questions"),
        "{report}"
    );
    assert_valid(home.path(), &out);
    let list = listed(home.path(), &out);
    let questions: BTreeMap<&str, usize> = list.iter().map(|(k, v)| (k.as_str(), v.1)).collect();
    assert_eq!(
        questions,
        BTreeMap::from([
            ("engineering/code-review", 5),
            ("engineering/incident-response", 4),
            ("engineering/stakeholder-management", 4),
            ("engineering/qualitatssicherung", 4),
            ("engineering/nastavnichestvo", 3),
        ])
    );
    // Cells: quoted commas and quotes, several key points and follow-ups in one cell, levels by
    // name and number, the id column made an id, tags split.
    let library = library_in(&out);
    let first = library.question("engineering/code-review/cr-01").unwrap();
    assert!(first.text.contains("pushed back on. What was wrong"));
    assert_eq!(first.level, Some(2));
    assert_eq!(first.key_points.len(), 3);
    assert!(
        first.key_points[0].contains("not just \"style\""),
        "{:?}",
        first.key_points
    );
    assert_eq!(first.follow_ups.len(), 2);
    assert_eq!(first.tags, ["behavioral", "teamwork"]);
    let by_name = library.question("engineering/code-review/cr-05").unwrap();
    assert_eq!(by_name.level, Some(4), "`Leader` is level 4");
    let big = library.question("engineering/code-review/cr-02").unwrap();
    assert!(big.text.contains("2,000-line change"));
    // The two spellings of one competency are one competency, named as first written.
    let stakeholders = library
        .competency("engineering/stakeholder-management")
        .unwrap();
    assert_eq!(stakeholders.name, "Stakeholder Management");
    // A question bank has no behaviors, and still every level to rate on.
    assert_eq!(stakeholders.behaviors.len(), 4);
    assert_eq!(stakeholders.behavior_count(), 0);
}

#[test]
fn a_bank_without_a_scale_asks_for_one() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let output = import_into(home.path(), &out, &[&data("bank.tsv")]);
    assert_eq!(output.status.code(), Some(1));
    let err = text(&output.stderr);
    assert!(
        err.contains("no proficiency scale") && err.contains("--levels"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn levels_tables_by_number_and_by_name_give_the_behaviors_of_each_level() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let output = import_into(
        home.path(),
        &out,
        &[&data("levels.csv"), "--framework", "data"],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = import_into(
        home.path(),
        &out,
        &[&data("levels-named.tsv"), "--framework", "pm"],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_valid(home.path(), &out);
    let list = listed(home.path(), &out);
    assert_eq!(list["data/data-cleaning"].0, [2, 3, 1, 2]);
    assert_eq!(list["data/statistical-modelling"].0, [0, 1, 1, 3]);
    // A paragraph of three sentences in one cell is one statement.
    assert_eq!(list["data/research-ethics"].0, [0, 0, 0, 1]);
    assert_eq!(list["pm/risk-management"].0, [1, 2, 1, 3, 0]);
    assert_eq!(list["pm/team-leadership"].0, [1, 1, 3, 1, 2]);
    let total: usize = list
        .iter()
        .filter(|(id, _)| id.starts_with("pm/"))
        .map(|(_, (b, _))| b.iter().sum::<usize>())
        .sum();
    assert_eq!(total, 36);
    let library = library_in(&out);
    assert_eq!(
        library.framework("pm").unwrap().levels,
        ["Awareness", "Working", "Practitioner", "Expert", "Master"]
    );
    assert_eq!(library.framework("data").unwrap().levels[0], "Level 1");
}

#[test]
fn a_markdown_framework_imports_with_key_points_and_follow_ups() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let output = import_into(home.path(), &out, &[&data("framework.md")]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_valid(home.path(), &out);
    let list = listed(home.path(), &out);
    let id = "classroom-teaching-framework";
    assert_eq!(
        list[&format!("{id}/lesson-planning")],
        (vec![2, 3, 2, 3], 3)
    );
    assert_eq!(
        list[&format!("{id}/behaviour-management")],
        (vec![3, 2, 0, 4], 3)
    );
    assert_eq!(
        list[&format!("{id}/professional-development")],
        (vec![2, 2, 2, 3], 0)
    );
    let library = library_in(&out);
    let framework = library.framework(id).unwrap();
    assert_eq!(framework.name, "Classroom Teaching Framework");
    assert!(framework.description.is_some());
    let planning = library
        .competency(&format!("{id}/lesson-planning"))
        .unwrap();
    let first = &planning.questions[0];
    assert_eq!(first.key_points.len(), 2);
    assert_eq!(first.follow_ups.len(), 1);
    assert!(!first.follow_ups[0].starts_with("Follow-up"));
    // Key points nested four spaces deep are key points too.
    let second = &planning.questions[1];
    assert_eq!((second.key_points.len(), second.follow_ups.len()), (1, 1));
}

#[test]
fn copied_pages_of_both_shapes_drop_their_navigation() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let output = import_into(
        home.path(),
        &out,
        &[
            &data("page-dictionary.txt"),
            &data("page-dictionary-2.txt"),
            "--framework",
            "eng",
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = import_into(
        home.path(),
        &out,
        &[&data("page-capability.txt"), "--framework", "delivery"],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_valid(home.path(), &out);
    let list = listed(home.path(), &out);
    assert_eq!(list["eng/software-testing"], (vec![3, 4, 5, 4], 5));
    assert_eq!(list["eng/debugging"], (vec![3, 3, 4, 3], 4));
    let delivery: Vec<&String> = list.keys().filter(|k| k.starts_with("delivery/")).collect();
    assert_eq!(delivery.len(), 3, "{delivery:?}");
    assert!(delivery.iter().all(|k| list[*k] == (vec![1, 1, 1], 0)));
    let library = library_in(&out);
    assert_eq!(
        library.framework("delivery").unwrap().levels,
        ["Emerging", "Proficient", "Advanced"]
    );
    let everything: String = library
        .frameworks
        .iter()
        .flat_map(|f| &f.competencies)
        .flat_map(|c| {
            std::iter::once(c.name.clone())
                .chain(std::iter::once(c.definition.clone()))
                .chain(c.behaviors.iter().flatten().cloned())
                .chain(c.questions.iter().map(|q| q.text.clone()))
        })
        .collect::<Vec<_>>()
        .join("\n");
    for navigation in [
        "Skip to",
        "Sign in",
        "Menu",
        "Titles with Shared",
        "Subscribe",
        "©",
        "icon",
    ] {
        assert!(
            !everything.contains(navigation),
            "`{navigation}` was imported:\n{everything}"
        );
    }
}

#[test]
fn broken_input_reports_every_problem_at_its_line_and_writes_nothing() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let output = import_into(
        home.path(),
        &out,
        &[
            &data("broken-bank.csv"),
            "--levels",
            "Foundation,Practitioner,Expert",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = text(&output.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines[0].contains("broken-bank.csv:4: level `Expertt` is not a level of the scale (did you mean `Expert`?)"), "{err}");
    assert!(
        err.contains("broken-bank.csv:6: the `question` cell is empty"),
        "{err}"
    );
    assert!(
        err.contains("broken-bank.csv:7: a quoted cell that starts on this row is never closed"),
        "{err}"
    );
    assert!(err.contains("3 problems; nothing was imported"), "{err}");
    assert!(!out.exists());

    let output = import_into(home.path(), &out, &[&data("broken-noquestion.csv")]);
    assert_eq!(output.status.code(), Some(1));
    let err = text(&output.stderr);
    assert!(err.contains("broken-noquestion.csv:1: no `question` column and no level columns (found `competency`, `text`, `notes`)"), "{err}");
    assert!(err.contains("1 problem;"), "{err}");
}

#[test]
fn importing_again_updates_in_place_and_keeps_what_was_edited_by_hand() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let args = [data("framework.md")];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert!(import_into(home.path(), &out, &args).status.success());
    let dir = out.join("classroom-teaching-framework");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let before = read("lesson-planning.toml");

    // The same input again: the same ids, the same bytes.
    let again = import_into(home.path(), &out, &args);
    assert!(again.status.success());
    let report = text(&again.stdout);
    assert!(
        report.contains("same     classroom-teaching-framework/lesson-planning.toml"),
        "{report}"
    );
    assert!(!report.contains("new "), "{report}");
    assert_eq!(read("lesson-planning.toml"), before);

    // A hand edit is kept, and said; --dry-run writes nothing; --force replaces it.
    let edited = before.replace("Lesson Planning", "Planning Lessons");
    std::fs::write(dir.join("lesson-planning.toml"), &edited).unwrap();
    let kept = import_into(home.path(), &out, &args);
    assert!(kept.status.success());
    assert!(text(&kept.stdout).contains("keep     classroom-teaching-framework/lesson-planning.toml (edited since it was imported"), "{}", text(&kept.stdout));
    assert!(text(&kept.stderr).contains("1 file kept"));
    assert_eq!(read("lesson-planning.toml"), edited);
    let mut dry = args.clone();
    dry.extend(["--force", "--dry-run"]);
    let dry = import_into(home.path(), &out, &dry);
    assert!(
        text(&dry.stdout).contains(
            "replace  classroom-teaching-framework/lesson-planning.toml (--force; the old"
        )
    );
    assert_eq!(read("lesson-planning.toml"), edited);
    let mut force = args.clone();
    force.push("--force");
    assert!(import_into(home.path(), &out, &force).status.success());
    assert_eq!(read("lesson-planning.toml"), before);
    // The hand edit --force replaced is kept beside it, where the loader does not read it.
    let backups: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("lesson-planning.toml.replaced-"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(read(&backups[0]), edited);

    // A file cuecard import did not write is never replaced without --force.
    std::fs::write(
        dir.join("assessment-and-feedback.toml"),
        "name = \"Mine\"\n",
    )
    .unwrap();
    let kept = import_into(home.path(), &out, &args);
    assert!(text(&kept.stdout).contains("(not written by cuecard import"));
    assert_eq!(read("assessment-and-feedback.toml"), "name = \"Mine\"\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("lesson-planning.toml"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "readable only by the user");
    }
}

#[test]
fn a_bank_adds_to_the_bundled_framework_and_its_competencies() {
    let home = TempDir::new().unwrap();
    let bank = home.path().join("extra.csv");
    // One row for a bundled competency (by its name), one for a new competency, with a level
    // name of the bundled scale.
    std::fs::write(
        &bank,
        "competency,question,level,key_points\n\
         Customer Interaction,\"Tell me about a caller who would not let you finish, and what you did.\",Working experience,\"Lets the caller finish\nSummarises before answering\"\n\
         Phone Etiquette,How do you close a call that has run long?,2,\n",
    )
    .unwrap();
    let before = cuecard(home.path(), &["list", "--json"]);
    let before = parse_list(&text(&before.stdout));
    let output = cuecard(
        home.path(),
        &[
            "import",
            &bank.display().to_string(),
            "--framework",
            "customer-support",
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    assert!(
        report.starts_with("Adding to framework customer-support"),
        "{report}"
    );
    assert!(report.contains("(questions added)"), "{report}");
    // No framework.toml: the directory extends the bundled framework rather than replacing it.
    let dir = content_dir(home.path()).join("customer-support");
    assert!(!dir.join("framework.toml").exists());
    let added = std::fs::read_to_string(dir.join("customer-interaction.toml")).unwrap();
    assert!(!added.contains("name ="), "only questions: {added}");

    let validate = cuecard(home.path(), &["validate"]);
    assert!(validate.status.success(), "{}", text(&validate.stdout));
    let after = parse_list(&text(&cuecard(home.path(), &["list", "--json"]).stdout));
    assert_eq!(after.len(), before.len() + 1);
    let id = "customer-support/customer-interaction";
    assert_eq!(after[id].1, before[id].1 + 1);
    assert_eq!(after[id].0, before[id].0, "behaviors untouched");
    assert_eq!(after["customer-support/phone-etiquette"].1, 1);
}

#[test]
fn a_second_file_into_an_imported_framework_adds_to_it_and_loses_nothing() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let bank = home.path().join("questions.csv");
    std::fs::write(
        &bank,
        "competency,question,level\nData Cleaning,Tell me about the messiest data set you cleaned.,2\n\
         Data Cleaning,How do you decide what to do with missing values?,3\n",
    )
    .unwrap();
    let bank = bank.display().to_string();
    let levels = data("levels.csv");
    let import = |files: &[&str]| {
        let mut args = files.to_vec();
        args.extend(["--framework", "data"]);
        let output = import_into(home.path(), &out, &args);
        assert!(output.status.success(), "{}", text(&output.stderr));
        text(&output.stdout)
    };
    import(&[&levels]);
    let report = import(&[&bank]);
    assert!(
        report.contains("(with what levels.csv gave it)"),
        "{report}"
    );
    let list = listed(home.path(), &out);
    assert_eq!(
        list["data/data-cleaning"],
        (vec![2, 3, 1, 2], 2),
        "behaviors and questions"
    );
    assert_eq!(list.len(), 7, "the levels table's other competencies stay");
    // Importing either again keeps the other's part; so does the other order.
    import(&[&levels]);
    import(&[&bank]);
    assert_eq!(
        listed(home.path(), &out)["data/data-cleaning"],
        (vec![2, 3, 1, 2], 2)
    );
    assert_valid(home.path(), &out);
    let library = library_in(&out);
    assert_eq!(
        library.framework("data").unwrap().levels,
        ["Level 1", "Level 2", "Level 3", "Level 4"]
    );

    // A file that holds two inputs' parts keeps every question it has: a row taken out of the
    // bank stays until the file is made by the bank alone (questions do not record their input).
    std::fs::write(
        &bank,
        "competency,question,level\nData Cleaning,Tell me about the messiest data set you cleaned.,2\n",
    )
    .unwrap();
    import(&[&bank]);
    assert_eq!(
        listed(home.path(), &out)["data/data-cleaning"].1,
        2,
        "merged: nothing removed from another input's file"
    );

    // A scale that differs from the framework's is refused, naming both.
    let other = home.path().join("other.md");
    std::fs::write(
        &other,
        "# Data\nLevels: A, B\n\n## Data Cleaning\n### A\n- x.\n",
    )
    .unwrap();
    let output = import_into(
        home.path(),
        &out,
        &[&other.display().to_string(), "--framework", "data"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr)
            .contains("has the levels Level 1, Level 2, Level 3, Level 4 (imported from"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_competency_renamed_in_the_spreadsheet_leaves_its_old_file_named_not_deleted() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let bank = home.path().join("bank.csv");
    let write = |name: &str| {
        std::fs::write(
            &bank,
            format!("competency,question\n{name},Why does it matter?\n"),
        )
        .unwrap();
    };
    write("Tech Leadership");
    let args = [bank.display().to_string()];
    let run = || {
        let output = import_into(home.path(), &out, &[&args[0], "--levels", "Low,High"]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        text(&output.stdout)
    };
    run();
    write("Technical Leadership");
    let report = run();
    assert!(
        report.contains("gone     bank/tech-leadership.toml (no longer in the input"),
        "{report}"
    );
    assert!(
        out.join("bank/tech-leadership.toml").exists(),
        "never deleted"
    );
}

#[test]
fn question_ids_follow_the_text_not_the_row_order() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let bank = home.path().join("bank.csv");
    let a = "Tell me about a time you had to say no to a customer.";
    let b = "Tell me about a time you had to say no to your manager.";
    let ids = |first: &str, second: &str| {
        std::fs::write(
            &bank,
            format!("competency,question\nC,{first}\nC,{second}\n"),
        )
        .unwrap();
        let output = import_into(
            home.path(),
            &out,
            &[&bank.display().to_string(), "--levels", "Low,High"],
        );
        assert!(output.status.success(), "{}", text(&output.stderr));
        let library = library_in(&out);
        let competency = library.competency("bank/c").unwrap();
        competency
            .questions
            .iter()
            .map(|q| (q.text.clone(), q.id.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    let forward = ids(a, b);
    let backward = ids(b, a);
    assert_eq!(forward, backward);
    assert_ne!(forward[a], forward[b]);
}

#[test]
fn a_page_copied_from_a_list_without_full_stops_keeps_its_behaviors_and_questions() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let page = home.path().join("code-quality.txt");
    std::fs::write(
        &page,
        "Skip to main content\nHome > Skills > Engineering\n\nCode Quality\n\n\
         Writing code that others can read, change and trust.\n\n\
         Proficiency Level 1 - Foundational\nWrites readable functions with meaningful names\n\
         Runs the linter before asking for review\n\
         Proficiency Level 2 – Skilled\nRefactors code they touch\nWrites tests for the edge cases\n\n\
         Interview Questions\nHow do you decide a function is too long?\n\
         Tell me about a refactoring you stopped halfway. Why?\n\
         Was this page helpful?\nRelated competencies\n© 2026 Skills Hub\n",
    )
    .unwrap();
    let output = import_into(home.path(), &out, &[&page.display().to_string()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let list = listed(home.path(), &out);
    assert_eq!(
        list["code-quality/code-quality"],
        (vec![2, 2], 2),
        "{list:?}"
    );
}

#[test]
fn a_semicolon_csv_with_a_notes_column_imports_and_says_what_it_left_out() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("out");
    let bank = home.path().join("bank.csv");
    std::fs::write(
        &bank,
        "Competency;Question;Level;Notes\nPlanning;\"How do you plan a week; what goes first?\";1;ask in round 2\n",
    )
    .unwrap();
    let output = import_into(
        home.path(),
        &out,
        &[&bank.display().to_string(), "--levels", "Low,High"],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let err = text(&output.stderr);
    assert!(
        err.contains("bank.csv:1: column `Notes` is not imported"),
        "{err}"
    );
    let library = library_in(&out);
    let question = &library.competency("bank/planning").unwrap().questions[0];
    assert_eq!(question.text, "How do you plan a week; what goes first?");
    assert_eq!(question.level, Some(1));
}

mod never_panics {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Whatever a file holds, reading it gives a draft or located problems, never a panic.
        #[test]
        fn any_text_in_any_format(text in "(?s)[ -~\n\t\"#,;:İéЖ漢\u{FEFF}•–-]{0,400}") {
            for name in ["x.csv", "x.tsv", "x.md", "x.txt"] {
                let _ = cuecard::content::import::read(&[(name.to_string(), text.as_bytes().to_vec())]);
            }
        }

        /// Lines shaped like the formats' own, jumbled.
        #[test]
        fn jumbled_structure(lines in proptest::collection::vec(prop_oneof![
            Just("# Title".to_string()), Just("## Comp".to_string()), Just("### Level 2: X".to_string()),
            Just("### Questions".to_string()), Just("- a".to_string()), Just("  - Follow-up: b".to_string()),
            Just("Levels: A, B".to_string()), Just("Proficiency Level 1 - Basic".to_string()),
            Just("Level 3: Advanced".to_string()), Just("Interview Questions".to_string()),
            Just("  • Why?".to_string()), Just("competency,question,level".to_string()),
            Just("\"a,b\",\"c\nd\",2".to_string()), Just(String::new()), ".{0,20}",
        ], 0..40)) {
            let text = lines.join("\n");
            for name in ["x.csv", "x.md", "x.txt"] {
                let (draft, _) =
                    cuecard::content::import::read(&[(name.to_string(), text.as_bytes().to_vec())]);
                // And fitting what was read to a framework never panics either.
                let options = cuecard::content::import::ImportOptions {
                    levels: Some(vec!["A".into(), "B".into()]),
                    out: std::env::temp_dir().join("cuecard-never-written"),
                    inputs: vec![name.to_string()],
                    ..Default::default()
                };
                let empty = cuecard::content::Library::default();
                let _ = cuecard::content::import::plan(&draft, &options, &empty, &empty);
            }
        }
    }
}
