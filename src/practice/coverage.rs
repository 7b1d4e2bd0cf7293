//! Which key points a note covers, read the way a careful reader would: by concept rather than by
//! word. The note and the key point are both reduced to concepts — stems, with the field's
//! synonyms and abbreviations folded together (`CSAT` is satisfaction, "vent" and "heard" are
//! listening) — and a few kinds of evidence are recognised by their shape rather than their words:
//! a number stands for "a figure" or "a measure", a result or reflection in the note answers a key
//! point asking for one, the STAR headings' sections count for the scene, the action and the
//! result. A key point listing examples after a colon (`calmed the situation: listening,
//! acknowledging feelings`) is covered by its head or by any one of them. The rest is the share of
//! a point's concepts found in one passage of the note.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// Which of a question's key points a note covers, and what in the note says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// One entry per key point, in order: whether the note covers it.
    pub covered: Vec<bool>,
    /// For each covered point, the passage of the note that covers it.
    pub evidence: Vec<Option<String>>,
}

impl Coverage {
    pub fn count(&self) -> usize {
        self.covered.iter().filter(|c| **c).count()
    }

    /// What in the note matched key point `index`, when it is covered.
    pub fn evidence_of(&self, index: usize) -> Option<String> {
        self.evidence.get(index).cloned().flatten()
    }

    /// Indexes of the key points not covered.
    pub fn missing(&self) -> impl Iterator<Item = usize> + '_ {
        self.covered
            .iter()
            .enumerate()
            .filter(|(_, c)| !**c)
            .map(|(i, _)| i)
    }
}

/// Words too common to say anything about a key point.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "before",
    "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "each", "even",
    "every", "for", "from", "had", "has", "have", "how", "if", "in", "into", "is", "it", "its",
    "it's", "just", "more", "most", "much", "not", "of", "on", "once", "one", "only", "or",
    "other", "our", "out", "over", "own", "same", "should", "so", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "up", "very", "was", "way", "were", "what", "when", "where", "which", "while",
    "who", "why", "will", "with", "without", "would", "you", "your", "i", "we", "my", "me", "us",
    "he", "she", "him", "her", "his", "hers", "was", "got", "get", "went", "go",
];

/// Words key points use to say what the candidate should do with a thing, not the thing itself:
/// "Describes the structure", "Names the system".
const FRAME_WORDS: &[&str] = &[
    "describe",
    "describes",
    "explain",
    "explains",
    "name",
    "names",
    "show",
    "shows",
    "give",
    "gives",
    "state",
    "states",
    "mention",
    "mentions",
    "say",
    "says",
    "cover",
    "covers",
    "include",
    "includes",
    "concrete",
    "concretely",
    "clear",
    "clearly",
    "specific",
    "actual",
    "example",
    "examples",
    "instance",
    "such",
    "possible",
    "candidate",
    "briefly",
    "honestly",
    "rather",
    "well",
    "really",
    "particular",
    "thing",
    "things",
    "links",
    "link",
    "ties",
    "tied",
    "taken",
    "right",
    "make",
    "made",
    "sure",
    "meant",
    "others",
    "reports",
    "uses",
    "keeps",
    "finds",
    "starts",
    "brings",
    "runs",
    "works",
    "involves",
    "chooses",
    "real",
];

/// Where a key point starts to say what is not enough ("not only the mood", "rather than
/// instruction"): the rest is left out.
const NOT_ENOUGH: &[&str] = &[
    ", not ",
    " not only ",
    " rather than ",
    " without ",
    " not just ",
];

/// Phrases that make a key point's figure optional.
const OPTIONAL_FIGURE: &[&str] = &["if possible", "where possible", "ideally", "if any"];

/// Words that make a passage say the thing did not happen, or only that it matters ("data is
/// important"): such a passage covers nothing. `not` counts after `did` or `do`.
const NEGATIONS: &[&str] = &[
    "didn't",
    "never",
    "don't",
    "important",
    "crucial",
    "matters",
];

