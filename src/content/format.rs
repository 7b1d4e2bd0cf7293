//! The content files' format as types: what `cuecard import` and `cuecard new` write, and what
//! `cuecard schema` describes. The loader reads the same keys (`parse.rs` walks them by hand to
//! report every problem at once); a test holds the two to the same keys.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `framework.toml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameworkFile {
    /// The framework's name as shown.
    #[schemars(length(min = 1))]
    pub name: String,
    /// What the framework is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub description: Option<String>,
    /// The proficiency scale's level names, lowest first: 2 to 9.
    #[schemars(length(min = 2, max = 9), inner(length(min = 1)))]
    pub levels: Vec<String>,
}

/// A competency file, `<competency-id>.toml`; in a directory that adds to a framework, a file
/// named after one of its competencies holds only `questions`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompetencyFile {
    /// The competency's name (required, except in a file that only adds questions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub name: Option<String>,
    /// What the competency is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub definition: Option<String>,
    /// Words to filter by (no spaces).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = r"^\S+$")))]
    pub tags: Vec<String>,
    /// Topics to study for this competency.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(length(min = 1)))]
    pub study: Vec<String>,
    /// The behavior statements of each level, keyed by the level's number (`1` is the lowest);
    /// every level of the scale is listed, `[]` where the competency has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend(
        "propertyNames" = { "pattern": "^[1-9]$" },
        "additionalProperties" = { "type": "array", "items": { "type": "string", "minLength": 1 } }
    ))]
    pub behaviors: Option<BTreeMap<String, Vec<String>>>,
    /// The interview questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<QuestionEntry>,
}

/// One `[[questions]]` entry.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionEntry {
    /// Stable id (a-z, 0-9, `-`): notes and history are kept under it.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    /// The question as asked.
    #[schemars(length(min = 1))]
    pub text: String,
    /// The level it probes (1 is the lowest; at most the framework's number of levels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 9))]
    pub level: Option<usize>,
    /// Words to filter by, such as `behavioral` or `situational`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = r"^\S+$")))]
    pub tags: Vec<String>,
    /// What a strong answer covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(length(min = 1)))]
    pub key_points: Vec<String>,
    /// Questions to ask after the answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(length(min = 1)))]
    pub follow_ups: Vec<String>,
    /// Guidance for the interviewer only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub interviewer_note: Option<String>,
}

/// The kinds of content file `cuecard schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Framework,
    Competency,
}

/// The JSON Schema (draft 7) of a kind of content file, for editors with a TOML language server.
pub fn schema(kind: FileKind) -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = match kind {
        FileKind::Framework => generator.into_root_schema_for::<FrameworkFile>(),
        FileKind::Competency => generator.into_root_schema_for::<CompetencyFile>(),
    }
    .to_value();
    if kind == FileKind::Competency
        && let Some(object) = schema.as_object_mut()
    {
        // A competency has a name; a file that only adds questions to one has nothing else.
        object.insert(
            "anyOf".to_string(),
            serde_json::json!([
                { "required": ["name"] },
                { "required": ["questions"], "maxProperties": 1 }
            ]),
        );
    }
    schema
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse::{COMPETENCY_KEYS, FRAMEWORK_KEYS, QUESTION_KEYS};

    fn keys(schema: &serde_json::Value, at: &str) -> Vec<String> {
        let mut keys: Vec<String> = schema
            .pointer(at)
            .and_then(serde_json::Value::as_object)
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        keys.sort();
        keys
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        keys.sort();
        keys
    }

    #[test]
    fn the_schema_and_the_loader_know_the_same_keys() {
        let framework = schema(FileKind::Framework);
        assert_eq!(keys(&framework, "/properties"), sorted(FRAMEWORK_KEYS));
        let competency = schema(FileKind::Competency);
        assert_eq!(keys(&competency, "/properties"), sorted(COMPETENCY_KEYS));
        assert_eq!(
            keys(&competency, "/definitions/QuestionEntry/properties"),
            sorted(QUESTION_KEYS)
        );
        assert_eq!(
            framework["$schema"],
            "http://json-schema.org/draft-07/schema#"
        );
    }
}
