//! The map as a list of shapes in screen coordinates: what the view paints
//! and what the SVG export writes, built in one place so both match.

use crate::graph::Point;
use crate::model::{Project, Stage};

use super::{Network, Visibility};

/// A colour, straight (not premultiplied) RGBA.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    /// The same colour with its opacity scaled by `factor` (0–1).
    pub fn faded(self, factor: f32) -> Self {
        let [r, g, b, a] = self.0;
        let alpha = (f32::from(a) * factor.clamp(0.0, 1.0)).round() as u8;
        Self([r, g, b, alpha])
    }
}

/// The map's colours for one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Behind everything.
    pub background: Rgba,
    /// Introduction lines.
    pub introduction: Rgba,
    /// Lines of the chain from the organizer to the selected person.
    pub chain: Rgba,
    /// Dashed lines of held one-to-ones.
    pub meeting: Rgba,
    /// Fill of each stage, as [`Stage::ALL`].
    pub stages: [Rgba; Stage::ALL.len()],
    /// The organizer's own node.
    pub me: Rgba,
    /// Outline of every node.
    pub outline: Rgba,
    /// Ring of leadership-team members.
    pub leader_ring: Rgba,
    /// Ring of the selected person.
    pub selection: Rgba,
    /// Names.
    pub label: Rgba,
}

impl Palette {
    /// Colours for a dark or a light theme.
    pub fn for_theme(dark: bool) -> Self {
        if dark { Self::dark() } else { Self::light() }
    }

    /// Colours on a dark background.
    pub fn dark() -> Self {
        Self {
            background: Rgba::rgb(27, 27, 30),
            introduction: Rgba::rgb(150, 150, 160),
            chain: Rgba::rgb(255, 196, 64),
            meeting: Rgba::rgb(96, 170, 230),
            stages: [
                Rgba::rgb(128, 128, 136),
                Rgba::rgb(110, 160, 220),
                Rgba::rgb(64, 180, 170),
                Rgba::rgb(230, 160, 60),
                Rgba::rgb(110, 190, 90),
                Rgba::rgb(180, 120, 220),
            ],
            me: Rgba::rgb(235, 90, 80),
            outline: Rgba::rgb(20, 20, 22),
            leader_ring: Rgba::rgb(255, 210, 80),
            selection: Rgba::rgb(255, 255, 255),
            label: Rgba::rgb(225, 225, 230),
        }
    }

    /// Colours on a light background.
    pub fn light() -> Self {
        Self {
            background: Rgba::rgb(248, 248, 246),
            introduction: Rgba::rgb(120, 120, 128),
            chain: Rgba::rgb(214, 120, 0),
            meeting: Rgba::rgb(40, 110, 190),
            stages: [
                Rgba::rgb(170, 170, 176),
                Rgba::rgb(120, 170, 230),
                Rgba::rgb(40, 160, 150),
                Rgba::rgb(230, 150, 40),
                Rgba::rgb(80, 170, 60),
                Rgba::rgb(150, 90, 200),
            ],
            me: Rgba::rgb(215, 60, 50),
            outline: Rgba::rgb(255, 255, 255),
            leader_ring: Rgba::rgb(200, 140, 0),
            selection: Rgba::rgb(20, 20, 20),
            label: Rgba::rgb(30, 30, 34),
        }
    }

    /// The fill of a stage.
    pub fn stage(&self, stage: Stage) -> Rgba {
        let index = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.stages.get(index).copied().unwrap_or(self.introduction)
    }
}

/// Width of each ring around a node.
pub const RING_WIDTH: f32 = 2.5;

/// Opacity of people outside the focus.
pub const FADED: f32 = 0.18;

/// Below this many points of radius on screen, names are left out...
const LABEL_MIN_RADIUS: f32 = 6.0;

/// ...unless this few people are on screen: then everyone is named.
const ALWAYS_NAMED: usize = 120;

/// At most this many names are drawn at once; more would be unreadable.
const MAX_LABELS: usize = 800;

/// Zoomed out further than this, lines lose their arrowheads: they would
/// be specks.
pub const ARROW_MIN_ZOOM: f32 = 0.2;

/// Smallest radius of a person on screen, so far-out views stay visible.
const MIN_SCREEN_RADIUS: f32 = 3.0;

