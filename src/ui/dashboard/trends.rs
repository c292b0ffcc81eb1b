//! The trends tab: one-to-ones per week, asks per week with how many were
//! answered yes and kept (bar charts by `egui_plot`, with ticks, values on
//! hover and a table), and people by stage.

use chrono::{NaiveDate, NaiveDateTime};
use egui::{Color32, Rect, Sense, Ui, vec2};

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

/// Tick spacing for counts up to `max`: 1, 2 or 5 times a power of ten,
/// about five ticks in all, never a fraction of a meeting.
pub fn count_step(max: usize) -> usize {
    let mut step = 1;
    loop {
        for factor in [1, 2, 5] {
            if max / (step * factor) <= 5 {
                return step * factor;
            }
        }
        step *= 10;
    }
}

/// One series of a weekly chart: its name, counts per week and colour.
struct WeeklySeries<'a> {
    name: &'a str,
    counts: Vec<usize>,
    color: Color32,
}

/// Bars per week (side by side when there are several series), the weeks
/// on the x axis, counts with whole-number ticks, each bar's value on hover.
fn weekly_chart_ui(ui: &mut Ui, id: &str, weeks: &[NaiveDate], series: &[WeeklySeries<'_>]) {
    use egui_plot::{Bar, BarChart, GridMark, Legend, Plot};
    let style = crate::dates::style();
    let labels: Vec<String> = weeks.iter().map(|w| style.short(*w)).collect();
    let max = series
        .iter()
        .flat_map(|s| s.counts.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let step = count_step(max);
    let top = max.div_ceil(step) * step;
    let width = 0.8 / series.len().max(1) as f64;
    let charts: Vec<BarChart> = series
        .iter()
        .enumerate()
        .map(|(k, one)| {
            let offset = (k as f64 - (series.len() as f64 - 1.0) / 2.0) * width;
            let bars = one
                .counts
                .iter()
                .enumerate()
                .map(|(i, count)| {
                    let week = labels.get(i).map_or("", String::as_str);
                    Bar::new(i as f64 + offset, *count as f64)
                        .width(width * 0.9)
                        .name(format!("Week of {week}: {count} {}", one.name))
                })
                .collect();
            BarChart::new(one.name, bars)
                .color(one.color)
                .element_formatter(Box::new(|bar, _| bar.name.clone()))
        })
        .collect();
    let count = weeks.len();
    let x_labels = labels.clone();
    Plot::new(id)
        .height(PLOT_HEIGHT)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .include_x(-0.6)
        .include_x(count as f64 - 0.4)
        .include_y(0.0)
        .include_y(top as f64)
        .legend(Legend::default())
        .x_grid_spacer(move |_| {
            (0..count)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_grid_spacer(move |_| {
            (0..=top / step)
                .map(|i| GridMark {
                    value: (i * step) as f64,
                    step_size: step as f64,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 0.01 || index < 0.0 {
                return String::new();
            }
            x_labels.get(index as usize).cloned().unwrap_or_default()
        })
        .y_axis_formatter(|mark, _| format!("{}", mark.value.round()))
        .label_formatter(|_| None)
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
    table_ui(ui, id, &labels, series);
}

/// The chart's numbers as a table, for reading them exactly (and for
/// screen readers, which cannot see bars).
fn table_ui(ui: &mut Ui, id: &str, labels: &[String], series: &[WeeklySeries<'_>]) {
    egui::CollapsingHeader::new("As a table")
        .id_salt((id, "table"))
        .show(ui, |ui| {
            egui::Grid::new((id, "grid")).striped(true).show(ui, |ui| {
                ui.strong("Week of");
                for one in series {
                    ui.strong(one.name);
                }
                ui.end_row();
                for (i, label) in labels.iter().enumerate() {
                    ui.label(label);
                    for one in series {
                        ui.label(one.counts.get(i).copied().unwrap_or(0).to_string());
                    }
                    ui.end_row();
                }
            });
        });
}

fn held_plot_ui(ui: &mut Ui, weeks: &[WeekCount], fill: Color32) {
    let days: Vec<NaiveDate> = weeks.iter().map(|w| w.week_start).collect();
    let series = [WeeklySeries {
        name: "held",
        counts: weeks.iter().map(|w| w.count).collect(),
        color: fill,
    }];
    weekly_chart_ui(ui, "held_per_week", &days, &series);
}

fn asks_plot_ui(ui: &mut Ui, weeks: &[AskWeek], palette: &Palette) {
    let days: Vec<NaiveDate> = weeks.iter().map(|w| w.week_start).collect();
    let series = [
        WeeklySeries {
            name: "asked",
            counts: weeks.iter().map(|w| w.asks).collect(),
            color: ui.visuals().weak_text_color(),
        },
        WeeklySeries {
            name: "answered yes",
            counts: weeks.iter().map(|w| w.yes).collect(),
            color: color_of(palette.meeting),
        },
        WeeklySeries {
            name: "kept",
            counts: weeks.iter().map(|w| w.kept).collect(),
            color: color_of(palette.stages[4]),
        },
    ];
    weekly_chart_ui(ui, "asks_per_week", &days, &series);
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

#[cfg(test)]
mod tests {
    use super::count_step;

    #[test]
    fn count_ticks_are_whole_and_about_five() {
        for (max, step) in [
            (1, 1),
            (5, 1),
            (6, 2),
            (11, 2),
            (12, 5),
            (25, 5),
            (31, 10),
            (120, 50),
            (999, 200),
        ] {
            assert_eq!(count_step(max), step, "max {max}");
        }
    }
}
