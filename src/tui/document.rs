//! The text of the scrolling panes as wrapped lines with a tone, built before drawing so that
//! `update` can scroll to a level and clamp scrolling with the same line counts `view` draws.

use crate::content::{Competency, Framework, Question};
use crate::practice;

use super::wrap::wrap;

/// How a line is meant to read; the theme turns it into a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The question itself.
    Title,
    Heading,
    Body,
    /// The selected level's heading and statements.
    Selected,
    /// Other levels: visible, but quieter.
    Quiet,
    /// Guidance about keys or hidden content.
    Hint,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub text: String,
    pub tone: Tone,
}

pub(super) fn line(text: impl Into<String>, tone: Tone) -> DocLine {
    DocLine {
        text: text.into(),
        tone,
    }
}

pub(super) fn blank() -> DocLine {
    line("", Tone::Body)
}

/// Adds `text` wrapped to `width`, every line indented by `indent` columns.
pub(super) fn paragraph(
    out: &mut Vec<DocLine>,
    text: &str,
    width: usize,
    indent: usize,
    tone: Tone,
) {
    let pad = " ".repeat(indent);
    for wrapped in wrap(text, width.saturating_sub(indent)) {
        out.push(line(format!("{pad}{wrapped}"), tone));
    }
}

/// Adds each item as a bullet with a hanging indent.
pub(super) fn bullets(
    out: &mut Vec<DocLine>,
    items: &[String],
    bullet: &str,
    width: usize,
    tone: Tone,
) {
    let hang = " ".repeat(super::wrap::width(bullet));
    for item in items {
        for (i, wrapped) in wrap(item, width.saturating_sub(hang.len()))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { bullet } else { hang.as_str() };
            out.push(line(format!("{lead}{wrapped}"), tone));
        }
    }
}

/// A level's behavior statements as bullets, or a quiet line saying there are none.
pub(super) fn statements(
    out: &mut Vec<DocLine>,
    items: &[String],
    bullet: &str,
    width: usize,
    tone: Tone,
) {
    if items.is_empty() {
        let pad = " ".repeat(super::wrap::width(bullet));
        paragraph(
            out,
            "no behaviors at this level",
            width,
            pad.len(),
            Tone::Quiet,
        );
    } else {
        bullets(out, items, bullet, width, tone);
    }
}

/// "3 · Extensive experience"
pub fn level_label(framework: &Framework, level: usize) -> String {
    match framework.level_name(level) {
        Some(name) => format!("{level} · {name}"),
        None => level.to_string(),
    }
}

/// The behaviors pane: the definition, then every level's statements, the selected level marked.
pub struct BehaviorsDoc {
    pub lines: Vec<DocLine>,
    /// The line each level's heading stands on; `level_starts[n - 1]` for level `n`.
    pub level_starts: Vec<usize>,
}

pub fn behaviors(
    framework: &Framework,
    competency: &Competency,
    selected: usize,
    width: usize,
) -> BehaviorsDoc {
    let mut lines = Vec::new();
    if !competency.definition.is_empty() {
        paragraph(&mut lines, &competency.definition, width, 0, Tone::Body);
    }
    if competency.behavior_count() == 0 {
        // A question bank: no statements to show; the levels stay selectable (the pane's title
        // names the level) for the questions.
        if !lines.is_empty() {
            lines.push(blank());
        }
        paragraph(
            &mut lines,
            "The framework defines no behaviors for this competency: its questions are in the \
             questions pane.",
            width,
            0,
            Tone::Quiet,
        );
        return BehaviorsDoc {
            lines,
            level_starts: Vec::new(),
        };
    }
    let mut level_starts = Vec::with_capacity(competency.behaviors.len());
    for (index, items) in competency.behaviors.iter().enumerate() {
        let level = index + 1;
        let is_selected = level == selected;
        lines.push(blank());
        level_starts.push(lines.len());
        let (marker, tone) = if is_selected {
            ("▶ ", Tone::Selected)
        } else {
            ("  ", Tone::Quiet)
        };
        let heading = format!("{marker}{}", level_label(framework, level));
        paragraph(
            &mut lines,
            &heading,
            width,
            0,
            if is_selected { Tone::Heading } else { tone },
        );
        statements(&mut lines, items, "  • ", width, tone);
    }
    BehaviorsDoc {
        lines,
        level_starts,
    }
}

