//! Keys as a person presses them, through the real keymap and `update`: the global keys, the
//! modes' own keys, and scrolls that stop at the end of their text in every mode.

use cuecard::tui::keymap::Mode;

mod support;
use support::Fixture;

fn fixture(width: u16, height: u16) -> Fixture {
    Fixture::at(width, height, "2026-11-23T14:00:00Z")
}

impl Fixture {
    /// An interview for Ada on the first competency at level 3, through the `i` form.
    fn interview(&mut self) {
        self.keys("3i");
        assert_eq!(self.app.mode(), Mode::Setup);
        self.keys("Ada Lovelace<Enter>");
        assert_eq!(self.app.mode(), Mode::Interview);
    }
}

#[test]
fn q_quits_the_browser_but_never_a_running_interview_from_any_screen() {
    let mut f = fixture(60, 20);
    f.interview();
    // The live view, its help, search, and the browser after Esc.
    for keys in ["q", "?q", "<Esc>q", "<Esc><Esc>/q<Esc>q"] {
        f.keys(keys);
        assert!(!f.app.quit, "{keys} ended the interview");
    }
    assert!(f.app.status.as_ref().unwrap().text.contains("Ctrl-C"));
    f.keys("<C-c>");
    assert!(f.app.quit, "Ctrl-C quits, saving first");
    let mut g = fixture(60, 20);
    g.keys("jq");
    assert!(
        g.app.quit,
        "q quits the browser when no interview is under way"
    );
}

#[test]
fn help_search_and_esc_work_the_same_from_every_mode_that_offers_them() {
    let mut f = fixture(80, 24);
    f.keys("?");
    assert_eq!(f.app.mode(), Mode::Help);
    f.keys("/");
    assert_eq!(
        f.app.mode(),
        Mode::Help,
        "keys go to the help while it is open"
    );
    f.keys("<Esc><Enter><Enter>/esc");
    assert_eq!(f.app.mode(), Mode::Search);
    assert_eq!(f.app.search().unwrap().input, "esc");
    f.keys("<Esc>");
    assert_eq!(
        f.app.mode(),
        Mode::Question,
        "Esc goes back to the open question"
    );
    // In a note, ? and / are text.
    f.keys("n");
    assert_eq!(f.app.mode(), Mode::Note);
    f.keys("?/");
    assert_eq!(f.app.mode(), Mode::Note);
    assert!(f.app.editor.as_ref().unwrap().text().contains("?/"));
}

#[test]
fn the_live_view_scroll_stops_at_the_end_so_k_moves_back_at_once() {
    let mut f = fixture(60, 20);
    f.interview();
    f.keys(&"j".repeat(200));
    let bottom = f.app.interview.as_ref().unwrap().scroll;
    assert!(bottom > 0 && bottom < 100, "scrolled to the end: {bottom}");
    f.keys("k");
    assert_eq!(f.app.interview.as_ref().unwrap().scroll, bottom - 1);
    // A page is the view's real height: two pages from the top are further than two lines.
    f.keys(&"k".repeat(200));
    f.keys("<PgDn>");
    let page = f.app.interview.as_ref().unwrap().scroll;
    assert!(page > 5 || page == bottom, "a page moved {page} lines");
}

#[test]
fn the_rehearsal_card_scroll_stops_at_the_end() {
    let mut f = fixture(60, 20);
    f.keys("r");
    assert_eq!(f.app.mode(), Mode::Rehearsal);
    f.keys(" ");
    f.keys(&"j".repeat(300));
    let bottom = f.app.rehearsal.as_ref().unwrap().scroll;
    assert!(
        bottom > 0,
        "a revealed card at 60×20 is longer than the screen"
    );
    f.keys("k");
    assert_eq!(f.app.rehearsal.as_ref().unwrap().scroll, bottom - 1);
    f.keys("gG");
    assert_eq!(f.app.rehearsal.as_ref().unwrap().scroll, bottom);
}

#[test]
fn the_help_scroll_stops_at_the_end() {
    let mut f = fixture(60, 20);
    f.keys("?G");
    let bottom = f.app.help_scroll().unwrap();
    f.keys("jjj");
    assert_eq!(f.app.help_scroll(), Some(bottom));
    f.keys("k");
    assert_eq!(f.app.help_scroll(), Some(bottom - 1));
}

