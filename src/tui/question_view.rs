//! Where a question's parts go and what its text says, for `view` to draw and `update` to scroll
//! by: the open question (with the anchors beside it on a wide screen, and the note editor when
//! open), a rehearsal card, and the live interview's current question.

use ratatui::layout::Rect;

use super::app::App;
use super::document::{self, DocLine};
use super::interview_doc;
use super::interview_mode::Interview;
use super::layout::{card_text, inner};
use super::rehearsal_mode::Rehearsal;

/// The open question laid out in the body of the screen.
pub struct QuestionView {
    /// The question's own column.
    pub main: Rect,
    /// The level's behaviors beside it, on a wide screen without the editor.
    pub anchors: Option<Rect>,
    /// The note editor, when it is open.
    pub editor: Option<Rect>,
    pub doc: Vec<DocLine>,
}

/// Columns at which the question shows what sits beside it rather than below.
const SIDE_BY_SIDE: u16 = 100;

impl QuestionView {
    pub fn new(app: &App, body: Rect, revealed: bool) -> QuestionView {
        let wide = body.width >= SIDE_BY_SIDE;
        let (main, anchors, editor) = match (app.editor.is_some(), wide) {
            (false, false) => (body, None, None),
            (false, true) => {
                let (main, side) = split_columns(body, body.width * 3 / 5);
                (main, Some(side), None)
            }
            (true, true) => {
                let (main, side) = split_columns(body, body.width / 2);
                (main, None, Some(side))
            }
            (true, false) => {
                let (main, editor) = split_rows(body);
                (main, None, Some(editor))
            }
        };
        let width = usize::from(inner(main).width);
        let doc = match (app.current(), app.current_question()) {
            (Some((framework, competency)), Some(question)) => {
                // The editor shows the note itself; the question's text shows it otherwise.
                let note = match app.editor {
                    Some(_) => None,
                    None => app.note(&question.id),
                };
                document::question(
                    &document::QuestionParts {
                        framework,
                        competency,
                        question,
                        level: question.level.unwrap_or(app.level),
                        note: note.as_deref(),
                        conflict: app.conflicts.get(&question.id).map(String::as_str),
                        marks: app.marks.get(&question.id),
                        stories: app
                            .stories
                            .iter()
                            .filter(|s| s.questions.contains(&question.id))
                            .collect(),
                    },
                    revealed,
                    anchors.is_none() && editor.is_none(),
                    width,
                )
            }
            _ => Vec::new(),
        };
        QuestionView {
            main,
            anchors,
            editor,
            doc,
        }
    }
}

/// The question above, the note below taking most of the height.
fn split_rows(body: Rect) -> (Rect, Rect) {
    let top = (body.height / 3).max(4).min(body.height);
    let main = Rect {
        height: top,
        ..body
    };
    let editor = Rect {
        y: body.y + top,
        height: body.height - top,
        ..body
    };
    (main, editor)
}

/// A rehearsal's card and, when the note is open, the editor beside or below it.
pub fn rehearsal_split(app: &App, body: Rect) -> (Rect, Option<Rect>) {
    if app.editor.is_none() {
        return (body, None);
    }
    if body.width >= SIDE_BY_SIDE {
        let (card, editor) = split_columns(body, body.width / 2);
        (card, Some(editor))
    } else {
        let (card, editor) = split_rows(body);
        (card, Some(editor))
    }
}

fn split_columns(body: Rect, left: u16) -> (Rect, Rect) {
    let main = Rect {
        width: left,
        ..body
    };
    let side = Rect {
        x: main.right(),
        width: body.width - left,
        ..body
    };
    (main, side)
}

/// A card's text and the area it scrolls in.
pub struct Card {
    pub doc: Vec<DocLine>,
    pub area: Rect,
}

impl Card {
    /// The text's length and the rows that show it (at least one).
    pub fn extent(&self) -> (usize, usize) {
        (self.doc.len(), usize::from(self.area.height).max(1))
    }
}

/// The rehearsal's current card in `body`: the question alone, then what a strong answer covers,
/// the follow-ups and the user's note once revealed.
pub fn rehearsal_card(app: &App, rehearsal: &Rehearsal, body: Rect) -> Card {
    let (body, _) = rehearsal_split(app, body);
    let area = card_text(body, 0);
    let width = usize::from(area.width);
    let doc = rehearsal
        .current()
        .and_then(|id| {
            if let Some(story) = crate::stories::story_of_card(id) {
                let story = app.stories.iter().find(|s| s.id == story)?;
                return Some(document::story_card(
                    &app.library,
                    story,
                    rehearsal.revealed(),
                    width,
                ));
            }
            let question = app.library.question(id)?;
            let competency = app.library.competency(id.rsplit_once('/')?.0)?;
            let framework = app.library.framework(id.split_once('/')?.0)?;
            // The editor shows the note itself when it is open.
            let note = app.editor.is_none().then(|| app.note(id)).flatten();
            let parts = document::QuestionParts {
                framework,
                competency,
                question,
                level: question.level.unwrap_or(1),
                note: note.as_deref(),
                conflict: app.conflicts.get(id).map(String::as_str),
                marks: app.marks.get(id),
                stories: app
                    .stories
                    .iter()
                    .filter(|s| s.questions.iter().any(|q| q == id))
                    .collect(),
            };
            Some(document::rehearsal_card(
                &parts,
                rehearsal.revealed(),
                usize::from(area.width),
            ))
        })
        .unwrap_or_default();
    Card { doc, area }
}

/// The most rows the line being typed takes (it wraps; beyond this it scrolls with the cursor).
pub const MAX_INPUT_ROWS: usize = 4;

/// Rows the line being typed takes at `width`: its label, its text and the cursor, wrapped.
pub fn input_rows(interview: &Interview, width: usize) -> usize {
    let Some(input) = &interview.input else {
        return 0;
    };
    let cells = super::wrap::width(input.label()) + 2 + super::wrap::width(input.text()) + 1;
    cells.div_ceil(width.max(1)).clamp(1, MAX_INPUT_ROWS)
}

/// The live interview's current question in `body`, above the line being typed when there is one.
pub fn live_interview(app: &App, interview: &Interview, body: Rect) -> Card {
    let width = usize::from(inner(body).width);
    let rows = input_rows(interview, width);
    let area = card_text(body, u16::try_from(rows).unwrap_or(0));
    let doc = interview_doc::live(
        &app.library,
        &interview.session,
        interview.current,
        interview.selected_note,
        !interview
            .input
            .as_ref()
            .is_some_and(|i| i.purpose == super::interview_mode::Purpose::Note),
        usize::from(area.width),
    );
    Card { doc, area }
}
