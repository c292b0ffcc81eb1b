//! The graph itself: the scene that pans and zooms, a widget per person for
//! clicks, drags and screen readers, and the painted picture.

use egui::emath::TSTransform;
use egui::{
    Align2, FontId, Painter, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo,
};

use super::paint::color;
use super::{Gesture, MapView};
use crate::map::picture::{PictureInput, Viewport, build_picture_into, node_radius};
use crate::map::{Network, Visibility};
use crate::model::{Edit, IntroductionId, MapPosition, PersonId, Project};
use crate::ui::{Action, Command, Commands};

/// With more people on screen than this, they are drawn but not clickable
/// one by one: zoom in to pick someone.
const INTERACTIVE_LIMIT: usize = 400;

/// How near (in screen points) a right click must be to a line to pick it.
const EDGE_PICK_DISTANCE: f32 = 6.0;

/// What this frame draws, worked out before the canvas.
pub(super) struct Frame<'a> {
    pub visibility: &'a [Visibility],
    pub chain: &'a [usize],
    pub selected: Option<usize>,
}

/// The scene with the graph in it.
pub(super) fn canvas_ui(
    ui: &mut Ui,
    project: &Project,
    state: &mut MapView,
    frame: &Frame<'_>,
    commands: &mut Commands,
) {
    let map_rect = ui.available_rect_before_wrap();
    state.map_rect = map_rect;
    if state.fit_pending || !state.scene_rect.is_positive() {
        if let Some(bounds) = state.bounds_of_shown(frame.visibility) {
            state.scene_rect = bounds;
        }
        state.fit_pending = false;
    }
    if let Some(node) = state.centre_on.take()
        && let Some([x, y]) = state.positions.get(node).copied()
    {
        state.scene_rect = Rect::from_center_size(Pos2::new(x, y), state.scene_rect.size());
    }
    let mut scene_rect = state.scene_rect;
    let mut to_global = TSTransform::IDENTITY;
    let response = egui::Scene::new()
        .zoom_range(0.02..=4.0)
        // The wheel zooms, as on any map; dragging the background pans.
        .scroll_zooms(true)
        .show(ui, &mut scene_rect, |ui| {
            to_global = ui
                .ctx()
                .layer_transform_to_global(ui.layer_id())
                .unwrap_or_default();
            node_widgets_ui(ui, project, state, frame, to_global, commands);
        })
        .response;
    state.scene_rect = scene_rect;
    state.screen_from_scene = to_global;
    background_ui(ui, &response, project, state, frame, to_global, commands);
    let mut picture = std::mem::take(&mut state.picture);
    build_picture_into(
        &mut picture,
        &PictureInput {
            project,
            network: match &state.network {
                Some(network) => network,
                None => return,
            },
            positions: &state.positions,
            visibility: frame.visibility,
            viewport: Viewport {
                offset: [
                    to_global.translation.x - map_rect.min.x,
                    to_global.translation.y - map_rect.min.y,
                ],
                zoom: to_global.scaling,
                size: [map_rect.width(), map_rect.height()],
            },
            palette: &state.palette,
            selected: frame.selected,
            chain: frame.chain,
            show_meetings: state.show_meetings,
            naming: state.naming,
        },
    );
    let painter = ui.painter_at(map_rect);
    painter.rect_filled(map_rect, 0.0, color(state.palette.background));
    super::paint::paint_picture(&painter, map_rect.min, &picture, &mut state.crowd);
    paint_gesture(&painter, state, to_global);
    if state.network.as_ref().is_some_and(Network::is_empty) {
        painter.text(
            map_rect.center(),
            Align2::CENTER_CENTER,
            "Nobody on the map yet: add people and their introductions.",
            FontId::proportional(15.0),
            color(state.palette.label),
        );
    }
    state.picture = picture;
    zoom_buttons_ui(ui, map_rect, commands);
}

/// Zoom in and out on the canvas itself, in its bottom-right corner.
fn zoom_buttons_ui(ui: &mut Ui, map_rect: egui::Rect, commands: &mut Commands) {
    let size = egui::vec2(30.0, 30.0);
    let corner = map_rect.right_bottom() - egui::vec2(12.0, 12.0);
    for (i, (face, action)) in [("-", Action::MapZoomOut), ("+", Action::MapZoomIn)]
        .into_iter()
        .enumerate()
    {
        let min = corner - egui::vec2(size.x * (i as f32 + 1.0) + 4.0 * i as f32, size.y);
        let rect = egui::Rect::from_min_size(min, size);
        let button = ui
            .put(
                rect,
                egui::Button::new(egui::RichText::new(face).size(18.0)),
            )
            .on_hover_text(action.tooltip());
        let name = action.label();
        button.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, name));
        if button.clicked() {
            commands.push(Command::Action(action));
        }
    }
}

