//! A live, structured interview: the candidate, the planned questions with what was covered and
//! noted, time spent, ratings anchored to the framework's levels, and a recommendation. Saved as
//! one TOML file per session (see `store::sessions`); exported as a scorecard (`scorecard`). No
//! terminal code; the clock is always passed in.

pub mod kit;
pub mod mock;
pub mod panel;
pub mod prepare;
pub mod scorecard;

use std::fmt;

use chrono::{DateTime, SubsecRound as _, Utc};
use serde::{Deserialize, Serialize};

use crate::content::Library;

/// The overall recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recommendation {
    StrongNo,
    No,
    Yes,
    StrongYes,
}

impl Recommendation {
    pub const ALL: [Recommendation; 4] = [
        Recommendation::StrongNo,
        Recommendation::No,
        Recommendation::Yes,
        Recommendation::StrongYes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Recommendation::StrongNo => "strong no",
            Recommendation::No => "no",
            Recommendation::Yes => "yes",
            Recommendation::StrongYes => "strong yes",
        }
    }
}

/// A line of the interviewer's notes, stamped with the minute of the interview it was written in.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteLine {
    pub minute: u64,
    pub text: String,
}

impl fmt::Debug for NoteLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NoteLine")
            .field("minute", &self.minute)
            .finish_non_exhaustive()
    }
}

/// A planned question and what happened when it was asked.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedQuestion {
    /// The question's id, `framework/competency/question`.
    pub id: String,
    /// Time spent on it, in seconds.
    #[serde(default)]
    pub seconds: u64,
    /// Indexes of the key points the candidate covered.
    #[serde(default)]
    pub key_points: Vec<usize>,
    /// Indexes of the follow-ups asked.
    #[serde(default)]
    pub follow_ups: Vec<usize>,
    #[serde(default)]
    pub notes: Vec<NoteLine>,
    /// A quick note begun and set aside (Esc), reopened by the next `n` on this question.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub draft: String,
}

impl PlannedQuestion {
    pub fn new(id: &str) -> PlannedQuestion {
        PlannedQuestion {
            id: id.to_string(),
            seconds: 0,
            key_points: Vec::new(),
            follow_ups: Vec::new(),
            notes: Vec::new(),
            draft: String::new(),
        }
    }

    /// Whether the question was asked: something ticked or noted, or a few seconds spent on it
    /// with the clock running (paging past it is not asking it).
    pub fn asked(&self) -> bool {
        self.seconds >= ASKED_AFTER_SECONDS
            || !self.key_points.is_empty()
            || !self.follow_ups.is_empty()
            || !self.notes.is_empty()
    }
}

/// Seconds on a question, clock running, after which it counts as asked.
pub const ASKED_AFTER_SECONDS: u64 = 10;

/// A competency's rating on its framework's scale.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// The competency's id.
    pub competency: String,
    /// The level, 1-based; none until rated.
    pub level: Option<usize>,
    #[serde(default)]
    pub evidence: String,
}

/// Who a session is for: an interviewer's interview of a candidate, or a candidate's mock
/// interview of themself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionKind {
    #[default]
    Interview,
    Mock,
}

impl SessionKind {
    fn is_interview(&self) -> bool {
        *self == SessionKind::Interview
    }
}

