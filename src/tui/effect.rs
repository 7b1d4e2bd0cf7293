//! Work that `update` asks for but cannot do itself, being pure: reading and writing notes,
//! running the user's editor. The loop runs effects (`persist::run`) and reports each outcome
//! back to the state.

use std::fmt;

use crate::store::notes::NoteTarget;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read a question's note from disk and open it in the editor.
    OpenNote { question_id: String },
    /// Write a note over the version it was loaded from (or to a conflict copy).
    SaveNote(SaveRequest),
    /// Edit a question's note in `$VISUAL` or `$EDITOR`, the browser suspended meanwhile.
    EditExternally { question_id: String },
    /// Write the review schedule (merging with the file if it changed elsewhere).
    SaveSchedule,
    /// Write the interview session.
    SaveSession,
    /// Write the interview's scorecard next to its session file.
    ExportScorecard,
    /// Write the scorecard and submit it to the team folder (the ratings lock).
    SubmitScorecard,
    /// Read the team folder's scorecards into the panel view.
    LoadPanel,
    /// Save the interview's plan as a kit of the team folder.
    SaveKit { name: String },
    /// Change a setting the app keeps (the interview date, a target level) in the settings file.
    SaveSetting(crate::store::settings::Change),
    /// Add a question of one's own to a competency, or change one (`editing`).
    SaveQuestion {
        competency_id: String,
        editing: Option<String>,
        draft: crate::content::edit::QuestionDraft,
    },
    /// Draw and start a mock interview (the last mock's questions are read to avoid them).
    StartMock,
    /// Read the story bank again.
    LoadStories,
    /// Add a question to the questions a story answers.
    LinkStory {
        story_id: String,
        question_id: String,
    },
    /// Create a story on the selected competency and open it in the editor.
    NewStory,
    /// Open a story in the user's editor, the app suspended meanwhile.
    EditStory { story_id: String },
    /// Delete a question of one's own.
    DeleteQuestion { question_id: String },
    /// Mark a key point covered or not by hand (`None`: as the note says).
    SaveMark {
        question_id: String,
        point: String,
        value: Option<bool>,
    },
}

/// A note's text to save, and where. `Debug` leaves the text out: notes are private.
#[derive(Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub question_id: String,
    pub target: NoteTarget,
    pub text: String,
    /// The editor's change count this text was taken at (0 when no editor holds it).
    pub changes: u64,
}

impl fmt::Debug for SaveRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SaveRequest")
            .field("question_id", &self.question_id)
            .field("target", &self.target)
            .field("changes", &self.changes)
            .finish_non_exhaustive()
    }
}
