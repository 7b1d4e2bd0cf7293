//! Fuzzy search over everything in a library: competency names and definitions, behavior
//! statements, questions, key points, follow-ups and study topics, and the user's notes.
//!
//! Matching is `fuzzy-matcher`'s skim algorithm. Around it: text normalised once when the index is
//! built, a cheap character-set and subsequence check before scoring, narrowing from the previous
//! matches when the query only grew, scoring spread over the cores, and only the top results
//! sorted. No terminal code here; the browser runs a [`Searcher`] on a thread of its own.

mod index;
mod query;
pub(crate) mod stored;

/// Why a search for `input` in `library` can find nothing, when a filter in it cannot match (an
/// unknown `#tag`, a `level:` that is no level).
pub fn query_problem(library: &crate::content::Library, input: &str) -> Option<String> {
    query::Query::problem(input, &library.tags(), library.top_level())
}

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use index::Lower;
pub use index::{CompetencyRef, SearchIndex, StoryRef};
pub use query::Query;

/// What an entry of the index is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Competency,
    Definition,
    Behavior,
    Question,
    KeyPoint,
    FollowUp,
    Study,
    /// A line of the user's note on a question.
    Note,
    /// The title, the 90-second version or a line of one of the user's stories.
    Story,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Competency,
        Kind::Definition,
        Kind::Behavior,
        Kind::Question,
        Kind::KeyPoint,
        Kind::FollowUp,
        Kind::Study,
        Kind::Note,
        Kind::Story,
    ];

    /// The kind a query prefix such as `q:` asks for.
    pub fn from_prefix(prefix: &str) -> Option<Kind> {
        Some(match prefix {
            "c" => Kind::Competency,
            "d" => Kind::Definition,
            "b" => Kind::Behavior,
            "q" => Kind::Question,
            "k" => Kind::KeyPoint,
            "f" => Kind::FollowUp,
            "s" => Kind::Study,
            "n" => Kind::Note,
            "t" => Kind::Story,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Competency => "competency",
            Kind::Definition => "definition",
            Kind::Behavior => "behavior",
            Kind::Question => "question",
            Kind::KeyPoint => "key point",
            Kind::FollowUp => "follow-up",
            Kind::Study => "study",
            Kind::Note => "note",
            Kind::Story => "story",
        }
    }

    /// Added to each word's score: a match in a name or a question outranks a match of the same
    /// quality in long descriptive text, without lifting a scattered match above a clean one.
    fn bonus(self) -> i64 {
        match self {
            Kind::Competency => 40,
            Kind::Question => 25,
            Kind::Study | Kind::Note | Kind::Story => 10,
            Kind::Definition | Kind::Behavior | Kind::KeyPoint | Kind::FollowUp => 0,
        }
    }
}

/// The query prefixes, for the help and the README: (prefix, what it keeps).
pub const KIND_PREFIXES: &[(&str, &str)] = &[
    ("c:", "competency names"),
    ("d:", "definitions"),
    ("b:", "behavior statements"),
    ("q:", "questions"),
    ("k:", "key points"),
    ("f:", "follow-ups"),
    ("s:", "study topics"),
    ("n:", "your notes"),
    ("t:", "your stories"),
];

/// Bit `i` for the `i`-th letter, 26 + digit for digits, 63 for any other character.
fn char_mask(text: &str) -> u64 {
    text.chars().fold(0, |mask, c| {
        mask | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
            c if c.is_whitespace() => 0,
            _ => 1 << 63,
        }
    })
}

/// Words longer than this get the loosest bound, the word's score against itself: their splits
/// are too many to try.
const MAX_SPLIT_WORD: usize = 12;

