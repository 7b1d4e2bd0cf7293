//! The keys of a one-line field (an interview's note, the interview date): what each does to a
//! `tui_input::Input`. Every mode that types a line goes through [`edit`].

use super::action::{Action, LineEdit};

/// A key of the line editor applied to `line`; false when the action is not one.
pub fn edit(line: &mut tui_input::Input, action: Action) -> bool {
    use tui_input::InputRequest as R;
    let request = match action {
        Action::Type(c) => R::InsertChar(c),
        Action::Backspace => R::DeletePrevChar,
        Action::ClearLine => R::DeleteLine,
        Action::Line(edit) => match edit {
            LineEdit::Left => R::GoToPrevChar,
            LineEdit::Right => R::GoToNextChar,
            LineEdit::WordLeft => R::GoToPrevWord,
            LineEdit::WordRight => R::GoToNextWord,
            LineEdit::Home => R::GoToStart,
            LineEdit::End => R::GoToEnd,
            LineEdit::Delete => R::DeleteNextChar,
            LineEdit::DeleteWord => R::DeletePrevWord,
            LineEdit::DeleteToEnd => R::DeleteTillEnd,
        },
        _ => return false,
    };
    line.handle(request);
    true
}
