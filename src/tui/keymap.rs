//! Keys → actions, one table per mode, one line per binding. The help overlay and the footer are
//! generated from these same tables, so what they say is what the keys do.
//!
//! A line reads: whether the footer shows it, how help and footer write the keys, the keys, the
//! action, and what it does. Keys common to several modes (search, help, quit) sit in tables of
//! their own that each mode lists, and `update` handles their actions once for every mode.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action::{self, *};
use super::action::LineEdit;

/// Where the keys are read: a pane of the browser, the open question, an overlay, a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Competencies,
    Behaviors,
    Questions,
    Question,
    /// The note editor: keys not in its table are typed into the note.
    Note,
    Rehearsal,
    /// A rehearsal's last screen: its summary.
    RehearsalDone,
    Progress,
    /// Typing the interview date in the progress view.
    Date,
    /// The interview set-up form: printable keys are typed into the field.
    Setup,
    /// The form adding or editing a question of one's own.
    Form,
    /// The story bank and its coverage map.
    Stories,
    /// The hiring panel: candidates compared.
    Panel,
    /// The panel's debrief of one candidate.
    Debrief,
    /// The interview's live view.
    Interview,
    /// A mock interview's live view while the candidate answers (nothing to tick yet).
    Mock,
    /// Rating the competencies of an interview.
    Rating,
    /// Typing a line of an interview (a note, an evidence, the summary).
    Typing,
    /// After `f` in the live view: a letter ticks a follow-up.
    FollowUp,
    /// A question that needs a yes or a no (ending the interview).
    Confirm,
    /// After `m` on a revealed question: a digit marks that key point.
    Mark,
    Search,
    Help,
}

impl Mode {
    /// Every mode, in the order the help lists their keys.
    pub const ALL: [Mode; 23] = [
        Mode::Competencies,
        Mode::Behaviors,
        Mode::Questions,
        Mode::Question,
        Mode::Note,
        Mode::Rehearsal,
        Mode::RehearsalDone,
        Mode::Mark,
        Mode::Progress,
        Mode::Stories,
        Mode::Panel,
        Mode::Debrief,
        Mode::Date,
        Mode::Interview,
        Mode::Mock,
        Mode::FollowUp,
        Mode::Confirm,
        Mode::Rating,
        Mode::Setup,
        Mode::Form,
        Mode::Typing,
        Mode::Search,
        Mode::Help,
    ];

    /// Whether keys that no table binds are typed: every key in a note, printable ones in a line.
    pub fn types(self) -> bool {
        matches!(
            self,
            Mode::Note | Mode::Search | Mode::Setup | Mode::Form | Mode::Typing | Mode::Date
        )
    }
}

