//! The map's side panel: the selected person's card, the legend and the
//! network's figures.

use egui::{Sense, Ui, Vec2};

use super::MapView;
use super::paint::color;
use crate::map::picture::{Palette, Rgba};
use crate::model::{MeetingStatus, PersonId, Project, Stage};
use crate::ui::{Command, Commands, Revision};

/// Names listed at most in one line of the stats.
const NAMES_SHOWN: usize = 5;

pub(super) fn side_panel_ui(
    ui: &mut Ui,
    project: &Project,
    revision: Revision,
    state: &mut MapView,
    selected: Option<PersonId>,
    commands: &mut Commands,
) {
    egui::ScrollArea::vertical().id_salt("map_side_scroll").show(ui, |ui| {
        match selected.and_then(|id| project.person(id).map(|_| id)) {
            Some(id) => person_card_ui(ui, project, state, id, commands),
            None => {
                ui.heading("Relationship map");
                ui.label("Click a person to see their card. Drag to move them; drag the background to pan; scroll (or + and -) to zoom.");
            }
        }
        ui.separator();
        egui::CollapsingHeader::new("Legend")
            .default_open(true)
            .show(ui, |ui| legend_ui(ui, &state.palette));
        egui::CollapsingHeader::new("Network")
            .default_open(true)
            .show(ui, |ui| stats_ui(ui, project, revision, state, commands));
        crate::ui::focus::follow_focus(ui);
    });
}

/// "Last contact: 2 Dec (call, no answer)", or why there is none.
fn last_contact_line(person: &crate::model::Person) -> String {
    if person.do_not_contact {
        return "Asked not to be contacted".to_owned();
    }
    person.last_contact().map_or_else(
        || "No contact logged".to_owned(),
        |contact| {
            format!(
                "Last contact: {} ({})",
                crate::dates::style().short(contact.at.date()),
                contact.summary().to_lowercase()
            )
        },
    )
}

fn person_card_ui(
    ui: &mut Ui,
    project: &Project,
    state: &mut MapView,
    id: PersonId,
    commands: &mut Commands,
) {
    let Some(person) = project.person(id) else {
        return;
    };
    crate::ui::widgets::one_line(ui, egui::RichText::new(person.display_name()).heading());
    let mut line = person.stage.label().to_owned();
    if person.leadership_team {
        line.push_str(" · leadership team");
    }
    ui.label(line);
    let work: Vec<&str> = [person.role.as_str(), person.organization.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !work.is_empty() {
        ui.label(work.join(", "));
    }
    if !person.tags.is_empty() {
        ui.weak(format!("Tags: {}", person.tags.join(", ")));
    }
    ui.weak(last_contact_line(person));
    let links = project.links_of(id);
    let introducers: Vec<PersonId> = project
        .introductions
        .values()
        .filter(|intro| intro.introduced == id)
        .map(|intro| intro.introducer)
        .collect();
    ui.horizontal_wrapped(|ui| {
        ui.label("Introduced by:");
        if introducers.is_empty() {
            ui.weak("nobody recorded");
        }
        for introducer in introducers {
            if crate::ui::widgets::name_link(ui, project.name_of(introducer)).clicked() {
                commands.push(Command::SelectPerson(Some(introducer)));
            }
        }
    });
    let introduced = links.introduced.len();
    ui.label(format!(
        "Introduced {introduced} {}",
        people_word(introduced)
    ));
    let held = project
        .meetings
        .values()
        .filter(|m| m.person == id && m.status == MeetingStatus::Held)
        .count();
    ui.label(format!("One-to-ones held: {held}"));
    if let Some(network) = &state.network
        && let Some(node) = network.index_of(id)
        && let Some(chain) = network.chain_from_me(node)
        && chain.len() > 1
    {
        let names: Vec<&str> = chain
            .iter()
            .filter_map(|n| network.people.get(*n))
            .map(|p| project.name_of(*p))
            .collect();
        ui.weak(format!("Chain from you: {}", names.join(" > ")));
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button("Open in the editor").clicked() {
            commands.push(Command::OpenPerson(id));
        }
        if ui.button("Plan a one-to-one").clicked() {
            commands.push(Command::NewMeeting(id));
        }
        if ui.button("Centre on the map").clicked() {
            state.centre_on = state.network.as_ref().and_then(|n| n.index_of(id));
        }
    });
}

