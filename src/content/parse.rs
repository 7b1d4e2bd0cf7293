//! Reading one content file into the model, reporting every defect it holds with its location.
//!
//! The TOML is parsed into spanned values (`toml::de::DeTable`) and walked by hand rather than
//! through serde, so that one pass can report every missing, misspelled, mistyped or out-of-range
//! value at once instead of stopping at the first.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::source::ContentFile;
use super::{Competency, Problem, Question};
use crate::text::allowed_in_content;

/// Where the `nth` error (from 0) with no location and this `message` (a key nested past the
/// parser's recursion limit says "recursion limit" and nothing more) stands in `text`: the first
/// non-blank byte of the shortest run of first lines that makes that many such errors. `None`
/// when no run of lines makes it.
pub fn place_spanless(text: &str, message: &str, nth: usize) -> Option<usize> {
    let ends: Vec<usize> = text
        .match_indices('\n')
        .map(|(at, _)| at + 1)
        .chain((!text.ends_with('\n')).then_some(text.len()))
        .collect();
    let makes_it = |lines: usize| {
        let (_, errors) = DeTable::parse_recoverable(&text[..ends[lines - 1]]);
        errors
            .iter()
            .filter(|e| e.span().is_none() && e.message() == message)
            .count()
            > nth
    };
    // More lines never make fewer such errors: the shortest run is found by halving.
    let (mut low, mut high) = (1, ends.len());
    if high == 0 || !makes_it(high) {
        return None;
    }
    while low < high {
        let middle = low + (high - low) / 2;
        if makes_it(middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    let start = if low == 1 { 0 } else { ends[low - 2] };
    let line = &text[start..ends[low - 1]];
    Some(start + (line.len() - line.trim_start().len()))
}

pub const MIN_LEVELS: usize = 2;
pub const MAX_LEVELS: usize = 9;

pub(crate) const FRAMEWORK_KEYS: &[&str] = &["name", "description", "levels"];
pub(crate) const COMPETENCY_KEYS: &[&str] = &[
    "name",
    "definition",
    "tags",
    "study",
    "behaviors",
    "questions",
];
pub(crate) const QUESTION_KEYS: &[&str] = &[
    "id",
    "text",
    "level",
    "tags",
    "key_points",
    "follow_ups",
    "interviewer_note",
];

type Value<'i> = Spanned<DeValue<'i>>;

/// `framework.toml`, read.
#[derive(Debug, Clone)]
pub(crate) struct FrameworkHeader {
    pub name: String,
    pub description: Option<String>,
    pub levels: Vec<String>,
}

/// True for ids of frameworks, competencies and questions: `[a-z0-9-]+`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What one file's checks need: where the file is, its text, and where problems go.
struct FileCheck<'a> {
    path: &'a str,
    text: &'a str,
    problems: &'a mut Vec<Problem>,
    found: usize,
}

impl<'a> FileCheck<'a> {
    /// Starts checking `file`; `None` after reporting when its bytes are not text.
    fn open(file: &'a ContentFile, problems: &'a mut Vec<Problem>) -> Option<Self> {
        match decode(file) {
            Ok(text) => Some(FileCheck {
                path: &file.path,
                text,
                problems,
                found: 0,
            }),
            Err(problem) => {
                problems.push(problem);
                None
            }
        }
    }

    fn report(&mut self, span: &Range<usize>, message: impl Into<String>) {
        self.found += 1;
        self.problems
            .push(Problem::at_span(self.path, self.text, span, message));
    }

    /// Parses the text, reporting every syntax error. `None` when there was any.
    fn parse(&mut self) -> Option<Spanned<DeTable<'a>>> {
        let (table, errors) = DeTable::parse_recoverable(self.text);
        for (n, error) in errors.iter().enumerate() {
            let span = error.span().unwrap_or_else(|| {
                let nth = errors[..n]
                    .iter()
                    .filter(|e| e.span().is_none() && e.message() == error.message())
                    .count();
                let at = place_spanless(self.text, error.message(), nth).unwrap_or(0);
                at..at
            });
            let message = error.message().trim().replace('\n', " ");
            self.report(&span, format!("TOML syntax: {message}"));
        }
        errors.is_empty().then_some(table)
    }

    /// Reports every key of `table` not in `allowed`, suggesting the nearest allowed key.
    fn unknown_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], what: &str) {
        for key in table.keys() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            let nearest = allowed
                .iter()
                .map(|a| (strsim::damerau_levenshtein(name, a), a))
                .min()
                .filter(|(distance, _)| *distance <= 3)
                .map(|(_, a)| format!(" (did you mean `{a}`?)"))
                .unwrap_or_default();
            self.report(
                &key.span(),
                format!(
                    "unknown key `{name}` in {what}{nearest}; the keys it may have are: {}",
                    allowed.join(", ")
                ),
            );
        }
    }

    /// The value of a required key; reports it missing otherwise. `table_span` is `None` for a
    /// file's top level, where there is no one line to point at.
    fn required<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        table_span: Option<&Range<usize>>,
        key: &str,
        what: &str,
        how: &str,
    ) -> Option<&'t Value<'i>> {
        let value = table.get(key);
        if value.is_none() {
            let message = format!("{what} is missing the required key `{key}`: {how}");
            match table_span {
                Some(span) => self.report(span, message),
                None => {
                    self.found += 1;
                    self.problems.push(Problem::whole_file(self.path, message));
                }
            }
        }
        value
    }

    /// A non-empty string of content text.
    fn text_value(&mut self, value: &Value<'_>, key: &str) -> Option<String> {
        let DeValue::String(s) = value.get_ref() else {
            self.wrong_type(value, key, "a string");
            return None;
        };
        let s: Cow<'_, str> = if s.contains('\r') {
            Cow::Owned(s.replace("\r\n", "\n"))
        } else {
            Cow::Borrowed(s)
        };
        let s = s.trim();
        if s.is_empty() {
            self.report(
                &value.span(),
                format!("`{key}` is empty: write the text, or remove the key"),
            );
            return None;
        }
        if let Some((index, c)) = s.char_indices().find(|(_, c)| !allowed_in_content(*c)) {
            let nth = s[..index].chars().count() + 1;
            self.report(
                &value.span(),
                format!(
                    "`{key}` holds the control character U+{:04X} at character {nth}: remove it \
                     (content text may hold newlines and tabs, nothing else that drives a terminal)",
                    c as u32
                ),
            );
            return None;
        }
        Some(s.to_string())
    }

    /// A list of non-empty strings; `None` after reporting when it is not one.
    fn text_list(&mut self, value: &Value<'_>, key: &str) -> Option<Vec<String>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(value, key, "a list of strings");
            return None;
        };
        let before = self.found;
        let list: Vec<String> = items
            .iter()
            .filter_map(|item| self.text_value(item, key))
            .collect();
        (self.found == before).then_some(list)
    }

    fn tags(&mut self, value: &Value<'_>) -> Option<Vec<String>> {
        let tags = self.text_list(value, "tags")?;
        let before = self.found;
        for tag in &tags {
            if tag.chars().any(char::is_whitespace) {
                self.report(
                    &value.span(),
                    format!(
                        "tag `{tag}` has a space: join its words with `-`, as in `customer-facing`"
                    ),
                );
            }
        }
        (self.found == before).then_some(tags)
    }

    /// A whole number within `1..=max` (`max` unknown when the framework's scale is broken).
    fn level(&mut self, value: &Value<'_>, key: &str, scale: Option<&[String]>) -> Option<usize> {
        let DeValue::Integer(n) = value.get_ref() else {
            self.wrong_type(value, key, "a whole number");
            return None;
        };
        let n = i64::from_str_radix(n.as_str(), n.radix()).ok();
        self.level_in_scale(&value.span(), n, scale, &format!("question {key}"))
    }

    fn level_in_scale(
        &mut self,
        span: &Range<usize>,
        n: Option<i64>,
        scale: Option<&[String]>,
        what: &str,
    ) -> Option<usize> {
        let max = scale.map_or(MAX_LEVELS, <[String]>::len);
        match n {
            Some(n) if n >= 1 && n as u64 <= max as u64 => Some(n as usize),
            _ => {
                let shown = n.map_or_else(|| "that".to_string(), |n| n.to_string());
                self.report(
                    span,
                    format!(
                        "{what} {shown} is outside this framework's scale of {max} levels: use a \
                         level from 1 to {max}"
                    ),
                );
                None
            }
        }
    }

    fn wrong_type(&mut self, value: &Value<'_>, key: &str, expected: &str) {
        self.report(
            &value.span(),
            format!(
                "`{key}` must be {expected}, not {} {}",
                article(value.get_ref().type_str()),
                value.get_ref().type_str()
            ),
        );
    }

    fn table<'t, 'i>(&mut self, value: &'t Value<'i>, key: &str) -> Option<&'t DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(value, key, "a table");
                None
            }
        }
    }
}

