//! The story bank: STAR stories a candidate tells, each evidencing competencies at a level and
//! answering questions, and the map of which competencies and behaviors they cover.
//!
//! A story is Markdown with TOML front matter between `+++` lines:
//!
//! ```text
//! +++
//! title = "The double-billed customer"
//! summary = "The 90-second version."
//! tags = ["conflict"]
//! questions = ["customer-support/customer-interaction/difficult-customer"]
//!
//! [[competencies]]
//! id = "customer-support/customer-interaction"
//! level = 3
//! behaviors = [2]        # optional: the level's behavior statements, by number
//! +++
//!
//! ## Situation
//! …
//! ```
//!
//! No terminal code and no files: `store::stories` reads and writes them.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::content::Library;

/// How a story's card is named in the review schedule beside the questions: `story:ID` (no
/// question id has a `:`).
pub const CARD_PREFIX: &str = "story:";

/// The schedule's card id of story `id`.
pub fn card_id(id: &str) -> String {
    format!("{CARD_PREFIX}{id}")
}

/// The story a schedule card id stands for, if it is one.
pub fn story_of_card(card: &str) -> Option<&str> {
    card.strip_prefix(CARD_PREFIX)
}

/// The sections of a story, in the order they are told.
pub const SECTIONS: [&str; 5] = ["Situation", "Task", "Action", "Result", "Reflection"];

/// A story as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The file name without `.md`.
    pub id: String,
    pub title: String,
    /// The 90-second version, shown first.
    pub summary: String,
    pub tags: Vec<String>,
    pub competencies: Vec<Evidence>,
    /// Ids of the questions it answers.
    pub questions: Vec<String>,
    /// The text after the front matter.
    pub body: String,
}

/// A competency a story evidences, at a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub competency: String,
    pub level: usize,
    /// Behavior statements of that level it shows, by number (1-based).
    pub behaviors: Vec<usize>,
}

/// A problem in a story file, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryProblem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    questions: Vec<Spanned<String>>,
    #[serde(default)]
    competencies: Vec<EvidenceEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceEntry {
    id: Spanned<String>,
    level: Spanned<i64>,
    #[serde(default)]
    behaviors: Vec<Spanned<i64>>,
}

impl Story {
    /// The words of the story as told (headings and Markdown marks aside).
    pub fn words(&self) -> usize {
        told_words(&self.body)
    }

    /// Its sections: each heading the body has, with its text.
    pub fn sections(&self) -> Vec<(String, String)> {
        let mut sections: Vec<(String, String)> = Vec::new();
        for line in self.body.lines() {
            let trimmed = line.trim();
            if let Some(heading) = trimmed.strip_prefix("## ") {
                sections.push((heading.trim().to_string(), String::new()));
            } else if let Some((_, text)) = sections.last_mut()
                && (!text.is_empty() || !trimmed.is_empty())
            {
                text.push_str(line);
                text.push('\n');
            }
        }
        for (_, text) in &mut sections {
            *text = text.trim_end().to_string();
        }
        sections
    }

    /// The level it evidences `competency` at, if it does.
    pub fn level_of(&self, competency: &str) -> Option<usize> {
        self.competencies
            .iter()
            .find(|e| e.competency == competency)
            .map(|e| e.level)
    }
}

