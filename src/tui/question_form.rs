//! The form `a` opens to add a question of one's own to a competency (and `e` to edit one):
//! the question, its level, its type, key points and follow-ups (a line each). Its state and what
//! each key does to it; saving is an effect (`content::edit`).

use tui_input::Input;

use super::action::Action;
use crate::content::Question;
use crate::content::edit::QuestionDraft;

#[derive(Debug, Clone)]
pub struct QuestionForm {
    pub competency_id: String,
    /// The id of the question edited; `None` when adding one.
    pub editing: Option<String>,
    pub text: Input,
    pub level: Input,
    pub kind: Input,
    /// One line per key point, never empty.
    pub key_points: Vec<Input>,
    pub follow_ups: Vec<Input>,
    /// The field being typed in (see [`QuestionForm::FIELDS`]).
    pub field: usize,
    /// The line of a list field being typed in.
    pub row: usize,
    /// Esc was pressed once on a changed form: a second Esc discards it.
    pub discard_armed: bool,
    /// The level field holds its pre-filled value, untouched: typing replaces it.
    pub fresh: bool,
    /// Why the last save did not happen, or how to leave.
    pub message: Option<String>,
    /// The draft the form opened with, to tell whether anything changed.
    original: QuestionDraft,
    /// The scale's size, to check the level as it is typed.
    pub levels: usize,
    /// The scale's level names: the level may be typed as one.
    pub level_names: Vec<String>,
}

impl PartialEq for QuestionForm {
    fn eq(&self, other: &Self) -> bool {
        let values = |f: &QuestionForm| {
            let lines = |l: &[Input]| l.iter().map(|i| i.value().to_string()).collect::<Vec<_>>();
            (
                f.text.value().to_string(),
                f.level.value().to_string(),
                f.kind.value().to_string(),
                lines(&f.key_points),
                lines(&f.follow_ups),
            )
        };
        self.competency_id == other.competency_id
            && self.editing == other.editing
            && (self.field, self.row) == (other.field, other.row)
            && values(self) == values(other)
    }
}

impl Eq for QuestionForm {}

/// What a key in the form asks the rest of the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormReply {
    Stay,
    /// Close the form, dropping what it holds.
    Cancel,
    /// Save the question the form describes.
    Save,
}

pub const KEY_POINTS: usize = 3;
pub const FOLLOW_UPS: usize = 4;

fn inputs(items: &[String]) -> Vec<Input> {
    if items.is_empty() {
        vec![Input::default()]
    } else {
        items.iter().map(|s| Input::new(s.clone())).collect()
    }
}

