//! The search index's storage: every text once, one after another in one arena, with columns of
//! fixed-size facts beside it (where each text ends, which letters it holds, what it is). No
//! `String` per entry and no pointers, so the index is compact in memory and written to and read
//! from the cache as it stands ([`super::stored`]).

use rayon::prelude::*;

use super::{Kind, char_mask};
use crate::content::Library;

/// Set in an entry's mask when the entry has a lowercase copy of its own (see
/// [`SearchIndex::lower`]). No query word's mask has it.
pub(super) const OWN_LOWER: u64 = 1 << 62;

/// `u32::MAX` in [`Meta::question`]: no question.
pub(super) const NO_QUESTION: u32 = u32::MAX;

/// What an entry is and where it belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Meta {
    /// Index into [`SearchIndex::competencies`].
    pub competency: u32,
    /// Index into [`SearchIndex::questions`], for a question and its key points and follow-ups;
    /// for a story's entry, into [`SearchIndex::stories`]; [`NO_QUESTION`] otherwise.
    pub question: u32,
    /// Index into [`SearchIndex::tagsets`]: the question's tags and the competency's.
    pub tagset: u32,
    pub kind: Kind,
    /// 0 for none.
    pub level: u8,
}

impl Meta {
    pub fn question(&self) -> Option<u32> {
        (self.question != NO_QUESTION).then_some(self.question)
    }

    pub fn level(&self) -> Option<u8> {
        (self.level != 0).then_some(self.level)
    }
}

/// An entry's competency: its id and name. The index lists competencies in the library's order
/// (framework by framework), the order of the browser's list, so a result's competency number is
/// also its row there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetencyRef {
    pub id: String,
    pub name: String,
}

/// A story of the user's, as a search result names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRef {
    pub id: String,
    pub title: String,
    /// Index into [`SearchIndex::competencies`] of the first competency it evidences.
    pub competency: Option<usize>,
}

/// Everything searchable, prepared once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    /// Every entry's text, in index order.
    pub(super) text: String,
    /// Where each entry's text ends in `text`; it starts where the one before ends.
    pub(super) ends: Vec<u32>,
    /// Which of a–z, 0–9 and "anything else" occur in each entry's lowercased text, and
    /// [`OWN_LOWER`].
    pub(super) masks: Vec<u64>,
    pub(super) meta: Vec<Meta>,
    /// Lowercase copies of the texts whose lowercase is not their ASCII lowercase (a capital
    /// beyond ASCII, say), one after another; every other text is compared with ASCII letters
    /// folded, which gives the same answer.
    pub(super) lower_text: String,
    /// `(entry, end in lower_text)` for each copy, by entry.
    pub(super) lower_ends: Vec<(u32, u32)>,
    /// Sets of tag numbers (into `tags`), each once.
    pub(super) tagsets: Vec<Box<[u16]>>,
    /// Entries before this one come from the library; notes and stories follow.
    pub(super) library_len: u32,
    pub competencies: Vec<CompetencyRef>,
    /// Question ids, and each question's index within its competency.
    pub questions: Vec<(String, usize)>,
    pub(super) tags: Vec<String>,
    /// The most levels any framework's scale has.
    pub(super) top_level: u32,
    /// The user's stories: id and title, and the competency each evidences first.
    pub stories: Vec<StoryRef>,
}

/// An entry's lowercased text as search compares it: its own copy, or its text with ASCII
/// letters folded (`fold`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Lower<'a> {
    pub text: &'a str,
    pub fold: bool,
}

impl Lower<'_> {
    /// True when the lowercased text starts with `word` (lowercase).
    pub fn starts_with(&self, word: &str) -> bool {
        if self.fold {
            let (text, word) = (self.text.as_bytes(), word.as_bytes());
            text.len() >= word.len() && text[..word.len()].eq_ignore_ascii_case(word)
        } else {
            self.text.starts_with(word)
        }
    }

    /// True when the lowercased text starts with the (lowercase) character `c`.
    pub fn starts_with_char(&self, c: char) -> bool {
        let mut buffer = [0; 4];
        self.starts_with(c.encode_utf8(&mut buffer))
    }
}

