//! The hiring panel's figures, from the scorecards its interviewers submitted to the team folder:
//! who may see what (nobody sees colleagues' ratings of a candidate before submitting their own),
//! the debrief of one candidate, the calibration of the interviewers against each other, and the
//! comparison of candidates. Pure functions over [`TeamCard`]s; reading the folder is the store's.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// A submitted scorecard as read back from the team folder: the fields the panel's figures use
/// (the file holds the whole `export --format json` scorecard). Written by other people's
/// cuecards, so every field but the names has a default.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TeamCard {
    pub session: String,
    pub candidate: String,
    #[serde(default)]
    pub role: String,
    pub interviewer: String,
    #[serde(default)]
    pub stage: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub recommendation: Option<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub ratings: Vec<CardRating>,
    #[serde(default)]
    pub questions: Vec<CardQuestion>,
    /// When it was submitted, RFC 3339.
    #[serde(default)]
    pub submitted_at: String,
    /// 1 for the first submission, one more for each amendment.
    #[serde(default = "first_version")]
    pub version: u32,
}

impl TeamCard {
    /// Leaves out (as not rated) a level outside `1..=MAX_LEVEL` or beyond its scale, and bounds
    /// the scale's size: a file written by hand is never trusted with a number. Says what was
    /// left out, if anything.
    pub fn keep_to_scales(&mut self) -> Option<String> {
        let mut left_out = Vec::new();
        for rating in &mut self.ratings {
            rating.scale_size = rating.scale_size.min(super::MAX_LEVEL);
            let scale = if rating.scale_size == 0 {
                super::MAX_LEVEL
            } else {
                rating.scale_size
            };
            if let Some(level) = rating.level.filter(|l| !(1..=scale).contains(l)) {
                left_out.push(format!("{} at level {level}", rating.competency));
                rating.level = None;
                rating.level_name = None;
            }
        }
        (!left_out.is_empty()).then(|| {
            format!(
                "a level outside its scale, read as not rated: {}",
                left_out.join(", ")
            )
        })
    }
}

fn first_version() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CardRating {
    pub competency: String,
    #[serde(default)]
    pub competency_name: String,
    #[serde(default)]
    pub level: Option<usize>,
    #[serde(default)]
    pub level_name: Option<String>,
    #[serde(default)]
    pub scale_size: usize,
    #[serde(default)]
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CardQuestion {
    pub id: String,
    #[serde(default)]
    pub text: String,
}

/// A person's name as the panel compares it: trimmed, any case, spaces collapsed.
pub fn same_person(a: &str, b: &str) -> bool {
    person_key(a) == person_key(b)
}

fn person_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A candidate's identity on the panel: the name in any case and spacing. Never the slug of the
/// name, which two people can share (`王伟` and `汪伟` are both `wang-wei`).
pub fn candidate_key(name: &str) -> String {
    person_key(name)
}

/// The folder of a candidate's scorecards in the team folder: the slug of the name, and when
/// the slug is not all the name says (letters beyond ASCII, which it transliterates) a digest of
/// the name too, so that two people whose names transliterate alike never share a folder.
pub fn candidate_folder(name: &str) -> String {
    let key = candidate_key(name);
    let slug = crate::text::slug(&key, 60);
    let slug = if slug.is_empty() {
        "candidate".to_string()
    } else {
        slug
    };
    if key.is_ascii() && !key.is_empty() {
        slug
    } else {
        format!("{slug}-{}", &crate::text::digest(&key)[..8])
    }
}

/// Who is looking: an interviewer (who sees a candidate's other scorecards only once theirs is
/// submitted), or the facilitator (a hiring manager who does not interview, and sees all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    pub name: String,
    pub facilitator: bool,
}