/// The tables that apply in `mode`, most specific first (the footer shows hints in this order).
pub fn tables(mode: Mode) -> &'static [&'static Table] {
    match mode {
        Mode::Competencies => &[&COMPETENCIES, &LISTS, &BROWSE, &LOOK, &QUIT, &ALWAYS],
        Mode::Behaviors => &[&BEHAVIORS, &TEXT, &BROWSE, &LOOK, &QUIT, &ALWAYS],
        Mode::Questions => &[&QUESTIONS, &LISTS, &BROWSE, &LOOK, &QUIT, &ALWAYS],
        Mode::Question => &[&QUESTION, &TEXT, &LOOK, &QUIT, &ALWAYS],
        Mode::Note => &[&NOTE, &ALWAYS],
        Mode::Rehearsal => &[&REHEARSAL, &LOOK, &QUIT, &ALWAYS],
        Mode::RehearsalDone => &[&REHEARSAL_DONE, &LOOK, &QUIT, &ALWAYS],
        Mode::Progress => &[&PROGRESS, &QUIT, &ALWAYS],
        Mode::Date => &[&DATE, &LINE, &ALWAYS],
        Mode::Mark => &[&MARK, &ALWAYS],
        Mode::Interview => &[&INTERVIEW, &LOOK, &QUIT, &ALWAYS],
        Mode::Mock => &[&MOCK, &LOOK, &QUIT, &ALWAYS],
        // A q typed while rating is a slip, not a wish to leave: Ctrl-C quits.
        Mode::Rating => &[&RATING, &ALWAYS],
        Mode::Setup => &[&SETUP, &ALWAYS],
        Mode::Form => &[&FORM, &LINE, &ALWAYS],
        Mode::Stories => &[&STORIES, &LOOK, &QUIT, &ALWAYS],
        Mode::Panel => &[&PANEL, &QUIT, &ALWAYS],
        Mode::Debrief => &[&DEBRIEF, &QUIT, &ALWAYS],
        Mode::Typing => &[&TYPING, &LINE, &ALWAYS],
        Mode::FollowUp => &[&FOLLOW_UP, &ALWAYS],
        Mode::Confirm => &[&CONFIRM, &ALWAYS],
        Mode::Search => &[&SEARCH, &ALWAYS],
        Mode::Help => &[&HELP, &TEXT, &QUIT, &ALWAYS],
    }
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

const fn with(code: KeyCode, modifiers: KeyModifiers) -> Key {
    Key { code, modifiers }
}

const fn alt(c: char) -> Key {
    with(KeyCode::Char(c), KeyModifiers::ALT)
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

const ESC: Key = key(KeyCode::Esc);
const ENTER: Key = key(KeyCode::Enter);
const TAB: Key = key(KeyCode::Tab);
const BACK_TAB: Key = key(KeyCode::BackTab);
const BACKSPACE: Key = key(KeyCode::Backspace);
const UP: Key = key(KeyCode::Up);
const DOWN: Key = key(KeyCode::Down);
const LEFT: Key = key(KeyCode::Left);
const RIGHT: Key = key(KeyCode::Right);
const HOME: Key = key(KeyCode::Home);
const END: Key = key(KeyCode::End);
const PG_UP: Key = key(KeyCode::PageUp);
const PG_DN: Key = key(KeyCode::PageDown);
const DELETE: Key = key(KeyCode::Delete);

/// What a binding does.
#[derive(Debug, Clone, Copy)]
pub enum Bound {
    /// This action.
    Do(Action),
    /// The digit keys `1` to the number given, each asking for the action with its digit.
    Digits(u8, fn(u8) -> Action),
}

use Bound::{Digits, Do};

/// One line of a keymap table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Shown in the footer (the keys that matter most in this mode).
    pub footer: bool,
    /// How the keys are written in the help and footer.
    pub label: &'static str,
    pub keys: &'static [Key],
    pub bound: Bound,
    pub description: &'static str,
}

impl Binding {
    /// Every key of the binding, the digits of a `Digits` binding included.
    pub fn all_keys(&self) -> impl Iterator<Item = Key> + '_ {
        let digits = match self.bound {
            Digits(last, _) => 1..=last,
            #[allow(clippy::reversed_empty_ranges)]
            Do(_) => 1..=0,
        };
        let digits = digits.map(|d| ch(char::from(b'0' + d)));
        self.keys.iter().copied().chain(digits)
    }

    /// The action this binding asks for when `event` is one of its keys.
    fn action(&self, event: &KeyEvent) -> Option<Action> {
        if self.keys.iter().any(|k| matches(k, event)) {
            return match self.bound {
                Do(action) => Some(action),
                Digits(..) => None,
            };
        }
        let Digits(last, make) = self.bound else {
            return None;
        };
        match event.code {
            KeyCode::Char(c @ '1'..='9')
                if !event
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                let digit = c as u8 - b'0';
                (digit <= last).then(|| make(digit))
            }
            _ => None,
        }
    }

    fn is(&self, action: Action) -> bool {
        matches!(self.bound, Do(bound) if bound == action)
    }
}

/// A titled table of bindings: a section of the help.
#[derive(Debug)]
pub struct Table {
    pub title: &'static str,
    pub bindings: &'static [Binding],
}

/// `show|hide label [keys] => bound, "description";`, one line per binding. `show` puts it in the
/// footer, `hide` only in the help.
macro_rules! table {
    ($title:literal; $($footer:ident $label:literal [$($key:expr),*] => $bound:expr, $what:literal;)*) => {
        Table {
            title: $title,
            bindings: &[$(Binding {
                footer: table!(@footer $footer),
                label: $label,
                keys: &[$($key),*],
                bound: $bound,
                description: $what,
            }),*],
        }
    };
    (@footer show) => { true };
    (@footer hide) => { false };
}

pub const LOOK: Table = table! { "Search and help (the browser, a question, an interview)";
    show "/"       [ch('/')]               => Do(OpenSearch),      "search";
    show "?"       [ch('?')]               => Do(ToggleHelp),      "help";
};

pub const QUIT: Table = table! { "Quit (not during an interview: Ctrl-C there)";
    show "q"       [ch('q')]               => Do(Quit),            "quit";
};

pub const ALWAYS: Table = table! { "Everywhere";
    hide "C-c"     [ctrl('c')]             => Do(QuitNow),         "quit, saving everything first";
};

pub const BROWSE: Table = table! { "Everywhere in the browser";
    show "Tab"     [TAB]                   => Do(FocusNext),       "pane";
    hide "S-Tab"   [BACK_TAB]              => Do(FocusPrev),       "previous pane";
    hide "1-9"     []                      => Digits(9, SelectLevel), "select level 1 to 9";
    show "r"       [ch('r')]               => Do(StartRehearsal),  "rehearse";
    show "p"       [ch('p')]               => Do(ToggleProgress),  "progress";
    hide "s"       [ch('s')]               => Do(OpenStories),     "your stories and their coverage map";
    hide "M"       [ch('M')]               => Do(StartMock),       "a mock interview of 5 questions, for you";
    hide "P"       [ch('P')]               => Do(OpenPanel),       "the hiring panel: candidates compared, debriefs";
    hide "i"       [ch('i')]               => Do(OpenInterview),   "interview: set one up, or back to the one under way";
};

pub const COMPETENCIES: Table = table! { "Competencies pane";
    show "Enter"   [ENTER]                 => Do(Open),            "its questions";
    hide "a"       [ch('a')]               => Do(AddQuestion),     "add a question of your own";
};