/// One person.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeShape {
    /// Node index in the [`Network`].
    pub node: usize,
    /// Centre on screen.
    pub centre: Point,
    /// Radius on screen.
    pub radius: f32,
    /// Fill: the stage's colour, or the organizer's.
    pub fill: Rgba,
    /// Thin outline.
    pub outline: Rgba,
    /// Rings outside the node, innermost first (leadership, selection).
    pub rings: Vec<Rgba>,
    /// Name near the node, when it fits (perhaps shortened).
    pub label: Option<String>,
    /// Centre of the name on screen, beside the node where it fits.
    pub label_at: Point,
    /// Colour of the name.
    pub label_color: Rgba,
}

/// One line between two people.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeShape {
    /// Start on screen, at the edge of the first node.
    pub from: Point,
    /// End on screen, at the edge of the second node.
    pub to: Point,
    /// Line colour.
    pub color: Rgba,
    /// Line width on screen.
    pub width: f32,
    /// Dashed: a one-to-one rather than an introduction.
    pub dashed: bool,
    /// Arrowhead at `to`, when the line is long enough for one.
    pub arrow: Option<[Point; 3]>,
}

/// Everything drawn on the map, in screen coordinates relative to its top left.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapPicture {
    /// Width and height of the map area.
    pub size: Point,
    /// Lines, drawn first.
    pub edges: Vec<EdgeShape>,
    /// People, drawn over the lines in order.
    pub nodes: Vec<NodeShape>,
}

/// How scene coordinates map to the screen: `screen = scene * zoom + offset`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Screen position of the scene origin, relative to the map's top left.
    pub offset: Point,
    /// Screen points per scene unit.
    pub zoom: f32,
    /// Size of the map area on screen.
    pub size: Point,
}

impl Viewport {
    /// Where a scene point lands on screen.
    pub fn to_screen(&self, [x, y]: Point) -> Point {
        [
            x * self.zoom + self.offset[0],
            y * self.zoom + self.offset[1],
        ]
    }

    /// Whether a circle on screen touches the map area.
    fn sees(&self, [x, y]: Point, radius: f32) -> bool {
        x + radius >= 0.0
            && y + radius >= 0.0
            && x - radius <= self.size[0]
            && y - radius <= self.size[1]
    }

    /// Whether a segment's bounding box touches the map area.
    fn sees_segment(&self, a: Point, b: Point) -> bool {
        a[0].max(b[0]) >= 0.0
            && a[1].max(b[1]) >= 0.0
            && a[0].min(b[0]) <= self.size[0]
            && a[1].min(b[1]) <= self.size[1]
    }
}

impl Viewport {
    /// The view that shows `bounds` (a scene rectangle `[left, top, right,
    /// bottom]`) whole and centred in a map of `size`, zoomed within
    /// `zoom_range`, as the map's scene does when it fits.
    pub fn fitting(bounds: [f32; 4], size: Point, zoom_range: (f32, f32)) -> Self {
        let width = (bounds[2] - bounds[0]).max(1.0);
        let height = (bounds[3] - bounds[1]).max(1.0);
        let zoom = (size[0] / width)
            .min(size[1] / height)
            .clamp(zoom_range.0, zoom_range.1);
        let centre = [(bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0];
        Self {
            offset: [
                size[0] / 2.0 - centre[0] * zoom,
                size[1] / 2.0 - centre[1] * zoom,
            ],
            zoom,
            size,
        }
    }
}

/// The scene rectangle around `points`, `margin` wider on every side.
pub fn bounds_of(points: impl IntoIterator<Item = Point>, margin: f32) -> Option<[f32; 4]> {
    points
        .into_iter()
        .fold(None::<[f32; 4]>, |bounds, [x, y]| {
            Some(match bounds {
                None => [x, y, x, y],
                Some([l, t, r, b]) => [l.min(x), t.min(y), r.max(x), b.max(y)],
            })
        })
        .map(|[l, t, r, b]| [l - margin, t - margin, r + margin, b + margin])
}

/// How people are named on the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Naming {
    /// Full names.
    #[default]
    Names,
    /// Initials only, for sharing without exposing anyone.
    Initials,
}