#[test]
fn one_overlay_at_a_time_replaces_the_other() {
    let mut f = fixture(80, 24);
    f.keys("p");
    assert_eq!(f.app.mode(), Mode::Progress);
    f.keys("<Esc>i");
    assert_eq!(f.app.mode(), Mode::Setup);
    f.keys("<Esc>?");
    assert_eq!(f.app.mode(), Mode::Help);
    f.keys("<Esc>");
    assert_eq!(f.app.mode(), Mode::Competencies);
    assert!(f.app.overlay.is_none());
}

impl Fixture {
    fn live(&self) -> &cuecard::tui::interview_mode::Interview {
        self.app.interview.as_ref().unwrap()
    }

    fn on_disk(&self) -> cuecard::interview::InterviewSession {
        let id = &self.live().session.id;
        self.stores.sessions.load(id).unwrap().0
    }

    fn said(&self) -> String {
        self.app
            .status
            .as_ref()
            .map_or_else(String::new, |s| s.text.clone())
    }
}

#[test]
fn esc_in_a_quick_note_keeps_it_as_a_draft_that_n_reopens_and_the_file_holds() {
    let mut f = fixture(60, 20);
    f.interview();
    f.keys(" nhalf a thought<Esc>");
    assert_eq!(f.app.mode(), Mode::Interview);
    assert!(f.said().contains("Draft kept"), "{}", f.said());
    assert_eq!(f.on_disk().questions[0].draft, "half a thought");
    assert!(f.live().session.questions[0].notes.is_empty());
    f.keys("n, finished<Enter>");
    let saved = f.on_disk();
    assert_eq!(saved.questions[0].notes[0].text, "half a thought, finished");
    assert!(saved.questions[0].draft.is_empty());
}

#[test]
fn the_note_line_is_a_line_editor_with_a_cursor() {
    let mut f = fixture(60, 20);
    f.interview();
    // Typed, then mended mid-line: cursor left, a word inserted, the last word deleted.
    f.keys("ncalm clear<Left><Left><Left><Left><Left>and <End> extra<C-w><BS><Home>Very <Enter>");
    assert_eq!(
        f.live().session.questions[0].notes[0].text,
        "Very calm and clear"
    );
    f.keys("nall of this goes<C-u>kept<Enter>");
    assert_eq!(f.live().session.questions[0].notes[1].text, "kept");
}

#[test]
fn a_saved_note_line_is_selected_edited_deleted_and_put_back() {
    let mut f = fixture(60, 20);
    f.interview();
    f.keys("nfirst<Enter>nsecond<Enter>");
    f.keys("d");
    assert!(f.said().contains("Select a note line first"));
    f.keys("<Tab><Tab>e<C-u>second, corrected<Enter>");
    let notes = |f: &Fixture| -> Vec<String> {
        f.on_disk().questions[0]
            .notes
            .iter()
            .map(|n| n.text.clone())
            .collect()
    };
    assert_eq!(notes(&f), ["first", "second, corrected"]);
    f.keys("<Tab>d");
    assert!(f.said().contains("d again deletes"), "{}", f.said());
    assert_eq!(
        notes(&f),
        ["first", "second, corrected"],
        "one d deletes nothing"
    );
    f.keys("d");
    assert_eq!(notes(&f), ["second, corrected"]);
    assert!(f.said().contains("u puts it back"));
    f.keys("u");
    assert_eq!(notes(&f), ["first", "second, corrected"]);
    // Words typed without n first (here "did") touch no note, and say what to press.
    f.keys("<Tab>di");
    assert!(f.said().contains("n writes a note"), "{}", f.said());
    assert_eq!(f.live().selected_note, None);
    f.keys("d");
    assert!(
        f.said().contains("Select a note line first"),
        "{}",
        f.said()
    );
    assert_eq!(notes(&f), ["first", "second, corrected"]);
    // Esc unselects before it leaves the live view.
    f.keys("<Tab><Esc>");
    assert_eq!(f.app.mode(), Mode::Interview);
    f.keys("<Esc>");
    assert_eq!(f.app.mode(), Mode::Competencies);
}

