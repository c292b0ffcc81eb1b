//! One-to-one meetings: the checklist template, the question bank and the
//! rules of a meeting. Pure logic, no egui.

pub mod checklist;
pub mod questions;
pub mod rules;

#[cfg(test)]
mod tests;