/// The words a story file tells: after its front matter (when it has one), headings and Markdown
/// marks aside. The editor counts a story being written with it, the bank a story read.
pub fn told_words(text: &str) -> usize {
    let body = text
        .strip_prefix("+++")
        .and_then(|rest| rest.split_once("\n+++").map(|(_, body)| body))
        .unwrap_or(text);
    body.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// Reads a story. `library` checks the competencies, levels, behaviors and questions it names;
/// every problem is returned, located in the file.
pub fn parse(id: &str, text: &str, library: &Library) -> Result<Story, Vec<StoryProblem>> {
    match parse_keeping(id, text, library) {
        Ok((story, problems)) if problems.is_empty() => Ok(story),
        Ok((_, problems)) | Err(problems) => Err(problems),
    }
}

/// As [`parse`], but a story whose front matter reads keeps what is right in it: an unknown
/// competency or question, a level or behavior off the scale, is left out and returned as a
/// problem beside the story. Only a front matter that does not read loses the story.
pub fn parse_keeping(
    id: &str,
    text: &str,
    library: &Library,
) -> Result<(Story, Vec<StoryProblem>), Vec<StoryProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let normalized;
    let text = if text.contains('\r') {
        normalized = text.replace("\r\n", "\n");
        normalized.as_str()
    } else {
        text
    };
    let at = |offset: usize, message: String| {
        let (line, column) = line_column(text, offset);
        StoryProblem {
            line,
            column,
            message,
        }
    };
    let Some(rest) = text.strip_prefix("+++\n") else {
        return Err(vec![at(
            0,
            "a story starts with its front matter: a `+++` line, `title = \"…\"`, the \
             competencies, and another `+++` line"
                .to_string(),
        )]);
    };
    let Some(end) = rest.find("\n+++") else {
        return Err(vec![at(
            0,
            "the front matter is never closed: add a `+++` line after it".to_string(),
        )]);
    };
    let front = &rest[..=end];
    let offset = 4;
    let body_start = offset + end + "\n+++".len();
    let body = text[body_start..]
        .strip_prefix('\n')
        .unwrap_or(&text[body_start..])
        .to_string();
    let matter: FrontMatter = match toml::from_str(front) {
        Ok(matter) => matter,
        Err(e) => {
            let start = e.span().map_or(0, |s| s.start);
            let message = e.message().trim().replace('\n', " ");
            return Err(vec![at(offset + start, format!("front matter: {message}"))]);
        }
    };
    let mut problems = Vec::new();
    let mut report = |span: Range<usize>, message: String| {
        problems.push(at(offset + span.start, message));
    };
    let mut title = matter.title.get_ref().trim().to_string();
    if title.is_empty() {
        report(
            matter.title.span(),
            "the title is empty: name the story".to_string(),
        );
        title = id.to_string();
    }
    let mut competencies = Vec::new();
    for entry in &matter.competencies {
        let id = entry.id.get_ref();
        let Some(competency) = library.competency(id) else {
            report(
                entry.id.span(),
                format!(
                    "unknown competency `{}`: use a full id such as \
                     `customer-support/customer-interaction` (`cuecard list` shows them)",
                    crate::text::inert(id)
                ),
            );
            continue;
        };
        let scale = competency.behaviors.len();
        let level = *entry.level.get_ref();
        if level < 1 || level as u64 > scale as u64 {
            report(
                entry.level.span(),
                format!(
                    "level {level} is not on {}'s scale: use 1 to {scale}",
                    competency.name
                ),
            );
            continue;
        }
        let level = level as usize;
        let count = competency.behaviors[level - 1].len();
        let mut behaviors = Vec::new();
        for number in &entry.behaviors {
            let n = *number.get_ref();
            if n < 1 || n as u64 > count as u64 {
                report(
                    number.span(),
                    format!(
                        "behavior {n} is not one of level {level}'s {count} statements of {}",
                        competency.name
                    ),
                );
            } else {
                behaviors.push(n as usize);
            }
        }
        competencies.push(Evidence {
            competency: competency.id.clone(),
            level,
            behaviors,
        });
    }
    let mut questions = Vec::new();
    for question in &matter.questions {
        if library.question(question.get_ref()).is_some() {
            questions.push(question.get_ref().clone());
        } else {
            report(
                question.span(),
                format!(
                    "unknown question `{}`: use its full id (`cuecard search` prints ids)",
                    crate::text::inert(question.get_ref())
                ),
            );
        }
    }
    let story = Story {
        id: id.to_string(),
        title,
        summary: matter.summary.trim().to_string(),
        tags: matter.tags,
        competencies,
        questions,
        body,
    };
    Ok((story, problems))
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// `text` (a story file) with `question` among the questions its front matter lists; `None` when
/// it already is, or the front matter cannot be read. The rest of the file is kept as written.
pub fn with_question(text: &str, question: &str) -> Option<String> {
    let rest = text.strip_prefix("+++\n")?;
    let end = rest.find("\n+++")?;
    let front = &rest[..=end];
    let mut document: toml_edit::DocumentMut = front.parse().ok()?;
    let questions = document
        .entry("questions")
        .or_insert(toml_edit::value(toml_edit::Array::new()))
        .as_array_mut()?;
    if questions.iter().any(|q| q.as_str() == Some(question)) {
        return None;
    }
    questions.push(question);
    let front = document.to_string();
    Some(format!("+++\n{}{}", front, &rest[end + 1..]))
}

/// A new story's text: the front matter and the STAR headings to fill in.
pub fn new_story(title: &str, competencies: &[(String, usize)], questions: &[String]) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut text = format!(
        "+++\ntitle = {}\n# The 90-second version, shown first.\nsummary = \"\"\ntags = []\nquestions = [{}]\n",
        quote(title),
        questions
            .iter()
            .map(|q| quote(q))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (id, level) in competencies {
        text.push_str(&format!(
            "\n[[competencies]]\nid = {}\nlevel = {level}\n# behaviors = [1, 2]   (the level's statements it shows, by number)\n",
            quote(id)
        ));
    }
    text.push_str("+++\n");
    for section in SECTIONS {
        text.push_str(&format!("\n## {section}\n\n"));
    }
    text
}

/// How well the stories cover one competency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageRow {
    pub competency: String,
    pub name: String,
    /// Stories evidencing each level (index 0 is level 1).
    pub stories: Vec<usize>,
    /// The level the gap is judged at, when known.
    pub target: Option<usize>,
    /// Fewer than [`ENOUGH`] stories at or above the target level (at any level without one).
    pub gap: bool,
    /// Behaviors of the target level (every level without one) no story names: (level, text).
    pub uncovered: Vec<(usize, String)>,
}

