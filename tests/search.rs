//! Search on the bundled content: what a user expects first, filters, narrowing, odd input, and
//! the `cuecard search` command.

use std::process::Command;
use std::sync::Arc;

use cuecard::content::{ContentSource, Library, load};
use cuecard::search::{Kind, SearchIndex, SearchResult, Searcher};

fn library() -> Library {
    load(&[ContentSource::Bundled]).library
}

fn searcher() -> Searcher {
    Searcher::new(Arc::new(SearchIndex::build(&library())))
}

fn id(searcher: &Searcher, result: &SearchResult) -> String {
    cuecard::cli::result_id(searcher.index(), result).to_string()
}

fn top_ids(query: &str, n: usize) -> Vec<String> {
    let mut s = searcher();
    let results = s.search(query, n);
    results.iter().map(|r| id(&s, r)).collect()
}

#[test]
fn a_competency_name_comes_first_for_its_words_in_any_order() {
    assert_eq!(
        top_ids("customer service policy", 1),
        ["service-capabilities/policy-development"]
    );
    assert_eq!(
        top_ids("policy customer service", 1),
        ["service-capabilities/policy-development"]
    );
    assert_eq!(
        top_ids("data privacy", 1),
        ["service-capabilities/data-privacy"]
    );
}

#[test]
fn an_abbreviation_finds_the_competency() {
    assert_eq!(
        top_ids("kpi", 1),
        ["service-capabilities/performance-metrics"]
    );
    assert_eq!(
        top_ids("socmed", 1),
        ["service-capabilities/social-media-service"]
    );
}

#[test]
fn a_typo_with_a_missing_letter_still_finds_the_word() {
    let mut s = searcher();
    let results = s.search("esclation", 5);
    assert!(!results.is_empty());
    for result in &results {
        assert!(
            result.text.to_lowercase().contains("escalat"),
            "{:?}",
            result.text
        );
    }
    let results = s.search("turn conversaton arond", 1);
    assert_eq!(
        id(&s, &results[0]),
        "customer-support/customer-interaction/difficult-customer"
    );
}

#[test]
fn a_tag_filter_keeps_only_tagged_entries() {
    let library = library();
    let mut s = searcher();
    let results = s.search("#behavioral upset", 20);
    assert_eq!(
        id(&s, &results[0]),
        "customer-support/customer-interaction/difficult-customer"
    );
    for result in &results {
        let question = library
            .question(&id(&s, result))
            .expect("tagged entries belong to questions");
        assert!(
            question.tags.iter().any(|t| t == "behavioral"),
            "{}",
            question.id
        );
    }
    assert!(s.search("#no-such-tag", 10).is_empty());
}

#[test]
fn kind_and_level_filters() {
    let mut s = searcher();
    let questions = s.search("q: metrics", 50);
    assert!(!questions.is_empty());
    assert!(questions.iter().all(|r| r.kind == Kind::Question));
    assert_eq!(
        id(&s, &questions[0]),
        "service-capabilities/performance-metrics/service-metrics"
    );
    let level4 = s.search("level:4 lead", 50);
    assert!(!level4.is_empty());
    assert!(level4.iter().all(|r| r.level == Some(4)));
    // Filters alone list everything they keep.
    let all_study = s.search("s:", 1000);
    let study_topics: usize = library()
        .frameworks
        .iter()
        .flat_map(|f| &f.competencies)
        .map(|c| c.study.len())
        .sum();
    assert_eq!(all_study.len(), study_topics);
}

#[test]
fn words_typed_as_they_stand_rank_above_scattered_letters() {
    let mut s = searcher();
    let results = s.search("escalat", 200);
    let first_scattered = results.iter().position(|r| !r.contiguous).unwrap();
    assert!(first_scattered > 0);
    assert!(
        results[..first_scattered]
            .iter()
            .all(|r| r.text.to_lowercase().contains("escalat"))
    );
    assert!(
        results[first_scattered..]
            .iter()
            .all(|r| !r.text.to_lowercase().contains("escalat"))
    );
}

