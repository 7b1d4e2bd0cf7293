//! Competency frameworks: the domain model, and loading it from TOML with located diagnostics.
//!
//! Nothing here knows about a terminal; the browser, search, practice and interview modes all read
//! the [`Library`] built by [`load`].

pub mod edit;
pub mod format;
pub mod import;
mod load;
pub(crate) mod parse;
mod problem;
mod source;

pub use load::{Loaded, load};
pub use parse::{is_valid_id, place_spanless};
pub use problem::{Problem, locate};
pub use source::{ContentSource, default_sources, user_content_dir};

/// Every framework cuecard knows about, in display order (by id).
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub frameworks: Vec<Framework>,
}

/// A competency framework: a proficiency scale and the competencies assessed on it.
#[derive(Debug, Clone)]
pub struct Framework {
    /// The framework's directory name.
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// The scale's level names in order; level `n` is `levels[n - 1]`.
    pub levels: Vec<String>,
    /// Ordered by name, as a reader looks for them.
    pub competencies: Vec<Competency>,
}

/// One competency of a framework.
#[derive(Debug, Clone)]
pub struct Competency {
    /// `framework/competency`.
    pub id: String,
    pub name: String,
    /// Empty when the file gives none (a question bank).
    pub definition: String,
    pub tags: Vec<String>,
    /// Topics a candidate should study for this competency.
    pub study: Vec<String>,
    /// Behavior statements per level: `behaviors[n - 1]` holds level `n`'s, one list per level of
    /// the scale; a list is empty where the competency has none at that level (a question bank
    /// has none at all).
    pub behaviors: Vec<Vec<String>>,
    pub questions: Vec<Question>,
}

/// An interview question. Its id is stable so that notes and history stay attached to it when the
/// wording changes.
#[derive(Debug, Clone)]
pub struct Question {
    /// `framework/competency/question`.
    pub id: String,
    pub text: String,
    /// The level the question probes, 1-based, within the framework's scale.
    pub level: Option<usize>,
    pub tags: Vec<String>,
    /// What a strong answer covers.
    pub key_points: Vec<String>,
    pub follow_ups: Vec<String>,
    /// Guidance for the interviewer only (e.g. what not to probe), shown in the live view.
    pub interviewer_note: Option<String>,
    /// The file on disk the question is written in; `None` for bundled content. The app edits
    /// and deletes only questions with a file.
    pub file: Option<std::sync::Arc<std::path::Path>>,
}

impl Framework {
    /// The name of level `n` (1-based), if the scale has it.
    pub fn level_name(&self, n: usize) -> Option<&str> {
        n.checked_sub(1)
            .and_then(|i| self.levels.get(i))
            .map(String::as_str)
    }
}

impl Competency {
    /// The competency's own part of its id (the file name).
    pub fn local_id(&self) -> &str {
        self.id.rsplit('/').next().unwrap_or(&self.id)
    }

    pub fn behavior_count(&self) -> usize {
        self.behaviors.iter().map(Vec::len).sum()
    }
}

impl Question {
    /// The question's own part of its id.
    pub fn local_id(&self) -> &str {
        self.id.rsplit('/').next().unwrap_or(&self.id)
    }
}

/// Totals over a library, as `validate` reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub frameworks: usize,
    pub competencies: usize,
    pub behaviors: usize,
    pub questions: usize,
}

impl Library {
    pub fn counts(&self) -> Counts {
        let competencies = || self.frameworks.iter().flat_map(|f| &f.competencies);
        Counts {
            frameworks: self.frameworks.len(),
            competencies: competencies().count(),
            behaviors: competencies().map(Competency::behavior_count).sum(),
            questions: competencies().map(|c| c.questions.len()).sum(),
        }
    }

    /// Every tag of a competency or a question, lowercased as search matches them.
    pub fn tags(&self) -> std::collections::BTreeSet<String> {
        self.frameworks
            .iter()
            .flat_map(|f| &f.competencies)
            .flat_map(|c| {
                c.tags
                    .iter()
                    .chain(c.questions.iter().flat_map(|q| &q.tags))
            })
            .map(|t| t.to_lowercase())
            .collect()
    }

    /// The most levels any framework's scale has.
    pub fn top_level(&self) -> usize {
        self.frameworks
            .iter()
            .map(|f| f.levels.len())
            .max()
            .unwrap_or(0)
    }

    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.id == id)
    }

    /// The competency with id `framework/competency`.
    pub fn competency(&self, id: &str) -> Option<&Competency> {
        let (framework, _) = id.split_once('/')?;
        self.framework(framework)?
            .competencies
            .iter()
            .find(|c| c.id == id)
    }

    /// The question with id `framework/competency/question`.
    pub fn question(&self, id: &str) -> Option<&Question> {
        let (competency, _) = id.rsplit_once('/')?;
        self.competency(competency)?
            .questions
            .iter()
            .find(|q| q.id == id)
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} frameworks, {} competencies, {} behaviors, {} questions",
            self.frameworks, self.competencies, self.behaviors, self.questions
        )
    }
}