/// What the picture is built from.
pub struct PictureInput<'a> {
    /// The project, for names, stages and leadership.
    pub project: &'a Project,
    /// The graph of the project.
    pub network: &'a Network,
    /// Scene position of each node.
    pub positions: &'a [Point],
    /// How each node is drawn.
    pub visibility: &'a [Visibility],
    /// Scene to screen.
    pub viewport: Viewport,
    /// Colours.
    pub palette: &'a Palette,
    /// The selected node.
    pub selected: Option<usize>,
    /// Nodes of the introduction chain to highlight, in order.
    pub chain: &'a [usize],
    /// Draw held one-to-ones as dashed lines.
    pub show_meetings: bool,
    /// Names or initials.
    pub naming: Naming,
}

/// Radius in scene units: bigger for people who introduced more.
pub fn node_radius(network: &Network, node: usize) -> f32 {
    if network.me == Some(node) {
        return 22.0;
    }
    let introduced = network.introductions.out_degree(node) as f32;
    (12.0 + 4.0 * introduced.sqrt()).min(30.0)
}

/// Builds the picture of what is on screen; nodes and lines outside the
/// viewport are left out.
pub fn build_picture(input: &PictureInput<'_>) -> MapPicture {
    let mut picture = MapPicture::default();
    build_picture_into(&mut picture, input);
    picture
}

/// Like [`build_picture`], reusing `picture`'s buffers (a frame of 10,000
/// people would otherwise allocate and free megabytes each time).
pub fn build_picture_into(picture: &mut MapPicture, input: &PictureInput<'_>) {
    let screen: Vec<(Point, f32)> = (0..input.network.len())
        .map(|node| {
            let centre = input
                .positions
                .get(node)
                .map_or([0.0, 0.0], |p| input.viewport.to_screen(*p));
            let radius =
                (node_radius(input.network, node) * input.viewport.zoom).max(MIN_SCREEN_RADIUS);
            (centre, radius)
        })
        .collect();
    picture.size = input.viewport.size;
    let edges = &mut picture.edges;
    edges.clear();
    if input.show_meetings {
        for (from, to) in &input.network.meetings {
            push_edge(input, &screen, *from, *to, EdgeKind::Meeting, edges);
        }
    }
    for (from, to, _) in &input.network.introduction_edges {
        let kind = if on_chain(input.chain, *from, *to) {
            EdgeKind::Chain
        } else {
            EdgeKind::Introduction
        };
        push_edge(input, &screen, *from, *to, kind, edges);
    }
    picture.nodes.clear();
    picture.nodes.extend(node_shapes(input, &screen));
    place_names(&mut picture.nodes, input);
}

/// Places names around their people (see [`super::labels`]): the selected
/// person and the organizer always keep theirs; then the leadership team,
/// then those who introduced more choose first.
fn place_names(nodes: &mut [NodeShape], input: &PictureInput<'_>) {
    let mut order: Vec<usize> = (0..nodes.len())
        .filter(|i| nodes[*i].label.is_some())
        .collect();
    let rank = |shape: &NodeShape| {
        let node = shape.node;
        let team = input
            .network
            .people
            .get(node)
            .and_then(|id| input.project.person(*id))
            .is_some_and(|person| person.leadership_team);
        (
            input.selected != Some(node),
            input.network.me != Some(node),
            !team,
            std::cmp::Reverse(input.network.introductions.out_degree(node)),
            node,
        )
    };
    order.sort_by_key(|i| rank(&nodes[*i]));
    let essential: Vec<bool> = nodes
        .iter()
        .map(|n| input.selected == Some(n.node) || input.network.me == Some(n.node))
        .collect();
    super::labels::place_names(
        nodes,
        &order,
        |i| essential.get(i).copied().unwrap_or(false),
        input.naming == Naming::Names,
        input.viewport.size,
    );
}

