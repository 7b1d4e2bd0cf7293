//! Styles. Colours only as accents on the terminal's own background, so cuecard reads on light and
//! dark themes; with `NO_COLOR` set, only bold, dim, italic and reverse are used. Two built-in
//! palettes (`dark`, the default, and `light`), and the user's colours over them (`[theme]` in the
//! settings).

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use super::document::Tone;
use crate::store::settings::ThemeSettings;

/// The colours by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Headings, the focused border, keys.
    pub accent: Color,
    /// A timer nearing its target.
    pub warning: Color,
    /// A timer past its target.
    pub error: Color,
    /// The selected row's background, when set (else the row is reversed).
    pub selection: Option<Color>,
}

impl Palette {
    /// For a dark background (the default).
    pub const DARK: Palette = Palette {
        accent: Color::Cyan,
        warning: Color::Yellow,
        error: Color::Red,
        selection: None,
    };
    /// For a light background: deeper colours that keep their contrast on white.
    pub const LIGHT: Palette = Palette {
        accent: Color::Blue,
        warning: Color::Rgb(0x8a, 0x5a, 0x00),
        error: Color::Rgb(0xb0, 0x00, 0x20),
        selection: None,
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    /// Without colours: bold, dim, italic and reverse only.
    pub const PLAIN: Theme = Theme {
        color: false,
        palette: Palette::DARK,
    };

    /// Colour unless `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            palette: Palette::DARK,
        }
    }

    /// The theme the settings ask for, over `from_env` (`NO_COLOR` still wins); a name or a colour
    /// that is none is said, naming the key and what to write, and the rest applies.
    pub fn with_settings(mut self, settings: &ThemeSettings) -> (Theme, Vec<String>) {
        let mut problems = Vec::new();
        match settings.name.as_deref().map(str::trim) {
            None | Some("dark") => {}
            Some("light") => self.palette = Palette::LIGHT,
            Some(other) => problems.push(format!(
                "settings.toml: [theme] name = \"{}\" is no theme: use \"dark\" or \"light\"",
                crate::text::inert(other)
            )),
        }
        let mut colour = |key: &str, value: &Option<String>| -> Option<Color> {
            let value = value.as_deref()?.trim();
            match parse_colour(value) {
                Some(color) => Some(color),
                None => {
                    problems.push(format!(
                        "settings.toml: [theme] {key} = \"{}\" is no colour: use a name such as \
                         \"blue\" or \"lightred\", \"#rrggbb\", or a palette index 0 to 255",
                        crate::text::inert(value)
                    ));
                    None
                }
            }
        };
        if let Some(c) = colour("accent", &settings.accent) {
            self.palette.accent = c;
        }
        if let Some(c) = colour("warning", &settings.warning) {
            self.palette.warning = c;
        }
        if let Some(c) = colour("error", &settings.error) {
            self.palette.error = c;
        }
        if let Some(c) = colour("selection", &settings.selection) {
            self.palette.selection = Some(c);
        }
        (self, problems)
    }

    fn accent(&self, style: Style) -> Style {
        if self.color {
            style.fg(self.palette.accent)
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

    /// The selected row of a list: reversed (or on the theme's selection colour) where the focus
    /// is, bold elsewhere.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            match (self.color, self.palette.selection) {
                (true, Some(background)) => {
                    Style::default().bg(background).add_modifier(Modifier::BOLD)
                }
                _ => Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            }
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
            (Pace::Nearly, true) => bold.fg(self.palette.warning),
            (Pace::Over, true) => bold.fg(self.palette.error),
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

/// A colour as the settings write it: a name (`blue`, `lightred`, `darkgray`…), `#rrggbb`, or a
/// palette index `0`-`255`.
pub fn parse_colour(text: &str) -> Option<Color> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(index) = text.parse::<u8>() {
        return Some(Color::Indexed(index));
    }
    Color::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_names_hex_or_indexes_and_the_rest_is_said() {
        assert_eq!(parse_colour("blue"), Some(Color::Blue));
        assert_eq!(parse_colour("#1e90ff"), Some(Color::Rgb(0x1e, 0x90, 0xff)));
        assert_eq!(parse_colour("208"), Some(Color::Indexed(208)));
        assert_eq!(parse_colour("blu"), None);
        assert_eq!(parse_colour("300"), None);
        let settings = ThemeSettings {
            name: Some("light".into()),
            accent: Some("#005f87".into()),
            warning: Some("not-a-colour".into()),
            ..ThemeSettings::default()
        };
        let base = Theme {
            color: true,
            palette: Palette::DARK,
        };
        let (theme, problems) = base.with_settings(&settings);
        assert_eq!(theme.palette.accent, Color::Rgb(0x00, 0x5f, 0x87));
        assert_eq!(
            theme.palette.warning,
            Palette::LIGHT.warning,
            "the light theme's stays"
        );
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("[theme] warning = \"not-a-colour\" is no colour"));
        let (_, problems) = base.with_settings(&ThemeSettings {
            name: Some("solarized".into()),
            ..ThemeSettings::default()
        });
        assert!(problems[0].contains("use \"dark\" or \"light\""));
    }

    #[test]
    fn no_color_wins_over_the_theme() {
        let settings = ThemeSettings {
            accent: Some("red".into()),
            selection: Some("blue".into()),
            ..ThemeSettings::default()
        };
        let (theme, _) = Theme::PLAIN.with_settings(&settings);
        assert_eq!(theme.tone(Tone::Heading).fg, None);
        assert_eq!(theme.selected(true).bg, None);
        assert!(
            theme
                .selected(true)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        let (colored, _) = Theme {
            color: true,
            ..Theme::PLAIN
        }
        .with_settings(&settings);
        assert_eq!(colored.tone(Tone::Heading).fg, Some(Color::Red));
        assert_eq!(colored.selected(true).bg, Some(Color::Blue));
    }

    #[test]
    fn the_two_built_in_themes_differ_where_contrast_needs_it() {
        let dark = Theme {
            color: true,
            palette: Palette::DARK,
        };
        let light = Theme {
            color: true,
            palette: Palette::LIGHT,
        };
        assert_ne!(dark.tone(Tone::Heading), light.tone(Tone::Heading));
        assert_ne!(dark.pace(Pace::Nearly), light.pace(Pace::Nearly));
        // Yellow on white is hard to read: the light theme's warning is a dark amber.
        assert_ne!(light.palette.warning, Color::Yellow);
    }

    #[test]
    fn the_timer_turns_amber_then_red() {
        assert_eq!(pace(0, 120), Pace::Fine);
        assert_eq!(pace(89, 120), Pace::Fine);
        assert_eq!(pace(90, 120), Pace::Nearly);
        assert_eq!(pace(120, 120), Pace::Nearly);
        assert_eq!(pace(121, 120), Pace::Over);
    }
}
