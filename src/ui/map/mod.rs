//! The relationship map: who introduced whom, drawn as a graph inside an
//! [`egui::Scene`] that pans and zooms.
//!
//! The logic (graph, filters, layouts, the picture) is in [`crate::map`];
//! this module keeps the view's state, turns clicks and drags into
//! commands, and paints the picture.

mod canvas;
mod paint;

pub use paint::color as color_of;
mod side_panel;
mod toolbar;

use std::collections::HashMap;

use crate::memo::Memo;
use std::time::Duration;

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Ui, Vec2};

use super::{Commands, Revision};
use crate::graph::Point;
use crate::map::arrange::{ForceRun, Placement};
use crate::map::filter::{Focus, visibility};
use crate::map::picture::{MapPicture, Naming, Palette, PictureInput, Viewport};
use crate::map::{MapFilter, Network, NetworkStats, Visibility};
use crate::model::{IntroductionId, PersonId, Project};

/// Time the layout may take in one frame, so the window stays responsive.
const LAYOUT_BUDGET: Duration = Duration::from_millis(6);

/// The longest side of a whole-network image, in points.
const WHOLE_MAX_SIDE: f32 = 4000.0;

/// Room left around the people when fitting the map to the screen.
const FIT_MARGIN: f32 = 80.0;

/// A drag that started on a person.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Gesture {
    /// Moving the person; `grab` is the node centre minus the pointer.
    Move { node: usize, grab: Vec2 },
    /// Drawing an introduction from this person to wherever it is dropped.
    Connect { from: usize, pointer: Pos2 },
}

/// Keys of the cached visibility.
#[derive(Clone, Debug, PartialEq)]
struct VisibilityKey {
    revision: Revision,
    filter: MapFilter,
    focus: Option<Focus>,
}

/// The chain cache is valid for one project state and one selection.
type ChainKey = (Revision, Option<usize>);

/// The map's state between frames.
pub struct MapView {
    /// The part of the scene on screen.
    scene_rect: Rect,
    synced: Option<Revision>,
    network: Option<Network>,
    /// Scene position of each node.
    positions: Vec<Point>,
    run: Option<ForceRun>,
    /// Which people are shown.
    pub filter: MapFilter,
    /// Fade everyone further than `focus_degrees` from the selected person.
    pub focus_on_selected: bool,
    /// Steps around the selected person that stay in focus.
    pub focus_degrees: usize,
    /// Draw held one-to-ones as dashed lines.
    pub show_meetings: bool,
    /// Highlight the introductions from the organizer to the selected person.
    pub show_chain: bool,
    /// Dragging from a person draws an introduction instead of moving them.
    pub connect_mode: bool,
    /// Names or initials on the map and in its images.
    pub naming: Naming,
    /// The search box.
    pub search: String,
    /// Images of the map show everyone, not just what is on screen.
    pub export_whole: bool,
    gesture: Option<Gesture>,
    edge_menu: Option<IntroductionId>,
    visibility: Memo<VisibilityKey, Vec<Visibility>>,
    chain: Memo<ChainKey, Vec<usize>>,
    stats: Memo<Revision, Option<NetworkStats>>,
    tags: Memo<Revision, Vec<String>>,
    picture: MapPicture,
    crowd: paint::CrowdCache,
    palette: Palette,
    screen_from_scene: TSTransform,
    map_rect: Rect,
    fit_pending: bool,
    /// Fit again once the running layout settles (a first layout spreads
    /// out well beyond its starting size).
    fit_when_settled: bool,
    /// Fit once the next project change (an arrangement) is shown.
    fit_after_change: bool,
    centre_on: Option<usize>,
}

impl Default for MapView {
    fn default() -> Self {
        Self {
            scene_rect: Rect::ZERO,
            synced: None,
            network: None,
            positions: Vec::new(),
            run: None,
            filter: MapFilter::default(),
            focus_on_selected: false,
            focus_degrees: 1,
            show_meetings: true,
            show_chain: true,
            connect_mode: false,
            naming: Naming::Names,
            search: String::new(),
            gesture: None,
            edge_menu: None,
            visibility: Memo::default(),
            chain: Memo::default(),
            stats: Memo::default(),
            tags: Memo::default(),
            picture: MapPicture::default(),
            crowd: Default::default(),
            palette: Palette::dark(),
            screen_from_scene: TSTransform::IDENTITY,
            map_rect: Rect::ZERO,
            fit_pending: true,
            fit_when_settled: false,
            fit_after_change: false,
            centre_on: None,
            export_whole: true,
        }
    }
}

impl MapView {
    /// The picture drawn in the last frame, as the SVG export writes it.
    pub fn picture(&self) -> &MapPicture {
        &self.picture
    }