/// Concepts that stand for several words: the first word of each group names it. Every word is
/// compared by its stem, so one form of a word is enough.
const SYNONYMS: &[&[&str]] = &[
    &[
        "satisfaction",
        "satisfied",
        "csat",
        "nps",
        "complaints",
        "complaint",
        "happy",
        "happier",
        "thanked",
        "thanks",
        "praised",
        "delighted",
        "pleased",
        "loyalty",
        "loyal",
        "renewed",
        "renewal",
        "retained",
        "stayed",
    ],
    &[
        "listen",
        "listened",
        "heard",
        "hear",
        "vent",
        "venting",
        "repeated",
        "paraphrased",
        "understood",
    ],
    &[
        "acknowledge",
        "acknowledged",
        "empathy",
        "empathise",
        "empathize",
        "sympathise",
        "sympathy",
        "apologised",
        "apologized",
        "sorry",
        "feelings",
        "feeling",
        "frustration",
        "frustrated",
        "stressful",
        "angry",
        "upset",
    ],
    &[
        "calm",
        "calmed",
        "composed",
        "patient",
        "cool",
        "level",
        "steady",
        "de-escalate",
        "deescalate",
        "defuse",
        "settled",
        "vent",
        "reassured",
        "listened",
        "apologised",
        "apologized",
    ],
    &[
        "escalate",
        "escalated",
        "escalation",
        "raised",
        "flagged",
        "referred",
        "handed",
        "looped",
        "alerted",
        "reported",
        "told",
        "chased",
        "pushed",
        "nudged",
    ],
    &[
        "customer", "client", "caller", "user", "account", "buyer", "consumer",
    ],
    &[
        "measure",
        "metric",
        "kpi",
        "figure",
        "number",
        "data",
        "score",
        "rate",
        "dashboard",
        "statistics",
        "stats",
        "quantified",
    ],
    &[
        "track",
        "looked",
        "tracked",
        "monitor",
        "monitored",
        "reviewed",
        "review",
        "checked",
        "audit",
        "audited",
        "sampled",
        "watched",
        "dashboard",
        "measured",
    ],
    &[
        "report",
        "reported",
        "reporting",
        "dashboard",
        "summary",
        "weekly",
        "monthly",
    ],
    &[
        "train",
        "training",
        "trained",
        "coach",
        "coached",
        "coaching",
        "workshop",
        "refresher",
        "session",
        "taught",
        "onboarding",
    ],
    &[
        "document",
        "documented",
        "documentation",
        "record",
        "recorded",
        "wrote",
        "written",
        "log",
        "logged",
        "ticket",
        "wiki",
        "article",
        "faq",
        "guideline",
        "guide",
        "notes",
    ],
    &[
        "policy",
        "terms",
        "conditions",
        "rules",
        "rule",
        "procedure",
        "guideline",
        "process",
    ],
    &[
        "pilot", "trial", "trialled", "trialed", "piloted", "tested", "test",
    ],
    &[
        "roll",
        "rollout",
        "launch",
        "launched",
        "introduced",
        "deployed",
        "implemented",
        "phases",
        "phased",
    ],
    &[
        "communication",
        "communicated",
        "announced",
        "email",
        "emailed",
        "briefed",
        "briefing",
        "sent",
    ],
    &[
        "renamed",
        "tweaked",
        "corrected",
        "fix",
        "fixed",
        "solve",
        "solved",
        "resolve",
        "resolved",
        "repaired",
        "replacement",
        "workaround",
        "traced",
        "cause",
        "root",
    ],
    &[
        "problem", "issue", "fault", "outage", "bug", "incident", "breach", "because", "delays",
        "delay", "slow", "waited", "waiting",
    ],
    &[
        "system",
        "tool",
        "platform",
        "software",
        "jira",
        "zendesk",
        "freshdesk",
        "salesforce",
        "servicenow",
        "crm",
        "helpdesk",
        "spreadsheet",
    ],
    &[
        "categories",
        "category",
        "tag",
        "tags",
        "tagged",
        "label",
        "labels",
        "labelled",
        "classified",
    ],
    &[
        "trend",
        "trends",
        "pattern",
        "patterns",
        "recurring",
        "repeated",
        "repeat",
        "visible",
        "revealed",
        "showed",
        "spotted",
    ],
    &[
        "old", "ageing", "aging", "older", "overdue", "stale", "open",
    ],
    &[
        "time", "hours", "minutes", "days", "seconds", "speed", "faster", "quicker", "response",
        "wait",
    ],
    &["response", "reply", "respond", "answer", "answered"],
    &[
        "resolution",
        "resolve",
        "closure",
        "closed",
        "close",
        "fixed",
    ],
    &["quality", "accuracy", "qa"],
    &["availability", "uptime", "hours", "open"],
    &[
        "standard",
        "standards",
        "target",
        "targets",
        "sla",
        "promise",
        "promised",
        "commitment",
    ],
    &[
        "contract",
        "contracts",
        "agreement",
        "enterprise",
        "commercial",
    ],
    &[
        "benchmark",
        "benchmarked",
        "competitor",
        "competitors",
        "industry",
    ],
    &["capacity", "staffing", "headcount", "workload", "carry"],
    &["research", "survey", "surveys", "interviews", "feedback"],
    &["risk", "exposure", "danger", "leak", "slipped"],
    &[
        "security",
        "dpo",
        "privacy",
        "gdpr",
        "infosec",
        "compliance",
        "legal",
    ],
    &[
        "redaction",
        "redact",
        "masking",
        "masked",
        "mask",
        "anonymise",
        "hidden",
    ],
    &[
        "access",
        "restricted",
        "restrict",
        "permissions",
        "locked",
        "limits",
    ],
    &["retention", "retain", "delete", "deleted", "purge", "kept"],
    &[
        "personal",
        "card",
        "cards",
        "pii",
        "passwords",
        "addresses",
        "details",
    ],
    &["screenshot", "screenshots", "attachments", "images"],
    &["inbox", "inboxes", "mailbox", "shared"],
    &[
        "misunderstanding",
        "misunderstood",
        "misread",
        "confusion",
        "confused",
        "mixed",
        "wrong",
        "assumed",
        "thought",
        "mistook",
        "misinterpreted",
    ],
    &[
        "noticed", "notice", "realised", "realized", "spotted", "saw",
    ],
    &["interpretation", "interpret", "meant", "meaning", "read"],
    &[
        "tone",
        "wording",
        "phrasing",
        "rephrased",
        "reworded",
        "formal",
        "plain",
        "short",
        "factual",
        "language",
    ],
    &[
        "adapt", "adapted", "adjusted", "adjust", "switched", "changed", "moved",
    ],
    &[
        "team",
        "colleague",
        "colleagues",
        "staff",
        "agents",
        "agent",
        "reps",
        "representatives",
    ],
    &[
        "role",
        "owned",
        "led",
        "responsible",
        "lead",
        "proposal",
        "drove",
        "ran",
    ],
    &["value", "benefit", "benefits", "saved", "worth", "helped"],
    &[
        "business", "company", "revenue", "cost", "costs", "sales", "contract", "renewed",
        "renewal", "trading", "churn", "orders",
    ],
    &[
        "stake", "stakes", "risk", "peak", "deadline", "critical", "weekend", "takings", "revenue",
    ],
    &["steps", "step", "actions", "arranged", "checked", "found"],
    &[
        "underlying",
        "root",
        "cause",
        "traced",
        "firmware",
        "certificate",
    ],
    &["mood", "emotion", "emotions"],
    &[
        "change",
        "stopped",
        "banned",
        "removed",
        "dropped",
        "changed",
        "differently",
        "improve",
        "improved",
        "adjust",
        "rose",
        "fell",
        "dropped",
        "increased",
        "reduced",
        "decreased",
        "down",
        "up",
        "cut",
        "halved",
        "doubled",
    ],
    &[
        "follow",
        "followed",
        "later",
        "confirm",
        "confirmed",
        "rechecked",
        "revisited",
        "sampled",
        "afterwards",
    ],
    &[
        "learned",
        "learnt",
        "lesson",
        "lessons",
        "hindsight",
        "realised",
    ],
    &[
        "structure",
        "tiers",
        "tier",
        "specialisms",
        "queues",
        "queue",
    ],
    &[
        "identity",
        "verify",
        "verified",
        "verification",
        "two-factor",
        "2fa",
        "authenticate",
        "authenticated",
        "authentication",
        "otp",
        "passcode",
    ],
    &[
        "urgency",
        "urgent",
        "rush",
        "rushed",
        "hurry",
        "pressure",
        "pressured",
        "pushy",
        "insisted",
        "threatened",
        "suspicious",
        "odd",
        "strange",
        "unusual",
    ],
    &[
        "notify",
        "emailed",
        "messaged",
        "wrote",
        "notified",
        "notification",
        "alert",
        "alerted",
        "informed",
        "told",
        "warned",
    ],
    &[
        "phases",
        "phase",
        "phased",
        "stages",
        "stage",
        "waves",
        "wave",
        "region",
        "gradually",
        "week",
    ],
    &[
        "recognition",
        "recognised",
        "shout-out",
        "praise",
        "praised",
        "thanked",
        "celebrated",
        "incentive",
        "incentives",
        "bonus",
        "reward",
        "rewards",
        "prize",
    ],
    &[
        "loop",
        "channel",
        "suggestions",
        "suggestion",
        "retro",
        "retrospective",
        "listening",
    ],
    &[
        "reason",
        "reasons",
        "why",
        "because",
        "explaining",
        "explained",
        "rationale",
        "purpose",
    ],
    &[
        "legal",
        "law",
        "laws",
        "lawyer",
        "compliance",
        "regulation",
        "regulations",
        "ethical",
        "consumer",
    ],
    &[
        "management",
        "head",
        "director",
        "manager",
        "managers",
        "supervisor",
        "leadership",
        "vp",
        "senior",
    ],
    &[
        "revise",
        "revised",
        "rewrote",
        "rewritten",
        "updated",
        "amended",
        "carve",
        "changed",
        "exception",
    ],
    &[
        "conflict",
        "conflicts",
        "clash",
        "clashed",
        "contradict",
        "contradicted",
        "contradictory",
        "inconsistent",
        "both",
    ],
    &[
        "history",
        "preferences",
        "preference",
        "past",
        "previous",
        "previously",
        "profile",
        "order",
        "orders",
        "crm",
    ],
    &[
        "appropriate",
        "permitted",
        "need-to-know",
        "consent",
        "only",
        "minimum",
        "needed",
    ],
    &["saved", "stayed", "kept", "retained", "won", "rescued"],
    &["volunteers", "volunteer", "small", "handful", "few", "one"],
    &[
        "adoption",
        "adopt",
        "adopted",
        "uptake",
        "completion",
        "usage",
        "used",
    ],
    &[
        "feedback",
        "survey",
        "surveys",
        "surveyed",
        "comments",
        "complaints",
        "reviews",
        "asked",
        "interviewed",
        "polled",
        "ratings",
    ],
    &[
        "channel",
        "channels",
        "phone",
        "call",
        "calls",
        "email",
        "emails",
        "chat",
        "chats",
        "whatsapp",
        "sms",
        "social",
        "twitter",
        "facebook",
        "instagram",
        "in-person",
        "face-to-face",
        "portal",
        "app",
    ],
    &[
        "routing",
        "routed",
        "route",
        "queue",
        "queues",
        "assigned",
        "assign",
        "triage",
        "triaged",
        "dispatch",
        "skills-based",
    ],
    &[
        "contact",
        "contacts",
        "call",
        "calls",
        "chat",
        "ticket",
        "tickets",
        "conversation",
        "conversations",
        "interaction",
        "interactions",
        "case",
        "cases",
    ],
    &[
        "context",
        "history",
        "background",
        "notes",
        "details",
        "summary",
        "handover",
        "hand-off",
    ],
    &[
        "evidence",
        "data",
        "numbers",
        "examples",
        "recordings",
        "logs",
        "figures",
        "proof",
    ],
    &[
        "consistent",
        "consistency",
        "same",
        "uniform",
        "single",
        "standardised",
        "standardized",
        "aligned",
    ],
    &["volume", "volumes", "load", "backlog"],
    &[
        "goals",
        "goal",
        "objectives",
        "objective",
        "okrs",
        "okr",
        "targets",
        "priorities",
        "strategy",
    ],
    &[
        "approved",
        "let",
        "approve",
        "approval",
        "authorised",
        "authorized",
        "authority",
        "allowed",
        "sign-off",
        "signed",
        "permission",
    ],
    &[
        "questions",
        "question",
        "asked",
        "asking",
        "faq",
        "faqs",
        "queries",
        "query",
    ],
    &[
        "knowledge",
        "kb",
        "wiki",
        "article",
        "articles",
        "playbook",
        "runbook",
        "macro",
        "macros",
        "templates",
        "template",
    ],
    &[
        "product",
        "products",
        "feature",
        "features",
        "service",
        "plan",
        "subscription",
    ],
    &[
        "staff",
        "team",
        "agents",
        "employees",
        "people",
        "colleagues",
        "reps",
        "advisors",
        "representatives",
    ],
    &[
        "empathy",
        "empathise",
        "empathize",
        "empathetic",
        "understanding",
        "compassion",
        "sorry",
        "apologised",
        "apologized",
    ],
    &[
        "expectations",
        "expectation",
        "informed",
        "updated",
        "update",
        "updates",
        "status",
        "eta",
        "heads-up",
    ],
    &[
        "gather",
        "gathered",
        "collected",
        "collect",
        "investigated",
        "diagnosed",
        "diagnose",
        "questions",
        "asked",
    ],
    &[
        "screenshots",
        "screen",
        "remote",
        "sharing",
        "screenshare",
        "co-browse",
        "cobrowse",
    ],
    &[
        "published",
        "posted",
        "post",
        "announced",
        "banner",
        "newsletter",
        "all-hands",
        "webinar",
        "status",
    ],
    &[
        "qualitative",
        "comments",
        "verbatims",
        "verbatim",
        "quotes",
        "themes",
    ],
    &[
        "quantitative",
        "numbers",
        "figures",
        "statistics",
        "metrics",
    ],
    &["fcr", "first-contact", "one-touch", "resolution"],
    &["aht", "handle", "handling", "duration"],
    &["effort", "ces", "easy", "easier", "hassle", "friction"],
    &[
        "correlate",
        "correlated",
        "correlates",
        "coincided",
        "compared",
        "after",
    ],
    &[
        "journey",
        "pain",
        "painful",
        "stuck",
        "drop-off",
        "abandoned",
        "abandon",
        "friction",
    ],
    &[
        "departments",
        "cross-functional",
        "sales",
        "marketing",
        "operations",
        "finance",
        "engineering",
        "product",
    ],
    &[
        "lifetime",
        "ltv",
        "clv",
        "repeat",
        "referrals",
        "referral",
        "advocacy",
        "upsell",
        "spend",
    ],
    &[
        "gap",
        "gaps",
        "missing",
        "loophole",
        "unclear",
        "undefined",
        "grey",
    ],
    &[
        "stakeholders",
        "stakeholder",
        "sponsor",
        "sponsors",
        "owners",
        "leads",
    ],
    &["focus", "workshop", "workshops", "sessions", "roundtable"],
    &[
        "automation",
        "automated",
        "automate",
        "bot",
        "chatbot",
        "self-service",
        "ivr",
        "macro",
    ],
    &["early", "ahead", "proactively", "proactive", "sooner"],
    &[
        "prioritised",
        "prioritized",
        "reprioritised",
        "reprioritized",
        "priority",
        "priorities",
        "urgent",
        "triage",
    ],
    &[
        "executives",
        "executive",
        "exec",
        "board",
        "ceo",
        "cfo",
        "vp",
        "leadership",
    ],
    &["public", "publicly", "tweet", "comment", "thread", "reply"],
    &[
        "private",
        "privately",
        "dm",
        "direct",
        "offline",
        "one-to-one",
    ],
    &["brand", "voice", "tone", "style"],
    &[
        "resistance",
        "pushback",
        "resisted",
        "reluctant",
        "objections",
        "concerns",
        "sceptical",
        "skeptical",
        "hesitant",
    ],
    &[
        "mentor",
        "mentoring",
        "buddy",
        "paired",
        "pairing",
        "shadowing",
        "shadowed",
        "coach",
        "coached",
    ],
    &[
        "gamification",
        "points",
        "badges",
        "leaderboard",
        "competition",
        "recognition",
    ],
    &[
        "conferences",
        "conference",
        "webinars",
        "publications",
        "blogs",
        "podcasts",
        "courses",
        "certification",
        "meetups",
        "reading",
    ],
    &["anonymous", "anonymously", "confidential", "confidentially"],
    &[
        "transferred",
        "passed",
        "handed",
        "hand-off",
        "handover",
        "warm",
    ],
    &[
        "flexibility",
        "flexible",
        "leeway",
        "discretion",
        "latitude",
        "bend",
        "waive",
        "waived",
        "waiver",
        "pause",
    ],
    &[
        "alternative",
        "alternatives",
        "offered",
        "offer",
        "option",
        "options",
        "instead",
        "credit",
        "workaround",
    ],
];

