//! Relational: a workbench for community organizers.
//!
//! - [`model`]: people, meetings, introductions, asks, and the rules
//!   (no egui). Every change is an [`model::Edit`].
//! - [`history`]: undo and redo over edits.
//! - [`store`]: the `.ron` project file: [`store::load`], [`store::save`].
//! - [`query`]: filtering and sorting, pure and tested.
//! - [`synth`]: large generated projects for benchmarks and tests.
//! - [`ui`] and [`app`]: the eframe app.

pub mod app;
pub mod ask;
pub mod cli;
pub mod history;
pub mod meeting;
pub mod model;
pub mod query;
pub mod store;
pub mod synth;
pub mod ui;
