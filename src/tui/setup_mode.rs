//! The interview set-up form opened by `i`: the candidate, the role and the time budget (the
//! competency and level are the browser's selection). Its state and what each key does to it.

use super::action::Action;

/// The form. `Debug` shows only which field is being typed in: the rest is about a candidate.
#[derive(Clone, PartialEq, Eq)]
pub struct Setup {
    pub candidate: String,
    pub role: String,
    pub minutes: String,
    /// The field being typed in: 0 candidate, 1 role, 2 minutes.
    pub field: usize,
}

impl std::fmt::Debug for Setup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Setup")
            .field("field", &self.field)
            .finish_non_exhaustive()
    }
}

/// What a key in the form asks the rest of the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupReply {
    Stay,
    /// Esc: close the form.
    Cancel,
    /// Enter: start the interview the form describes.
    Submit,
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            candidate: String::new(),
            role: String::new(),
            minutes: "45".to_string(),
            field: 0,
        }
    }
}

impl Setup {
    pub const FIELDS: [&'static str; 3] = ["Candidate", "Role", "Minutes"];

    pub fn value(&self, field: usize) -> &str {
        match field {
            0 => &self.candidate,
            1 => &self.role,
            _ => &self.minutes,
        }
    }

    fn value_mut(&mut self) -> &mut String {
        match self.field {
            0 => &mut self.candidate,
            1 => &mut self.role,
            _ => &mut self.minutes,
        }
    }

    pub fn act(&mut self, action: Action) -> SetupReply {
        let fields = Setup::FIELDS.len();
        match action {
            Action::Back => return SetupReply::Cancel,
            Action::Open => return SetupReply::Submit,
            Action::FocusNext => self.field = (self.field + 1) % fields,
            Action::FocusPrev => self.field = (self.field + fields - 1) % fields,
            Action::Type(c) => self.value_mut().push(c),
            Action::Backspace => {
                self.value_mut().pop();
            }
            Action::ClearLine => self.value_mut().clear(),
            _ => {}
        }
        SetupReply::Stay
    }
}
