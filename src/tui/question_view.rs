//! Where the open question's parts go and what its text says, for `view` to draw and `update` to
//! scroll by: the question, the anchors beside it on a wide screen, and the note editor when open.

use ratatui::layout::Rect;

use super::app::App;
use super::document::{self, DocLine};
use super::layout::inner;

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
                // The question above, the note below taking most of the height.
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
