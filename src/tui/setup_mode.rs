//! The interview set-up form opened by `i`: the candidate, the role, the time budget, the target
//! level (the browser's, to start with) and the competencies assessed (the selected one, to start
//! with; others are ticked in a list). Its state and what each key does to it.

use super::action::Action;
use super::motion::moved;

/// The form. `Debug` shows only which field is being typed in: the rest is about a candidate.
#[derive(Clone, PartialEq, Eq)]
pub struct Setup {
    pub candidate: String,
    pub role: String,
    pub minutes: String,
    pub level: String,
    /// Every competency one may assess: its id and name, in the browser's order.
    pub all: Vec<(String, String)>,
    /// The ids ticked, in the order they were ticked.
    pub chosen: Vec<String>,
    /// The row of `all` the competency list points at.
    pub cursor: usize,
    /// The field being typed in (see [`Setup::FIELDS`]).
    pub field: usize,
    /// The field holds its pre-filled value, untouched: typing replaces it rather than adds to it.
    pub fresh: bool,
    /// Esc was pressed once on a form with a name typed: a second Esc drops it.
    pub esc_armed: bool,
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
    /// Esc on a form with a name typed: a second Esc drops it (say so).
    ConfirmCancel,
    /// Enter: start the interview the form describes.
    Submit,
}

/// The field holding the competencies.
pub const COMPETENCIES: usize = 4;

impl Setup {
    pub const FIELDS: [&'static str; 5] = ["Candidate", "Role", "Minutes", "Level", "Assess"];

    /// A form for an interview on `selected` (an index into `all`) at `level`.
    pub fn new(all: Vec<(String, String)>, selected: Option<usize>, level: usize) -> Setup {
        let chosen = selected
            .and_then(|i| all.get(i))
            .map(|(id, _)| vec![id.clone()])
            .unwrap_or_default();
        Setup {
            candidate: String::new(),
            role: String::new(),
            minutes: "45".to_string(),
            level: level.to_string(),
            cursor: selected.unwrap_or(0),
            all,
            chosen,
            field: 0,
            fresh: false,
            esc_armed: false,
        }
    }

    /// The text of a typed field.
    pub fn value(&self, field: usize) -> &str {
        match field {
            0 => &self.candidate,
            1 => &self.role,
            2 => &self.minutes,
            _ => &self.level,
        }
    }

    fn value_mut(&mut self) -> Option<&mut String> {
        match self.field {
            0 => Some(&mut self.candidate),
            1 => Some(&mut self.role),
            2 => Some(&mut self.minutes),
            3 => Some(&mut self.level),
            _ => None,
        }
    }

    /// The names of the competencies ticked, in order.
    pub fn chosen_names(&self) -> Vec<&str> {
        self.chosen
            .iter()
            .filter_map(|id| self.all.iter().find(|(i, _)| i == id))
            .map(|(_, name)| name.as_str())
            .collect()
    }

    fn focus(&mut self, field: usize) {
        self.field = field;
        // Numbers come pre-filled: the first key typed replaces them.
        self.fresh = matches!(field, 2 | 3);
    }

    pub fn act(&mut self, action: Action) -> SetupReply {
        let fields = Setup::FIELDS.len();
        let armed = std::mem::take(&mut self.esc_armed);
        match action {
            // What was typed is never dropped by one key.
            Action::Back
                if !armed
                    && (!self.candidate.trim().is_empty() || !self.role.trim().is_empty()) =>
            {
                self.esc_armed = true;
                return SetupReply::ConfirmCancel;
            }
            Action::Back => return SetupReply::Cancel,
            Action::Open => return SetupReply::Submit,
            Action::FocusNext => self.focus((self.field + 1) % fields),
            Action::FocusPrev => self.focus((self.field + fields - 1) % fields),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown
                if self.field == COMPETENCIES =>
            {
                self.cursor = moved(self.cursor, action, 5, self.all.len());
            }
            Action::Type(' ') if self.field == COMPETENCIES => self.toggle(),
            Action::Type(c) => {
                let fresh = std::mem::take(&mut self.fresh);
                if let Some(value) = self.value_mut() {
                    if fresh {
                        value.clear();
                    }
                    value.push(c);
                }
            }
            Action::Backspace => {
                self.fresh = false;
                if let Some(value) = self.value_mut() {
                    value.pop();
                }
            }
            Action::ClearLine => {
                if let Some(value) = self.value_mut() {
                    value.clear();
                }
            }
            _ => {}
        }
        SetupReply::Stay
    }

    /// Space in the competency list: ticks the competency under the cursor, or unticks it.
    fn toggle(&mut self) {
        let Some((id, _)) = self.all.get(self.cursor) else {
            return;
        };
        match self.chosen.iter().position(|c| c == id) {
            Some(at) => {
                self.chosen.remove(at);
            }
            None => self.chosen.push(id.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Setup {
        let all = ["a", "b", "c"]
            .iter()
            .map(|id| (id.to_string(), id.to_uppercase()))
            .collect();
        Setup::new(all, Some(1), 2)
    }

    #[test]
    fn typing_over_a_prefilled_number_replaces_it() {
        let mut form = form();
        form.act(Action::FocusNext);
        form.act(Action::FocusNext);
        assert_eq!(form.field, 2);
        form.act(Action::Type('3'));
        form.act(Action::Type('0'));
        assert_eq!(form.minutes, "30");
        form.act(Action::FocusNext);
        form.act(Action::Backspace);
        form.act(Action::Type('4'));
        assert_eq!(
            form.level, "4",
            "Backspace then a digit: edited, not replaced twice"
        );
    }

    #[test]
    fn competencies_are_ticked_in_the_list() {
        let mut form = form();
        assert_eq!(form.chosen_names(), ["B"]);
        for _ in 0..4 {
            form.act(Action::FocusNext);
        }
        assert_eq!(form.field, COMPETENCIES);
        form.act(Action::Down);
        form.act(Action::Type(' '));
        form.act(Action::Up);
        form.act(Action::Up);
        form.act(Action::Type(' '));
        assert_eq!(form.chosen_names(), ["B", "C", "A"]);
        form.act(Action::Down);
        form.act(Action::Type(' '));
        assert_eq!(form.chosen_names(), ["C", "A"]);
        form.act(Action::Type('x'));
        assert_eq!(form.candidate, "", "letters in the list type nothing");
    }

    #[test]
    fn esc_asks_before_dropping_a_typed_name() {
        let mut form = form();
        assert_eq!(
            form.act(Action::Back),
            SetupReply::Cancel,
            "nothing typed: it closes"
        );
        for c in "Priya".chars() {
            form.act(Action::Type(c));
        }
        assert_eq!(form.act(Action::Back), SetupReply::ConfirmCancel);
        // Another key in between: the next Esc asks again.
        form.act(Action::FocusNext);
        assert_eq!(form.act(Action::Back), SetupReply::ConfirmCancel);
        assert_eq!(form.act(Action::Back), SetupReply::Cancel);
        assert_eq!(form.candidate, "Priya");
    }
}