pub const BEHAVIORS: Table = table! { "Behaviors pane";
    show "l/→"     [ch('l'), RIGHT]        => Do(NextLevel),       "higher level";
    show "h/←"     [ch('h'), LEFT]         => Do(PrevLevel),       "lower level";
    hide "Enter"   [ENTER]                 => Do(Open),            "the level's questions";
};

pub const QUESTIONS: Table = table! { "Questions pane";
    show "Enter"   [ENTER]                 => Do(Open),            "open";
    hide "Space"   [ch(' ')]               => Do(TogglePlanned),   "add to or take out of the interview plan";
    show "n"       [ch('n')]               => Do(OpenNote),        "note";
    hide "E"       [ch('E')]               => Do(EditNoteExternally), "edit the note in $EDITOR";
    show "a"       [ch('a')]               => Do(AddQuestion),     "add";
    hide "e"       [ch('e')]               => Do(EditQuestion),    "edit a question you added";
    hide "d"       [ch('d')]               => Do(DeleteQuestion),  "delete a question you added (d twice)";
    hide "L"       [ch('L')]               => Do(LinkStory),       "link one of your stories as its answer";
};

pub const LISTS: Table = table! { "Lists: competencies and questions";
    hide "j/↓"     [ch('j'), DOWN]         => Do(Down),            "next row";
    hide "k/↑"     [ch('k'), UP]           => Do(Up),              "previous row";
    hide "g/Home"  [ch('g'), HOME]         => Do(Top),             "first row";
    hide "G/End"   [ch('G'), END]          => Do(Bottom),          "last row";
    hide "PgDn"    [PG_DN]                 => Do(PageDown),        "a page down";
    hide "PgUp"    [PG_UP]                 => Do(PageUp),          "a page up";
};

pub const TEXT: Table = table! { "Text: behaviors, a question, this help";
    hide "j/↓"     [ch('j'), DOWN]         => Do(Down),            "scroll down";
    hide "k/↑"     [ch('k'), UP]           => Do(Up),              "scroll up";
    hide "g/Home"  [ch('g'), HOME]         => Do(Top),             "scroll to the top";
    hide "G/End"   [ch('G'), END]          => Do(Bottom),          "scroll to the end";
    hide "PgDn"    [PG_DN]                 => Do(PageDown),        "a page down";
    hide "PgUp"    [PG_UP]                 => Do(PageUp),          "a page up";
};

pub const QUESTION: Table = table! { "An open question";
    show "Space"   [ch(' ')]               => Do(Reveal),          "show/hide key points";
    show "Esc"     [ESC]                   => Do(Back),            "back to the browser";
    hide "l/→"     [ch('l'), RIGHT]        => Do(NextQuestion),    "next question";
    hide "h/←"     [ch('h'), LEFT]         => Do(PrevQuestion),    "previous question";
    show "n"       [ch('n')]               => Do(OpenNote),        "note";
    hide "E"       [ch('E')]               => Do(EditNoteExternally), "edit the note in $EDITOR";
    show "r"       [ch('r')]               => Do(StartRehearsal),  "rehearse it";
    hide "m"       [ch('m')]               => Do(MarkPoints),      "mark a key point covered or not: m, then its number";
    hide "i"       [ch('i')]               => Do(OpenInterview),   "interview: set one up, or back to the one under way";
    hide "a"       [ch('a')]               => Do(AddQuestion),     "add a question of your own";
    hide "e"       [ch('e')]               => Do(EditQuestion),    "edit a question you added";
    hide "d"       [ch('d')]               => Do(DeleteQuestion),  "delete a question you added (d twice)";
    hide "L"       [ch('L')]               => Do(LinkStory),       "link one of your stories as its answer";
    hide "s"       [ch('s')]               => Do(OpenStories),     "your stories and their coverage map";
};

/// Every other key edits the text: arrows, Ctrl/Alt word and line movement, C-z undo (a word at a
/// time), C-r redo, C-u delete to the line's start, C-k to its end, C-y paste what was deleted.
pub const NOTE: Table = table! { "Writing a note (other keys edit the text)";
    show "Esc"     [ESC]                   => Do(Back),            "leave the note (saved)";
    show "C-s"     [ctrl('s')]             => Do(SaveNote),        "save now";
};

pub const REHEARSAL: Table = table! { "Rehearsal";
    show "Space"   [ch(' ')]               => Do(Reveal),          "reveal";
    show "1-4"     []                      => Digits(4, Grade),    "grade";
    show "n"       [ch('n')]               => Do(OpenNote),        "note (after the reveal)";
    hide "s"       [ch('s')]               => Do(Skip),            "skip this card, ungraded";
    hide "u"       [ch('u')]               => Do(Undo),            "undo the last grade";
    hide "m"       [ch('m')]               => Do(MarkPoints),      "mark a key point covered or not: m, then its number";
    hide "j/↓"     [ch('j'), DOWN]         => Do(Down),            "scroll down";
    hide "k/↑"     [ch('k'), UP]           => Do(Up),              "scroll up";
    hide "g/Home"  [ch('g'), HOME]         => Do(Top),             "scroll to the top";
    hide "G/End"   [ch('G'), END]          => Do(Bottom),          "scroll to the end";
    show "Esc"     [ESC]                   => Do(Back),            "end";
};