/// Entries built apart (one competency's, or notes), to be appended to an index.
#[derive(Default)]
pub(super) struct Part {
    text: String,
    ends: Vec<u32>,
    masks: Vec<u64>,
    meta: Vec<Meta>,
    /// Own lowercase copies: (entry within the part, text).
    lower: Vec<(u32, String)>,
    /// Tag sets, numbered within the part (`Meta::tagset`).
    tagsets: Vec<Box<[u16]>>,
}

impl Part {
    fn push(&mut self, mut meta: Meta, tags: &[u16], text: &str) {
        let lower = text.to_lowercase();
        let mut mask = char_mask(&lower);
        if lower != text.to_ascii_lowercase() {
            mask |= OWN_LOWER;
            self.lower.push((self.ends.len() as u32, lower));
        }
        meta.tagset = match self.tagsets.iter().position(|t| **t == *tags) {
            Some(at) => at as u32,
            None => {
                self.tagsets.push(tags.into());
                self.tagsets.len() as u32 - 1
            }
        };
        self.text.push_str(text);
        self.ends.push(self.text.len() as u32);
        self.masks.push(mask);
        self.meta.push(meta);
    }
}

/// Positions in the tag table of `names` (all interned when the index was built).
fn tag_ids(table: &[String], names: &[String]) -> Vec<u16> {
    names
        .iter()
        .filter_map(|name| {
            let lower = name.to_lowercase();
            table.iter().position(|t| *t == lower).map(|i| i as u16)
        })
        .collect()
}

fn meta(kind: Kind, competency: u32, question: Option<u32>, level: Option<u8>) -> Meta {
    Meta {
        competency,
        question: question.unwrap_or(NO_QUESTION),
        tagset: 0,
        kind,
        level: level.unwrap_or(0),
    }
}

/// Every searchable text of one competency, in the index's order.
fn competency_part(
    tags: &[String],
    comp: u32,
    competency: &crate::content::Competency,
    first_question: u32,
) -> Part {
    let comp_tags = tag_ids(tags, &competency.tags);
    let mut part = Part::default();
    let whole = |kind| meta(kind, comp, None, None);
    part.push(whole(Kind::Competency), &comp_tags, &competency.name);
    part.push(whole(Kind::Definition), &comp_tags, &competency.definition);
    for (l, statements) in competency.behaviors.iter().enumerate() {
        let level = u8::try_from(l + 1).ok();
        for statement in statements {
            part.push(
                meta(Kind::Behavior, comp, None, level),
                &comp_tags,
                statement,
            );
        }
    }
    for topic in &competency.study {
        part.push(whole(Kind::Study), &comp_tags, topic);
    }
    for (q, question) in competency.questions.iter().enumerate() {
        let qi = Some(first_question + q as u32);
        let mut question_tags = tag_ids(tags, &question.tags);
        question_tags.extend_from_slice(&comp_tags);
        let level = question.level.and_then(|l| u8::try_from(l).ok());
        let of = |kind| meta(kind, comp, qi, level);
        part.push(of(Kind::Question), &question_tags, &question.text);
        for point in &question.key_points {
            part.push(of(Kind::KeyPoint), &question_tags, point);
        }
        for follow_up in &question.follow_ups {
            part.push(of(Kind::FollowUp), &question_tags, follow_up);
        }
    }
    part
}

impl SearchIndex {
    pub fn build(library: &Library) -> SearchIndex {
        // First, in order and cheaply: competency and question references, and the tag table.
        let mut index = SearchIndex::default();
        let mut jobs = Vec::new();
        for framework in &library.frameworks {
            for competency in &framework.competencies {
                let comp = index.competencies.len() as u32;
                index.competencies.push(CompetencyRef {
                    id: competency.id.clone(),
                    name: competency.name.clone(),
                });
                let first_question = index.questions.len() as u32;
                index.intern(&competency.tags);
                for (q, question) in competency.questions.iter().enumerate() {
                    index.questions.push((question.id.clone(), q));
                    index.intern(&question.tags);
                }
                jobs.push((comp, competency, first_question));
            }
        }
        // Then the costly part, every text lowercased and masked, on every core.
        let tags = &index.tags;
        let parts: Vec<Part> = jobs
            .par_iter()
            .map(|&(comp, competency, first_question)| {
                competency_part(tags, comp, competency, first_question)
            })
            .collect();
        let mut set_numbers = std::collections::HashMap::new();
        for part in parts {
            index.append(part, &mut set_numbers);
        }
        index.library_len = index.ends.len() as u32;
        index.top_level = u32::try_from(library.top_level()).unwrap_or(u32::MAX);
        index
    }