    /// The picture an export writes: the last frame's, or (with
    /// `export_whole`) everyone the filter shows at full size, you included
    /// wherever the view was panned.
    pub fn export_picture(&self, project: &Project) -> MapPicture {
        let Some(network) = self.network.as_ref().filter(|_| self.export_whole) else {
            return self.picture.clone();
        };
        let visibility: Vec<Visibility> = self
            .visibility
            .last()
            .cloned()
            .unwrap_or_else(|| vec![Visibility::Shown; network.len()]);
        let shown = self
            .positions
            .iter()
            .zip(&visibility)
            .filter(|(_, v)| **v != Visibility::Hidden)
            .map(|(p, _)| *p);
        let Some(bounds) = crate::map::picture::bounds_of(shown, FIT_MARGIN) else {
            return self.picture.clone();
        };
        let (width, height) = (bounds[2] - bounds[0], bounds[3] - bounds[1]);
        // Full size, unless that would make an image too large to share.
        let zoom = (WHOLE_MAX_SIDE / width.max(height)).min(1.0);
        let size = [width * zoom, height * zoom];
        crate::map::picture::build_picture(&PictureInput {
            project,
            network,
            positions: &self.positions,
            visibility: &visibility,
            viewport: Viewport::fitting(bounds, size, (0.01, 1.0)),
            palette: &self.palette,
            selected: None,
            chain: &[],
            show_meetings: self.show_meetings,
            naming: self.naming,
        })
    }

    /// The colours of the last frame.
    pub fn palette(&self) -> &Palette {
        &self.palette
    }

    /// The map's area on screen in the last frame.
    pub fn map_rect(&self) -> Rect {
        self.map_rect
    }

    /// Where a person was drawn in the last frame, in screen points.
    pub fn screen_position(&self, id: PersonId) -> Option<Pos2> {
        let node = self.network.as_ref()?.index_of(id)?;
        let [x, y] = *self.positions.get(node)?;
        Some(self.screen_from_scene * Pos2::new(x, y))
    }

    /// Where a person sits in the scene.
    pub fn scene_position(&self, id: PersonId) -> Option<Point> {
        let node = self.network.as_ref()?.index_of(id)?;
        self.positions.get(node).copied()
    }

    /// True while a layout is moving people.
    pub fn is_arranging(&self) -> bool {
        self.run.is_some()
    }

    /// Scene to screen in the last frame.
    pub fn screen_from_scene(&self) -> TSTransform {
        self.screen_from_scene
    }

    /// Starts a force layout from the current positions that is saved as
    /// one undo step once it settles.
    pub fn arrange_by_force(&mut self, project: &Project) {
        let Some(network) = &self.network else {
            return;
        };
        let mut placement = Placement::saved(project, network);
        for (slot, current) in placement.positions.iter_mut().zip(&self.positions) {
            *slot = Some(*current);
        }
        self.run = Some(ForceRun::start(network, &placement, true));
        self.fit_pending = true;
        self.fit_when_settled = true;
    }

    /// The whole map as a tree rooted at me, as one edit of positions
    /// (`None` when everyone is already there or nobody is on the map).
    pub fn arrange_as_tree(&mut self, project: &Project) -> Option<crate::model::Edit> {
        let network = self.network.as_ref()?;
        let positions = crate::map::arrange::tree_positions(project, network);
        let edits = crate::map::arrange::position_edits(project, network, &positions);
        self.run = None;
        self.fit_after_change = true;
        (!edits.is_empty()).then_some(crate::model::Edit::Batch(edits))
    }

    /// The part of the scene shown, in scene coordinates.
    pub fn scene_rect(&self) -> Rect {
        self.scene_rect
    }

    /// Zooms to show everyone on the next frame.
    pub fn fit(&mut self) {
        self.fit_pending = true;
    }

    /// Zooms in (factor above 1) or out, around the centre.
    pub fn zoom(&mut self, factor: f32) {
        self.zoom_by(factor);
    }

    /// Brings the view up to date with the project: rebuilds the graph and
    /// places newcomers (without saving their places).
    fn sync(&mut self, project: &Project, revision: Revision) {
        if self.synced == Some(revision) {
            return;
        }
        let known: HashMap<PersonId, Point> = self
            .network
            .iter()
            .flat_map(|network| {
                network
                    .people
                    .iter()
                    .copied()
                    .zip(self.positions.iter().copied())
            })
            .collect();
        let network = Network::from_project(project);
        let mut placement = Placement::saved(project, &network);
        let mut newcomers = 0;
        for (slot, id) in placement.positions.iter_mut().zip(&network.people) {
            if slot.is_none() {
                *slot = known.get(id).copied();
                newcomers += usize::from(slot.is_none());
            }
        }
        let keep_saving = self.run.as_ref().is_some_and(|run| run.save_when_settled);
        if keep_saving {
            self.run = Some(ForceRun::start(&network, &placement, true));
        } else if newcomers > 0 {
            let arranged_before = newcomers * 2 < network.len();
            let start = if arranged_before {
                placement.clone().hold_placed()
            } else {
                self.fit_pending = true;
                self.fit_when_settled = true;
                placement.clone()
            };
            self.run = Some(ForceRun::start(&network, &start, false));
        }
        self.positions = placement
            .positions
            .iter()
            .map(|p| p.unwrap_or([0.0, 0.0]))
            .collect();
        if let Some(run) = &self.run {
            self.positions = run.positions().to_vec();
        }
        self.network = Some(network);
        self.synced = Some(revision);
        if std::mem::take(&mut self.fit_after_change) {
            self.fit_pending = true;
        }
        self.gesture = None;
    }