fn pointer_in_scene(ui: &Ui, to_global: TSTransform) -> Option<Pos2> {
    ui.ctx()
        .pointer_latest_pos()
        .map(|pos| to_global.inverse() * pos)
}

/// One widget per person on screen: click selects, double-click opens the
/// editor, drag moves (or connects, with Shift or in connect mode).
fn node_widgets_ui(
    ui: &mut Ui,
    project: &Project,
    state: &mut MapView,
    frame: &Frame<'_>,
    to_global: TSTransform,
    commands: &mut Commands,
) {
    let Some(network) = state.network.take() else {
        return;
    };
    let on_screen = nodes_on_screen(&network, state, frame.visibility, ui.clip_rect());
    if let Some(on_screen) = on_screen {
        for node in on_screen {
            node_widget_ui(ui, project, &network, state, node, to_global, commands);
        }
    }
    state.network = Some(network);
}

/// The shown people on screen, or `None` when there are more than
/// [`INTERACTIVE_LIMIT`].
fn nodes_on_screen(
    network: &Network,
    state: &MapView,
    visibility: &[Visibility],
    clip_in_scene: Rect,
) -> Option<Vec<usize>> {
    let mut found = Vec::new();
    for node in 0..network.len() {
        let shown = visibility
            .get(node)
            .is_some_and(|v| *v != Visibility::Hidden);
        let inside = state.positions.get(node).is_some_and(|[x, y]| {
            clip_in_scene
                .expand(node_radius(network, node))
                .contains(Pos2::new(*x, *y))
        });
        if shown && inside {
            if found.len() == INTERACTIVE_LIMIT {
                return None;
            }
            found.push(node);
        }
    }
    Some(found)
}

fn node_widget_ui(
    ui: &mut Ui,
    project: &Project,
    network: &Network,
    state: &mut MapView,
    node: usize,
    to_global: TSTransform,
    commands: &mut Commands,
) {
    let (Some(id), Some([x, y])) = (network.people.get(node), state.positions.get(node)) else {
        return;
    };
    let id = *id;
    let centre = Pos2::new(*x, *y);
    let radius = node_radius(network, node).max(6.0 / to_global.scaling);
    let rect = Rect::from_center_size(centre, Vec2::splat(radius * 2.0));
    let name = project
        .person(id)
        .map_or("(missing)", |person| person.display_name())
        .to_owned();
    let response = ui.interact(
        rect,
        ui.scope_id().with(("map_node", id.0)),
        Sense::click_and_drag(),
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &name));
    // Assistive tech gets where the person is on screen, panned and zoomed.
    let on_screen = to_global * rect;
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: on_screen.min.x.into(),
            y0: on_screen.min.y.into(),
            x1: on_screen.max.x.into(),
            y1: on_screen.max.y.into(),
        });
    });
    if response.gained_focus() {
        follow_keyboard(state, node, rect);
    }
    let response = response.on_hover_text(hover_text(project, id));
    if response.clicked() {
        commands.push(Command::SelectPerson(Some(id)));
    }
    if response.double_clicked() {
        open_in_editor(id, commands);
    }
    drag_ui(
        ui, &response, network, state, node, centre, to_global, commands,
    );
    response.context_menu(|ui| node_menu_ui(ui, project, state, id, node, commands));
}

/// The map follows the keyboard: a person Tab lands on in the outer sixth
/// of the view is brought to its middle, so what is around them shows.
fn follow_keyboard(state: &mut MapView, node: usize, person: Rect) {
    let view = state.scene_rect();
    let inner = view.shrink2(view.size() / 6.0);
    if view.is_positive() && !inner.contains_rect(person) {
        // Applied before the next frame's scene, like Find's centring.
        state.centre_on = Some(node);
    }
}

fn hover_text(project: &Project, id: PersonId) -> String {
    let Some(person) = project.person(id) else {
        return String::new();
    };
    let mut text = format!("{}\n{}", person.display_name(), person.stage.label());
    if person.leadership_team {
        text.push_str(" · leadership team");
    }
    text.push_str("\nDouble-click to open · drag to move · Shift-drag to connect");
    text
}

