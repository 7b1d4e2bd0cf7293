//! Settings where people look: the configuration directory, the old place still read (and how to
//! move it said), `--data-dir` keeping a whole setup together, `cuecard config [--edit]`.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

/// cuecard with `home` as HOME and `home/.config` as XDG_CONFIG_HOME, no data dir chosen.
fn cuecard(home: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cuecard"));
    command
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env_remove("CUECARD_DATA_DIR");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("cuecard runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn settings_live_in_the_configuration_directory() {
    let home = TempDir::new().unwrap();
    let new = home.path().join(".config/cuecard/settings.toml");
    write(&new, "interviewer = \"Ada\"\n");
    let shown = stdout(&cuecard(home.path(), &[], &["config"]));
    assert!(
        shown.starts_with(&format!("settings   {}\n", new.display())),
        "{shown}"
    );
    assert!(
        shown.contains("interviewer                  \"Ada\""),
        "{shown}"
    );
    assert!(shown.contains("settings.toml"), "{shown}");
    assert!(
        shown.contains("answer_seconds               120                      default"),
        "{shown}"
    );
    // Where cuecard changes a setting itself, it changes it there.
    let output = cuecard(
        home.path(),
        &[],
        &[
            "stories",
            "add",
            "--title",
            "x",
            "--competency",
            "customer-interaction",
        ],
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("give the level"));
    write(&new, "[target_level]\ncustomer-support = 3\n");
    let output = cuecard(
        home.path(),
        &[],
        &[
            "stories",
            "add",
            "--title",
            "x",
            "--competency",
            "customer-interaction",
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_old_place_is_still_read_and_how_to_move_it_is_said() {
    let home = TempDir::new().unwrap();
    let old = home.path().join(".local/share/cuecard/settings.toml");
    write(&old, "interviewer = \"Grace\"\n");
    let shown = stdout(&cuecard(home.path(), &[], &["config"]));
    assert!(
        shown.contains("interviewer                  \"Grace\""),
        "{shown}"
    );
    assert!(
        shown.contains("note: settings are read from their old place"),
        "{shown}"
    );
    assert!(shown.contains("mv "), "{shown}");
    // Once moved (or written) where settings belong, that file wins.
    write(
        &home.path().join(".config/cuecard/settings.toml"),
        "interviewer = \"Ada\"\n",
    );
    let shown = stdout(&cuecard(home.path(), &[], &["config"]));
    assert!(
        shown.contains("\"Ada\"") && !shown.contains("note:"),
        "{shown}"
    );
}

#[test]
fn a_data_directory_chosen_keeps_its_own_settings() {
    let home = TempDir::new().unwrap();
    let data = home.path().join("elsewhere");
    write(&data.join("settings.toml"), "answer_seconds = 90\n");
    write(
        &home.path().join(".config/cuecard/settings.toml"),
        "answer_seconds = 300\n",
    );
    let dir = data.display().to_string();
    let shown = stdout(&cuecard(home.path(), &[], &["--data-dir", &dir, "config"]));
    assert!(
        shown.contains("answer_seconds               90 "),
        "{shown}"
    );
    let shown = stdout(&cuecard(
        home.path(),
        &[("CUECARD_DATA_DIR", &dir)],
        &["config"],
    ));
    assert!(
        shown.contains("answer_seconds               90 "),
        "{shown}"
    );
}

#[test]
fn a_misspelt_setting_is_named_with_a_suggestion_and_edit_starts_a_commented_file() {
    let home = TempDir::new().unwrap();
    let file = home.path().join(".config/cuecard/settings.toml");
    let output = cuecard(
        home.path(),
        &[("EDITOR", "true"), ("VISUAL", "")],
        &["config", "--edit"],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# cuecard's settings."), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0);
    }
    write(&file, "answer_second = 5\n");
    let output = cuecard(home.path(), &[], &["config"]);
    assert_eq!(output.status.code(), Some(1));
    let shown = stdout(&output);
    assert!(
        shown.contains("line 1, column 1: unknown field `answer_second`"),
        "{shown}"
    );
    assert!(
        shown.contains("(did you mean `answer_seconds`?)"),
        "{shown}"
    );
}

#[test]
fn config_refuses_the_colours_and_keys_the_app_would_refuse() {
    let home = TempDir::new().unwrap();
    let file = home.path().join(".config/cuecard/settings.toml");
    write(
        &file,
        "[theme]\naccent = \"orangeish\"\n[keys.browser]\nquit = \"r\"\nrehearse = \"R\"\n",
    );
    let output = cuecard(home.path(), &[], &["config"]);
    assert_eq!(output.status.code(), Some(1));
    let shown = stdout(&output);
    assert!(
        shown.contains("[theme] accent = \"orangeish\" is no colour"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "settings.toml:4: [keys.browser] quit = \"r\": that key already does rehearse"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("keys.browser.rehearse"),
        "the keys in force are listed: {shown}"
    );
    // A number out of range says where, plainly.
    write(&file, "answer_seconds = 5\n");
    let shown = stdout(&cuecard(home.path(), &[], &["config"]));
    assert!(
        shown.contains("line 1, column 18: `answer_seconds` = 5 is out of range: 10 to 3600"),
        "{shown}"
    );
}