pub const REHEARSAL_DONE: Table = table! { "Rehearsal: done";
    show "Esc"     [ESC]                   => Do(Back),            "back to the browser";
    show "u"       [ch('u')]               => Do(Undo),            "undo the last grade";
    show "p"       [ch('p')]               => Do(ToggleProgress),  "progress";
};

pub const MARK: Table = table! { "A key point to mark (after m)";
    show "1-9"     []                      => Digits(9, MarkPoint), "mark it: covered, not covered, or as the note says";
    show "Esc"     [ESC]                   => Do(Back),            "cancel";
};

pub const PROGRESS: Table = table! { "Progress";
    show "Esc/p"   [ESC, ch('p')]          => Do(Back),            "close";
    hide "j/↓"     [ch('j'), DOWN]         => Do(Down),            "next competency";
    hide "k/↑"     [ch('k'), UP]           => Do(Up),              "previous competency";
    hide "g/Home"  [ch('g'), HOME]         => Do(Top),             "first competency";
    hide "G/End"   [ch('G'), END]          => Do(Bottom),          "last competency";
    hide "PgDn"    [PG_DN]                 => Do(PageDown),        "a page down";
    hide "PgUp"    [PG_UP]                 => Do(PageUp),          "a page up";
    show "r"       [ch('r')]               => Do(StartRehearsal),  "rehearse it";
    show "d"       [ch('d')]               => Do(SetInterviewDate), "interview date";
    show "t"       [ch('t')]               => Do(CycleTargetLevel), "target level";
};

pub const STORIES: Table = table! { "Your stories (s)";
    show "Esc/s"   [ESC, ch('s')]          => Do(Back),            "close";
    show "c"       [ch('c')]               => Do(ToggleCoverage),  "coverage map";
    show "r"       [ch('r')]               => Do(StartRehearsal),  "rehearse";
    show "Enter"   [ENTER]                 => Do(Open),            "edit (after L: link it)";
    show "n"       [ch('n')]               => Do(NewStory),        "new story";
    hide "E"       [ch('E')]               => Do(EditNoteExternally), "edit in $VISUAL or $EDITOR";
    hide "j/↓"     [ch('j'), DOWN]         => Do(Down),            "next story";
    hide "k/↑"     [ch('k'), UP]           => Do(Up),              "previous story";
    hide "g/Home"  [ch('g'), HOME]         => Do(Top),             "first story";
    hide "G/End"   [ch('G'), END]          => Do(Bottom),          "last story";
    hide "PgDn"    [PG_DN]                 => Do(PageDown),        "scroll the story down";
    hide "PgUp"    [PG_UP]                 => Do(PageUp),          "scroll the story up";
};

pub const PANEL: Table = table! { "The hiring panel (P)";
    show "Enter"   [ENTER]                 => Do(Open),            "debrief";
    show "Esc"     [ESC, ch('P')]          => Do(Back),            "back";
    hide "j/↓"     [ch('j'), DOWN]         => Do(Down),            "next candidate";
    hide "k/↑"     [ch('k'), UP]           => Do(Up),              "previous candidate";
    hide "g/Home"  [ch('g'), HOME]         => Do(Top),             "first";
    hide "G/End"   [ch('G'), END]          => Do(Bottom),          "last";
};

pub const DEBRIEF: Table = table! { "A candidate's debrief (Enter in the panel, D in the ratings)";
    show "j/k"     [ch('j'), DOWN]         => Do(Down),            "scroll";
    hide ""        [ch('k'), UP]           => Do(Up),              "";
    show "PgDn"    [PG_DN, ch(' ')]        => Do(PageDown),        "page";
    hide "PgUp"    [PG_UP]                 => Do(PageUp),          "a page up";
    hide "g/Home"  [ch('g'), HOME]         => Do(Top),             "the top";
    hide "G/End"   [ch('G'), END]          => Do(Bottom),          "the end";
    show "Esc"     [ESC, ch('P'), ch('D')] => Do(Back),            "back";
};

pub const DATE: Table = table! { "Progress: the interview date (YYYY-MM-DD)";
    show "Enter"   [ENTER]                 => Do(Open),            "set it (empty: no date)";
    show "Esc"     [ESC]                   => Do(Back),            "cancel";
};

