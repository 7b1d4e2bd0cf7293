//! Text that came from a file a user or a content author wrote, made safe to show.
//!
//! Content is checked at load (control characters are an error there), but anything printed outside
//! ratatui — diagnostics that quote a source line, exports, error messages — goes through
//! [`inert`] as well, so that no byte from a file can drive the user's terminal.

use std::borrow::Cow;

/// Characters that must never reach a terminal from content: C0 and C1 controls (newline and tab
/// excepted by the callers that allow them), DEL, and the Unicode bidirectional overrides and
/// isolates that can make text read differently from what it is.
pub fn is_dangerous(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// True when `c` may stand in content text: anything but a dangerous character, where newline and
/// tab are allowed (multi-line statements, indented key points).
pub fn allowed_in_content(c: char) -> bool {
    matches!(c, '\n' | '\t') || !is_dangerous(c)
}

/// The text with every dangerous character (including newline and tab) replaced by a visible
/// escape such as `\u{1b}`, for one-line output. Borrowed when nothing needed replacing.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_dangerous) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_dangerous(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_text() {
        let title = "a\u{1b}]0;pwned\u{7}b";
        assert_eq!(inert(title), "a\\u{1b}]0;pwned\\u{7}b");
        assert_eq!(inert("x\u{9b}2J"), "x\\u{9b}2J");
        assert_eq!(inert("rtl\u{202e}txt"), "rtl\\u{202e}txt");
        assert_eq!(inert("two\nlines"), "two\\u{a}lines");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let text = "Résumé — 面接の準備 👩‍💻";
        assert!(matches!(inert(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn content_allows_newline_and_tab_only() {
        assert!(allowed_in_content('\n'));
        assert!(allowed_in_content('\t'));
        assert!(allowed_in_content('é'));
        assert!(!allowed_in_content('\r'));
        assert!(!allowed_in_content('\u{1b}'));
        assert!(!allowed_in_content('\u{2067}'));
    }
}
