//! Styles. Colours only as accents on the terminal's own background, so cuecard reads on light and
//! dark themes; with `NO_COLOR` set, only bold, dim, italic and reverse are used.

use ratatui::style::{Color, Modifier, Style};

use super::document::Tone;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn accent(&self, style: Style) -> Style {
        if self.color {
            style.fg(Color::Cyan)
        } else {
            style
        }
    }

    pub fn tone(&self, tone: Tone) -> Style {
        let plain = Style::default();
        match tone {
            Tone::Title => plain.add_modifier(Modifier::BOLD),
            Tone::Heading => self.accent(plain.add_modifier(Modifier::BOLD)),
            Tone::Body | Tone::Selected => plain,
            Tone::Quiet => plain.add_modifier(Modifier::DIM),
            Tone::Hint => plain.add_modifier(Modifier::ITALIC | Modifier::DIM),
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.accent(Style::default().add_modifier(Modifier::BOLD))
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }

    /// The selected row of a list: reversed where the focus is, bold elsewhere.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            self.accent(Style::default().add_modifier(Modifier::BOLD))
        }
    }

    pub fn banner(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The rehearsal timer: plain, amber nearing the target, red past it (bold and reversed
    /// without colour).
    pub fn pace(&self, pace: Pace) -> Style {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        match (pace, self.color) {
            (Pace::Fine, _) => bold,
            (Pace::Nearly, true) => bold.fg(Color::Yellow),
            (Pace::Over, true) => bold.fg(Color::Red),
            (Pace::Nearly, false) => bold.add_modifier(Modifier::UNDERLINED),
            (Pace::Over, false) => bold.add_modifier(Modifier::REVERSED),
        }
    }

    pub fn key(&self) -> Style {
        self.accent(Style::default().add_modifier(Modifier::BOLD))
    }
}

/// How a timer reads against its target (a rehearsal's answer, an interview's budget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Within three quarters of the target.
    Fine,
    /// Nearing the target: amber.
    Nearly,
    /// Past the target: red.
    Over,
}

pub fn pace(seconds: u64, target: u64) -> Pace {
    if seconds > target {
        Pace::Over
    } else if seconds.saturating_mul(4) >= target.saturating_mul(3) {
        Pace::Nearly
    } else {
        Pace::Fine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_turns_amber_then_red() {
        assert_eq!(pace(0, 120), Pace::Fine);
        assert_eq!(pace(89, 120), Pace::Fine);
        assert_eq!(pace(90, 120), Pace::Nearly);
        assert_eq!(pace(120, 120), Pace::Nearly);
        assert_eq!(pace(121, 120), Pace::Over);
    }
}