fn open_in_editor(id: PersonId, commands: &mut Commands) {
    commands.push(Command::OpenPerson(id));
}

#[allow(clippy::too_many_arguments)]
fn drag_ui(
    ui: &Ui,
    response: &Response,
    network: &Network,
    state: &mut MapView,
    node: usize,
    centre: Pos2,
    to_global: TSTransform,
    commands: &mut Commands,
) {
    let pointer = pointer_in_scene(ui, to_global);
    // The drag is recognised only after the pointer has moved a little:
    // measure the grab from where the button went down.
    let pressed_at = ui
        .input(|i| i.pointer.press_origin())
        .map(|pos| to_global.inverse() * pos);
    if response.drag_started()
        && let Some(pointer) = pressed_at.or(pointer)
    {
        let connecting = state.connect_mode || ui.input(|i| i.modifiers.shift);
        state.gesture = Some(if connecting {
            Gesture::Connect {
                from: node,
                pointer,
            }
        } else {
            Gesture::Move {
                node,
                grab: centre - pointer,
            }
        });
    }
    match state.gesture {
        Some(Gesture::Move { node: moving, grab }) if moving == node => {
            if let Some(pointer) = pointer {
                let to = pointer + grab;
                if let Some(slot) = state.positions.get_mut(node) {
                    *slot = [to.x, to.y];
                }
                if let Some(run) = &mut state.run {
                    run.hold(node, [to.x, to.y]);
                }
            }
            if response.drag_stopped() {
                state.gesture = None;
                finish_move(network, state, node, commands);
            }
        }
        Some(Gesture::Connect { from, .. }) if from == node => {
            if let Some(pointer) = pointer {
                state.gesture = Some(Gesture::Connect { from, pointer });
            }
            if response.drag_stopped() {
                state.gesture = None;
                if let Some(pointer) = pointer {
                    finish_connect(network, state, from, pointer, commands);
                }
            }
        }
        _ => {}
    }
}

/// Saves a dragged person's place, pinned, as one undo step.
fn finish_move(network: &Network, state: &MapView, node: usize, commands: &mut Commands) {
    let (Some(id), Some([x, y])) = (network.people.get(node), state.positions.get(node)) else {
        return;
    };
    commands.push(Command::Edit {
        edit: Edit::SetMapPosition(
            *id,
            Some(MapPosition {
                x: *x,
                y: *y,
                pinned: true,
            }),
        ),
        label: "Move a person on the map".to_owned(),
        merge: None,
    });
}

/// Records an introduction from `from` to the person the drag ended on.
fn finish_connect(
    network: &Network,
    state: &MapView,
    from: usize,
    pointer: Pos2,
    commands: &mut Commands,
) {
    let Some(to) = node_at(network, state, pointer, None) else {
        return;
    };
    if to == from {
        return;
    }
    if let (Some(introducer), Some(introduced)) = (network.people.get(from), network.people.get(to))
    {
        commands.push(Command::AddIntroduction {
            introducer: *introducer,
            introduced: *introduced,
        });
    }
}

/// The shown person under a scene point, nearest first.
fn node_at(
    network: &Network,
    state: &MapView,
    point: Pos2,
    visibility: Option<&[Visibility]>,
) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for (node, [x, y]) in state.positions.iter().enumerate() {
        if visibility.and_then(|v| v.get(node)) == Some(&Visibility::Hidden) {
            continue;
        }
        let distance = Pos2::new(*x, *y).distance(point);
        if distance <= node_radius(network, node) + 4.0
            && best.is_none_or(|(nearest, _)| distance < nearest)
        {
            best = Some((distance, node));
        }
    }
    best.map(|(_, node)| node)
}

