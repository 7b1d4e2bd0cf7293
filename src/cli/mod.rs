//! The command line: argument definitions and the commands that print rather than draw.

pub mod config;
mod deck;
pub mod import;
mod list;
mod manual;
mod notes;
pub mod panel;
pub mod scaffold;
mod search;
pub mod sessions;
pub mod stories;
mod validate;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use deck::{DeckRequest, deck};
pub use list::{list, list_json};

/// `cuecard kit show`: the kit, its questions with their text, what the content no longer has.
pub fn kit_show(
    kit: &crate::interview::kit::Kit,
    library: &crate::content::Library,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use crate::text::inert;
    writeln!(out, "{}", inert(&kit.name))?;
    for (label, value) in [("role", &kit.role), ("stage", &kit.stage)] {
        if !value.is_empty() {
            writeln!(out, "{label}: {}", inert(value))?;
        }
    }
    writeln!(out, "level: {} · {} minutes", kit.level, kit.minutes)?;
    if !kit.instructions.is_empty() {
        writeln!(out, "instructions: {}", inert(&kit.instructions))?;
    }
    writeln!(out, "competencies:")?;
    for id in &kit.competencies {
        match library.competency(id) {
            Some(c) => writeln!(out, "  {id}  {}", inert(&c.name))?,
            None => writeln!(out, "  {id}  (no longer in the content)")?,
        }
    }
    writeln!(out, "questions:")?;
    for (i, id) in kit.questions.iter().enumerate() {
        match library.question(id) {
            Some(q) => writeln!(out, "  {}. {}\n     {id}", i + 1, inert(&q.text))?,
            None => writeln!(
                out,
                "  {}. {id}  (no longer in the content: left out when it starts)",
                i + 1
            )?,
        }
    }
    Ok(())
}
pub use manual::{completions, man_page, man_pages, version_text};
pub use notes::notes;
pub use search::{print_results, result_id};
pub use validate::validate;

use crate::content::{ContentSource, default_sources};

/// Competency-based interview preparation in the terminal.
///
/// With no command, opens the browser on the bundled frameworks plus the user's own content.
#[derive(Debug, Parser)]
#[command(name = "cuecard", version = version_text(), about, long_about)]
pub struct Cli {
    /// Read frameworks from this directory instead of the bundled and user content (repeatable;
    /// later directories override frameworks of earlier ones with the same id).
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Vec<PathBuf>,

    /// Keep notes, review history, interview sessions and settings under this directory instead
    /// of the platform's data directory (also set by the CUECARD_DATA_DIR environment variable).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// The folder your hiring team shares (kits); also CUECARD_TEAM_DIR, or `team_dir` in the
    /// settings.
    #[arg(long, value_name = "DIR", global = true)]
    pub team_dir: Option<PathBuf>,