pub const MOCK: Table = table! { "Mock interview: answering (key points after E)";
    show "]"       [ch(']')]               => Do(NextQuestion),    "next question";
    hide "["       [ch('[')]               => Do(PrevQuestion),    "previous question";
    hide "1-9"     []                      => Digits(9, TickKeyPoint), "(the key points come after E)";
    show "n"       [ch('n')]               => Do(OpenNote),        "jot a line";
    hide "Tab"     [TAB]                   => Do(FocusNext),       "select the next line jotted";
    hide "S-Tab"   [BACK_TAB]              => Do(FocusPrev),       "select the previous line jotted";
    hide "e"       [ch('e')]               => Do(EditLine),        "edit the selected line";
    hide "d"       [ch('d')]               => Do(DeleteLine),      "delete the selected line";
    hide "u"       [ch('u')]               => Do(Undo),            "undo the last delete";
    hide "Space"   [ch(' ')]               => Do(StartClock),      "start or resume the clock";
    hide "P"       [ch('P')]               => Do(PauseClock),      "pause the clock";
    show "E"       [ch('E')]               => Do(EndInterview),    "end: key points and self-review";
    hide "j/↓"     [ch('j'), DOWN]         => Do(Down),            "scroll down";
    hide "k/↑"     [ch('k'), UP]           => Do(Up),              "scroll up";
    hide "Esc"     [ESC]                   => Do(Back),            "to the browser (i comes back)";
};

pub const INTERVIEW: Table = table! { "Interview: live view";
    show "]"       [ch(']')]               => Do(NextQuestion),    "next question";
    hide "["       [ch('[')]               => Do(PrevQuestion),    "previous question";
    show "1-9"     []                      => Digits(9, TickKeyPoint), "tick key point 1 to 9";
    hide "f"       [ch('f')]               => Do(FollowUps),       "follow-ups: f, then a to f ticks one";
    show "n"       [ch('n')]               => Do(OpenNote),        "quick note (or its draft)";
    hide "Tab"     [TAB]                   => Do(FocusNext),       "select the next note line";
    hide "S-Tab"   [BACK_TAB]              => Do(FocusPrev),       "select the previous note line";
    hide "e"       [ch('e')]               => Do(EditLine),        "edit the selected note line";
    hide "d"       [ch('d')]               => Do(DeleteLine),      "delete the selected note line";
    hide "u"       [ch('u')]               => Do(Undo),            "undo the last delete";
    show "R"       [ch('R')]               => Do(Rate),            "ratings";
    hide "x"       [ch('x')]               => Do(Export),          "write the scorecard";
    hide "C-k"     [ctrl('k')]             => Do(SaveKit),         "save the plan as a kit for the panel (asks its name)";
    hide "K"       [ch('K')]               => Do(MoveEarlier),     "move the question earlier in the plan";
    hide "J"       [ch('J')]               => Do(MoveLater),       "move the question later in the plan";
    hide "Del"     [DELETE]                => Do(Unplan),          "take the question out of the plan (not acted on yet)";
    hide "Space"   [ch(' ')]               => Do(StartClock),      "start or resume the clock";
    hide "P"       [ch('P')]               => Do(PauseClock),      "pause the clock";
    hide "E"       [ch('E')]               => Do(EndInterview),    "end the interview (asks first)";
    hide "j/↓"     [ch('j'), DOWN]         => Do(Down),            "scroll down";
    hide "k/↑"     [ch('k'), UP]           => Do(Up),              "scroll up";
    hide "g/Home"  [ch('g'), HOME]         => Do(Top),             "scroll to the top";
    hide "G/End"   [ch('G'), END]          => Do(Bottom),          "scroll to the end";
    hide "PgDn"    [PG_DN]                 => Do(PageDown),        "a page down";
    hide "PgUp"    [PG_UP]                 => Do(PageUp),          "a page up";
    hide "Esc"     [ESC]                   => Do(Back),            "unselect, else to the browser (i comes back)";
};

pub const FOLLOW_UP: Table = table! { "Interview: after f, a follow-up";
    show "a-f"     [ch('a')]               => Do(TickFollowUp(1)), "tick that follow-up";
    hide ""        [ch('b')]               => Do(TickFollowUp(2)), "";
    hide ""        [ch('c')]               => Do(TickFollowUp(3)), "";
    hide ""        [ch('d')]               => Do(TickFollowUp(4)), "";
    hide ""        [ch('e')]               => Do(TickFollowUp(5)), "";
    hide ""        [ch('f')]               => Do(TickFollowUp(6)), "";
    show "Esc"     [ESC]                   => Do(Back),            "cancel";
};

/// Only Enter says yes, so that words typed by mistake never answer; any other key is a no.
pub const CONFIRM: Table = table! { "A question to answer (any other key is no)";
    show "Enter"   [ENTER]                 => Do(Open),            "yes";
    show "Esc"     [ESC]                   => Do(Back),            "no";
};

pub const RATING: Table = table! { "Interview: ratings";
    hide "j/↓"     [ch('j'), DOWN]         => Do(Down),            "next competency";
    hide "k/↑"     [ch('k'), UP]           => Do(Up),              "previous competency";
    hide "PgDn"    [PG_DN]                 => Do(PageDown),        "scroll the levels down";
    hide "PgUp"    [PG_UP]                 => Do(PageUp),          "scroll the levels up";
    show "1-9"     []                      => Digits(9, SelectLevel), "rate";
    show "e"       [ch('e')]               => Do(OpenNote),        "evidence";
    show "s"       [ch('s')]               => Do(Summary),         "summary";
    hide "o"       [ch('o')]               => Do(Recommend),       "recommend (strong no, no, yes, strong yes, none)";
    show "x"       [ch('x')]               => Do(Export),          "scorecard";
    hide "?"       [ch('?')]               => Do(ToggleHelp),      "every key";
    hide "u"       [ch('u')]               => Do(Amend),           "unlock a submitted scorecard to amend it";
    hide "D"       [ch('D')]               => Do(OpenPanel),       "the panel's debrief of this candidate";
    show "Esc"     [ESC, ch('R')]          => Do(Back),            "back";
};