fn article(type_name: &str) -> &'static str {
    if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The file's text: UTF-8, without a leading byte-order mark. A file that is not UTF-8 gives a
/// problem located at its first bad byte.
pub(crate) fn decode(file: &ContentFile) -> Result<&str, Problem> {
    let bytes = file
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&file.bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let mut problem = Problem::at(
            &file.path,
            valid,
            offset,
            format!(
                "the file is not valid UTF-8 (byte offset {offset}, byte 0x{:02X}): save it with \
                 UTF-8 encoding",
                bytes[offset]
            ),
        );
        problem.source_line = None;
        problem
    })
}

/// Reads `framework.toml`. `None` (with problems reported) when it is not usable.
pub(crate) fn parse_framework(
    file: &ContentFile,
    problems: &mut Vec<Problem>,
) -> Option<FrameworkHeader> {
    let mut check = FileCheck::open(file, problems)?;
    let root = check.parse()?;
    let table = root.get_ref();
    check.unknown_keys(table, FRAMEWORK_KEYS, "framework.toml");
    let name = check
        .required(table, None, "name", "framework.toml", "add `name = \"…\"`")
        .and_then(|v| check.text_value(v, "name"));
    let description = table
        .get("description")
        .map(|v| check.text_value(v, "description"));
    let levels = check
        .required(
            table,
            None,
            "levels",
            "framework.toml",
            "add the scale's level names in order, as in `levels = [\"Basic\", \"Working\", \"Expert\"]`",
        )
        .and_then(|v| scale(&mut check, v));
    if check.found > 0 {
        return None;
    }
    Some(FrameworkHeader {
        name: name?,
        description: description.flatten(),
        levels: levels?,
    })
}