    /// Read the content from its files, neither reading nor writing the cache of the parsed
    /// content and its search index (also CUECARD_CACHE_DIR set to nothing).
    #[arg(long, global = true)]
    pub no_cache: bool,

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
    /// Fuzzy-search everything and print the ranked results.
    ///
    /// Prints `ID<TAB>KIND<TAB>TEXT` per result (ID is the question's id, or the competency's).
    /// Exits 0 with results, 1 with none, 2 on a usage error. In the query, `#tag` keeps entries
    /// with that tag, `level:N` those of level N, and a kind prefix keeps one kind: `c:`
    /// competency names, `d:` definitions, `b:` behaviors, `q:` questions, `k:` key points, `f:`
    /// follow-ups, `s:` study topics. Every other word must match, in any order.
    Search {
        /// The query; several words are joined with spaces.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// At most this many results (1 to 10000).
        #[arg(long, default_value_t = 50, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=10_000))]
        limit: usize,
        /// One JSON object per result per line: id, kind, competency, competency_name, level,
        /// contiguous, score, text.
        #[arg(long)]
        json: bool,
    },
    /// Start an interview: plans the questions of the competencies at the target level and opens
    /// the live view. The session is saved in the data directory as you go.
    Interview {
        /// The candidate's name.
        #[arg(long, required_unless_present = "resume")]
        candidate: Option<String>,
        /// Start from a kit of the team folder: its role, stage, level, competencies, questions
        /// and minutes.
        #[arg(long, value_name = "NAME", conflicts_with_all = ["role", "level", "competency", "minutes", "stage", "resume"])]
        kit: Option<String>,
        /// Go back to a saved session instead (its id, or a part only one id has), where it
        /// was left: its plan, ticks, notes, time and ratings.
        #[arg(long, value_name = "SESSION", conflicts_with_all = ["candidate", "role", "level", "competency", "minutes", "stage"])]
        resume: Option<String>,
        /// The role interviewed for.
        #[arg(long, default_value = "")]
        role: String,
        /// Who interviews (default: `interviewer` in the settings), for the scorecard.
        #[arg(long, value_name = "NAME")]
        interviewer: Option<String>,
        /// The hiring stage, for the scorecard (e.g. "onsite 2").
        #[arg(long, value_name = "TEXT", default_value = "")]
        stage: String,
        /// The level the role calls for (1 to 9): its questions are planned and its behaviors shown.
        #[arg(long, default_value_t = 2, value_parser = level_parser())]
        level: usize,
        /// A competency to assess (its id, or the last part of it; repeatable; default: all).
        #[arg(long, value_name = "ID")]
        competency: Vec<String>,
        /// The time budget in minutes (1 to 600).
        #[arg(long, default_value_t = 45, value_parser = clap::value_parser!(u64).range(1..=crate::interview::MAX_MINUTES))]
        minutes: u64,
    },
    /// Print an interview's scorecard: candidate, role, date, duration, ratings with evidence,
    /// the questions asked with the key points covered, notes and time, and the recommendation.
    Export {
        /// The session's id, or a part of one session's id or candidate's name (any case).
        session: String,
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
    },
    /// Every note: its question id, words, speaking time, and each key point covered or not
    /// (`(marked)` when marked by hand), as the app judges them.
    ///
    /// Exits 0 with notes, 1 with none.
    Notes {
        /// One JSON object per note per line: question, text, words, speaking_seconds, and
        /// key_points (text, covered, by_hand, evidence).
        #[arg(long)]
        json: bool,
    },
    /// A mock interview for yourself: questions drawn at your target level, asked one at a time
    /// on the interview's clock with the key points hidden, then a self-review on the
    /// framework's scale. Saved as a session of kind `mock` (`cuecard sessions`, `export`).
    ///
    /// The draw favours questions you have not practised lately and competencies where your
    /// story bank has gaps, and is never the last mock's set again.
    Mock {
        /// Only these competencies or frameworks (repeatable; default: all).
        #[arg(long, value_name = "ID")]
        competency: Vec<String>,
        /// The level asked at (default: each framework's target level, else any).
        #[arg(long, value_name = "N", value_parser = level_parser())]
        level: Option<usize>,
        /// How many questions (1 to 30).
        #[arg(long, default_value_t = 5, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=crate::interview::mock::MAX_COUNT as u64))]
        count: usize,
        /// The time budget in minutes (default: 4 per question).
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=crate::interview::MAX_MINUTES))]
        minutes: Option<u64>,
        /// The draw's seed (for repeatable runs).
        #[arg(long, hide = true)]
        seed: Option<u64>,
    },
    /// Where cuecard keeps what: your content, your data, the settings file; then the settings in
    /// force and where each comes from (the file, or the default).
    ///
    /// Settings live in the configuration directory ($XDG_CONFIG_HOME/cuecard, else the
    /// platform's); with --data-dir or CUECARD_DATA_DIR, beside that data. Exits 1 when the
    /// settings file does not read (the message says where).
    Config {
        /// Open the settings file in $VISUAL or $EDITOR (created with every key explained when
        /// there is none).
        #[arg(long)]
        edit: bool,
    },
    /// Interview kits in the team folder: `kit save SESSION NAME` keeps a session's plan for the
    /// whole panel; `kit show NAME` prints one. `cuecard interview --kit NAME` starts from it.
    Kit {
        #[command(subcommand)]
        action: KitAction,
    },
    /// The kits in the team folder: `NAME<TAB>ROLE<TAB>STAGE<TAB>LEVEL<TAB>N questions<TAB>M min`.
    Kits {
        /// One JSON object per kit per line.
        #[arg(long)]
        json: bool,
    },
    /// Submit an interview's scorecard to the team folder
    /// (`scorecards/<candidate>/<session>-<interviewer>.json`, the `export --format json` object
    /// with `submitted_at` and `version`); its ratings are then locked. Colleagues' scorecards
    /// of that candidate show to you only once yours is submitted.
    ///
    /// Exits 1 when it is submitted already (without --amend) or nothing is rated.
    Submit {
        /// The session's id, or a part of one session's id or candidate's name (any case).
        session: String,
        /// Submit the session as it is now as a new version; the earlier versions are kept.
        #[arg(long)]
        amend: bool,
        /// Who submits (default: the session's interviewer, else `interviewer` in the settings).
        #[arg(long, value_name = "NAME")]
        interviewer: Option<String>,
    },
    /// The panel on one candidate: each competency's ratings by interviewer with level names and
    /// evidence, the spread (MIXED when two levels or more apart), what nobody rated, the
    /// recommendations, and questions more than one interviewer asked.
    ///
    /// Exits 3 while your own scorecard for the candidate is not submitted, 1 when the team
    /// folder has none of theirs.
    Debrief {
        /// The candidate's name (any case and spacing).
        candidate: String,
        /// One JSON object: candidate, competencies (competency, name, ratings as interviewer →
        /// level, level_names, evidence, spread, mixed, scale_size), unrated, recommendations
        /// (value → count), repeated_questions, summaries, facilitator.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        who: Who,
    },
    /// How the panel's interviewers rate against each other, over every submitted scorecard: per
    /// interviewer the ratings, leniency, exact and within-one agreement; per pair with five
    /// shared ratings or more, quadratically weighted Cohen's kappa.
    Calibration {
        /// One JSON object: candidates, shared_items, interviewers, pairs, hidden_candidates,
        /// facilitator.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        who: Who,
    },
    /// Candidates side by side: per competency the panel's median level (a bar), spread and
    /// levels, and the recommendations.
    Compare {
        /// Only candidates interviewed for a role containing this text (any case).
        #[arg(long, value_name = "TEXT")]
        role: Option<String>,
        /// One JSON object: competencies, candidates (candidate, role, interviewers, cells
        /// (competency, ratings, median, spread, scale_size), recommendations).
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        who: Who,
    },
    /// Your story bank: STAR stories in `<data>/stories/`, each evidencing competencies at a level.
    ///
    /// With no subcommand, lists them: `ID<TAB>TITLE<TAB>COMPETENCY@LEVEL…<TAB>N questions<TAB>N
    /// words`. Stories with problems are named on standard error (`path:line:col: message`).
    Stories {
        #[command(subcommand)]
        action: Option<StoriesAction>,
        /// One JSON object per story per line: id, title, competencies (competency, level,
        /// behaviors), questions, words, speaking_seconds.
        #[arg(long)]
        json: bool,
    },
    /// List interview sessions; `sessions delete SESSION` removes one.
    Sessions {
        #[command(subcommand)]
        action: Option<SessionsAction>,
    },
    /// Import a framework or a question bank from a spreadsheet, Markdown or a copied page.
    ///
    /// Writes framework.toml and a file per competency, checked as `validate` checks them, and
    /// prints what it made. Importing the same file again updates the same files (ids are made
    /// from the names); a file edited since is kept unless --force.
    ///
    /// CSV/TSV question bank: a header row with `competency` and `question`, and optionally
    /// `level` (number or name), `key_points`, `follow_ups` (one per line in the cell), `tags`,
    /// `id`. CSV/TSV levels table: `competency`, `definition`, and a column per level (`level_1`…
    /// or the level names), each cell the level's behaviors, one per line.
    ///
    /// Markdown: `# Framework`, a description, `Levels: A, B, C`; per competency `## Name`, its
    /// definition, `### Level 1: A` (or `### A`) with `- behavior` bullets, `### Questions` with
    /// `- question` bullets whose nested bullets are key points (`Follow-up: …` for follow-ups,
    /// `Level: N`, `Tags: a, b`), and `### Study` bullets.
    ///
    /// Plain text: a competency page as copied from a browser, with `Proficiency Level 1 - Name`
    /// or `Level 1: Name` headings and an `Interview Questions` list.
    ///
    /// Exits 0 when imported (or with --dry-run, importable), 1 with every problem located in
    /// the input (`bank.csv:7: …`).
    Import(ImportArgs),
    /// Print the JSON Schema (draft 7) of a kind of content file, for an editor's TOML language
    /// server (see the README for a .taplo.toml that uses it).
    Schema {
        #[arg(value_enum)]
        kind: SchemaKind,
    },
    /// Start a framework or a competency file with every key explained, in your content
    /// directory (or --out); never over a file that exists.
    New {
        #[command(subcommand)]
        what: NewWhat,
        /// The content directory to write to (default: your content directory).
        #[arg(long, value_name = "DIR", global = true)]
        out: Option<PathBuf>,
    },
    /// Rehearse in the terminal: due questions first, then new ones, timed, graded 1-4, and
    /// scheduled by spaced repetition (FSRS).
    Rehearse {
        /// Only the questions of a framework (its id: all its competencies) or of a competency
        /// (its id, or the last part of it); repeatable.
        #[arg(long, value_name = "ID")]
        competency: Vec<String>,
        /// The level of the role applied for (1 to 9): questions at it and the levels next to
        /// it. Remembered for the frameworks rehearsed (`target_level` in the settings).
        #[arg(long, value_name = "N", value_parser = level_parser())]
        level: Option<usize>,
        /// The interview date (YYYY-MM-DD, from today to a year ahead): new questions are shared
        /// over the days left, and no review is scheduled after the day before. Remembered
        /// (`interview_date` in the settings) until changed, and cleared once past.
        #[arg(long, value_name = "DATE", value_parser = parse_until)]
        until: Option<chrono::NaiveDate>,
    },
    /// Print the questions as a tab-separated file for Anki (2.1.54 and later) to import as
    /// Basic notes, with no change in its import dialog: `cuecard export-deck > deck.txt`.
    ///
    /// Front: the question. Back: its key points and follow-ups (and with --with-notes, your
    /// note). Each note goes into the deck `cuecard::<framework name>`, tagged with the framework,
    /// the competency, `level-N` and the question's type. The question id is the first column,
    /// which Anki takes as the note's GUID: importing a new export updates the cards made before
    /// instead of adding duplicates. The same content gives the same file, byte for byte.
    ///
    /// Exits 2 when a competency is unknown or nothing is left to export.
    ExportDeck {
        /// Only the questions of a framework (its id: all its competencies) or of a competency
        /// (its id, or the last part of it); repeatable.
        #[arg(long, value_name = "ID")]
        competency: Vec<String>,
        /// Only the questions that probe this level (1 to 9).
        #[arg(long, value_name = "N", value_parser = level_parser())]
        level: Option<usize>,
        /// Put your note on each question on the back of its card.
        #[arg(long)]
        with_notes: bool,
    },
    /// Print the completion script of a shell (see the README for where each one goes).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print cuecard's man page (roff), or with --dir write a page per command and subcommand
    /// (cuecard.1, cuecard-import.1, …) into DIR.
    Man {
        /// Write the pages into this directory (created when missing) and print their paths.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// Who looks at the panel's scorecards.
#[derive(Debug, Clone, clap::Args)]
pub struct Who {
    /// You (default: `interviewer` in the settings).
    #[arg(long, value_name = "NAME")]
    pub interviewer: Option<String>,
    /// See every submitted scorecard without one of your own: for the hiring manager who does
    /// not interview. Said in the output.
    #[arg(long)]
    pub facilitator: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// framework.toml
    Framework,
    /// A competency file (or a file that adds questions to one).
    Competency,
}

#[derive(Debug, Subcommand)]
pub enum NewWhat {
    /// `<dir>/ID/framework.toml`
    Framework {
        /// The framework's id (a-z, 0-9, `-`).
        id: String,
    },
    /// `<dir>/FRAMEWORK/ID.toml`, with a [behaviors] entry per level of the framework's scale.
    Competency {
        /// FRAMEWORK/ID, as in `my-role/negotiation`.
        id: String,
    },
}

/// `cuecard import`'s arguments.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The files: CSV or TSV (a question bank, or a levels table), Markdown, or competency
    /// pages copied as plain text. Several files go into one framework.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The framework's id (a-z, 0-9, `-`); an existing framework of that id is added to.
    /// Default: made from --name, the Markdown title, or the first file's name.
    #[arg(long, value_name = "ID")]
    pub framework: Option<String>,
    /// The framework's name (default: the Markdown title, or made from the id).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// The scale's level names, lowest first, separated by commas (for a question bank).
    #[arg(long, value_name = "A,B,C", value_delimiter = ',')]
    pub levels: Option<Vec<String>>,
    /// The content directory to write to (default: your content directory).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print what would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Replace files edited since they were imported, or not written by import.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown, to paste into an applicant tracking system.
    Md,
    /// One JSON object.
    Json,
    /// Plain text, for web forms that do not render Markdown.
    Text,
}

