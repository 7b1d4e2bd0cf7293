//! Questions the user adds from the app: written into the user's content directory as a file that
//! adds to the competency (see [`super::load`]), edited and deleted only there. Every write is
//! checked as `validate` checks, locked against another cuecard, atomic and private; the rest of
//! the file (comments, other questions, keys cuecard does not edit) is kept as written.

use std::path::{Path, PathBuf};

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use super::{Competency, ContentSource, Library, Question, load};

/// What the question form holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionDraft {
    pub text: String,
    pub level: Option<usize>,
    /// The question's type, as a tag (`behavioral`, `situational`, `technical`…).
    pub kind: Option<String>,
    pub key_points: Vec<String>,
    pub follow_ups: Vec<String>,
}

impl QuestionDraft {
    /// The form filled from a question, to edit it.
    pub fn of(question: &Question) -> QuestionDraft {
        QuestionDraft {
            text: question.text.clone(),
            level: question.level,
            kind: question.tags.first().cloned(),
            key_points: question.key_points.clone(),
            follow_ups: question.follow_ups.clone(),
        }
    }
}

/// Where user content is written, and the sources to check a change against.
#[derive(Debug, Clone)]
pub struct ContentPlace {
    /// The user's content directory (created on the first write).
    pub root: PathBuf,
    /// The sources the app loads, the root among them.
    pub sources: Vec<ContentSource>,
}

impl ContentPlace {
    pub fn new(root: PathBuf, mut sources: Vec<ContentSource>) -> ContentPlace {
        let source = ContentSource::Directory(root.clone());
        if !sources.contains(&source) {
            sources.push(source);
        }
        ContentPlace { root, sources }
    }

    /// The file a question added to `competency` goes in.
    pub fn file_for(&self, competency: &Competency) -> PathBuf {
        let (framework, local) = competency
            .id
            .split_once('/')
            .unwrap_or(("", &competency.id));
        self.root.join(framework).join(format!("{local}.toml"))
    }
}

/// What a change did: the question's id and file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub question_id: String,
    pub file: PathBuf,
}

/// Adds a question to `competency`; its id is made from its words.
pub fn add_question(
    place: &ContentPlace,
    library: &Library,
    competency: &Competency,
    draft: &QuestionDraft,
) -> Result<Changed, String> {
    check_draft(library, competency, draft)?;
    let path = place.file_for(competency);
    let _lock = crate::store::lock_beside(&place.root, &path).map_err(|e| e.to_string())?;
    let mut document = read_document(&path, competency)?;
    let taken: Vec<String> = competency
        .questions
        .iter()
        .map(|q| q.local_id().to_string())
        .chain(file_ids(&document))
        .collect();
    let id = question_id(&draft.text, &taken);
    let mut table = Table::new();
    table.insert("id", value(id.clone()));
    fill(&mut table, draft);
    questions_mut(&mut document)?.push(table);
    write_checked(place, &path, &document.to_string())?;
    Ok(Changed {
        question_id: format!("{}/{id}", competency.id),
        file: path,
    })
}

/// Changes a question the user wrote (one with a file in the content directory).
pub fn update_question(
    place: &ContentPlace,
    library: &Library,
    competency: &Competency,
    question: &Question,
    draft: &QuestionDraft,
) -> Result<Changed, String> {
    check_draft(library, competency, draft)?;
    let path = editable_file(place, question)?;
    let _lock = crate::store::lock_beside(&place.root, &path).map_err(|e| e.to_string())?;
    let mut document = read_document(&path, competency)?;
    let entry = questions_mut(&mut document)?
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(question.local_id()))
        .ok_or_else(|| gone(&path))?;
    fill(entry, draft);
    write_checked(place, &path, &document.to_string())?;
    Ok(Changed {
        question_id: question.id.clone(),
        file: path,
    })
}

/// Deletes a question the user wrote.
pub fn delete_question(
    place: &ContentPlace,
    competency: &Competency,
    question: &Question,
) -> Result<Changed, String> {
    let path = editable_file(place, question)?;
    let _lock = crate::store::lock_beside(&place.root, &path).map_err(|e| e.to_string())?;
    let mut document = read_document(&path, competency)?;
    let questions = questions_mut(&mut document)?;
    let index = questions
        .iter()
        .position(|t| t.get("id").and_then(Item::as_str) == Some(question.local_id()))
        .ok_or_else(|| gone(&path))?;
    questions.remove(index);
    write_checked(place, &path, &document.to_string())?;
    Ok(Changed {
        question_id: question.id.clone(),
        file: path,
    })
}

/// The id of a new question: its words as a slug (up to 60 characters, cut at a word), or with
/// a digest of its whole text when another question of the competency (`taken`) has that id,
/// so that a question's id depends on its text, not on where it stands among the others.
pub fn question_id(text: &str, taken: &[String]) -> String {
    let slug = crate::text::slug(text, 60);
    let slug = if slug.is_empty() {
        "q".to_string()
    } else {
        slug
    };
    if !taken.contains(&slug) {
        return slug;
    }
    let digest = crate::text::digest(text.trim());
    let with_digest = format!("{}-{}", crate::text::slug(text, 51), &digest[..8]);
    (1..)
        .map(|n| {
            if n == 1 {
                with_digest.clone()
            } else {
                format!("{with_digest}-{n}")
            }
        })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(with_digest)
}

