//! The scorecard of an interview: Markdown to paste into an applicant tracking system, JSON for
//! scripts. Built from the session and the library (for question texts and level names); text
//! from files is made inert in Markdown, and escaped by JSON.

use serde::Serialize;

use super::InterviewSession;
use crate::content::Library;
use crate::text::inert;

#[derive(Debug, Serialize)]
pub struct Scorecard {
    pub session: String,
    pub candidate: String,
    pub role: String,
    pub interviewer: String,
    pub stage: String,
    /// The interview's date (UTC), `YYYY-MM-DD`.
    pub date: String,
    /// When its clock started (or it was created), with the local time zone, RFC 3339.
    pub started: String,
    /// When it was ended, if it was, RFC 3339.
    pub ended: Option<String>,
    pub duration_seconds: u64,
    pub budget_minutes: u64,
    pub target_level: usize,
    pub target_level_name: Option<String>,
    pub recommendation: Option<&'static str>,
    pub summary: String,
    pub ratings: Vec<RatingCard>,
    /// The questions asked, in the order of the plan.
    pub questions: Vec<QuestionCard>,
}

/// A scorecard as submitted to the panel's team folder: the `export --format json` object with
/// when it was submitted and its version (1, then one more per amendment).
#[derive(Debug, Serialize)]
pub struct Submitted<'a> {
    #[serde(flatten)]
    pub card: &'a Scorecard,
    pub submitted_at: String,
    pub version: u32,
}

#[derive(Debug, Serialize)]
pub struct RatingCard {
    pub competency: String,
    pub competency_name: String,
    pub level: Option<usize>,
    pub level_name: Option<String>,
    /// The number of levels of the competency's scale.
    pub scale_size: usize,
    /// The level the role calls for, beside the level rated.
    pub target_level: usize,
    /// Key points ticked, and key points in all, over the questions of this competency asked.
    pub key_points_covered: usize,
    pub key_points_total: usize,
    pub evidence: String,
}

