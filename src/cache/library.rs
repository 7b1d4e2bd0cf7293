//! The parsed, validated library and the content's problems, as the cache holds them.
//!
//! Reading checks what the loader promised the rest of the app: text without terminal controls,
//! ids of the right shape under their framework and competency, one behavior list per level, and
//! question levels on the scale. Anything else is a bad cache.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::codec::{Reader, Writer, clean};
use crate::content::{Competency, Framework, Library, Loaded, Problem, Question, is_valid_id};

const NO_FILE: u32 = u32::MAX;

/// The content's texts, one after another: each is written in the arena, its length in `shape`.
struct Texts {
    arena: Vec<u8>,
    shape: Writer,
}

impl Texts {
    fn str(&mut self, s: &str) {
        self.arena.extend_from_slice(s.as_bytes());
        self.shape.len(s.len());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.shape.u8(1);
                self.str(s);
            }
            None => self.shape.u8(0),
        }
    }
    fn strs(&mut self, list: &[String]) {
        self.shape.len(list.len());
        for s in list {
            self.str(s);
        }
    }
    fn len(&mut self, n: usize) {
        self.shape.len(n);
    }
    fn u32(&mut self, n: u32) {
        self.shape.u32(n);
    }
}

fn write_competency(w: &mut Texts, competency: &Competency, numbers: &HashMap<&str, u32>) {
    w.str(&competency.id);
    w.str(&competency.name);
    w.str(&competency.definition);
    w.strs(&competency.tags);
    w.strs(&competency.study);
    w.len(competency.behaviors.len());
    for level in &competency.behaviors {
        w.strs(level);
    }
    w.len(competency.questions.len());
    for question in &competency.questions {
        w.str(&question.id);
        w.str(&question.text);
        w.u32(
            question
                .level
                .map_or(0, |l| l.try_into().unwrap_or(u32::MAX)),
        );
        w.strs(&question.tags);
        w.strs(&question.key_points);
        w.strs(&question.follow_ups);
        w.opt_str(question.interviewer_note.as_deref());
        let file = question.file.as_deref().and_then(Path::to_str);
        w.u32(
            file.and_then(|f| numbers.get(f).copied())
                .unwrap_or(NO_FILE),
        );
    }
}

/// Writes the library and the problems: every text of the library in one arena first (checked
/// in one go when read), then the library's shape (lengths, counts, levels, file numbers), then
/// the problems.
pub fn write(library: &Library, problems: &[Problem], out: &mut Writer) {
    let mut texts = Texts {
        arena: Vec::new(),
        shape: Writer::default(),
    };
    let w = &mut texts;
    // The files questions are written in, each once.
    let mut files: Vec<&str> = Vec::new();
    let mut numbers: HashMap<&str, u32> = HashMap::new();
    let questions = || {
        library
            .frameworks
            .iter()
            .flat_map(|f| &f.competencies)
            .flat_map(|c| &c.questions)
    };
    for question in questions() {
        if let Some(path) = question.file.as_deref().and_then(Path::to_str)
            && !numbers.contains_key(path)
        {
            numbers.insert(path, files.len() as u32);
            files.push(path);
        }
    }
    w.len(files.len());
    for file in &files {
        w.str(file);
    }
    w.len(library.frameworks.len());
    for framework in &library.frameworks {
        w.str(&framework.id);
        w.str(&framework.name);
        w.opt_str(framework.description.as_deref());
        w.strs(&framework.levels);
        w.len(framework.competencies.len());
        // Each competency apart: where its texts start in the arena, then its shape, so that
        // competencies can be read on every core.
        for competency in &framework.competencies {
            let mut record = Texts {
                arena: std::mem::take(&mut w.arena),
                shape: Writer::default(),
            };
            let start = record.arena.len() as u64;
            write_competency(&mut record, competency, &numbers);
            w.arena = record.arena;
            w.shape.u64(start);
            w.shape.blob(&record.shape.bytes);
        }
    }
    out.blob(&texts.arena);
    out.bytes.extend_from_slice(&texts.shape.bytes);
    let w = out;
    w.len(problems.len());
    for problem in problems {
        w.str(&problem.path);
        w.u64(problem.line as u64);
        w.u64(problem.column as u64);
        w.str(&problem.message);
        w.opt_str(problem.source_line.as_deref());
    }
}

/// The arena of texts being read, and how far.
struct Arena<'a> {
    text: &'a str,
    at: usize,
}

impl Arena<'_> {
    fn next(&mut self, len: usize) -> Option<String> {
        let end = self.at.checked_add(len)?;
        let text = self.text.get(self.at..end)?.to_string();
        self.at = end;
        Some(text)
    }
}

