//! Fitting a [`Draft`] to the framework it goes into, and the files that gives.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::{At, Draft, DraftCompetency, InputProblem, LevelRef, name_key};
use crate::content::format::{CompetencyFile, FrameworkFile, QuestionEntry};
use crate::content::parse::{MAX_LEVELS, MIN_LEVELS, is_valid_id};
use crate::content::{Competency, Framework, Library};
use crate::text::{allowed_in_content, slug};

/// What the command line asks for.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub framework: Option<String>,
    pub name: Option<String>,
    pub levels: Option<Vec<String>>,
    /// The content directory written to.
    pub out: PathBuf,
    pub force: bool,
    /// The input files' names, for the generated files' header.
    pub inputs: Vec<String>,
}

/// What happens to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    Create,
    Update,
    Unchanged,
    /// Edited by hand since it was imported: left alone (without `--force`).
    KeptEdited,
    /// Not written by `cuecard import`: left alone (without `--force`).
    KeptOwn,
    /// Edited or not written by import, replaced with `--force`.
    Replace,
    /// Written by an earlier import of these inputs, and no longer in them: left alone.
    Gone,
}

impl FileAction {
    pub fn writes(self) -> bool {
        matches!(self, Self::Create | Self::Update | Self::Replace)
    }

    /// One word for the file's fate, true of a dry run too.
    pub fn label(self) -> &'static str {
        match self {
            Self::Create => "new",
            Self::Update => "update",
            Self::Unchanged => "same",
            Self::KeptEdited | Self::KeptOwn => "keep",
            Self::Replace => "replace",
            Self::Gone => "gone",
        }
    }

    /// Why, where the word does not say it.
    pub fn note(self) -> &'static str {
        match self {
            Self::KeptEdited => " (edited since it was imported; --force replaces it)",
            Self::KeptOwn => " (not written by cuecard import; --force replaces it)",
            Self::Replace => " (--force; the old file is kept beside it as .replaced-…)",
            Self::Gone => {
                " (no longer in the input; kept as it is: delete it if you do not want it)"
            }
            _ => "",
        }
    }
}

#[derive(Debug, Clone)]
pub struct PlannedFile {
    pub path: PathBuf,
    pub text: String,
    pub action: FileAction,
}

/// One competency as imported.
#[derive(Debug, Clone)]
pub struct ImportedCompetency {
    pub id: String,
    pub name: String,
    pub behaviors: Vec<usize>,
    pub questions: usize,
    /// Questions added to a competency the framework already had.
    pub added_to_existing: bool,
    /// Other input files whose part of this competency's file is kept (imported before).
    pub kept_from: Vec<String>,
}

/// The files an import writes, and what they hold.
#[derive(Debug, Clone)]
pub struct Plan {
    pub framework_id: String,
    pub framework_name: String,
    pub levels: Vec<String>,
    /// True when the import adds to a framework loaded from elsewhere (no framework.toml written).
    pub extends: bool,
    pub competencies: Vec<ImportedCompetency>,
    pub files: Vec<PlannedFile>,
}

