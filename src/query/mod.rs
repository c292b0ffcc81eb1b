//! Queries over a project: pure functions, no egui, unit-tested.

pub mod everything;
pub mod meetings;
pub mod names;
pub mod palette;
pub mod people;