    /// Why a search for `input` can find nothing, when a filter in it cannot match (see
    /// [`super::query_problem`]), from the index alone.
    pub fn query_problem(&self, input: &str) -> Option<String> {
        let tags = self.tags.iter().cloned().collect();
        super::Query::problem(input, &tags, self.top_level as usize)
    }

    /// Adds `part`'s entries at the end. `set_numbers` remembers the number of each tag set
    /// already in the index. Texts past 4 GiB in all are left out: offsets are 32-bit.
    fn append(&mut self, part: Part, set_numbers: &mut std::collections::HashMap<Box<[u16]>, u32>) {
        let base = self.text.len();
        if base + part.text.len() > u32::MAX as usize {
            return;
        }
        let first = self.ends.len() as u32;
        let numbers: Vec<u32> = part
            .tagsets
            .into_iter()
            .map(|set| {
                *set_numbers.entry(set.clone()).or_insert_with(|| {
                    self.tagsets.push(set);
                    self.tagsets.len() as u32 - 1
                })
            })
            .collect();
        self.text.push_str(&part.text);
        self.ends
            .extend(part.ends.iter().map(|end| (base + *end as usize) as u32));
        self.masks.extend_from_slice(&part.masks);
        self.meta.extend(part.meta.iter().map(|m| Meta {
            tagset: numbers[m.tagset as usize],
            ..*m
        }));
        for (entry, lower) in part.lower {
            self.lower_text.push_str(&lower);
            self.lower_ends
                .push((first + entry, self.lower_text.len() as u32));
        }
    }

    /// The number of each tag set, as [`SearchIndex::append`] wants them.
    fn set_numbers(&self) -> std::collections::HashMap<Box<[u16]>, u32> {
        self.tagsets
            .iter()
            .enumerate()
            .map(|(i, set)| (set.clone(), i as u32))
            .collect()
    }