/// Where the import goes: `base` is the content without the output directory, `out` the content
/// of the output directory alone (a framework there with its framework.toml is updated).
pub fn plan(
    draft: &Draft,
    options: &ImportOptions,
    base: &Library,
    out: &Library,
) -> Result<Plan, Vec<InputProblem>> {
    let mut problems = Vec::new();
    let command_line = At {
        file: "command line".to_string(),
        line: 0,
    };
    let first_input = options.inputs.first().map_or("import", String::as_str);
    let framework_id = match &options.framework {
        Some(id) if is_valid_id(id) => id.clone(),
        Some(id) => {
            let suggestion = slug(id, 48);
            return Err(vec![command_line.problem(format!(
                "--framework `{id}` is not a valid id: use only a-z, 0-9 and `-`{}",
                if suggestion.is_empty() {
                    String::new()
                } else {
                    format!(", as in `{suggestion}`")
                }
            ))]);
        }
        None => {
            let from = options
                .name
                .as_deref()
                .or(draft.name.as_deref())
                .unwrap_or_else(|| file_stem(first_input));
            let id = slug(from, 48);
            if id.is_empty() {
                return Err(vec![command_line.problem(
                    "no framework id can be made from the file's name: give one with \
                     --framework ID (a-z, 0-9 and `-`)",
                )]);
            }
            id
        }
    };
    let own = out.framework(&framework_id);
    let extending = base.framework(&framework_id).filter(|_| own.is_none());
    let existing = extending.or(own);

    // The scale.
    let given = options
        .levels
        .as_ref()
        .map(|l| (l.clone(), command_line.clone()));
    let levels = match (extending, given.or_else(|| draft.levels.clone())) {
        (Some(framework), Some((levels, at))) => {
            if !same_scale(&framework.levels, &levels) {
                problems.push(at.problem(format!(
                    "framework `{framework_id}` already exists with the levels {}; these are {}: \
                     import into a framework of your own with --framework NEW-ID",
                    framework.levels.join(", "),
                    levels.join(", ")
                )));
            }
            framework.levels.clone()
        }
        (Some(framework), None) => framework.levels.clone(),
        (None, Some((levels, _))) => levels,
        (None, None) => match own
            .map(|f| f.levels.clone())
            .or_else(|| numbered_scale(draft))
        {
            Some(levels) => levels,
            None => {
                return Err(vec![command_line.problem(format!(
                    "no proficiency scale for `{framework_id}`: give the level names with \
                     --levels \"Basic,Working,Expert\", or add to an existing framework with \
                     --framework ID (`cuecard list` shows them)"
                ))]);
            }
        },
    };
    if !(MIN_LEVELS..=MAX_LEVELS).contains(&levels.len()) {
        problems.push(command_line.problem(format!(
            "the scale has {} levels ({}): a framework has {MIN_LEVELS} to {MAX_LEVELS}",
            levels.len(),
            levels.join(", ")
        )));
        return Err(problems);
    }
    let framework_name = options
        .name
        .clone()
        .or_else(|| draft.name.clone())
        .or_else(|| existing.map(|f| f.name.clone()))
        .unwrap_or_else(|| crate::text::title_of_id(&framework_id));

    let mut competencies = Vec::new();
    let mut files = Vec::new();
    let dir = options.out.join(&framework_id);
    let inputs: Vec<String> = options.inputs.iter().map(|i| file_name(i)).collect();
    let mut used_ids: Vec<String> = extending
        .map(|f| {
            f.competencies
                .iter()
                .map(|c| c.local_id().to_string())
                .collect()
        })
        .unwrap_or_default();
    for draft_competency in &draft.competencies {
        let matched = existing.and_then(|f| find_competency(f, &draft_competency.name));
        let added_to_existing = extending.is_some() && matched.is_some();
        let id = match matched {
            Some(c) => c.local_id().to_string(),
            None => {
                let id = unique(
                    &fallback_slug(&draft_competency.name, "competency"),
                    &used_ids,
                );
                used_ids.push(id.clone());
                id
            }
        };
        let name = matched.map_or_else(|| draft_competency.name.clone(), |c| c.name.clone());
        let behaviors = resolve_behaviors(draft_competency, &levels, &mut problems);
        if added_to_existing && behaviors.iter().any(|b| !b.is_empty()) {
            problems.push(draft_competency.at.problem(format!(
                "`{name}` already exists in `{framework_id}`: an import may add questions to it, \
                 not behaviors; import the behaviors as a framework of your own with \
                 --framework NEW-ID"
            )));
        }
        let taken: Vec<String> = match matched {
            Some(c) if added_to_existing => c
                .questions
                .iter()
                .map(|q| q.local_id().to_string())
                .collect(),
            _ => Vec::new(),
        };
        let questions = questions(draft_competency, &levels, taken, &mut problems);
        check_text(draft_competency, &mut problems);
        if added_to_existing && questions.is_empty() {
            continue;
        }
        let file = if added_to_existing {
            CompetencyFile {
                questions,
                ..CompetencyFile::default()
            }
        } else {
            CompetencyFile {
                name: Some(name.clone()),
                definition: draft_competency.definition.clone(),
                tags: Vec::new(),
                study: draft_competency.study.clone(),
                behaviors: (behaviors.iter().any(|b| !b.is_empty())).then(|| {
                    behaviors
                        .iter()
                        .enumerate()
                        .map(|(i, b)| ((i + 1).to_string(), b.clone()))
                        .collect()
                }),
                questions,
            }
        };
        let path = dir.join(format!("{id}.toml"));
        // A file an import of other inputs wrote: what they gave it stays, this input's part is
        // added or updated.
        let (file, inputs, kept_from) = match earlier(&path, &inputs) {
            Some((old, recorded, foreign)) => {
                (merge(old, file), union(&recorded, &inputs), foreign)
            }
            None => (file, inputs.clone(), Vec::new()),
        };
        competencies.push(ImportedCompetency {
            id: format!("{framework_id}/{id}"),
            name: name.clone(),
            behaviors: file
                .behaviors
                .as_ref()
                .map(|b| b.values().map(Vec::len).collect())
                .unwrap_or_else(|| vec![0; levels.len()]),
            questions: file.questions.len(),
            added_to_existing,
            kept_from,
        });
        files.push((path, file.to_toml(), inputs));
    }
    if draft.competencies.is_empty() {
        problems.push(
            At {
                file: first_input.to_string(),
                line: 0,
            }
            .problem("nothing to import: no competency found in the input"),
        );
    }
    let mut framework_name = framework_name;
    if extending.is_none() {
        let path = dir.join("framework.toml");
        let mut header = FrameworkFile {
            name: framework_name.clone(),
            description: draft
                .description
                .clone()
                .or_else(|| existing.and_then(|f| f.description.clone())),
            levels: levels.clone(),
        };
        let mut recorded_inputs = inputs.clone();
        // The framework as another input made it keeps its name and scale.
        if let (Some(framework), Some((_, recorded, foreign))) =
            (own, earlier_inputs(&path, &inputs))
        {
            if !same_scale(&framework.levels, &levels) {
                let at = draft.levels.as_ref().map_or(&command_line, |(_, at)| at);
                problems.push(at.problem(format!(
                    "framework `{framework_id}` has the levels {} (imported from {}); these are                      {}: use the same level names, or import into another --framework",
                    framework.levels.join(", "),
                    foreign.join(", "),
                    levels.join(", ")
                )));
            }
            if options.name.is_none() {
                header.name = framework.name.clone();
                framework_name = framework.name.clone();
            }
            header.description = header.description.or_else(|| framework.description.clone());
            recorded_inputs = union(&recorded, &inputs);
        }
        files.insert(0, (path, header.to_toml(), recorded_inputs));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut planned: Vec<PlannedFile> = files
        .into_iter()
        .map(|(path, body, recorded)| {
            let text = with_header(&body, &recorded);
            let action = action(&path, &text, options.force);
            PlannedFile { path, text, action }
        })
        .collect();
    planned.extend(gone(&dir, &inputs, &planned));
    let files = planned;
    Ok(Plan {
        framework_id,
        framework_name,
        levels,
        extends: extending.is_some(),
        competencies,
        files,
    })
}

fn file_stem(path: &str) -> &str {
    Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(path)
}

/// Level names compared as a reader would: case and spacing aside.
fn same_scale(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| name_key(x) == name_key(y))
}