impl QuestionForm {
    pub const FIELDS: [&'static str; 5] = ["Question", "Level", "Type", "Key points", "Follow-ups"];

    /// A form to add a question to `competency_id`, at `level` to start with.
    pub fn add(competency_id: &str, level: Option<usize>, levels: usize) -> QuestionForm {
        let draft = QuestionDraft {
            level,
            kind: Some("behavioral".to_string()),
            ..QuestionDraft::default()
        };
        QuestionForm::of_draft(competency_id, None, draft, levels)
    }

    /// A form to edit `question`.
    pub fn edit(competency_id: &str, question: &Question, levels: usize) -> QuestionForm {
        let draft = QuestionDraft::of(question);
        QuestionForm::of_draft(competency_id, Some(question.id.clone()), draft, levels)
    }

    fn of_draft(
        competency_id: &str,
        editing: Option<String>,
        draft: QuestionDraft,
        levels: usize,
    ) -> QuestionForm {
        let cursor = if editing.is_some() {
            0
        } else {
            draft.text.chars().count()
        };
        QuestionForm {
            competency_id: competency_id.to_string(),
            editing,
            // An edit shows the question from its start.
            text: Input::new(draft.text.clone()).with_cursor(cursor),
            level: Input::new(draft.level.map(|l| l.to_string()).unwrap_or_default()),
            kind: Input::new(draft.kind.clone().unwrap_or_default()),
            key_points: inputs(&draft.key_points),
            follow_ups: inputs(&draft.follow_ups),
            field: 0,
            row: 0,
            discard_armed: false,
            fresh: false,
            message: None,
            original: draft,
            levels,
            level_names: Vec::new(),
        }
    }

    /// What the form holds, or why it cannot be saved.
    pub fn draft(&self) -> Result<QuestionDraft, String> {
        let text = self.text.value().trim();
        if text.is_empty() {
            return Err("Write the question first (or Esc twice to leave).".to_string());
        }
        let level = match self.level.value().trim() {
            "" => None,
            _ => match self.typed_level() {
                Some(n) => Some(n),
                None => {
                    return Err(format!(
                        "Level: a number from 1 to {} (or a level's name), or empty for none.",
                        self.levels
                    ));
                }
            },
        };
        let kind = self
            .kind
            .value()
            .trim()
            .to_lowercase()
            .replace(char::is_whitespace, "-");
        let lines = |list: &[Input]| -> Vec<String> {
            list.iter()
                .map(|i| i.value().trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        Ok(QuestionDraft {
            text: text.to_string(),
            level,
            kind: (!kind.is_empty()).then_some(kind),
            key_points: lines(&self.key_points),
            follow_ups: lines(&self.follow_ups),
        })
    }

    /// The level typed, as a number on the scale: its number or its name (any case).
    pub fn typed_level(&self) -> Option<usize> {
        let typed = self.level.value().trim();
        let by_name = self
            .level_names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(typed))
            .map(|i| i + 1);
        typed
            .parse::<usize>()
            .ok()
            .or(by_name)
            .filter(|n| (1..=self.levels).contains(n))
    }

    /// Whether the form holds anything its opening did not.
    pub fn changed(&self) -> bool {
        self.draft().map_or_else(
            |_| !self.text.value().trim().is_empty() || self.level.value() != self.original_level(),
            |draft| draft != self.original,
        )
    }

    fn original_level(&self) -> String {
        self.original
            .level
            .map(|l| l.to_string())
            .unwrap_or_default()
    }

    fn list(&self) -> Option<&Vec<Input>> {
        match self.field {
            KEY_POINTS => Some(&self.key_points),
            FOLLOW_UPS => Some(&self.follow_ups),
            _ => None,
        }
    }

    fn list_mut(&mut self) -> Option<&mut Vec<Input>> {
        match self.field {
            KEY_POINTS => Some(&mut self.key_points),
            FOLLOW_UPS => Some(&mut self.follow_ups),
            _ => None,
        }
    }

    /// The line being typed in.
    pub fn current(&mut self) -> &mut Input {
        let row = self.row;
        match self.field {
            0 => &mut self.text,
            1 => &mut self.level,
            2 => &mut self.kind,
            KEY_POINTS => &mut self.key_points[row],
            _ => &mut self.follow_ups[row],
        }
    }

    fn focus(&mut self, field: usize, last_row: bool) {
        // Lines left empty in the list being left are dropped (one stays to type in).
        if let Some(list) = self.list_mut() {
            list.retain(|i| !i.value().trim().is_empty());
            if list.is_empty() {
                list.push(Input::default());
            }
        }
        self.field = field;
        self.fresh = field == 1 && !self.level.value().is_empty();
        self.row = match self.list() {
            Some(list) if last_row => list.len() - 1,
            _ => 0,
        };
    }

    pub fn act(&mut self, action: Action) -> FormReply {
        let fields = QuestionForm::FIELDS.len();
        if action != Action::Back {
            self.discard_armed = false;
        }
        match action {
            Action::Back => {
                if !self.changed() || self.discard_armed {
                    return FormReply::Cancel;
                }
                self.discard_armed = true;
                self.message =
                    Some("Esc again to discard this question; C-s saves it.".to_string());
            }
            Action::SaveNote => return FormReply::Save,
            Action::FocusNext => self.focus((self.field + 1) % fields, false),
            Action::FocusPrev => self.focus((self.field + fields - 1) % fields, false),
            // Enter: a new line in a list, the next field elsewhere.
            Action::Open => {
                let row = self.row;
                match self.list_mut() {
                    Some(list) if !list[row].value().trim().is_empty() => {
                        list.insert(row + 1, Input::default());
                        self.row += 1;
                    }
                    Some(_) => self.focus((self.field + 1) % fields, false),
                    None => self.focus(self.field + 1, false),
                }
            }
            Action::Down => match self.list() {
                Some(list) if self.row + 1 < list.len() => self.row += 1,
                _ if self.field + 1 < fields => self.focus(self.field + 1, false),
                _ => {}
            },
            Action::Up => match self.list() {
                Some(_) if self.row > 0 => self.row -= 1,
                _ if self.field > 0 => self.focus(self.field - 1, true),
                _ => {}
            },
            // Backspace on an empty line of a list joins it to the line above.
            Action::Backspace
                if self.row > 0 && self.list().is_some_and(|l| l[self.row].value().is_empty()) =>
            {
                let row = self.row;
                if let Some(list) = self.list_mut() {
                    list.remove(row);
                }
                self.row -= 1;
                let line = self.current();
                line.handle(tui_input::InputRequest::GoToEnd);
            }
            action => {
                // A digit typed over the pre-filled level replaces it.
                if std::mem::take(&mut self.fresh) && matches!(action, Action::Type(_)) {
                    self.level = Input::default();
                }
                super::line::edit(self.current(), action);
            }
        }
        if action != Action::Back {
            self.message = None;
        }
        FormReply::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(form: &mut QuestionForm, text: &str) {
        for c in text.chars() {
            form.act(Action::Type(c));
        }
    }

    #[test]
    fn a_question_with_key_points_on_lines_of_their_own() {
        let mut form = QuestionForm::add("f/c", Some(2), 4);
        typed(&mut form, "Tell me about a slip.");
        form.act(Action::Open);
        assert_eq!(form.field, 1, "Enter in the question goes on to the level");
        // The level comes pre-filled (2): a digit typed replaces it.
        typed(&mut form, "3");
        form.act(Action::FocusNext);
        form.act(Action::FocusNext);
        assert_eq!(form.field, KEY_POINTS);
        typed(&mut form, "Owns it");
        form.act(Action::Open);
        typed(&mut form, "Fixes it");
        form.act(Action::Open);
        // An empty line, then Enter: on to the follow-ups; the empty line is not a key point.
        form.act(Action::Open);
        assert_eq!(form.field, FOLLOW_UPS);
        typed(&mut form, "And then?");
        let draft = form.draft().unwrap();
        assert_eq!(draft.text, "Tell me about a slip.");
        assert_eq!(draft.level, Some(3));
        assert_eq!(draft.kind.as_deref(), Some("behavioral"));
        assert_eq!(draft.key_points, ["Owns it", "Fixes it"]);
        assert_eq!(draft.follow_ups, ["And then?"]);
        assert_eq!(form.act(Action::SaveNote), FormReply::Save);
    }

    #[test]
    fn esc_on_a_changed_form_asks_before_it_drops_the_text() {
        let mut form = QuestionForm::add("f/c", None, 4);
        assert_eq!(
            form.act(Action::Back),
            FormReply::Cancel,
            "nothing typed: leaves"
        );
        let mut form = QuestionForm::add("f/c", None, 4);
        typed(&mut form, "Half a ques");
        assert_eq!(form.act(Action::Back), FormReply::Stay);
        assert!(form.message.as_deref().unwrap().contains("Esc again"));
        // Typing on disarms: the next Esc asks again.
        typed(&mut form, "tion");
        assert_eq!(form.act(Action::Back), FormReply::Stay);
        assert_eq!(form.act(Action::Back), FormReply::Cancel);
    }

    #[test]
    fn a_level_off_the_scale_is_said_not_saved() {
        let mut form = QuestionForm::add("f/c", None, 4);
        typed(&mut form, "Why?");
        form.act(Action::FocusNext);
        typed(&mut form, "7");
        assert!(form.draft().unwrap_err().contains("1 to 4"));
        // A level's name is a level too.
        form.level_names = ["Basic", "Working", "Expert", "Lead"]
            .map(String::from)
            .to_vec();
        form.level = Input::new("expert".into());
        assert_eq!(form.draft().unwrap().level, Some(3));
    }

    #[test]
    fn backspace_on_an_empty_line_joins_it_to_the_one_above() {
        let mut form = QuestionForm::add("f/c", None, 4);
        form.focus(KEY_POINTS, false);
        typed(&mut form, "One");
        form.act(Action::Open);
        assert_eq!(form.key_points.len(), 2);
        form.act(Action::Backspace);
        assert_eq!((form.key_points.len(), form.row), (1, 0));
        typed(&mut form, "!");
        assert_eq!(form.key_points[0].value(), "One!");
    }
}
