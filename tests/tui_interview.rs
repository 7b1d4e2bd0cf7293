//! Interviewer mode as an interviewer drives it, with a fixed clock and no terminal: set-up,
//! planning, asking, ticking, noting, rating, the saved session and its scorecard.

use std::sync::Arc;

use cuecard::interview::Recommendation;
use cuecard::search::{SearchIndex, Searcher};
use cuecard::tui::action::Action::*;
use cuecard::tui::app::Pane;
use cuecard::tui::keymap::Mode;
use cuecard::tui::search_mode::RESULT_LIMIT;
use cuecard::tui::update::search_results as receive;

mod support;
use support::Fixture;

fn fixture() -> Fixture {
    Fixture::at(60, 20, "2026-11-23T14:00:00Z")
}

impl Fixture {
    /// Sets up an interview for Jane on the selected competency at level 3.
    fn start_interview(&mut self) {
        self.run(&[SelectLevel(3), OpenInterview]);
        assert_eq!(self.app.mode(), Mode::Setup);
        self.type_line("Jane Doe");
        self.run(&[FocusNext]);
        self.type_line("Support lead");
        self.run(&[FocusNext, Backspace, Backspace]);
        self.type_line("30");
        self.run(&[Open]);
        assert_eq!(self.app.mode(), Mode::Interview);
        // The clock waits for the interviewer.
        self.wait(5);
        self.run(&[Down]);
        assert_eq!(self.session().elapsed, 0);
        self.run(&[StartClock]);
    }

    fn session(&self) -> &cuecard::interview::InterviewSession {
        &self.app.interview.as_ref().unwrap().session
    }

    fn on_disk(&self) -> cuecard::interview::InterviewSession {
        let id = &self.session().id;
        self.stores.sessions.load(id).unwrap().0
    }
}

#[test]
fn set_up_ask_tick_note_rate_and_export() {
    let mut f = fixture();
    f.start_interview();
    let session = f.session().clone();
    assert_eq!(session.candidate, "Jane Doe");
    assert_eq!(session.role, "Support lead");
    assert_eq!(session.minutes, 30);
    assert_eq!(session.level, 3);
    assert!(!session.questions.is_empty());
    assert_eq!(f.on_disk().candidate, "Jane Doe", "saved at once");

    // The first question: three minutes, two key points, a follow-up, a note in minute 2.
    f.wait(150);
    f.run(&[
        TickKeyPoint(1),
        TickKeyPoint(3),
        FollowUps,
        TickFollowUp(1),
        OpenNote,
    ]);
    assert_eq!(f.app.mode(), Mode::Typing);
    f.type_line("Calm and concrete");
    f.run(&[Open]);
    f.wait(30);
    f.run(&[NextQuestion]);
    f.wait(60);
    f.run(&[TickKeyPoint(2), TickKeyPoint(9)]);
    let saved = f.on_disk();
    let first = &saved.questions[0];
    assert_eq!(first.seconds, 180);
    assert_eq!(first.key_points, vec![0, 2]);
    assert_eq!(first.follow_ups, vec![0]);
    assert_eq!(first.notes[0].minute, 2);
    assert_eq!(first.notes[0].text, "Calm and concrete");
    // Key point 9 does not exist on a question with fewer: nothing ticked for it.
    let second = &saved.questions[1];
    assert_eq!(second.seconds, 60);
    assert!(second.key_points.contains(&1));
    assert_eq!(saved.elapsed, 240);

    // Ratings: level 3 of the competency, evidence, a recommendation, the summary.
    f.run(&[Rate]);
    assert_eq!(f.app.mode(), Mode::Rating);
    f.run(&[SelectLevel(9)]);
    assert_eq!(
        f.session().ratings[0].level,
        None,
        "no level 9 on a 4-level scale"
    );
    f.run(&[SelectLevel(3), OpenNote]);
    f.type_line("Handled the refund end to end");
    f.run(&[Open, Recommend, Recommend, Recommend, Recommend, Summary]);
    f.type_line("Ready for the role");
    f.run(&[Open, Back]);
    assert_eq!(f.app.mode(), Mode::Interview);
    let saved = f.on_disk();
    assert_eq!(saved.ratings[0].level, Some(3));
    assert_eq!(saved.ratings[0].evidence, "Handled the refund end to end");
    assert_eq!(saved.recommendation, Some(Recommendation::Yes));
    assert_eq!(saved.summary, "Ready for the role");

    // The scorecard beside the session.
    f.run(&[Export]);
    let path = f.stores.sessions.scorecard_path(&saved.id);
    let card = std::fs::read_to_string(&path).unwrap();
    assert!(card.contains("# Scorecard: Jane Doe"), "{card}");
    assert!(
        card.contains("Customer Interaction: 3 of 4 · Extensive experience"),
        "{card}"
    );
    assert!(card.contains("- min 2: Calm and concrete"), "{card}");
    assert!(card.contains("Recommendation: **yes**"), "{card}");
    assert!(
        f.app
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("Scorecard written")
    );
}