/// The newest version of each interviewer's scorecard for each candidate (their latest
/// interview of that candidate, its latest amendment), in a stable order.
pub fn latest(cards: &[TeamCard]) -> Vec<&TeamCard> {
    let mut newest: BTreeMap<(String, String), &TeamCard> = BTreeMap::new();
    for card in cards {
        let key = (
            candidate_key(&card.candidate),
            person_key(&card.interviewer),
        );
        // Times of panel members in other time zones compare as instants.
        let at = |card: &TeamCard| {
            chrono::DateTime::parse_from_rfc3339(&card.submitted_at)
                .map(|t| t.timestamp())
                .unwrap_or(i64::MIN)
        };
        let newer = newest.get(&key).is_none_or(|old| {
            (at(card), card.version, &card.session) > (at(old), old.version, &old.session)
        });
        if newer {
            newest.insert(key, card);
        }
    }
    newest.into_values().collect()
}

/// The cards `viewer` may see, and the candidates left out because the viewer's own scorecard
/// for them is not submitted (sorted, as named on the cards).
pub fn visible<'a>(cards: &[&'a TeamCard], viewer: &Viewer) -> (Vec<&'a TeamCard>, Vec<String>) {
    let submitted: BTreeSet<String> = cards
        .iter()
        .filter(|c| same_person(&c.interviewer, &viewer.name))
        .map(|c| candidate_key(&c.candidate))
        .collect();
    let mut hidden = BTreeMap::new();
    let shown = cards
        .iter()
        .copied()
        .filter(|c| {
            let key = candidate_key(&c.candidate);
            let ok = viewer.facilitator || submitted.contains(&key);
            if !ok {
                hidden.entry(key).or_insert_with(|| c.candidate.clone());
            }
            ok
        })
        .collect();
    (shown, hidden.into_values().collect())
}

/// One competency of a debrief: each interviewer's rating and evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DebriefRow {
    pub competency: String,
    pub name: String,
    /// Interviewer → level, for those who rated it.
    pub ratings: BTreeMap<String, usize>,
    /// Interviewer → the level's name, for those who rated it.
    pub level_names: BTreeMap<String, String>,
    /// Interviewer → evidence, for those who wrote some.
    pub evidence: BTreeMap<String, String>,
    /// The highest level given minus the lowest (0 with one rating).
    pub spread: usize,
    /// Ratings two or more levels apart: talk it through.
    pub mixed: bool,
    pub scale_size: usize,
}

impl DebriefRow {
    /// `spread 2`, or `one rating` when only one interviewer rated it (no spread to speak of).
    pub fn spread_text(&self) -> String {
        match self.ratings.len() {
            1 => "one rating".to_string(),
            _ => format!("spread {}", self.spread),
        }
    }
}

/// A question more than one interviewer asked: duplication in the loop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Repeated {
    pub question: String,
    pub text: String,
    pub interviewers: Vec<String>,
}

/// The panel on one candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    pub candidate: String,
    pub interviewers: Vec<String>,
    /// The competencies someone rated, in the order the scorecards list them.
    pub competencies: Vec<DebriefRow>,
    /// Competencies on the scorecards that nobody rated (ids).
    pub unrated: Vec<String>,
    /// Their names, in the same order.
    #[serde(skip)]
    pub unrated_names: Vec<String>,
    /// Recommendation → how many gave it (`none` for a scorecard without one).
    pub recommendations: BTreeMap<String, usize>,
    pub repeated_questions: Vec<Repeated>,
    /// Interviewer → their summary, for those who wrote one.
    pub summaries: BTreeMap<String, String>,
    /// Interviewer → the version counted, for those who amended their scorecard.
    pub amended: BTreeMap<String, u32>,
    /// Seen by the facilitator (who does not interview) rather than by one of the panel.
    pub facilitator: bool,
}

/// Two ratings this many levels apart or more make a competency "mixed".
pub const MIXED_AT: usize = 2;

