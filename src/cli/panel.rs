//! The hiring panel from the shell: `submit`, `debrief`, `calibration` and `compare`, over the
//! team folder's scorecards. Everything printed from a scorecard is made inert (text) or escaped
//! (JSON): the files are written by other people's cuecards, or by hand.

use std::io::{self, Write};

use crate::interview::panel::{
    Calibration, Comparison, Debrief, TeamCard, Viewer, bar, candidate_key, latest, visible,
};
use crate::store::team::TeamFolder;
use crate::text::inert;

/// Exit code of a debrief refused because your own scorecard is not submitted.
pub const NOT_SUBMITTED: u8 = 3;

/// Who is looking: `--interviewer`, else the settings' `interviewer`; `--facilitator` needs no
/// name. An error saying how to set one when there is none.
pub fn viewer(explicit: Option<&str>, setting: &str, facilitator: bool) -> Result<Viewer, String> {
    let name = explicit.unwrap_or(setting).trim().to_string();
    if name.is_empty() && !facilitator {
        return Err(format!(
            "who are you? {} (or --facilitator, for a hiring manager who does not interview)",
            crate::store::team::HOW_TO_NAME
        ));
    }
    Ok(Viewer { name, facilitator })
}

/// The team folder's scorecards, the latest of each interviewer per candidate; files that do not
/// read are named on `errors` and left out.
pub fn read_cards(team: &TeamFolder, errors: &mut impl Write) -> io::Result<Vec<TeamCard>> {
    let (cards, problems) = team.scorecards();
    for problem in problems {
        writeln!(errors, "cuecard: {problem} (left out)")?;
    }
    Ok(latest(&cards).into_iter().cloned().collect())
}

/// What `debrief` does: the debrief, or why not (the message and the exit code).
pub fn debrief(
    cards: &[TeamCard],
    candidate: &str,
    viewer: &Viewer,
) -> Result<Debrief, (String, u8)> {
    let key = candidate_key(candidate);
    let theirs: Vec<&TeamCard> = cards
        .iter()
        .filter(|c| candidate_key(&c.candidate) == key)
        .collect();
    if theirs.is_empty() {
        // Names written alike but for accents or script are other people; name them, as a hint.
        let folded = crate::text::slug(candidate, 60);
        let mut alike: Vec<&str> = cards
            .iter()
            .filter(|c| !folded.is_empty() && crate::text::slug(&c.candidate, 60) == folded)
            .map(|c| c.candidate.as_str())
            .collect();
        alike.sort_unstable();
        alike.dedup();
        let hint = match alike.as_slice() {
            [] => String::new(),
            names => format!(
                " (a different name: did you mean {}?)",
                inert(&names.join(" or "))
            ),
        };
        return Err((
            format!(
                "no scorecard of {} in the team folder yet{hint}",
                inert(candidate)
            ),
            1,
        ));
    }
    let (shown, hidden) = visible(&theirs, viewer);
    if !hidden.is_empty() {
        return Err((
            format!(
                "your scorecard for {} is not submitted yet: colleagues' ratings stay hidden until it is, so that yours is your own (`cuecard submit SESSION`; --facilitator if you do not interview)",
                inert(&hidden[0])
            ),
            NOT_SUBMITTED,
        ));
    }
    Ok(Debrief::new(candidate, &shown, viewer.facilitator))
}

/// The debrief as text: the same lines the app shows (`tui::panel_mode::debrief_doc`), one per
/// paragraph (no width to wrap to), under the candidate's name.
pub fn debrief_text(debrief: &Debrief) -> String {
    let mut out = format!("Debrief: {}\n", inert(&debrief.candidate));
    // Wide enough that nothing wraps, small enough that no width sum overflows.
    for line in crate::tui::panel_mode::debrief_doc(debrief, usize::MAX / 4) {
        out.push_str(line.text.trim_end());
        out.push('\n');
    }
    out
}

