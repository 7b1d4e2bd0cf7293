//! `cuecard import`: reads the input files, plans the content files, checks them as `validate`
//! would, and writes them (unless `--dry-run`).

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::content::import::{self, FileAction, ImportOptions, InputProblem, Plan};
use crate::content::{ContentSource, load};

/// What `cuecard import` was asked.
#[derive(Debug, Clone, Default)]
pub struct ImportRequest {
    pub files: Vec<PathBuf>,
    pub options: ImportOptions,
    pub dry_run: bool,
}

/// The outcome, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imported {
    Done,
    /// Problems in the input, or files that could not be written: exit 1.
    Failed,
}

/// Runs an import; the report goes to `out`, problems to `err`. `sources` are the content sources
/// of this invocation; the output directory among them is read as it will be once written.
pub fn import(
    request: &ImportRequest,
    sources: &[ContentSource],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Imported> {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in &request.files {
        let shown = path.display().to_string();
        match read_input(path) {
            Ok(bytes) => inputs.push((shown, bytes)),
            Err(message) => problems.push(format!("{shown}: {message}")),
        }
    }
    if !problems.is_empty() {
        return fail(err, &problems);
    }
    let (draft, mut found) = import::read(&inputs);
    for warning in &draft.warnings {
        writeln!(err, "note: {}", crate::text::inert(&warning.to_string()))?;
    }
    if !found.is_empty() && draft.competencies.is_empty() {
        return fail_located(err, &found);
    }
    let options = &request.options;
    let out_dir = &options.out;
    let is_out = |source: &ContentSource| match source {
        ContentSource::Directory(dir) => same_dir(dir, out_dir),
        _ => false,
    };
    let base_sources: Vec<ContentSource> = sources.iter().filter(|s| !is_out(s)).cloned().collect();
    let base = load(&base_sources).library;
    let own = if out_dir.is_dir() {
        load(&[ContentSource::Directory(out_dir.clone())]).library
    } else {
        Default::default()
    };
    // Every problem at once: those of reading, and those of fitting what could be read.
    let plan = match import::plan(&draft, options, &base, &own) {
        Ok(plan) if found.is_empty() => plan,
        Ok(_) => return fail_located(err, &found),
        Err(more) => {
            found.extend(more);
            found.sort_by(|a, b| (&a.at.file, a.at.line).cmp(&(&b.at.file, b.at.line)));
            found.dedup();
            return fail_located(err, &found);
        }
    };
    // Checked as `validate` checks, before anything is written.
    let mut checked = base_sources;
    checked.push(ContentSource::Overlay {
        dir: out_dir.clone(),
        files: plan.results(),
    });
    let loaded = load(&checked);
    let written: Vec<String> = plan
        .results()
        .keys()
        .map(|p| p.display().to_string())
        .collect();
    let ours: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| written.contains(&p.path))
        .map(ToString::to_string)
        .collect();
    if !ours.is_empty() {
        writeln!(
            err,
            "cuecard import: the files made from the input do not pass `validate`; nothing was \
             written. This is cuecard's fault: please report it with the input."
        )?;
        return fail(err, &ours);
    }
    report(&plan, request.dry_run, out_dir, out)?;
    if request.dry_run {
        writeln!(out, "Dry run: nothing written.")?;
        return Ok(Imported::Done);
    }
    let mut failed = Vec::new();
    for file in plan.files.iter().filter(|f| f.action.writes()) {
        if file.action == FileAction::Replace
            && let Err(e) = keep_old(out_dir, &file.path)
        {
            failed.push(e);
            continue;
        }
        if let Err(e) = write_file(out_dir, &file.path, &file.text, options.force) {
            failed.push(e);
        }
    }
    if !failed.is_empty() {
        return fail(err, &failed);
    }
    let kept = plan
        .files
        .iter()
        .filter(|f| matches!(f.action, FileAction::KeptEdited | FileAction::KeptOwn))
        .count();
    if kept > 0 {
        writeln!(
            err,
            "cuecard import: {kept} file{} kept as {} (listed above); import again with --force \
             to replace {}",
            plural(kept),
            if kept == 1 { "it is" } else { "they are" },
            if kept == 1 { "it" } else { "them" }
        )?;
    }
    Ok(Imported::Done)
}