fn scale(check: &mut FileCheck<'_>, value: &Value<'_>) -> Option<Vec<String>> {
    let levels = check.text_list(value, "levels")?;
    if levels.len() < MIN_LEVELS || levels.len() > MAX_LEVELS {
        let what = if levels.is_empty() {
            "`levels` is empty".to_string()
        } else {
            format!("`levels` has {} names", levels.len())
        };
        check.report(
            &value.span(),
            format!(
                "{what}: list the scale's level names in order, {MIN_LEVELS} to {MAX_LEVELS} of them"
            ),
        );
        return None;
    }
    Some(levels)
}

/// Reads a competency file of framework `framework_id`, whose scale is `scale` (`None` when the
/// framework itself is broken: then everything but level ranges is still checked). `file` is the
/// file's place on disk, `None` for bundled content.
pub(crate) fn parse_competency(
    file: &ContentFile,
    framework_id: &str,
    scale: Option<&[String]>,
    problems: &mut Vec<Problem>,
) -> Option<Competency> {
    let mut check = FileCheck::open(file, problems)?;
    if !is_valid_id(&file.stem) {
        check.report(
            &(0..0),
            format!(
                "the file name `{}.toml` is not a valid competency id: use only a-z, 0-9 and `-`",
                file.stem
            ),
        );
    }
    let root = check.parse()?;
    let table = root.get_ref();
    let what = "a competency file";
    check.unknown_keys(table, COMPETENCY_KEYS, what);
    let name = check
        .required(table, None, "name", what, "add `name = \"…\"`")
        .and_then(|v| check.text_value(v, "name"));
    let definition = table
        .get("definition")
        .map(|v| check.text_value(v, "definition"));
    let tags = table.get("tags").map(|v| check.tags(v));
    let study = table.get("study").map(|v| check.text_list(v, "study"));
    // A competency without behaviors is a question bank: every level is empty.
    let behaviors = match table.get("behaviors") {
        Some(v) => behaviors(&mut check, v, scale),
        None => Some(vec![Vec::new(); scale.map_or(0, <[String]>::len)]),
    };
    let id = format!("{framework_id}/{}", file.stem);
    let questions = table
        .get("questions")
        .map(|v| questions(&mut check, v, &id, scale, &Taken::default()));
    if check.found > 0 {
        return None;
    }
    let mut questions = questions.flatten().unwrap_or_default();
    let origin = file.origin();
    for question in &mut questions {
        question.file.clone_from(&origin);
    }
    Some(Competency {
        id,
        name: name?,
        definition: definition.flatten().unwrap_or_default(),
        tags: tags.flatten().unwrap_or_default(),
        study: study.flatten().unwrap_or_default(),
        behaviors: behaviors?,
        questions,
    })
}