/// One interview. Personal data: `Debug` shows only its id.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewSession {
    /// `mock` for a candidate's mock interview; absent for an interview.
    #[serde(default, skip_serializing_if = "SessionKind::is_interview")]
    pub kind: SessionKind,
    /// The file name without `.toml`: `YYYYMMDD-HHMM-candidate-name`, with `-2`, `-3`… when
    /// another session took that name first. A loaded session's id is its file's name, whatever
    /// the file says.
    pub id: String,
    pub candidate: String,
    #[serde(default)]
    pub role: String,
    /// Who interviewed (`--interviewer`, or `interviewer` in the settings).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub interviewer: String,
    /// The hiring stage (`--stage`), e.g. "onsite 2".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub stage: String,
    /// The level the role calls for, whose behaviors are the anchors.
    pub level: usize,
    /// The time budget.
    pub minutes: u64,
    pub created: DateTime<Utc>,
    /// When the first question was shown.
    #[serde(default)]
    pub started: Option<DateTime<Utc>>,
    /// Seconds the interview has run (the live view's clock).
    #[serde(default)]
    pub elapsed: u64,
    /// When the interviewer ended it: its clock stops for good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<DateTime<Utc>>,
    /// The index of the question on screen, to come back to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<usize>,
    pub questions: Vec<PlannedQuestion>,
    pub ratings: Vec<Rating>,
    #[serde(default)]
    pub recommendation: Option<Recommendation>,
    #[serde(default)]
    pub summary: String,
    /// The `store::stable_mark` of the scorecard cuecard last wrote to `<id>.scorecard.md`, to
    /// tell it from one edited by hand since (which `x` then never overwrites).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scorecard: Option<String>,
    /// The scorecard submitted to the panel's team folder, if it was: its ratings are locked
    /// until an amendment is begun.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Submission>,
}

/// A scorecard submitted to the team folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub at: DateTime<Utc>,
    /// 1, then one more for each amendment.
    pub version: u32,
    /// `text::digest` of the scorecard as submitted (without its submission time), to tell
    /// whether an amendment changes anything.
    pub digest: String,
    /// The ratings were unlocked to amend them; the next submission is version + 1.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub amending: bool,
}

impl fmt::Debug for InterviewSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InterviewSession")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// The highest target level an interview can have.
pub const MAX_LEVEL: usize = 9;
/// The longest time budget, in minutes (ten hours).
pub const MAX_MINUTES: u64 = 600;

/// What an interview is about, before it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPlan {
    pub candidate: String,
    pub role: String,
    pub level: usize,
    /// Competency ids; empty means every competency.
    pub competencies: Vec<String>,
    pub minutes: u64,
}

/// `Jane O'Neil` → `jane-o-neil`, `李雷` → `li-lei`: the candidate's part of a session id, in
/// `[a-z0-9-]` (names in other scripts are transliterated first).
fn slug(text: &str) -> String {
    let slug = crate::text::slug(text, 40);
    if slug.is_empty() {
        "candidate".to_string()
    } else {
        slug
    }
}

impl InterviewSession {
    /// The ratings, recommendation and summary are submitted to the panel and not being amended:
    /// they do not change.
    pub fn ratings_locked(&self) -> bool {
        self.submitted.as_ref().is_some_and(|s| !s.amending)
    }

    /// A new session from a plan: every question of the competencies at the target level (all of
    /// a competency's questions when none is at that level), each competency to be rated.
    pub fn new(
        library: &Library,
        plan: &SessionPlan,
        now: DateTime<Utc>,
    ) -> Result<InterviewSession, String> {
        let candidate = plan.candidate.trim();
        if candidate.is_empty() {
            return Err("the candidate's name is empty".to_string());
        }
        if !(1..=MAX_LEVEL).contains(&plan.level) {
            return Err(format!("the level must be 1 to {MAX_LEVEL}"));
        }
        if !(1..=MAX_MINUTES).contains(&plan.minutes) {
            return Err(format!(
                "the time budget must be 1 to {MAX_MINUTES} minutes"
            ));
        }
        let competencies: Vec<String> =
            crate::practice::chosen_competencies(library, &plan.competencies)?
                .iter()
                .filter(|c| !c.questions.is_empty())
                .map(|c| c.id.clone())
                .collect();
        if competencies.is_empty() {
            return Err("no questions in that scope".to_string());
        }
        let mut questions = Vec::new();
        for competency_id in &competencies {
            let Some(competency) = library.competency(competency_id) else {
                continue;
            };
            let at_level: Vec<_> = competency
                .questions
                .iter()
                .filter(|q| q.level == Some(plan.level))
                .collect();
            let chosen = if at_level.is_empty() {
                competency.questions.iter().collect()
            } else {
                at_level
            };
            questions.extend(chosen.into_iter().map(|q| PlannedQuestion::new(&q.id)));
        }
        let now = now.trunc_subsecs(0);
        Ok(InterviewSession {
            kind: SessionKind::Interview,
            id: format!("{}-{}", now.format("%Y%m%d-%H%M"), slug(candidate)),
            candidate: candidate.to_string(),
            role: plan.role.trim().to_string(),
            interviewer: String::new(),
            stage: String::new(),
            level: plan.level,
            minutes: plan.minutes,
            created: now,
            started: None,
            elapsed: 0,
            ended: None,
            current: None,
            questions,
            ratings: competencies
                .into_iter()
                .map(|competency| Rating {
                    competency,
                    level: None,
                    evidence: String::new(),
                })
                .collect(),
            recommendation: None,
            summary: String::new(),
            scorecard: None,
            submitted: None,
        })
    }