/// Key-point words asking for a number: any figure in the note answers them.
const FIGURE_WORDS: &[&str] = &[
    "figure",
    "figures",
    "measure",
    "measured",
    "measurable",
    "metric",
    "metrics",
    "number",
    "numbers",
    "quantified",
    "percentage",
];
/// The verbs that open a key point asking for something to be said: with them, "result" and
/// "outcome" ask for one.
const REPORT_VERBS: &[&str] = &[
    "states",
    "gives",
    "reports",
    "shows",
    "describes",
    "explains",
    "names",
    "says",
    "mentions",
];

/// Words of a key point about holding back ("no speculation", "only what was needed"): a passage
/// saying what was not done is evidence for it.
const RESTRAINT: &[&str] = &[
    " no ",
    " only ",
    " never ",
    " not ",
    " nothing ",
    " without ",
];

/// Key-point words asking for an outcome.
const RESULT_WORDS: &[&str] = &[
    "outcome", "outcomes", "result", "results", "impact", "effect", "ended", "happened",
];
/// Key-point words asking for a reflection.
const REFLECT_WORDS: &[&str] = &[
    "reflects",
    "reflect",
    "reflection",
    "learned",
    "learnt",
    "lesson",
    "lessons",
    "differently",
    "would",
];
/// Key-point words asking for the setting of a story.
const SCENE_WORDS: &[&str] = &["scene", "context", "background", "setting"];