#[test]
fn matched_characters_are_reported_for_highlighting() {
    let mut s = searcher();
    let results = s.search("escalation", 1);
    let result = &results[0];
    let chars: Vec<char> = result.text.chars().collect();
    let matched: String = result.matched.iter().map(|&i| chars[i]).collect();
    assert_eq!(matched.to_lowercase(), "escalation");
}

#[test]
fn narrowing_gives_the_same_results_as_a_fresh_search() {
    let mut typing = searcher();
    let query = "customer escalation";
    for end in 1..=query.len() {
        let typed = typing.search(&query[..end], 30);
        let fresh = searcher().search(&query[..end], 30);
        assert_eq!(typed, fresh, "after typing {:?}", &query[..end]);
    }
}

#[test]
fn results_do_not_depend_on_the_searches_before() {
    // Scores come from fuzzy-matcher, whose reused buffers once leaked from one score into the
    // next; the same query must rank the same way whatever was searched before it.
    let queries = [
        "e",
        "esc",
        "customer escalation",
        "q:pol",
        "kpi",
        "tell me about",
        "#behavioral t",
        "c s",
        "empathy",
        "level:2 a",
    ];
    let mut busy = searcher();
    for round in 0..3 {
        for (n, query) in queries.iter().enumerate() {
            busy.search(queries[(n + round + 1) % queries.len()], 40);
            let fresh = searcher().search(query, 40);
            assert!(!fresh.is_empty(), "{query:?} finds something");
            assert_eq!(busy.search(query, 40), fresh, "{query:?} in round {round}");
        }
    }
}

#[test]
fn the_best_few_are_the_first_few_of_everything() {
    // A small limit takes the shortcut of not scoring every entry; a huge one scores them all.
    for query in [
        "e",
        "es",
        "pol",
        "cust",
        "customer",
        "c s",
        "q:e",
        "#behavioral t",
        "level:2 a",
    ] {
        let everything = searcher().search(query, 100_000);
        for limit in [1, 5, 20] {
            let few = searcher().search(query, limit);
            let expected = &everything[..limit.min(everything.len())];
            assert_eq!(few, expected, "{query:?} with limit {limit}");
        }
    }
}

#[test]
fn no_text_scores_a_word_above_the_word_itself() {
    // The shortcut above rests on this property of the skim scorer.
    use cuecard::search::score;
    let library = library();
    let texts: Vec<&str> = library
        .frameworks
        .iter()
        .flat_map(|f| &f.competencies)
        .flat_map(|c| {
            c.questions
                .iter()
                .map(|q| q.text.as_str())
                .chain([c.name.as_str()])
        })
        .collect();
    for word in [
        "e", "es", "esc", "cust", "policy", "a-b", "kpi", "tell", "x",
    ] {
        let best = score(word, word).unwrap();
        for text in &texts {
            if let Some(score) = score(text, word) {
                assert!(
                    score <= best,
                    "{word:?} scores {score} > {best} in {text:?}"
                );
            }
        }
    }
}

