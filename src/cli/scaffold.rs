//! `cuecard schema` and `cuecard new`: help for people who write content by hand.

use std::path::{Path, PathBuf};

use crate::content::format::{FileKind, schema};
use crate::content::parse::is_valid_id;

/// The JSON Schema of a kind of file, pretty-printed.
pub fn schema_text(kind: FileKind) -> String {
    let mut text = serde_json::to_string_pretty(&schema(kind)).unwrap_or_default();
    text.push('\n');
    text
}

/// `framework.toml` with every key explained.
fn framework_template(name: &str) -> String {
    format!(
        r#"# A competency framework: its name, what it is for, and its proficiency scale.
# Check it with `cuecard validate`; `cuecard schema framework` describes every key.

# The name shown in the app.
name = "{name}"

# One or two sentences on what the framework is for (optional).
description = "What this framework is for, and who it describes."

# The scale's level names, lowest first: 2 to 9 of them. Behaviors and questions refer to a
# level by its number (1 is the first name here).
levels = ["Basic", "Working", "Advanced", "Expert"]
"#
    )
}

/// A competency file with every key explained, for a scale of `levels` levels.
fn competency_template(name: &str, levels: &[String]) -> String {
    let behaviors: String = levels
        .iter()
        .enumerate()
        .map(|(i, level)| {
            format!(
                "# {level}: what someone at this level does, that an interviewer can see or hear,\n# as in [\"Explains …\", \"Leads …\"]\n{} = []\n",
                i + 1
            )
        })
        .collect();
    format!(
        r#"# A competency: its definition, what each level does, and the questions that probe it.
# The file name (without .toml) is the competency's id. Check with `cuecard validate`.

# The name shown in the app.
name = "{name}"

# What the competency is, in a sentence or two (optional).
definition = "What this competency is."

# Words to filter by in search, `#tag` (optional; no spaces).
tags = []

# Topics a candidate should study (optional).
study = []

# The behavior statements of each level, by the level's number. Every level is listed; write
# `N = []` where the competency has none at that level. Leave [behaviors] out altogether for a
# question bank.
[behaviors]
{behaviors}
# One [[questions]] entry per question (or add them in the app with `a`). `id` is stable: notes
# and history are kept under it, so keep it when you reword the question. Remove the `#` marks
# below to start the first one.
#
# [[questions]]
# id = "first-question"
# text = "Tell me about a time when you …"
# level = 1                        # the level the question probes (optional)
# tags = ["behavioral"]            # behavioral (past behaviour), situational (a scenario)…
# key_points = ["Describes the situation and their own part in it"]   # what a strong answer covers
# follow_ups = ["What would you do differently?"]                     # to ask after the answer
"#
    )
}

/// What `cuecard new` wrote, or why it did not.
pub fn new_framework(root: &Path, id: &str) -> Result<PathBuf, String> {
    check_id(id, "framework")?;
    let path = root.join(id).join("framework.toml");
    let name = crate::text::title_of_id(id);
    create(root, &path, &framework_template(&name))
}

/// A competency file in framework `framework` (whose scale is `levels`).
pub fn new_competency(
    root: &Path,
    framework: &str,
    id: &str,
    levels: &[String],
) -> Result<PathBuf, String> {
    check_id(framework, "framework")?;
    check_id(id, "competency")?;
    let path = root.join(framework).join(format!("{id}.toml"));
    create(
        root,
        &path,
        &competency_template(&crate::text::title_of_id(id), levels),
    )
}

fn check_id(id: &str, what: &str) -> Result<(), String> {
    if is_valid_id(id) {
        Ok(())
    } else {
        let suggestion = crate::text::slug(id, 48);
        Err(format!(
            "`{id}` is not a valid {what} id: use only a-z, 0-9 and `-`{}",
            if suggestion.is_empty() {
                String::new()
            } else {
                format!(", as in `{suggestion}`")
            }
        ))
    }
}

/// Writes a new file; never over one that exists.
fn create(root: &Path, path: &Path, text: &str) -> Result<PathBuf, String> {
    let _lock = crate::store::lock_beside(root, path).map_err(|e| e.to_string())?;
    if path.exists() {
        return Err(format!(
            "{} already exists: edit it, or choose another id",
            path.display()
        ));
    }
    crate::store::write_private_in(root, path, text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(path.to_path_buf())
}