impl Debrief {
    /// The debrief of the (latest, visible) `cards` of one candidate.
    pub fn new(candidate: &str, cards: &[&TeamCard], facilitator: bool) -> Debrief {
        let mut order: Vec<String> = Vec::new();
        let mut rows: BTreeMap<String, DebriefRow> = BTreeMap::new();
        for card in cards {
            for rating in &card.ratings {
                let row = rows.entry(rating.competency.clone()).or_insert_with(|| {
                    order.push(rating.competency.clone());
                    DebriefRow {
                        competency: rating.competency.clone(),
                        name: rating.competency_name.clone(),
                        ratings: BTreeMap::new(),
                        level_names: BTreeMap::new(),
                        evidence: BTreeMap::new(),
                        spread: 0,
                        mixed: false,
                        scale_size: rating.scale_size,
                    }
                });
                row.scale_size = row.scale_size.max(rating.scale_size);
                if let Some(level) = rating.level {
                    row.ratings.insert(card.interviewer.clone(), level);
                    if let Some(name) = &rating.level_name {
                        row.level_names
                            .insert(card.interviewer.clone(), name.clone());
                    }
                }
                if !rating.evidence.trim().is_empty() {
                    row.evidence
                        .insert(card.interviewer.clone(), rating.evidence.trim().to_string());
                }
            }
        }
        let (mut competencies, mut unrated, mut unrated_names) =
            (Vec::new(), Vec::new(), Vec::new());
        for id in order {
            let Some(mut row) = rows.remove(&id) else {
                continue;
            };
            if row.ratings.is_empty() {
                unrated_names.push(if row.name.is_empty() {
                    id.clone()
                } else {
                    row.name
                });
                unrated.push(id);
                continue;
            }
            let (low, high) = row
                .ratings
                .values()
                .fold((usize::MAX, 0), |(lo, hi), &l| (lo.min(l), hi.max(l)));
            row.spread = high - low;
            row.mixed = row.spread >= MIXED_AT;
            competencies.push(row);
        }
        let mut recommendations = BTreeMap::new();
        for card in cards {
            let value = card.recommendation.clone().unwrap_or_else(|| "none".into());
            *recommendations.entry(value).or_insert(0) += 1;
        }
        let mut asked: BTreeMap<&str, (String, Vec<String>)> = BTreeMap::new();
        for card in cards {
            for question in &card.questions {
                let entry = asked
                    .entry(question.id.as_str())
                    .or_insert_with(|| (question.text.clone(), Vec::new()));
                if !entry.1.iter().any(|i| same_person(i, &card.interviewer)) {
                    entry.1.push(card.interviewer.clone());
                }
            }
        }
        let repeated_questions = asked
            .into_iter()
            .filter(|(_, (_, who))| who.len() > 1)
            .map(|(id, (text, interviewers))| Repeated {
                question: id.to_string(),
                text,
                interviewers,
            })
            .collect();
        Debrief {
            candidate: cards
                .first()
                .map_or_else(|| candidate.to_string(), |c| c.candidate.clone()),
            interviewers: cards.iter().map(|c| c.interviewer.clone()).collect(),
            competencies,
            unrated,
            unrated_names,
            recommendations,
            repeated_questions,
            summaries: cards
                .iter()
                .filter(|c| !c.summary.trim().is_empty())
                .map(|c| (c.interviewer.clone(), c.summary.trim().to_string()))
                .collect(),
            amended: cards
                .iter()
                .filter(|c| c.version > 1)
                .map(|c| (c.interviewer.clone(), c.version))
                .collect(),
            facilitator,
        }
    }

