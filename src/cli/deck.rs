//! `cuecard export-deck`: the questions as a tab-separated file that Anki (2.1.54 and later)
//! imports as Basic notes with no change in its import dialog.
//!
//! Anki reads the `#key:value` header lines at the top of the file
//! (<https://docs.ankiweb.net/importing/text-files.html#file-headers>): the separator, HTML
//! fields, the note type, the deck, the columns' names (`Front` and `Back` are mapped to the Basic
//! note type's fields by name), and which columns hold the GUID, the deck and the tags.
//!
//! The question id is the first column, declared as the GUID column: Anki matches a note it
//! imported before by it and updates that note instead of adding a duplicate, even when the
//! question's wording changed. Every note names its deck in a column of its own, because Anki
//! creates a deck named in a deck column but ignores a `#deck:` header naming a deck that does not
//! exist yet.
//!
//! The output is a pure function of the library, the choice and the notes: the same input gives
//! the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::content::{Competency, Framework, Library, Question};

/// The type tags a question may carry; the first one it has goes into the note's tags.
const TYPE_TAGS: [&str; 3] = ["behavioral", "situational", "knowledge"];

/// The deck every exported note goes under (`cuecard::<framework name>`).
pub const PARENT_DECK: &str = "cuecard";

/// What to export: competencies as `cuecard rehearse --competency` names them, a level, and the
/// user's notes by question id when they go on the back of the cards.
#[derive(Debug, Default)]
pub struct DeckRequest<'a> {
    pub competencies: &'a [String],
    pub level: Option<usize>,
    pub notes: Option<&'a BTreeMap<String, String>>,
}

/// The deck file, or a message saying what is wrong with the request (an unknown competency, or
/// nothing to export).
pub fn deck(library: &Library, request: &DeckRequest<'_>) -> Result<String, String> {
    let chosen = crate::practice::chosen_competencies(library, request.competencies)?;
    // In the library's order (frameworks by id, competencies by name), whatever the order the
    // competencies were named in, so that the file never depends on how the command was typed.
    let mut cards: Vec<(&Framework, &Competency, &Question)> = Vec::new();
    for framework in &library.frameworks {
        for competency in &framework.competencies {
            if !chosen.iter().any(|c| c.id == competency.id) {
                continue;
            }
            for question in &competency.questions {
                if request.level.is_none() || question.level == request.level {
                    cards.push((framework, competency, question));
                }
            }
        }
    }
    if cards.is_empty() {
        let at = request
            .level
            .map(|n| format!(" at level {n}"))
            .unwrap_or_default();
        return Err(format!(
            "no questions{at} in the competencies chosen; `cuecard list` shows each competency's questions"
        ));
    }

    let mut frameworks: Vec<&Framework> = Vec::new();
    for (framework, _, _) in &cards {
        if !frameworks.iter().any(|f| f.id == framework.id) {
            frameworks.push(framework);
        }
    }
    let header_deck = match frameworks.as_slice() {
        [only] => deck_name(only),
        _ => PARENT_DECK.to_string(),
    };

    let mut out = String::new();
    out.push_str("#separator:tab\n");
    out.push_str("#html:true\n");
    out.push_str("#notetype:Basic\n");
    // Writing to a String cannot fail.
    let _ = writeln!(out, "#deck:{header_deck}");
    out.push_str("#columns:id\tFront\tBack\tDeck\tTags\n");
    out.push_str("#guid column:1\n");
    out.push_str("#deck column:4\n");
    out.push_str("#tags column:5\n");
    for (framework, competency, question) in cards {
        let note = request
            .notes
            .and_then(|notes| notes.get(&question.id))
            .filter(|note| crate::practice::has_content(note));
        let fields = [
            question.id.clone(),
            html_text(&question.text),
            back(question, note.map(String::as_str)),
            deck_name(framework),
            tags(framework, competency, question).join(" "),
        ];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    Ok(out)
}

/// `cuecard::<framework name>`, on one line.
fn deck_name(framework: &Framework) -> String {
    let name: String = framework
        .name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("{PARENT_DECK}::{}", name.trim())
}

/// The back of the card: key points and follow-ups as lists, then the user's note.
fn back(question: &Question, note: Option<&str>) -> String {
    let mut back = String::new();
    for (title, items) in [
        ("Key points", &question.key_points),
        ("Follow-ups", &question.follow_ups),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = write!(back, "<b>{title}</b><ul>");
        for item in items {
            let _ = write!(back, "<li>{}</li>", html_text(item));
        }
        back.push_str("</ul>");
    }
    if let Some(note) = note {
        let _ = write!(back, "<b>Your note</b><br>{}", note_html(note));
    }
    back
}

/// A note as the card shows it: its Markdown headings (`## Situation`) in italics, a heading with
/// nothing under it left out, its other lines as they are (escaped).
fn note_html(note: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut heading: Option<String> = None;
    for line in note.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.starts_with('#') {
            heading = Some(line.trim_start_matches('#').trim().to_string());
            continue;
        }
        if let Some(title) = heading.take() {
            parts.push(format!("<i>{}</i>", html_text(&title)));
        }
        parts.push(html_text(line));
    }
    parts.join("<br>")
}

/// The note's tags: framework id, competency, `level-N`, and the question's type tag; Anki's tags
/// cannot hold spaces.
fn tags(framework: &Framework, competency: &Competency, question: &Question) -> Vec<String> {
    let mut tags = vec![framework.id.clone(), competency.local_id().to_string()];
    if let Some(level) = question.level {
        tags.push(format!("level-{level}"));
    }
    if let Some(kind) = question
        .tags
        .iter()
        .find(|t| TYPE_TAGS.contains(&t.as_str()))
    {
        tags.push(kind.clone());
    }
    tags.into_iter().map(|t| tag(&t)).collect()
}

/// A tag with whitespace and controls made `_`, and `"` left out (a field that starts with one
/// would be read as quoted).
fn tag(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '"')
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// Text as one HTML field: the special characters escaped, line breaks as `<br>`, tabs as spaces,
/// other controls left out. Nothing in it can end the field or the record.
pub fn html_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' => out.push_str("<br>"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_escapes_and_keeps_one_line() {
        assert_eq!(
            html_text("a <b> & \"c\" 'd'\tx\r\ny\nz\u{1b}"),
            "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; x<br>y<br>z"
        );
    }

    #[test]
    fn tags_hold_no_spaces() {
        assert_eq!(tag("team lead\t\"x\""), "team_lead_x");
    }
}
