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

/// `value` as one line of JSON in which every dangerous character is a `\uXXXX` escape: JSON
/// allows C1 controls, DEL and bidi characters raw, and serde_json writes them so, but a terminal
/// showing the output must not receive them. The text reads back the same.
pub fn json_line<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, InertJson);
    // Serializing our own types into memory cannot fail.
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's compact output, but for the escapes of dangerous characters.
struct InertJson;

impl serde_json::ser::Formatter for InertJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if is_dangerous(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// `Jane O'Neil` → `jane-o-neil`, `李雷` → `li-lei`, `Qualitätssicherung` → `qualitatssicherung`:
/// `text` as an id in `[a-z0-9-]` of at most `max_chars`, cut at a `-` when it is longer (other
/// scripts transliterated first). Empty when nothing of `text` is a letter or digit.
pub fn slug(text: &str, max_chars: usize) -> String {
    let mut slug = String::new();
    for c in deunicode::deunicode(text)
        .chars()
        .flat_map(char::to_lowercase)
    {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.len() > max_chars {
        let cut = slug[..=max_chars]
            .rfind('-')
            .filter(|&at| at > 0)
            .unwrap_or(max_chars);
        slug.truncate(cut);
    }
    slug.trim_end_matches('-').to_string()
}

/// `customer-support` → `Customer Support`: a name for something known only by its id.
pub fn title_of_id(id: &str) -> String {
    id.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A hex digest of `text` that stays the same from one build to the next (SHA-256).
pub fn digest(text: &str) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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
    fn json_escapes_every_dangerous_character_and_reads_back_the_same() {
        let text = "a\u{1b}[2J\u{9b}b\u{7f}\u{202e}c\u{2067}d é 面 👩‍💻\n\"";
        let json = json_line(&[text]);
        assert!(!json.chars().any(is_dangerous), "{json}");
        assert!(
            json.contains("\\u009b") && json.contains("\\u2067"),
            "{json}"
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [text]);
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