/// The highest scores `word` can get in a text where it does not stand whole: the best of every
/// way to cut it into pieces, each piece at the head of a word (where skim gives the most). Two
/// bounds: `.0` when the first piece may sit at the very start of the text (where skim doubles the
/// first character's bonus), `.1` when the text does not start with the word's first character.
/// `None` for a word too long to try every split.
pub fn split_bound(word: &str) -> Option<(i64, i64)> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n > MAX_SPLIT_WORD {
        return None;
    }
    if n < 2 {
        // A single character always stands whole where it matches.
        return Some((0, 0));
    }
    // Each bit of `cuts` says whether a gap follows that character; at least one gap. Up to
    // 2,048 splits, each scored twice: spread over the cores.
    let (at_start, later) = (1u32..(1 << (n - 1)))
        .into_par_iter()
        .map(|cuts| {
            let mut text = String::from("x ");
            for (i, c) in chars.iter().enumerate() {
                text.push(*c);
                if i + 1 < n && cuts & (1 << i) != 0 {
                    text.push(' ');
                }
            }
            let later = score(&text, word).unwrap_or(0);
            let at_start = score(&text[2..], word).unwrap_or(0);
            (at_start, later)
        })
        .reduce(|| (0, 0), |a, b| (a.0.max(b.0), a.1.max(b.1)));
    Some((at_start.max(later), later))
}

/// True when the characters of `word` appear in `text` in order (both lowercased): a fuzzy match
/// is impossible otherwise, and this is far cheaper than scoring.
fn is_subsequence(text: Lower, word: &str) -> bool {
    if word.is_ascii() {
        // A byte below 128 is a whole character in UTF-8, so bytes compare as characters here.
        let mut rest = text.text.as_bytes();
        return word.bytes().all(|b| {
            let at = if text.fold && b.is_ascii_lowercase() {
                memchr::memchr2(b, b.to_ascii_uppercase(), rest)
            } else {
                memchr::memchr(b, rest)
            };
            match at {
                Some(at) => {
                    rest = &rest[at + 1..];
                    true
                }
                None => false,
            }
        });
    }
    let mut chars = text
        .text
        .chars()
        .map(|c| if text.fold { c.to_ascii_lowercase() } else { c });
    word.chars().all(|w| chars.any(|t| t == w))
}

/// True when `word` stands in `text` as typed (both lowercased). `finder` finds `word`.
fn stands_in(text: Lower, word: &str, finder: &memchr::memmem::Finder) -> bool {
    if !text.fold {
        return finder.find(text.text.as_bytes()).is_some();
    }
    let (hay, needle) = (text.text.as_bytes(), word.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    let mut from = 0;
    while from <= last_start {
        let window = &hay[from..=last_start];
        let at = if first.is_ascii_lowercase() {
            memchr::memchr2(first, first.to_ascii_uppercase(), window)
        } else {
            memchr::memchr(first, window)
        };
        let Some(at) = at else {
            return false;
        };
        let start = from + at;
        if hay[start + 1..start + needle.len()].eq_ignore_ascii_case(rest) {
            return true;
        }
        from = start + 1;
    }
    false
}

/// Skim's score of `word` in `text`, case ignored; `None` when it does not match.
///
/// Each call gets a matcher of its own. Kept between calls, `fuzzy-matcher` 0.3.7's scoring
/// buffers leak into the next score: a cell of its score matrix (the bonus of a run of matched
/// letters) is read before the call has written it, so a text's score could depend on the texts
/// scored before it on the same thread, and results on the order the cores took entries in. Its
/// `use_cache(false)` would fix that, but panics (the buffer is still borrowed when it is
/// dropped). See skim-rs/skim#1071 for the symptom in skim itself. Only the part of `text` that
/// can hold a match is scored ([`match_span`]).
pub fn score(text: &str, word: &str) -> Option<i64> {
    fresh_matcher().fuzzy_match(match_span(text, word)?, word)
}

/// Like [`score`], with the character positions of the best match, for highlighting.
pub fn score_and_positions(text: &str, word: &str) -> Option<(i64, Vec<usize>)> {
    fresh_matcher().fuzzy_indices(match_span(text, word)?, word)
}

fn fresh_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

/// The part of `text` that can hold a match of `word`: up to the last occurrence of the word's
/// last character (as skim compares characters: ASCII letters in either case). Scoring that part
/// gives exactly the score and positions of scoring the whole text, since skim's score of a
/// character depends only on it and the one before it, and a match must end on the word's last
/// character; it saves scoring the text's tail. `None` if the character does not occur.
pub fn match_span<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let last = word.chars().next_back()?;
    let at = text.rfind(|c: char| c.eq_ignore_ascii_case(&last))?;
    let end = at + text[at..].chars().next()?.len_utf8();
    Some(&text[..end])
}

