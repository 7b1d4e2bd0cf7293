//! The hiring panel in the app, as an interviewer drives it with keys: `x` in the ratings asks,
//! then submits to the team folder and locks the ratings; `u` unlocks them to amend; `D` shows the
//! candidate's debrief once theirs is in; `P` compares the candidates; C-k saves the plan as a kit.

use std::path::{Path, PathBuf};

use cuecard::store::team::TeamFolder;
use cuecard::tui::app::Overlay;
use cuecard::tui::keymap::Mode;
use cuecard::tui::theme::Theme;
use cuecard::tui::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod support;
use support::Fixture;

/// The fixture team folder (Ada, Bo and Cy on three candidates), copied where it can change.
fn team_copy(into: &Path) -> PathBuf {
    let team = into.join("team");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/team/scorecards");
    for dir in std::fs::read_dir(&from).unwrap().flatten() {
        let to = team.join("scorecards").join(dir.file_name());
        std::fs::create_dir_all(&to).unwrap();
        for file in std::fs::read_dir(dir.path()).unwrap().flatten() {
            std::fs::copy(file.path(), to.join(file.file_name())).unwrap();
        }
    }
    team
}

/// An interviewer named `name` on a team folder, Jane Doe's interview under way, rated 3 on its
/// first competency.
fn rated(name: &str) -> (Fixture, PathBuf) {
    let mut f = Fixture::at(60, 20, "2026-11-23T14:00:00Z");
    let team = team_copy(f.dir.path());
    f.stores.team = Some(TeamFolder::new(&team));
    f.app.has_team = true;
    f.app.interviewer = name.to_string();
    f.keys("3i");
    assert_eq!(f.app.mode(), Mode::Setup);
    f.type_line("Jane Doe");
    f.keys("<Enter> ");
    f.wait(120);
    f.keys("]R3");
    assert_eq!(f.app.mode(), Mode::Rating);
    (f, team)
}

fn screen(f: &Fixture) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(f.app.size.width, f.app.size.height)).unwrap();
    terminal
        .draw(|frame| view(&f.app, frame, &Theme::PLAIN))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    buffer
        .content
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn status(f: &Fixture) -> String {
    f.app
        .status
        .as_ref()
        .map_or_else(String::new, |s| s.text.clone())
}

fn session_id(f: &Fixture) -> String {
    f.app.interview.as_ref().unwrap().session.id.clone()
}

#[test]
fn x_asks_then_submits_and_the_ratings_lock_until_u() {
    let (mut f, team) = rated("Dee");
    // Any key but Enter is a no: nothing is written.
    f.keys("x");
    assert_eq!(f.app.mode(), Mode::Confirm);
    f.keys("y");
    assert_eq!(f.app.mode(), Mode::Rating);
    assert!(status(&f).contains("Not submitted"), "{}", status(&f));
    let id = session_id(&f);
    let first = team.join(format!("scorecards/jane-doe/{id}-dee.json"));
    assert!(!first.exists());

    f.keys("x<Enter>");
    assert!(first.exists(), "submitted: {}", status(&f));
    assert!(status(&f).contains("version 1"), "{}", status(&f));
    let card: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&first).unwrap()).unwrap();
    assert_eq!(card["interviewer"], "Dee");
    assert_eq!(card["ratings"][0]["level"], 3);
    let on_disk = f.stores.sessions.load(&id).unwrap().0;
    assert_eq!(
        on_disk.submitted.map(|s| s.version),
        Some(1),
        "the session knows"
    );
    assert!(
        screen(&f).contains("submitted v1 · locked"),
        "{}",
        screen(&f)
    );

    // Locked: a level, the evidence, the recommendation do nothing but say how to amend.
    f.keys("1eo");
    let session = &f.app.interview.as_ref().unwrap().session;
    assert_eq!(session.ratings[0].level, Some(3));
    assert_eq!(f.app.mode(), Mode::Rating, "no evidence line opened");
    assert!(status(&f).contains("u unlocks"), "{}", status(&f));

    // u unlocks; the change is submitted as version 2, version 1 kept as it was.
    let first_bytes = std::fs::read(&first).unwrap();
    f.keys("u2x<Enter>");
    let second = team.join(format!("scorecards/jane-doe/{id}-dee.v2.json"));
    assert!(second.exists(), "{}", status(&f));
    assert_eq!(std::fs::read(&first).unwrap(), first_bytes);
    let card: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&second).unwrap()).unwrap();
    assert_eq!(card["ratings"][0]["level"], 2);
    assert_eq!(card["version"], 2);
    f.keys("4");
    assert_eq!(
        f.app.interview.as_ref().unwrap().session.ratings[0].level,
        Some(2),
        "locked again"
    );
}

