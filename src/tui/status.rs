//! A message for the footer: what just happened, or what went wrong.

/// A message in the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    /// Errors stay longer than other messages (see `update`).
    pub error: bool,
}

impl Status {
    /// What just happened.
    pub fn info(text: impl Into<String>) -> Option<Status> {
        Some(Status {
            text: text.into(),
            error: false,
        })
    }

    /// What went wrong.
    pub fn error(text: impl Into<String>) -> Option<Status> {
        Some(Status {
            text: text.into(),
            error: true,
        })
    }
}