/// `no 1 · yes 2`, in the order of the scale.
fn tally_text(recommendations: &std::collections::BTreeMap<String, usize>) -> String {
    crate::interview::panel::tally(recommendations)
        .iter()
        .map(|(value, n)| format!("{} {n}", inert(value)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".into(), |s| format!("{:.0}%", s * 100.0))
}

/// The calibration as text: per interviewer, then per pair; says plainly when there is too
/// little to compare.
pub fn calibration_text(calibration: &Calibration) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!(
        "Calibration: {} candidate{}, {} competenc{} rated by two interviewers or more",
        calibration.candidates,
        if calibration.candidates == 1 { "" } else { "s" },
        calibration.shared_items,
        if calibration.shared_items == 1 {
            "y"
        } else {
            "ies"
        }
    ));
    if calibration.facilitator {
        line("(as facilitator: every submitted scorecard counted)".into());
    } else if !calibration.hidden_candidates.is_empty() {
        let n = calibration.hidden_candidates.len();
        line(format!(
            "({n} candidate{} left out: your scorecard for them is not submitted)",
            if n == 1 { "" } else { "s" }
        ));
    }
    if calibration.shared_items == 0 {
        line("Too little data: calibration compares interviewers who rated the same competency of the same candidate, and no two have yet.".into());
        return out;
    }
    let width = calibration
        .interviewers
        .iter()
        .map(|r| r.interviewer.chars().count())
        .max()
        .unwrap_or(0)
        .max("interviewer".len());
    line(String::new());
    line(format!(
        "{:width$}  ratings  shared  leniency  exact  within one",
        "interviewer"
    ));
    for rater in &calibration.interviewers {
        line(format!(
            "{:width$}  {:>7}  {:>6}  {:>8}  {:>5}  {:>10}",
            inert(&rater.interviewer),
            rater.ratings,
            rater.shared,
            rater
                .leniency
                .map_or_else(|| "—".into(), |l| format!("{l:+.2}")),
            percent(rater.exact_agreement),
            percent(rater.within_one)
        ));
    }
    line("leniency: mean of (their level − the others' mean) on the same candidate and competency; above 0 rates higher.".into());
    line(String::new());
    line(format!(
        "Pairs (quadratically weighted kappa; {} shared ratings or more):",
        crate::interview::panel::KAPPA_MIN_ITEMS
    ));
    for pair in &calibration.pairs {
        let figure = match (pair.kappa, &pair.note) {
            (Some(k), _) => format!("kappa {k:.2}"),
            (None, Some(note)) => format!("no kappa: {note}"),
            (None, None) => "no kappa".into(),
        };
        line(format!(
            "  {} – {}  n={}  {figure}",
            inert(&pair.a),
            inert(&pair.b),
            pair.n
        ));
    }
    if calibration.pairs.iter().all(|p| p.kappa.is_none()) {
        line("Too little data for kappa yet: it needs a pair of interviewers who rated the same five competency × candidate items.".into());
    }
    out
}

/// The comparison as text: a block per candidate, a line per competency with a bar of the
/// panel's median, the median, the spread and the levels given, then the recommendations.
pub fn compare_text(comparison: &Comparison) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    if !comparison.hidden_candidates.is_empty() {
        line(format!(
            "(left out until your scorecard for them is submitted: {})",
            inert(&comparison.hidden_candidates.join(", "))
        ));
    }
    if comparison.candidates.is_empty() {
        line("No candidate to compare: no visible submitted scorecard matches.".into());
        return out;
    }
    let width = comparison
        .competencies
        .iter()
        .map(|(id, name)| if name.is_empty() { id } else { name }.chars().count())
        .max()
        .unwrap_or(0);
    for row in &comparison.candidates {
        line(format!(
            "{}{}{} · {} interviewer{}",
            inert(&row.candidate),
            if row.role.is_empty() { "" } else { " · " },
            inert(&row.role),
            row.interviewers,
            if row.interviewers == 1 { "" } else { "s" }
        ));
        for (id, name) in &comparison.competencies {
            let name = if name.is_empty() { id } else { name };
            match Comparison::cell(row, id) {
                Some(cell) => line(format!(
                    "  {:width$}  {} {:.1}  spread {}  ({})",
                    inert(name),
                    bar(cell.median, cell.scale_size, 8),
                    cell.median,
                    cell.spread,
                    cell.ratings
                        .iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join(" ")
                )),
                None => line(format!(
                    "  {:width$}  {}  not rated",
                    inert(name),
                    "·".repeat(8)
                )),
            }
        }
        line(format!(
            "  recommendations: {}",
            tally_text(&row.recommendations)
        ));
        line(String::new());
    }
    out
}