fn people_word(count: usize) -> &'static str {
    if count == 1 { "person" } else { "people" }
}

fn swatch_ui(ui: &mut Ui, fill: Rgba, ring: Option<Rgba>) {
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(16.0), Sense::hover());
    let painter = ui.painter();
    painter.circle_filled(rect.center(), 6.0, color(fill));
    if let Some(ring) = ring {
        painter.circle_stroke(rect.center(), 7.5, egui::Stroke::new(2.0, color(ring)));
    }
}

fn line_swatch_ui(ui: &mut Ui, stroke: Rgba, dashed: bool) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(24.0, 16.0), Sense::hover());
    let points = [rect.left_center(), rect.right_center()];
    let stroke = egui::Stroke::new(2.0, color(stroke));
    if dashed {
        ui.painter()
            .extend(egui::Shape::dashed_line(&points, stroke, 4.0, 3.0));
    } else {
        ui.painter().line_segment(points, stroke);
    }
}

fn legend_ui(ui: &mut Ui, palette: &Palette) {
    ui.horizontal(|ui| {
        swatch_ui(ui, palette.me, None);
        ui.label("You");
    });
    for stage in Stage::ALL {
        ui.horizontal(|ui| {
            swatch_ui(ui, palette.stage(stage), None);
            ui.label(stage.label());
        });
    }
    ui.horizontal(|ui| {
        swatch_ui(ui, palette.stages[0], Some(palette.leader_ring));
        ui.label("Leadership team (ring)");
    });
    ui.horizontal(|ui| {
        line_swatch_ui(ui, palette.introduction, false);
        ui.label("Introduced (arrow points to the new person)");
    });
    ui.horizontal(|ui| {
        line_swatch_ui(ui, palette.meeting, true);
        ui.label("Met in a one-to-one");
    });
    ui.horizontal(|ui| {
        line_swatch_ui(ui, palette.chain, false);
        ui.label("Chain from you to the selected person");
    });
    ui.weak("Bigger circles introduced more people.");
}

fn stats_ui(
    ui: &mut Ui,
    project: &Project,
    revision: Revision,
    state: &mut MapView,
    commands: &mut Commands,
) {
    let Some(stats) = state.stats(revision).cloned() else {
        return;
    };
    egui::Grid::new("map_stats").num_columns(2).show(ui, |ui| {
        ui.label("People");
        ui.label(stats.people.to_string());
        ui.end_row();
        ui.label("Introductions");
        ui.label(stats.introductions.to_string());
        ui.end_row();
        ui.label("Nobody introduced");
        ui.label(stats.not_introduced.len().to_string());
        ui.end_row();
        ui.label("Longest chain");
        ui.label(crate::words::people(stats.longest_chain.len()));
        ui.end_row();
    });
    if !stats.top_connectors.is_empty() {
        ui.label("Top connectors");
        for (id, count) in stats.top_connectors.iter().take(NAMES_SHOWN) {
            ui.horizontal(|ui| {
                if crate::ui::widgets::name_link(ui, project.name_of(*id)).clicked() {
                    commands.push(Command::SelectPerson(Some(*id)));
                }
                ui.weak(format!("introduced {count}"));
            });
        }
    }
    if stats.longest_chain.len() > 1 {
        let names: Vec<_> = stats
            .longest_chain
            .iter()
            .map(|id| crate::ui::shortened(project.name_of(*id), 24))
            .collect();
        ui.weak(format!("Longest chain: {}", names.join(" > ")));
    }
    if !stats.not_introduced.is_empty() {
        let names: Vec<_> = stats
            .not_introduced
            .iter()
            .take(NAMES_SHOWN)
            .map(|id| crate::ui::shortened(project.name_of(*id), 24))
            .collect();
        let more = stats.not_introduced.len().saturating_sub(NAMES_SHOWN);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        ui.weak(format!("Nobody introduced: {}{tail}", names.join(", ")));
    }
}
