//! Building the [`Library`] from sources: what is valid is kept, every problem is reported.

use super::parse::{is_valid_id, parse_added_questions, parse_competency, parse_framework};
use super::source::{FrameworkDir, read_source};
use rayon::prelude::*;

use super::{Competency, ContentSource, Framework, Library, Problem};

/// The result of loading: the valid part of the content, and every problem found in the rest.
/// A competency file with any problem is left out whole; so is a framework whose
/// `framework.toml` has one.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub library: Library,
    pub problems: Vec<Problem>,
}

/// Loads every source in order. A framework id met again in a later source replaces the earlier
/// framework whole when its directory has a `framework.toml`: that is how a user overrides a
/// bundled framework. Without one, the directory extends the earlier framework: its files add
/// competencies, or questions to the competency they are named after.
pub fn load(sources: &[ContentSource]) -> Loaded {
    let mut loaded = Loaded::default();
    for source in sources {
        let (dirs, problems) = read_source(source);
        loaded.problems.extend(problems);
        for dir in dirs {
            let extended = dir.framework_file.is_none().then(|| {
                let frameworks = &mut loaded.library.frameworks;
                frameworks.iter_mut().find(|f| f.id == dir.id)
            });
            if let Some(Some(framework)) = extended {
                extend_framework(framework, &dir, &mut loaded.problems);
                continue;
            }
            if let Some(framework) = load_framework(&dir, &mut loaded.problems) {
                let frameworks = &mut loaded.library.frameworks;
                match frameworks.iter_mut().find(|f| f.id == framework.id) {
                    Some(existing) => *existing = framework,
                    None => frameworks.push(framework),
                }
            }
        }
    }
    loaded.library.frameworks.sort_by(|a, b| a.id.cmp(&b.id));
    loaded.problems.sort_by(|a, b| {
        (a.path.as_str(), a.line, a.column).cmp(&(b.path.as_str(), b.line, b.column))
    });
    loaded
}

fn load_framework(dir: &FrameworkDir, problems: &mut Vec<Problem>) -> Option<Framework> {
    let id_ok = is_valid_id(&dir.id);
    if !id_ok {
        problems.push(Problem::whole_file(
            &dir.path,
            format!(
                "the directory name `{}` is not a valid framework id: rename it using only a-z, 0-9 \
                 and `-`",
                dir.id
            ),
        ));
    }
    let header = match &dir.framework_file {
        Some(file) => parse_framework(file, problems),
        None => {
            problems.push(Problem::whole_file(
                &dir.path,
                "this framework directory has no framework.toml: add one with `name` and `levels` \
                 (the scale's level names in order), or name the directory after a framework \
                 already loaded to add to it",
            ));
            None
        }
    };
    let scale = header.as_ref().map(|h| h.levels.as_slice());
    // Competency files are independent: parse them on every core, then gather in file order.
    let parsed: Vec<(Option<Competency>, Vec<Problem>)> = dir
        .competency_files
        .par_iter()
        .map(|file| {
            let mut found = Vec::new();
            let competency = parse_competency(file, &dir.id, scale, &mut found);
            (competency, found)
        })
        .collect();
    let mut competencies = Vec::with_capacity(parsed.len());
    for (competency, found) in parsed {
        problems.extend(found);
        competencies.extend(competency);
    }
    sort_competencies(&mut competencies);
    let header = header.filter(|_| id_ok)?;
    Some(Framework {
        id: dir.id.clone(),
        name: header.name,
        description: header.description,
        levels: header.levels,
        competencies,
    })
}

/// Adds a directory's files to `framework`, loaded from an earlier source: a file named after one
/// of its competencies adds questions to it, any other file adds a competency.
fn extend_framework(framework: &mut Framework, dir: &FrameworkDir, problems: &mut Vec<Problem>) {
    for file in &dir.competency_files {
        let id = format!("{}/{}", framework.id, file.stem);
        match framework.competencies.iter_mut().find(|c| c.id == id) {
            Some(existing) => {
                if let Some(questions) =
                    parse_added_questions(file, existing, &framework.levels, problems)
                {
                    existing.questions.extend(questions);
                }
            }
            None => {
                let scale = Some(framework.levels.as_slice());
                if let Some(competency) = parse_competency(file, &framework.id, scale, problems) {
                    framework.competencies.push(competency);
                }
            }
        }
    }
    sort_competencies(&mut framework.competencies);
}

fn sort_competencies(competencies: &mut [Competency]) {
    competencies.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
}
