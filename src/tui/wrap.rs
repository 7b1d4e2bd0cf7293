//! Wrapping text to a display width, so CJK, emoji and accented text line up and panes know how
//! many rows their text takes (for scrolling) before drawing it.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of `text` in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Wraps `text` into lines no wider than `max` columns. Newlines start new lines, tabs become
/// spaces, words longer than a line are broken between graphemes (never inside one). A `max` of 0
/// gives no lines.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if max == 0 {
        return lines;
    }
    for paragraph in text.split('\n') {
        let paragraph = paragraph.replace('\t', "    ");
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split_whitespace() {
            let word_width = width(word);
            let gap = usize::from(!line.is_empty());
            if line_width + gap + word_width <= max {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += gap + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            if word_width <= max {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            for grapheme in word.graphemes(true) {
                let g = width(grapheme);
                if line_width + g > max && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                // A grapheme wider than the whole line (a wide character in a 1-column pane) is
                // left out rather than overflowing.
                if g <= max {
                    line.push_str(grapheme);
                    line_width += g;
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` cut to at most `max` columns, ending in `…` when it was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let g = width(grapheme);
        if used + g + 1 > max {
            break;
        }
        out.push_str(grapheme);
        used += g;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_by_display_width() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("a\nb  c", 10), ["a", "b c"]);
        assert_eq!(wrap("", 5), [""]);
        assert!(wrap("anything", 0).is_empty());
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let lines = wrap("面接の準備をする", 6);
        assert_eq!(lines, ["面接の", "準備を", "する"]);
        assert!(lines.iter().all(|l| width(l) <= 6));
    }

    #[test]
    fn graphemes_are_never_split() {
        let family = "👩‍👩‍👧‍👦";
        let text = format!("{family}{family}{family}");
        for line in wrap(&text, 4) {
            assert!(line.is_empty() || line.contains(family), "{line:?}");
            assert!(width(&line) <= 4);
        }
        let accented = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(wrap(accented, 2), ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn a_character_wider_than_the_pane_is_dropped_not_overflowed() {
        assert_eq!(wrap("面", 1), [""]);
    }

    #[test]
    fn tabs_become_spaces() {
        assert_eq!(wrap("a\tb", 20), ["a b"]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Customer Interaction", 10), "Customer …");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("面接の準備", 5), "面接…");
        assert_eq!(truncate("abc", 0), "");
    }
}
