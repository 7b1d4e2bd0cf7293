//! Keys → actions, one table per mode. The help overlay and the footer are generated from these
//! same tables, so what they say is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Where the keys are read: a pane of the browser, the open question, or the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Competencies,
    Behaviors,
    Questions,
    Question,
    /// The note editor: keys not in its table are typed into the note.
    Note,
    Rehearsal,
    Progress,
    /// The interview set-up form: printable keys are typed into the field.
    Setup,
    /// The interview's live view.
    Interview,
    /// Rating the competencies of an interview.
    Rating,
    /// Typing a line of an interview (a note, an evidence, the summary).
    Typing,
    Search,
    Help,
}

/// A key, as the tables write it. Letters are matched whatever the Shift state (`G` is its own
/// character); Control and Alt must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// One line of a keymap table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in the help and footer.
    pub label: &'static str,
    pub action: Action,
    pub description: &'static str,
    /// Shown in the footer (the keys that matter most in this mode).
    pub footer: bool,
}

const fn bind(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    description: &'static str,
    footer: bool,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        description,
        footer,
    }
}

const UP: &[Key] = &[ch('k'), key(KeyCode::Up)];
const DOWN: &[Key] = &[ch('j'), key(KeyCode::Down)];
const TOP: &[Key] = &[ch('g'), key(KeyCode::Home)];
const BOTTOM: &[Key] = &[ch('G'), key(KeyCode::End)];
const PAGE_UP: &[Key] = &[key(KeyCode::PageUp)];
const PAGE_DOWN: &[Key] = &[key(KeyCode::PageDown)];

/// Keys that work in every pane of the browser.
pub const BROWSE: &[Binding] = &[
    bind(
        &[key(KeyCode::Tab)],
        "Tab",
        Action::FocusNext,
        "next pane",
        true,
    ),
    bind(
        &[key(KeyCode::BackTab)],
        "S-Tab",
        Action::FocusPrev,
        "previous pane",
        false,
    ),
    bind(
        &[ch('1')],
        "1-9",
        Action::SelectLevel(1),
        "select level 1 to 9",
        false,
    ),
    bind(&[ch('2')], "", Action::SelectLevel(2), "", false),
    bind(&[ch('3')], "", Action::SelectLevel(3), "", false),
    bind(&[ch('4')], "", Action::SelectLevel(4), "", false),
    bind(&[ch('5')], "", Action::SelectLevel(5), "", false),
    bind(&[ch('6')], "", Action::SelectLevel(6), "", false),
    bind(&[ch('7')], "", Action::SelectLevel(7), "", false),
    bind(&[ch('8')], "", Action::SelectLevel(8), "", false),
    bind(&[ch('9')], "", Action::SelectLevel(9), "", false),
    REHEARSE_KEY,
    PROGRESS_KEY,
    INTERVIEW_KEY,
    SEARCH_KEY,
    HELP_KEY,
    QUIT,
];

const INTERVIEW_KEY: Binding = bind(
    &[ch('i')],
    "i",
    Action::OpenInterview,
    "interview: set one up, or back to the one under way",
    false,
);