/// What the question view is about.
pub struct QuestionParts<'a> {
    pub framework: &'a Framework,
    pub competency: &'a Competency,
    pub question: &'a Question,
    /// The level whose behaviors are the anchors.
    pub level: usize,
    /// The user's note, shown below the question.
    pub note: Option<&'a str>,
    /// The conflict copy the user's text went to, when the note changed on disk meanwhile.
    pub conflict: Option<&'a str>,
    /// The key points the user marked covered or not by hand.
    pub marks: Option<&'a practice::Marks>,
    /// The user's stories linked to the question as its answer (`L`).
    pub stories: Vec<&'a crate::stories::Story>,
}

impl QuestionParts<'_> {
    /// Each key point judged against the note and the marks; none without either (the key
    /// points are then plain bullets, claiming nothing).
    fn judged(&self) -> Option<Vec<practice::Judgement>> {
        let note = self.note.filter(|n| practice::has_content(n));
        if note.is_none() && self.marks.is_none_or(|m| m.is_empty()) {
            return None;
        }
        Some(practice::judge(
            &self.question.key_points,
            note.unwrap_or(""),
            self.marks,
        ))
    }
}

/// The open question: the main column, and (when `behaviors_inline`) the behaviors of its level
/// below it instead of beside it.
pub fn question(
    parts: &QuestionParts<'_>,
    revealed: bool,
    behaviors_inline: bool,
    width: usize,
) -> Vec<DocLine> {
    let QuestionParts {
        framework,
        competency,
        question,
        level,
        note,
        conflict,
        marks,
        ..
    } = *parts;
    let mut lines = Vec::new();
    question_heading(&mut lines, framework, competency, question, width);
    let hidden = !question.key_points.is_empty() || !question.follow_ups.is_empty();
    if revealed {
        answers(&mut lines, question, parts.judged().as_deref(), width);
        linked_stories(&mut lines, question, &parts.stories, width);
    } else if hidden {
        let hint = format!(
            "Answer first. Space reveals {} key point{} and {} follow-up{}.",
            question.key_points.len(),
            if question.key_points.len() == 1 {
                ""
            } else {
                "s"
            },
            question.follow_ups.len(),
            if question.follow_ups.len() == 1 {
                ""
            } else {
                "s"
            },
        );
        paragraph(&mut lines, &hint, width, 0, Tone::Hint);
        lines.push(blank());
    }
    if let Some(note) = note.filter(|n| practice::has_content(n)) {
        note_section(&mut lines, question, note, marks, width);
    }
    if let Some(copy) = conflict {
        let text = format!(
            "The note changed on disk while you wrote: your text above is kept in {}, beside it.",
            crate::text::inert(copy)
        );
        paragraph(&mut lines, &text, width, 2, Tone::Hint);
        lines.push(blank());
    }
    if behaviors_inline {
        lines.extend(level_behaviors(framework, competency, level, width));
        lines.push(blank());
    }
    if !competency.study.is_empty() {
        lines.push(line("Study", Tone::Heading));
        bullets(&mut lines, &competency.study, "  • ", width, Tone::Body);
    }
    lines
}

/// The question's competency, level and tags, then the question itself, large.
fn question_heading(
    out: &mut Vec<DocLine>,
    framework: &Framework,
    competency: &Competency,
    question: &Question,
    width: usize,
) {
    let mut context = competency.name.clone();
    if let Some(l) = question.level {
        context.push_str(&format!(
            " · L{l} {}",
            framework.level_name(l).unwrap_or("")
        ));
    }
    for tag in &question.tags {
        context.push_str(&format!(" #{tag}"));
    }
    paragraph(out, &context, width, 0, Tone::Hint);
    out.push(blank());
    paragraph(out, &question.text, width, 2, Tone::Title);
    out.push(blank());
}

