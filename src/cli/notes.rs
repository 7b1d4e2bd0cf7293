//! `cuecard notes`: every note with its question, its length and speaking time, and each key
//! point judged covered or not (and whether by hand), as the app shows them.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::content::Library;
use crate::practice::{self, Marks};
use crate::text::{inert, json_line};

#[derive(Serialize)]
struct NoteLine<'a> {
    question: &'a str,
    /// The question's text; empty when the content no longer has it.
    text: &'a str,
    words: usize,
    speaking_seconds: u64,
    key_points: Vec<PointLine<'a>>,
}

#[derive(Serialize)]
struct PointLine<'a> {
    text: &'a str,
    covered: bool,
    by_hand: bool,
    /// What in the note matched, when the reading found it.
    evidence: Option<String>,
}

/// One line per note with content: `QUESTION-ID<TAB>WORDS words<TAB>M:SS<TAB>covered N/M`, then
/// a line per key point (`  ✓`, `  ○`, `(marked)` when by hand). With `json`, one object per note
/// per line. Returns how many notes were listed.
pub fn notes(
    library: &Library,
    notes: &BTreeMap<String, String>,
    marks: &BTreeMap<String, Marks>,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut count = 0;
    for (id, note) in notes {
        if !practice::has_content(note) {
            continue;
        }
        count += 1;
        let question = library.question(id);
        let no_points = Vec::new();
        let points = question.map_or(&no_points, |q| &q.key_points);
        let judged = practice::judge(points, note, marks.get(id));
        let words = practice::word_count(note);
        let seconds = practice::speaking_seconds(words);
        if json {
            let line = NoteLine {
                question: id,
                text: question.map_or("", |q| q.text.as_str()),
                words,
                speaking_seconds: seconds,
                key_points: points
                    .iter()
                    .zip(&judged)
                    .map(|(text, j)| PointLine {
                        text,
                        covered: j.covered,
                        by_hand: j.by_hand,
                        evidence: j.evidence.clone(),
                    })
                    .collect(),
            };
            writeln!(out, "{}", json_line(&line))?;
            continue;
        }
        let covered = judged.iter().filter(|j| j.covered).count();
        writeln!(
            out,
            "{}\t{words} words\t{}\tcovered {covered}/{}",
            inert(id),
            crate::tui::document::minutes_seconds(seconds),
            points.len()
        )?;
        if question.is_none() {
            writeln!(out, "  (no such question in the content any more)")?;
        }
        for (text, j) in points.iter().zip(&judged) {
            let mark = if j.covered { "✓" } else { "○" };
            let by_hand = if j.by_hand { " (marked)" } else { "" };
            writeln!(out, "  {mark} {}{by_hand}", inert(text))?;
        }
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_each_note_with_its_key_points_in_text_and_json() {
        let library = crate::content::load(&[crate::content::ContentSource::Bundled]).library;
        let question = &library.frameworks[0].competencies[0].questions[0];
        let notes = BTreeMap::from([
            (question.id.clone(), "We shipped it on time.\n".to_string()),
            ("gone/x/y".to_string(), "Old words.\n".to_string()),
            (
                "f/c/empty".to_string(),
                crate::practice::STAR_OUTLINE.to_string(),
            ),
        ]);
        let marks = BTreeMap::from([(
            question.id.clone(),
            Marks::from([(question.key_points[0].clone(), true)]),
        )]);
        let mut text = Vec::new();
        assert_eq!(notes_of(&library, &notes, &marks, false, &mut text), 2);
        let text = String::from_utf8(text).unwrap();
        assert!(
            text.contains(&format!("{}\t5 words\t0:03\tcovered 1/", question.id)),
            "{text}"
        );
        assert!(
            text.contains("(marked)") && text.contains("no such question"),
            "{text}"
        );
        let mut json = Vec::new();
        notes_of(&library, &notes, &marks, true, &mut json);
        let first: serde_json::Value =
            serde_json::from_str(String::from_utf8(json).unwrap().lines().next().unwrap()).unwrap();
        assert_eq!(first["question"], question.id.as_str());
        assert_eq!(first["words"], 5);
        assert_eq!(first["key_points"][0]["covered"], true);
        assert_eq!(first["key_points"][0]["by_hand"], true);
        assert_eq!(first["key_points"][1]["by_hand"], false);
    }

    fn notes_of(
        library: &Library,
        notes: &BTreeMap<String, String>,
        marks: &BTreeMap<String, Marks>,
        json: bool,
        out: &mut Vec<u8>,
    ) -> usize {
        super::notes(library, notes, marks, json, out).unwrap()
    }
}
