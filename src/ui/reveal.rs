//! Opening a record at a field: a search match names the control that holds
//! the text; when the editor draws a control of that name, it scrolls into
//! view and takes the cursor. Controls report themselves with [`offer`], so
//! no view needs to know who asked.

use egui::{Align, Context, Id, Response, Ui};

/// Frames a request waits for its control before it is dropped (the
/// record's editor draws on the frame after the command is applied; a
/// collapsed section needs one more to open).
const PATIENCE: u8 = 3;

#[derive(Clone)]
struct Pending {
    control: String,
    frames: u8,
}

fn key() -> Id {
    Id::unique("reveal_pending")
}

/// Asks that the control named `control` be revealed when next drawn.
pub fn request(ctx: &Context, control: String) {
    ctx.data_mut(|data| data.insert_temp(key(), Pending { control, frames: 0 }));
}

/// Whether a control is waiting to be revealed: sections holding controls
/// open while it is.
pub fn is_pending(ctx: &Context) -> bool {
    ctx.data(|data| data.get_temp::<Pending>(key()).is_some())
}

/// Reveals the control behind `response` if it is the one asked for.
pub fn offer(ui: &Ui, control: &str, response: &Response) {
    let ctx = ui.ctx();
    let wanted = ctx.data(|data| {
        data.get_temp::<Pending>(key())
            .is_some_and(|pending| pending.control == control)
    });
    if wanted {
        response.request_focus();
        response.scroll_to_me(Some(Align::Center));
        ctx.data_mut(|data| data.remove::<Pending>(key()));
    }
}

/// Counts a frame; a request nobody took in time is dropped, so sections
/// do not stay forced open.
pub fn end_frame(ctx: &Context) {
    ctx.data_mut(|data| {
        let Some(mut pending) = data.get_temp::<Pending>(key()) else {
            return;
        };
        pending.frames += 1;
        if pending.frames > PATIENCE {
            data.remove::<Pending>(key());
        } else {
            data.insert_temp(key(), pending);
        }
    });
}