/// `Level 1` … `Level N` for an input that numbers its levels without naming them.
fn numbered_scale(draft: &Draft) -> Option<Vec<String>> {
    let top = draft
        .competencies
        .iter()
        .flat_map(|c| &c.behaviors)
        .filter_map(|b| match b.level {
            LevelRef::Number(n) => Some(n),
            LevelRef::Name(_) => None,
        })
        .max()?;
    Some((1..=top).map(|n| format!("Level {n}")).collect())
}

/// The competency of `framework` that a bank's cell names: by its id or its name.
fn find_competency<'f>(framework: &'f Framework, cell: &str) -> Option<&'f Competency> {
    let key = name_key(cell);
    let cell = cell.trim();
    framework
        .competencies
        .iter()
        .find(|c| c.local_id() == cell || c.id == cell || name_key(&c.name) == key)
}

/// A slug of `text`, or `<kind>-` and a digest of it when no letter of it has a Latin form: the
/// same text always gives the same id.
fn fallback_slug(text: &str, kind: &str) -> String {
    let id = slug(text, 48);
    if id.is_empty() {
        format!("{kind}-{}", &crate::text::digest(text.trim())[..8])
    } else {
        id
    }
}

/// `id`, or `id-2`, `id-3`… when taken.
fn unique(id: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == id) {
        return id.to_string();
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !taken.iter().any(|t| t == candidate))
        .unwrap_or_default()
}

