//! `cuecard sessions`, `cuecard sessions delete` and `cuecard export`: interview sessions from the
//! shell. Everything printed from a session file is made inert (Markdown) or escaped (JSON).

use std::io::{self, Write};

use super::ExportFormat;
use crate::content::Library;
use crate::interview::scorecard::Scorecard;
use crate::store::sessions::SessionStore;
use crate::text::inert;

/// One line per session, newest first: id, candidate, role, questions asked of planned, and the
/// recommendation. Sessions that cannot be read are named on `errors`.
pub fn list(store: &SessionStore, out: &mut impl Write, errors: &mut impl Write) -> io::Result<()> {
    for id in store.ids() {
        match store.load(&id) {
            Ok((session, _)) => {
                let asked = session.questions.iter().filter(|q| q.asked()).count();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{asked}/{} asked\t{}",
                    inert(&session.id),
                    inert(&session.candidate),
                    inert(&session.role),
                    session.questions.len(),
                    session.recommendation.map_or("-", |r| r.label())
                )?;
            }
            Err(e) => writeln!(errors, "cuecard: {e}")?,
        }
    }
    Ok(())
}

/// The scorecard of session `name` in `format`; an error message when it cannot be found or read.
pub fn export(
    store: &SessionStore,
    library: &Library,
    name: &str,
    format: ExportFormat,
) -> Result<String, String> {
    let id = store.find(name)?;
    let (session, _) = store.load(&id).map_err(|e| e.to_string())?;
    let card = Scorecard::new(&session, library);
    Ok(match format {
        ExportFormat::Md => card.to_markdown(),
        ExportFormat::Text => card.to_text(),
        ExportFormat::Json => {
            let mut json = card.to_json();
            json.push('\n');
            json
        }
    })
}

/// Deletes session `name`, saying what it removed; an error naming every file it could not
/// remove (the session file is then kept, to run the delete again).
/// Which sessions a delete is about: one named by id or name, or every session of a candidate.
pub fn to_delete(
    store: &SessionStore,
    session: Option<&str>,
    candidate: Option<&str>,
) -> Result<Vec<(String, String)>, String> {
    if let Some(name) = session {
        let id = store.find(name)?;
        let candidate = store
            .load(&id)
            .map_or_else(|_| "?".to_string(), |(s, _)| s.candidate);
        return Ok(vec![(id, candidate)]);
    }
    let wanted = candidate.unwrap_or_default().trim().to_lowercase();
    let found: Vec<(String, String)> = store
        .ids()
        .into_iter()
        .filter_map(|id| {
            let (session, _) = store.load(&id).ok()?;
            (session.candidate.trim().to_lowercase() == wanted).then_some((id, session.candidate))
        })
        .collect();
    if found.is_empty() {
        return Err(format!(
            "no session of {}; `cuecard sessions` lists them",
            inert(candidate.unwrap_or_default())
        ));
    }
    Ok(found)
}

/// Deletes the sessions `ids`, printing each path removed; every failure is reported.
pub fn delete(store: &SessionStore, ids: &[String], out: &mut impl Write) -> Result<(), String> {
    let shown = |path: &std::path::Path| inert(&path.display().to_string()).into_owned();
    let mut message = String::new();
    for id in ids {
        let deleted = store.delete(id).map_err(|e| e.to_string())?;
        for path in &deleted.removed {
            writeln!(out, "removed {}", shown(path)).map_err(|e| e.to_string())?;
        }
        if deleted.failed.is_empty() {
            continue;
        }
        message.push_str(&format!("{id}: could not remove:"));
        for error in &deleted.failed {
            message.push_str(&format!("\n  {error}"));
        }
        if let Some(kept) = &deleted.kept {
            message.push_str(&format!(
                "\nkept {} so that the session is still listed: remove what is in the way and run `cuecard sessions delete {id}` again",
                shown(kept)
            ));
        }
        message.push('\n');
    }
    if message.is_empty() {
        Ok(())
    } else {
        Err(message.trim_end().to_string())
    }
}

/// Erases every file of `candidate` in the team folder, printing each path removed.
pub fn erase_team(
    team: &crate::store::team::TeamFolder,
    candidate: &str,
    out: &mut impl Write,
) -> Result<(), String> {
    let (removed, errors) = team.erase_candidate(candidate);
    for path in &removed {
        writeln!(out, "removed {}", inert(&path.display().to_string()))
            .map_err(|e| e.to_string())?;
    }
    writeln!(
        out,
        "colleagues' own data directories are theirs: each removes their copy with `cuecard sessions delete --candidate {}`",
        inert(candidate)
    )
    .map_err(|e| e.to_string())?;
    if removed.is_empty() && errors.is_empty() {
        writeln!(out, "the team folder holds no file of {}", inert(candidate))
            .map_err(|e| e.to_string())?;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors
            .iter()
            .map(|e| format!("could not remove {e}"))
            .collect::<Vec<_>>()
            .join("\n"))
    }
}
