//! Interview kits: a plan a hiring team shares so that every candidate for a role gets the same
//! interview — role, stage, target level, the competencies assessed, the ordered questions, the
//! time budget and instructions. A kit never holds anything about a candidate.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{InterviewSession, PlannedQuestion, Rating, SessionPlan};
use crate::content::Library;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kit {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub stage: String,
    /// The level the role calls for.
    pub level: usize,
    /// The time budget in minutes.
    pub minutes: u64,
    /// For the interviewer: what this stage is for, what to leave to other stages.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub instructions: String,
    /// Competency ids (`framework/competency`), in the order they are rated.
    pub competencies: Vec<String>,
    /// Question ids, in the order they are asked.
    pub questions: Vec<String>,
}

impl Kit {
    /// A session's plan as a kit named `name` (no candidate, no notes, no ratings).
    pub fn from_session(session: &InterviewSession, name: &str) -> Kit {
        Kit {
            name: name.trim().to_string(),
            role: session.role.clone(),
            stage: session.stage.clone(),
            level: session.level,
            minutes: session.minutes,
            instructions: String::new(),
            competencies: session
                .ratings
                .iter()
                .map(|r| r.competency.clone())
                .collect(),
            questions: session.questions.iter().map(|q| q.id.clone()).collect(),
        }
    }

    /// A new interview of `candidate` from the kit; the questions and competencies the content no
    /// longer has are left out and returned, so the interview still starts with the rest.
    pub fn session(
        &self,
        library: &Library,
        candidate: &str,
        now: DateTime<Utc>,
    ) -> Result<(InterviewSession, Vec<String>), String> {
        let (questions, gone_questions): (Vec<&String>, Vec<&String>) = self
            .questions
            .iter()
            .partition(|q| library.question(q).is_some());
        let (competencies, gone_competencies): (Vec<&String>, Vec<&String>) = self
            .competencies
            .iter()
            .partition(|c| library.competency(c).is_some());
        if questions.is_empty() {
            return Err(format!(
                "none of the kit's {} questions is in the content any more: `cuecard kit show {}` \
                 lists them",
                self.questions.len(),
                self.name
            ));
        }
        let plan = SessionPlan {
            candidate: candidate.to_string(),
            role: self.role.clone(),
            level: self.level,
            competencies: competencies.iter().map(|c| (*c).clone()).collect(),
            minutes: self.minutes,
        };
        let mut session = InterviewSession::new(library, &plan, now)?;
        session.stage.clone_from(&self.stage);
        session.questions = questions.iter().map(|q| PlannedQuestion::new(q)).collect();
        session.ratings = competencies
            .iter()
            .map(|c| Rating {
                competency: (*c).clone(),
                level: None,
                evidence: String::new(),
            })
            .collect();
        let gone = gone_questions
            .into_iter()
            .chain(gone_competencies)
            .cloned()
            .collect();
        Ok((session, gone))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentSource, load};

    #[test]
    fn a_kit_round_trips_and_starts_with_the_questions_that_still_exist() {
        let library = load(&[ContentSource::Bundled]).library;
        let plan = SessionPlan {
            candidate: "Jane".into(),
            role: "Support lead".into(),
            level: 3,
            competencies: vec!["customer-support/customer-interaction".into()],
            minutes: 30,
        };
        let session = InterviewSession::new(&library, &plan, Utc::now()).unwrap();
        let mut kit = Kit::from_session(&session, " Support L3 onsite ");
        assert_eq!(kit.name, "Support L3 onsite");
        let text = toml::to_string(&kit).unwrap();
        assert!(!text.contains("Jane"), "no candidate in a kit: {text}");
        let back: Kit = toml::from_str(&text).unwrap();
        assert_eq!(back, kit);
        kit.questions
            .push("customer-support/customer-interaction/gone".into());
        let (next, gone) = kit.session(&library, "Sam", Utc::now()).unwrap();
        assert_eq!(gone, ["customer-support/customer-interaction/gone"]);
        assert_eq!(next.candidate, "Sam");
        assert_eq!(next.questions.len(), session.questions.len());
        assert_eq!(next.level, 3);
    }
}
