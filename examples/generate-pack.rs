//! Writes a synthetic content pack for benchmarks: `cargo run --release --example generate-pack
//! -- DIR QUESTIONS [varied]`. Also writes `DIR/lines.txt`, every text of the pack one per line,
//! for comparing with a line-oriented tool such as `fzf --filter`.
//!
//! The default shape is one framework of 100-question competencies with texts of similar
//! length; `varied` gives 10 frameworks of 100 competencies (QUESTIONS / 1000 questions each),
//! short and long texts, and a varying number of key points and follow-ups.

#[path = "../benches/support/pack.rs"]
mod pack;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(questions)) = (args.next(), args.next()) else {
        eprintln!("usage: generate-pack DIR QUESTIONS [varied]");
        std::process::exit(2);
    };
    let Ok(questions) = questions.parse::<usize>() else {
        eprintln!("QUESTIONS must be a whole number");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    let lines = match args.next().as_deref() {
        None | Some("one") => pack::write_pack(dir, questions),
        Some("varied") => pack::write_varied_pack(dir, 10, 100, questions.div_ceil(1000)),
        Some(other) => {
            eprintln!("unknown shape {other}: write `varied`, or nothing");
            std::process::exit(2);
        }
    };
    std::fs::write(dir.join("lines.txt"), lines.join("\n") + "\n").unwrap();
}