/// How a note ends a story and looks back on it, by its phrases.
const RESULT_PHRASES: &[&str] = &[
    "as a result",
    "in the end",
    "the outcome",
    "ended",
    "resulted",
    "afterwards",
    "by friday",
    "was back",
    "were back",
    "dropped",
    "fell",
    "rose",
    "went down",
    "went up",
    "went from",
    "improved",
    "reduced",
    "increased",
    "renewed",
    "cut ",
    "saved",
    "agreed",
    "resolved",
    "stayed at",
    "got answers",
    "back in",
    "stayed with",
    "was closed",
    "closed the",
    "same day",
    "kept her",
    "kept him",
    "kept them",
];
const REFLECT_PHRASES: &[&str] = &[
    "i learned",
    "i learnt",
    "lesson",
    "next time",
    "in hindsight",
    "looking back",
    "would have",
    "should have",
    "i would",
    "i'd ",
    "differently",
    "since then",
    "now i ",
    "i now ",
    "taught me",
    "i'd do",
];

/// A concept: a synonym group, or a stem of its own, as a number. Groups are numbered first
/// (their index in [`SYNONYMS`]), stems after them as they are met.
type Concept = u32;

/// What turns words into concepts: the stemmer, the synonym table by stem, and the numbers given
/// to stems and to the words already read.
struct Reader {
    stemmer: Stemmer,
    groups: HashMap<String, Vec<Concept>>,
    stems: HashMap<String, Concept>,
    words: HashMap<String, Vec<Concept>>,
}

