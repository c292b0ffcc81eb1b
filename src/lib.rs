//! Relational: a workbench for community organizers.
//!
//! - [`model`]: people, meetings, introductions, asks, and the rules
//!   (no egui). Every change is an [`model::Edit`].
//! - [`history`]: undo and redo over edits.
//! - [`store`]: the `.ron` project file: [`store::load`], [`store::save`].
//! - [`graph`]: layouts and queries on plain graphs; [`map`]: the project
//!   as a graph, filters, and the picture the map draws (no egui).
//! - [`dashboard`]: what is owed today, leadership against targets, the
//!   weekly series behind the plots (no egui; "now" is a parameter).
//! - [`export`]: CSV and ICS exports, anonymized on request (no egui).
//! - [`query`]: filtering and sorting, pure and tested.
//! - [`synth`]: large generated projects for benchmarks and tests.
//! - [`memo`]: the one cache shape the views use; [`trail`]: Back and Forward.
//! - [`workspace`]: the open document and its file lifecycle (open, save,
//!   guard, recovery, lock), below the window (no egui).
//! - [`ui`] and [`app`]: the eframe app.

#[cfg(feature = "gui")]
pub mod app;
pub mod ask;
pub mod cli;
pub mod dashboard;
pub mod dates;
pub mod export;
pub mod graph;
pub mod history;
pub mod import;
pub mod map;
pub mod meeting;
pub mod memo;
pub mod model;
pub mod query;
pub mod store;
pub mod synth;
pub mod trail;
#[cfg(feature = "gui")]
pub mod ui;
pub mod words;
pub mod workspace;

/// The demo project shipped with the app, opened on a first run.
pub const DEMO_RON: &str = include_str!("../assets/demo.ron");