#[derive(Debug, Subcommand)]
pub enum KitAction {
    /// Save a session's plan (role, stage, level, competencies, questions in order, minutes) as a
    /// kit; no candidate data goes in it.
    Save {
        /// The session's id, or a part of one session's id or candidate's name.
        session: String,
        /// The kit's name (its file is a slug of it).
        name: String,
        /// Instructions for the interviewer (what this stage is for).
        #[arg(long, value_name = "TEXT")]
        instructions: Option<String>,
        /// Replace a kit of that name.
        #[arg(long)]
        replace: bool,
    },
    /// Print a kit, its questions with their text (and those the content no longer has).
    Show { name: String },
}

#[derive(Debug, Subcommand)]
pub enum StoriesAction {
    /// Create a story file with its front matter and STAR headings; prints its path.
    Add {
        #[arg(long)]
        title: String,
        /// A competency it evidences, with the level (`ID@3`; without `@N`, the framework's
        /// target level); repeatable.
        #[arg(long, value_name = "ID[@LEVEL]")]
        competency: Vec<String>,
        /// A question it answers (its full id); repeatable.
        #[arg(long, value_name = "ID")]
        question: Vec<String>,
    },
    /// The coverage map: per competency, stories per level, and whether fewer than two reach the
    /// target level (the framework's `target_level`, or --level).
    Coverage {
        /// One JSON object per competency: competency, stories (per level), target, gap,
        /// uncovered_behaviors.
        #[arg(long)]
        json: bool,
        /// Judge every framework's gaps at this level.
        #[arg(long, value_name = "N", value_parser = level_parser())]
        level: Option<usize>,
    },
    /// The whole bank as one Markdown document.
    Export,
}

#[derive(Debug, Subcommand)]
pub enum SessionsAction {
    /// Remove every file that holds this session's candidate: the session, its conflict copies,
    /// its scorecard; prints each path removed.
    ///
    /// Asks first on a terminal; scripts pass --yes.
    Delete {
        /// The session's id, or a part of one session's id or candidate's name (any case).
        #[arg(required_unless_present = "candidate", conflicts_with = "candidate")]
        session: Option<String>,
        /// Every session of this candidate (the whole name, any case).
        #[arg(long, value_name = "NAME")]
        candidate: Option<String>,
        /// Do not ask (needed when standard input is not a terminal).
        #[arg(long)]
        yes: bool,
        /// Also every file of the candidate in the team folder (their submitted scorecards, by
        /// anyone), listing each.
        #[arg(long, requires = "candidate")]
        team: bool,
    },
}

/// A level: 1 to `MAX_LEVEL`.
fn level_parser() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::<usize>::new()
        .range(1..=crate::interview::MAX_LEVEL as u64)
}

/// An interview date given on the command line: `YYYY-MM-DD`, from today to a year ahead.
fn parse_until(text: &str) -> Result<chrono::NaiveDate, String> {
    crate::practice::schedule::interview_date(text, chrono::Local::now().date_naive())
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