impl Reader {
    fn new() -> Reader {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut groups: HashMap<String, Vec<Concept>> = HashMap::new();
        for (index, group) in SYNONYMS.iter().enumerate() {
            for word in *group {
                let stem = stemmer.stem(word).into_owned();
                let entry = groups.entry(stem).or_default();
                let index = index as Concept;
                if !entry.contains(&index) {
                    entry.push(index);
                }
            }
        }
        Reader {
            stemmer,
            groups,
            stems: HashMap::new(),
            words: HashMap::new(),
        }
    }

    /// The concepts of one lowercase word: every group its stem belongs to, and its stem; none
    /// for a stop word.
    fn concepts(&mut self, word: &str) -> &[Concept] {
        if !self.words.contains_key(word) {
            if STOP_WORDS.contains(&word) {
                self.words.insert(word.to_string(), Vec::new());
                return &self.words[word];
            }
            let stem = self.stemmer.stem(word).into_owned();
            let mut concepts = self.groups.get(&stem).cloned().unwrap_or_default();
            let next = (SYNONYMS.len() + self.stems.len()) as Concept;
            concepts.push(*self.stems.entry(stem).or_insert(next));
            self.words.insert(word.to_string(), concepts);
        }
        &self.words[word]
    }
}

/// The words of a lowercase text, with their apostrophes and hyphens kept inside.
fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .map(|w| w.trim_matches(|c| c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// A passage of the note (a sentence, or a line), and the concepts in it.
struct Passage {
    /// Where it stands in the note.
    text: std::ops::Range<usize>,
    /// Sorted, each once.
    concepts: Vec<Concept>,
    /// It says something was not done, or only that it matters.
    negated: bool,
}

/// What a note holds, read once for all its key points.
struct NoteFacts {
    passages: Vec<Passage>,
    /// The first passage holding a number, a result, a reflection, and the scene.
    figure: Option<usize>,
    result: Option<usize>,
    reflection: Option<usize>,
    scene: Option<usize>,
}

/// Words the sentence setting a scene has at least: enough for who and what was at stake.
const SCENE_WORDS_AT_LEAST: usize = 12;

/// The STAR heading a line is, if it is one.
fn heading(line: &str) -> Option<&'static str> {
    let trimmed = line.trim();
    if !trimmed.starts_with('#') {
        return None;
    }
    let name = trimmed.trim_start_matches('#').trim().to_lowercase();
    ["situation", "task", "action", "result"]
        .into_iter()
        .find(|h| name == *h)
}

/// The sentences of a line: each ends at `.`, `!`, `?` or `;` followed by a space or the line's
/// end, so that `3.1` and `e.g.x` stay whole.
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((at, c)) = chars.next() {
            let ends = matches!(c, '.' | '!' | '?' | ';')
                && chars.peek().is_none_or(|(_, next)| next.is_whitespace());
            if ends {
                let end = at + c.len_utf8();
                let sentence = &line[start..end];
                start = end;
                return Some(sentence);
            }
        }
        (start < line.len()).then(|| {
            let sentence = &line[start..];
            start = line.len();
            sentence
        })
    })
}

