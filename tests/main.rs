//! Integration tests: one binary, modules inside.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod cli;
mod corpus;
mod curation;
mod export;
mod gold;
mod robust;
mod robust_io;
mod scale;
mod timeline;
mod ui;
mod unseen;
