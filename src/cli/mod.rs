//! The command line: argument definitions and the commands that print rather than draw.

mod list;
mod validate;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use list::{list, list_json};
pub use validate::validate;

use crate::content::{ContentSource, default_sources};

/// Competency-based interview preparation in the terminal.
///
/// With no command, opens the browser on the bundled frameworks plus the user's own content.
#[derive(Debug, Parser)]
#[command(name = "cuecard", version, about, long_about)]
pub struct Cli {
    /// Read frameworks from this directory instead of the bundled and user content (repeatable;
    /// later directories override frameworks of earlier ones with the same id).
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the content and report every problem as `path:line:col: message`.
    ///
    /// Exits 0 with a one-line summary when the content is valid, 1 after listing every problem.
    Validate,
    /// List frameworks and competencies with their counts of behaviors per level and questions.
    List {
        /// One JSON object per competency per line.
        #[arg(long)]
        json: bool,
    },
}

impl Cli {
    /// The content sources this invocation reads.
    pub fn sources(&self) -> Vec<ContentSource> {
        if self.content.is_empty() {
            default_sources()
        } else {
            self.content
                .iter()
                .cloned()
                .map(ContentSource::Directory)
                .collect()
        }
    }
}