/// Stories per competency a candidate wants at the level of the role.
pub const ENOUGH: usize = 2;

/// The coverage map over every competency of `library`: `target` gives the level each
/// competency's gap is judged at (the framework's target level, or `--level`).
pub fn coverage(
    library: &Library,
    stories: &[Story],
    target: impl Fn(&str) -> Option<usize>,
) -> Vec<CoverageRow> {
    let mut rows = Vec::new();
    for framework in &library.frameworks {
        for competency in &framework.competencies {
            let levels = competency.behaviors.len();
            let target = target(&framework.id).filter(|t| (1..=levels).contains(t));
            let mut per_level = vec![0; levels];
            let mut named: Vec<(usize, usize)> = Vec::new();
            for story in stories {
                for evidence in story
                    .competencies
                    .iter()
                    .filter(|e| e.competency == competency.id)
                {
                    if let Some(count) = per_level.get_mut(evidence.level - 1) {
                        *count += 1;
                    }
                    named.extend(evidence.behaviors.iter().map(|&b| (evidence.level, b)));
                }
            }
            let enough = match target {
                Some(t) => per_level[t - 1..].iter().sum::<usize>(),
                None => per_level.iter().sum(),
            };
            let uncovered = competency
                .behaviors
                .iter()
                .enumerate()
                .filter(|(i, _)| target.is_none_or(|t| t == i + 1))
                .flat_map(|(i, statements)| {
                    let named = &named;
                    statements
                        .iter()
                        .enumerate()
                        .filter(move |(b, _)| !named.contains(&(i + 1, b + 1)))
                        .map(move |(_, text)| (i + 1, text.clone()))
                })
                .collect();
            rows.push(CoverageRow {
                competency: competency.id.clone(),
                name: competency.name.clone(),
                stories: per_level,
                target,
                gap: enough < ENOUGH,
                uncovered,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentSource, load};

    fn library() -> Library {
        load(&[ContentSource::Bundled]).library
    }

    const STORY: &str = "+++\ntitle = \"The double bill\"\nsummary = \"Short.\"\nquestions = []\n\n[[competencies]]\nid = \"customer-support/customer-interaction\"\nlevel = 3\nbehaviors = [1, 2]\n+++\n\n## Situation\nA customer was billed twice.\n\n## Action\nI called back the same day.\n";

    #[test]
    fn a_story_reads_with_its_sections_and_words() {
        let story = parse("double-bill", STORY, &library()).unwrap();
        assert_eq!(story.title, "The double bill");
        assert_eq!(story.summary, "Short.");
        assert_eq!(
            story.competencies,
            [Evidence {
                competency: "customer-support/customer-interaction".into(),
                level: 3,
                behaviors: vec![1, 2]
            }]
        );
        let sections = story.sections();
        assert_eq!(
            sections[0],
            ("Situation".into(), "A customer was billed twice.".into())
        );
        assert_eq!(sections[1].0, "Action");
        assert_eq!(story.words(), 11);
        // What `new_story` writes reads back.
        let fresh = new_story(
            "A \"quoted\" title",
            &[("customer-support/customer-interaction".into(), 2)],
            &["customer-support/customer-interaction/interaction-that-went-wrong".into()],
        );
        let story = parse("x", &fresh, &library()).unwrap();
        assert_eq!(story.title, "A \"quoted\" title");
        assert_eq!(story.sections().len(), SECTIONS.len());
    }

    #[test]
    fn a_question_is_linked_in_the_front_matter_and_the_rest_is_kept() {
        let id = "customer-support/customer-interaction/interaction-that-went-wrong";
        let linked = with_question(STORY, id).unwrap();
        let story = parse("s", &linked, &library()).unwrap();
        assert_eq!(story.questions, [id]);
        assert!(linked.ends_with("I called back the same day.\n"));
        assert!(linked.contains("[[competencies]]"));
        assert_eq!(with_question(&linked, id), None, "linked once");
        assert_eq!(with_question("no front matter", id), None);
    }

    #[test]
    fn front_matter_problems_are_located() {
        let unknown = STORY.replace("customer-support/customer-interaction", "nope/x");
        let problems = parse("s", &unknown, &library()).unwrap_err();
        assert_eq!((problems[0].line, problems[0].column), (7, 6));
        assert!(
            problems[0]
                .message
                .starts_with("unknown competency `nope/x`")
        );
        let level = STORY.replace("level = 3", "level = 7");
        let problems = parse("s", &level, &library()).unwrap_err();
        assert_eq!(problems[0].line, 8);
        assert!(problems[0].message.contains("use 1 to 4"));
        let behavior = STORY.replace("[1, 2]", "[1, 99]");
        let problems = parse("s", &behavior, &library()).unwrap_err();
        assert_eq!((problems[0].line, problems[0].column), (9, 17));
        let typo = STORY.replace("summary", "sumary");
        let problems = parse("s", &typo, &library()).unwrap_err();
        assert_eq!(problems[0].line, 3);
        assert!(
            problems[0].message.contains("sumary"),
            "{}",
            problems[0].message
        );
        let open = STORY.replace("+++\n\n## Situation", "\n## Situation");
        assert!(
            parse("s", &open, &library()).unwrap_err()[0]
                .message
                .contains("never closed")
        );
        assert_eq!(
            parse("s", "## Situation\n", &library()).unwrap_err()[0].line,
            1
        );
    }

    #[test]
    fn the_map_counts_stories_per_level_and_flags_gaps_at_the_target() {
        let library = library();
        let one = parse("one", STORY, &library).unwrap();
        let two = parse("two", &STORY.replace("level = 3", "level = 4"), &library).unwrap();
        let rows = coverage(&library, &[one.clone(), two], |_| Some(3));
        let row = rows
            .iter()
            .find(|r| r.competency == "customer-support/customer-interaction")
            .unwrap();
        assert_eq!(row.stories, [0, 0, 1, 1]);
        assert!(!row.gap, "a level-4 story counts toward a level-3 target");
        // Behaviors 1 and 2 of level 3 are named; the others of level 3 are not.
        assert!(row.uncovered.iter().all(|(level, _)| *level == 3));
        assert_eq!(
            row.uncovered.len(),
            library.competency(&row.competency).unwrap().behaviors[2].len() - 2
        );
        let rows = coverage(&library, &[one], |_| Some(3));
        assert!(
            rows.iter().all(|r| r.gap),
            "one story is not enough anywhere"
        );
    }
}