    /// `Ada, Bo (amended: version 2), Cy`.
    pub fn interviewers_text(&self) -> String {
        self.interviewers
            .iter()
            .map(|who| match self.amended.get(who) {
                Some(version) => format!("{who} (amended: version {version})"),
                None => who.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The recommendations in the order of the scale (strong no … strong yes, then none and any
/// other value), for showing a tally.
pub fn tally(recommendations: &BTreeMap<String, usize>) -> Vec<(&str, usize)> {
    let rank = |value: &str| {
        super::Recommendation::ALL
            .iter()
            .position(|r| r.label() == value)
            .unwrap_or(super::Recommendation::ALL.len())
    };
    let mut tally: Vec<(&str, usize)> = recommendations
        .iter()
        .map(|(value, n)| (value.as_str(), *n))
        .collect();
    tally.sort_by_key(|(value, _)| rank(value));
    tally
}

/// Quadratically weighted Cohen's kappa of two raters' levels on the same items, the categories
/// being the levels `1..=levels`: 1 is perfect agreement, 0 what chance gives, below 0 worse.
/// `None` when it is undefined: no items, fewer than two categories, a level outside the scale,
/// no disagreement possible by chance (each rater always gave one and the same level), or over
/// 100 levels.
pub fn quadratic_kappa(pairs: &[(usize, usize)], levels: usize) -> Option<f64> {
    // A scale longer than any framework has is a number nobody should allocate for.
    if pairs.is_empty() || !(2..=100).contains(&levels) {
        return None;
    }
    let in_scale = |l: usize| (1..=levels).contains(&l);
    if pairs.iter().any(|&(a, b)| !in_scale(a) || !in_scale(b)) {
        return None;
    }
    let n = pairs.len() as f64;
    let mut observed = vec![vec![0.0; levels]; levels];
    let (mut rows, mut columns) = (vec![0.0; levels], vec![0.0; levels]);
    for &(a, b) in pairs {
        observed[a - 1][b - 1] += 1.0;
        rows[a - 1] += 1.0;
        columns[b - 1] += 1.0;
    }
    let weight = |i: usize, j: usize| {
        let d = i as f64 - j as f64;
        d * d / ((levels - 1) * (levels - 1)) as f64
    };
    let (mut disagreement, mut by_chance) = (0.0, 0.0);
    for i in 0..levels {
        for j in 0..levels {
            disagreement += weight(i, j) * observed[i][j];
            by_chance += weight(i, j) * rows[i] * columns[j] / n;
        }
    }
    (by_chance > 0.0).then(|| 1.0 - disagreement / by_chance)
}

/// One interviewer against the rest of the panel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RaterFigures {
    pub interviewer: String,
    /// Competencies rated, over every candidate.
    pub ratings: usize,
    /// Of those, the ones someone else rated too (the only ones compared).
    pub shared: usize,
    /// Mean of (their level − the mean of the others' levels) on shared items: above 0 rates
    /// higher than colleagues, below 0 lower. `None` without a shared item.
    pub leniency: Option<f64>,
    /// Share of comparisons with another rater on the same item that gave the same level.
    pub exact_agreement: Option<f64>,
    /// Share of those comparisons within one level.
    pub within_one: Option<f64>,
}

/// Two interviewers on the items both rated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairFigures {
    pub a: String,
    pub b: String,
    /// Items (candidate × competency) both rated.
    pub n: usize,
    /// Quadratically weighted kappa, with at least [`KAPPA_MIN_ITEMS`] shared items.
    pub kappa: Option<f64>,
    /// Why there is no kappa, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Fewer shared ratings than this make no kappa.
pub const KAPPA_MIN_ITEMS: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    pub candidates: usize,
    /// Candidate × competency items rated by two or more interviewers.
    pub shared_items: usize,
    pub interviewers: Vec<RaterFigures>,
    pub pairs: Vec<PairFigures>,
    /// Candidates left out: the viewer's own scorecard for them is not submitted.
    pub hidden_candidates: Vec<String>,
    pub facilitator: bool,
}

/// One item: a candidate × competency, and who gave which level on which scale size.
type Item = Vec<(String, usize, usize)>;

fn items(cards: &[&TeamCard]) -> BTreeMap<(String, String), Item> {
    let mut items: BTreeMap<(String, String), Item> = BTreeMap::new();
    for card in cards {
        for rating in &card.ratings {
            if let Some(level) = rating.level {
                items
                    .entry((candidate_key(&card.candidate), rating.competency.clone()))
                    .or_default()
                    .push((card.interviewer.clone(), level, rating.scale_size));
            }
        }
    }
    items
}

/// Display names by person key, the first spelling met.
fn names(cards: &[&TeamCard]) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for card in cards {
        names
            .entry(person_key(&card.interviewer))
            .or_insert_with(|| card.interviewer.clone());
    }
    names
}

impl Calibration {
    /// The figures of the (latest, visible) `cards`.
    pub fn new(
        cards: &[&TeamCard],
        hidden_candidates: Vec<String>,
        facilitator: bool,
    ) -> Calibration {
        let items = items(cards);
        let names = names(cards);
        let mut interviewers = Vec::new();
        for (key, name) in &names {
            let (mut ratings, mut shared) = (0, 0);
            let (mut differences, mut comparisons, mut exact, mut near) = (0.0, 0, 0, 0);
            for item in items.values() {
                let Some(&(_, mine, _)) = item.iter().find(|(who, ..)| person_key(who) == *key)
                else {
                    continue;
                };
                ratings += 1;
                let others: Vec<usize> = item
                    .iter()
                    .filter(|(who, ..)| person_key(who) != *key)
                    .map(|&(_, level, _)| level)
                    .collect();
                if others.is_empty() {
                    continue;
                }
                shared += 1;
                let mean = others.iter().sum::<usize>() as f64 / others.len() as f64;
                differences += mine as f64 - mean;
                for other in others {
                    comparisons += 1;
                    exact += usize::from(other == mine);
                    near += usize::from(other.abs_diff(mine) <= 1);
                }
            }
            let share = |count: usize| (comparisons > 0).then(|| count as f64 / comparisons as f64);
            interviewers.push(RaterFigures {
                interviewer: name.clone(),
                ratings,
                shared,
                leniency: (shared > 0).then(|| differences / shared as f64),
                exact_agreement: share(exact),
                within_one: share(near),
            });
        }
        let keys: Vec<&String> = names.keys().collect();
        let mut pairs = Vec::new();
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                let mut levels = 0;
                let shared: Vec<(usize, usize)> = items
                    .values()
                    .filter_map(|item| {
                        let find = |k: &str| item.iter().find(|(who, ..)| person_key(who) == k);
                        let (&(_, x, sx), &(_, y, sy)) = (find(a)?, find(b)?);
                        levels = levels.max(sx).max(sy).max(x).max(y);
                        Some((x, y))
                    })
                    .collect();
                if shared.is_empty() {
                    continue;
                }
                let n = shared.len();
                let (kappa, note) = if n < KAPPA_MIN_ITEMS {
                    (
                        None,
                        Some(format!(
                            "{n} shared rating{}: kappa needs {KAPPA_MIN_ITEMS}",
                            if n == 1 { "" } else { "s" }
                        )),
                    )
                } else {
                    match quadratic_kappa(&shared, levels) {
                        Some(k) => (Some(k), None),
                        None => (
                            None,
                            Some("no spread: each gave one level throughout".to_string()),
                        ),
                    }
                };
                pairs.push(PairFigures {
                    a: names[*a].clone(),
                    b: names[*b].clone(),
                    n,
                    kappa,
                    note,
                });
            }
        }
        Calibration {
            candidates: cards
                .iter()
                .map(|c| candidate_key(&c.candidate))
                .collect::<BTreeSet<_>>()
                .len(),
            shared_items: items.values().filter(|item| item.len() > 1).count(),
            interviewers,
            pairs,
            hidden_candidates,
            facilitator,
        }
    }
}

