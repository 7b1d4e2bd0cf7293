//! What documents cuecard outside it: `--version`, `completions SHELL`, `man` and `man --dir`.

use std::path::Path;
use std::process::{Command, Output};

use clap::CommandFactory;
use cuecard::cli::Cli;
use tempfile::TempDir;

fn cuecard(args: &[&str]) -> Output {
    let home = TempDir::new().unwrap();
    Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(args)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_CACHE_HOME", home.path())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Every subcommand of `cuecard` (clap's own `help` aside), read from the definition so that a
/// new command is checked without touching this file.
fn subcommands() -> Vec<String> {
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    assert!(names.len() >= 14, "{names:?}");
    for name in ["export-deck", "completions", "man", "import"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    names
}

/// Whether `program` is on the PATH.
fn found(program: &str) -> bool {
    Command::new("which")
        .arg(program)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn version_gives_the_bundled_contents_counts() {
    let output = cuecard(&["--version"]);
    assert!(output.status.success());
    let counts = cuecard::content::load(&[cuecard::content::ContentSource::Bundled])
        .library
        .counts();
    assert_eq!(
        stdout(&output),
        format!(
            "cuecard {} (bundled content: {} frameworks, {} competencies, {} questions)\n",
            env!("CARGO_PKG_VERSION"),
            counts.frameworks,
            counts.competencies,
            counts.questions
        )
    );
    assert!(counts.frameworks >= 2 && counts.competencies >= 13 && counts.questions >= 63);
}

#[test]
fn the_bash_script_parses() {
    if !found("bash") {
        eprintln!("skipped: no bash on the PATH to check the script with `bash -n`");
        return;
    }
    let output = cuecard(&["completions", "bash"]);
    assert!(output.status.success());
    let dir = TempDir::new().unwrap();
    let script = dir.path().join("cuecard.bash");
    std::fs::write(&script, &output.stdout).unwrap();
    let check = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let text = stdout(&output);
    assert!(text.contains("complete -F"), "{text}");
    for name in subcommands() {
        assert!(text.contains(&name), "bash script lacks {name}");
    }
}

#[test]
fn every_other_shell_gets_a_script_naming_each_subcommand() {
    let names = subcommands();
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let output = cuecard(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        let text = stdout(&output);
        assert!(!text.trim().is_empty(), "{shell}: empty");
        for name in &names {
            assert!(text.contains(name.as_str()), "{shell} script lacks {name}");
        }
    }
    let output = cuecard(&["completions", "tcsh"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("possible values"));
}

#[test]
fn the_man_page_lists_every_subcommand() {
    let output = cuecard(&["man"]);
    assert!(output.status.success());
    // roff writes `-` as `\-`.
    let roff = stdout(&output).replace("\\-", "-");
    assert!(roff.contains(".TH cuecard 1"), "{roff}");
    let subcommands_section = roff
        .split(".SH SUBCOMMANDS")
        .nth(1)
        .expect("a SUBCOMMANDS section");
    for name in subcommands() {
        assert!(
            subcommands_section.contains(&format!("cuecard-{name}(1)")),
            "no entry for {name} in\n{subcommands_section}"
        );
    }
    assert!(
        output.stdout.is_ascii(),
        "other characters are roff escapes"
    );
    let dir = TempDir::new().unwrap();
    let page = dir.path().join("cuecard.1");
    std::fs::write(&page, &output.stdout).unwrap();
    renders(&page);
}

#[test]
fn man_dir_writes_a_page_per_command_and_subcommand() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("man1");
    let output = cuecard(&["man", "--dir", out.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut expected = vec!["cuecard.1".to_string()];
    expected.extend(subcommands().iter().map(|n| format!("cuecard-{n}.1")));
    expected.extend(
        [
            "cuecard-sessions-delete.1",
            "cuecard-new-framework.1",
            "cuecard-new-competency.1",
            "cuecard-stories-add.1",
            "cuecard-stories-coverage.1",
            "cuecard-stories-export.1",
            "cuecard-kit-save.1",
            "cuecard-kit-show.1",
        ]
        .map(String::from),
    );
    for name in &expected {
        let page = out.join(name);
        assert!(page.is_file(), "{name} not written");
        assert!(
            stdout(&output).lines().any(|l| Path::new(l) == page),
            "{name} not printed"
        );
    }
    let written = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(written, expected.len(), "no other page (no cuecard-help.1)");
    let import = std::fs::read_to_string(out.join("cuecard-import.1")).unwrap();
    assert!(import.contains("\\-\\-dry\\-run"), "{import}");
    for name in [
        "cuecard.1",
        "cuecard-export-deck.1",
        "cuecard-sessions-delete.1",
    ] {
        renders(&out.join(name));
    }
}

#[test]
fn man_dir_says_where_it_cannot_write() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let output = cuecard(&["man", "--dir", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("cuecard man: cannot write the pages into") && message.contains("--dir"),
        "{message}"
    );
}

/// The page renders with no error or warning, with groff or man when one is installed (else the
/// check is skipped, and says why).
fn renders(page: &Path) {
    let run = if found("groff") {
        Command::new("groff")
            .args(["-man", "-Tutf8", "-ww"])
            .arg(page)
            .output()
    } else if found("man") {
        Command::new("man")
            .arg("-l")
            .arg(page)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .output()
    } else {
        eprintln!(
            "skipped rendering {}: neither groff nor man is on the PATH",
            page.display()
        );
        return;
    };
    let output = run.unwrap();
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && errors.trim().is_empty(),
        "{} does not render: {errors}",
        page.display()
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("cuecard"),
        "{} renders empty",
        page.display()
    );
}