pub const SETUP: Table = table! { "Interview: set-up (type in the fields)";
    show "Enter"   [ENTER]                 => Do(Open),            "start the interview";
    show "Tab"     [TAB]                   => Do(FocusNext),       "next field";
    hide "S-Tab"   [BACK_TAB]              => Do(FocusPrev),       "previous field";
    hide "Bksp"    [BACKSPACE]             => Do(Backspace),       "delete a character";
    hide "↑/↓"     [UP]                    => Do(Up),              "in Assess: the competency above or below";
    hide ""        [DOWN]                  => Do(Down),            "";
    hide "Space"   []                      => Do(Open),            "in Assess: tick or untick it (typed elsewhere)";
    show "Esc"     [ESC]                   => Do(Back),            "cancel";
};

pub const TYPING: Table = table! { "Interview: typing a line";
    show "Enter"   [ENTER]                 => Do(Open),            "keep the line";
    show "Esc"     [ESC]                   => Do(Back),            "leave (an edit asks first)";
};

pub const FORM: Table = table! { "A question of your own (other keys type)";
    show "C-s"     [ctrl('s')]             => Do(SaveNote),        "save";
    show "Esc"     [ESC]                   => Do(Back),            "cancel";
    show "Tab"     [TAB]                   => Do(FocusNext),       "next field";
    hide "S-Tab"   [BACK_TAB]              => Do(FocusPrev),       "previous field";
    show "Enter"   [ENTER]                 => Do(Open),            "new line (key points, follow-ups) or next field";
    hide "↑/↓"     [UP]                    => Do(Up),              "the line above or below";
    hide ""        [DOWN]                  => Do(Down),            "";
};

pub const LINE: Table = table! { "Editing a line";
    hide "Bksp"    [BACKSPACE]             => Do(Backspace),       "delete the character before the cursor";
    hide "Del"     [DELETE, ctrl('d')]     => Do(Line(LineEdit::Delete)), "delete the character under the cursor";
    hide "←/→"     [LEFT, ctrl('b')]       => Do(Line(LineEdit::Left)), "a character left";
    hide ""        [RIGHT, ctrl('f')]      => Do(Line(LineEdit::Right)), "";
    hide "C-←/C-→" [with(KeyCode::Left, KeyModifiers::CONTROL), alt('b')] => Do(Line(LineEdit::WordLeft)), "a word left or right";
    hide ""        [with(KeyCode::Right, KeyModifiers::CONTROL), alt('f')] => Do(Line(LineEdit::WordRight)), "";
    hide "Home/End" [HOME, ctrl('a')]      => Do(Line(LineEdit::Home)), "the start or the end of the line";
    hide ""        [END, ctrl('e')]        => Do(Line(LineEdit::End)), "";
    hide "C-w"     [ctrl('w'), with(KeyCode::Backspace, KeyModifiers::ALT)] => Do(Line(LineEdit::DeleteWord)), "delete the word before the cursor";
    hide "C-k"     [ctrl('k')]             => Do(Line(LineEdit::DeleteToEnd)), "delete to the end of the line";
    hide "C-u"     [ctrl('u')]             => Do(ClearLine),       "clear the line";
};

pub const SEARCH: Table = table! { "Search (type to search)";
    show "Enter"   [ENTER]                 => Do(Open),            "go to the result";
    show "Esc"     [ESC]                   => Do(Back),            "back to where you were";
    show "↓/C-n"   [DOWN, ctrl('n')]       => Do(Down),            "next result";
    hide "↑/C-p"   [UP, ctrl('p')]         => Do(Up),              "previous result";
    hide "PgDn"    [PG_DN]                 => Do(PageDown),        "a page of results down";
    hide "PgUp"    [PG_UP]                 => Do(PageUp),          "a page of results up";
    hide "Bksp"    [BACKSPACE]             => Do(Backspace),       "delete a character";
    hide "C-u"     [ctrl('u')]             => Do(ClearLine),       "clear the query";
};

pub const HELP: Table = table! { "This help";
    show "Esc/?"   [ESC, ch('?')]          => Do(Back),            "close the help";
};

/// The sections of the help overlay: every table once, in the order of [`Mode::ALL`], each mode's
/// general tables before its own.
pub fn help_sections() -> Vec<&'static Table> {
    let mut sections: Vec<&'static Table> = Vec::new();
    for mode in Mode::ALL {
        for table in tables(mode).iter().rev() {
            if !sections.iter().any(|t| std::ptr::eq(*t, *table)) {
                sections.push(table);
            }
        }
    }
    sections
}