/// A bar of `level` out of `scale` in `width` cells (the median, so halves show as ▌).
pub fn bar(level: f64, scale: usize, width: usize) -> String {
    let scale = scale.max(1) as f64;
    let eighths = ((level / scale).clamp(0.0, 1.0) * width as f64 * 2.0).round() as usize;
    let mut bar = "█".repeat(eighths / 2);
    if eighths % 2 == 1 {
        bar.push('▌');
    }
    let filled = bar.chars().count();
    bar.push_str(&"·".repeat(width.saturating_sub(filled)));
    bar
}

/// The median of `levels` (the mean of the middle two when their number is even).
pub fn median(levels: &[usize]) -> Option<f64> {
    let mut sorted = levels.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

/// One cell of the comparison: the panel's levels for a candidate on a competency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub competency: String,
    pub ratings: Vec<usize>,
    pub median: f64,
    pub spread: usize,
    pub scale_size: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateRow {
    pub candidate: String,
    pub role: String,
    pub interviewers: usize,
    pub cells: Vec<Cell>,
    pub recommendations: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Competency id → name, in the order first met.
    pub competencies: Vec<(String, String)>,
    pub candidates: Vec<CandidateRow>,
    pub hidden_candidates: Vec<String>,
    pub facilitator: bool,
}

impl Comparison {
    /// Candidates × competencies over the (latest, visible) `cards` whose role contains `role`
    /// (any case), when given.
    pub fn new(
        cards: &[&TeamCard],
        role: Option<&str>,
        hidden_candidates: Vec<String>,
        facilitator: bool,
    ) -> Comparison {
        let role = role.map(str::to_lowercase);
        let cards: Vec<&TeamCard> = cards
            .iter()
            .copied()
            .filter(|c| {
                role.as_deref()
                    .is_none_or(|r| c.role.to_lowercase().contains(r.trim()))
            })
            .collect();
        let mut competencies: Vec<(String, String)> = Vec::new();
        let mut by_candidate: BTreeMap<String, Vec<&TeamCard>> = BTreeMap::new();
        for card in &cards {
            by_candidate
                .entry(candidate_key(&card.candidate))
                .or_default()
                .push(card);
            for rating in &card.ratings {
                if !competencies.iter().any(|(id, _)| *id == rating.competency) {
                    competencies.push((rating.competency.clone(), rating.competency_name.clone()));
                }
            }
        }
        let candidates = by_candidate
            .into_values()
            .map(|cards| {
                let debrief = Debrief::new("", &cards, facilitator);
                let cells = debrief
                    .competencies
                    .iter()
                    .map(|row| {
                        let ratings: Vec<usize> = row.ratings.values().copied().collect();
                        Cell {
                            competency: row.competency.clone(),
                            median: median(&ratings).unwrap_or(0.0),
                            spread: row.spread,
                            scale_size: row.scale_size,
                            ratings,
                        }
                    })
                    .collect();
                CandidateRow {
                    candidate: debrief.candidate,
                    role: cards.first().map_or_else(String::new, |c| c.role.clone()),
                    interviewers: cards.len(),
                    cells,
                    recommendations: debrief.recommendations,
                }
            })
            .collect();
        Comparison {
            competencies,
            candidates,
            hidden_candidates,
            facilitator,
        }
    }

    /// The cell of `candidate` on competency `id`.
    pub fn cell<'a>(row: &'a CandidateRow, id: &str) -> Option<&'a Cell> {
        row.cells.iter().find(|c| c.competency == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(table: &[((usize, usize), usize)]) -> Vec<(usize, usize)> {
        table
            .iter()
            .flat_map(|&(pair, n)| std::iter::repeat_n(pair, n))
            .collect()
    }

    #[test]
    fn kappa_of_two_levels_is_cohens_worked_example() {
        // Wikipedia's "Cohen's kappa" worked example: 50 grant proposals, both readers yes 20,
        // A yes B no 5, A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4. With two
        // categories the quadratic weights are Cohen's own (0 on agreement, 1 off it).
        let table = pairs(&[((2, 2), 20), ((2, 1), 5), ((1, 2), 10), ((1, 1), 15)]);
        let kappa = quadratic_kappa(&table, 2).unwrap();
        assert!((kappa - 0.4).abs() < 1e-12, "{kappa}");
    }

    #[test]
    fn kappa_weights_distance_quadratically() {
        // Worked by hand on a 4-level scale: Ada (3,1) (2,2) (2,2) (2,1) (3,3) (4,3) (3,3) (2,2).
        // Observed disagreement: (3,1) 4/9 + (2,1) 1/9 + (4,3) 1/9 = 6/9. Marginals: Ada 2:4
        // 3:3 4:1, Bo 1:2 2:3 3:3; expected Σ (i−j)² r_i c_j / (9·8) = 86/72. 1 − 48/86.
        let table = [
            (3, 1),
            (2, 2),
            (2, 2),
            (2, 1),
            (3, 3),
            (4, 3),
            (3, 3),
            (2, 2),
        ];
        let kappa = quadratic_kappa(&table, 4).unwrap();
        assert!((kappa - 38.0 / 86.0).abs() < 1e-12, "{kappa}");
        // A miss by three levels costs nine times a miss by one.
        let near = quadratic_kappa(&[(1, 1), (2, 2), (3, 3), (4, 3)], 4).unwrap();
        let far = quadratic_kappa(&[(1, 1), (2, 2), (3, 3), (4, 1)], 4).unwrap();
        assert!(near > far, "{near} {far}");
    }

    #[test]
    fn kappa_is_one_on_agreement_and_undefined_without_spread() {
        assert_eq!(quadratic_kappa(&[(1, 1), (2, 2), (4, 4)], 4), Some(1.0));
        assert_eq!(quadratic_kappa(&[(3, 3), (3, 3)], 4), None);
        assert_eq!(quadratic_kappa(&[], 4), None);
        assert_eq!(
            quadratic_kappa(&[(5, 1), (1, 2)], 4),
            None,
            "outside the scale"
        );
        // Systematic disagreement is worse than chance.
        assert!(quadratic_kappa(&[(1, 4), (4, 1), (2, 3), (3, 2)], 4).unwrap() < 0.0);
    }

    #[test]
    fn one_rating_has_no_spread_to_speak_of() {
        let mut jane = card("Jane", "Ada", "2026-11-20T10:00:00Z", 1);
        jane.ratings = vec![CardRating {
            competency: "f/a".into(),
            competency_name: "A".into(),
            level: Some(2),
            level_name: None,
            scale_size: 4,
            evidence: String::new(),
        }];
        let mut bo = jane.clone();
        bo.interviewer = "Bo".into();
        bo.ratings[0].level = Some(4);
        assert_eq!(
            Debrief::new("Jane", &[&jane], false).competencies[0].spread_text(),
            "one rating"
        );
        let both = Debrief::new("Jane", &[&jane, &bo], false);
        assert_eq!(both.competencies[0].spread_text(), "spread 2");
        assert!(both.competencies[0].mixed);
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3, 1, 2]), Some(2.0));
        assert_eq!(median(&[2, 1]), Some(1.5));
        assert_eq!(median(&[]), None);
    }

    fn card(candidate: &str, interviewer: &str, at: &str, version: u32) -> TeamCard {
        TeamCard {
            session: format!("s-{interviewer}"),
            candidate: candidate.into(),
            role: String::new(),
            interviewer: interviewer.into(),
            stage: String::new(),
            date: String::new(),
            recommendation: None,
            summary: String::new(),
            ratings: Vec::new(),
            questions: Vec::new(),
            submitted_at: at.into(),
            version,
        }
    }

    #[test]
    fn the_latest_version_of_each_interviewer_counts_and_others_hide_until_you_submit() {
        let cards = [
            card("Jane Doe", "Ada", "2026-11-20T10:00:00Z", 1),
            card("jane  doe", "ada", "2026-11-21T10:00:00Z", 2),
            card("Jane Doe", "Bo", "2026-11-20T11:00:00Z", 1),
            card("Li Wei", "Bo", "2026-11-20T11:00:00Z", 1),
        ];
        let newest = latest(&cards);
        assert_eq!(newest.len(), 3);
        assert!(newest.iter().any(|c| c.version == 2));
        let ada = Viewer {
            name: " ADA ".into(),
            facilitator: false,
        };
        let (shown, hidden) = visible(&newest, &ada);
        assert_eq!(shown.len(), 2, "both of Jane's");
        assert_eq!(hidden, ["Li Wei"]);
        let manager = Viewer {
            name: String::new(),
            facilitator: true,
        };
        assert_eq!(visible(&newest, &manager).0.len(), 3);
    }

    #[test]
    fn the_latest_submission_is_the_latest_instant_whatever_the_time_zone() {
        // 09:30 in New York is after 12:00 in London on the same day.
        let cards = [
            card("Jane Doe", "Ada", "2026-11-20T09:30:00-05:00", 1),
            card("Jane Doe", "Ada", "2026-11-20T12:00:00+00:00", 2),
        ];
        assert_eq!(latest(&cards)[0].version, 1);
    }

    #[test]
    fn a_level_beyond_the_scale_is_not_trusted() {
        let mut card = card("Jane", "Ada", "2026-11-20T10:00:00Z", 1);
        card.ratings = vec![
            CardRating {
                competency: "f/a".into(),
                competency_name: String::new(),
                level: Some(1_000_000_000),
                level_name: Some("huge".into()),
                scale_size: usize::MAX,
                evidence: String::new(),
            },
            CardRating {
                competency: "f/b".into(),
                competency_name: String::new(),
                level: Some(3),
                level_name: None,
                scale_size: 4,
                evidence: String::new(),
            },
        ];
        let said = card.keep_to_scales().unwrap();
        assert!(said.contains("f/a at level 1000000000"), "{said}");
        assert_eq!(card.ratings[0].level, None);
        assert_eq!(card.ratings[0].scale_size, crate::interview::MAX_LEVEL);
        assert_eq!(card.ratings[1].level, Some(3));
        let other = {
            let mut other = card.clone();
            other.interviewer = "Bo".into();
            other
        };
        // The figures stay within the scale: no matrix the size of a number in a file.
        let calibration = Calibration::new(&[&card, &other], Vec::new(), true);
        assert_eq!(calibration.shared_items, 1);
    }

    #[test]
    fn names_that_transliterate_alike_are_different_candidates_in_different_folders() {
        assert_ne!(candidate_key("王伟"), candidate_key("汪伟"));
        assert_ne!(candidate_folder("王伟"), candidate_folder("汪伟"));
        assert!(candidate_folder("王伟").starts_with("wang-wei-"));
        assert_ne!(candidate_folder("Zoë Park"), candidate_folder("Zoe Park"));
        assert_eq!(candidate_folder("Jane  DOE"), "jane-doe");
        assert_eq!(candidate_key("Jane  DOE"), candidate_key(" jane doe"));
        let cards = [
            card("王伟", "Carmen", "2026-11-20T10:00:00Z", 1),
            card("汪伟", "Ben", "2026-11-20T11:00:00Z", 1),
        ];
        let newest = latest(&cards);
        let carmen = Viewer {
            name: "Carmen".into(),
            facilitator: false,
        };
        let (shown, hidden) = visible(&newest, &carmen);
        assert_eq!(shown.len(), 1, "only her own candidate");
        assert_eq!(hidden, ["汪伟"]);
    }

    #[test]
    fn bars_fill_in_proportion_to_the_scale() {
        assert_eq!(bar(4.0, 4, 8), "████████");
        assert_eq!(bar(1.5, 4, 8), "███·····");
        assert_eq!(bar(1.25, 4, 8), "██▌·····");
        assert_eq!(bar(0.0, 4, 4), "····");
    }
}