    /// Adds a question to the plan (and its competency to the ratings); false when it is there.
    pub fn add_question(&mut self, question_id: &str) -> bool {
        if self.questions.iter().any(|q| q.id == question_id) {
            return false;
        }
        self.questions.push(PlannedQuestion::new(question_id));
        if let Some((competency, _)) = question_id.rsplit_once('/')
            && !self.ratings.iter().any(|r| r.competency == competency)
        {
            self.ratings.push(Rating {
                competency: competency.to_string(),
                level: None,
                evidence: String::new(),
            });
        }
        true
    }

    /// Puts the question right after question `index` (adding it to the plan, or moving it there
    /// when it is planned and not asked yet); returns where it is now.
    pub fn insert_question_after(&mut self, index: usize, question_id: &str) -> usize {
        let at = (index + 1).min(self.questions.len());
        match self.questions.iter().position(|q| q.id == question_id) {
            Some(i) if self.questions[i].asked() || i == index => i,
            Some(i) => {
                let question = self.questions.remove(i);
                let at = if i < at { at - 1 } else { at };
                self.questions.insert(at, question);
                at
            }
            None => {
                self.add_question(question_id);
                let question = self.questions.pop().expect("just added");
                self.questions.insert(at, question);
                at
            }
        }
    }

    /// Takes question `index` out of the plan when nothing was done with it yet; whether it did.
    pub fn remove_unasked(&mut self, index: usize) -> bool {
        if self.questions.get(index).is_some_and(|q| !q.asked()) {
            self.questions.remove(index);
            true
        } else {
            false
        }
    }

    /// Adds the question, or removes it when it is in the plan and was not asked yet.
    pub fn toggle_question(&mut self, question_id: &str) {
        match self.questions.iter().position(|q| q.id == question_id) {
            Some(i) if !self.questions[i].asked() => {
                self.questions.remove(i);
            }
            Some(_) => {}
            None => {
                self.add_question(question_id);
            }
        }
    }

    /// Moves the question at `index` one place earlier (`up`) or later; returns its new index.
    pub fn move_question(&mut self, index: usize, up: bool) -> usize {
        let target = if up {
            index.checked_sub(1)
        } else {
            Some(index + 1).filter(|t| *t < self.questions.len())
        };
        match target {
            Some(target) if index < self.questions.len() => {
                self.questions.swap(index, target);
                target
            }
            _ => index,
        }
    }

    /// Adds a note line to question `index`, stamped with the interview's current minute.
    pub fn note(&mut self, index: usize, text: &str) {
        let minute = self.elapsed / 60;
        if let Some(question) = self.questions.get_mut(index) {
            let text = text.trim();
            if !text.is_empty() {
                question.notes.push(NoteLine {
                    minute,
                    text: text.to_string(),
                });
            }
        }
    }

    /// Replaces the text of note line `line` of question `index` (an empty text leaves it).
    pub fn edit_note(&mut self, index: usize, line: usize, text: &str) {
        let text = text.trim();
        if let Some(note) = self
            .questions
            .get_mut(index)
            .and_then(|q| q.notes.get_mut(line))
            && !text.is_empty()
        {
            note.text = text.to_string();
        }
    }

