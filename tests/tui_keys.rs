//! Keys as a person presses them, through the real keymap and `update`: the global keys, the
//! modes' own keys, and scrolls that stop at the end of their text in every mode.

use cuecard::tui::keymap::Mode;

mod support;
use support::Fixture;

fn fixture(width: u16, height: u16) -> Fixture {
    Fixture::at(width, height, "2026-11-23T14:00:00Z")
}

impl Fixture {
    /// An interview for Ada on the first competency at level 2, through the `i` form.
    fn interview(&mut self) {
        self.keys("2i");
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
