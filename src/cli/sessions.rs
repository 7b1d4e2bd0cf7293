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
        ExportFormat::Json => {
            let mut json = card.to_json();
            json.push('\n');
            json
        }
    })
}

/// Deletes session `name`, saying what it removed.
pub fn delete(store: &SessionStore, name: &str, out: &mut impl Write) -> Result<(), String> {
    let id = store.find(name)?;
    let removed = store.delete(&id).map_err(|e| e.to_string())?;
    for path in removed {
        writeln!(out, "removed {}", inert(&path.display().to_string()))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}
