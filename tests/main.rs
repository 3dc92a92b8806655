//! Integration tests: one binary, modules inside.

mod cli;
mod corpus;
mod gold;
mod unseen;
