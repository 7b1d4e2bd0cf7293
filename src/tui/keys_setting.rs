//! `[keys]` in the settings: your own key for an action, per mode (`[keys.browser] quit = "Q"`).
//! The new key does the action and the action's own keys no longer do in that mode; the footer
//! and the help say the keys in force. Unknown modes, actions and keys, and a key already used for
//! another action, are reported with their line and left out.

use std::collections::BTreeMap;

use super::action::Action;
use super::keymap::{KeyOverrides, Mode, Override, parse_keys};

/// The modes a `[keys.SECTION]` names.
fn modes_of(section: &str) -> Option<Vec<Mode>> {
    Some(match section {
        "browser" => vec![Mode::Competencies, Mode::Behaviors, Mode::Questions],
        "question" => vec![Mode::Question],
        "rehearsal" => vec![Mode::Rehearsal, Mode::RehearsalDone],
        "progress" => vec![Mode::Progress],
        "stories" => vec![Mode::Stories],
        "panel" => vec![Mode::Panel],
        "debrief" => vec![Mode::Debrief],
        "interview" => vec![Mode::Interview, Mode::Mock],
        "ratings" => vec![Mode::Rating],
        "search" => vec![Mode::Search],
        "help" => vec![Mode::Help],
        _ => return None,
    })
}

const SECTIONS: &str =
    "browser, question, rehearsal, progress, stories, interview, ratings, search, help";

/// The actions a key of one's own may do, by the names the settings use.
pub const ACTIONS: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("help", Action::ToggleHelp),
    ("search", Action::OpenSearch),
    ("back", Action::Back),
    ("open", Action::Open),
    ("next_pane", Action::FocusNext),
    ("previous_pane", Action::FocusPrev),
    ("down", Action::Down),
    ("up", Action::Up),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("higher_level", Action::NextLevel),
    ("lower_level", Action::PrevLevel),
    ("reveal", Action::Reveal),
    ("next_question", Action::NextQuestion),
    ("previous_question", Action::PrevQuestion),
    ("note", Action::OpenNote),
    ("edit_note_outside", Action::EditNoteExternally),
    ("rehearse", Action::StartRehearsal),
    ("progress", Action::ToggleProgress),
    ("interview", Action::OpenInterview),
    ("stories", Action::OpenStories),
    ("mock", Action::StartMock),
    ("link_story", Action::LinkStory),
    ("add_question", Action::AddQuestion),
    ("edit_question", Action::EditQuestion),
    ("delete_question", Action::DeleteQuestion),
    ("skip", Action::Skip),
    ("undo", Action::Undo),
    ("mark", Action::MarkPoints),
    ("plan", Action::TogglePlanned),
    ("rate", Action::Rate),
    ("end_interview", Action::EndInterview),
    ("coverage_map", Action::ToggleCoverage),
    ("new_story", Action::NewStory),
];

/// Reads `[keys]` (section → action → key, each with its line): the keys that can be used, and
/// a message for each that cannot.
pub fn read(
    table: &BTreeMap<String, BTreeMap<String, (String, usize)>>,
) -> (KeyOverrides, Vec<String>) {
    let mut overrides = KeyOverrides::default();
    let mut problems = Vec::new();
    for (section, keys) in table {
        let Some(modes) = modes_of(section) else {
            problems.push(format!(
                "settings.toml: [keys.{section}] is no mode: use one of {SECTIONS}"
            ));
            continue;
        };
        for (name, (text, line)) in keys {
            let at = format!("settings.toml:{line}: [keys.{section}] {name}");
            let Some(&(_, action)) = ACTIONS.iter().find(|(n, _)| n == name) else {
                let nearest = ACTIONS
                    .iter()
                    .map(|(n, _)| (strsim::damerau_levenshtein(name, n), *n))
                    .min()
                    .filter(|(d, _)| *d <= 3)
                    .map(|(_, n)| format!(" (did you mean `{n}`?)"))
                    .unwrap_or_default();
                problems.push(format!("{at}: no such action{nearest}"));
                continue;
            };
            let key = match parse_keys(text) {
                Ok(events) if events.len() == 1 => events[0],
                _ => {
                    problems.push(format!(
                        "{at} = \"{}\": not one key; write a character (\"Q\"), or <Name> such as \
                         \"<C-q>\", \"<F5>\", \"<Enter>\"",
                        crate::text::inert(text)
                    ));
                    continue;
                }
            };
            // The key must not already do something else in those modes (its own default aside).
            let clash = modes.iter().find_map(|&mode| {
                let taken = overrides.action(mode, &key).or_else(|| {
                    super::keymap::default_action(mode, &key).filter(|a| {
                        // A default key of an action the user moved elsewhere is free.
                        overrides.moved(mode, *a).is_none() && *a != action
                    })
                });
                taken.filter(|a| *a != action)
            });
            if let Some(other) = clash {
                let other = ACTIONS
                    .iter()
                    .find(|(_, a)| *a == other)
                    .map_or_else(|| format!("{other:?}"), |(n, _)| (*n).to_string());
                problems.push(format!(
                    "{at} = \"{}\": that key already does {other} there; choose another",
                    crate::text::inert(text)
                ));
                continue;
            }
            overrides.entries.push(Override {
                modes: modes.clone(),
                section: section.clone(),
                action,
                name: name.clone(),
                key,
                label: text.clone(),
            });
        }
    }
    (overrides, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn table(
        entries: &[(&str, &str, &str, usize)],
    ) -> BTreeMap<String, BTreeMap<String, (String, usize)>> {
        let mut table: BTreeMap<String, BTreeMap<String, (String, usize)>> = BTreeMap::new();
        for (section, action, key, line) in entries {
            table
                .entry(section.to_string())
                .or_default()
                .insert(action.to_string(), (key.to_string(), *line));
        }
        table
    }

    #[test]
    fn a_key_of_ones_own_replaces_the_actions_keys_in_its_mode() {
        let (keys, problems) = read(&table(&[
            ("browser", "quit", "Q", 3),
            ("stories", "new_story", "<C-n>", 5),
        ]));
        assert!(problems.is_empty(), "{problems:?}");
        let q = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(keys.action(Mode::Competencies, &q), Some(Action::Quit));
        assert_eq!(
            keys.action(Mode::Rehearsal, &q),
            None,
            "only where it was given"
        );
        assert!(keys.moved(Mode::Questions, Action::Quit).is_some());
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(keys.action(Mode::Stories, &ctrl_n), Some(Action::NewStory));
    }

    #[test]
    fn mistakes_are_named_at_their_line() {
        let (keys, problems) = read(&table(&[
            ("browsr", "quit", "Q", 2),
            ("browser", "quitt", "Q", 4),
            ("browser", "rehearse", "<Nope>", 5),
            ("browser", "progress", "r", 6),
        ]));
        assert!(keys.entries.is_empty());
        assert!(
            problems
                .iter()
                .any(|p| p.contains("[keys.browsr] is no mode")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains(
                "settings.toml:4: [keys.browser] quitt: no such action (did you mean `quit`?)"
            )),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("settings.toml:5:") && p.contains("not one key")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("settings.toml:6:") && p.contains("already does rehearse")),
            "{problems:?}"
        );
    }
}