/// Whether the app may edit `question`: it is written in a file under the content directory.
pub fn is_editable(place: &ContentPlace, question: &Question) -> bool {
    editable_file(place, question).is_ok()
}

fn editable_file(place: &ContentPlace, question: &Question) -> Result<PathBuf, String> {
    match question.file.as_deref() {
        Some(file) if file.starts_with(&place.root) => Ok(file.to_path_buf()),
        Some(file) => Err(format!(
            "this question is written in {}, outside your content directory: edit it there",
            file.display()
        )),
        None => Err(
            "this question comes with cuecard and cannot be changed; `a` adds one of \
                     your own"
                .to_string(),
        ),
    }
}

fn gone(path: &Path) -> String {
    format!(
        "the question is no longer in {} (changed elsewhere?): nothing changed",
        path.display()
    )
}

fn check_draft(
    library: &Library,
    competency: &Competency,
    draft: &QuestionDraft,
) -> Result<(), String> {
    if draft.text.trim().is_empty() {
        return Err("the question is empty: write it first".to_string());
    }
    let framework = competency.id.split('/').next().unwrap_or_default();
    let levels = library.framework(framework).map_or(0, |f| f.levels.len());
    if let Some(level) = draft.level
        && !(1..=levels).contains(&level)
    {
        return Err(format!(
            "level {level} is not on the scale: use 1 to {levels}"
        ));
    }
    if let Some(kind) = &draft.kind
        && kind.chars().any(char::is_whitespace)
    {
        return Err(format!(
            "type `{kind}` has a space: one word, as in `behavioral`"
        ));
    }
    Ok(())
}

/// The file's document, or a new one that adds to `competency`.
fn read_document(path: &Path, competency: &Competency) -> Result<DocumentMut, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => text.parse::<DocumentMut>().map_err(|e| {
            format!(
                "{} does not parse ({e}): fix it, then try again",
                path.display()
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut document = DocumentMut::new();
            document.decor_mut().set_prefix(format!(
                "# Questions you added to {} in cuecard. Edit them here or in the app.\n",
                crate::text::inert(&competency.name).replace('\n', " ")
            ));
            Ok(document)
        }
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

fn questions_mut(document: &mut DocumentMut) -> Result<&mut ArrayOfTables, String> {
    document
        .entry("questions")
        .or_insert(Item::ArrayOfTables(ArrayOfTables::new()))
        .as_array_of_tables_mut()
        .ok_or_else(|| "`questions` in this file is not a list of [[questions]]".to_string())
}

fn file_ids(document: &DocumentMut) -> Vec<String> {
    document
        .get("questions")
        .and_then(Item::as_array_of_tables)
        .map(|questions| {
            questions
                .iter()
                .filter_map(|t| t.get("id").and_then(Item::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Sets the form's fields on a `[[questions]]` entry; empty ones are removed.
fn fill(table: &mut Table, draft: &QuestionDraft) {
    table.insert("text", value(draft.text.trim()));
    match draft.level {
        Some(level) => table.insert("level", value(level as i64)),
        None => table.remove("level"),
    };
    let kind: Vec<String> = draft.kind.iter().cloned().collect();
    // The type is the first tag; other tags of the question are kept.
    let mut tags = kind;
    if let Some(old) = table.get("tags").and_then(Item::as_array) {
        tags.extend(
            old.iter()
                .skip(1)
                .filter_map(|v| v.as_str().map(str::to_string)),
        );
    }
    let mut set_list = |key: &str, items: &[String]| {
        let items: Vec<&str> = items
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if items.is_empty() {
            table.remove(key);
        } else {
            let mut array = Array::new();
            for item in items {
                array.push(item);
            }
            table.insert(key, value(array));
        }
    };
    set_list("tags", &tags);
    set_list("key_points", &draft.key_points);
    set_list("follow_ups", &draft.follow_ups);
}

/// Writes `text` at `path` once the content with it loads without a problem in it.
fn write_checked(place: &ContentPlace, path: &Path, text: &str) -> Result<(), String> {
    let mut sources: Vec<ContentSource> = place
        .sources
        .iter()
        .filter(|s| **s != ContentSource::Directory(place.root.clone()))
        .cloned()
        .collect();
    sources.push(ContentSource::Overlay {
        dir: place.root.clone(),
        files: [(path.to_path_buf(), text.to_string())].into(),
    });
    let shown = path.display().to_string();
    if let Some(problem) = load(&sources).problems.iter().find(|p| p.path == shown) {
        return Err(format!("not saved: {problem}"));
    }
    crate::store::write_private_in(&place.root, path, text.as_bytes()).map_err(|e| e.to_string())
}
