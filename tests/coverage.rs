//! Key-point coverage against notes labelled by hand (`tests/data/coverage.toml`): how often it
//! agrees with a careful reader, and how rarely it says "covered" when the reader would not.
//! `cargo test --test coverage -- --nocapture` prints the figures the README reports.

use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    set: Vec<Set>,
}

#[derive(Deserialize)]
struct Set {
    key_points: Vec<String>,
    note: Vec<Note>,
}

#[derive(Deserialize)]
struct Note {
    text: String,
    covered: Vec<usize>,
}

/// Agreement and false "covered" over a labelled file: (agreeing, pairs, false covered, not covered).
fn figures(path: &str) -> (usize, usize, usize, usize) {
    let text = std::fs::read_to_string(path).unwrap();
    let file: File = toml::from_str(&text).unwrap();
    let (mut pairs, mut agree, mut labelled_covered, mut false_covered, mut missed) =
        (0, 0, 0, 0, 0);
    for set in &file.set {
        for note in &set.note {
            let found = cuecard::practice::coverage(&set.key_points, &note.text);
            for (i, point) in set.key_points.iter().enumerate() {
                let label = note.covered.contains(&i);
                let said = found.covered[i];
                pairs += 1;
                labelled_covered += usize::from(label);
                if label == said {
                    agree += 1;
                } else if said {
                    false_covered += 1;
                    eprintln!(
                        "false covered: {point:?}\n  in {:?}\n  by {:?}",
                        note.text.trim(),
                        found.evidence_of(i)
                    );
                } else {
                    missed += 1;
                    eprintln!("missed: {point:?}\n  in {:?}", note.text.trim());
                }
            }
        }
    }
    let not_covered = pairs - labelled_covered;
    println!(
        "{path}: {agree} of {pairs} key points agree ({:.0}%); {false_covered} said covered of {not_covered} not covered; {missed} missed of {labelled_covered} covered",
        agree as f64 * 100.0 / pairs as f64
    );
    (agree, pairs, false_covered, not_covered)
}

#[test]
fn coverage_agrees_with_a_careful_reader() {
    let (agree, pairs, false_covered, not_covered) = figures("tests/data/coverage.toml");
    assert!(agree * 100 >= pairs * 85, "{agree} of {pairs}");
    assert!(
        false_covered * 20 <= not_covered,
        "{false_covered} false covered of {not_covered}"
    );
}

/// Notes written after the rules were first tuned (its misses then led to one round of added
/// vocabulary): the floor is lower, and the README gives its figure beside the other.
#[test]
fn coverage_agrees_on_notes_written_after_tuning() {
    let (agree, pairs, false_covered, not_covered) = figures("tests/data/coverage-held-out.toml");
    assert!(agree * 100 >= pairs * 75, "{agree} of {pairs}");
    assert!(
        false_covered * 5 <= not_covered,
        "{false_covered} false covered of {not_covered}"
    );
}

/// Notes written after the first round of tuning and used for the second (as `held-out` was for
/// the first).
#[test]
fn coverage_on_notes_of_the_second_round() {
    let (agree, pairs, false_covered, not_covered) = figures("tests/data/coverage-fresh.toml");
    assert!(agree * 100 >= pairs * 75, "{agree} of {pairs}");
    assert!(
        false_covered * 5 <= not_covered,
        "{false_covered} false covered of {not_covered}"
    );
}

/// Notes written after the last change to the rules and words, measured once: the figure for
/// wording coverage has never met.
#[test]
fn coverage_on_notes_written_last() {
    let (agree, pairs, false_covered, not_covered) = figures("tests/data/coverage-final.toml");
    assert!(agree * 100 >= pairs * 80, "{agree} of {pairs}");
    assert!(
        false_covered * 5 <= not_covered,
        "{false_covered} false covered of {not_covered}"
    );
}