/// What bounds a word's score in a text (see [`Searcher::top`]), worked out once for each word
/// typed: trying every split of a long word takes thousands of scores.
#[derive(Debug, Clone)]
struct WordBounds {
    word: String,
    first: Option<char>,
    /// The word against itself: its score at the start of a text.
    at_start: i64,
    /// The word standing whole at the head of a later word.
    later: i64,
    /// Its best split when the text starts with the word's first character, and otherwise.
    split: (i64, i64),
}

impl WordBounds {
    /// The bounds of each of `words`, taken from `known` where they are there.
    fn of(words: &[String], known: &[WordBounds]) -> Vec<WordBounds> {
        words
            .iter()
            .map(|word| {
                if let Some(known) = known.iter().find(|k| k.word == *word) {
                    return known.clone();
                }
                let at_start = score(word, word).unwrap_or(0);
                WordBounds {
                    word: word.clone(),
                    first: word.chars().next(),
                    at_start,
                    later: score(&format!("x {word}"), word).unwrap_or(0),
                    split: split_bound(word).unwrap_or((at_start, at_start)),
                }
            })
            .collect()
    }

    /// The most the word can score in a text (lowercased), given whether it stands whole in it
    /// (`None`: not known, for words past the 64th of a query).
    /// Not standing whole, it is split by gaps: it scores at most its best split, less when the
    /// text does not start with the word's first character. Standing whole but not at the start,
    /// a split can still score more (its first piece at the start), so it is bounded by the
    /// better of the two.
    fn bound(&self, lower: Lower, whole: Option<bool>) -> i64 {
        if lower.starts_with(&self.word) {
            return self.at_start;
        }
        let (split_start, split_later) = self.split;
        let split = match self.first {
            Some(c) if lower.starts_with_char(c) => split_start,
            _ => split_later,
        };
        match whole {
            Some(true) => self.later.max(split),
            Some(false) => split,
            None => self.at_start,
        }
    }
}

/// One result, ready to show or print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResult {
    pub kind: Kind,
    /// Index into [`SearchIndex::competencies`].
    pub competency: usize,
    /// Index into [`SearchIndex::questions`].
    pub question: Option<usize>,
    /// The question's index within its competency.
    pub question_in_competency: Option<usize>,
    /// Index into [`SearchIndex::stories`], for a story's result.
    pub story: Option<usize>,
    pub level: Option<usize>,
    /// Every word stands in the text as typed. Such results rank above the others, whatever
    /// their score.
    pub contiguous: bool,
    pub score: i64,
    pub text: String,
    /// Character positions of `text` that matched, ascending, for highlighting.
    pub matched: Vec<usize>,
}

/// Runs queries against an index, remembering the last one to narrow the next.
pub struct Searcher {
    index: std::sync::Arc<SearchIndex>,
    last: Option<LastSearch>,
    /// The bounds of the last query's words, for the next keystroke.
    bounds: Vec<WordBounds>,
}

/// The last query, every entry that passed its cheap stage, and its answer.
struct LastSearch {
    query: Query,
    limit: usize,
    /// In index order.
    matched: Vec<u32>,
    results: Vec<SearchResult>,
}

/// An entry that passed the cheap stage, and which of the query's words stand whole in it.
#[derive(Debug, Clone, Copy)]
struct Found {
    entry: u32,
    /// Bit `w` for the `w`-th word standing as typed (the first 64 words only).
    whole: u64,
    /// Every word stands as typed: the first tier.
    contiguous: bool,
}

