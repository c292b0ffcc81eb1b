//! The trends tab: one-to-ones per week, asks per week with how many were
//! answered yes and kept, and people by stage, drawn with the painter.

use chrono::{NaiveDate, NaiveDateTime};
use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, Ui, Vec2, pos2, vec2};

use crate::dashboard::{AskWeek, WeekCount, asks_per_week, held_per_week, people_by_stage};
use crate::map::picture::Palette;
use crate::model::{Project, Stage};
use crate::ui::Revision;
use crate::ui::map::color_of;

/// Weeks shown in the weekly plots.
const WEEKS: usize = 12;

/// Height of a plot's drawing area.
const PLOT_HEIGHT: f32 = 150.0;

/// The series, worked out once per project state and day.
#[derive(Default)]
pub(super) struct TrendsCache {
    series: crate::memo::Memo<(Revision, NaiveDate), Series>,
}

/// What the plots show.
#[derive(Default)]
struct Series {
    held: Vec<WeekCount>,
    asks: Vec<AskWeek>,
    stages: Vec<(Stage, usize)>,
}

pub(super) fn trends_ui(
    ui: &mut Ui,
    project: &Project,
    revision: Revision,
    now: NaiveDateTime,
    cache: &mut TrendsCache,
) {
    let cache = cache
        .series
        .get_or_compute((revision, now.date()), || Series {
            held: held_per_week(project, now, WEEKS),
            asks: asks_per_week(project, now, WEEKS),
            stages: people_by_stage(project),
        });
    let palette = Palette::for_theme(ui.visuals().dark_mode);
    ui.heading("One-to-ones held per week");
    let total: usize = cache.held.iter().map(|w| w.count).sum();
    ui.label(format!(
        "{total} held in the last {WEEKS} weeks, {} this week.",
        cache.held.last().map_or(0, |w| w.count)
    ));
    held_plot_ui(ui, &cache.held, color_of(palette.stages[2]));
    ui.add_space(12.0);
    ui.heading("Asks per week");
    let asks: usize = cache.asks.iter().map(|w| w.asks).sum();
    let yes: usize = cache.asks.iter().map(|w| w.yes).sum();
    let kept: usize = cache.asks.iter().map(|w| w.kept).sum();
    ui.label(format!(
        "{asks} asks in the last {WEEKS} weeks: {} answered yes, {} kept.",
        percent(yes, asks),
        percent(kept, asks)
    ));
    asks_plot_ui(ui, &cache.asks, &palette);
    ui.add_space(12.0);
    ui.heading("People by stage");
    stages_plot_ui(ui, &cache.stages, &palette);
}

fn percent(part: usize, whole: usize) -> String {
    match (part * 100 + whole / 2).checked_div(whole) {
        Some(share) => format!("{share}%"),
        None => "none".to_owned(),
    }
}

/// Room for the plot, with a left margin for the scale and a bottom one for
/// week labels.
fn plot_area(ui: &mut Ui) -> (Rect, egui::Painter) {
    let width = ui.available_width().clamp(300.0, 900.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, PLOT_HEIGHT + 22.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let plot = Rect::from_min_max(rect.min + vec2(28.0, 4.0), rect.max - vec2(4.0, 22.0));
    painter.line_segment(
        [plot.left_bottom(), plot.right_bottom()],
        Stroke::new(1.0, ui.visuals().weak_text_color()),
    );
    (plot, painter)
}

fn week_label(painter: &egui::Painter, ui: &Ui, x: f32, plot: Rect, week: NaiveDate) {
    painter.text(
        pos2(x, plot.bottom() + 3.0),
        Align2::CENTER_TOP,
        crate::dates::style().short(week),
        FontId::proportional(11.0),
        ui.visuals().weak_text_color(),
    );
}

fn scale_label(painter: &egui::Painter, ui: &Ui, plot: Rect, max: usize) {
    painter.text(
        plot.left_top() - vec2(6.0, 0.0),
        Align2::RIGHT_TOP,
        max.to_string(),
        FontId::proportional(11.0),
        ui.visuals().weak_text_color(),
    );
    painter.text(
        plot.left_bottom() - vec2(6.0, 0.0),
        Align2::RIGHT_BOTTOM,
        "0",
        FontId::proportional(11.0),
        ui.visuals().weak_text_color(),
    );
}

/// Bar slots: the x of each bar's middle and its width.
fn slots(plot: Rect, count: usize) -> impl Iterator<Item = (f32, f32)> {
    let slot = plot.width() / count.max(1) as f32;
    (0..count).map(move |i| (plot.left() + slot * (i as f32 + 0.5), slot * 0.7))
}

fn bar(plot: Rect, x: f32, width: f32, share: f32) -> Rect {
    let top = plot.bottom() - plot.height() * share.clamp(0.0, 1.0);
    Rect::from_min_max(
        pos2(x - width / 2.0, top),
        pos2(x + width / 2.0, plot.bottom()),
    )
}

fn held_plot_ui(ui: &mut Ui, weeks: &[WeekCount], fill: Color32) {
    let (plot, painter) = plot_area(ui);
    let max = weeks.iter().map(|w| w.count).max().unwrap_or(0).max(1);
    scale_label(&painter, ui, plot, max);
    for ((x, width), week) in slots(plot, weeks.len()).zip(weeks) {
        if week.count > 0 {
            painter.rect_filled(
                bar(plot, x, width, week.count as f32 / max as f32),
                2.0,
                fill,
            );
        }
        week_label(&painter, ui, x, plot, week.week_start);
    }
}

fn asks_plot_ui(ui: &mut Ui, weeks: &[AskWeek], palette: &Palette) {
    let (plot, painter) = plot_area(ui);
    let max = weeks.iter().map(|w| w.asks).max().unwrap_or(0).max(1);
    scale_label(&painter, ui, plot, max);
    let asked = ui.visuals().weak_text_color();
    let yes = color_of(palette.meeting);
    let kept = color_of(palette.stages[4]);
    for ((x, width), week) in slots(plot, weeks.len()).zip(weeks) {
        for (count, fill) in [(week.asks, asked), (week.yes, yes), (week.kept, kept)] {
            if count > 0 {
                painter.rect_filled(bar(plot, x, width, count as f32 / max as f32), 2.0, fill);
            }
        }
        week_label(&painter, ui, x, plot, week.week_start);
    }
    ui.horizontal(|ui| {
        for (fill, text) in [(asked, "asked"), (yes, "answered yes"), (kept, "kept")] {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, fill);
            ui.label(text);
        }
    });
}

fn stages_plot_ui(ui: &mut Ui, stages: &[(Stage, usize)], palette: &Palette) {
    let max = stages.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let width = ui.available_width().clamp(300.0, 700.0) - 140.0;
    egui::Grid::new("people_by_stage")
        .num_columns(3)
        .show(ui, |ui| {
            for (stage, count) in stages {
                ui.label(stage.label());
                let (rect, _) = ui.allocate_exact_size(vec2(width, 16.0), Sense::hover());
                let share = *count as f32 / max as f32;
                let filled =
                    Rect::from_min_size(rect.min, vec2(rect.width() * share, rect.height()));
                ui.painter()
                    .rect_filled(filled, 2.0, color_of(palette.stage(*stage)));
                ui.label(count.to_string());
                ui.end_row();
            }
        });
}