fn on_chain(chain: &[usize], from: usize, to: usize) -> bool {
    chain.windows(2).any(|pair| pair == [from, to])
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum EdgeKind {
    Introduction,
    Chain,
    Meeting,
}

fn push_edge(
    input: &PictureInput<'_>,
    screen: &[(Point, f32)],
    from: usize,
    to: usize,
    kind: EdgeKind,
    edges: &mut Vec<EdgeShape>,
) {
    let (Some(from_vis), Some(to_vis)) = (input.visibility.get(from), input.visibility.get(to))
    else {
        return;
    };
    if *from_vis == Visibility::Hidden || *to_vis == Visibility::Hidden {
        return;
    }
    let (Some((a, ra)), Some((b, rb))) = (screen.get(from), screen.get(to)) else {
        return;
    };
    if !input.viewport.sees_segment(*a, *b) {
        return;
    }
    let Some((start, end)) = trim(*a, *ra, *b, *rb) else {
        return;
    };
    let zoom = input.viewport.zoom.clamp(0.3, 2.0);
    let (color, width) = match kind {
        EdgeKind::Introduction => (input.palette.introduction, 1.2 * zoom),
        EdgeKind::Chain => (input.palette.chain, 3.0 * zoom.max(0.8)),
        EdgeKind::Meeting => (input.palette.meeting, 1.0 * zoom),
    };
    let faded = *from_vis == Visibility::Faded || *to_vis == Visibility::Faded;
    let color = if faded { color.faded(FADED) } else { color };
    let arrow_size = (9.0 * zoom).max(7.0);
    let arrow = (kind != EdgeKind::Meeting
        && input.viewport.zoom >= ARROW_MIN_ZOOM
        && length(start, end) > arrow_size * 1.5)
        .then(|| arrowhead(start, end, arrow_size));
    edges.push(EdgeShape {
        from: start,
        to: end,
        color,
        width,
        dashed: kind == EdgeKind::Meeting,
        arrow,
    });
}

fn length(a: Point, b: Point) -> f32 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    (dx * dx + dy * dy).sqrt()
}

/// The segment between two circles' rims, or `None` when they overlap.
fn trim(a: Point, ra: f32, b: Point, rb: f32) -> Option<(Point, Point)> {
    let distance = length(a, b);
    if distance <= ra + rb {
        return None;
    }
    let unit = [(b[0] - a[0]) / distance, (b[1] - a[1]) / distance];
    Some((
        [a[0] + unit[0] * ra, a[1] + unit[1] * ra],
        [b[0] - unit[0] * rb, b[1] - unit[1] * rb],
    ))
}

/// A triangle pointing at `tip`, along the line from `from`.
pub fn arrowhead(from: Point, tip: Point, size: f32) -> [Point; 3] {
    let distance = length(from, tip).max(f32::EPSILON);
    let unit = [(tip[0] - from[0]) / distance, (tip[1] - from[1]) / distance];
    let normal = [-unit[1], unit[0]];
    let base = [tip[0] - unit[0] * size, tip[1] - unit[1] * size];
    let half = size * 0.5;
    [
        tip,
        [base[0] + normal[0] * half, base[1] + normal[1] * half],
        [base[0] - normal[0] * half, base[1] - normal[1] * half],
    ]
}

