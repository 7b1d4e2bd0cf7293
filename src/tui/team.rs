//! The team folder's effects in the app: reading the panel's scorecards, submitting the
//! interview's scorecard, saving its plan as a kit. Each reports back to the state.

use super::app::{App, Overlay};
use super::effect::Effect;
use super::status::Status;
use crate::store::sessions::SessionStore;
use crate::store::team::Submitted;
use crate::store::team::TeamFolder;
use crate::text::inert;

/// Reads the team folder into the panel view on show.
pub fn load_panel(app: &mut App, team: Option<&TeamFolder>) {
    let Some(Overlay::Panel(view)) = app.overlay.as_mut() else {
        return;
    };
    let result = match team {
        None => Err(format!(
            "No team folder: {}.",
            crate::store::team::HOW_TO_SET
        )),
        Some(team) => team
            .check()
            .map_err(|m| format!("Not read: {m}."))
            .map(|()| {
                let (cards, problems) = team.scorecards();
                let problems = problems.iter().map(|p| format!("{p} (left out)")).collect();
                (cards, problems)
            }),
    };
    let status = view.read(result);
    if status.is_some() {
        app.status = status;
    }
}

/// Submits the interview's scorecard to the team folder; its ratings lock.
pub fn submit(app: &mut App, team: Option<&TeamFolder>, sessions: &SessionStore) {
    let Some(team) = team else {
        app.status = Status::error(format!(
            "Not submitted: no team folder; {}",
            crate::store::team::HOW_TO_SET
        ));
        return;
    };
    let Some(interview) = app.interview.as_mut() else {
        return;
    };
    if let Some(target) = &interview.target {
        // The id the session is saved under (a new one may have taken `id-2`).
        interview.session.id = sessions.id_of(target);
    }
    let interviewer = if interview.session.interviewer.trim().is_empty() {
        app.interviewer.clone()
    } else {
        interview.session.interviewer.clone()
    };
    let result = team.submit_session(
        &mut interview.session,
        &app.library,
        &interviewer,
        false,
        app.now,
    );
    app.status = match result {
        Ok(Submitted::Written { version, .. }) => {
            interview.dirty = true;
            app.effects.push(Effect::SaveSession);
            Status::info(format!(
                "Submitted to the panel (version {version}) as {}: ratings locked. D shows the debrief.",
                inert(interviewer.trim())
            ))
        }
        Ok(Submitted::Unchanged(version)) => {
            interview.dirty = true;
            app.effects.push(Effect::SaveSession);
            Status::info(format!(
                "Nothing changed since version {version}: nothing submitted; locked again."
            ))
        }
        Err(message) => Status::error(format!("Not submitted: {}", inert(&message))),
    };
}

/// Saves the interview's plan as the kit `name`.
pub fn save_kit(app: &mut App, team: Option<&TeamFolder>, name: &str) {
    let Some(team) = team else {
        app.status = Status::error(format!(
            "No kit saved: no team folder; {}",
            crate::store::team::HOW_TO_SET
        ));
        return;
    };
    let Some(interview) = app.interview.as_ref() else {
        return;
    };
    let kit = crate::interview::kit::Kit::from_session(&interview.session, name);
    app.status = match team.save_kit(&kit, false) {
        Ok(path) => Status::info(format!(
            "Kit saved for the panel: {} (cuecard interview --kit \"{}\")",
            inert(&path.display().to_string()),
            inert(name)
        )),
        Err(e) => Status::error(format!("No kit saved: {e}")),
    };
}