/// The interview's live view.
pub const INTERVIEW: &[Binding] = &[
    bind(&[ch(']')], "]", Action::NextQuestion, "next question", true),
    bind(
        &[ch('[')],
        "[",
        Action::PrevQuestion,
        "previous question",
        false,
    ),
    bind(
        &[ch('1')],
        "1-9",
        Action::TickKeyPoint(1),
        "tick key point 1 to 9",
        true,
    ),
    bind(&[ch('2')], "", Action::TickKeyPoint(2), "", false),
    bind(&[ch('3')], "", Action::TickKeyPoint(3), "", false),
    bind(&[ch('4')], "", Action::TickKeyPoint(4), "", false),
    bind(&[ch('5')], "", Action::TickKeyPoint(5), "", false),
    bind(&[ch('6')], "", Action::TickKeyPoint(6), "", false),
    bind(&[ch('7')], "", Action::TickKeyPoint(7), "", false),
    bind(&[ch('8')], "", Action::TickKeyPoint(8), "", false),
    bind(&[ch('9')], "", Action::TickKeyPoint(9), "", false),
    bind(
        &[ch('a')],
        "a-f",
        Action::TickFollowUp(1),
        "tick follow-up a to f",
        false,
    ),
    bind(&[ch('b')], "", Action::TickFollowUp(2), "", false),
    bind(&[ch('c')], "", Action::TickFollowUp(3), "", false),
    bind(&[ch('d')], "", Action::TickFollowUp(4), "", false),
    bind(&[ch('e')], "", Action::TickFollowUp(5), "", false),
    bind(&[ch('f')], "", Action::TickFollowUp(6), "", false),
    bind(&[ch('n')], "n", Action::OpenNote, "quick note", true),
    bind(&[ch('R')], "R", Action::Rate, "ratings", true),
    bind(
        &[ch('x')],
        "x",
        Action::Export,
        "write the scorecard",
        false,
    ),
    bind(
        &[ch('K')],
        "K",
        Action::MoveEarlier,
        "move the question earlier in the plan",
        false,
    ),
    bind(
        &[ch('J')],
        "J",
        Action::MoveLater,
        "move the question later in the plan",
        false,
    ),
    bind(DOWN, "j/↓", Action::Down, "scroll down", false),
    bind(UP, "k/↑", Action::Up, "scroll up", false),
    bind(PAGE_DOWN, "PgDn", Action::PageDown, "a page down", false),
    bind(PAGE_UP, "PgUp", Action::PageUp, "a page up", false),
    bind(
        &[key(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "to the browser (i comes back)",
        false,
    ),
    SEARCH_KEY,
    HELP_KEY,
    QUIT_HARD,
];

/// Rating an interview's competencies against their levels.
pub const RATING: &[Binding] = &[
    bind(DOWN, "j/↓", Action::Down, "next competency", false),
    bind(UP, "k/↑", Action::Up, "previous competency", false),
    bind(
        PAGE_DOWN,
        "PgDn",
        Action::PageDown,
        "scroll the levels down",
        false,
    ),
    bind(
        PAGE_UP,
        "PgUp",
        Action::PageUp,
        "scroll the levels up",
        false,
    ),
    bind(
        &[ch('1')],
        "1-9",
        Action::SelectLevel(1),
        "rate at that level",
        true,
    ),
    bind(&[ch('2')], "", Action::SelectLevel(2), "", false),
    bind(&[ch('3')], "", Action::SelectLevel(3), "", false),
    bind(&[ch('4')], "", Action::SelectLevel(4), "", false),
    bind(&[ch('5')], "", Action::SelectLevel(5), "", false),
    bind(&[ch('6')], "", Action::SelectLevel(6), "", false),
    bind(&[ch('7')], "", Action::SelectLevel(7), "", false),
    bind(&[ch('8')], "", Action::SelectLevel(8), "", false),
    bind(&[ch('9')], "", Action::SelectLevel(9), "", false),
    bind(&[ch('e')], "e", Action::OpenNote, "evidence", true),
    bind(&[ch('o')], "o", Action::Recommend, "recommendation", true),
    bind(&[ch('s')], "s", Action::Summary, "summary", false),
    bind(
        &[key(KeyCode::Esc), ch('R')],
        "Esc",
        Action::Back,
        "back to the question",
        true,
    ),
    QUIT_HARD,
];

/// The interview set-up form. Other printable keys are typed into the field.
pub const SETUP: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "start the interview",
        true,
    ),
    bind(
        &[key(KeyCode::Tab)],
        "Tab",
        Action::FocusNext,
        "next field",
        true,
    ),
    bind(
        &[key(KeyCode::BackTab)],
        "S-Tab",
        Action::FocusPrev,
        "previous field",
        false,
    ),
    bind(
        &[key(KeyCode::Backspace)],
        "Bksp",
        Action::SearchBackspace,
        "delete a character",
        false,
    ),
    bind(&[key(KeyCode::Esc)], "Esc", Action::Back, "cancel", true),
    bind(&[ctrl('c')], "C-c", Action::Quit, "quit", false),
];

/// Typing a line in an interview. Other printable keys are typed.
pub const TYPING: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "keep the line",
        true,
    ),
    bind(
        &[key(KeyCode::Backspace)],
        "Bksp",
        Action::SearchBackspace,
        "delete a character",
        false,
    ),
    bind(&[key(KeyCode::Esc)], "Esc", Action::Back, "cancel", true),
    bind(&[ctrl('c')], "C-c", Action::Quit, "quit", false),
];
const REHEARSE_KEY: Binding = bind(
    &[ch('r')],
    "r",
    Action::StartRehearsal,
    "rehearse: the competency, or the selected question",
    false,
);
const PROGRESS_KEY: Binding = bind(
    &[ch('p')],
    "p",
    Action::ToggleProgress,
    "your progress",
    false,
);