/// The help section to show first when `?` is pressed in `mode`: its own table, or none for the
/// browser's panes, whose keys start the help.
pub fn section_of(mode: Mode) -> Option<&'static Table> {
    match mode {
        Mode::Competencies | Mode::Behaviors | Mode::Questions => None,
        _ => Some(tables(mode)[0]),
    }
}

/// Whether some key of `mode` asks for `action`.
pub fn binds(mode: Mode, action: Action) -> bool {
    tables(mode)
        .iter()
        .flat_map(|table| table.bindings)
        .any(|b| b.is(action))
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

// --- The user's keys (`[keys]` in the settings, read by `keys_setting`) -------------------------

/// One key of the user's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub modes: Vec<Mode>,
    /// The section as written (`browser`).
    pub section: String,
    pub action: Action,
    /// The action as written (`quit`).
    pub name: String,
    pub key: KeyEvent,
    /// The key as written (`Q`, `<C-q>`).
    pub label: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyOverrides {
    pub entries: Vec<Override>,
}

static IN_FORCE: std::sync::OnceLock<KeyOverrides> = std::sync::OnceLock::new();

/// Puts the user's keys in force for this run (once; the app's start does it).
pub fn set_keys(overrides: KeyOverrides) {
    let _ = IN_FORCE.set(overrides);
}

/// The keys in force: none until [`set_keys`].
pub fn in_force() -> &'static KeyOverrides {
    IN_FORCE.get_or_init(KeyOverrides::default)
}

impl KeyOverrides {
    /// The user's action for `event` in `mode`, if one of their keys.
    pub fn action(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        self.entries
            .iter()
            .find(|o| o.modes.contains(&mode) && same_key(&o.key, event))
            .map(|o| o.action)
    }

    /// Whether the user gave `action` a key of their own in `mode` (its own keys then rest).
    pub fn moved(&self, mode: Mode, action: Action) -> Option<&Override> {
        self.entries
            .iter()
            .find(|o| o.modes.contains(&mode) && o.action == action)
    }
}

fn same_key(a: &KeyEvent, b: &KeyEvent) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    let code = |k: &KeyEvent| match k.code {
        KeyCode::Char(c) => KeyCode::Char(c),
        other => other,
    };
    code(a) == code(b) && (a.modifiers & relevant) == (b.modifiers & relevant)
}

/// The action the tables bind `event` to in `mode`, the user's keys aside.
pub fn default_action(mode: Mode, event: &KeyEvent) -> Option<Action> {
    tables(mode)
        .iter()
        .flat_map(|table| table.bindings)
        .find_map(|b| b.action(event))
}

/// The action a key press asks for in `mode`, if any. Releases do nothing. A key of the user's
/// (`[keys]` in the settings) comes first, and the keys of an action it moved no longer do it.
pub fn action_for(mode: Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let overrides = in_force();
    if let Some(action) = overrides.action(mode, event) {
        return Some(action);
    }
    let bound = default_action(mode, event).filter(|a| overrides.moved(mode, *a).is_none());
    // In search, a form or a line, every other printable character is typed; in a note, every key.
    match (bound, mode, event.code) {
        (None, Mode::Note, _) => Some(Action::Edit(*event)),
        (None, Mode::Confirm | Mode::Mark, _) => Some(Action::Back),
        // In the live view and the ratings a letter typed by mistake (a note begun without `n`)
        // is said, not dropped in silence.
        (
            None,
            Mode::Search
            | Mode::Setup
            | Mode::Form
            | Mode::Typing
            | Mode::Date
            | Mode::Interview
            | Mode::Mock
            | Mode::Rating,
            KeyCode::Char(c),
        ) if !event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Type(c))
        }
        _ => bound,
    }
}

/// The footer's hints for `mode`: `(keys, what they do)`, the way to the help first so that it
/// survives in the narrowest footer. While an interview is under way, `q` does not quit, so the
/// footer does not offer it.
pub fn footer_hints(
    mode: Mode,
    interview: bool,
) -> Vec<(std::borrow::Cow<'static, str>, &'static str)> {
    let overrides = in_force();
    let mut hints: Vec<&Binding> = tables(mode)
        .iter()
        .flat_map(|table| table.bindings)
        .filter(|b| b.footer && !(interview && b.is(Quit)))
        .collect();
    hints.sort_by_key(|b| !b.is(ToggleHelp));
    hints
        .iter()
        .map(|b| {
            // An action the user moved shows their key.
            let moved = match b.bound {
                Do(action) => overrides.moved(mode, action),
                Digits(..) => None,
            };
            let label = moved.map_or(std::borrow::Cow::Borrowed(b.label), |o| {
                std::borrow::Cow::Owned(o.label.clone())
            });
            (label, b.description)
        })
        .collect()
}