/// Whether a lowercase text holds a figure.
fn has_number(text: &str) -> bool {
    text.bytes().any(|c| c.is_ascii_digit())
        || words(text).any(|w| {
            matches!(
                w,
                "half"
                    | "halved"
                    | "doubled"
                    | "tripled"
                    | "third"
                    | "thirds"
                    | "quarter"
                    | "twice"
                    | "percent"
                    | "dozen"
            )
        })
}

impl NoteFacts {
    fn read(reader: &mut Reader, note: &str) -> NoteFacts {
        let mut passages = Vec::new();
        let mut section: Option<&'static str> = None;
        let mut figure = None;
        let mut result = None;
        let mut reflection = None;
        let mut scene = None;
        for line in note.lines() {
            if let Some(name) = heading(line) {
                section = Some(name);
                continue;
            }
            for sentence in sentences(line) {
                let text = sentence.trim();
                if text.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                    continue;
                }
                let lower = text.to_lowercase();
                let mut concepts = Vec::new();
                let mut count = 0;
                let mut negated = false;
                let mut previous = "";
                for word in words(&lower) {
                    count += 1;
                    negated |= NEGATIONS.contains(&word)
                        || (word == "not" && matches!(previous, "did" | "do"));
                    previous = word;
                    concepts.extend_from_slice(reader.concepts(word));
                }
                concepts.sort_unstable();
                concepts.dedup();
                let index = passages.len();

                if figure.is_none() && has_number(&lower) {
                    figure = Some(index);
                }
                if result.is_none() || reflection.is_none() {
                    // Phrases are matched with a space on each side of the passage.
                    let padded = format!(" {lower} ");
                    let has = |phrases: &[&str]| phrases.iter().any(|p| padded.contains(p));
                    if result.is_none() && (section == Some("result") || has(RESULT_PHRASES)) {
                        result = Some(index);
                    }
                    if reflection.is_none() && has(REFLECT_PHRASES) {
                        reflection = Some(index);
                    }
                }
                // The scene: a Situation section's sentence, or a story's opening sentence, with
                // enough in it to set one.
                let opening = index == 0 && section.is_none();
                if scene.is_none()
                    && count >= SCENE_WORDS_AT_LEAST
                    && (section == Some("situation") || opening)
                {
                    scene = Some(index);
                }
                let start = text.as_ptr() as usize - note.as_ptr() as usize;
                passages.push(Passage {
                    text: start..start + text.len(),
                    concepts,
                    negated,
                });
            }
        }
        NoteFacts {
            passages,
            figure,
            result,
            reflection,
            scene,
        }
    }
}