/// Rehearsal: one question at a time, timed.
pub const REHEARSAL: &[Binding] = &[
    bind(
        &[ch(' ')],
        "Space",
        Action::Reveal,
        "reveal the answer",
        true,
    ),
    bind(&[ch('1')], "1-4", Action::Grade(1), "grade", true),
    bind(&[ch('2')], "", Action::Grade(2), "", false),
    bind(&[ch('3')], "", Action::Grade(3), "", false),
    bind(&[ch('4')], "", Action::Grade(4), "", false),
    bind(DOWN, "j/↓", Action::Down, "scroll down", false),
    bind(UP, "k/↑", Action::Up, "scroll up", false),
    bind(&[key(KeyCode::Esc)], "Esc", Action::Back, "end", true),
    QUIT,
];

/// The progress view.
pub const PROGRESS: &[Binding] = &[
    bind(
        &[key(KeyCode::Esc), ch('p')],
        "Esc/p",
        Action::Back,
        "close",
        true,
    ),
    bind(DOWN, "j/↓", Action::Down, "scroll down", false),
    bind(UP, "k/↑", Action::Up, "scroll up", false),
    bind(
        &[ch('r')],
        "r",
        Action::StartRehearsal,
        "rehearse the selected competency",
        true,
    ),
    QUIT,
];

/// Moving through the competency and question lists.
pub const LISTS: &[Binding] = &[
    bind(DOWN, "j/↓", Action::Down, "next row", true),
    bind(UP, "k/↑", Action::Up, "previous row", false),
    bind(TOP, "g/Home", Action::Top, "first row", false),
    bind(BOTTOM, "G/End", Action::Bottom, "last row", false),
    bind(PAGE_DOWN, "PgDn", Action::PageDown, "a page down", false),
    bind(PAGE_UP, "PgUp", Action::PageUp, "a page up", false),
];

/// Scrolling text: the behaviors, an open question, the help.
pub const TEXT: &[Binding] = &[
    bind(DOWN, "j/↓", Action::Down, "scroll down", false),
    bind(UP, "k/↑", Action::Up, "scroll up", false),
    bind(TOP, "g/Home", Action::Top, "scroll to the top", false),
    bind(BOTTOM, "G/End", Action::Bottom, "scroll to the end", false),
    bind(PAGE_DOWN, "PgDn", Action::PageDown, "a page down", false),
    bind(PAGE_UP, "PgUp", Action::PageUp, "a page up", false),
];

const QUIT: Binding = bind(&[ch('q'), ctrl('c')], "q", Action::Quit, "quit", true);
/// In the middle of an interview a stray `q` must not end it: Ctrl-C only.
const QUIT_HARD: Binding = bind(&[ctrl('c')], "C-c", Action::Quit, "quit", false);
const SEARCH_KEY: Binding = bind(
    &[ch('/')],
    "/",
    Action::OpenSearch,
    "search everything",
    true,
);
const HELP_KEY: Binding = bind(&[ch('?')], "?", Action::ToggleHelp, "help: every key", true);

pub const COMPETENCIES: &[Binding] = &[bind(
    &[key(KeyCode::Enter)],
    "Enter",
    Action::Open,
    "its questions",
    true,
)];

pub const BEHAVIORS: &[Binding] = &[
    bind(
        &[ch('l'), key(KeyCode::Right)],
        "l/→",
        Action::NextLevel,
        "higher level",
        true,
    ),
    bind(
        &[ch('h'), key(KeyCode::Left)],
        "h/←",
        Action::PrevLevel,
        "lower level",
        true,
    ),
    bind(
        &[key(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "the level's questions",
        false,
    ),
];

pub const QUESTIONS: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "open the question",
        true,
    ),
    bind(
        &[ch(' ')],
        "Space",
        Action::TogglePlanned,
        "add to or take out of the interview plan",
        false,
    ),
    NOTE_KEY,
    EXTERNAL_EDITOR_KEY,
];

const NOTE_KEY: Binding = bind(&[ch('n')], "n", Action::OpenNote, "your note", true);
const EXTERNAL_EDITOR_KEY: Binding = bind(
    &[ch('E')],
    "E",
    Action::EditNoteExternally,
    "edit the note in $EDITOR",
    false,
);

