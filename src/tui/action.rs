//! What the user can ask for. Keys and mouse events become actions (see `keymap`), and only
//! `update` changes the state in answer to one.

use crossterm::event::KeyEvent;

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave cuecard, saving first (`q`): refused while an interview is under way.
    Quit,
    /// Leave cuecard, saving first, whatever is under way (Ctrl-C).
    QuitNow,
    /// Open or close the overlay listing every key.
    ToggleHelp,
    /// Go back one step: close an overlay, or leave the open question.
    Back,
    /// Move the focus to the next pane.
    FocusNext,
    /// Move the focus to the previous pane.
    FocusPrev,
    /// Select the previous row, or scroll up a line.
    Up,
    /// Select the next row, or scroll down a line.
    Down,
    /// Jump to the first row.
    Top,
    /// Jump to the last row.
    Bottom,
    /// Scroll up by a page.
    PageUp,
    /// Scroll down by a page.
    PageDown,
    /// Open the selection: a competency's questions, or the selected question.
    Open,
    /// Select a level of the framework's scale by number (1-based).
    SelectLevel(u8),
    /// Select the next lower level.
    PrevLevel,
    /// Select the next higher level.
    NextLevel,
    /// Show or hide the open question's key points and follow-ups.
    Reveal,
    /// Open the previous question of the competency.
    PrevQuestion,
    /// Open the next question of the competency.
    NextQuestion,
    /// Open search, remembering where the user is.
    OpenSearch,
    /// Type a character into the line being edited: the search query, a form field, a quick note.
    Type(char),
    /// Remove the character before the cursor of the line being edited.
    Backspace,
    /// Clear the line being edited.
    ClearLine,
    /// Move the cursor or delete in the line being edited.
    Line(LineEdit),
    /// Open the selected question's note in the editor beside it.
    OpenNote,
    /// Edit the selected question's note in `$VISUAL` or `$EDITOR`.
    EditNoteExternally,
    /// Save the open note now (it also saves by itself as you type).
    SaveNote,
    /// A key typed into the open note.
    Edit(KeyEvent),
    /// Rehearse the selected competency, or the selected question.
    StartRehearsal,
    /// Grade the rehearsed answer: 1 Again, 2 Hard, 3 Good, 4 Easy.
    Grade(u8),
    /// Open or close the progress view.
    ToggleProgress,
    /// Set the interview date (in the progress view).
    SetInterviewDate,
    /// Change the target level of the selected competency's framework (in the progress view).
    CycleTargetLevel,
    /// Skip the rehearsal card on show, ungraded.
    Skip,
    /// Mark a key point covered or not by hand: the next digit says which.
    MarkPoints,
    /// Mark key point N (1-based): by hand the other way from what is shown, or back to what
    /// the note says when it was marked by hand.
    MarkPoint(u8),
    /// Open the interview under way, or set one up.
    OpenInterview,
    /// A mock interview of five questions at the target level, for the candidate.
    StartMock,
    /// Open the story bank.
    OpenStories,
    /// Link a story to the question on show: the story bank, to choose one.
    LinkStory,
    /// On the stories screen: the coverage map, or back to the stories.
    ToggleCoverage,
    /// The hiring panel's view of the team folder: candidates compared, a candidate's debrief.
    OpenPanel,
    /// In the ratings view of a submitted scorecard: unlock the ratings to amend them.
    Amend,
    /// In the interview: save its plan as a kit in the team folder (asks for a name).
    SaveKit,
    /// On the stories screen: a new story, in the user's editor.
    NewStory,
    /// Add a question of one's own to the selected competency.
    AddQuestion,
    /// Edit the selected question (one the user added).
    EditQuestion,
    /// Delete the selected question (one the user added): asks first.
    DeleteQuestion,
    /// Add the selected question to the interview's plan, or take it out.
    TogglePlanned,
    /// Move the current question one place earlier in the plan.
    MoveEarlier,
    /// Move the current question one place later in the plan.
    MoveLater,
    /// Tick key point N (1-based) of the current question as covered.
    TickKeyPoint(u8),
    /// Tick follow-up N (1-based) of the current question as asked.
    TickFollowUp(u8),
    /// Open or close the ratings.
    Rate,
    /// Write the scorecard next to the session file.
    Export,
    /// Write the interview's summary.
    Summary,
    /// Start (or resume) the interview's clock.
    StartClock,
    /// Pause the interview's clock.
    PauseClock,
    /// End the interview (after a confirmation): its clock stops for good.
    EndInterview,
    /// Ask for follow-up ticks: the next letter ticks one.
    FollowUps,
    /// Edit the selected line (an interview note).
    EditLine,
    /// Delete the selected line (an interview note).
    DeleteLine,
    /// Undo the last delete.
    Undo,
    /// Take the current question out of the plan (when nothing was done with it yet).
    Unplan,
    /// Cycle the recommendation: strong no, no, yes, strong yes.
    Recommend,
    /// The terminal changed size.
    Resize { width: u16, height: u16 },
    /// A mouse click at a cell.
    Click { column: u16, row: u16 },
    /// The mouse wheel turned up over a cell.
    ScrollUp { column: u16, row: u16 },
    /// The mouse wheel turned down over a cell.
    ScrollDown { column: u16, row: u16 },
}

/// Cursor movement and deletion in a line being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEdit {
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    /// Delete the character under the cursor.
    Delete,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete from the cursor to the end.
    DeleteToEnd,
}