/// A level as the input names it, as a number on `levels`.
fn level_number(level: &LevelRef, levels: &[String]) -> Result<usize, String> {
    match level {
        LevelRef::Number(n) if (1..=levels.len()).contains(n) => Ok(*n),
        LevelRef::Name(name) => levels
            .iter()
            .position(|l| name_key(l) == name_key(name))
            .map(|i| i + 1)
            .ok_or_else(|| {
                let nearest = levels
                    .iter()
                    .map(|l| {
                        (
                            strsim::damerau_levenshtein(&name_key(l), &name_key(name)),
                            l,
                        )
                    })
                    .min()
                    .filter(|(d, _)| *d <= 3)
                    .map(|(_, l)| format!(" (did you mean `{l}`?)"))
                    .unwrap_or_default();
                format!(
                    "level `{name}` is not a level of the scale{nearest}: use a number from 1 to \
                     {} or one of {}",
                    levels.len(),
                    levels.join(", ")
                )
            }),
        LevelRef::Number(n) => Err(format!(
            "level {n} is outside the scale of {} levels ({}): use a level from 1 to {}",
            levels.len(),
            levels.join(", "),
            levels.len()
        )),
    }
}

fn resolve_behaviors(
    competency: &DraftCompetency,
    levels: &[String],
    problems: &mut Vec<InputProblem>,
) -> Vec<Vec<String>> {
    let mut by_level = vec![Vec::new(); levels.len()];
    for block in &competency.behaviors {
        match level_number(&block.level, levels) {
            Ok(n) => by_level[n - 1].extend(block.statements.iter().cloned()),
            Err(message) if !block.statements.is_empty() => {
                problems.push(block.at.problem(message));
            }
            // An empty column of a level the scale does not have loses nothing.
            Err(_) => {}
        }
    }
    by_level
}

fn questions(
    competency: &DraftCompetency,
    levels: &[String],
    mut taken: Vec<String>,
    problems: &mut Vec<InputProblem>,
) -> Vec<QuestionEntry> {
    let existing = taken.len();
    let mut given: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    let mut lines = Vec::new();
    for question in &competency.questions {
        let level = match question.level.as_ref().map(|l| level_number(l, levels)) {
            Some(Ok(n)) => Some(n),
            Some(Err(message)) => {
                problems.push(question.at.problem(message));
                None
            }
            None => None,
        };
        let id = match &question.id {
            Some(id) => {
                let id = slug(id, 48);
                if id.is_empty() {
                    problems.push(question.at.problem(
                        "the `id` cell has no letter or digit: give an id of a-z, 0-9 and `-`, or \
                         leave the cell empty",
                    ));
                    continue;
                }
                if let Some(first) = given.get(&id) {
                    problems.push(question.at.problem(format!(
                        "id `{id}` is given twice (first on line {first}): ids must differ within \
                         a competency"
                    )));
                    continue;
                }
                if taken[..existing].contains(&id) {
                    problems.push(question.at.problem(format!(
                        "id `{id}` is already a question of `{}`: give this one another id",
                        competency.name
                    )));
                    continue;
                }
                given.insert(id.clone(), question.at.line);
                id
            }
            None => crate::content::edit::question_id(&question.text, &taken),
        };
        taken.push(id.clone());
        lines.push(&question.at);
        out.push(QuestionEntry {
            id,
            text: question.text.clone(),
            level,
            tags: question
                .tags
                .iter()
                .map(|t| t.replace(char::is_whitespace, "-"))
                .collect(),
            key_points: question.key_points.clone(),
            follow_ups: question.follow_ups.clone(),
            interviewer_note: None,
        });
    }
    // A question given an id after one made up the same from its words keeps its id.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, question) in out.iter().enumerate() {
        if let Some(first) = seen.insert(question.id.as_str(), index) {
            problems.push(lines[index].problem(format!(
                "id `{}` is also the id made for the question on line {}: give one of them \
                 another id",
                question.id, lines[first].line
            )));
        }
    }
    out
}