/// One part of a key point to look for: its concepts, and the kinds of evidence it asks for.
#[derive(Default)]
struct Wanted {
    concepts: Vec<Vec<Concept>>,
    /// The point is about holding back: passages that say what was not done count.
    restraint: bool,
    figure: bool,
    result: bool,
    reflection: bool,
    scene: bool,
}

impl Wanted {
    fn of(reader: &mut Reader, text: &str) -> Wanted {
        let mut wanted = Wanted::default();
        let lower = text.to_lowercase();
        // "Gives the result", "States the outcome" ask for an outcome; "Monitors results" names
        // a thing to monitor.
        let asks_outcome = words(&lower)
            .next()
            .is_some_and(|first| REPORT_VERBS.contains(&first));
        wanted.restraint = RESTRAINT.iter().any(|r| format!(" {lower} ").contains(r));
        let optional_figure = OPTIONAL_FIGURE.iter().any(|p| lower.contains(p));
        let mut text = lower.as_str();
        for cut in NOT_ENOUGH {
            if let Some((before, _)) = text.split_once(cut) {
                text = before;
            }
        }
        for w in words(text) {
            if FIGURE_WORDS.contains(&w) {
                wanted.figure = !optional_figure;
                continue;
            }
            if optional_figure && ["possible", "ideally"].contains(&w) {
                continue;
            }
            if RESULT_WORDS.contains(&w) && asks_outcome {
                wanted.result = true;
                continue;
            }
            if REFLECT_WORDS.contains(&w) {
                wanted.reflection = true;
                continue;
            }
            if SCENE_WORDS.contains(&w) {
                wanted.scene = true;
                continue;
            }
            if STOP_WORDS.contains(&w) || FRAME_WORDS.contains(&w) || w.chars().count() < 2 {
                continue;
            }
            let concepts = reader.concepts(w).to_vec();
            // Two words of one synonym group ("senior management") are one concept.
            let group = |c: &Concept| (*c as usize) < SYNONYMS.len();
            let shared = wanted.concepts.iter().any(|known| {
                known == &concepts || known.iter().any(|c| group(c) && concepts.contains(c))
            });
            if !shared {
                wanted.concepts.push(concepts);
            }
        }
        wanted
    }

    fn is_empty(&self) -> bool {
        self.concepts.is_empty() && !self.figure && !self.result && !self.reflection && !self.scene
    }

    /// Whether the note holds this part, and the passage that shows it best. An example listed
    /// in a key point (`item`) needs more of its concepts than a head does.
    fn found_in(&self, note: &NoteFacts, item: bool) -> Option<usize> {
        if self.is_empty() {
            return None;
        }
        // The kinds of evidence asked for must all be there.
        let mut shown = None;
        for (asked, at) in [
            (self.figure, note.figure),
            (
                self.result,
                note.result.or(note.figure.filter(|_| self.figure)),
            ),
            (self.reflection, note.reflection),
            (self.scene, note.scene),
        ] {
            if asked {
                let at = at?;
                shown.get_or_insert(at);
            }
        }
        // A reflection or a scene asked for is the point itself: found, it is covered.
        if self.concepts.is_empty() || ((self.reflection || self.scene) && shown.is_some()) {
            return shown;
        }
        // Then enough of its concepts in one passage (or two passages next to each other); an
        // outcome's, in the passages from the first result on.
        let needed = match self.concepts.len() {
            1 => 1,
            2 if !self.figure && !self.result => 2,
            n if item => (2 * n).div_ceil(3),
            n if self.figure || self.result || n >= 4 => n.div_ceil(3),
            n => n.div_ceil(2),
        };
        let found = |passage: &Passage| {
            if passage.negated && !self.restraint {
                return 0;
            }
            self.concepts
                .iter()
                .filter(|alternatives| {
                    alternatives
                        .iter()
                        .any(|c| passage.concepts.binary_search(c).is_ok())
                })
                .count()
        };
        let from = if self.result {
            note.result.unwrap_or(0)
        } else {
            0
        };
        let counts: Vec<usize> = note
            .passages
            .iter()
            .enumerate()
            .map(|(i, p)| if i < from { 0 } else { found(p) })
            .collect();
        let best = (0..counts.len())
            .map(|i| {
                let pair = counts[i] + counts.get(i + 1).copied().unwrap_or(0);
                (counts[i].max(pair.min(needed)), counts[i], i)
            })
            .max_by_key(|(n, own, i)| (*n, *own, std::cmp::Reverse(*i)))
            .map(|(n, _, i)| (n, i))?;
        (best.0 >= needed).then_some(shown.unwrap_or(best.1))
    }
}

/// A key point's parts: its head, and the examples it lists after a colon or in parentheses.
fn parts(point: &str) -> (String, Vec<String>) {
    let (head, rest) = match point.split_once(':') {
        Some((head, rest)) => (head.to_string(), rest.to_string()),
        None => match point.split_once('(') {
            Some((head, rest)) => (head.to_string(), rest.replace(')', "")),
            None => (point.to_string(), String::new()),
        },
    };
    let items = rest
        .split([',', ';'])
        .flat_map(|item| item.split(" or "))
        .map(|item| {
            item.trim()
                .trim_start_matches("and ")
                .trim_end_matches('.')
                .to_string()
        })
        .filter(|item| !item.is_empty())
        .collect();
    (head, items)
}