#[test]
fn d_shows_the_debrief_only_once_yours_is_in() {
    let (mut f, _team) = rated("Dee");
    f.keys("D");
    assert_eq!(f.app.mode(), Mode::Panel);
    assert!(
        status(&f).contains("once your own scorecard of them is submitted"),
        "hidden before: {}",
        status(&f)
    );
    let shown = screen(&f);
    assert!(
        !shown.contains("Bo "),
        "no colleague's rating shows: {shown}"
    );
    f.keys("<Esc>");
    assert_eq!(f.app.mode(), Mode::Rating);

    f.keys("x<Enter>D");
    assert_eq!(f.app.mode(), Mode::Debrief);
    let Some(Overlay::Panel(view)) = &f.app.overlay else {
        panic!("the panel is on show");
    };
    let debrief = view.debrief.as_ref().expect("Jane's debrief");
    assert_eq!(debrief.interviewers, ["Ada", "Bo", "Cy", "Dee"]);
    let shown = screen(&f);
    assert!(shown.contains("Debrief · Jane Doe"), "{shown}");
    assert!(
        shown.contains("Esc back") && !shown.contains("Enter debrief"),
        "its own footer: {shown}"
    );
    assert!(shown.contains("MIXED"), "{shown}");
    assert!(shown.contains("Bo   1 · Basic understanding"), "{shown}");
    assert!(
        shown.contains("more lines (j, PgDn, G)"),
        "says there is more: {shown}"
    );
    // It scrolls to its very end and no further: k then moves at once.
    f.keys("G");
    let end = screen(&f);
    assert!(
        end.contains("Ada: Calm and concrete."),
        "the last line shows: {end}"
    );
    assert!(!end.contains("more lines"), "{end}");
    f.keys("GGk");
    assert_ne!(screen(&f), end, "one line up from the end");
    // Opened from the ratings, Esc goes straight back to them.
    f.keys("<Esc>");
    assert_eq!(f.app.mode(), Mode::Rating);
}

#[test]
fn the_debrief_reaches_its_end_at_every_size() {
    for (width, height) in [(50, 16), (60, 20), (80, 24), (120, 40)] {
        let (mut f, _team) = rated("Dee");
        f.app.size = cuecard::tui::app::Size { width, height };
        f.keys("x<Enter>DG");
        let end = screen(&f);
        assert!(
            end.contains("Ada: Calm and concrete."),
            "{width}x{height}: {end}"
        );
    }
}

#[test]
fn a_q_while_rating_is_a_slip_and_a_nameless_interviewer_is_asked_first() {
    let (mut f, _team) = rated("");
    f.keys("q");
    assert!(
        !f.app.quit && !f.app.quitting,
        "q does not leave the ratings"
    );
    assert_eq!(f.app.mode(), Mode::Rating);
    f.keys("x");
    assert_eq!(
        f.app.mode(),
        Mode::Rating,
        "no question asked without a name"
    );
    assert!(status(&f).contains("Who are you?"), "{}", status(&f));
}

#[test]
fn p_compares_the_candidates_with_bars_and_hides_what_you_have_not_rated() {
    let mut f = Fixture::at(60, 20, "2026-11-23T14:00:00Z");
    let team = team_copy(f.dir.path());
    f.stores.team = Some(TeamFolder::new(&team));
    f.app.has_team = true;
    f.app.interviewer = "Cy".into();
    f.keys("P");
    assert_eq!(f.app.mode(), Mode::Panel);
    let shown = screen(&f);
    assert!(shown.contains("Jane Doe · 3 · no 1, yes 2"), "{shown}");
    assert!(
        shown.contains("Li Wei · hidden until you submit"),
        "{shown}"
    );
    assert!(
        shown.contains("██████·· 3.0 ±2"),
        "Jane's interaction, 3 3 1: {shown}"
    );
    assert!(shown.contains("mixed"), "{shown}");
    assert!(
        shown.contains("1 file with problems"),
        "draft.json: {shown}"
    );
    f.keys("j<Enter>");
    assert!(
        f.app
            .overlay
            .as_ref()
            .is_some_and(|o| matches!(o, Overlay::Panel(v) if v.debrief.is_none()))
    );
    assert!(status(&f).contains("Li Wei"), "{}", status(&f));
    assert!(
        status(&f).contains("own scorecard of them"),
        "{}",
        status(&f)
    );
    f.keys("P");
    assert!(f.app.overlay.is_none(), "P closes it");

    // No team folder: it says how to set one.
    f.app.has_team = false;
    f.keys("P");
    assert!(screen(&f).contains("team_dir"), "{}", screen(&f));
}

#[test]
fn ctrl_k_in_the_live_view_saves_the_plan_as_a_kit_and_a_typed_s_does_not() {
    let (mut f, team) = rated("Dee");
    // A sentence typed into the live view by mistake starts no kit.
    f.keys("<Esc>Strong on de-escalation<Enter>");
    assert!(!team.join("kits").exists(), "{}", status(&f));
    f.keys("<C-k>");
    assert_eq!(f.app.mode(), Mode::Typing);
    f.keys("<C-u>");
    f.type_line("Lead onsite");
    f.keys("<Enter>");
    let kit = std::fs::read_to_string(team.join("kits/lead-onsite.toml")).unwrap();
    assert!(kit.contains("name = \"Lead onsite\""), "{kit}");
    assert!(!kit.contains("Jane"), "no candidate data: {kit}");
    assert!(status(&f).contains("Kit saved"), "{}", status(&f));
    // The same name again is refused, said, and the first kept.
    f.keys("<C-k><C-u>");
    f.type_line("Lead onsite");
    f.keys("<Enter>");
    assert!(status(&f).contains("No kit saved"), "{}", status(&f));
}

#[test]
fn without_a_team_folder_x_writes_the_scorecard_as_before() {
    let mut f = Fixture::at(60, 20, "2026-11-23T14:00:00Z");
    f.keys("3i");
    f.type_line("Jane Doe");
    f.keys("<Enter> ");
    f.wait(60);
    f.keys("]R3x");
    assert_eq!(f.app.mode(), Mode::Rating, "nothing to confirm");
    let id = session_id(&f);
    assert!(f.stores.sessions.scorecard_path(&id).exists());
}