/// Text that would drive the terminal is refused where it stands in the input.
fn check_text(competency: &DraftCompetency, problems: &mut Vec<InputProblem>) {
    let bad = |text: &str| text.chars().find(|c| !allowed_in_content(*c));
    let mut report = |at: &At, text: &str| {
        if let Some(c) = bad(text) {
            problems.push(at.problem(format!(
                "the text holds the control character U+{:04X}: remove it",
                c as u32
            )));
        }
    };
    report(&competency.at, &competency.name);
    if let Some(definition) = &competency.definition {
        report(&competency.at, definition);
    }
    for block in &competency.behaviors {
        for statement in &block.statements {
            report(&block.at, statement);
        }
    }
    for question in &competency.questions {
        for text in std::iter::once(&question.text)
            .chain(&question.key_points)
            .chain(&question.follow_ups)
        {
            report(&question.at, text);
        }
    }
}

/// The line that records what import wrote, to tell a later import whether it was edited since.
const CHECKSUM: &str = "# cuecard-import-checksum: ";

fn checksum(body: &str) -> String {
    crate::text::digest(body)[..16].to_string()
}

/// The line that records which input files made a file (`|` between their names).
const INPUTS: &str = "# cuecard-import-inputs: ";

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
        .replace(['\n', '\r', '|'], " ")
}

fn with_header(body: &str, inputs: &[String]) -> String {
    format!(
        "# Written by `cuecard import` from {}. Importing again updates this file; once you edit \
         it,\n# a later import leaves it alone (`--force` replaces it).\n{INPUTS}{}\n{CHECKSUM}{}\n\n{body}",
        crate::text::inert(&inputs.join(", ")),
        crate::text::inert(&inputs.join("|")),
        checksum(body)
    )
}

/// The input files an earlier import recorded in `text`.
fn recorded_inputs(text: &str) -> Option<Vec<String>> {
    let line = text.lines().find_map(|l| l.strip_prefix(INPUTS))?;
    Some(line.split('|').map(str::to_string).collect())
}

/// A file at `path` that an import wrote, unedited, with inputs other than `inputs` among those
/// recorded: its text, its recorded inputs, and those others.
fn earlier_inputs(path: &Path, inputs: &[String]) -> Option<(String, Vec<String>, Vec<String>)> {
    let text = std::fs::read_to_string(path).ok()?;
    if unedited(&text) != Ok(true) {
        return None;
    }
    let recorded = recorded_inputs(&text)?;
    let foreign: Vec<String> = recorded
        .iter()
        .filter(|r| !inputs.contains(r))
        .cloned()
        .collect();
    (!foreign.is_empty()).then_some((text, recorded, foreign))
}

/// As [`earlier_inputs`], with the competency file's content.
fn earlier(path: &Path, inputs: &[String]) -> Option<(CompetencyFile, Vec<String>, Vec<String>)> {
    let (text, recorded, foreign) = earlier_inputs(path, inputs)?;
    let body = toml::from_str(&text).ok()?;
    Some((body, recorded, foreign))
}

fn union(a: &[String], b: &[String]) -> Vec<String> {
    let mut all = a.to_vec();
    all.extend(b.iter().filter(|x| !a.contains(x)).cloned());
    all
}

/// `new` laid over `old`: what `new` gives replaces, what only `old` has stays (questions by id,
/// behaviors by level).
fn merge(old: CompetencyFile, new: CompetencyFile) -> CompetencyFile {
    let behaviors = match (old.behaviors, new.behaviors) {
        (Some(mut old), Some(new)) => {
            for (level, statements) in new {
                if !statements.is_empty() || !old.contains_key(&level) {
                    old.insert(level, statements);
                }
            }
            Some(old)
        }
        (old, new) => new.or(old),
    };
    let mut questions = old.questions;
    for question in new.questions {
        match questions.iter_mut().find(|q| q.id == question.id) {
            Some(same) => *same = question,
            None => questions.push(question),
        }
    }
    CompetencyFile {
        name: new.name.or(old.name),
        definition: new.definition.or(old.definition),
        tags: union(&old.tags, &new.tags),
        study: union(&old.study, &new.study),
        behaviors,
        questions,
    }
}