/// The note editor. Every other key edits the text: arrows, Ctrl/Alt word and line movement,
/// C-u undo, C-r redo, C-k delete to the line's end, C-y paste what was deleted.
pub const NOTE: &[Binding] = &[
    bind(
        &[key(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "leave the note (saved)",
        true,
    ),
    bind(&[ctrl('s')], "C-s", Action::SaveNote, "save now", true),
    bind(&[ctrl('c')], "C-c", Action::Quit, "quit", false),
];

/// The open question.
pub const QUESTION: &[Binding] = &[
    bind(
        &[ch(' ')],
        "Space",
        Action::Reveal,
        "show/hide key points",
        true,
    ),
    bind(
        &[key(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "back to the browser",
        true,
    ),
    bind(
        &[ch('l'), key(KeyCode::Right)],
        "l/→",
        Action::NextQuestion,
        "next question",
        false,
    ),
    bind(
        &[ch('h'), key(KeyCode::Left)],
        "h/←",
        Action::PrevQuestion,
        "previous question",
        false,
    ),
    SEARCH_KEY,
    NOTE_KEY,
    EXTERNAL_EDITOR_KEY,
    REHEARSE_KEY,
    INTERVIEW_KEY,
    HELP_KEY,
    QUIT,
];

/// The search overlay. Any other printable character is typed into the query.
pub const SEARCH: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "go to the result",
        true,
    ),
    bind(
        &[key(KeyCode::Esc)],
        "Esc",
        Action::Back,
        "back to where you were",
        true,
    ),
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        "↓/C-n",
        Action::Down,
        "next result",
        true,
    ),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        "↑/C-p",
        Action::Up,
        "previous result",
        false,
    ),
    bind(
        PAGE_DOWN,
        "PgDn",
        Action::PageDown,
        "a page of results down",
        false,
    ),
    bind(
        PAGE_UP,
        "PgUp",
        Action::PageUp,
        "a page of results up",
        false,
    ),
    bind(
        &[key(KeyCode::Backspace)],
        "Bksp",
        Action::SearchBackspace,
        "delete a character",
        false,
    ),
    bind(
        &[ctrl('u')],
        "C-u",
        Action::SearchClear,
        "clear the query",
        false,
    ),
    bind(&[ctrl('c')], "C-c", Action::Quit, "quit", false),
];

pub const HELP: &[Binding] = &[
    bind(
        &[key(KeyCode::Esc), ch('?')],
        "Esc/?",
        Action::Back,
        "close the help",
        true,
    ),
    QUIT,
];

/// The tables that apply in `mode`, most specific first.
pub fn tables(mode: Mode) -> &'static [&'static [Binding]] {
    match mode {
        Mode::Competencies => &[COMPETENCIES, LISTS, BROWSE],
        Mode::Behaviors => &[BEHAVIORS, TEXT, BROWSE],
        Mode::Questions => &[QUESTIONS, LISTS, BROWSE],
        Mode::Question => &[QUESTION, TEXT],
        Mode::Note => &[NOTE],
        Mode::Rehearsal => &[REHEARSAL],
        Mode::Progress => &[PROGRESS],
        Mode::Setup => &[SETUP],
        Mode::Interview => &[INTERVIEW],
        Mode::Rating => &[RATING],
        Mode::Typing => &[TYPING],
        Mode::Search => &[SEARCH],
        Mode::Help => &[HELP, TEXT],
    }
}

/// The sections of the help overlay: a title and the bindings it lists.
pub fn help_sections() -> [(&'static str, &'static [Binding]); 16] {
    [
        ("Everywhere in the browser", BROWSE),
        ("Competencies pane", COMPETENCIES),
        ("Behaviors pane", BEHAVIORS),
        ("Questions pane", QUESTIONS),
        ("Lists: competencies and questions", LISTS),
        ("Text: behaviors, a question, this help", TEXT),
        ("An open question", QUESTION),
        ("Writing a note (other keys edit the text)", NOTE),
        ("Rehearsal", REHEARSAL),
        ("Progress", PROGRESS),
        ("Interview: live view", INTERVIEW),
        ("Interview: ratings", RATING),
        ("Interview: set-up (type in the fields)", SETUP),
        ("Interview: typing a line", TYPING),
        ("Search (type to search)", SEARCH),
        ("This help", HELP),
    ]
}

fn matches(key: &Key, event: &KeyEvent) -> bool {
    let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    let code_matches = match (key.code, event.code) {
        // Some terminals report Shift-Tab as Tab with Shift.
        (KeyCode::BackTab, KeyCode::Tab) => event.modifiers.contains(KeyModifiers::SHIFT),
        (KeyCode::Tab, KeyCode::Tab) => !event.modifiers.contains(KeyModifiers::SHIFT),
        (a, b) => a == b,
    };
    code_matches && (event.modifiers & relevant) == key.modifiers
}

