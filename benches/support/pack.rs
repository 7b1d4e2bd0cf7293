//! Synthetic content packs for benchmarks: generated at bench time, never committed.
//!
//! A pack of `questions` questions has `questions / 100` competencies in one four-level
//! framework, each with 4 behaviors per level and 100 questions of 3 key points. The words come
//! from a fixed vocabulary through a fixed pseudo-random sequence, so a pack is the same on every
//! run and every machine.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const WORDS: &[&str] = &[
    "customer",
    "service",
    "policy",
    "escalation",
    "complaint",
    "resolution",
    "feedback",
    "team",
    "quality",
    "standard",
    "procedure",
    "metric",
    "satisfaction",
    "loyalty",
    "channel",
    "support",
    "training",
    "coaching",
    "privacy",
    "security",
    "agreement",
    "response",
    "handling",
    "priority",
    "process",
    "review",
    "audit",
    "report",
    "manager",
    "client",
    "request",
    "ticket",
    "queue",
    "knowledge",
    "article",
    "chat",
    "email",
    "phone",
    "social",
    "media",
    "survey",
    "score",
    "retention",
    "churn",
    "value",
    "journey",
    "touchpoint",
    "empathy",
    "listening",
    "ownership",
    "follow",
    "update",
    "expectation",
    "delivery",
    "incident",
    "outage",
    "refund",
    "return",
    "warranty",
    "contract",
    "renewal",
    "onboarding",
    "adoption",
    "automation",
    "routing",
    "tier",
    "specialist",
    "handover",
    "context",
    "history",
    "record",
    "compliance",
    "regulation",
    "risk",
    "trend",
    "analysis",
    "insight",
    "dashboard",
    "target",
    "forecast",
    "capacity",
    "staffing",
    "schedule",
    "shift",
    "peak",
    "volume",
    "backlog",
    "deadline",
    "promise",
    "apology",
    "explanation",
    "option",
    "exception",
    "approval",
    "authority",
    "budget",
    "cost",
    "benefit",
];

/// A deterministic sequence of word indices (a linear congruential generator).
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        WORDS[((self.0 >> 33) as usize) % WORDS.len()]
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut s = String::new();
        for i in 0..words {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.next());
        }
        let mut chars = s.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect::<String>() + ".",
            None => s,
        }
    }
}

/// Writes a pack of `questions` questions under `dir/bench/`; returns every text in it, one per
/// line, in the order cuecard indexes them (for a tool such as fzf to search the same lines).
pub fn write_pack(dir: &Path, questions: usize) -> Vec<String> {
    let framework = dir.join("bench");
    fs::create_dir_all(&framework).unwrap();
    fs::write(
        framework.join("framework.toml"),
        "name = \"Benchmark\"\nlevels = [\"One\", \"Two\", \"Three\", \"Four\"]\n",
    )
    .unwrap();
    let mut words = Words(42);
    let mut lines = Vec::new();
    for c in 0..questions.div_ceil(100) {
        let name = format!("{} {} {c}", words.next(), words.next());
        let definition = words.sentence(24);
        let mut toml = format!("name = \"{name}\"\ndefinition = \"{definition}\"\n");
        lines.push(name);
        lines.push(definition);
        toml.push_str("\n[behaviors]\n");
        for level in 1..=4 {
            let statements: Vec<String> = (0..4).map(|_| words.sentence(10)).collect();
            lines.extend(statements.iter().cloned());
            let quoted: Vec<String> = statements.iter().map(|s| format!("\"{s}\"")).collect();
            writeln!(toml, "{level} = [{}]", quoted.join(", ")).unwrap();
        }
        for q in 0..100.min(questions - c * 100) {
            let text = words.sentence(18);
            let points: Vec<String> = (0..3).map(|_| words.sentence(9)).collect();
            lines.push(text.clone());
            lines.extend(points.iter().cloned());
            let quoted: Vec<String> = points.iter().map(|s| format!("\"{s}\"")).collect();
            writeln!(
                toml,
                "\n[[questions]]\nid = \"q{q}\"\ntext = \"{text}\"\nlevel = {}\ntags = [\"behavioral\"]\nkey_points = [{}]",
                q % 4 + 1,
                quoted.join(", ")
            )
            .unwrap();
        }
        fs::write(framework.join(format!("c{c:05}.toml")), toml).unwrap();
    }
    lines
}
