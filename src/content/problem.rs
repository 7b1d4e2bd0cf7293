//! A defect found in content, located as `path:line:col` with the source line it stands on.

use std::fmt;
use std::ops::Range;

use crate::text::inert;

/// One defect in one content file. `line` and `column` are 1-based; the column counts characters,
/// as an editor does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The source line the problem stands on, when there is one to show.
    pub source_line: Option<String>,
}

impl Problem {
    /// A problem at byte `offset` of `source` (which is the file's text without any BOM).
    pub fn at(path: &str, source: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, column, text) = locate(source, offset);
        Problem {
            path: path.to_string(),
            line,
            column,
            message: message.into(),
            source_line: Some(text.to_string()),
        }
    }

    /// A problem about a file or directory as a whole (missing, unreadable), at 1:1.
    pub fn whole_file(path: &str, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_string(),
            line: 1,
            column: 1,
            message: message.into(),
            source_line: None,
        }
    }

    /// A problem located at the start of a span.
    pub fn at_span(
        path: &str,
        source: &str,
        span: &Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Problem::at(path, source, span.start, message)
    }
}

/// Line (1-based), column (1-based, in characters) and the text of the line holding `offset`.
/// An offset past the end, or inside a character, is clamped to a valid position.
pub fn locate(source: &str, offset: usize) -> (usize, usize, &str) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let line = before.matches('\n').count() + 1;
    let column = source[line_start..offset].chars().count() + 1;
    let text = source[line_start..line_end].trim_end_matches('\r');
    (line, column, text)
}

impl fmt::Display for Problem {
    /// `path:line:col: message`, then the source line indented on the next line. Everything that
    /// came from a file is made inert, so a hostile file cannot drive the terminal through it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            inert(&self.path),
            self.line,
            self.column,
            inert(&self.message)
        )?;
        if let Some(text) = &self.source_line {
            let text = text.trim_end();
            if !text.is_empty() {
                write!(f, "\n    | {}", inert(text))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_character_columns() {
        let src = "a = 1\r\nnamé = \"x\"\nlast";
        assert_eq!(locate(src, 0), (1, 1, "a = 1"));
        let at_eq = src.find(" = \"x").unwrap();
        assert_eq!(locate(src, at_eq), (2, 5, "namé = \"x\""));
        assert_eq!(locate(src, src.len()), (3, 5, "last"));
        assert_eq!(locate(src, 10_000), (3, 5, "last"));
    }

    #[test]
    fn offset_inside_a_character_is_clamped() {
        let src = "é";
        assert_eq!(locate(src, 1), (1, 1, "é"));
    }

    #[test]
    fn display_is_path_line_col_message_then_the_line() {
        let p = Problem::at("c/x.toml", "a = 1\nbad = \u{1b}[2J\n", 6, "oops");
        assert_eq!(p.to_string(), "c/x.toml:2:1: oops\n    | bad = \\u{1b}[2J");
    }
}
