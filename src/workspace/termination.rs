//! The session ending under the app: a logout or shutdown sends SIGTERM
//! (a closed terminal SIGHUP, Ctrl+C SIGINT). Instead of dying at once,
//! the app is told, so it writes the recovery copy and removes the lock
//! ([`super::Workspace::shut_down`]) before it exits.

/// Calls `on_signal` (on a thread of its own) the first time the process
/// is asked to end; a second request ends it at once, as usual. Returns
/// whether the watch could be set up.
#[cfg(unix)]
pub fn watch(on_signal: impl Fn() + Send + 'static) -> bool {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return false;
    };
    let spawned = std::thread::Builder::new()
        .name("termination".to_owned())
        .spawn(move || {
            let mut asked = false;
            for signal in signals.forever() {
                if asked {
                    // The app did not manage to close: end as the signal means.
                    std::process::exit(128 + signal);
                }
                asked = true;
                on_signal();
            }
        });
    spawned.is_ok()
}

/// Elsewhere the platform's own session-end handling applies.
#[cfg(not(unix))]
pub fn watch(_on_signal: impl Fn() + Send + 'static) -> bool {
    false
}