#[test]
fn letters_alone_tick_nothing_follow_ups_need_f_and_missing_items_are_named() {
    let mut f = fixture(60, 20);
    f.interview();
    f.keys(" abcde");
    let question = &f.live().session.questions[0];
    assert!(question.follow_ups.is_empty() && question.key_points.is_empty());
    let follow_ups = f
        .app
        .library
        .question(&question.id)
        .unwrap()
        .follow_ups
        .len();
    assert!(follow_ups > 0);
    f.keys("fa");
    assert_eq!(f.live().session.questions[0].follow_ups, [0]);
    assert_eq!(f.app.mode(), Mode::Interview, "one tick per f");
    f.keys("9");
    assert!(f.said().contains("key points"), "{}", f.said());
    assert!(f.live().session.questions[0].key_points.is_empty());
    // Ratings: a level beyond the scale is named; x writes the scorecard from there.
    f.keys("R9");
    assert!(f.said().contains("This scale has 4 levels"), "{}", f.said());
    f.keys("x");
    assert!(f.said().contains("Scorecard written"), "{}", f.said());
}

#[test]
fn the_clock_waits_for_space_pauses_and_stops_for_good_when_ended() {
    let mut f = fixture(60, 20);
    f.interview();
    f.wait(30);
    f.keys("j");
    assert_eq!(f.live().session.elapsed, 0, "not started yet");
    f.keys(" ");
    f.wait(60);
    f.keys("P");
    assert_eq!(f.live().session.elapsed, 60);
    f.wait(60);
    f.keys(" ");
    assert_eq!(f.live().session.elapsed, 60, "paused");
    // A space typed by mistake never stops a running clock.
    f.wait(5);
    f.keys(" ");
    assert!(f.live().running);
    assert!(f.said().contains("P pauses"), "{}", f.said());
    f.wait(5);
    f.keys("E");
    assert_eq!(f.app.mode(), Mode::Confirm);
    // Words typed by mistake never answer yes: "Everyone says yes".
    f.keys("veryone says yes");
    assert!(f.live().session.ended.is_none());
    // (The n of "Everyone" opened a note, kept as a draft by Esc.)
    f.keys("<Esc>E<Enter>");
    assert!(f.on_disk().ended.is_some());
    assert_eq!(f.live().session.elapsed, 70);
    // Rating after the end is not interview time; Space does not restart the clock.
    f.keys("R");
    f.wait(120);
    f.keys("3<Esc> ");
    assert!(f.said().contains("has ended"), "{}", f.said());
    f.wait(60);
    f.keys("j");
    assert_eq!(f.on_disk().elapsed, 70);
    // An interview ended by mistake is reopened with E, then Enter.
    f.keys("E<Enter> ");
    assert!(f.on_disk().ended.is_none());
    f.wait(5);
    f.keys("j");
    assert_eq!(f.live().session.elapsed, 75);
}

#[test]
fn paging_past_questions_does_not_ask_them_and_a_restart_returns_to_the_one_on_screen() {
    let mut f = fixture(60, 20);
    f.interview();
    f.keys(" ]]]");
    f.wait(40);
    f.keys("j");
    let saved = f.on_disk();
    let seconds: Vec<u64> = saved.questions.iter().map(|q| q.seconds).collect();
    assert!(
        !saved.questions[0].asked() && !saved.questions[1].asked(),
        "{seconds:?} {}",
        saved.questions.len()
    );
    assert!(saved.questions[3].asked());
    assert_eq!(saved.current, Some(3));
    let (session, target) = f.stores.sessions.load(&saved.id).unwrap();
    let mut again = fixture(60, 20);
    again.stores = f.stores.clone();
    cuecard::tui::commands::begin_interview(&mut again.app, session, Some(target));
    assert_eq!(again.live().current, 3);
    // J and K say what moved.
    again.keys("K");
    assert!(again.said().contains("Moved to 3 of"), "{}", again.said());
}

