//! The content files' format as types: what `cuecard import` and `cuecard new` write, and what
//! `cuecard schema` describes. The loader reads the same keys (`parse.rs` walks them by hand to
//! report every problem at once); a test holds the two to the same keys.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `framework.toml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrameworkFile {
    /// The framework's name as shown.
    pub name: String,
    /// What the framework is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The proficiency scale's level names, lowest first: 2 to 9.
    pub levels: Vec<String>,
}

/// A competency file, `<competency-id>.toml`; in a directory that adds to a framework, a file
/// named after one of its competencies holds only `questions`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CompetencyFile {
    /// The competency's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What the competency is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    /// Words to filter by (no spaces).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Topics to study for this competency.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub study: Vec<String>,
    /// The behavior statements of each level, keyed by the level's number (`1` is the lowest);
    /// every level of the scale is listed, `[]` where the competency has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub behaviors: Option<BTreeMap<String, Vec<String>>>,
    /// The interview questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<QuestionEntry>,
}

/// One `[[questions]]` entry.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct QuestionEntry {
    /// Stable id (a-z, 0-9, `-`): notes and history are kept under it.
    pub id: String,
    /// The question as asked.
    pub text: String,
    /// The level it probes (1 is the lowest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<usize>,
    /// Words to filter by, such as `behavioral` or `situational`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// What a strong answer covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_points: Vec<String>,
    /// Questions to ask after the answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<String>,
    /// Guidance for the interviewer only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviewer_note: Option<String>,
}

impl FrameworkFile {
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }
}

impl CompetencyFile {
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }
}
