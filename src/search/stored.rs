//! The search index as the cache holds it: its tables, then its columns as they stand in memory
//! (little-endian), read back a chunk at a time. Reading checks every offset and number against
//! the tables, so a bad cache is refused rather than searched.

use std::io::Read;

use super::Kind;
use super::index::{CompetencyRef, Meta, NO_QUESTION, SearchIndex};
use crate::cache::codec::{Reader, Writer, clean};

/// Writes the library's part of `index` (notes and stories are the user's, added at each run).
pub fn write(index: &SearchIndex, w: &mut Writer) {
    let n = index.library_len as usize;
    w.strs(&index.tags);
    w.len(index.competencies.len());
    for c in &index.competencies {
        w.str(&c.id);
        w.str(&c.name);
    }
    w.len(index.questions.len());
    for (id, at) in &index.questions {
        w.str(id);
        w.u32(u32::try_from(*at).unwrap_or(u32::MAX));
    }
    w.len(index.tagsets.len());
    for set in &index.tagsets {
        w.len(set.len());
        for tag in set.iter() {
            w.u16(*tag);
        }
    }
    w.u32(index.top_level);
    w.len(n);
    let text_end = if n == 0 {
        0
    } else {
        index.ends[n - 1] as usize
    };
    w.blob(&index.text.as_bytes()[..text_end]);
    for end in &index.ends[..n] {
        w.u32(*end);
    }
    for mask in &index.masks[..n] {
        w.u64(*mask);
    }
    for meta in &index.meta[..n] {
        w.u32(meta.competency);
        w.u32(meta.question);
        w.u32(meta.tagset);
        w.u8(Kind::ALL.iter().position(|k| *k == meta.kind).unwrap_or(0) as u8);
        w.u8(meta.level);
    }
    let lower_kept = index
        .lower_ends
        .partition_point(|&(entry, _)| (entry as usize) < n);
    let lower_end = if lower_kept == 0 {
        0
    } else {
        index.lower_ends[lower_kept - 1].1 as usize
    };
    w.blob(&index.lower_text.as_bytes()[..lower_end]);
    w.len(lower_kept);
    for (entry, end) in &index.lower_ends[..lower_kept] {
        w.u32(*entry);
        w.u32(*end);
    }
}

/// True when `ends` rise from 0 to `text`'s length, each on a character's boundary.
fn ends_fit(ends: impl Iterator<Item = u32>, text: &str) -> bool {
    let mut last = 0;
    for end in ends {
        if end < last || !text.is_char_boundary(end as usize) {
            return false;
        }
        last = end;
    }
    last as usize == text.len()
}

pub fn read<R: Read>(r: &mut Reader<R>) -> Option<SearchIndex> {
    let mut index = SearchIndex {
        tags: r.strs()?,
        ..SearchIndex::default()
    };
    let competency_count = r.count(8)?;
    for _ in 0..competency_count {
        let (id, name) = (r.str()?, r.str()?);
        if !clean(&id) || !clean(&name) {
            return None;
        }
        index.competencies.push(CompetencyRef { id, name });
    }
    let question_count = r.count(8)?;
    for _ in 0..question_count {
        let id = r.str().filter(|id| clean(id))?;
        index.questions.push((id, r.u32()? as usize));
    }
    let set_count = r.count(4)?;
    for _ in 0..set_count {
        let n = r.count(2)?;
        let set = r.numbers(n, |b| Some(u16::from_le_bytes(b)))?;
        if set.iter().any(|&t| t as usize >= index.tags.len()) {
            return None;
        }
        index.tagsets.push(set.into());
    }
    index.top_level = r.u32()?;
    let n = r.count(4 + 8 + 14)?;
    index.text = String::from_utf8(r.blob()?).ok()?;
    if !clean(&index.text) {
        return None;
    }
    index.ends = r.numbers(n, |b| Some(u32::from_le_bytes(b)))?;
    if !ends_fit(index.ends.iter().copied(), &index.text) {
        return None;
    }
    index.masks = r.numbers(n, |b| Some(u64::from_le_bytes(b)))?;
    let (competencies, questions, sets) = (
        index.competencies.len() as u32,
        index.questions.len() as u32,
        index.tagsets.len() as u32,
    );
    index.meta = r.numbers(n, |b: [u8; 14]| {
        let word = |at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
        let kind = Kind::ALL.get(b[12] as usize).copied()?;
        let meta = Meta {
            competency: word(0),
            question: word(4),
            tagset: word(8),
            kind,
            level: b[13],
        };
        // Notes and stories are never cached: a story's number would name no story.
        let fits = meta.competency < competencies
            && (meta.question == NO_QUESTION || meta.question < questions)
            && meta.tagset < sets
            && !matches!(kind, Kind::Note | Kind::Story);
        fits.then_some(meta)
    })?;
    index.lower_text = String::from_utf8(r.blob()?).ok()?;
    let lower_count = r.count(8)?;
    index.lower_ends = r.numbers(lower_count, |b: [u8; 8]| {
        Some((
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
        ))
    })?;
    let entries_rise = index
        .lower_ends
        .windows(2)
        .all(|pair| pair[0].0 < pair[1].0)
        && index
            .lower_ends
            .last()
            .is_none_or(|&(e, _)| (e as usize) < n);
    if !entries_rise
        || !ends_fit(
            index.lower_ends.iter().map(|&(_, end)| end),
            &index.lower_text,
        )
    {
        return None;
    }
    index.library_len = n as u32;
    Some(index)
}
