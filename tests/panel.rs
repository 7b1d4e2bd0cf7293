//! The hiring panel on a team folder: scorecards submitted (locked, amended as new versions),
//! hidden from colleagues until theirs is in, the debrief's matrix and flags, calibration figures
//! worked by hand, the comparison, and erasure reaching the team folder.
//!
//! `tests/fixtures/team` holds three interviewers (Ada, Bo, Cy) and three candidates; Bo amended
//! his scorecard of Jane (version 2 lowers Customer interaction from 2 to 1 and says no), and
//! `li-wei/draft.json` is not a scorecard.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn cuecard(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env_remove("CUECARD_DATA_DIR")
        .env_remove("CUECARD_TEAM_DIR")
        .output()
        .expect("cuecard runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `cuecard --team-dir TEAM ARGS…`, with HOME a fresh directory.
fn on_team(team: &Path, args: &[&str]) -> Output {
    let home = TempDir::new().unwrap();
    let team = team.display().to_string();
    let mut all = vec!["--team-dir", team.as_str()];
    all.extend_from_slice(args);
    cuecard(home.path(), &all)
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

#[test]
fn the_debrief_lays_out_each_competency_by_interviewer_with_its_flags() {
    let team = fixture("team");
    let output = on_team(
        &team,
        &["debrief", "JANE  doe", "--interviewer", "ada", "--json"],
    );
    let debrief = json(&output);
    assert_eq!(debrief["candidate"], "Jane Doe");
    let competencies = debrief["competencies"].as_array().unwrap();
    let interaction = &competencies[0];
    assert_eq!(
        interaction["competency"],
        "customer-support/customer-interaction"
    );
    // Bo's amendment (version 2) counts, not his first version.
    assert_eq!(
        interaction["ratings"],
        serde_json::json!({"Ada": 3, "Bo": 1, "Cy": 3})
    );
    assert_eq!(interaction["spread"], 2);
    assert_eq!(interaction["mixed"], true);
    let privacy = &competencies[1];
    assert_eq!(privacy["spread"], 1);
    assert_eq!(privacy["mixed"], false);
    assert_eq!(
        debrief["unrated"],
        serde_json::json!(["customer-support/service-management"])
    );
    assert_eq!(
        debrief["recommendations"],
        serde_json::json!({"yes": 2, "no": 1})
    );
    let repeated: Vec<&str> = debrief["repeated_questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["question"].as_str().unwrap())
        .collect();
    assert_eq!(
        repeated,
        [
            "customer-support/customer-interaction/difficult-customer",
            "service-capabilities/data-privacy/breach-response"
        ]
    );
    // The file that is not a scorecard is named, and left out.
    assert!(
        text(&output.stderr).contains("draft.json"),
        "{}",
        text(&output.stderr)
    );

    let shown = on_team(&team, &["debrief", "Jane Doe", "--interviewer", "Ada"]);
    let out = text(&shown.stdout);
    assert!(out.contains("MIXED"), "{out}");
    assert!(
        out.contains("1 · Basic understanding"),
        "level names beside levels: {out}"
    );
    assert!(
        out.contains("Nobody rated: Customer Service Management"),
        "{out}"
    );
    assert!(out.contains("Recommendations: no 1 · yes 2"), "{out}");
    assert!(
        out.contains("Bo (amended: version 2)"),
        "an amendment is shown: {out}"
    );
}

#[test]
fn colleagues_scorecards_stay_hidden_until_yours_is_submitted() {
    let team = fixture("team");
    // Cy interviewed Jane only.
    let refused = on_team(&team, &["debrief", "Li Wei", "--interviewer", "Cy"]);
    assert_eq!(refused.status.code(), Some(3));
    assert!(refused.stdout.is_empty(), "nothing of others shown");
    assert!(
        text(&refused.stderr).contains("not submitted"),
        "{}",
        text(&refused.stderr)
    );
    let manager = on_team(&team, &["debrief", "Li Wei", "--facilitator"]);
    assert!(manager.status.success(), "{}", text(&manager.stderr));
    assert!(text(&manager.stdout).contains("as facilitator"));
    let manager = json(&on_team(
        &team,
        &["debrief", "Li Wei", "--facilitator", "--json"],
    ));
    assert_eq!(manager["facilitator"], true, "recorded in the output");

    // Comparison and calibration leave out what Cy may not see, and say so.
    let compare = json(&on_team(
        &team,
        &["compare", "--interviewer", "cy", "--json"],
    ));
    let names: Vec<&str> = compare["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["candidate"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Jane Doe"]);
    assert_eq!(
        compare["hidden_candidates"],
        serde_json::json!(["Li Wei", "Omar Haddad"])
    );
    let calibration = json(&on_team(
        &team,
        &["calibration", "--interviewer", "Cy", "--json"],
    ));
    assert_eq!(calibration["candidates"], 1);
    assert_eq!(
        calibration["hidden_candidates"],
        serde_json::json!(["Li Wei", "Omar Haddad"])
    );

    // Without a name, the command says how to give one.
    let nobody = on_team(&team, &["debrief", "Jane Doe"]);
    assert_eq!(nobody.status.code(), Some(2));
    assert!(text(&nobody.stderr).contains("--interviewer NAME"));
    assert!(text(&nobody.stderr).contains("interviewer = "));
}

#[test]
fn calibration_figures_match_the_hand_worked_ones() {
    let calibration = json(&on_team(
        &fixture("team"),
        &["calibration", "--facilitator", "--json"],
    ));
    assert_eq!(calibration["candidates"], 3);
    assert_eq!(calibration["shared_items"], 8);
    let rater = |name: &str| {
        calibration["interviewers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["interviewer"] == name)
            .unwrap()
            .clone()
    };
    // Ada against the others' mean on each of her 8 shared items:
    // +1 −0.5 0 +1 0 +1 0 0 = 2.5, / 8. Ten comparisons: 6 equal, 9 within one.
    let ada = rater("Ada");
    assert_eq!(ada["ratings"], 8);
    assert!(close(&ada["leniency"], 2.5 / 8.0), "{ada}");
    assert!(close(&ada["exact_agreement"], 0.6), "{ada}");
    assert!(close(&ada["within_one"], 0.9), "{ada}");
    // Bo: −2 −0.5 0 −1 0 −1 0 0 = −4.5, / 8; 5 of 10 equal, 8 within one.
    let bo = rater("Bo");
    assert!(close(&bo["leniency"], -4.5 / 8.0), "{bo}");
    assert!(close(&bo["exact_agreement"], 0.5), "{bo}");
    assert!(close(&bo["within_one"], 0.8), "{bo}");
    // Cy: +1 on both of Jane's; 1 of 4 comparisons equal, 3 within one.
    let cy = rater("Cy");
    assert!(close(&cy["leniency"], 1.0), "{cy}");
    assert!(close(&cy["exact_agreement"], 0.25), "{cy}");

    let pair = |a: &str, b: &str| {
        calibration["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["a"] == a && p["b"] == b)
            .unwrap()
            .clone()
    };
    // Ada and Bo share 8 items: kappa 1 − 48/86 (worked in the unit test of the statistic).
    let ada_bo = pair("Ada", "Bo");
    assert_eq!(ada_bo["n"], 8);
    assert!(close(&ada_bo["kappa"], 38.0 / 86.0), "{ada_bo}");
    let ada_cy = pair("Ada", "Cy");
    assert_eq!(ada_cy["n"], 2);
    assert!(ada_cy["kappa"].is_null());
    assert!(ada_cy["note"].as_str().unwrap().contains("needs 5"));

    let shown = text(&on_team(&fixture("team"), &["calibration", "--facilitator"]).stdout);
    assert!(shown.contains("kappa 0.44"), "{shown}");
    assert!(shown.contains("+0.31"), "{shown}");
}

#[test]
fn calibration_says_plainly_when_there_is_too_little_data() {
    let team = TempDir::new().unwrap();
    let dir = team.path().join("scorecards/jane-doe");
    fs::create_dir_all(&dir).unwrap();
    fs::copy(
        fixture("team/scorecards/jane-doe/20261120-1000-jane-doe-ada.json"),
        dir.join("20261120-1000-jane-doe-ada.json"),
    )
    .unwrap();
    let output = on_team(team.path(), &["calibration", "--interviewer", "Ada"]);
    assert!(output.status.success());
    assert!(
        text(&output.stdout).contains("Too little data"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn compare_shows_each_candidates_median_and_spread_for_a_role() {
    let compare = json(&on_team(
        &fixture("team"),
        &["compare", "--role", "LEAD", "--facilitator", "--json"],
    ));
    let rows = compare["candidates"].as_array().unwrap();
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["candidate"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Jane Doe", "Omar Haddad"], "Li Wei is an analyst");
    let omar = &rows[1];
    let privacy = omar["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["competency"] == "service-capabilities/data-privacy")
        .unwrap();
    assert!(close(&privacy["median"], 1.5), "{privacy}");
    assert_eq!(privacy["spread"], 1);
    assert_eq!(
        omar["recommendations"],
        serde_json::json!({"yes": 1, "strong yes": 1})
    );
    let shown = text(&on_team(&fixture("team"), &["compare", "--facilitator"]).stdout);
    assert!(
        shown.contains("███████· 3.5"),
        "Li Wei's 4 and 3 as a bar: {shown}"
    );
}

/// A data directory of `interviewer`'s, holding the fixture's interview of Jane Doe.
fn interviewer_data(home: &Path, interviewer: &str, level: i64) -> PathBuf {
    let data = home.join(interviewer);
    fs::create_dir_all(data.join("sessions")).unwrap();
    let source = fixture("data/sessions/20261123-1400-jane-doe.toml");
    let mut session: toml::Table = fs::read_to_string(source).unwrap().parse().unwrap();
    session.insert("interviewer".into(), interviewer.into());
    set_first_level(&mut session, level);
    // A note set aside, half typed, on a question not asked.
    session["questions"].as_array_mut().unwrap()[1]
        .as_table_mut()
        .unwrap()
        .insert("draft".into(), "half-typed aside".into());
    // With --data-dir the settings are beside the data: each interviewer names themself there.
    fs::write(
        data.join("settings.toml"),
        format!("interviewer = \"{interviewer}\"\n"),
    )
    .unwrap();
    fs::write(
        data.join("sessions/20261123-1400-jane-doe.toml"),
        toml::to_string(&session).unwrap(),
    )
    .unwrap();
    data
}

fn set_first_level(session: &mut toml::Table, level: i64) {
    session["ratings"].as_array_mut().unwrap()[0]
        .as_table_mut()
        .unwrap()
        .insert("level".into(), level.into());
}

#[test]
fn a_submitted_scorecard_is_locked_and_an_amendment_keeps_the_first_version() {
    let home = TempDir::new().unwrap();
    let team = home.path().join("team");
    fs::create_dir_all(&team).unwrap();
    let team_arg = team.display().to_string();
    let ada = interviewer_data(home.path(), "Ada", 3);
    let bo = interviewer_data(home.path(), "Bo", 1);
    let run = |data: &Path, args: &[&str]| {
        let data = data.display().to_string();
        let mut all = vec!["--data-dir", data.as_str(), "--team-dir", team_arg.as_str()];
        all.extend_from_slice(args);
        cuecard(home.path(), &all)
    };

    let submitted = run(&ada, &["submit", "jane"]);
    assert!(submitted.status.success(), "{}", text(&submitted.stderr));
    let first = team.join("scorecards/jane-doe/20261123-1400-jane-doe-ada.json");
    assert!(text(&submitted.stdout).contains(&first.display().to_string()));
    assert!(
        text(&submitted.stdout).contains("team folder"),
        "says who can read it"
    );
    let card: Value = serde_json::from_str(&fs::read_to_string(&first).unwrap()).unwrap();
    assert_eq!(card["interviewer"], "Ada");
    assert_eq!(card["version"], 1);
    assert!(card["submitted_at"].as_str().is_some_and(|s| s.len() >= 20));
    // The export's shape: everything `export --format json` prints is there.
    let export = run(&ada, &["export", "jane", "--format", "json"]);
    let export: Value = serde_json::from_slice(&export.stdout).unwrap();
    for key in export.as_object().unwrap().keys() {
        assert!(
            card.get(key).is_some(),
            "{key} missing from the submitted card"
        );
    }
    let session_file = ada.join("sessions/20261123-1400-jane-doe.toml");
    let session: toml::Table = fs::read_to_string(&session_file).unwrap().parse().unwrap();
    assert_eq!(session["submitted"]["version"].as_integer(), Some(1));

    // Bo has not submitted: Ada's ratings stay hidden from him.
    let early = run(&bo, &["debrief", "Jane Doe"]);
    assert_eq!(early.status.code(), Some(3), "{}", text(&early.stderr));

    let again = run(&ada, &["submit", "jane"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("--amend"),
        "{}",
        text(&again.stderr)
    );
    let unchanged = run(&ada, &["submit", "--amend", "jane"]);
    assert!(unchanged.status.success());
    assert!(text(&unchanged.stdout).contains("nothing changed"));

    // Ada changes her mind (the app unlocks the ratings for it); the amendment is version 2.
    assert!(
        !fs::read_to_string(&first).unwrap().contains("\"draft\""),
        "a draft stays the interviewer's"
    );
    let first_bytes = fs::read(&first).unwrap();
    let mut session: toml::Table = fs::read_to_string(&session_file).unwrap().parse().unwrap();
    set_first_level(&mut session, 4);
    fs::write(&session_file, toml::to_string(&session).unwrap()).unwrap();
    let amended = run(&ada, &["submit", "--amend", "jane"]);
    assert!(amended.status.success(), "{}", text(&amended.stderr));
    let second = team.join("scorecards/jane-doe/20261123-1400-jane-doe-ada.v2.json");
    assert!(text(&amended.stdout).contains("version 2"));
    assert_eq!(
        fs::read(&first).unwrap(),
        first_bytes,
        "the first version is kept as it was"
    );
    let card: Value = serde_json::from_str(&fs::read_to_string(&second).unwrap()).unwrap();
    assert_eq!(card["version"], 2);

    let bo_submits = run(&bo, &["submit", "jane"]);
    assert!(bo_submits.status.success(), "{}", text(&bo_submits.stderr));
    let debrief = run(&bo, &["debrief", "jane doe", "--json"]);
    let debrief: Value = serde_json::from_slice(&debrief.stdout).unwrap();
    assert_eq!(
        debrief["competencies"][0]["ratings"],
        serde_json::json!({"Ada": 4, "Bo": 1}),
        "Ada's amendment counts"
    );
    assert_eq!(debrief["competencies"][0]["mixed"], true);

    // Erasure: Ada's own session and every file of Jane's in the team folder, each listed.
    let other = team.join("scorecards/li-wei");
    fs::create_dir_all(&other).unwrap();
    fs::copy(
        fixture("team/scorecards/li-wei/20261118-0900-li-wei-ada.json"),
        other.join("20261118-0900-li-wei-ada.json"),
    )
    .unwrap();
    let erased = run(
        &ada,
        &[
            "sessions",
            "delete",
            "--candidate",
            "jane doe",
            "--team",
            "--yes",
        ],
    );
    assert!(erased.status.success(), "{}", text(&erased.stderr));
    let listed = text(&erased.stdout);
    for path in [
        session_file.clone(),
        first.clone(),
        second,
        team.join("scorecards/jane-doe/20261123-1400-jane-doe-bo.json"),
    ] {
        assert!(
            listed.contains(&path.display().to_string()),
            "{path:?} in {listed}"
        );
        assert!(!path.exists(), "{path:?} removed");
    }
    assert!(!team.join("scorecards/jane-doe").exists());
    assert!(
        other.join("20261118-0900-li-wei-ada.json").exists(),
        "others kept"
    );
    // Bo's own data is his: the team folder no longer has Jane, his session is still his.
    assert!(bo.join("sessions/20261123-1400-jane-doe.toml").exists());
}

#[test]
fn team_commands_without_a_team_folder_say_how_to_set_one() {
    let home = TempDir::new().unwrap();
    for args in [
        &["submit", "jane"][..],
        &["debrief", "Jane"],
        &["calibration"],
        &["compare"],
    ] {
        let output = cuecard(home.path(), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(text(&output.stderr).contains("--team-dir DIR"), "{args:?}");
    }
}

#[test]
fn nothing_rated_and_mock_interviews_are_not_submitted() {
    let home = TempDir::new().unwrap();
    let team = home.path().join("team");
    fs::create_dir_all(&team).unwrap();
    let data = interviewer_data(home.path(), "Ada", 3);
    let file = data.join("sessions/20261123-1400-jane-doe.toml");
    let mut session: toml::Table = fs::read_to_string(&file).unwrap().parse().unwrap();
    for rating in session["ratings"].as_array_mut().unwrap() {
        rating.as_table_mut().unwrap().remove("level");
    }
    fs::write(&file, toml::to_string(&session).unwrap()).unwrap();
    let args = |data: &Path| {
        vec![
            "--data-dir".to_string(),
            data.display().to_string(),
            "--team-dir".to_string(),
            team.display().to_string(),
            "submit".to_string(),
            "jane".to_string(),
        ]
    };
    let args = args(&data);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = cuecard(home.path(), &args);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("nothing is rated"));
    session.insert("kind".into(), "mock".into());
    set_first_level(&mut session, 2);
    fs::write(&file, toml::to_string(&session).unwrap()).unwrap();
    let output = cuecard(home.path(), &args);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("mock"));
    assert!(!team.join("scorecards").exists(), "nothing written");
}

/// A scorecard of `candidate` by `interviewer` (the fixture's Ada on Jane, renamed) in the team
/// folder, where cuecard would put it.
fn card_of(team: &Path, candidate: &str, interviewer: &str, level: u64) -> PathBuf {
    let mut card: Value = serde_json::from_str(
        &fs::read_to_string(fixture(
            "team/scorecards/jane-doe/20261120-1000-jane-doe-ada.json",
        ))
        .unwrap(),
    )
    .unwrap();
    card["candidate"] = candidate.into();
    card["interviewer"] = interviewer.into();
    card["ratings"][0]["level"] = level.into();
    let dir = team
        .join("scorecards")
        .join(cuecard::interview::panel::candidate_folder(candidate));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!(
        "20261120-1000-{}-{}.json",
        dir.file_name().unwrap().to_string_lossy(),
        interviewer.to_lowercase()
    ));
    fs::write(&path, card.to_string()).unwrap();
    path
}

#[test]
fn two_candidates_whose_names_transliterate_alike_stay_apart() {
    let team = TempDir::new().unwrap();
    let carmens = card_of(team.path(), "王伟", "Carmen", 3);
    let bens = card_of(team.path(), "汪伟", "Ben", 1);
    assert_ne!(carmens.parent(), bens.parent(), "two folders");
    let debrief = json(&on_team(
        team.path(),
        &["debrief", "王伟", "--interviewer", "Carmen", "--json"],
    ));
    assert_eq!(debrief["candidate"], "王伟");
    assert_eq!(debrief["interviewers"], serde_json::json!(["Carmen"]));
    // Written alike but for accents: another person, and a hint.
    let alike = card_of(team.path(), "Sofia Álvarez", "Carmen", 2);
    let hint = on_team(
        team.path(),
        &["debrief", "sofia alvarez", "--interviewer", "Carmen"],
    );
    assert_eq!(hint.status.code(), Some(1));
    assert!(
        text(&hint.stderr).contains("did you mean Sofia Álvarez?"),
        "{}",
        text(&hint.stderr)
    );
    fs::remove_file(alike).unwrap();
    // Carmen never interviewed 汪伟: Ben's rating stays hidden from her.
    let other = on_team(team.path(), &["debrief", "汪伟", "--interviewer", "Carmen"]);
    assert_eq!(other.status.code(), Some(3));
    let home = TempDir::new().unwrap();
    let team_arg = team.path().display().to_string();
    let data = home.path().join("data").display().to_string();
    let erased = cuecard(
        home.path(),
        &[
            "--data-dir",
            &data,
            "--team-dir",
            &team_arg,
            "sessions",
            "delete",
            "--candidate",
            "王伟",
            "--team",
            "--yes",
        ],
    );
    assert!(erased.status.success(), "{}", text(&erased.stderr));
    assert!(!carmens.exists());
    assert!(bens.exists(), "the other candidate's scorecard is kept");
    assert!(text(&erased.stdout).contains("colleagues' own data directories"));
}

#[test]
fn a_team_folder_that_is_not_there_is_said_and_never_made() {
    let home = TempDir::new().unwrap();
    let missing = home.path().join("teem");
    for args in [
        &["debrief", "Jane", "--facilitator"][..],
        &["compare", "--facilitator"],
        &["kits"],
    ] {
        let output = on_team(&missing, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let said = text(&output.stderr);
        assert!(
            said.contains("teem") && said.contains("is not there"),
            "{said}"
        );
    }
    let data = interviewer_data(home.path(), "Ada", 3);
    let output = cuecard(
        home.path(),
        &[
            "--data-dir",
            &data.display().to_string(),
            "--team-dir",
            &missing.display().to_string(),
            "submit",
            "jane",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(!missing.exists(), "nothing made at a mistyped path");
    let session = fs::read_to_string(data.join("sessions/20261123-1400-jane-doe.toml")).unwrap();
    assert!(!session.contains("[submitted]"), "not marked submitted");
}

#[test]
fn a_scorecard_submitted_to_another_folder_is_said_and_can_be_submitted_here() {
    let home = TempDir::new().unwrap();
    let (first, second) = (home.path().join("old-team"), home.path().join("team"));
    fs::create_dir_all(&first).unwrap();
    fs::create_dir_all(&second).unwrap();
    let data = interviewer_data(home.path(), "Ada", 3);
    let submit = |team: &Path, amend: bool| {
        let data = data.display().to_string();
        let team = team.display().to_string();
        let mut args = vec!["--data-dir", &data, "--team-dir", &team, "submit", "jane"];
        if amend {
            args.push("--amend");
        }
        cuecard(home.path(), &args)
    };
    assert!(submit(&first, false).status.success());
    let here = submit(&second, false);
    assert_eq!(here.status.code(), Some(1));
    assert!(
        text(&here.stderr).contains("not to this team folder"),
        "{}",
        text(&here.stderr)
    );
    let amended = submit(&second, true);
    assert!(amended.status.success(), "{}", text(&amended.stderr));
    assert!(
        text(&amended.stdout).contains("version 2"),
        "{}",
        text(&amended.stdout)
    );
    assert!(
        second
            .join("scorecards/jane-doe/20261123-1400-jane-doe-ada.v2.json")
            .exists()
    );
}