/// Files of `dir` an earlier import of only these inputs wrote, that this one does not.
fn gone(dir: &Path, inputs: &[String], planned: &[PlannedFile]) -> Vec<PlannedFile> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| !planned.iter().any(|f| &f.path == p))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|path| {
            std::fs::read_to_string(path)
                .ok()
                .and_then(|text| recorded_inputs(&text))
                .is_some_and(|recorded| recorded.iter().all(|r| inputs.contains(r)))
        })
        .map(|path| PlannedFile {
            path,
            text: String::new(),
            action: FileAction::Gone,
        })
        .collect()
}

/// The body of a file import wrote, if it is one and unedited: `Ok(true)`; edited: `Ok(false)`;
/// not written by import: `Err(())`.
fn unedited(text: &str) -> Result<bool, ()> {
    let at = text.find(CHECKSUM).ok_or(())?;
    let rest = &text[at + CHECKSUM.len()..];
    let (recorded, body) = rest.split_once('\n').ok_or(())?;
    let body = body.strip_prefix('\n').unwrap_or(body);
    Ok(recorded.trim() == checksum(body))
}

/// What writing `text` at `path` does to the file there now.
pub fn action(path: &Path, text: &str, force: bool) -> FileAction {
    let Ok(current) = std::fs::read_to_string(path) else {
        return if path.exists() {
            if force {
                FileAction::Replace
            } else {
                FileAction::KeptOwn
            }
        } else {
            FileAction::Create
        };
    };
    if current == text {
        return FileAction::Unchanged;
    }
    match (unedited(&current), force) {
        (Ok(true), _) => FileAction::Update,
        (_, true) => FileAction::Replace,
        (Ok(false), false) => FileAction::KeptEdited,
        (Err(()), false) => FileAction::KeptOwn,
    }
}

/// Counts of behaviors per level, as `2/3/0/1`.
pub fn per_level(counts: &[usize]) -> String {
    counts
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join("/")
}

impl Plan {
    /// The files as they will be once written, for validation: `(path, text)`.
    pub fn results(&self) -> BTreeMap<PathBuf, String> {
        self.files
            .iter()
            .filter(|f| f.action.writes())
            .map(|f| (f.path.clone(), f.text.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_made_unique_and_stable() {
        assert_eq!(
            fallback_slug("Qualitätssicherung", "c"),
            "qualitatssicherung"
        );
        assert_eq!(fallback_slug("Наставничество", "c"), "nastavnichestvo");
        assert_eq!(fallback_slug("🚀 launch", "c"), "rocket-launch");
        // Nothing with a Latin form: a digest, the same for the same text.
        let private = fallback_slug("\u{E000}\u{E001}", "competency");
        assert!(
            private.starts_with("competency-") && private.len() == 19,
            "{private}"
        );
        assert_eq!(private, fallback_slug(" \u{E000}\u{E001} ", "competency"));
        assert_ne!(private, fallback_slug("\u{E000}\u{E000}", "competency"));
        let taken = vec!["a".to_string(), "a-2".to_string()];
        assert_eq!(unique("a", &taken), "a-3");
        assert_eq!(unique("b", &taken), "b");
    }

    #[test]
    fn an_edited_file_is_told_from_an_unedited_one() {
        let text = with_header("name = \"x\"\n", &["bank.csv".into()]);
        assert_eq!(unedited(&text), Ok(true));
        assert_eq!(unedited(&text.replace("\"x\"", "\"y\"")), Ok(false));
        assert_eq!(unedited("name = \"x\"\n"), Err(()));
    }

    #[test]
    fn levels_are_found_by_number_or_name() {
        let levels: Vec<String> = ["Foundation", "Practitioner", "Expert"]
            .map(String::from)
            .to_vec();
        assert_eq!(level_number(&LevelRef::Number(2), &levels), Ok(2));
        assert_eq!(
            level_number(&LevelRef::Name("expert".into()), &levels),
            Ok(3)
        );
        let error = level_number(&LevelRef::Name("Expertt".into()), &levels).unwrap_err();
        assert!(error.contains("did you mean `Expert`"), "{error}");
        assert!(level_number(&LevelRef::Number(4), &levels).is_err());
    }
}
