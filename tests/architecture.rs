//! The shape of the terminal code: no file of `src/tui/` imports, directly or through others, a
//! file that imports it. A mode's own file stays a leaf that the glue (`update`, `commands`,
//! `persist`) calls, so adding a mode never ties the files into a knot.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The modules a file's (non-test) code names through `super::` or `crate::tui::`.
fn imports(text: &str, in_ui: bool) -> BTreeSet<String> {
    // Unit tests may reach anywhere; only the code itself counts.
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut found = BTreeSet::new();
    for prefix in ["crate::tui::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let after = &rest[at + prefix.len()..];
            let names: Vec<&str> = if let Some(group) = after.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                group[..end].split(',').collect()
            } else {
                vec![after]
            };
            for name in names {
                let name: String = name
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name.is_empty() || name == "self" {
                    continue;
                }
                let module = if prefix == "super::" && in_ui {
                    // `super::` in a drawing file is the `ui` module.
                    "ui".to_string()
                } else {
                    name
                };
                found.insert(module);
            }
            rest = after;
        }
    }
    found
}

/// Every file of `src/tui/` (the `ui/` drawing files as one module) with the modules it names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            files.push((stem, path, false));
        }
    }
    for entry in std::fs::read_dir(dir.join("ui")).unwrap() {
        files.push(("ui".to_string(), entry.unwrap().path(), true));
    }
    let modules: BTreeSet<String> = files.iter().map(|(m, ..)| m.clone()).collect();
    for (module, path, in_ui) in files {
        // The loop (`mod.rs`) declares every module and uses them all; nothing may use it back.
        let node = if module == "mod" {
            "loop".to_string()
        } else {
            module
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let edges = graph.entry(node.clone()).or_default();
        for target in imports(&text, in_ui) {
            let target = if modules.contains(&target) {
                target
            } else {
                // An item of `mod.rs` itself (`super::Options`).
                "loop".to_string()
            };
            if target != node {
                edges.insert(target);
            }
        }
    }
    graph
}

/// A cycle through `node`, if any, as the path that closes it.
fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    node: &str,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|n| n == node) {
        let mut cycle = path[at..].to_vec();
        cycle.push(node.to_string());
        return Some(cycle);
    }
    if done.contains(node) {
        return None;
    }
    path.push(node.to_string());
    for next in graph.get(node).into_iter().flatten() {
        if let Some(cycle) = cycle_from(graph, next, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(node.to_string());
    None
}

#[test]
fn no_file_of_the_terminal_code_imports_itself_back() {
    let graph = graph();
    assert!(graph.len() > 20, "the files were read: {graph:?}");
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, node, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_modes_own_files_are_leaves_that_never_name_the_app() {
    let graph = graph();
    for mode in [
        "help_mode",
        "search_mode",
        "setup_mode",
        "progress_mode",
        "notes_mode",
        "rehearsal_mode",
        "interview_mode",
        "panel_mode",
        "stories_mode",
    ] {
        let uses = &graph[mode];
        for glue in [
            "app", "update", "commands", "persist", "browser", "autosave", "loop",
        ] {
            assert!(!uses.contains(glue), "{mode} uses {glue}");
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let text_a = "use super::b::B;\nfn f() { super::c::g(); }";
    let text_b = "use crate::tui::{a::A, wrap};";
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), imports(text_a, false));
    graph.insert("b".to_string(), imports(text_b, false));
    assert_eq!(
        graph["a"],
        BTreeSet::from(["b".to_string(), "c".to_string()])
    );
    let cycle = cycle_from(&graph, "a", &mut Vec::new(), &mut BTreeSet::new()).unwrap();
    assert_eq!(cycle, ["a", "b", "a"]);
}
