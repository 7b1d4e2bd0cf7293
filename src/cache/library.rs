//! The parsed, validated library and the content's problems, as the cache holds them.
//!
//! Reading checks what the loader promised the rest of the app: text without terminal controls,
//! ids of the right shape under their framework and competency, one behavior list per level, and
//! question levels on the scale. Anything else is a bad cache.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use super::codec::{Reader, Writer, clean};
use crate::content::{Competency, Framework, Library, Loaded, Problem, Question, is_valid_id};

const NO_FILE: u32 = u32::MAX;

pub fn write(library: &Library, problems: &[Problem], w: &mut Writer) {
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
        for competency in &framework.competencies {
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
    }
    w.len(problems.len());
    for problem in problems {
        w.str(&problem.path);
        w.u64(problem.line as u64);
        w.u64(problem.column as u64);
        w.str(&problem.message);
        w.opt_str(problem.source_line.as_deref());
    }
}

fn text<R: Read>(r: &mut Reader<R>) -> Option<String> {
    r.str().filter(|s| clean(s))
}

fn texts<R: Read>(r: &mut Reader<R>) -> Option<Vec<String>> {
    let list = r.strs()?;
    list.iter().all(|s| clean(s)).then_some(list)
}

fn opt_text<R: Read>(r: &mut Reader<R>) -> Option<Option<String>> {
    r.opt_str()?
        .map_or(Some(None), |s| clean(&s).then_some(Some(s)))
}

/// `id` is `parent/<valid id>`.
fn id_under(id: &str, parent: &str) -> bool {
    id.strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(is_valid_id)
}

pub fn read<R: Read>(r: &mut Reader<R>) -> Option<Loaded> {
    let file_count = r.count(4)?;
    let files: Vec<Arc<Path>> = (0..file_count)
        .map(|_| r.str().map(|s| Arc::from(Path::new(&s))))
        .collect::<Option<_>>()?;
    let framework_count = r.count(4)?;
    let mut library = Library::default();
    for _ in 0..framework_count {
        let id = text(r)?;
        if !is_valid_id(&id) {
            return None;
        }
        let name = text(r)?;
        let description = opt_text(r)?;
        let levels = texts(r)?;
        let competency_count = r.count(4)?;
        let mut competencies = Vec::with_capacity(competency_count);
        for _ in 0..competency_count {
            let competency_id = text(r)?;
            if !id_under(&competency_id, &id) {
                return None;
            }
            let name = text(r)?;
            let definition = text(r)?;
            let tags = texts(r)?;
            let study = texts(r)?;
            let level_count = r.count(4)?;
            if level_count != levels.len() {
                return None;
            }
            let behaviors = (0..level_count)
                .map(|_| texts(r))
                .collect::<Option<Vec<_>>>()?;
            let question_count = r.count(4)?;
            let mut questions = Vec::with_capacity(question_count);
            for _ in 0..question_count {
                let question_id = text(r)?;
                if !id_under(&question_id, &competency_id) {
                    return None;
                }
                let question_text = text(r)?;
                let level = match r.u32()? {
                    0 => None,
                    l if (l as usize) <= levels.len() => Some(l as usize),
                    _ => return None,
                };
                let tags = texts(r)?;
                let key_points = texts(r)?;
                let follow_ups = texts(r)?;
                let interviewer_note = opt_text(r)?;
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
            competencies.push(Competency {
                id: competency_id,
                name,
                definition,
                tags,
                study,
                behaviors,
                questions,
            });
        }
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