    /// Takes note line `line` out of question `index`, returning it (to be put back on undo).
    pub fn delete_note(&mut self, index: usize, line: usize) -> Option<NoteLine> {
        let notes = &mut self.questions.get_mut(index)?.notes;
        (line < notes.len()).then(|| notes.remove(line))
    }

    /// Puts a deleted note line back where it was (or last, when the notes changed since).
    pub fn restore_note(&mut self, index: usize, line: usize, note: NoteLine) {
        if let Some(question) = self.questions.get_mut(index) {
            let at = line.min(question.notes.len());
            question.notes.insert(at, note);
        }
    }

    /// Ticks or unticks key point (or follow-up) `item` of question `index`.
    pub fn tick(&mut self, index: usize, item: usize, follow_up: bool) {
        if let Some(question) = self.questions.get_mut(index) {
            let list = if follow_up {
                &mut question.follow_ups
            } else {
                &mut question.key_points
            };
            match list.iter().position(|i| *i == item) {
                Some(at) => {
                    list.remove(at);
                }
                None => {
                    list.push(item);
                    list.sort_unstable();
                }
            }
        }
    }

    /// Counts `seconds` more of interview time, on question `index`.
    pub fn spend(&mut self, index: usize, seconds: u64, now: DateTime<Utc>) {
        if self.started.is_none() {
            self.started = Some(now.trunc_subsecs(0));
        }
        self.elapsed = self.elapsed.saturating_add(seconds);
        if let Some(question) = self.questions.get_mut(index) {
            question.seconds = question.seconds.saturating_add(seconds);
        }
    }

    /// Questions not asked yet, and minutes left of the budget: "3 questions, 12 min left".
    pub fn pace(&self) -> Pace {
        let left = self.questions.iter().filter(|q| !q.asked()).count();
        let seconds_left = self.minutes.saturating_mul(60).saturating_sub(self.elapsed);
        Pace {
            questions_left: left,
            seconds_left,
        }
    }
}

/// How the interview is going against its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    pub questions_left: usize,
    pub seconds_left: u64,
}

impl Pace {
    /// Minutes available for each question left, if any is.
    pub fn minutes_each(&self) -> Option<u64> {
        self.seconds_each().map(|s| s / 60)
    }

    /// Seconds available for each question left, if any is.
    pub fn seconds_each(&self) -> Option<u64> {
        (self.questions_left > 0).then(|| self.seconds_left / self.questions_left as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentSource, load};

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-23T09:12:30Z")
            .unwrap()
            .to_utc()
    }

    fn plan(competencies: &[&str], level: usize) -> SessionPlan {
        SessionPlan {
            candidate: "Jane O'Neil".to_string(),
            role: "Support lead".to_string(),
            level,
            competencies: competencies.iter().map(|c| c.to_string()).collect(),
            minutes: 45,
        }
    }

    #[test]
    fn a_session_plans_the_target_levels_questions_of_each_competency() {
        let library = load(&[ContentSource::Bundled]).library;
        let session =
            InterviewSession::new(&library, &plan(&["customer-interaction"], 3), now()).unwrap();
        assert_eq!(session.id, "20261123-0912-jane-o-neil");
        let competency = library
            .competency("customer-support/customer-interaction")
            .unwrap();
        let at_three = competency
            .questions
            .iter()
            .filter(|q| q.level == Some(3))
            .count();
        assert!(at_three > 0);
        assert_eq!(session.questions.len(), at_three);
        assert_eq!(session.ratings.len(), 1);
        assert_eq!(
            session.ratings[0].competency,
            "customer-support/customer-interaction"
        );
        let empty = SessionPlan {
            candidate: "  ".to_string(),
            ..plan(&[], 1)
        };
        assert!(InterviewSession::new(&library, &empty, now()).is_err());
        assert!(InterviewSession::new(&library, &plan(&["nope"], 1), now()).is_err());
    }

