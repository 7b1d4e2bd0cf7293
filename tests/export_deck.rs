//! `cuecard export-deck`: the Anki file of a small content directory of our own
//! (`tests/data/deck/`), against golden files (`tests/data/deck-golden/`); its headers, escaping,
//! notes, and refusals.
//!
//! `UPDATE_GOLDEN=1 cargo test --test export_deck` rewrites the golden files; read the diff.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::cuecard;
use tempfile::TempDir;

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/deck")
}

fn export(data: &Path, args: &[&str]) -> Output {
    let content = content();
    let mut all = vec!["export-deck", "--content", content.to_str().unwrap()];
    all.extend_from_slice(args);
    cuecard(data, &all)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The deck matches `tests/data/deck-golden/<name>` byte for byte.
fn assert_golden(name: &str, deck: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/deck-golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, deck).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert_eq!(deck, expected, "differs from {}", path.display());
}

/// The `#` header lines, and the records after them split into fields.
fn parse(deck: &str) -> (Vec<&str>, Vec<Vec<&str>>) {
    let headers = deck.lines().take_while(|l| l.starts_with('#')).collect();
    let records = deck
        .lines()
        .skip_while(|l| l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    (headers, records)
}

#[test]
fn one_framework_matches_the_golden_file_and_its_headers() {
    let data = TempDir::new().unwrap();
    let output = export(data.path(), &["--competency", "alpha"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let deck = stdout(&output);
    assert_golden("alpha.expected.txt", &deck);
    let (headers, records) = parse(&deck);
    assert_eq!(
        headers,
        [
            "#separator:tab",
            "#html:true",
            "#notetype:Basic",
            "#deck:cuecard::Alpha & <Omega> Skills",
            "#columns:id\tFront\tBack\tDeck\tTags",
            "#guid column:1",
            "#deck column:4",
            "#tags column:5",
        ]
    );
    // Competencies by name (Active listening, Escalation), questions in file order.
    let ids: Vec<&str> = records.iter().map(|r| r[0]).collect();
    assert_eq!(
        ids,
        [
            "alpha/listening/unsaid",
            "alpha/escalation/first-escalation",
            "alpha/escalation/escalation-policy",
        ]
    );
    for record in &records {
        assert_eq!(record.len(), 5, "{record:?}");
        assert_eq!(record[3], "cuecard::Alpha & <Omega> Skills");
    }
}

#[test]
fn several_frameworks_share_the_parent_deck_and_name_their_own() {
    let data = TempDir::new().unwrap();
    let output = export(data.path(), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let deck = stdout(&output);
    assert_golden("all.expected.txt", &deck);
    let (headers, records) = parse(&deck);
    assert_eq!(headers[3], "#deck:cuecard");
    assert!(headers.contains(&"#deck column:4"));
    let decks: Vec<&str> = records.iter().map(|r| r[3]).collect();
    assert_eq!(
        decks,
        [
            "cuecard::Alpha & <Omega> Skills",
            "cuecard::Alpha & <Omega> Skills",
            "cuecard::Alpha & <Omega> Skills",
            "cuecard::Beta Framework",
        ]
    );
    assert_eq!(
        records[3][4], "beta escalation level-3",
        "no type tag, no empty tag"
    );
}

#[test]
fn the_same_content_gives_the_same_bytes() {
    let data = TempDir::new().unwrap();
    let first = export(data.path(), &[]);
    let again = export(data.path(), &[]);
    assert!(first.status.success());
    assert_eq!(first.stdout, again.stdout);
    // Naming the competencies in another order changes nothing either.
    let one_way = export(
        data.path(),
        &["--competency", "beta", "--competency", "alpha"],
    );
    assert_eq!(first.stdout, one_way.stdout);
}

#[test]
fn text_is_escaped_html_on_one_line_per_note() {
    let data = TempDir::new().unwrap();
    let output = export(data.path(), &["--competency", "alpha/escalation"]);
    let deck = stdout(&output);
    let (_, records) = parse(&deck);
    assert_eq!(records.len(), 2, "one line per note: {deck}");
    let first = &records[0];
    assert_eq!(
        first[1],
        "Tell me about a case you escalated: why &lt;then&gt;, &amp; to whom?"
    );
    assert!(
        first[2].starts_with(
            "<b>Key points</b><ul><li>Says what made the case &quot;too big&quot; for them.</li>\
             <li>Names who it went to and why.</li></ul><b>Follow-ups</b><ul>"
        ),
        "{}",
        first[2]
    );
    assert_eq!(
        first[4], "alpha escalation level-1 behavioral",
        "framework, competency, level, type"
    );
    let second = &records[1];
    assert_eq!(
        second[1],
        "Which cases should never be escalated?<br>Give two kinds."
    );
    assert!(second[2].contains("refunds &lt; $50"), "{}", second[2]);
    assert!(
        !second[2].contains("Follow-ups"),
        "no empty list: {}",
        second[2]
    );
}

#[test]
fn with_notes_puts_the_note_on_the_back() {
    let data = TempDir::new().unwrap();
    let note = data.path().join("notes/alpha/listening/unsaid.md");
    std::fs::create_dir_all(note.parent().unwrap()).unwrap();
    std::fs::write(
        &note,
        "## Situation\nA <refund> call\tlate on a Friday.\n\n## Task\n\n## Result\nKept them.\n",
    )
    .unwrap();

    let plain = stdout(&export(data.path(), &["--competency", "listening"]));
    assert!(!plain.contains("Your note"), "{plain}");

    let output = export(data.path(), &["--competency", "listening", "--with-notes"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let deck = stdout(&output);
    let (_, records) = parse(&deck);
    assert_eq!(records.len(), 1);
    assert_eq!(
        records[0][2],
        "<b>Your note</b><br><i>Situation</i><br>A &lt;refund&gt; call late on a Friday.<br><i>Result</i><br>Kept them."
    );
}

#[test]
fn an_unknown_competency_exits_2_with_a_message() {
    let data = TempDir::new().unwrap();
    let output = export(data.path(), &["--competency", "negotiation"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(
        message.contains("cuecard export-deck: no framework or competency negotiation")
            && message.contains("cuecard list"),
        "{message}"
    );
    // `escalation` is in both frameworks: the message says how to name one.
    let output = export(data.path(), &["--competency", "escalation"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("FRAMEWORK/escalation"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_level_keeps_its_questions_and_an_empty_deck_exits_2() {
    let data = TempDir::new().unwrap();
    let output = export(data.path(), &["--level", "2"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let deck = stdout(&output);
    let (_, records) = parse(&deck);
    let ids: Vec<&str> = records.iter().map(|r| r[0]).collect();
    assert_eq!(
        ids,
        [
            "alpha/listening/unsaid",
            "alpha/escalation/escalation-policy"
        ]
    );
    assert!(records.iter().all(|r| r[4].contains("level-2")));

    let output = export(data.path(), &["--competency", "beta", "--level", "1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no questions at level 1"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_bundled_content_exports_a_note_per_question() {
    let data = TempDir::new().unwrap();
    let output = cuecard(data.path(), &["export-deck"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let deck = stdout(&output);
    let (headers, records) = parse(&deck);
    assert_eq!(headers.len(), 8);
    let counts = cuecard::content::load(&[cuecard::content::ContentSource::Bundled])
        .library
        .counts();
    assert_eq!(records.len(), counts.questions);
    for record in &records {
        assert_eq!(record.len(), 5, "{record:?}");
        assert!(record.iter().all(|f| !f.contains('\r')), "{record:?}");
        assert!(!record[1].is_empty() && !record[2].is_empty(), "{record:?}");
        assert!(!record[1].starts_with('"') && !record[2].starts_with('"'));
    }
}