/// The ids a file's questions must not reuse: those of the competency it adds to.
#[derive(Debug, Default)]
struct Taken<'a> {
    competency: Option<&'a Competency>,
}

impl Taken<'_> {
    fn holds(&self, id: &str) -> Option<&str> {
        let competency = self.competency?;
        competency
            .questions
            .iter()
            .any(|q| q.local_id() == id)
            .then_some(competency.name.as_str())
    }
}

/// Reads a file that adds questions to `existing`, a competency loaded from an earlier source:
/// it holds `[[questions]]` and nothing else, and none of its ids is one `existing` already has.
pub(crate) fn parse_added_questions(
    file: &ContentFile,
    existing: &Competency,
    scale: &[String],
    problems: &mut Vec<Problem>,
) -> Option<Vec<Question>> {
    let mut check = FileCheck::open(file, problems)?;
    let root = check.parse()?;
    let table = root.get_ref();
    for key in table.keys() {
        if key.get_ref().as_ref() != "questions" {
            check.report(
                &key.span(),
                format!(
                    "`{}` cannot be changed here: `{}` already exists in this framework, and a file \
                     named after it may only add [[questions]]; to change the competency itself, \
                     copy the whole framework (with its framework.toml) into your content directory",
                    key.get_ref(),
                    existing.name
                ),
            );
        }
    }
    let taken = Taken {
        competency: Some(existing),
    };
    let questions = table
        .get("questions")
        .map(|v| questions(&mut check, v, &existing.id, Some(scale), &taken));
    if check.found > 0 {
        return None;
    }
    let mut questions = questions.flatten().unwrap_or_default();
    let origin = file.origin();
    for question in &mut questions {
        question.file.clone_from(&origin);
    }
    Some(questions)
}

/// `[behaviors]`: one key per level of the scale, each a list of statements (empty where the
/// competency has none at that level).
fn behaviors(
    check: &mut FileCheck<'_>,
    value: &Value<'_>,
    scale: Option<&[String]>,
) -> Option<Vec<Vec<String>>> {
    let table = check.table(value, "behaviors")?;
    let before = check.found;
    let mut by_level: Vec<Option<Vec<String>>> = vec![None; scale.map_or(0, <[String]>::len)];
    for (key, statements) in table.iter() {
        let level = key.get_ref().parse::<i64>().ok();
        let Some(level) = check.level_in_scale(&key.span(), level, scale, "behavior level") else {
            continue;
        };
        let Some(list) = check.text_list(statements, "behaviors") else {
            continue;
        };
        if let Some(slot) = by_level.get_mut(level - 1) {
            *slot = Some(list);
        }
    }
    if let Some(scale) = scale {
        for (index, slot) in by_level.iter().enumerate() {
            let level = index + 1;
            if slot.is_none() && !table.contains_key(level.to_string().as_str()) {
                check.report(
                    &value.span(),
                    format!(
                        "level {level} ({}) is missing under [behaviors]: add `{level} = [\"…\"]`, \
                         or `{level} = []` when the competency has no behaviors at that level",
                        scale[index]
                    ),
                );
            }
        }
    }
    if check.found > before {
        return None;
    }
    by_level.into_iter().collect()
}