#[test]
fn a_name_with_bidi_overrides_is_shown_inert_and_the_browser_says_an_interview_runs() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut f = fixture(60, 20);
    f.keys("3i");
    f.keys("Ada\u{202e}\u{2067}ecalevoL<Enter> ");
    let draw = |f: &Fixture| -> String {
        let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
        let theme = cuecard::tui::theme::Theme::PLAIN;
        terminal
            .draw(|frame| cuecard::tui::ui::view(&f.app, frame, &theme))
            .unwrap();
        terminal
            .backend()
            .buffer()
            .content
            .iter()
            .map(|c| c.symbol())
            .collect()
    };
    let live = draw(&f);
    assert!(
        !live.contains('\u{202e}') && !live.contains('\u{2067}'),
        "{live}"
    );
    assert!(live.contains("u{202e}"), "shown as text: {live}");
    f.wait(75);
    f.keys("<Esc>");
    let browser = draw(&f);
    assert!(browser.contains("● interview: Ada"), "{browser}");
    assert!(browser.contains("1:15 · i returns"), "{browser}");
    assert!(!browser.contains('\u{202e}'));
}

#[test]
fn the_form_assesses_several_competencies_at_the_browsers_level_and_typing_replaces_numbers() {
    let mut f = fixture(60, 20);
    f.keys("3i");
    assert_eq!(f.app.setup().unwrap().level, "3", "the browser's level");
    // Minutes: 30 typed over the pre-filled 45; Assess: the next competency ticked too.
    f.keys("Grace Hopper<Tab><Tab>30<Tab><Tab><Down> <Enter>");
    assert_eq!(f.app.mode(), Mode::Interview, "{:?}", f.app.status);
    let session = &f.live().session;
    assert_eq!(session.minutes, 30);
    assert_eq!(session.level, 3);
    let rated: Vec<&str> = session
        .ratings
        .iter()
        .map(|r| r.competency.as_str())
        .collect();
    assert_eq!(
        rated,
        [
            "customer-support/customer-interaction",
            "customer-support/service-management"
        ]
    );
}

#[test]
fn the_form_refuses_a_level_beyond_the_scale_and_an_empty_list() {
    let mut f = fixture(60, 20);
    f.keys("iAda<Tab><Tab><Tab>7<Enter>");
    assert_eq!(f.app.mode(), Mode::Setup);
    assert!(
        f.said().contains("Level must be a number from 1 to 4"),
        "{}",
        f.said()
    );
    f.keys("<BS>2<Tab> <Enter>");
    assert!(f.said().contains("Tick at least one"), "{}", f.said());
    assert!(f.app.interview.is_none());
}

#[test]
fn a_session_deleted_elsewhere_while_open_is_never_written_back() {
    let mut f = fixture(60, 20);
    f.interview();
    f.keys(" nfirst note<Enter>");
    let id = f.live().session.id.clone();
    let sessions = f.dir.path().join("sessions");
    assert!(sessions.join(format!("{id}.toml")).exists());
    // `cuecard sessions delete` from another terminal.
    let deleted = f.stores.sessions.delete(&id).unwrap();
    assert!(!deleted.removed.is_empty());
    f.wait(30);
    f.keys("1nanother<Enter>");
    f.keys("<C-c>");
    assert!(f.app.quit);
    let left: Vec<_> = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| !n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(left.is_empty(), "written back: {left:?}");
}

