//! The text of the interview's live view and ratings view as wrapped lines, like `document`:
//! the current question with its checklist, the anchors of the target level and the notes; each
//! competency's levels with their behavior statements, for rating against evidence.

use crate::content::Library;
use crate::interview::InterviewSession;

use super::document::{DocLine, Tone, blank, bullets, level_label, line, paragraph, statements};

/// The current question of the live view, most needed first: where it comes from, the question,
/// the key points as a checklist (with the keys that tick them), the notes so far (the selected
/// one marked) and any draft (unless it is being typed, below), the follow-ups, the anchors.
pub fn live(
    library: &Library,
    session: &InterviewSession,
    current: usize,
    selected_note: Option<usize>,
    show_draft: bool,
    width: usize,
) -> Vec<DocLine> {
    let mut out = Vec::new();
    let Some(planned) = session.questions.get(current) else {
        paragraph(
            &mut out,
            "The plan is empty. Esc goes to the browser, where Space adds the selected question; / finds any question and Enter asks it.",
            width,
            0,
            Tone::Hint,
        );
        return out;
    };
    let Some(question) = library.question(&planned.id) else {
        paragraph(
            &mut out,
            &format!("{} is no longer in the content.", planned.id),
            width,
            0,
            Tone::Hint,
        );
        return out;
    };
    let competency_id = planned.id.rsplit_once('/').map_or("", |(c, _)| c);
    let competency = library.competency(competency_id);
    let framework = competency_id
        .split_once('/')
        .and_then(|(f, _)| library.framework(f));
    let mut context = competency.map_or_else(String::new, |c| c.name.clone());
    if let Some(level) = question.level {
        context.push_str(&format!(" · L{level}"));
    }
    paragraph(&mut out, &context, width, 0, Tone::Hint);
    paragraph(&mut out, &question.text, width, 2, Tone::Title);
    out.push(blank());
    // A mock interview hides what a strong answer covers until the self-review.
    let hidden = session.is_mock() && session.ended.is_none();
    if hidden {
        paragraph(
            &mut out,
            "Answer aloud, in the time the clock allows. n jots a line. The key points and the \
             level's anchors come in the self-review: E ends the interview.",
            width,
            2,
            Tone::Hint,
        );
        out.push(blank());
    }
    // Guidance for the interviewer alone: the candidate's views never show it.
    if let Some(note) = question
        .interviewer_note
        .as_ref()
        .filter(|_| !session.is_mock())
    {
        paragraph(
            &mut out,
            &format!("Note for the interviewer: {note}"),
            width,
            2,
            Tone::Hint,
        );
        out.push(blank());
    }
    let checklist = |out: &mut Vec<DocLine>, items: &[String], ticked: &[usize], keys: &[char]| {
        for (i, item) in items.iter().enumerate() {
            let key = keys.get(i).map_or(' ', |k| *k);
            let mark = if ticked.contains(&i) { "x" } else { " " };
            let tone = if ticked.contains(&i) {
                Tone::Selected
            } else {
                Tone::Body
            };
            bullets(
                out,
                std::slice::from_ref(item),
                &format!("{key} [{mark}] "),
                width,
                tone,
            );
        }
    };
    if !question.key_points.is_empty() && !hidden {
        let covered = planned.key_points.len();
        out.push(line(
            format!(
                "Key points · {covered} of {} covered",
                question.key_points.len()
            ),
            Tone::Heading,
        ));
        let keys: Vec<char> = ('1'..='9').collect();
        checklist(&mut out, &question.key_points, &planned.key_points, &keys);
        out.push(blank());
    }
    if !planned.notes.is_empty() {
        out.push(line(
            "Notes · Tab selects, e edits, d deletes",
            Tone::Heading,
        ));
        for (i, note) in planned.notes.iter().enumerate() {
            let text = crate::text::inert(&note.text);
            let selected = selected_note == Some(i);
            let (mark, tone) = if selected {
                ("▸", Tone::Selected)
            } else {
                (" ", Tone::Body)
            };
            bullets(
                &mut out,
                &[text.into_owned()],
                &format!("{mark} {:>2}′ ", note.minute),
                width,
                tone,
            );
        }
        out.push(blank());
    }
    if show_draft && !planned.draft.is_empty() {
        let draft = format!(
            "✎ draft (n reopens it): {}",
            crate::text::inert(&planned.draft)
        );
        paragraph(&mut out, &draft, width, 0, Tone::Hint);
        out.push(blank());
    }
    if !question.follow_ups.is_empty() && !hidden {
        out.push(line("Follow-ups · f, then the letter", Tone::Heading));
        let keys: Vec<char> = ('a'..='f').collect();
        checklist(&mut out, &question.follow_ups, &planned.follow_ups, &keys);
        out.push(blank());
    }
    if let (Some(framework), Some(competency), false) = (framework, competency, hidden) {
        let level = session.level.clamp(1, framework.levels.len().max(1));
        out.push(line(
            format!("Anchors · {}", level_label(framework, level)),
            Tone::Heading,
        ));
        if let Some(items) = competency.behaviors.get(level - 1) {
            statements(&mut out, items, "  • ", width, Tone::Quiet);
        }
        out.push(blank());
    }
    out
}