/// A scored entry. Entries where every word stands contiguous (tier 0) rank above the others.
#[derive(Debug, Clone, Copy)]
struct Hit {
    tier: u8,
    score: i64,
    entry: u32,
}

impl Hit {
    /// Best first: lower tier, higher score, then the index's order, so ties never reorder.
    fn order(a: &Hit, b: &Hit) -> std::cmp::Ordering {
        (a.tier, std::cmp::Reverse(a.score), a.entry).cmp(&(
            b.tier,
            std::cmp::Reverse(b.score),
            b.entry,
        ))
    }
}

/// The cheap stage takes entries in chunks of this size, one chunk per task.
const CHUNK: usize = 2048;

/// Ranking scores a chunk of entries between looks at the results so far (which may end it or
/// drop entries early): as many as the results wanted, within these limits...
const RANK_CHUNK: (usize, usize) = (64, 512);
/// ...spread over the cores in parts of this size.
const RANK_PART: usize = 32;

impl Searcher {
    pub fn new(index: std::sync::Arc<SearchIndex>) -> Searcher {
        Searcher {
            index,
            last: None,
            bounds: Vec::new(),
        }
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Searches these stories from now on, in place of the ones before.
    pub fn set_stories(&mut self, stories: &[crate::stories::Story]) {
        std::sync::Arc::make_mut(&mut self.index).set_stories(stories);
        self.last = None;
    }

    /// Searches these notes from now on, in place of the ones before.
    pub fn set_notes(&mut self, notes: &std::collections::BTreeMap<String, String>) {
        std::sync::Arc::make_mut(&mut self.index).set_notes(notes);
        self.last = None;
    }

    /// The best `limit` results for `input`, best first; equal scores keep the index's order, so
    /// results do not jump around between keystrokes.
    pub fn search(&mut self, input: &str, limit: usize) -> Vec<SearchResult> {
        let query = Query::parse(input);
        if query.is_empty() || limit == 0 {
            self.last = None;
            return Vec::new();
        }
        // The same query again (a space typed, say): the same answer.
        if let Some(last) = self
            .last
            .as_ref()
            .filter(|l| l.query == query && l.limit == limit)
        {
            return last.results.clone();
        }
        let index = &*self.index;
        let tag_ids: Vec<Option<u16>> = query
            .tags
            .iter()
            .map(|t| index.tags.iter().position(|x| x == t).map(|i| i as u16))
            .collect();
        let masks: Vec<u64> = query.words.iter().map(|w| char_mask(w)).collect();
        let finders: Vec<memchr::memmem::Finder> = query
            .words
            .iter()
            .map(memchr::memmem::Finder::new)
            .collect();
        // Stage one, cheap: the filters, then every word's letters in order. Entries where each
        // word also stands as it is typed (contiguous) form the first tier.
        let candidate = |i: u32| -> Option<Found> {
            if !index.passes_filters(i, &query, &tag_ids) {
                return None;
            }
            let entry_mask = index.masks[i as usize];
            let lower = index.lower(i);
            let mut found = Found {
                entry: i,
                whole: 0,
                contiguous: true,
            };
            for (w, ((word, mask), finder)) in
                query.words.iter().zip(&masks).zip(&finders).enumerate()
            {
                if entry_mask & mask != *mask || !is_subsequence(lower, word) {
                    return None;
                }
                let stands = stands_in(lower, word, finder);
                found.contiguous &= stands;
                if stands && w < 64 {
                    found.whole |= 1 << w;
                }
            }
            Some(found)
        };
        let narrowed = match &self.last {
            Some(last) if query.narrows(&last.query) => Some(&last.matched),
            _ => None,
        };
        let candidates: Vec<Found> = match narrowed {
            Some(earlier) => earlier
                .par_chunks(CHUNK)
                .flat_map_iter(|chunk| chunk.iter().filter_map(|&i| candidate(i)))
                .collect(),
            None => (0..index.len() as u32)
                .into_par_iter()
                .with_min_len(CHUNK)
                .filter_map(candidate)
                .collect(),
        };
        // Stage two, the skim scorer: the first tier, then the rest only for the places the
        // first tier leaves, since they rank below it whatever their score.
        let (first_tier, rest): (Vec<Found>, Vec<Found>) =
            candidates.iter().partition(|found| found.contiguous);
        if !candidates.is_empty() {
            // Each new word's bounds take up to thousands of scores: only when there is
            // something to rank.
            self.bounds = WordBounds::of(&query.words, &self.bounds);
        }
        let mut hits = self.top(&query, &first_tier, limit, 0);
        if hits.len() < limit {
            hits.extend(self.top(&query, &rest, limit - hits.len(), 1));
        }
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, Hit::order);
        }
        hits.truncate(limit);
        hits.sort_unstable_by(Hit::order);
        let results: Vec<SearchResult> = hits
            .into_par_iter()
            .map(|hit| self.result(hit, &query))
            .collect();
        // Every candidate, in index order, is what the next, longer query needs to look at.
        let matched = candidates.into_iter().map(|found| found.entry).collect();
        self.last = Some(LastSearch {
            query,
            limit,
            matched,
            results: results.clone(),
        });
        results
    }

    /// The best `limit` of `entries` (in index order, all of one tier) without scoring them all.
    ///
    /// A word scores highest against a text that starts with it; in a text it does not stand in
    /// whole, at most its best split ([`split_bound`]); in one it stands in later, at most the
    /// better of that and its score at the head of a later word (properties of the skim scorer,
    /// checked on random texts by the tests). That bounds each entry's score, word by word.
    ///
    /// Entries are taken by bound, highest first, in index order within a bound, a chunk at a
    /// time; once `limit` hits are known that nothing left can beat (on score, or on index at an
    /// equal score), the rest is never scored. Within an entry, the words that do not stand whole
    /// (whose bounds are loosest) are scored first, and the entry is dropped as soon as its exact
    /// scores so far plus the other words' bounds cannot beat the results already known.
    fn top(&self, query: &Query, entries: &[Found], limit: usize, tier: u8) -> Vec<Hit> {
        if limit == 0 || entries.is_empty() {
            return Vec::new();
        }
        let words = &self.bounds;
        let n = query.words.len();
        // Each candidate's bound per word (kind bonus included); candidates grouped by their
        // total bound.
        let mut bounds = vec![0i64; entries.len() * n];
        let mut by_bound: std::collections::BTreeMap<i64, Vec<u32>> = Default::default();
        for (k, found) in entries.iter().enumerate() {
            let lower = self.index.lower(found.entry);
            let bonus = self.index.meta[found.entry as usize].kind.bonus();
            let row = &mut bounds[k * n..(k + 1) * n];
            for (w, word) in words.iter().enumerate() {
                let whole = (w < 64).then(|| found.whole & (1 << w) != 0);
                row[w] = word.bound(lower, whole) + bonus;
            }
            by_bound.entry(row.iter().sum()).or_default().push(k as u32);
        }
        let chunk_size = limit.clamp(RANK_CHUNK.0, RANK_CHUNK.1);
        let mut best: Vec<Hit> = Vec::with_capacity(limit.min(entries.len()) + chunk_size);
        for (bound, group) in by_bound.into_iter().rev() {
            for chunk in group.chunks(chunk_size) {
                let threshold = best.get(limit - 1).map(|last| (last.score, last.entry));
                if let Some((score, entry)) = threshold {
                    let next = entries[chunk[0] as usize].entry;
                    if score > bound || (score == bound && next > entry) {
                        return best;
                    }
                }
                let scored: Vec<Hit> = chunk
                    .par_chunks(RANK_PART)
                    .flat_map_iter(|part| {
                        part.iter().filter_map(|&k| {
                            let k = k as usize;
                            self.hit(
                                query,
                                entries[k],
                                tier,
                                &bounds[k * n..(k + 1) * n],
                                threshold,
                            )
                        })
                    })
                    .collect();
                best.extend(scored);
                best.sort_unstable_by(Hit::order);
                best.truncate(limit);
            }
        }
        best
    }

    /// The entry scored against every word, with its kind's bonus. `None` if skim finds no match,
    /// or if the entry cannot beat `threshold` (the score and entry of the last result kept so
    /// far): `bounds` holds each word's bound in this entry. The words that do not stand whole
    /// are scored first.
    fn hit(
        &self,
        query: &Query,
        found: Found,
        tier: u8,
        bounds: &[i64],
        threshold: Option<(i64, u32)>,
    ) -> Option<Hit> {
        let i = found.entry;
        let text = self.index.text(i);
        let bonus = self.index.meta[i as usize].kind.bonus();
        let is_loose = |w: usize| w < 64 && found.whole & (1 << w) == 0;
        let order = (0..query.words.len())
            .filter(|&w| is_loose(w))
            .chain((0..query.words.len()).filter(|&w| !is_loose(w)));
        let mut score = 0;
        let mut rest: i64 = bounds.iter().sum();
        for w in order {
            score += self::score(text, &query.words[w])? + bonus;
            rest -= bounds[w];
            if let Some((last_score, last_entry)) = threshold {
                let best_possible = score + rest;
                if best_possible < last_score || (best_possible == last_score && i > last_entry) {
                    return None;
                }
            }
        }
        Some(Hit {
            tier,
            score,
            entry: i,
        })
    }

    fn result(&self, hit: Hit, query: &Query) -> SearchResult {
        let text = self.index.text(hit.entry);
        let entry = self.index.meta[hit.entry as usize];
        let mut matched: Vec<usize> = query
            .words
            .iter()
            .filter_map(|w| score_and_positions(text, w))
            .flat_map(|(_, positions)| positions)
            .collect();
        matched.sort_unstable();
        matched.dedup();
        let story = entry.question().filter(|_| entry.kind == Kind::Story);
        let question = entry.question().filter(|_| entry.kind != Kind::Story);
        SearchResult {
            kind: entry.kind,
            competency: entry.competency as usize,
            question: question.map(|q| q as usize),
            question_in_competency: question.map(|q| self.index.questions[q as usize].1),
            story: story.map(|s| s as usize),
            level: entry.level().map(usize::from),
            contiguous: hit.tier == 0,
            score: hit.score,
            text: text.to_string(),
            matched,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_and_subsequences() {
        assert_eq!(char_mask("ab"), 0b11);
        assert_eq!(char_mask("a1"), 1 | 1 << 27);
        assert_ne!(char_mask("é") & (1 << 63), 0);
        let folded = |text| Lower { text, fold: true };
        let own = |text| Lower { text, fold: false };
        assert!(is_subsequence(own("escalation"), "esclt"));
        assert!(is_subsequence(folded("EsCaLation"), "esclt"));
        assert!(!is_subsequence(folded("escalation"), "tse"));
        assert!(is_subsequence(own("面接の準備"), "準備"));
        assert!(!is_subsequence(own("面接の準備"), "準面"));
        assert!(is_subsequence(folded("A面b"), "ab"));
        assert!(!is_subsequence(folded("ba"), "ab"));
        assert!(is_subsequence(folded("abc"), ""));
        let finder = |w| memchr::memmem::Finder::new(w);
        assert!(stands_in(folded("An SLA breach"), "sla", &finder("sla")));
        assert!(!stands_in(folded("An SL breach"), "sla", &finder("sla")));
        assert!(stands_in(folded("Slab"), "sla", &finder("sla")));
        assert!(!stands_in(folded("sl"), "sla", &finder("sla")));
        assert!(stands_in(folded("x É"), "x", &finder("x")));
    }
}