/// Key events from a compact notation, for tests and key settings: a character is that key
/// (`G` with Shift), `<Name>` a named key (`<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<BS>`,
/// `<Del>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<Home>`, `<End>`, `<PgUp>`, `<PgDn>`, `<Space>`,
/// `<lt>`),
/// `<C-x>` and `<A-x>` a key with Control or Alt. An unknown name is an error naming it.
pub fn parse_keys(text: &str) -> Result<Vec<KeyEvent>, String> {
    let mut events = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            events.push(named_key(&rest[1..end])?);
            rest = &rest[end + 1..];
            continue;
        }
        let modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        events.push(KeyEvent::new(KeyCode::Char(c), modifiers));
        rest = &rest[c.len_utf8()..];
    }
    Ok(events)
}

fn named_key(name: &str) -> Result<KeyEvent, String> {
    let plain = |code| Ok(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some((prefix, key)) = name.split_once('-')
        && key.chars().count() == 1
    {
        let modifiers = match prefix {
            "C" => KeyModifiers::CONTROL,
            "A" => KeyModifiers::ALT,
            _ => return Err(format!("unknown key <{name}>")),
        };
        let c = key.chars().next().unwrap_or(' ');
        return Ok(KeyEvent::new(KeyCode::Char(c), modifiers));
    }
    match name {
        "Enter" | "CR" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Tab" => plain(KeyCode::Tab),
        "S-Tab" => Ok(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        "BS" => plain(KeyCode::Backspace),
        "Del" => plain(KeyCode::Delete),
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "PgUp" => plain(KeyCode::PageUp),
        "PgDn" => plain(KeyCode::PageDown),
        "Space" => plain(KeyCode::Char(' ')),
        "lt" => plain(KeyCode::Char('<')),
        _ => Err(format!("unknown key <{name}>")),
    }
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
    fn digit_bindings_stop_at_their_last_digit() {
        let digit = |d: char| press(KeyCode::Char(d), KeyModifiers::NONE);
        assert_eq!(
            action_for(Mode::Rehearsal, &digit('4')),
            Some(Action::Grade(4))
        );
        assert_eq!(action_for(Mode::Rehearsal, &digit('5')), None);
        assert_eq!(action_for(Mode::Rehearsal, &digit('0')), None);
        assert_eq!(
            action_for(Mode::Interview, &digit('9')),
            Some(Action::TickKeyPoint(9))
        );
        let ctrl_one = press(KeyCode::Char('1'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Interview, &ctrl_one), None);
    }

    #[test]
    fn shifted_letters_and_control_keys() {
        let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Questions, &big_g), Some(Action::Bottom));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Help, &ctrl_c), Some(Action::QuitNow));
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
        for mode in Mode::ALL {
            let keys: Vec<Key> = tables(mode)
                .iter()
                .flat_map(|t| t.bindings)
                .flat_map(Binding::all_keys)
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} bound twice in {mode:?}");
            }
        }
    }

    #[test]
    fn every_mode_quits_with_ctrl_c_and_the_help_lists_every_table_once() {
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in Mode::ALL {
            assert_eq!(action_for(mode, &ctrl_c), Some(Action::QuitNow), "{mode:?}");
        }
        let sections = help_sections();
        for mode in Mode::ALL {
            for table in tables(mode) {
                let shown = sections.iter().filter(|t| std::ptr::eq(**t, *table));
                assert_eq!(shown.count(), 1, "{} in the help", table.title);
            }
        }
    }

    #[test]
    fn q_quits_where_nothing_is_typed_and_never_in_an_interview() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        for mode in Mode::ALL {
            let expected = match mode {
                Mode::Note => Some(Action::Edit(q)),
                Mode::Search | Mode::Setup | Mode::Form | Mode::Typing | Mode::Date => {
                    Some(Action::Type('q'))
                }
                Mode::FollowUp => None,
                // A q while rating is a slip: the ratings say that letters alone do nothing.
                Mode::Rating => Some(Action::Type('q')),
                Mode::Confirm | Mode::Mark => Some(Action::Back),
                _ => Some(Action::Quit),
            };
            assert_eq!(action_for(mode, &q), expected, "{mode:?}");
        }
    }

    #[test]
    fn the_footer_offers_q_only_when_no_interview_is_under_way() {
        let offers_q = |interview| {
            footer_hints(Mode::Help, interview)
                .iter()
                .any(|(keys, _)| *keys == "q")
        };
        assert!(offers_q(false));
        assert!(!offers_q(true));
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
    }

    #[test]
    fn in_search_letters_are_typed_and_control_keys_act() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Search, &q), Some(Action::Type('q')));
        let big = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Search, &big), Some(Action::Type('Q')));
        let ctrl_n = press(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Search, &ctrl_n), Some(Action::Down));
        let ctrl_x = press(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Search, &ctrl_x), None);
    }

    #[test]
    fn key_notation_parses_characters_names_and_modifiers() {
        let keys = parse_keys("jG<Enter><C-u><lt>").unwrap();
        assert_eq!(keys[0], press(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(keys[1], press(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert_eq!(keys[2], press(KeyCode::Enter, KeyModifiers::NONE));
        assert_eq!(keys[3], press(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(keys[4], press(KeyCode::Char('<'), KeyModifiers::NONE));
        assert_eq!(keys.len(), 5);
        assert!(parse_keys("<Nope>").unwrap_err().contains("<Nope>"));
    }
}
