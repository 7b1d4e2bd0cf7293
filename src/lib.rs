//! cuecard: competency-based interview preparation in the terminal.
//!
//! `content` and `text` are the domain: no terminal code. `cli` holds the commands that print;
//! `tui` is the terminal browser built on them.

pub mod cache;
pub mod cli;
pub mod content;
pub mod interview;
pub mod practice;
pub mod search;
pub mod store;
pub mod stories;
pub mod text;
pub mod tui;