#[test]
fn a_long_message_wraps_over_the_last_rows_instead_of_being_cut() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut f = fixture(60, 20);
    f.interview();
    f.keys("x");
    let said = f.said();
    assert!(said.len() > 60, "a long message: {said}");
    let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
    let theme = cuecard::tui::theme::Theme::PLAIN;
    terminal
        .draw(|frame| cuecard::tui::ui::view(&f.app, frame, &theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let rows: Vec<String> = (0..20)
        .map(|y| (0..60).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect();
    // Wrapped anywhere (a path has no spaces): compared without the white space.
    let bottom: String = rows[16..].concat().split_whitespace().collect();
    let said: String = said.split_whitespace().collect();
    assert!(
        bottom.contains(&said),
        "{said}\nnot whole in:\n{}",
        rows.join("\n")
    );
}

#[test]
fn a_question_found_by_search_starts_at_zero_and_can_be_taken_out_at_once() {
    use cuecard::search::{SearchIndex, Searcher};
    let mut f = fixture(60, 20);
    f.interview();
    f.keys(" ");
    f.wait(11);
    f.keys("/breach");
    f.wait(20);
    let mut searcher = Searcher::new(std::sync::Arc::new(SearchIndex::build(&f.app.library)));
    let search = f.app.search().unwrap();
    let (generation, input) = (search.generation, search.input.clone());
    let results = searcher.search(&input, 50);
    cuecard::tui::update::search_results(&mut f.app, generation, results);
    f.keys("<Enter>");
    f.persist();
    let session = &f.live().session;
    assert_eq!(f.live().current, 1);
    assert_eq!(
        session.questions[0].seconds, 31,
        "the time stays with the question asked"
    );
    assert_eq!(session.questions[1].seconds, 0);
    assert!(f.said().contains("Del takes it out"), "{}", f.said());
    let found = session.questions[1].id.clone();
    f.keys("<Del>");
    assert!(f.said().contains("Taken out"), "{}", f.said());
    assert!(!f.live().session.questions.iter().any(|q| q.id == found));
    assert_eq!(f.on_disk().current, Some(1));
}

#[test]
fn ratings_of_many_competencies_at_60x20_keep_the_selected_one_and_the_details_in_sight() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut f = fixture(60, 20);
    // Every competency of both frameworks: the form ticks them one by one.
    f.keys("3i");
    f.keys("Ada<Tab><Tab><Tab><Tab>");
    for _ in 0..12 {
        f.keys("<Down> ");
    }
    f.keys("<Enter>");
    assert_eq!(f.live().session.ratings.len(), 13);
    f.keys("R");
    for _ in 0..11 {
        f.keys("j");
    }
    f.keys("2eWorks through the policy<Enter>o");
    assert!(
        f.said().contains("o again"),
        "one o sets nothing: {}",
        f.said()
    );
    assert_eq!(f.live().session.recommendation, None);
    f.keys("o");
    assert!(
        f.said().contains("Recommendation: strong no"),
        "{}",
        f.said()
    );
    let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
    let theme = cuecard::tui::theme::Theme::PLAIN;
    terminal
        .draw(|frame| cuecard::tui::ui::view(&f.app, frame, &theme))
        .unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content
        .chunks(60)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect();
    assert!(screen.contains("▸ "), "the selected competency: {screen}");
    assert!(screen.contains("more competencies"), "{screen}");
    assert!(
        screen.contains("Evidence: Works through the policy"),
        "{screen}"
    );
    assert!(screen.contains("Recommendation: strong no"), "{screen}");
    assert!(screen.contains("Level 2"), "{screen}");
}

#[test]
fn selecting_a_note_line_or_pressing_f_brings_it_into_view_at_60x20() {
    let mut f = fixture(60, 20);
    f.interview();
    f.keys(" nfirst<Enter>nsecond<Enter>");
    assert_eq!(f.live().scroll, 0);
    f.keys("<Tab>");
    assert!(f.live().scroll > 0, "scrolled to the notes");
    let card = cuecard::tui::question_view::live_interview(
        &f.app,
        f.live(),
        ratatui::layout::Rect::new(0, 0, 60, 19),
    );
    let line = card
        .doc
        .iter()
        .position(|l| l.text.starts_with('▸'))
        .unwrap();
    let scroll = f.live().scroll;
    assert!(line >= scroll && line < scroll + usize::from(card.area.height));
    f.keys("<Esc>gf");
    let line = card
        .doc
        .iter()
        .position(|l| l.text.starts_with("Follow-ups"))
        .unwrap();
    // The follow-ups show from their heading on (or as far as the text lets it scroll).
    let (len, height) = card.extent();
    assert_eq!(f.live().scroll, line.min(len - height));
}

#[test]
fn a_reflex_esc_on_an_evidence_edit_asks_before_dropping_and_never_saves_stray_words() {
    let mut f = fixture(60, 20);
    f.interview();
    f.keys(" Re");
    f.keys("ally keen, just needs depth<Esc>");
    assert_eq!(f.app.mode(), Mode::Typing, "one Esc asks");
    assert!(f.said().contains("Esc again drops"), "{}", f.said());
    f.keys("<Esc>");
    assert_eq!(f.app.mode(), Mode::Rating);
    assert_eq!(f.on_disk().ratings[0].evidence, "", "nothing stray saved");
    f.keys("eNamed the refund rule<Enter>");
    assert_eq!(f.on_disk().ratings[0].evidence, "Named the refund rule");
    // Esc with nothing changed leaves at once.
    f.keys("e<Esc>");
    assert_eq!(f.app.mode(), Mode::Rating);
}
