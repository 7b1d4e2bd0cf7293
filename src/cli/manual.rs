//! What documents cuecard outside it: `--version`, shell completions and man pages, all made from
//! the clap definition of the command line so that they can never disagree with it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use clap::CommandFactory;

use super::Cli;
use crate::content::{ContentSource, load};

/// `cuecard --version`: the version and the bundled content's counts, as in
/// `0.1.0 (bundled content: 2 frameworks, 13 competencies, 70 questions)`.
///
/// Worked out once per process, from the content compiled in (about a millisecond).
pub fn version_text() -> &'static str {
    static TEXT: LazyLock<String> = LazyLock::new(|| {
        let counts = load(&[ContentSource::Bundled]).library.counts();
        format!(
            "{} (bundled content: {} frameworks, {} competencies, {} questions)",
            env!("CARGO_PKG_VERSION"),
            counts.frameworks,
            counts.competencies,
            counts.questions
        )
    });
    TEXT.as_str()
}

/// The completion script of `shell` for the whole command line. Made in memory: clap_complete
/// panics on a failed write, and a reader may close the pipe (`cuecard completions bash | head`).
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "cuecard", &mut script);
    script
}

/// The command line as man pages see it: no `help` subcommand (each page documents its own
/// options), built so that subcommands know their full names (`cuecard-import`).
fn command() -> clap::Command {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    command
}

fn page(command: clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(command).source(format!("cuecard {}", env!("CARGO_PKG_VERSION")))
}

/// A page in plain ASCII: every other character as the roff escape `\[uXXXX]`, so that troff
/// reads it whatever its input encoding (groff without `preconv` takes UTF-8 bytes for Latin-1).
fn render(page: &clap_mangen::Man) -> io::Result<Vec<u8>> {
    let mut roff = Vec::new();
    page.render(&mut roff)?;
    let roff =
        String::from_utf8(roff).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let mut ascii = String::with_capacity(roff.len());
    for c in roff.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            ascii.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    Ok(ascii.into_bytes())
}

/// `cuecard.1`: the command, its options and a list of its subcommands.
pub fn man_page(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(&render(&page(command()))?)
}

/// Writes a page per command and subcommand (`cuecard.1`, `cuecard-import.1`,
/// `cuecard-sessions-delete.1`, …) into `dir`, created when missing; returns their paths, the
/// command's own first, then its subcommands in the order `--help` lists them.
pub fn man_pages(dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    write_pages(command(), dir, &mut written)?;
    Ok(written)
}

fn write_pages(command: clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> io::Result<()> {
    let subcommands: Vec<clap::Command> = command
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    let page = page(command);
    let path = dir.join(page.get_filename());
    std::fs::write(&path, render(&page)?)?;
    written.push(path);
    for subcommand in subcommands {
        write_pages(subcommand, dir, written)?;
    }
    Ok(())
}