/// What a strong answer covers (each point ✓ covered or ○ not yet, with what matched, when
/// judged against a note or marks), and the follow-ups.
fn answers(
    out: &mut Vec<DocLine>,
    question: &Question,
    judged: Option<&[practice::Judgement]>,
    width: usize,
) {
    if !question.key_points.is_empty() {
        out.push(line("What a strong answer covers", Tone::Heading));
        match judged {
            None => bullets(out, &question.key_points, "  • ", width, Tone::Body),
            Some(judged) => {
                for (i, (point, judgement)) in question.key_points.iter().zip(judged).enumerate() {
                    let mark = if judgement.covered { "✓" } else { "○" };
                    let mut text = format!("{} {point}", i + 1);
                    if judgement.by_hand {
                        text.push_str(if judgement.covered {
                            " (marked covered)"
                        } else {
                            " (marked not covered)"
                        });
                    }
                    let tone = if judgement.covered {
                        Tone::Body
                    } else {
                        Tone::Quiet
                    };
                    bullets(out, &[text], &format!("  {mark} "), width, tone);
                    if let Some(evidence) = &judgement.evidence {
                        let said = format!("from your note: {}", crate::text::inert(evidence));
                        paragraph(out, &said, width, 6, Tone::Hint);
                    }
                }
                paragraph(
                    out,
                    "m, then a point's number: mark it covered or not by hand.",
                    width,
                    2,
                    Tone::Hint,
                );
            }
        }
        out.push(blank());
    }
    if !question.follow_ups.is_empty() {
        out.push(line("Follow-ups", Tone::Heading));
        bullets(out, &question.follow_ups, "  → ", width, Tone::Body);
        out.push(blank());
    }
}

/// A rehearsal card: the question alone until revealed, then what a strong answer covers, the
/// follow-ups and the user's note.
pub fn rehearsal_card(parts: &QuestionParts<'_>, revealed: bool, width: usize) -> Vec<DocLine> {
    let mut lines = Vec::new();
    question_heading(
        &mut lines,
        parts.framework,
        parts.competency,
        parts.question,
        width,
    );
    if revealed {
        answers(&mut lines, parts.question, parts.judged().as_deref(), width);
        linked_stories(&mut lines, parts.question, &parts.stories, width);
        match parts.note.filter(|n| practice::has_content(n)) {
            Some(note) => note_section(&mut lines, parts.question, note, parts.marks, width),
            None => paragraph(
                &mut lines,
                "No note on this question yet.",
                width,
                0,
                Tone::Hint,
            ),
        }
    }
    lines
}

/// A story as a rehearsal card: its title and what it evidences, to be told aloud; once revealed,
/// its 90-second version and its sections.
pub fn story_card(
    library: &crate::content::Library,
    story: &crate::stories::Story,
    revealed: bool,
    width: usize,
) -> Vec<DocLine> {
    if revealed {
        return self::story(library, story, width);
    }
    let mut lines = Vec::new();
    lines.push(line("Tell your story", Tone::Hint));
    paragraph(
        &mut lines,
        &crate::text::inert(&story.title),
        width,
        2,
        Tone::Title,
    );
    lines.push(blank());
    let words = story.words();
    let hint = if words == 0 {
        "Nothing written yet: tell it aloud as you would, then Space; n writes it in your editor."
            .to_string()
    } else {
        format!(
            "Tell it aloud, Situation to Result: about {} at the length you wrote it. Space shows it.",
            minutes_seconds(practice::speaking_seconds(words))
        )
    };
    paragraph(&mut lines, &hint, width, 0, Tone::Hint);
    lines
}