#[test]
fn the_plan_is_edited_from_the_browser_and_by_search_during_the_interview() {
    let mut f = fixture();
    f.start_interview();
    let planned = f.session().questions.len();
    // Reorder: the first question moves later, and back.
    let first = f.session().questions[0].id.clone();
    f.run(&[MoveLater]);
    assert_eq!(f.session().questions[1].id, first);
    f.run(&[MoveEarlier]);
    assert_eq!(f.session().questions[0].id, first);
    // Esc to the browser: the interview goes on; Space on a question adds it, again removes it.
    f.run(&[Back]);
    assert_eq!(f.app.mode(), Mode::Competencies);
    f.run(&[Down, Open]);
    assert_eq!(f.app.focus, Pane::Questions);
    let added = f.app.current_question().unwrap().id.clone();
    assert!(!f.app.is_planned(&added));
    f.run(&[TogglePlanned]);
    assert_eq!(f.session().questions.len(), planned + 1);
    assert!(f.app.is_planned(&added));
    let said = &f.app.status.as_ref().unwrap().text;
    assert!(said.starts_with("Added to the plan"), "{said}");
    assert_eq!(f.session().ratings.len(), 2, "its competency is rated too");
    f.run(&[TogglePlanned]);
    assert_eq!(f.session().questions.len(), planned);
    assert!(!f.on_disk().questions.iter().any(|q| q.id == added));
    // i returns to the live view; a question found by search is asked next.
    f.run(&[OpenInterview]);
    assert_eq!(f.app.mode(), Mode::Interview);
    let mut searcher = Searcher::new(Arc::new(SearchIndex::build(&f.app.library)));
    f.run(&[OpenSearch]);
    for c in "q:breach".chars() {
        f.run(&[Type(c)]);
        let search = f.app.search().unwrap();
        let (generation, input) = (search.generation, search.input.clone());
        receive(
            &mut f.app,
            generation,
            searcher.search(&input, RESULT_LIMIT),
        );
    }
    f.run(&[Open]);
    assert_eq!(f.app.mode(), Mode::Interview);
    let interview = f.app.interview.as_ref().unwrap();
    let current = &interview.session.questions[interview.current];
    assert_eq!(
        current.id,
        "service-capabilities/data-privacy/breach-response"
    );
}

#[test]
fn the_set_up_form_refuses_an_empty_name_and_a_bad_budget() {
    let mut f = fixture();
    f.run(&[OpenInterview, Open]);
    assert_eq!(f.app.mode(), Mode::Setup);
    assert!(f.app.status.as_ref().unwrap().text.contains("empty"));
    f.type_line("Max");
    f.run(&[FocusNext, FocusNext]);
    f.type_line("x");
    f.run(&[Open]);
    assert!(f.app.status.as_ref().unwrap().text.contains("whole number"));
    // The name typed is not dropped by one Esc: the second one closes the form.
    f.run(&[Back]);
    assert!(f.app.setup().is_some());
    assert!(f.app.status.as_ref().unwrap().text.contains("Esc again"));
    f.run(&[Back]);
    assert!(f.app.setup().is_none() && f.app.interview.is_none());
}

#[test]
fn quitting_mid_interview_saves_the_time_so_far() {
    let mut f = fixture();
    f.start_interview();
    f.wait(95);
    f.run(&[QuitNow]);
    assert!(f.app.quit);
    assert_eq!(f.on_disk().elapsed, 95);
}