/// `[[questions]]`: each with a unique, well-formed id and its text.
fn questions(
    check: &mut FileCheck<'_>,
    value: &Value<'_>,
    competency_id: &str,
    scale: Option<&[String]>,
    taken: &Taken<'_>,
) -> Option<Vec<Question>> {
    let DeValue::Array(items) = value.get_ref() else {
        check.wrong_type(value, "questions", "a list of [[questions]] tables");
        return None;
    };
    let before = check.found;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut questions = Vec::new();
    for item in items.iter() {
        let Some(table) = check.table(item, "questions") else {
            continue;
        };
        let span = item.span();
        let what = "a [[questions]] entry";
        check.unknown_keys(table, QUESTION_KEYS, what);
        let id = check
            .required(
                table,
                Some(&span),
                "id",
                what,
                "add `id = \"…\"` (a-z, 0-9 and `-`)",
            )
            .and_then(|v| question_id(check, v, &mut seen, taken));
        let text = check
            .required(table, Some(&span), "text", what, "add `text = \"…\"`")
            .and_then(|v| check.text_value(v, "text"));
        let level = table.get("level").map(|v| check.level(v, "level", scale));
        let tags = table.get("tags").map(|v| check.tags(v));
        let key_points = table
            .get("key_points")
            .map(|v| check.text_list(v, "key_points"));
        let follow_ups = table
            .get("follow_ups")
            .map(|v| check.text_list(v, "follow_ups"));
        let interviewer_note = table
            .get("interviewer_note")
            .map(|v| check.text_value(v, "interviewer_note"));
        if let (Some(id), Some(text)) = (id, text) {
            questions.push(Question {
                id: format!("{competency_id}/{id}"),
                text,
                level: level.flatten(),
                tags: tags.flatten().unwrap_or_default(),
                key_points: key_points.flatten().unwrap_or_default(),
                follow_ups: follow_ups.flatten().unwrap_or_default(),
                interviewer_note: interviewer_note.flatten(),
                file: None,
            });
        }
    }
    (check.found == before).then_some(questions)
}

fn question_id(
    check: &mut FileCheck<'_>,
    value: &Value<'_>,
    seen: &mut HashMap<String, usize>,
    taken: &Taken<'_>,
) -> Option<String> {
    let DeValue::String(id) = value.get_ref() else {
        check.wrong_type(value, "id", "a string");
        return None;
    };
    if !is_valid_id(id) {
        check.report(
            &value.span(),
            format!("question id `{id}` is malformed: use only a-z, 0-9 and `-`, as in `difficult-customer`"),
        );
        return None;
    }
    if let Some(&first) = seen.get(id.as_ref()) {
        // Only now is the line worth counting: locating every id would read the file once per id.
        let first = super::locate(check.text, first).0;
        check.report(
            &value.span(),
            format!(
                "question id `{id}` is used twice (first on line {first}): ids must be unique within \
                 the file; rename one, keeping the old id where notes already refer to it"
            ),
        );
        return None;
    }
    if let Some(competency) = taken.holds(id) {
        check.report(
            &value.span(),
            format!(
                "question id `{id}` is already a question of {competency}: give the added question \
                 an id of its own"
            ),
        );
        return None;
    }
    seen.insert(id.to_string(), value.span().start);
    Some(id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_digits_and_dashes() {
        assert!(is_valid_id("customer-interaction-2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("Customer"));
        assert!(!is_valid_id("a_b"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id("é"));
    }
}
