//! Keyboard focus that can be seen and followed: a ring around the focused
//! control while the keyboard moves focus (as browsers' `:focus-visible`),
//! and scroll areas that bring the control Tab lands on into view (egui
//! leaves it where it is, possibly below the fold).

use egui::{Context, Id, LayerId, Order, Stroke, StrokeKind, Ui};

fn keyboard_key() -> Id {
    Id::unique("focus_by_keyboard")
}

/// Notes how focus moves this frame: Tab and arrows make the ring
/// visible, a pointer press hides it. Call before drawing.
pub fn begin_frame(ctx: &Context) {
    let (keyboard, pointer) = ctx.input(|input| {
        let keyboard = input.events.iter().any(|event| {
            matches!(
                event,
                egui::Event::Key {
                    key: egui::Key::Tab,
                    pressed: true,
                    ..
                }
            )
        });
        (keyboard, input.pointer.any_pressed())
    });
    if keyboard || pointer {
        ctx.data_mut(|data| data.insert_temp(keyboard_key(), keyboard && !pointer));
    }
}

/// Whether focus was last moved by the keyboard.
pub fn by_keyboard(ctx: &Context) -> bool {
    ctx.data(|data| data.get_temp::<bool>(keyboard_key()))
        .unwrap_or(false)
}

/// Scrolls the control that just took the focus into view if it lies in
/// this scroll area's content. Call at the end of a scroll area's content.
pub fn follow_focus(ui: &Ui) {
    let ctx = ui.ctx();
    let Some(id) = ctx.memory(|memory| memory.focused()) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    if response.gained_focus() && ui.min_rect().contains_rect(response.rect) {
        response.scroll_to_me(None);
    }
}

/// Draws a ring around the focused control while focus moves by keyboard.
/// Call after drawing everything.
pub fn paint_ring(ctx: &Context) {
    if !by_keyboard(ctx) {
        return;
    }
    let Some(id) = ctx.memory(|memory| memory.focused()) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    // Only the visible part, so a ring never floats over a panel edge;
    // inside the map's zoomed scene, moved to where it is on screen.
    let to_screen = ctx
        .layer_transform_to_global(response.layer_id)
        .unwrap_or_default();
    let rect = (to_screen * response.interact_rect).expand(2.0);
    if !rect.is_positive() {
        return;
    }
    let color = ctx.global_style().visuals.selection.stroke.color;
    let painter = ctx.layer_painter(LayerId::new(Order::Tooltip, Id::unique("focus_ring")));
    painter.rect_stroke(rect, 4.0, Stroke::new(2.0, color), StrokeKind::Outside);
}