#[test]
fn debug_output_never_holds_the_candidate_or_the_notes() {
    let mut f = fixture();
    f.start_interview();
    f.run(&[OpenNote]);
    f.type_line("salary expectations");
    let debug = format!("{:?}", f.app);
    assert!(!debug.contains("Jane"), "{debug}");
    assert!(!debug.contains("salary"), "{debug}");
}

#[test]
fn a_saved_session_resumes_at_the_question_on_screen_with_the_clock_waiting() {
    let mut f = fixture();
    f.start_interview();
    f.wait(60);
    f.run(&[TickKeyPoint(1), NextQuestion, QuitNow]);
    assert!(f.app.quit);
    let id = f.session().id.clone();
    let (session, target) = f.stores.sessions.load(&id).unwrap();
    let mut again = fixture();
    again.stores = f.stores.clone();
    cuecard::tui::commands::begin_interview(&mut again.app, session, Some(target));
    again.persist();
    let interview = again.app.interview.as_ref().unwrap();
    assert_eq!(interview.current, 1);
    assert!(!interview.dirty, "nothing changed: nothing to save");
    assert_eq!(interview.session.questions[0].key_points, vec![0]);
    assert_eq!(interview.session.elapsed, 60);
    // The clock waits for Space; going on counts onto the saved time and saves over the same
    // file, with no conflict.
    again.wait(30);
    again.run(&[StartClock]);
    assert_eq!(again.session().elapsed, 60);
    again.wait(30);
    again.run(&[TickKeyPoint(2)]);
    assert!(again.app.status.is_none(), "{:?}", again.app.status);
    assert_eq!(again.on_disk().elapsed, 90);
}

#[test]
fn quitting_while_typing_a_note_keeps_the_line_as_its_draft() {
    let mut f = fixture();
    f.start_interview();
    f.run(&[OpenNote]);
    f.type_line("Strong on proc");
    f.run(&[QuitNow]);
    assert!(f.app.quit);
    let saved = f.on_disk();
    // Kept as Esc keeps it: a draft that n reopens, not a note with a half-word in it.
    assert_eq!(saved.questions[0].draft, "Strong on proc");
    assert!(saved.questions[0].notes.is_empty());
    // An evidence being typed is kept as typed.
    let mut f = fixture();
    f.start_interview();
    f.run(&[Rate, SelectLevel(3), OpenNote]);
    f.type_line("Calm throughout");
    f.run(&[QuitNow]);
    assert_eq!(f.on_disk().ratings[0].evidence, "Calm throughout");
}

/// A question's `interviewer_note` shows in the live view, and never to a candidate: not in the
/// open question, not on a rehearsal card.
#[test]
fn the_interviewer_note_shows_in_the_live_view_only() {
    let mut f = fixture();
    let index = f
        .app
        .entries
        .iter()
        .position(|&(fw, c)| {
            f.app.library.frameworks[fw].competencies[c].id
                == "service-capabilities/cultural-sensitivity"
        })
        .unwrap();
    f.app.selected = index;
    f.start_interview();
    let interview = f.app.interview.as_ref().unwrap();
    let planned = &interview.session.questions[interview.current];
    let question = f.app.library.question(&planned.id).unwrap().clone();
    let note = question
        .interviewer_note
        .clone()
        .expect("a cultural question has a note");
    let body = ratatui::layout::Rect::new(0, 0, 60, 40);
    let live: Vec<String> = cuecard::tui::question_view::live_interview(&f.app, interview, body)
        .doc
        .into_iter()
        .map(|l| l.text)
        .collect();
    let live = live.join(" ");
    assert!(live.contains("Note for the interviewer"), "{live}");
    assert!(live.contains("ethnicity"), "{live}");
    // The candidate's views of the same question.
    let competency = f
        .app
        .library
        .competency("service-capabilities/cultural-sensitivity")
        .unwrap();
    let framework = f.app.library.framework("service-capabilities").unwrap();
    let parts = cuecard::tui::document::QuestionParts {
        framework,
        competency,
        question: &question,
        level: question.level.unwrap_or(1),
        note: None,
        conflict: None,
        marks: None,
        stories: Vec::new(),
    };
    for doc in [
        cuecard::tui::document::question(&parts, true, true, 60),
        cuecard::tui::document::rehearsal_card(&parts, true, 60),
    ] {
        let text: Vec<String> = doc.into_iter().map(|l| l.text).collect();
        assert!(!text.join(" ").contains(&note[..20]), "{text:?}");
    }
}