fn text<R: Read>(r: &mut Reader<R>, a: &mut Arena) -> Option<String> {
    let len = r.u32()? as usize;
    a.next(len)
}

fn texts<R: Read>(r: &mut Reader<R>, a: &mut Arena) -> Option<Vec<String>> {
    let n = r.count(4)?;
    (0..n).map(|_| text(r, a)).collect()
}

fn opt_text<R: Read>(r: &mut Reader<R>, a: &mut Arena) -> Option<Option<String>> {
    match r.u8()? {
        0 => Some(None),
        1 => text(r, a).map(Some),
        _ => None,
    }
}

/// One competency of the framework `framework`, whose scale has `levels` levels.
fn competency<R: Read>(
    r: &mut Reader<R>,
    a: &mut Arena,
    framework: &str,
    levels: usize,
    files: &[Arc<Path>],
) -> Option<Competency> {
    let competency_id = text(r, a)?;
    if !id_under(&competency_id, framework) {
        return None;
    }
    let name = text(r, a)?;
    let definition = text(r, a)?;
    let tags = texts(r, a)?;
    let study = texts(r, a)?;
    let level_count = r.count(4)?;
    if level_count != levels {
        return None;
    }
    let behaviors = (0..level_count)
        .map(|_| texts(r, a))
        .collect::<Option<Vec<_>>>()?;
    let question_count = r.count(4)?;
    let mut questions = Vec::with_capacity(question_count);
    for _ in 0..question_count {
        let question_id = text(r, a)?;
        if !id_under(&question_id, &competency_id) {
            return None;
        }
        let question_text = text(r, a)?;
        let level = match r.u32()? {
            0 => None,
            l if (l as usize) <= levels => Some(l as usize),
            _ => return None,
        };
        let tags = texts(r, a)?;
        let key_points = texts(r, a)?;
        let follow_ups = texts(r, a)?;
        let interviewer_note = opt_text(r, a)?;
        let file = match r.u32()? {
            NO_FILE => None,
            n => Some(Arc::clone(files.get(n as usize)?)),
        };
        questions.push(Question {
            id: question_id,
            text: question_text,
            level,
            tags,
            key_points,
            follow_ups,
            interviewer_note,
            file,
        });
    }
    Some(Competency {
        id: competency_id,
        name,
        definition,
        tags,
        study,
        behaviors,
        questions,
    })
}

/// `id` is `parent/<valid id>`.
fn id_under(id: &str, parent: &str) -> bool {
    id.strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(is_valid_id)
}

pub fn read<R: Read>(r: &mut Reader<R>) -> Option<Loaded> {
    let arena = String::from_utf8(r.blob()?).ok()?;
    // No text holds a character that drives a terminal (newline and tab aside).
    if !clean(&arena) {
        return None;
    }
    let a = &mut Arena {
        text: &arena,
        at: 0,
    };
    let file_count = r.count(4)?;
    let files: Vec<Arc<Path>> = (0..file_count)
        .map(|_| text(r, a).map(|s| Arc::from(Path::new(&s))))
        .collect::<Option<_>>()?;
    let framework_count = r.count(4)?;
    let mut library = Library::default();
    for _ in 0..framework_count {
        let id = text(r, a)?;
        if !is_valid_id(&id) {
            return None;
        }
        let name = text(r, a)?;
        let description = opt_text(r, a)?;
        let levels = texts(r, a)?;
        let competency_count = r.count(16)?;
        let records = (0..competency_count)
            .map(|_| Some((usize::try_from(r.u64()?).ok()?, r.blob()?)))
            .collect::<Option<Vec<_>>>()?;
        let competencies = records
            .par_iter()
            .map(|(start, shape)| {
                let mut a = Arena {
                    text: &arena,
                    at: *start,
                };
                let mut r = Reader::checked(&shape[..], shape.len() as u64);
                let competency = competency(&mut r, &mut a, &id, levels.len(), &files)?;
                r.is_done().then_some((competency, a.at))
            })
            .collect::<Option<Vec<_>>>()?;
        // The next framework's texts follow its last competency's.
        if let Some((_, end)) = competencies.last() {
            a.at = *end;
        }
        let competencies: Vec<Competency> = competencies.into_iter().map(|(c, _)| c).collect();
        library.frameworks.push(Framework {
            id,
            name,
            description,
            levels,
            competencies,
        });
    }
    let problem_count = r.count(8)?;
    let mut problems = Vec::with_capacity(problem_count);
    for _ in 0..problem_count {
        problems.push(Problem {
            path: r.str()?,
            line: usize::try_from(r.u64()?).ok()?,
            column: usize::try_from(r.u64()?).ok()?,
            message: r.str()?,
            source_line: r.opt_str()?,
        });
    }
    Some(Loaded { library, problems })
}