    /// Runs the layout for this frame's budget; saves it when it settles
    /// if it was asked for.
    fn advance_layout(&mut self, ui: &Ui, project: &Project, commands: &mut Commands) {
        let Some(run) = &mut self.run else {
            return;
        };
        let settled = run.run_for(LAYOUT_BUDGET);
        self.positions = run.positions().to_vec();
        if !settled {
            ui.ctx().request_repaint();
            return;
        }
        let save = run.save_when_settled;
        self.run = None;
        if std::mem::take(&mut self.fit_when_settled) {
            self.fit_pending = true;
        }
        if save && let Some(network) = &self.network {
            let edits = crate::map::arrange::position_edits(project, network, &self.positions);
            if !edits.is_empty() {
                commands.push(super::Command::Edit {
                    edit: crate::model::Edit::Batch(edits),
                    label: "Arrange the map".to_owned(),
                    merge: None,
                });
            }
        }
        ui.ctx().request_repaint();
    }

    /// Visibility of each node, cached per project state, filter and focus.
    fn visibility(
        &mut self,
        project: &Project,
        revision: Revision,
        selected: Option<usize>,
    ) -> Vec<Visibility> {
        let focus = selected
            .filter(|_| self.focus_on_selected)
            .map(|centre| Focus {
                centre,
                degrees: self.focus_degrees,
            });
        let key = VisibilityKey {
            revision,
            filter: self.filter.clone(),
            focus,
        };
        let (network, filter) = (&self.network, &self.filter);
        self.visibility
            .get_or_compute(key, || {
                network
                    .as_ref()
                    .map(|network| visibility(project, network, filter, focus))
                    .unwrap_or_default()
            })
            .clone()
    }

    /// The introduction chain from the organizer to the selected person.
    fn chain(&mut self, revision: Revision, selected: Option<usize>) -> Vec<usize> {
        if !self.show_chain {
            return Vec::new();
        }
        let network = &self.network;
        self.chain
            .get_or_compute((revision, selected), || match (network, selected) {
                (Some(network), Some(node)) => network.chain_from_me(node).unwrap_or_default(),
                _ => Vec::new(),
            })
            .clone()
    }

    /// The stats panel's figures, cached per project state.
    fn stats(&mut self, revision: Revision) -> Option<&NetworkStats> {
        let network = &self.network;
        self.stats
            .get_or_compute(revision, || network.as_ref().map(Network::stats))
            .as_ref()
    }

    /// Every tag in the project, cached per project state.
    fn tags(&mut self, project: &Project) -> &[String] {
        let revision = self.synced.unwrap_or_default();
        self.tags
            .get_or_compute(revision, || crate::map::filter::all_tags(project))
    }

    /// The scene rectangle around every shown person.
    fn bounds_of_shown(&self, visibility: &[Visibility]) -> Option<Rect> {
        let mut bounds: Option<Rect> = None;
        for (node, [x, y]) in self.positions.iter().enumerate() {
            if visibility.get(node) == Some(&Visibility::Hidden) {
                continue;
            }
            let point = Pos2::new(*x, *y);
            bounds = Some(bounds.map_or(Rect::from_min_max(point, point), |b| {
                b.union(Rect::from_min_max(point, point))
            }));
        }
        bounds.map(|b| b.expand(FIT_MARGIN))
    }

    /// Zooms by `factor` around the middle of the screen.
    fn zoom_by(&mut self, factor: f32) {
        if self.scene_rect.is_positive() {
            let centre = self.scene_rect.center();
            self.scene_rect = Rect::from_center_size(centre, self.scene_rect.size() / factor);
        }
    }
}

/// The map view: toolbar on top, person card and stats on the right, the
/// graph in the middle.
pub fn map_view_ui(
    ui: &mut Ui,
    project: &Project,
    revision: Revision,
    state: &mut MapView,
    selected: Option<PersonId>,
    commands: &mut Commands,
) {
    state.sync(project, revision);
    state.advance_layout(ui, project, commands);
    state.palette = Palette::for_theme(ui.visuals().dark_mode);
    let selected_node = selected.and_then(|id| state.network.as_ref()?.index_of(id));
    egui::Panel::top("map_toolbar").show(ui, |ui| {
        toolbar::toolbar_ui(ui, project, state, commands);
    });
    egui::Panel::right("map_side_panel")
        .resizable(true)
        .default_size(300.0)
        .min_size(240.0)
        .max_size((ui.available_width() * 0.4).max(240.0))
        .show(ui, |ui| {
            side_panel::side_panel_ui(ui, project, revision, state, selected, commands);
        });
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let visibility = state.visibility(project, revision, selected_node);
        let chain = state.chain(revision, selected_node);
        canvas::canvas_ui(
            ui,
            project,
            state,
            &canvas::Frame {
                visibility: &visibility,
                chain: &chain,
                selected: selected_node,
            },
            commands,
        );
    });
}