#[test]
fn ties_keep_a_stable_order() {
    let mut s = searcher();
    let first = s.search("policy", 40);
    let again = searcher().search("policy", 40);
    assert_eq!(first, again);
    for pair in first.windows(2) {
        let key = |r: &SearchResult| (!r.contiguous, std::cmp::Reverse(r.score));
        assert!(
            key(&pair[0]) <= key(&pair[1]),
            "{:?} before {:?}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn odd_queries_never_panic() {
    let mut s = searcher();
    assert!(s.search("", 10).is_empty());
    assert!(s.search("policy", 0).is_empty());
    assert!(s.search("   ", 10).is_empty());
    let long = "customer ".repeat(112);
    let _ = s.search(&long, 10);
    let long_word = "a".repeat(1000);
    assert!(s.search(&long_word, 10).is_empty());
    for query in [
        "面接",
        "שלום",
        "Ωμέγα",
        "🙂",
        "e\u{301}",
        "\u{1b}[2J",
        "#",
        "level:999",
        "q:",
        "::::",
    ] {
        let _ = s.search(query, 10);
    }
}

fn cuecard(args: &[&str]) -> std::process::Output {
    let home = tempfile::TempDir::new().unwrap();
    Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(args)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_CACHE_HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .env_remove("CUECARD_DATA_DIR")
        .output()
        .unwrap()
}

#[test]
fn search_finds_the_users_notes_under_their_question() {
    let data = tempfile::TempDir::new().unwrap();
    let note = data
        .path()
        .join("notes/customer-support/customer-interaction/difficult-customer.md");
    std::fs::create_dir_all(note.parent().unwrap()).unwrap();
    std::fs::write(
        &note,
        "## Situation\nThe zeppelin parts supplier kept missing dates.\n",
    )
    .unwrap();
    let dir = data.path().to_str().unwrap();
    let output = cuecard(&["search", "zeppelin", "--data-dir", dir, "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first["kind"], "note");
    assert_eq!(
        first["id"],
        "customer-support/customer-interaction/difficult-customer"
    );
    assert_eq!(
        first["text"],
        "The zeppelin parts supplier kept missing dates."
    );
    // `n:` keeps notes only; without the data directory the note is not found.
    let only_notes = cuecard(&["search", "n:", "supplier", "--data-dir", dir]);
    let text = String::from_utf8(only_notes.stdout).unwrap();
    assert!(!text.is_empty() && text.lines().all(|l| l.split('\t').nth(1) == Some("note")));
    let elsewhere = cuecard(&["search", "zeppelin"]);
    assert_eq!(elsewhere.status.code(), Some(1));
}

#[test]
fn the_search_command_prints_tab_separated_lines_and_exits_by_outcome() {
    let output = cuecard(&["search", "upset", "customer", "--limit", "3"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    let fields: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(fields.len(), 3, "{}", lines[0]);
    assert_eq!(
        fields[0],
        "customer-support/customer-interaction/difficult-customer"
    );
    assert_eq!(fields[1], "question");

    let none = cuecard(&["search", "zzzzqqqq"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());

    let usage = cuecard(&["search"]);
    assert_eq!(usage.status.code(), Some(2));
    let usage = cuecard(&["search", "x", "--limit", "many"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn the_search_command_prints_json() {
    let output = cuecard(&["search", "kpi", "--json", "--limit", "2"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "service-capabilities/performance-metrics");
    assert_eq!(first["kind"], "competency");
    assert_eq!(
        first["competency"],
        "service-capabilities/performance-metrics"
    );
    assert_eq!(
        first["competency_name"],
        "Performance Metrics and KPIs for Service"
    );
    assert!(first["score"].as_i64().unwrap() > 0);
    assert_eq!(first["text"], "Performance Metrics and KPIs for Service");
}

mod bounds {
    //! The ranking shortcut rests on bounds of the skim scorer: a word scores highest at the start
    //! of a text; not standing whole in it, at most its best split (`split_bound`, lower when the
    //! text does not start with the word's first letter); standing whole but later, at most the
    //! better of that and its score at a later word's head.
    use cuecard::search::{score, score_and_positions};
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn no_text_beats_the_bounds(
            text in "[abcAB \\-_./x1]{0,24}",
            word in "[abc\\-1]{1,6}",
        ) {
            let lower = text.to_lowercase();
            if let Some(found) = score(&text, &word) {
                let at_start = score(&word, &word).unwrap();
                prop_assert!(found <= at_start, "{text:?} {word:?}: {found} > {at_start}");
                let (split_start, split_later) = cuecard::search::split_bound(&word).unwrap();
                let first = word.chars().next().unwrap();
                let split = if lower.starts_with(first) { split_start } else { split_later };
                if !lower.contains(&word) {
                    prop_assert!(found <= split, "{text:?} {word:?}: {found} > split {split}");
                } else if !lower.starts_with(&word) {
                    let later = score(&format!("x {word}"), &word).unwrap();
                    let bound = later.max(split);
                    prop_assert!(found <= bound, "{text:?} {word:?}: {found} > {bound}");
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn scoring_the_span_that_can_match_is_scoring_the_whole_text(
            text in "[abcABC \\-_./1é\u{130}\u{212a}k]{0,40}",
            word in "[abck\\-1é]{1,6}",
        ) {
            // A matcher of its own for each score, as `score` uses (see the test below).
            let whole = SkimMatcherV2::default().ignore_case().fuzzy_match(&text, &word);
            prop_assert_eq!(score(&text, &word), whole);
            let whole = SkimMatcherV2::default().ignore_case().fuzzy_indices(&text, &word);
            prop_assert_eq!(score_and_positions(&text, &word), whole);
        }
    }

    #[test]
    fn a_score_does_not_depend_on_the_scores_before_it() {
        // fuzzy-matcher 0.3.7 reuses its buffers between calls on one matcher and reads a cell
        // it has not written: on a shared matcher, "bbé" scores 79 in "Bé/ bé" after this first
        // call, and 67 alone.
        let shared = SkimMatcherV2::default().ignore_case();
        let _ = shared.fuzzy_match("éba/ A/.-_-", "é");
        let alone = SkimMatcherV2::default()
            .ignore_case()
            .fuzzy_match("Bé/ bé", "bbé");
        assert_ne!(
            shared.fuzzy_match("Bé/ bé", "bbé"),
            alone,
            "the quirk is gone: see `score`"
        );
        let _ = score("éba/ A/.-_-", "é");
        assert_eq!(score("Bé/ bé", "bbé"), alone);
    }
}

mod shortcut {
    //! Ranking takes entries by their bounds and stops early, and drops an entry as soon as its
    //! words cannot lift it into the results: on random content and queries it must give exactly
    //! the first results of scoring everything.
    use std::sync::Arc;

    use cuecard::content::{Competency, Framework, Library, Question};
    use cuecard::search::{SearchIndex, Searcher};
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        "[abc]{1,4}( [abc\\-]{1,5}){0,5}"
    }

    fn library(texts: Vec<String>) -> Library {
        let competencies = texts
            .chunks(6)
            .enumerate()
            .map(|(c, texts)| Competency {
                id: format!("f/c{c}"),
                name: texts[0].clone(),
                definition: texts.get(1).cloned().unwrap_or_default(),
                tags: Vec::new(),
                study: Vec::new(),
                behaviors: vec![texts.iter().skip(2).take(2).cloned().collect()],
                questions: texts
                    .iter()
                    .skip(4)
                    .enumerate()
                    .map(|(q, text)| Question {
                        id: format!("f/c{c}/q{q}"),
                        text: text.clone(),
                        level: Some(1),
                        tags: Vec::new(),
                        key_points: vec![texts[0].clone() + " " + text],
                        follow_ups: Vec::new(),
                        interviewer_note: None,
                        file: None,
                    })
                    .collect(),
            })
            .collect();
        Library {
            frameworks: vec![Framework {
                id: "f".into(),
                name: "F".into(),
                description: None,
                levels: vec!["One".into()],
                competencies,
            }],
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn the_shortcut_gives_the_first_results_of_everything(
            texts in proptest::collection::vec(text(), 6..400),
            query in "[abc\\-]{1,4}( [abc]{1,4}){0,2}",
            limit in 1usize..12,
        ) {
            let index = Arc::new(SearchIndex::build(&library(texts)));
            let everything = Searcher::new(Arc::clone(&index)).search(&query, usize::MAX);
            let few = Searcher::new(index).search(&query, limit);
            prop_assert_eq!(&few[..], &everything[..limit.min(everything.len())]);
        }
    }
}