fn node_menu_ui(
    ui: &mut Ui,
    project: &Project,
    state: &mut MapView,
    id: PersonId,
    node: usize,
    commands: &mut Commands,
) {
    if ui.button("Open in the editor").clicked() {
        open_in_editor(id, commands);
        ui.close();
    }
    if ui.button("Plan a one-to-one").clicked() {
        commands.push(Command::NewMeeting(id));
        ui.close();
    }
    if ui.button("Focus on this person").clicked() {
        commands.push(Command::SelectPerson(Some(id)));
        state.focus_on_selected = true;
        ui.close();
    }
    let saved = project.map_positions.get(&id).copied();
    if let Some(position) = saved.filter(|p| p.pinned) {
        if ui.button("Unpin").clicked() {
            commands.push(Command::Edit {
                edit: Edit::SetMapPosition(
                    id,
                    Some(MapPosition {
                        pinned: false,
                        ..position
                    }),
                ),
                label: "Unpin a person on the map".to_owned(),
                merge: None,
            });
            ui.close();
        }
    } else if ui.button("Pin here").clicked()
        && let Some([x, y]) = state.positions.get(node)
    {
        commands.push(Command::Edit {
            edit: Edit::SetMapPosition(
                id,
                Some(MapPosition {
                    x: *x,
                    y: *y,
                    pinned: true,
                }),
            ),
            label: "Pin a person on the map".to_owned(),
            merge: None,
        });
        ui.close();
    }
}

/// Clicks on empty space clear the selection; a right click on a line
/// offers to delete that introduction.
fn background_ui(
    ui: &Ui,
    response: &Response,
    project: &Project,
    state: &mut MapView,
    frame: &Frame<'_>,
    to_global: TSTransform,
    commands: &mut Commands,
) {
    if response.clicked() && frame.selected.is_some() {
        commands.push(Command::SelectPerson(None));
    }
    if response.secondary_clicked() {
        state.edge_menu = pointer_in_scene(ui, to_global).and_then(|pointer| {
            edge_at(
                state,
                frame.visibility,
                pointer,
                EDGE_PICK_DISTANCE / to_global.scaling,
            )
        });
    }
    response.context_menu(|ui| match state.edge_menu {
        Some(intro) => edge_menu_ui(ui, project, intro, commands),
        None => {
            if ui.button("Fit to screen").clicked() {
                state.fit_pending = true;
                ui.close();
            }
            if ui.button("Arrange by forces").clicked() {
                state.arrange_by_force(project);
                ui.close();
            }
        }
    });
}

fn edge_menu_ui(ui: &mut Ui, project: &Project, intro: IntroductionId, commands: &mut Commands) {
    let Some(introduction) = project.introductions.get(&intro) else {
        ui.close();
        return;
    };
    let introducer = project.name_of(introduction.introducer).to_owned();
    let introduced = project.name_of(introduction.introduced).to_owned();
    ui.label(format!("{introducer} introduced {introduced}"));
    if ui.button(format!("Open {introducer}")).clicked() {
        open_in_editor(introduction.introducer, commands);
        ui.close();
    }
    if ui.button(format!("Open {introduced}")).clicked() {
        open_in_editor(introduction.introduced, commands);
        ui.close();
    }
    if ui.button("Delete this introduction").clicked() {
        commands.push(Command::Edit {
            edit: Edit::RemoveIntroduction(intro),
            label: format!("Delete: {introducer} introduced {introduced}"),
            merge: None,
        });
        ui.close();
    }
}

/// The introduction whose line passes within `tolerance` of a scene point.
fn edge_at(
    state: &MapView,
    visibility: &[Visibility],
    point: Pos2,
    tolerance: f32,
) -> Option<IntroductionId> {
    let network = state.network.as_ref()?;
    let mut best: Option<(f32, IntroductionId)> = None;
    for (from, to, id) in &network.introduction_edges {
        let hidden = |node: &usize| visibility.get(*node) == Some(&Visibility::Hidden);
        if hidden(from) || hidden(to) {
            continue;
        }
        let (Some([ax, ay]), Some([bx, by])) =
            (state.positions.get(*from), state.positions.get(*to))
        else {
            continue;
        };
        let distance = distance_to_segment(point, Pos2::new(*ax, *ay), Pos2::new(*bx, *by));
        if distance <= tolerance && best.is_none_or(|(nearest, _)| distance < nearest) {
            best = Some((distance, *id));
        }
    }
    best.map(|(_, id)| id)
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq <= f32::EPSILON {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// The line drawn while connecting two people.
fn paint_gesture(painter: &Painter, state: &MapView, to_global: TSTransform) {
    let Some(Gesture::Connect { from, pointer }) = state.gesture else {
        return;
    };
    let Some([x, y]) = state.positions.get(from) else {
        return;
    };
    let start = to_global * Pos2::new(*x, *y);
    let end = to_global * pointer;
    let stroke = Stroke::new(2.0, color(state.palette.chain));
    painter.extend(Shape::dashed_line(&[start, end], stroke, 8.0, 4.0));
    painter.circle_stroke(end, 6.0, stroke);
}