fn node_shapes<'a>(
    input: &'a PictureInput<'_>,
    screen: &'a [(Point, f32)],
) -> impl Iterator<Item = NodeShape> + 'a {
    let on_screen: Vec<usize> = (0..input.network.len())
        .filter(|node| {
            input
                .visibility
                .get(*node)
                .is_some_and(|v| *v != Visibility::Hidden)
                && screen
                    .get(*node)
                    .is_some_and(|(centre, radius)| input.viewport.sees(*centre, *radius))
        })
        .collect();
    let room_for_names = on_screen.len() <= MAX_LABELS;
    let name_everyone = on_screen.len() <= ALWAYS_NAMED;
    on_screen.into_iter().filter_map(move |node| {
        let (centre, radius) = *screen.get(node)?;
        let id = *input.network.people.get(node)?;
        let person = input.project.person(id)?;
        let is_me = input.network.me == Some(node);
        let is_selected = input.selected == Some(node);
        let faded = input.visibility.get(node) == Some(&Visibility::Faded);
        let alpha = if faded { FADED } else { 1.0 };
        let mut rings = Vec::new();
        if person.leadership_team {
            rings.push(input.palette.leader_ring.faded(alpha));
        }
        if is_selected {
            rings.push(input.palette.selection);
        }
        let fill = if is_me {
            input.palette.me
        } else {
            input.palette.stage(person.stage)
        };
        let wants_name =
            name_everyone || (room_for_names && radius >= LABEL_MIN_RADIUS) || is_selected || is_me;
        let label = wants_name.then(|| match input.naming {
            Naming::Names => person.display_name().to_owned(),
            Naming::Initials => person.display_initials(),
        });
        Some(NodeShape {
            node,
            centre,
            radius,
            fill: fill.faded(alpha),
            outline: input.palette.outline.faded(alpha),
            rings,
            label,
            label_at: centre,
            label_color: input.palette.label.faded(alpha.max(0.35)),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Introduction, Person};
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
    }

    /// Me → Ana (leadership team), nodes 200 apart on a line.
    fn two() -> (Project, Network, Vec<Point>) {
        let mut project = Project::new("Two", "Me", day());
        let id = project.new_person_id();
        let mut ana = Person::new(id, "Ana Ruiz", day());
        ana.leadership_team = true;
        Edit::PutPerson(Box::new(ana))
            .apply(&mut project)
            .expect("person");
        let intro_id = project.new_introduction_id();
        let intro = Introduction {
            id: intro_id,
            introducer: project.me,
            introduced: id,
            date: None,
            meeting: None,
            note: String::new(),
        };
        Edit::PutIntroduction(Box::new(intro))
            .apply(&mut project)
            .expect("introduction");
        let network = Network::from_project(&project);
        (project, network, vec![[0.0, 0.0], [200.0, 0.0]])
    }

    fn input<'a>(
        project: &'a Project,
        network: &'a Network,
        positions: &'a [Point],
        visibility: &'a [Visibility],
        palette: &'a Palette,
        zoom: f32,
    ) -> PictureInput<'a> {
        PictureInput {
            project,
            network,
            positions,
            visibility,
            viewport: Viewport {
                offset: [100.0, 100.0],
                zoom,
                size: [800.0, 600.0],
            },
            palette,
            selected: None,
            chain: &[],
            show_meetings: true,
            naming: Naming::Names,
        }
    }

    #[test]
    fn edges_stop_at_the_rims_and_point_at_the_introduced() {
        let (project, network, positions) = two();
        let palette = Palette::dark();
        let shown = [Visibility::Shown; 2];
        let picture = build_picture(&input(
            &project, &network, &positions, &shown, &palette, 1.0,
        ));
        assert_eq!(picture.nodes.len(), 2);
        assert_eq!(picture.edges.len(), 1);
        let edge = &picture.edges[0];
        let me_radius = node_radius(&network, 0);
        assert_eq!(edge.from, [100.0 + me_radius, 100.0]);
        assert!(edge.to[0] < 300.0);
        let arrow = edge.arrow.expect("arrowhead");
        assert_eq!(
            arrow[0], edge.to,
            "the arrow points at the introduced person"
        );
        let ana = &picture.nodes[1];
        assert_eq!(ana.rings, vec![palette.leader_ring]);
        assert_eq!(ana.label.as_deref(), Some("Ana Ruiz"));
    }

    /// The organizer and `n` others on a grid 100 apart, nobody introduced.
    fn crowd(n: usize) -> (Project, Network, Vec<Point>) {
        let mut project = Project::new("Crowd", "Me", day());
        for i in 0..n {
            let id = project.new_person_id();
            Edit::PutPerson(Box::new(Person::new(id, format!("P{i}"), day())))
                .apply(&mut project)
                .expect("person");
        }
        let network = Network::from_project(&project);
        let positions = (0..network.len())
            .map(|i| [(i % 20) as f32 * 100.0, (i / 20) as f32 * 100.0])
            .collect();
        (project, network, positions)
    }

    #[test]
    fn far_out_zoom_drops_names_but_keeps_me_and_the_selection() {
        let (project, network, positions) = crowd(ALWAYS_NAMED + 10);
        let palette = Palette::light();
        let shown = vec![Visibility::Shown; network.len()];
        let picture = build_picture(&input(
            &project, &network, &positions, &shown, &palette, 0.1,
        ));
        assert_eq!(picture.nodes.len(), network.len());
        let me = network.me.expect("me");
        let named: Vec<usize> = picture
            .nodes
            .iter()
            .filter(|node| node.label.is_some())
            .map(|node| node.node)
            .collect();
        assert_eq!(named, vec![me], "only the organizer stays named");
        let mut selected = input(&project, &network, &positions, &shown, &palette, 0.1);
        selected.selected = Some(5);
        let picture = build_picture(&selected);
        assert!(picture.nodes[5].label.is_some());
        assert!(picture.nodes[5].rings.contains(&palette.selection));
        assert!(picture.nodes[5].radius >= MIN_SCREEN_RADIUS);
    }

    #[test]
    fn a_small_network_is_named_at_any_zoom() {
        let (project, network, positions) = crowd(10);
        let palette = Palette::dark();
        let shown = vec![Visibility::Shown; network.len()];
        // Small circles (3.6 points), but room between them for the names.
        let picture = build_picture(&input(
            &project, &network, &positions, &shown, &palette, 0.3,
        ));
        assert!(picture.nodes.iter().all(|node| node.label.is_some()));
    }

    #[test]
    fn hidden_nodes_and_their_edges_are_left_out_faded_are_pale() {
        let (project, network, positions) = two();
        let palette = Palette::dark();
        let hidden = [Visibility::Shown, Visibility::Hidden];
        let picture = build_picture(&input(
            &project, &network, &positions, &hidden, &palette, 1.0,
        ));
        assert_eq!(picture.nodes.len(), 1);
        assert!(picture.edges.is_empty());
        let faded = [Visibility::Shown, Visibility::Faded];
        let picture = build_picture(&input(
            &project, &network, &positions, &faded, &palette, 1.0,
        ));
        assert_eq!(
            picture.nodes[1].fill.0[3],
            palette.stages[0].faded(FADED).0[3]
        );
        assert!(picture.edges[0].color.0[3] < 255);
    }

    #[test]
    fn nodes_off_screen_are_culled_and_chains_are_highlighted() {
        let (project, network, _) = two();
        let palette = Palette::dark();
        let shown = [Visibility::Shown; 2];
        let far = vec![[0.0, 0.0], [5_000.0, 0.0]];
        let mut far_input = input(&project, &network, &far, &shown, &palette, 1.0);
        far_input.chain = &[0, 1];
        let picture = build_picture(&far_input);
        assert_eq!(picture.nodes.len(), 1);
        assert_eq!(picture.edges.len(), 1, "the line still crosses the screen");
        assert_eq!(picture.edges[0].color, palette.chain);
    }

    #[test]
    fn far_out_lines_lose_their_arrowheads() {
        let (project, network, _) = two();
        let palette = Palette::dark();
        let shown = [Visibility::Shown; 2];
        let far = vec![[0.0, 0.0], [2_000.0, 0.0]];
        let near = build_picture(&input(&project, &network, &far, &shown, &palette, 0.3));
        assert!(near.edges[0].arrow.is_some());
        let out = build_picture(&input(&project, &network, &far, &shown, &palette, 0.1));
        assert!(out.edges[0].arrow.is_none());
    }

    #[test]
    fn overlapping_names_give_way_to_the_more_important() {
        let (project, network, _) = crowd(3);
        let palette = Palette::dark();
        let shown = vec![Visibility::Shown; network.len()];
        // People 14 points apart on one line: neighbours' names collide.
        let close = vec![[0.0, 0.0], [14.0, 0.0], [28.0, 0.0], [600.0, 0.0]];
        let mut picture_input = input(&project, &network, &close, &shown, &palette, 1.0);
        picture_input.selected = Some(2);
        let picture = build_picture(&picture_input);
        let named: Vec<usize> = picture
            .nodes
            .iter()
            .filter(|node| node.label.is_some())
            .map(|node| node.node)
            .collect();
        // The selected person keeps their name, then the organizer; the
        // person between them loses theirs.
        assert!(named.contains(&2));
        assert!(named.contains(&0));
        assert!(!named.contains(&1));
        assert!(named.contains(&3), "a name far away is kept");
    }

    /// The demo as the map first shows it: saved places, fitted to a
    /// 1280 × 800 window's map area.
    fn demo_picture(size: Point) -> (Project, MapPicture) {
        let project = crate::store::parse(crate::DEMO_RON.as_bytes())
            .expect("the demo parses")
            .project;
        let network = Network::from_project(&project);
        let placement = crate::map::arrange::Placement::saved(&project, &network);
        let positions: Vec<Point> = placement
            .positions
            .iter()
            .map(|p| p.unwrap_or([0.0, 0.0]))
            .collect();
        let picture = fitted(&project, &network, &positions, size);
        (project, picture)
    }

    /// Everyone shown, fitted into `size` as the map fits on opening.
    fn fitted(
        project: &Project,
        network: &Network,
        positions: &[Point],
        size: Point,
    ) -> MapPicture {
        let bounds = bounds_of(positions.iter().copied(), 80.0).expect("people");
        let shown = vec![Visibility::Shown; network.len()];
        let palette = Palette::dark();
        build_picture(&PictureInput {
            project,
            network,
            positions,
            visibility: &shown,
            viewport: Viewport::fitting(bounds, size, (0.02, 4.0)),
            palette: &palette,
            selected: None,
            chain: &[],
            show_meetings: true,
            naming: Naming::Names,
        })
    }

    fn assert_names_apart(picture: &MapPicture) {
        let boxes: Vec<_> = picture
            .nodes
            .iter()
            .filter_map(|n| crate::map::labels::placed_box(n).map(|b| (n, b)))
            .collect();
        let overlap =
            |a: &[f32; 4], b: &[f32; 4]| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        for (i, (node, a)) in boxes.iter().enumerate() {
            for (other, b) in &boxes[i + 1..] {
                assert!(
                    !overlap(a, b),
                    "{:?} and {:?} overlap",
                    node.label,
                    other.label
                );
            }
            for person in &picture.nodes {
                let r = crate::map::labels::reach(person);
                let [x, y] = person.centre;
                let circle = [x - r, y - r, x + r, y + r];
                assert!(
                    person.node == node.node || !overlap(a, &circle),
                    "{:?} covers person {}",
                    node.label,
                    person.node
                );
            }
            assert!(
                a[0] >= 0.0 && a[2] <= picture.size[0],
                "{:?} inside",
                node.label
            );
        }
    }

    #[test]
    fn at_the_demos_fit_every_name_is_placed_and_none_overlap() {
        for size in [[960.0, 680.0], [700.0, 560.0]] {
            let (project, picture) = demo_picture(size);
            assert_eq!(picture.nodes.len(), project.people.len());
            let network = Network::from_project(&project);
            let unnamed: Vec<String> = picture
                .nodes
                .iter()
                .filter(|n| n.label.is_none())
                .filter_map(|n| network.people.get(n.node))
                .map(|id| project.name_of(*id).to_owned())
                .collect();
            assert!(unnamed.is_empty(), "at {size:?} no name for {unnamed:?}");
            assert_names_apart(&picture);
        }
    }

    #[test]
    fn a_45_person_project_laid_out_and_fitted_names_nine_in_ten() {
        let mut project = crate::synth::generate(45, 7);
        // Two people nobody introduced.
        for name in ["Zofia Łukasiewicz", "Nguyễn Thị Lan"] {
            let id = project.new_person_id();
            Edit::PutPerson(Box::new(Person::new(id, name, day())))
                .apply(&mut project)
                .expect("person");
        }
        let network = Network::from_project(&project);
        let placement = crate::map::arrange::Placement::saved(&project, &network);
        let mut run = crate::map::arrange::ForceRun::start(&network, &placement, false);
        run.run_to_end(50_000);
        let picture = fitted(&project, &network, run.positions(), [960.0, 680.0]);
        let named = picture.nodes.iter().filter(|n| n.label.is_some()).count();
        assert_eq!(picture.nodes.len(), 47, "everyone is on screen");
        assert!(named * 10 >= 47 * 9, "{named} of 47 named");
        assert_names_apart(&picture);
    }

    #[test]
    fn a_name_that_does_not_fit_shortens_before_it_goes() {
        let (project, network, _) = crowd(2);
        let palette = Palette::dark();
        let shown = vec![Visibility::Shown; network.len()];
        let mut project = project;
        for person in project.people.values_mut() {
            person.name = format!("{} Bartholomew-Featherstonehaugh", person.name);
        }
        // Three people 70 apart: full names (about 250 wide) cannot sit
        // side by side, nor above and below each other's neighbours.
        let tight = vec![[0.0, 0.0], [70.0, 0.0], [140.0, 0.0]];
        let picture = build_picture(&input(&project, &network, &tight, &shown, &palette, 1.0));
        let labels: Vec<&str> = picture
            .nodes
            .iter()
            .filter_map(|n| n.label.as_deref())
            .collect();
        assert_eq!(labels.len(), 3, "{labels:?}");
        assert!(labels.iter().any(|l| l.ends_with(" B.")), "{labels:?}");
        assert_names_apart(&picture);
    }

    #[test]
    fn initials_replace_names() {
        let (project, network, positions) = two();
        let palette = Palette::dark();
        let shown = [Visibility::Shown; 2];
        let mut anonymous = input(&project, &network, &positions, &shown, &palette, 1.0);
        anonymous.naming = Naming::Initials;
        let picture = build_picture(&anonymous);
        assert_eq!(picture.nodes[1].label.as_deref(), Some("AR"));
    }
}
