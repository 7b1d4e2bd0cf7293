//! Runs the effects `update` asked for that touch files, and reports each outcome back to the
//! state. No terminal here: running `$EDITOR` is left to the loop, which owns the terminal.

use std::path::Path;

use super::app::{App, Status};
use super::effect::Effect;
use super::{interview_mode, notes_mode, rehearsal_mode};
use crate::interview::scorecard::Scorecard;
use crate::store::Saved;
use crate::store::notes::NoteStore;
use crate::store::reviews::ReviewStore;
use crate::store::sessions::SessionStore;

/// Where the user's work is kept.
#[derive(Debug, Clone)]
pub struct Stores {
    pub notes: NoteStore,
    pub reviews: ReviewStore,
    pub sessions: SessionStore,
}

impl Stores {
    pub fn new(data_dir: &Path) -> Stores {
        Stores {
            notes: NoteStore::new(data_dir),
            reviews: ReviewStore::new(data_dir),
            sessions: SessionStore::new(data_dir),
        }
    }
}

/// Runs every file effect waiting in `app`, with `stamp` naming any conflict copy (the local
/// time, e.g. `20261123-0901`). Returns the effects that need the terminal.
pub fn run(app: &mut App, stores: &Stores, stamp: &str) -> Vec<Effect> {
    let mut left = Vec::new();
    // Outcomes can ask for more work (a quit that waits for saves): run until none is left.
    while !app.effects.is_empty() {
        let mut schedule_saved = false;
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::OpenNote { question_id } => {
                    let result = stores.notes.load(&question_id);
                    notes_mode::loaded(app, &question_id, result);
                }
                Effect::SaveNote(request) => {
                    let result = stores.notes.save(&request.target, &request.text, stamp);
                    notes_mode::saved(app, request, result);
                }
                // One save covers every grade so far.
                Effect::SaveSchedule if schedule_saved => {}
                Effect::SaveSchedule => {
                    schedule_saved = true;
                    let result =
                        stores
                            .reviews
                            .save(&app.schedule, &app.graded, app.schedule_version);
                    rehearsal_mode::saved(app, result);
                }
                Effect::SaveSession => save_session(app, stores, stamp),
                Effect::ExportScorecard => {
                    save_session(app, stores, stamp);
                    export_scorecard(app, stores);
                }
                other @ Effect::EditExternally { .. } => left.push(other),
            }
        }
    }
    super::autosave::settle_quit(app);
    left
}

fn save_session(app: &mut App, stores: &Stores, stamp: &str) {
    let Some(interview) = app.interview.as_ref().filter(|i| i.dirty) else {
        return;
    };
    let target = interview
        .target
        .clone()
        .unwrap_or_else(|| stores.sessions.target(&interview.session.id));
    let result = stores.sessions.save(&interview.session, &target, stamp);
    interview_mode::saved(app, result);
}

fn export_scorecard(app: &mut App, stores: &Stores) {
    let Some(interview) = app.interview.as_mut() else {
        return;
    };
    // The id the session is saved under (a new one may have taken `id-2`).
    let id = interview.target.as_ref().map_or_else(
        || interview.session.id.clone(),
        |target| stores.sessions.id_of(target),
    );
    let markdown = Scorecard::new(&interview.session, &app.library).to_markdown();
    let written_before = interview.session.scorecard.clone();
    let result =
        stores
            .sessions
            .write_scorecard(&id, &mut interview.session, &markdown, &stamp_now());
    if interview.session.scorecard != written_before {
        // The session keeps the mark of the scorecard it wrote.
        interview.dirty = true;
        app.effects.push(Effect::SaveSession);
    }
    let shown = |path: &Path| crate::text::inert(&path.display().to_string()).into_owned();
    app.status = match result {
        Ok(Saved::Written(target)) => {
            Status::info(format!("Scorecard written to {}", shown(&target.path)))
        }
        Ok(Saved::Conflict(copy)) => Status::error(format!(
            "The scorecard was changed on disk; kept, and this one written to {}",
            shown(&copy.path)
        )),
        Err(e) => Status::error(format!("Scorecard not written: {e}")),
    };
}

/// The stamp for conflict copies made now.
pub fn stamp_now() -> String {
    chrono::Local::now().format("%Y%m%d-%H%M%S").to_string()
}
