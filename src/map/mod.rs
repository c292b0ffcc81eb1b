//! The relationship map's logic, without egui: the project as a graph
//! ([`Network`]), what a filter or focus shows ([`filter`]), arranging and
//! saving positions ([`arrange`]), and the picture drawn on screen and
//! written to SVG ([`picture`], [`svg`]).
//!
//! The layouts and graph queries themselves are in [`crate::graph`].

pub mod arrange;
pub mod filter;
pub mod labels;
mod network;
pub mod picture;
pub mod png;
pub mod raster;
pub mod svg;

pub use filter::{MapFilter, Visibility};
pub use network::{Network, NetworkStats};