/// Writes one file under a lock, unless it changed since the plan looked at it.
fn write_file(root: &Path, path: &Path, text: &str, force: bool) -> Result<(), String> {
    let _lock = crate::store::lock_beside(root, path).map_err(|e| e.to_string())?;
    if !import::recheck(path, text, force).writes() {
        return Err(format!(
            "{}: changed while importing; kept as it is (import again to see it)",
            path.display()
        ));
    }
    crate::store::write_private_in(root, path, text.as_bytes()).map_err(|e| e.to_string())
}

/// Before `--force` replaces a file, its text is kept beside it (`name.toml.replaced-STAMP`, which
/// the loader does not read).
fn keep_old(root: &Path, path: &Path) -> Result<(), String> {
    let Ok(text) = std::fs::read(path) else {
        return Ok(());
    };
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".replaced-{stamp}"));
    crate::store::write_private_in(root, Path::new(&name), &text).map_err(|e| e.to_string())
}

fn read_input(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let mut bytes = Vec::new();
    file.take(import::MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > import::MAX_INPUT_BYTES {
        return Err(format!(
            "larger than {} MiB: split it into several files",
            import::MAX_INPUT_BYTES / 1024 / 1024
        ));
    }
    Ok(bytes)
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn fail(err: &mut dyn Write, problems: &[String]) -> io::Result<Imported> {
    for problem in problems {
        writeln!(err, "{}", crate::text::inert(problem))?;
    }
    let n = problems.len();
    writeln!(
        err,
        "{n} problem{}; nothing was imported. Fix {} and import again.",
        plural(n),
        if n == 1 { "it" } else { "them" }
    )?;
    Ok(Imported::Failed)
}

fn fail_located(err: &mut dyn Write, problems: &[InputProblem]) -> io::Result<Imported> {
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    fail(err, &shown)
}

/// What the import makes: the framework, each competency's counts, each file's fate.
fn report(plan: &Plan, dry_run: bool, out_dir: &Path, out: &mut dyn Write) -> io::Result<()> {
    let inert = |s: &str| crate::text::inert(s).into_owned();
    writeln!(
        out,
        "{} {} ({}){}",
        if plan.extends {
            "Adding to framework"
        } else {
            "Framework"
        },
        plan.framework_id,
        inert(&plan.framework_name),
        if plan.extends {
            " (its own files are left as they are)"
        } else {
            ""
        }
    )?;
    writeln!(out, "  levels: {}", inert(&plan.levels.join(", ")))?;
    let width = plan
        .competencies
        .iter()
        .map(|c| c.id.len())
        .max()
        .unwrap_or(0);
    let (mut behaviors, mut questions) = (0, 0);
    for competency in &plan.competencies {
        behaviors += competency.behaviors.iter().sum::<usize>();
        questions += competency.questions;
        writeln!(
            out,
            "  {:width$}  behaviors {:<11}  questions {:<3}  {}{}",
            competency.id,
            if competency.added_to_existing {
                "as they are".to_string()
            } else {
                import::per_level(&competency.behaviors)
            },
            competency.questions,
            inert(&competency.name),
            if competency.added_to_existing {
                " (questions added)".to_string()
            } else if competency.kept_from.is_empty() {
                String::new()
            } else {
                format!(
                    " (with what {} gave it)",
                    inert(&competency.kept_from.join(", "))
                )
            }
        )?;
    }
    writeln!(
        out,
        "{} competenc{}, {behaviors} behaviors, {questions} questions",
        plan.competencies.len(),
        if plan.competencies.len() == 1 {
            "y"
        } else {
            "ies"
        }
    )?;
    writeln!(
        out,
        "Files under {}{}:",
        out_dir.display(),
        if dry_run { " (would be)" } else { "" }
    )?;
    for file in &plan.files {
        let shown = file.path.strip_prefix(out_dir).unwrap_or(&file.path);
        writeln!(
            out,
            "  {:<8} {}{}",
            file.action.label(),
            shown.display(),
            file.action.note()
        )?;
    }
    Ok(())
}