impl RatingCard {
    /// `3 of 4 · Extensive experience`, or `not rated`.
    pub fn level_text(&self) -> String {
        match (self.level, &self.level_name) {
            (Some(l), Some(name)) => format!("{l} of {} · {name}", self.scale_size),
            (Some(l), None) => format!("{l} of {}", self.scale_size),
            (None, _) => "not rated".to_string(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct QuestionCard {
    pub id: String,
    pub text: String,
    pub competency_name: String,
    pub seconds: u64,
    pub key_points: Vec<Checked>,
    pub follow_ups: Vec<Checked>,
    pub notes: Vec<NoteCard>,
    /// A note begun and set aside, never finished: kept so nothing written is lost.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub draft: String,
}

#[derive(Debug, Serialize)]
pub struct Checked {
    pub text: String,
    pub checked: bool,
}

#[derive(Debug, Serialize)]
pub struct NoteCard {
    pub minute: u64,
    pub text: String,
}

impl Scorecard {
    pub fn new(session: &InterviewSession, library: &Library) -> Scorecard {
        let framework_of = |id: &str| id.split_once('/').and_then(|(f, _)| library.framework(f));
        let target_framework = session
            .ratings
            .first()
            .and_then(|r| framework_of(&r.competency));
        // Key points covered and in all, per competency, over the questions asked.
        let coverage = |competency: &str| -> (usize, usize) {
            session
                .questions
                .iter()
                .filter(|q| q.asked())
                .filter(|q| q.id.rsplit_once('/').is_some_and(|(c, _)| c == competency))
                .filter_map(|q| Some((q, library.question(&q.id)?)))
                .fold((0, 0), |(covered, total), (planned, question)| {
                    (
                        covered + planned.key_points.len(),
                        total + question.key_points.len(),
                    )
                })
        };
        let ratings = session
            .ratings
            .iter()
            .map(|rating| {
                let (key_points_covered, key_points_total) = coverage(&rating.competency);
                RatingCard {
                    competency: rating.competency.clone(),
                    competency_name: library
                        .competency(&rating.competency)
                        .map_or_else(|| rating.competency.clone(), |c| c.name.clone()),
                    level: rating.level,
                    level_name: rating.level.and_then(|l| {
                        framework_of(&rating.competency)
                            .and_then(|f| f.level_name(l))
                            .map(str::to_string)
                    }),
                    scale_size: framework_of(&rating.competency).map_or(0, |f| f.levels.len()),
                    target_level: session.level,
                    key_points_covered,
                    key_points_total,
                    evidence: rating.evidence.clone(),
                }
            })
            .collect();
        let questions = session
            .questions
            .iter()
            .filter(|q| q.asked() || !q.draft.is_empty())
            .map(|planned| {
                let question = library.question(&planned.id);
                let checked = |items: &[String], ticked: &[usize]| {
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, text)| Checked {
                            text: text.clone(),
                            checked: ticked.contains(&i),
                        })
                        .collect()
                };
                QuestionCard {
                    id: planned.id.clone(),
                    text: question.map_or_else(
                        || "(no longer in the content)".to_string(),
                        |q| q.text.clone(),
                    ),
                    competency_name: planned
                        .id
                        .rsplit_once('/')
                        .and_then(|(c, _)| library.competency(c))
                        .map_or_else(String::new, |c| c.name.clone()),
                    seconds: planned.seconds,
                    key_points: question
                        .map_or_else(Vec::new, |q| checked(&q.key_points, &planned.key_points)),
                    follow_ups: question
                        .map_or_else(Vec::new, |q| checked(&q.follow_ups, &planned.follow_ups)),
                    notes: planned
                        .notes
                        .iter()
                        .map(|n| NoteCard {
                            minute: n.minute,
                            text: n.text.clone(),
                        })
                        .collect(),
                    draft: planned.draft.clone(),
                }
            })
            .collect();
        Scorecard {
            session: session.id.clone(),
            candidate: session.candidate.clone(),
            role: session.role.clone(),
            interviewer: session.interviewer.clone(),
            stage: session.stage.clone(),
            started: session
                .started
                .unwrap_or(session.created)
                .with_timezone(&chrono::Local)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            ended: session.ended.map(|e| {
                e.with_timezone(&chrono::Local)
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
            }),
            date: session
                .started
                .unwrap_or(session.created)
                .format("%Y-%m-%d")
                .to_string(),
            duration_seconds: session.elapsed,
            budget_minutes: session.minutes,
            target_level: session.level,
            target_level_name: target_framework
                .and_then(|f| f.level_name(session.level))
                .map(str::to_string),
            recommendation: session.recommendation.map(|r| r.label()),
            summary: session.summary.clone(),
            ratings,
            questions,
        }
    }

    /// One JSON object, on one line, every control and bidi character escaped.
    pub fn to_json(&self) -> String {
        crate::text::json_line(self)
    }

    /// Plain text for web forms that do not render Markdown: no `#`, `**` or check boxes; one
    /// block per competency, then the recommendation and summary, then questions and notes.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        line(&mut out, &format!("Scorecard: {}", self.candidate));
        for (label, value) in [
            ("Role", &self.role),
            ("Stage", &self.stage),
            ("Interviewer", &self.interviewer),
        ] {
            if !value.is_empty() {
                line(&mut out, &format!("{label}: {value}"));
            }
        }
        line(&mut out, &format!("Started: {}", self.started));
        line(&mut out, &format!("Duration: {}", self.duration_text()));
        out.push('\n');
        for rating in &self.ratings {
            line(&mut out, &rating.competency_name);
            line(&mut out, &format!("Rating: {}", rating.level_text()));
            line(&mut out, &rating_facts(rating));
            if !rating.evidence.trim().is_empty() {
                line(&mut out, &format!("Evidence: {}", rating.evidence.trim()));
            }
            out.push('\n');
        }
        line(
            &mut out,
            &format!(
                "Recommendation: {}",
                self.recommendation.unwrap_or("not given")
            ),
        );
        if !self.summary.trim().is_empty() {
            line(&mut out, &format!("Summary: {}", self.summary.trim()));
        }
        out.push('\n');
        line(&mut out, "Questions and notes");
        if self.questions.is_empty() {
            line(&mut out, "None asked.");
        }
        for (n, question) in self.questions.iter().enumerate() {
            out.push('\n');
            line(
                &mut out,
                &format!(
                    "{}. {} ({}, {})",
                    n + 1,
                    question.text,
                    question.competency_name,
                    minutes_seconds(question.seconds)
                ),
            );
            if !question.key_points.is_empty() {
                let covered: Vec<&str> = question
                    .key_points
                    .iter()
                    .filter(|k| k.checked)
                    .map(|k| k.text.as_str())
                    .collect();
                let mut text = format!(
                    "Key points covered: {} of {}",
                    covered.len(),
                    question.key_points.len()
                );
                if !covered.is_empty() {
                    text.push_str(&format!(": {}", covered.join("; ")));
                }
                line(&mut out, &text);
            }
            let asked: Vec<&str> = question
                .follow_ups
                .iter()
                .filter(|f| f.checked)
                .map(|f| f.text.as_str())
                .collect();
            if !asked.is_empty() {
                line(&mut out, &format!("Follow-ups asked: {}", asked.join("; ")));
            }
            for note in &question.notes {
                line(
                    &mut out,
                    &format!("Note, minute {}: {}", note.minute, note.text),
                );
            }
        }
        out
    }

    /// `32:10 of 30:00`, and what went over.
    fn duration_text(&self) -> String {
        let budget = self.budget_minutes * 60;
        let mut text = format!(
            "{} of {}",
            minutes_seconds(self.duration_seconds),
            minutes_seconds(budget)
        );
        if self.duration_seconds > budget {
            text.push_str(&format!(
                ", {} over",
                minutes_seconds(self.duration_seconds - budget)
            ));
        }
        text
    }

    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        line(&mut out, &format!("# Scorecard: {}", self.candidate));
        out.push('\n');
        if !self.role.is_empty() {
            line(&mut out, &format!("- Role: {}", self.role));
        }
        if !self.stage.is_empty() {
            line(&mut out, &format!("- Stage: {}", self.stage));
        }
        if !self.interviewer.is_empty() {
            line(&mut out, &format!("- Interviewer: {}", self.interviewer));
        }
        line(&mut out, &format!("- Date: {}", self.date));
        line(&mut out, &format!("- Started: {}", self.started));
        line(&mut out, &format!("- Duration: {}", self.duration_text()));
        let target = match &self.target_level_name {
            Some(name) => format!("{} · {name}", self.target_level),
            None => self.target_level.to_string(),
        };
        line(&mut out, &format!("- Target level: {target}"));
        line(
            &mut out,
            &format!(
                "- Recommendation: **{}**",
                self.recommendation.unwrap_or("not given")
            ),
        );
        out.push_str("\n## Ratings\n\n");
        for rating in &self.ratings {
            line(
                &mut out,
                &format!("### {}: {}", rating.competency_name, rating.level_text()),
            );
            out.push('\n');
            line(&mut out, &rating_facts(rating));
            out.push('\n');
            if !rating.evidence.trim().is_empty() {
                line(&mut out, rating.evidence.trim());
                out.push('\n');
            }
        }
        out.push_str("## Questions asked\n\n");
        if self.questions.is_empty() {
            out.push_str("None.\n\n");
        }
        for (n, question) in self.questions.iter().enumerate() {
            line(
                &mut out,
                &format!(
                    "### {}. {} ({}, {}:{:02})",
                    n + 1,
                    question.text,
                    question.competency_name,
                    question.seconds / 60,
                    question.seconds % 60
                ),
            );
            out.push('\n');
            if !question.key_points.is_empty() {
                let covered = question.key_points.iter().filter(|k| k.checked).count();
                line(
                    &mut out,
                    &format!(
                        "Key points covered: {covered} of {}",
                        question.key_points.len()
                    ),
                );
                out.push('\n');
                for point in &question.key_points {
                    let mark = if point.checked { "x" } else { " " };
                    line(&mut out, &format!("- [{mark}] {}", point.text));
                }
                out.push('\n');
            }
            let asked: Vec<_> = question.follow_ups.iter().filter(|f| f.checked).collect();
            if !asked.is_empty() {
                out.push_str("Follow-ups asked:\n\n");
                for follow_up in asked {
                    line(&mut out, &format!("- {}", follow_up.text));
                }
                out.push('\n');
            }
            if !question.notes.is_empty() || !question.draft.is_empty() {
                out.push_str("Notes:\n\n");
                for note in &question.notes {
                    line(&mut out, &format!("- min {}: {}", note.minute, note.text));
                }
                if !question.draft.is_empty() {
                    line(
                        &mut out,
                        &format!("- draft, not finished: {}", question.draft),
                    );
                }
                out.push('\n');
            }
        }
        if !self.summary.trim().is_empty() {
            out.push_str("## Summary\n\n");
            line(&mut out, self.summary.trim());
        }
        out
    }
}

/// Appends `text`, made inert, as a line.
fn line(out: &mut String, text: &str) {
    out.push_str(&inert(text));
    out.push('\n');
}

/// `Target level 3 · key points covered 5 of 9`.
fn rating_facts(rating: &RatingCard) -> String {
    format!(
        "Target level {} · key points covered {} of {}",
        rating.target_level, rating.key_points_covered, rating.key_points_total
    )
}

/// `m:ss`.
fn minutes_seconds(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
