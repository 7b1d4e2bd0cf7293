//! Interview kits in a team folder: a session's plan saved as a kit (no candidate data), listed,
//! shown, and an interview started from it with what the content lost left out and said.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

fn fixture_data() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/data")
        .display()
        .to_string()
}

fn cuecard(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".config"))
        .env_remove("CUECARD_DATA_DIR")
        .env_remove("CUECARD_TEAM_DIR")
        .output()
        .expect("cuecard runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_sessions_plan_becomes_a_kit_the_panel_lists_and_reads() {
    let home = TempDir::new().unwrap();
    let team = home.path().join("team");
    std::fs::create_dir_all(&team).unwrap();
    let team_arg = team.display().to_string();
    let data = fixture_data();
    let saved = cuecard(
        home.path(),
        &[
            "--data-dir",
            &data,
            "--team-dir",
            &team_arg,
            "kit",
            "save",
            "jane",
            "Support lead onsite",
            "--instructions",
            "Policy depth is the next stage's",
        ],
    );
    assert!(saved.status.success(), "{}", text(&saved.stderr));
    let path = team.join("kits/support-lead-onsite.toml");
    assert_eq!(text(&saved.stdout).trim(), path.display().to_string());
    let kit = std::fs::read_to_string(&path).unwrap();
    assert!(!kit.contains("Jane"), "no candidate data in a kit: {kit}");
    assert!(
        kit.contains("customer-support/customer-interaction/difficult-customer"),
        "{kit}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_ne!(
            mode & 0o044,
            0,
            "readable by the team as the folder allows: {mode:o}"
        );
    }
    // Never over another kit of that name without --replace.
    let again = cuecard(
        home.path(),
        &[
            "--data-dir",
            &data,
            "--team-dir",
            &team_arg,
            "kit",
            "save",
            "jane",
            "Support lead onsite",
        ],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("a kit of that name exists"));

    let listed = cuecard(home.path(), &["--team-dir", &team_arg, "kits"]);
    assert_eq!(
        text(&listed.stdout),
        "Support lead onsite\tSupport team lead\t\t3\t3 questions\t30 min\n"
    );
    let json = text(&cuecard(home.path(), &["--team-dir", &team_arg, "kits", "--json"]).stdout);
    assert!(json.contains(r#""name":"Support lead onsite""#), "{json}");

    // A question the content no longer has is named, and left out when it starts.
    let edited = kit.replace(
        "customer-support/customer-interaction/channel-scenarios",
        "customer-support/customer-interaction/retired",
    );
    std::fs::write(&path, edited).unwrap();
    let shown = text(
        &cuecard(
            home.path(),
            &[
                "--team-dir",
                &team_arg,
                "kit",
                "show",
                "support LEAD onsite",
            ],
        )
        .stdout,
    );
    assert!(shown.starts_with("Support lead onsite\nrole: Support team lead\nlevel: 3 · 30 minutes\ninstructions: Policy depth"), "{shown}");
    assert!(
        shown.contains("customer-support/customer-interaction/retired  (no longer in the content"),
        "{shown}"
    );
}

#[test]
fn without_a_team_folder_the_commands_say_how_to_set_one() {
    let home = TempDir::new().unwrap();
    let output = cuecard(home.path(), &["kits"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("--team-dir DIR, CUECARD_TEAM_DIR, or team_dir"),
        "{}",
        text(&output.stderr)
    );
    // team_dir in the settings is one way.
    std::fs::create_dir_all(home.path().join("team")).unwrap();
    let settings = home.path().join(".config/cuecard/settings.toml");
    std::fs::create_dir_all(settings.parent().unwrap()).unwrap();
    std::fs::write(
        &settings,
        format!(
            "team_dir = {:?}\n",
            home.path().join("team").display().to_string()
        ),
    )
    .unwrap();
    let output = cuecard(home.path(), &["kits"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("no kits yet"));
}