/// `cuecard submit`: submits the session `name` (with `amend`, a new version) and saves it with
/// its ratings locked; what to print, or why not.
pub fn submit(
    store: &crate::store::sessions::SessionStore,
    team: &TeamFolder,
    library: &crate::content::Library,
    (name, amend): (&str, bool),
    explicit: Option<&str>,
    setting: &str,
) -> Result<String, String> {
    use crate::store::team::Submitted;
    let id = store.find(name)?;
    let (mut session, target) = store.load(&id).map_err(|e| e.to_string())?;
    let interviewer = explicit
        .map(str::to_string)
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| {
            if session.interviewer.trim().is_empty() {
                setting.to_string()
            } else {
                session.interviewer.clone()
            }
        });
    let said = match team.submit_session(
        &mut session,
        library,
        &interviewer,
        amend,
        chrono::Utc::now(),
    )? {
        Submitted::Unchanged(version) => {
            format!("nothing changed since version {version}: nothing written")
        }
        Submitted::Written { path, version } => {
            let unrated = session.ratings.iter().filter(|r| r.level.is_none()).count();
            let mut said = format!(
                "submitted {} (version {version}) as {}: {}",
                inert(&session.candidate),
                inert(interviewer.trim()),
                inert(&path.display().to_string())
            );
            if unrated > 0 {
                said.push_str(&format!(
                    "\n{unrated} competenc{} not rated",
                    if unrated == 1 { "y" } else { "ies" }
                ));
            }
            said.push_str("\nreadable by whoever can read the team folder; its ratings are locked (`cuecard submit --amend` for a new version)");
            said
        }
    };
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    match store.save(&session, &target, &stamp) {
        Ok(crate::store::Saved::Written(_)) => Ok(said),
        Ok(crate::store::Saved::Conflict(copy)) => Ok(format!(
            "{said}\nthe session changed on disk meanwhile; both kept: this one is in {}",
            inert(&copy.path.display().to_string())
        )),
        Err(e) => Err(format!(
            "{said}\nbut the session could not be saved (it does not know it was submitted): {e}"
        )),
    }
}

/// `debrief`, `calibration` and `compare`: prints it and returns the exit code.
pub fn run(
    command: &super::Command,
    team: &TeamFolder,
    setting: &str,
    out: &mut impl Write,
    errors: &mut impl Write,
) -> io::Result<u8> {
    use super::Command;
    let who = match command {
        Command::Debrief { who, .. }
        | Command::Calibration { who, .. }
        | Command::Compare { who, .. } => who,
        _ => return Ok(2),
    };
    let viewer = match viewer(who.interviewer.as_deref(), setting, who.facilitator) {
        Ok(viewer) => viewer,
        Err(message) => {
            writeln!(errors, "cuecard: {message}")?;
            return Ok(2);
        }
    };
    let cards = read_cards(team, errors)?;
    let all: Vec<&TeamCard> = cards.iter().collect();
    match command {
        Command::Debrief {
            candidate, json, ..
        } => match debrief(&cards, candidate, &viewer) {
            Ok(debrief) if *json => {
                writeln!(out, "{}", crate::text::json_line(&debrief)).map(|()| 0)
            }
            Ok(debrief) => out.write_all(debrief_text(&debrief).as_bytes()).map(|()| 0),
            Err((message, code)) => {
                writeln!(errors, "cuecard debrief: {message}")?;
                Ok(code)
            }
        },
        Command::Calibration { json, .. } => {
            let (shown, hidden) = visible(&all, &viewer);
            let calibration = Calibration::new(&shown, hidden, viewer.facilitator);
            if *json {
                writeln!(out, "{}", crate::text::json_line(&calibration))?;
            } else {
                out.write_all(calibration_text(&calibration).as_bytes())?;
            }
            Ok(0)
        }
        Command::Compare { role, json, .. } => {
            let (shown, hidden) = visible(&all, &viewer);
            let comparison = Comparison::new(&shown, role.as_deref(), hidden, viewer.facilitator);
            if *json {
                writeln!(out, "{}", crate::text::json_line(&comparison))?;
            } else {
                out.write_all(compare_text(&comparison).as_bytes())?;
            }
            Ok(if comparison.candidates.is_empty() {
                1
            } else {
                0
            })
        }
        _ => Ok(2),
    }
}