    /// Entry `i`'s text.
    pub(super) fn text(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..self.ends[i] as usize).unwrap_or("")
    }

    /// Entry `i`'s text as search compares it.
    pub(super) fn lower(&self, i: u32) -> Lower<'_> {
        if self.masks[i as usize] & OWN_LOWER == 0 {
            return Lower {
                text: self.text(i),
                fold: true,
            };
        }
        let text = match self
            .lower_ends
            .binary_search_by_key(&i, |&(entry, _)| entry)
        {
            Ok(at) => {
                let start = if at == 0 {
                    0
                } else {
                    self.lower_ends[at - 1].1 as usize
                };
                self.lower_text
                    .get(start..self.lower_ends[at].1 as usize)
                    .unwrap_or("")
            }
            Err(_) => "",
        };
        Lower { text, fold: false }
    }

    pub(super) fn tags_of(&self, i: u32) -> &[u16] {
        self.tagsets
            .get(self.meta[i as usize].tagset as usize)
            .map_or(&[], |set| &set[..])
    }

    /// Drops the entries after the library's, keeping those `keep` says to keep, in order.
    fn retain_added(&mut self, keep: impl Fn(Kind) -> bool) {
        let from = self.library_len;
        let kept: Vec<(Meta, String)> = (from..self.ends.len() as u32)
            .filter(|&i| keep(self.meta[i as usize].kind))
            .map(|i| (self.meta[i as usize], self.text(i).to_string()))
            .collect();
        let from = from as usize;
        let text_end = if from == 0 {
            0
        } else {
            self.ends[from - 1] as usize
        };
        self.text.truncate(text_end);
        self.ends.truncate(from);
        self.masks.truncate(from);
        self.meta.truncate(from);
        let lower_kept = self
            .lower_ends
            .partition_point(|&(entry, _)| (entry as usize) < from);
        let lower_end = if lower_kept == 0 {
            0
        } else {
            self.lower_ends[lower_kept - 1].1 as usize
        };
        self.lower_text.truncate(lower_end);
        self.lower_ends.truncate(lower_kept);
        let mut part = Part::default();
        for (meta, text) in kept {
            let tags = self.tagsets[meta.tagset as usize].clone();
            part.push(meta, &tags, &text);
        }
        let mut numbers = self.set_numbers();
        self.append(part, &mut numbers);
    }

    /// Replaces the notes in the index: one entry per non-blank line of each note, found under its
    /// question. Notes of questions not in the library are left out.
    pub fn set_notes(&mut self, notes: &std::collections::BTreeMap<String, String>) {
        self.retain_added(|kind| kind != Kind::Note);
        let positions: std::collections::HashMap<&str, usize> = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.as_str(), i))
            .collect();
        // The question's entry holds its competency, level and tags.
        let question_entries: std::collections::HashMap<u32, u32> = (0..self.library_len)
            .filter(|&i| self.meta[i as usize].kind == Kind::Question)
            .filter_map(|i| Some((self.meta[i as usize].question()?, i)))
            .collect();
        let mut part = Part::default();
        for (id, note) in notes {
            let Some(&q) = positions.get(id.as_str()) else {
                continue;
            };
            let Some(&at) = question_entries.get(&(q as u32)) else {
                continue;
            };
            let question = self.meta[at as usize];
            let tags = self.tags_of(at);
            for line in note.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let line = crate::text::inert(line);
                part.push(
                    Meta {
                        kind: Kind::Note,
                        ..question
                    },
                    tags,
                    &line,
                );
            }
        }
        let mut numbers = self.set_numbers();
        self.append(part, &mut numbers);
    }

    /// Replaces the stories in the index: each story's title, its 90-second version and every
    /// line of its text (headings aside).
    pub fn set_stories(&mut self, stories: &[crate::stories::Story]) {
        self.retain_added(|kind| kind != Kind::Story);
        self.stories.clear();
        let mut part = Part::default();
        for story in stories {
            let competency = story
                .competencies
                .first()
                .and_then(|e| self.competencies.iter().position(|c| c.id == e.competency));
            let at = self.stories.len() as u32;
            self.stories.push(StoryRef {
                id: story.id.clone(),
                title: story.title.clone(),
                competency,
            });
            let comp = competency.unwrap_or(0) as u32;
            let level = story
                .competencies
                .first()
                .and_then(|e| u8::try_from(e.level).ok());
            let lines = std::iter::once(story.title.as_str())
                .chain(std::iter::once(story.summary.as_str()))
                .chain(
                    story
                        .body
                        .lines()
                        .filter(|l| !l.trim_start().starts_with('#')),
                );
            for line in lines.map(str::trim).filter(|l| !l.is_empty()) {
                part.push(
                    meta(Kind::Story, comp, Some(at), level),
                    &[],
                    &crate::text::inert(line),
                );
            }
        }
        let mut numbers = self.set_numbers();
        self.append(part, &mut numbers);
    }

    /// Adds the tags not yet in the table.
    fn intern(&mut self, tags: &[String]) {
        for tag in tags {
            let lower = tag.to_lowercase();
            if !self.tags.contains(&lower) {
                self.tags.push(lower);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Bytes held by the index's texts and columns (an estimate, for the benchmarks).
    pub fn heap_bytes(&self) -> usize {
        self.text.len()
            + self.lower_text.len()
            + self.ends.len() * 4
            + self.masks.len() * 8
            + self.meta.len() * std::mem::size_of::<Meta>()
            + self.lower_ends.len() * 8
            + self.tagsets.iter().map(|t| 16 + t.len() * 2).sum::<usize>()
            + self
                .competencies
                .iter()
                .map(|c| 48 + c.id.len() + c.name.len())
                .sum::<usize>()
            + self
                .questions
                .iter()
                .map(|(id, _)| 32 + id.len())
                .sum::<usize>()
    }

    pub(super) fn passes_filters(
        &self,
        i: u32,
        query: &super::Query,
        tag_ids: &[Option<u16>],
    ) -> bool {
        let meta = &self.meta[i as usize];
        (query.kinds.is_empty() || query.kinds.contains(&meta.kind))
            && query
                .level
                .is_none_or(|l| meta.level().is_some_and(|e| usize::from(e) == l))
            && (tag_ids.is_empty() || {
                let tags = self.tags_of(i);
                tag_ids.iter().all(|t| t.is_some_and(|t| tags.contains(&t)))
            })
    }
}
