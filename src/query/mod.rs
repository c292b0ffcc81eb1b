//! Queries over a project: pure functions, no egui, unit-tested.

pub mod people;