/// At most this many characters of a passage stand as evidence.
const EVIDENCE_CHARS: usize = 60;

fn excerpt(text: &str) -> String {
    if text.chars().count() <= EVIDENCE_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(EVIDENCE_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Which key points `note` covers, with the passage that covers each.
pub fn coverage(key_points: &[String], note: &str) -> Coverage {
    let mut reader = Reader::new();
    let facts = NoteFacts::read(&mut reader, note);
    let mut covered = Vec::with_capacity(key_points.len());
    let mut evidence = Vec::with_capacity(key_points.len());
    for point in key_points {
        let (head, items) = parts(point);
        let head = Wanted::of(&mut reader, &head);
        // A head of one word that lists examples is not covered by that word alone (unless it
        // asks for a kind of evidence: a scene, a result, a figure, a reflection).
        let kinds = head.figure || head.result || head.reflection || head.scene;
        let head_alone = items.is_empty() || head.concepts.len() != 1 || kinds;
        let mut at = head.found_in(&facts, false).filter(|_| head_alone);
        if at.is_none() {
            // Any one of the examples listed, when the head's own kind of evidence is there.
            let head_kinds = Wanted {
                concepts: Vec::new(),
                ..head
            };
            let kinds_ok = head_kinds.is_empty() || head_kinds.found_in(&facts, false).is_some();
            if kinds_ok {
                at = items
                    .iter()
                    .map(|item| Wanted::of(&mut reader, item))
                    .find_map(|item| item.found_in(&facts, true));
            }
        }
        covered.push(at.is_some());
        evidence.push(at.map(|i| excerpt(&note[facts.passages[i].text.clone()])));
    }
    Coverage { covered, evidence }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn word_forms_synonyms_and_abbreviations_meet() {
        let key_points = points(&[
            "Escalates early to the right team",
            "Links them to a change in satisfaction, with a figure if possible.",
            "Shows how they calmed the situation: listening, acknowledging feelings, staying composed.",
            "Documents the policy exception",
        ]);
        let note = "I escalated the ticket to the billing team early. CSAT rose from 78% to 86%. \
                    I let him vent and repeated back what he said.";
        let coverage = coverage(&key_points, note);
        assert_eq!(coverage.covered, vec![true, true, true, false]);
        assert_eq!(
            coverage.evidence_of(1).unwrap(),
            "CSAT rose from 78% to 86%."
        );
        assert_eq!(coverage.evidence_of(3), None);
        assert_eq!(coverage.missing().collect::<Vec<_>>(), vec![3]);
    }

    #[test]
    fn a_figure_is_asked_for_and_found_by_its_shape() {
        let key_points = points(&["Reports the result with a measure."]);
        assert!(!coverage(&key_points, "It went well and everyone liked it.").covered[0]);
        assert!(coverage(&key_points, "Repeat contacts fell by a third.").covered[0]);
        assert!(coverage(&key_points, "Handling time went from 9 to 6 minutes.").covered[0]);
    }

    #[test]
    fn sentences_end_at_marks_followed_by_a_space_and_numbers_stay_whole() {
        let found: Vec<&str> = sentences("CSAT went from 3.1 to 4.6. Then? Done; ok").collect();
        assert_eq!(
            found,
            ["CSAT went from 3.1 to 4.6.", " Then?", " Done;", " ok"]
        );
        assert_eq!(sentences("").count(), 0);
    }

    #[test]
    fn a_scene_with_enough_in_it_sets_the_scene() {
        let key_points =
            points(&["Sets the scene briefly: who the customer was and what was at stake."]);
        let note = "## Situation\nThe store manager rang furious: her checkout had been down for an hour before a sale.\n";
        assert!(coverage(&key_points, note).covered[0]);
        assert!(!coverage(&key_points, "## Situation\nA customer called.\n").covered[0]);
    }

    #[test]
    fn an_empty_note_or_filler_covers_nothing() {
        let key_points = points(&["Escalates early", "the and of", "States the outcome."]);
        assert_eq!(coverage(&key_points, "").count(), 0);
        assert_eq!(coverage(&key_points, "the and of").count(), 0);
        assert_eq!(
            coverage(&key_points, "## Situation\n\n## Result\n").count(),
            0
        );
    }

    #[test]
    fn case_and_repetition_change_nothing() {
        let key_points = points(&["Escalates early to the right team", "Offers a refund"]);
        let note = "ESCALATED to the Right TEAM. Escalated again. ".repeat(500);
        assert_eq!(coverage(&key_points, &note).covered, vec![true, false]);
        let note = note + "refunds OFFERED";
        assert_eq!(coverage(&key_points, &note).covered, vec![true, true]);
    }
}
