//! Writes a synthetic content pack for benchmarks: `cargo run --release --example generate-pack
//! -- DIR QUESTIONS`. Also writes `DIR/lines.txt`, every text of the pack one per line, for
//! comparing with a line-oriented tool such as `fzf --filter`.

#[path = "../benches/support/pack.rs"]
mod pack;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(questions)) = (args.next(), args.next()) else {
        eprintln!("usage: generate-pack DIR QUESTIONS");
        std::process::exit(2);
    };
    let Ok(questions) = questions.parse::<usize>() else {
        eprintln!("QUESTIONS must be a whole number");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    let lines = pack::write_pack(dir, questions);
    std::fs::write(dir.join("lines.txt"), lines.join("\n") + "\n").unwrap();
}