/// The ratings view's text: a fixed header (every assessed competency with its rating, the
/// recommendation, the selected one's evidence) and the selected competency's scale, each level
/// with its behavior statements, the chosen level marked.
pub struct RatingsDoc {
    /// Every assessed competency with its rating, the selected one marked.
    pub list: Vec<DocLine>,
    /// The line of `list` where the selected competency starts.
    pub selected_line: usize,
    /// The selected one's evidence, the recommendation, the summary.
    pub details: Vec<DocLine>,
    pub levels: Vec<DocLine>,
    /// The line each level's heading stands on in `levels`; `level_starts[n - 1]` for level `n`.
    pub level_starts: Vec<usize>,
    /// The level to show first: the one chosen, else the interview's target level.
    pub focus: usize,
}

pub fn ratings(
    library: &Library,
    session: &InterviewSession,
    selected: usize,
    width: usize,
) -> RatingsDoc {
    let mut list = Vec::new();
    let mut details = Vec::new();
    let mut selected_line = 0;
    let name_of = |id: &str| {
        library
            .competency(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    let framework_of = |id: &str| id.split_once('/').and_then(|(f, _)| library.framework(f));
    for (i, rating) in session.ratings.iter().enumerate() {
        let level = match (rating.level, framework_of(&rating.competency)) {
            (Some(l), Some(f)) => match f.level_name(l) {
                Some(name) => format!("{l} of {} · {name}", f.levels.len()),
                None => format!("{l} of {}", f.levels.len()),
            },
            (Some(l), None) => l.to_string(),
            (None, _) => "not rated".to_string(),
        };
        let marker = if i == selected { "▸ " } else { "  " };
        let tone = if i == selected {
            selected_line = list.len();
            Tone::Heading
        } else {
            Tone::Body
        };
        // One line each, so the list can say exactly how many more there are.
        let text = format!("{marker}{}: {level}", name_of(&rating.competency));
        list.push(line(super::wrap::truncate(&text, width), tone));
    }
    let recommendation = session.recommendation.map_or("none yet", |r| r.label());
    let mut evidence = String::from("none yet (e)");
    let mut levels = Vec::new();
    let mut level_starts = Vec::new();
    let mut focus = session.level;
    if let Some(rating) = session.ratings.get(selected)
        && let (Some(framework), Some(competency)) = (
            framework_of(&rating.competency),
            library.competency(&rating.competency),
        )
    {
        if !rating.evidence.is_empty() {
            evidence = crate::text::inert(&rating.evidence).into_owned();
        }
        focus = rating
            .level
            .unwrap_or(session.level)
            .clamp(1, competency.behaviors.len().max(1));
        for (index, items) in competency.behaviors.iter().enumerate() {
            let level = index + 1;
            let chosen = rating.level == Some(level);
            let marker = if chosen { "● " } else { "  " };
            let tone = if chosen { Tone::Selected } else { Tone::Quiet };
            level_starts.push(levels.len());
            paragraph(
                &mut levels,
                &format!("{marker}Level {}", level_label(framework, level)),
                width,
                0,
                if chosen { Tone::Heading } else { Tone::Body },
            );
            // A question bank's levels are names only; elsewhere an empty level says so.
            if competency.behavior_count() > 0 {
                statements(&mut levels, items, "    • ", width, tone);
            }
        }
    }
    paragraph(
        &mut details,
        &format!("Evidence: {evidence}"),
        width,
        0,
        Tone::Body,
    );
    paragraph(
        &mut details,
        &format!("Recommendation: {recommendation} (o)"),
        width,
        0,
        Tone::Hint,
    );
    if !session.summary.is_empty() {
        let summary = crate::text::inert(&session.summary);
        paragraph(
            &mut details,
            &format!("Summary: {summary}"),
            width,
            0,
            Tone::Body,
        );
    }
    RatingsDoc {
        list,
        selected_line,
        details,
        levels,
        level_starts,
        focus,
    }
}
