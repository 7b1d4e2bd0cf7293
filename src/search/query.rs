//! What a search string asks for: fuzzy words, and filters written in the query itself.

use super::Kind;

/// A parsed search string. Words are lowercased; every word must match (in any order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<String>,
    /// `#tag`: the entry's question or competency carries every one of these tags.
    pub tags: Vec<String>,
    /// `level:N`: the entry belongs to level N (a behavior, or a question probing it).
    pub level: Option<usize>,
    /// `q:`, `c:` …: only these kinds of entry. Empty means every kind.
    pub kinds: Vec<Kind>,
}

impl Query {
    /// Splits on whitespace. `#tag`, `level:N` (or `l:N`) and a kind prefix (`q:`, `c:`, `d:`,
    /// `b:`, `k:`, `f:`, `s:`, alone or glued to a word as in `q:escalation`) are filters; the
    /// rest are fuzzy words. A filter with nothing after it (`#`, `level:`) is ignored while it is
    /// being typed.
    pub fn parse(input: &str) -> Query {
        let mut query = Query::default();
        for token in input.split_whitespace() {
            let lower = token.to_lowercase();
            if let Some(tag) = lower.strip_prefix('#') {
                if !tag.is_empty() {
                    query.tags.push(tag.to_string());
                }
                continue;
            }
            if let Some(n) = lower
                .strip_prefix("level:")
                .or_else(|| lower.strip_prefix("l:"))
            {
                if let Ok(n) = n.parse() {
                    query.level = Some(n);
                }
                continue;
            }
            if let Some((prefix, rest)) = lower.split_once(':')
                && let Some(kind) = Kind::from_prefix(prefix)
            {
                if !query.kinds.contains(&kind) {
                    query.kinds.push(kind);
                }
                if !rest.is_empty() {
                    query.words.push(rest.to_string());
                }
                continue;
            }
            query.words.push(lower);
        }
        query
    }

    /// Why `input` can find nothing, when a filter in it cannot match: a `#tag` no entry carries
    /// (`tags`: every tag in use), or a `level:` that is not a level of any scale (1 to `top`).
    pub fn problem(
        input: &str,
        tags: &std::collections::BTreeSet<String>,
        top: usize,
    ) -> Option<String> {
        for token in input.split_whitespace() {
            let lower = token.to_lowercase();
            if let Some(tag) = lower.strip_prefix('#')
                && !tag.is_empty()
                && !tags.contains(tag)
            {
                let known: Vec<String> = tags.iter().take(8).map(|t| format!("#{t}")).collect();
                return Some(format!(
                    "no entry has the tag #{tag}; tags in use: {}{}",
                    known.join(" "),
                    if tags.len() > known.len() { " …" } else { "" }
                ));
            }
            if let Some(level) = lower
                .strip_prefix("level:")
                .or_else(|| lower.strip_prefix("l:"))
                && !level.is_empty()
                && !level.parse::<usize>().is_ok_and(|n| (1..=top).contains(&n))
            {
                return Some(format!(
                    "level:{level} is not a level; write level:1 to level:{top}"
                ));
            }
        }
        None
    }

    /// True when the query asks for nothing at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
            && self.tags.is_empty()
            && self.level.is_none()
            && self.kinds.is_empty()
    }

    /// True when every entry this query matches is also matched by `earlier`: same filters, and
    /// each earlier word is the start of the word in its place (words only grew, or were added).
    /// Then the earlier matches are all that need to be searched.
    pub fn narrows(&self, earlier: &Query) -> bool {
        self.tags == earlier.tags
            && self.level == earlier.level
            && self.kinds == earlier.kinds
            && earlier.words.len() <= self.words.len()
            && earlier
                .words
                .iter()
                .zip(&self.words)
                .all(|(old, new)| new.starts_with(old.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_filters() {
        let q = Query::parse("Escal  #Behavioral level:3 q: cust");
        assert_eq!(q.words, ["escal", "cust"]);
        assert_eq!(q.tags, ["behavioral"]);
        assert_eq!(q.level, Some(3));
        assert_eq!(q.kinds, [Kind::Question]);
        let glued = Query::parse("k:metric l:2");
        assert_eq!(glued.words, ["metric"]);
        assert_eq!(glued.kinds, [Kind::KeyPoint]);
        assert_eq!(glued.level, Some(2));
    }

    #[test]
    fn half_typed_filters_are_ignored_and_unknown_prefixes_are_words() {
        let tags = std::collections::BTreeSet::from(["behavioral".to_string()]);
        assert_eq!(
            Query::problem("escalate #behavioral level:3", &tags, 4),
            None
        );
        let unknown = Query::problem("escalate #behavoiral", &tags, 4).unwrap();
        assert!(
            unknown.contains("#behavoiral") && unknown.contains("#behavioral"),
            "{unknown}"
        );
        let level = Query::problem("level:three", &tags, 4).unwrap();
        assert!(level.contains("level:1 to level:4"), "{level}");
        assert!(Query::problem("l:7", &tags, 4).is_some());
        // Filters still being typed are not problems yet.
        assert_eq!(Query::problem("# level:", &tags, 4), None);
        let q = Query::parse("# level: x:y");
        assert!(q.tags.is_empty() && q.level.is_none());
        assert_eq!(q.words, ["x:y"]);
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn a_grown_query_narrows_the_earlier_one() {
        let earlier = Query::parse("esc");
        assert!(Query::parse("esca").narrows(&earlier));
        assert!(Query::parse("esca cus").narrows(&earlier));
        assert!(!Query::parse("es").narrows(&earlier));
        assert!(!Query::parse("esca #x").narrows(&earlier));
        assert!(!Query::parse("xesc").narrows(&earlier));
    }
}
