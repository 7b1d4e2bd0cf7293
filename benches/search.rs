//! Content load and search on generated packs of 1k, 10k and 100k questions.
//!
//! `cargo bench --bench search`. Packs are written to a temporary directory at bench time (see
//! `support/pack.rs`). Besides criterion's timings, it prints the memory the search index holds.

#[path = "support/pack.rs"]
mod pack;

use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use cuecard::content::{ContentSource, Library, load};
use cuecard::search::{SearchIndex, Searcher};
use std::hint::black_box;

/// Twenty characters, typed one at a time.
const QUERY: &str = "escalation customers";
const LIMIT: usize = 200;

fn pack(questions: usize) -> (tempfile::TempDir, Library) {
    let dir = tempfile::TempDir::new().unwrap();
    pack::write_pack(dir.path(), questions);
    let loaded = load(&[ContentSource::Directory(dir.path().into())]);
    assert!(loaded.problems.is_empty());
    (dir, loaded.library)
}

fn sizes() -> [(usize, &'static str); 3] {
    [(1_000, "1k"), (10_000, "10k"), (100_000, "100k")]
}

fn load_and_index(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for (questions, name) in sizes() {
        let (dir, library) = pack(questions);
        group.bench_function(BenchmarkId::new("parse and validate", name), |b| {
            b.iter(|| black_box(load(&[ContentSource::Directory(dir.path().into())])));
        });
        group.bench_function(BenchmarkId::new("build search index", name), |b| {
            b.iter(|| black_box(SearchIndex::build(&library)));
        });
        let index = SearchIndex::build(&library);
        eprintln!(
            "search index, {name} questions: {} entries, {:.1} MiB",
            index.len(),
            index.heap_bytes() as f64 / 1024.0 / 1024.0
        );
    }
    group.finish();
}

fn typing(c: &mut Criterion) {
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    for (questions, name) in sizes() {
        let (_dir, library) = pack(questions);
        let index = Arc::new(SearchIndex::build(&library));
        // The first keystroke searches everything: the slowest one.
        group.bench_function(BenchmarkId::new("first keystroke", name), |b| {
            b.iter(|| black_box(Searcher::new(Arc::clone(&index)).search(&QUERY[..1], LIMIT)));
        });
        // Each keystroke alone, after the ones before it (whose narrowing it benefits from):
        // criterion's estimate per keystroke gives the median and the worst over the query.
        if questions >= 10_000 {
            for end in 1..=QUERY.len() {
                let id = format!("{name}, keystroke {end:02} of 20");
                group.bench_function(BenchmarkId::new("keystroke", id), |b| {
                    b.iter_batched(
                        || {
                            let mut searcher = Searcher::new(Arc::clone(&index));
                            for before in 1..end {
                                searcher.search(&QUERY[..before], LIMIT);
                            }
                            searcher
                        },
                        |mut searcher| black_box(searcher.search(&QUERY[..end], LIMIT)),
                        criterion::BatchSize::PerIteration,
                    );
                });
            }
        }
        // The whole query typed a character at a time, each keystroke narrowing the last.
        group.bench_function(BenchmarkId::new("20 keystrokes", name), |b| {
            b.iter(|| {
                let mut searcher = Searcher::new(Arc::clone(&index));
                for end in 1..=QUERY.len() {
                    black_box(searcher.search(&QUERY[..end], LIMIT));
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, load_and_index, typing);
criterion_main!(benches);