/// The action a key press asks for in `mode`, if any. Key releases and repeats of non-movement
/// keys are left to the caller to filter; only presses and repeats are considered here.
pub fn action_for(mode: Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let bound = tables(mode)
        .iter()
        .flat_map(|table| table.iter())
        .find(|b| b.keys.iter().any(|k| matches(k, event)))
        .map(|b| b.action);
    // In search, a form or a line, every other printable character is typed; in a note, every key.
    match (bound, mode, event.code) {
        (None, Mode::Note, _) => Some(Action::Edit(*event)),
        (None, Mode::Search | Mode::Setup | Mode::Typing, KeyCode::Char(c))
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::SearchType(c))
        }
        _ => bound,
    }
}

/// The footer's hints for `mode`: `(keys, what they do)`, the way to the help first so that it
/// survives in the narrowest footer.
pub fn footer_hints(mode: Mode) -> Vec<(&'static str, &'static str)> {
    let mut hints: Vec<&Binding> = tables(mode)
        .iter()
        .flat_map(|table| table.iter())
        .filter(|b| b.footer)
        .collect();
    hints.sort_by_key(|b| b.action != Action::ToggleHelp);
    hints.iter().map(|b| (b.label, b.description)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_map_to_actions_per_mode() {
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Competencies, &j), Some(Action::Down));
        let l = press(KeyCode::Char('l'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Behaviors, &l), Some(Action::NextLevel));
        assert_eq!(action_for(Mode::Competencies, &l), None);
        let three = press(KeyCode::Char('3'), KeyModifiers::NONE);
        assert_eq!(
            action_for(Mode::Questions, &three),
            Some(Action::SelectLevel(3))
        );
        let space = press(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Question, &space), Some(Action::Reveal));
    }

    #[test]
    fn shifted_letters_and_control_keys() {
        let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Questions, &big_g), Some(Action::Bottom));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Help, &ctrl_c), Some(Action::Quit));
        let plain_c = press(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Help, &plain_c), None);
        let ctrl_j = press(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Competencies, &ctrl_j), None);
        let shift_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            action_for(Mode::Competencies, &shift_tab),
            Some(Action::FocusPrev)
        );
        let tab_shift = press(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(
            action_for(Mode::Competencies, &tab_shift),
            Some(Action::FocusPrev)
        );
    }

    #[test]
    fn releases_do_nothing() {
        let mut j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        j.kind = KeyEventKind::Release;
        assert_eq!(action_for(Mode::Competencies, &j), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode in [
            Mode::Competencies,
            Mode::Behaviors,
            Mode::Questions,
            Mode::Question,
            Mode::Note,
            Mode::Rehearsal,
            Mode::Progress,
            Mode::Setup,
            Mode::Interview,
            Mode::Rating,
            Mode::Typing,
            Mode::Search,
            Mode::Help,
        ] {
            let keys: Vec<Key> = tables(mode)
                .iter()
                .flat_map(|t| t.iter())
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} bound twice in {mode:?}");
            }
        }
    }

    #[test]
    fn slash_searches_from_anywhere_and_n_opens_a_note_where_a_question_is_selected() {
        for mode in [
            Mode::Competencies,
            Mode::Behaviors,
            Mode::Questions,
            Mode::Question,
        ] {
            let slash = press(KeyCode::Char('/'), KeyModifiers::NONE);
            assert_eq!(
                action_for(mode, &slash),
                Some(Action::OpenSearch),
                "{mode:?}"
            );
            let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
            let expected =
                matches!(mode, Mode::Questions | Mode::Question).then_some(Action::OpenNote);
            assert_eq!(action_for(mode, &n), expected, "n in {mode:?}");
        }
    }

    #[test]
    fn in_a_note_every_key_edits_but_esc_save_and_quit() {
        for code in [
            KeyCode::Char('q'),
            KeyCode::Char('/'),
            KeyCode::Enter,
            KeyCode::Left,
        ] {
            let event = press(code, KeyModifiers::NONE);
            assert_eq!(action_for(Mode::Note, &event), Some(Action::Edit(event)));
        }
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Note, &esc), Some(Action::Back));
        let ctrl_s = press(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Note, &ctrl_s), Some(Action::SaveNote));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Note, &ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn in_search_letters_are_typed_and_control_keys_act() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Search, &q), Some(Action::SearchType('q')));
        let big = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(
            action_for(Mode::Search, &big),
            Some(Action::SearchType('Q'))
        );
        let ctrl_n = press(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Search, &ctrl_n), Some(Action::Down));
        let ctrl_x = press(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Search, &ctrl_x), None);
    }
}
