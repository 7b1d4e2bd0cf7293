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
#[allow(dead_code)] // each bench uses the shapes it needs
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

/// Words of the second shape, beside [`WORDS`]: abbreviations, long words, and a few beyond ASCII.
const MORE_WORDS: &[&str] = &[
    "SLA",
    "KPI",
    "deescalate",
    "de-escalation",
    "accountability",
    "stakeholder",
    "prioritisation",
    "responsiveness",
    "transparency",
    "negotiation",
    "mentoring",
    "delegation",
    "résumé",
    "naïve",
    "Zürich",
    "café",
    "Ørsted",
    "time",
    "timely",
    "first-contact",
    "NPS",
    "CSAT",
    "handoff",
    "root-cause",
];

/// A pack unlike [`write_pack`]: `frameworks` frameworks of 3 to 6 levels, each of
/// `competencies` competencies with `questions` questions; texts from two words to forty,
/// 0 to 4 key points and 0 to 2 follow-ups per question, several tags. Returns every text, one
/// per line, in the order cuecard indexes them.
#[allow(dead_code)] // each bench uses the shapes it needs
pub fn write_varied_pack(
    dir: &Path,
    frameworks: usize,
    competencies: usize,
    questions: usize,
) -> Vec<String> {
    let mut rng = Words(7);
    let mut roll = |n: usize| -> usize {
        rng.next();
        ((rng.0 >> 17) as usize) % n
    };
    let mut words = Words(1234);
    let mut names = Words(99);
    let mut word = |roll: &mut dyn FnMut(usize) -> usize| -> &'static str {
        if roll(6) == 0 {
            MORE_WORDS[roll(MORE_WORDS.len())]
        } else {
            words.next()
        }
    };
    // Mostly short texts, some of medium length, a few long ones.
    let mut text = |roll: &mut dyn FnMut(usize) -> usize| -> String {
        let n = match roll(10) {
            0 => 20 + roll(21),
            1..=3 => 8 + roll(9),
            _ => 2 + roll(5),
        };
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            let w = word(roll);
            if i == 0 {
                let mut chars = w.chars();
                if let Some(first) = chars.next() {
                    s.extend(first.to_uppercase());
                    s.push_str(chars.as_str());
                }
            } else {
                s.push_str(w);
            }
        }
        s.push(if roll(3) == 0 { '?' } else { '.' });
        s
    };
    const TAGS: &[&str] = &[
        "behavioral",
        "situational",
        "technical",
        "leadership",
        "remote",
    ];
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut lines = Vec::new();
    for f in 0..frameworks {
        let framework_id = format!("shape-{f:02}");
        let framework = dir.join(&framework_id);
        fs::create_dir_all(&framework).unwrap();
        let levels = 3 + f % 4;
        let level_names: Vec<String> = (1..=levels).map(|l| quote(&format!("Level {l}"))).collect();
        fs::write(
            framework.join("framework.toml"),
            format!(
                "name = \"Framework {f}\"\nlevels = [{}]\n",
                level_names.join(", ")
            ),
        )
        .unwrap();
        let mut entries: Vec<(String, Vec<String>)> = Vec::new();
        for c in 0..competencies {
            let name = format!("{} {} {f}-{c}", names.next(), names.next());
            let definition = text(&mut roll);
            let mut texts = vec![name.clone(), definition.clone()];
            let comp_tag = TAGS[roll(TAGS.len())];
            let mut toml = format!(
                "name = {}\ndefinition = {}\ntags = [\"{comp_tag}\"]\n",
                quote(&name),
                quote(&definition)
            );
            let study: Vec<String> = (0..roll(3)).map(|_| text(&mut roll)).collect();
            if !study.is_empty() {
                let quoted: Vec<String> = study.iter().map(|s| quote(s)).collect();
                writeln!(toml, "study = [{}]", quoted.join(", ")).unwrap();
            }
            toml.push_str("\n[behaviors]\n");
            let mut behavior_texts = Vec::new();
            for level in 1..=levels {
                let statements: Vec<String> = (0..1 + roll(3)).map(|_| text(&mut roll)).collect();
                let quoted: Vec<String> = statements.iter().map(|s| quote(s)).collect();
                writeln!(toml, "{level} = [{}]", quoted.join(", ")).unwrap();
                behavior_texts.extend(statements);
            }
            texts.extend(behavior_texts);
            texts.extend(study);
            for q in 0..questions {
                let question = text(&mut roll);
                let points: Vec<String> = (0..roll(5)).map(|_| text(&mut roll)).collect();
                let follow_ups: Vec<String> = (0..roll(3)).map(|_| text(&mut roll)).collect();
                texts.push(question.clone());
                texts.extend(points.iter().cloned());
                texts.extend(follow_ups.iter().cloned());
                let quoted = |list: &[String]| -> String {
                    list.iter().map(|s| quote(s)).collect::<Vec<_>>().join(", ")
                };
                writeln!(
                    toml,
                    "\n[[questions]]\nid = \"q{q}\"\ntext = {}\nlevel = {}\ntags = [\"{}\"]\nkey_points = [{}]\nfollow_ups = [{}]",
                    quote(&question),
                    q % levels + 1,
                    TAGS[roll(TAGS.len())],
                    quoted(&points),
                    quoted(&follow_ups),
                )
                .unwrap();
            }
            fs::write(framework.join(format!("c{c:04}.toml")), toml).unwrap();
            entries.push((name, texts));
        }
        // cuecard lists competencies by name within a framework.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        lines.extend(entries.into_iter().flat_map(|(_, texts)| texts));
    }
    lines
}