    #[test]
    fn a_question_found_mid_interview_goes_right_after_the_current_one() {
        let library = load(&[ContentSource::Bundled]).library;
        let mut session =
            InterviewSession::new(&library, &plan(&["customer-interaction"], 3), now()).unwrap();
        let extra = "service-capabilities/data-privacy/breach-response";
        assert_eq!(session.insert_question_after(0, extra), 1);
        assert_eq!(session.questions[1].id, extra);
        let last = session.questions.last().unwrap().id.clone();
        // Planned and not asked: moved up after the current one.
        assert_eq!(session.insert_question_after(0, &last), 1);
        assert_eq!(session.questions[1].id, last);
        assert!(session.remove_unasked(1));
        session.tick(1, 0, false);
        assert!(!session.remove_unasked(1), "acted on: it stays");
    }

    #[test]
    fn note_lines_are_edited_deleted_and_put_back() {
        let library = load(&[ContentSource::Bundled]).library;
        let mut session =
            InterviewSession::new(&library, &plan(&["customer-interaction"], 3), now()).unwrap();
        session.note(0, "first");
        session.note(0, "second");
        session.edit_note(0, 0, " the first, corrected ");
        session.edit_note(0, 1, "   ");
        assert_eq!(session.questions[0].notes[0].text, "the first, corrected");
        assert_eq!(
            session.questions[0].notes[1].text, "second",
            "kept when emptied"
        );
        let gone = session.delete_note(0, 0).unwrap();
        assert_eq!(session.questions[0].notes.len(), 1);
        assert!(session.delete_note(0, 5).is_none());
        session.restore_note(0, 0, gone);
        assert_eq!(session.questions[0].notes[0].text, "the first, corrected");
    }

    #[test]
    fn plan_editing_ticking_noting_and_time() {
        let library = load(&[ContentSource::Bundled]).library;
        let mut session =
            InterviewSession::new(&library, &plan(&["customer-interaction"], 3), now()).unwrap();
        let planned = session.questions.len();
        let extra = "service-capabilities/data-privacy/breach-response";
        if library.question(extra).is_none() {
            panic!("fixture question missing");
        }
        session.toggle_question(extra);
        assert_eq!(session.questions.len(), planned + 1);
        assert_eq!(session.ratings.len(), 2, "its competency is rated too");
        session.toggle_question(extra);
        assert_eq!(session.questions.len(), planned);
        session.add_question(extra);
        let last = session.questions.len() - 1;
        assert_eq!(session.move_question(last, true), last - 1);
        assert_eq!(session.questions[last - 1].id, extra);
        assert_eq!(session.move_question(0, true), 0);
        session.spend(0, 150, now());
        session.spend(1, 9, now());
        assert!(!session.questions[1].asked(), "paged past, not asked");
        session.spend(1, 1, now());
        assert!(session.questions[1].asked(), "ten seconds on it: asked");
        session.questions[1].seconds = 0;
        session.elapsed -= 10;
        session.note(0, "Calm, clear steps");
        session.tick(0, 2, false);
        session.tick(0, 0, false);
        session.tick(0, 2, false);
        session.tick(0, 0, true);
        let first = &session.questions[0];
        assert_eq!(first.seconds, 150);
        assert_eq!(first.notes[0].minute, 2);
        assert_eq!(first.key_points, vec![0]);
        assert_eq!(first.follow_ups, vec![0]);
        // An asked question stays in the plan.
        let asked = first.id.clone();
        session.toggle_question(&asked);
        assert!(session.questions.iter().any(|q| q.id == asked));
        let pace = session.pace();
        assert_eq!(pace.questions_left, session.questions.len() - 1);
        assert_eq!(pace.seconds_left, 45 * 60 - 150);
        assert_eq!(session.started, Some(now().trunc_subsecs(0)));
        assert!(!format!("{session:?}").contains("Jane"));
    }
}