/// Seconds as minutes and seconds: `125` → `2:05`.
pub fn minutes_seconds(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// "covers 3 of 5 key points · 182 words · 1:24 spoken": what matters most first, as the editor's
/// title cuts the end off in a narrow pane.
pub fn note_summary(question: &Question, note: &str, marks: Option<&practice::Marks>) -> String {
    let words = practice::word_count(note);
    let seconds = practice::speaking_seconds(words);
    let mut parts = Vec::new();
    if !question.key_points.is_empty() {
        let covered = practice::judge(&question.key_points, note, marks)
            .iter()
            .filter(|j| j.covered)
            .count();
        parts.push(format!(
            "covers {covered} of {} key points",
            question.key_points.len()
        ));
    }
    parts.push(format!("{words} word{}", if words == 1 { "" } else { "s" }));
    parts.push(format!("{} spoken", minutes_seconds(seconds)));
    parts.join(" · ")
}

/// The user's note under the question: its length and how many key points it covers (which ones
/// the revealed key points say), and the note itself.
fn note_section(
    out: &mut Vec<DocLine>,
    question: &Question,
    note: &str,
    marks: Option<&practice::Marks>,
    width: usize,
) {
    out.push(line("Your note", Tone::Heading));
    paragraph(
        out,
        &note_summary(question, note, marks),
        width,
        2,
        Tone::Hint,
    );
    out.push(blank());
    for text in note.lines() {
        if text.trim().is_empty() {
            out.push(blank());
        } else {
            // A note edited elsewhere may hold anything; the terminal gets only inert text.
            paragraph(out, &crate::text::inert(text), width, 2, Tone::Body);
        }
    }
    out.push(blank());
}

/// One level's behavior statements, headed by the level's name: the anchors for an answer.
pub fn level_behaviors(
    framework: &Framework,
    competency: &Competency,
    level: usize,
    width: usize,
) -> Vec<DocLine> {
    let mut lines = Vec::new();
    let heading = format!("Behaviors at {}", level_label(framework, level));
    paragraph(&mut lines, &heading, width, 0, Tone::Heading);
    if let Some(items) = level
        .checked_sub(1)
        .and_then(|i| competency.behaviors.get(i))
    {
        statements(&mut lines, items, "  • ", width, Tone::Body);
    }
    lines
}

/// The help overlay: every key of every mode, from the keymap tables the keys are read with.
pub fn help() -> Vec<DocLine> {
    let mut lines = Vec::new();
    let yours = &super::keymap::in_force().entries;
    if !yours.is_empty() {
        lines.push(line("Your keys (settings.toml [keys])", Tone::Heading));
        for key in yours {
            lines.push(line(
                format!(
                    "  {:<8} {} ({}; in place of its own key)",
                    key.label, key.name, key.section
                ),
                Tone::Body,
            ));
        }
        lines.push(blank());
    }
    for table in super::keymap::help_sections() {
        lines.push(line(table.title, Tone::Heading));
        for binding in table.bindings.iter().filter(|b| !b.label.is_empty()) {
            lines.push(line(
                format!("  {:<8} {}", binding.label, binding.description),
                Tone::Body,
            ));
        }
        lines.push(blank());
    }
    lines.push(line(HELP_FILTERS, Tone::Heading));
    lines.push(line(
        "  #tag     entries whose question or competency has the tag",
        Tone::Body,
    ));
    lines.push(line("  level:N  entries of level N (also l:N)", Tone::Body));
    for (prefix, what) in crate::search::KIND_PREFIXES {
        lines.push(line(format!("  {prefix:<8} only {what}"), Tone::Body));
    }
    lines.push(line(
        "  words    each must match, in any order; letters may be skipped",
        Tone::Body,
    ));
    lines.push(blank());
    lines.push(line("Mouse", Tone::Heading));
    lines.push(line(
        "  click    select a row and focus its pane",
        Tone::Body,
    ));
    lines.push(line(
        "  wheel    scroll the pane under the pointer",
        Tone::Body,
    ));
    lines
}

const HELP_FILTERS: &str = "Search filters (mixed freely with words)";

/// The help at `width` columns: a key's description wraps under itself, past its keys, so no
/// line is cut.
pub fn help_at(width: usize) -> Vec<DocLine> {
    /// Where descriptions start: two spaces, eight for the keys, one space.
    const INDENT: usize = 11;
    let mut out = Vec::new();
    for doc_line in help() {
        let text = &doc_line.text;
        let keyed = doc_line.tone == Tone::Body && text.starts_with("  ") && text.len() > INDENT;
        if super::wrap::width(text) <= width {
            out.push(doc_line);
            continue;
        }
        if !keyed || width <= INDENT + 8 {
            for part in wrap(text, width.max(1)) {
                out.push(line(part, doc_line.tone));
            }
            continue;
        }
        let (keys, description) = text.split_at(
            text.char_indices()
                .nth(INDENT)
                .map_or(text.len(), |(i, _)| i),
        );
        for (i, part) in wrap(description, width - INDENT).into_iter().enumerate() {
            let lead = if i == 0 {
                keys.to_string()
            } else {
                " ".repeat(INDENT)
            };
            out.push(line(format!("{lead}{part}"), Tone::Body));
        }
    }
    out
}

/// The line of the help at `width` where `mode`'s own keys start, so `?` opens the help there.
pub fn help_line_of(mode: super::keymap::Mode, width: usize) -> usize {
    let Some(table) = super::keymap::section_of(mode) else {
        return 0;
    };
    help_at(width)
        .iter()
        .position(|l| l.text == table.title)
        .unwrap_or(0)
}

/// A story as the stories screen shows it: the 90-second version first, what it evidences and
/// answers, then its sections.
pub fn story(
    library: &crate::content::Library,
    story: &crate::stories::Story,
    width: usize,
) -> Vec<DocLine> {
    let inert = |s: &str| crate::text::inert(s).into_owned();
    let mut lines = Vec::new();
    paragraph(&mut lines, &inert(&story.title), width, 0, Tone::Title);
    let words = story.words();
    let seconds = practice::speaking_seconds(words);
    lines.push(line(
        format!("{words} words · about {}", minutes_seconds(seconds)),
        Tone::Quiet,
    ));
    lines.push(blank());
    if !story.summary.is_empty() {
        lines.push(line("In 90 seconds", Tone::Heading));
        paragraph(&mut lines, &inert(&story.summary), width, 2, Tone::Body);
        lines.push(blank());
    }
    if !story.competencies.is_empty() {
        lines.push(line("Evidences", Tone::Heading));
        let items: Vec<String> = story
            .competencies
            .iter()
            .map(|e| {
                let competency = library.competency(&e.competency);
                let framework = e
                    .competency
                    .split_once('/')
                    .and_then(|(f, _)| library.framework(f));
                let name = competency.map_or(e.competency.as_str(), |c| c.name.as_str());
                let level =
                    framework.map_or_else(|| e.level.to_string(), |f| level_label(f, e.level));
                format!("{} · {level}", inert(name))
            })
            .collect();
        bullets(&mut lines, &items, "  • ", width, Tone::Body);
        lines.push(blank());
    }
    let answers: Vec<String> = story
        .questions
        .iter()
        .filter_map(|id| library.question(id))
        .map(|q| inert(&q.text))
        .collect();
    if !answers.is_empty() {
        lines.push(line("Answers", Tone::Heading));
        bullets(&mut lines, &answers, "  • ", width, Tone::Body);
        lines.push(blank());
    }
    for (heading, text) in story.sections() {
        lines.push(line(inert(&heading), Tone::Heading));
        if text.trim().is_empty() {
            paragraph(&mut lines, "(not written yet)", width, 2, Tone::Quiet);
        } else {
            for part in text.lines() {
                paragraph(&mut lines, &inert(part), width, 2, Tone::Body);
            }
        }
        lines.push(blank());
    }
    lines
}

/// The stories linked to a question, after its key points: each with its 90-second version and
/// the key points its text covers.
fn linked_stories(
    lines: &mut Vec<DocLine>,
    question: &Question,
    stories: &[&crate::stories::Story],
    width: usize,
) {
    for story in stories {
        let title = crate::text::inert(&story.title);
        lines.push(line(format!("Your story · {title}"), Tone::Heading));
        if !story.summary.is_empty() {
            paragraph(
                lines,
                &crate::text::inert(&story.summary),
                width,
                2,
                Tone::Body,
            );
        }
        if !question.key_points.is_empty() {
            let judged = practice::judge(&question.key_points, &story.body, None);
            let covered = judged.iter().filter(|j| j.covered).count();
            paragraph(
                lines,
                &format!("It covers {covered} of {} key points.", judged.len()),
                width,
                2,
                Tone::Hint,
            );
        }
        lines.push(blank());
    }
}

#[cfg(test)]
mod help_tests {
    use super::*;

    #[test]
    fn the_help_wraps_descriptions_under_themselves_and_keeps_every_word() {
        let narrow = help_at(40);
        assert!(
            narrow
                .iter()
                .all(|l| super::super::wrap::width(&l.text) <= 40)
        );
        let words = |doc: &[DocLine]| -> Vec<String> {
            doc.iter()
                .flat_map(|l| {
                    l.text
                        .split_whitespace()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        assert_eq!(words(&narrow), words(&help()));
        let blanks = |doc: &[DocLine]| doc.iter().filter(|l| l.text.is_empty()).count();
        assert_eq!(blanks(&narrow), blanks(&help()));
        // A continued description starts under the description, not under the keys.
        let continued = narrow
            .iter()
            .find(|l| l.text.starts_with("           ") && !l.text.trim().is_empty())
            .expect("some description wraps at 40 columns");
        assert!(!continued.text[11..].starts_with(' '));
        // A line that fits keeps its columns.
        assert!(narrow.iter().any(|l| l.text == "  q        quit"));
    }
}
