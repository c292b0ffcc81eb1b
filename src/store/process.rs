//! Whether the process that wrote a lock or a recovery copy still runs.
//! A process number alone is not enough: after a reboot the number of a
//! crashed window often belongs to another program. A process that started
//! after the record was written cannot be the one that wrote it.

use std::path::Path;

/// Seconds a process's start time may lag behind the record it wrote
/// (rounding of clock ticks and of the boot time).
const SLACK_SECS: u64 = 2;

/// Whether process `pid` runs and was already running at `since_secs`
/// (seconds since 1970); `None` where this cannot be told (not Linux), so
/// each caller picks the safe side: a lock counts as held, a recovery copy
/// as left by an ended session (offered rather than hidden).
pub fn alive_since(pid: u32, since_secs: u64) -> Option<bool> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    Some(alive_on_linux(pid, since_secs))
}

fn alive_on_linux(pid: u32, since_secs: u64) -> bool {
    if !Path::new("/proc").join(pid.to_string()).exists() {
        return false;
    }
    match started_secs(pid) {
        Some(started) => started <= since_secs.saturating_add(SLACK_SECS),
        None => true,
    }
}

/// When process `pid` started, in seconds since 1970 (Linux: its start in
/// clock ticks after boot, plus the boot time).
pub fn started_secs(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: count fields
    // after the last ')'. Field 22 (starttime) is the 20th after it.
    let after_name = &stat[stat.rfind(')')? + 1..];
    let ticks: u64 = after_name.split_whitespace().nth(19)?.parse().ok()?;
    Some(boot_secs()? + ticks / CLOCK_TICKS_PER_SEC)
}

/// Linux reports process start times in units of 100 per second on every
/// architecture it runs desktops on (`USER_HZ`).
const CLOCK_TICKS_PER_SEC: u64 = 100;

fn boot_secs() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    stat.lines()
        .find_map(|line| line.strip_prefix("btime "))
        .and_then(|secs| secs.trim().parse().ok())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn now_secs() -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }

    #[test]
    fn this_process_started_before_now_and_after_boot() {
        let started = started_secs(std::process::id()).expect("own start time");
        assert!(started <= now_secs());
        assert!(started >= boot_secs().expect("boot time"));
        assert_eq!(alive_since(std::process::id(), now_secs()), Some(true));
    }

    #[test]
    fn a_process_number_reused_after_the_record_counts_as_gone() {
        // This process started long after 1970: a record from then cannot be ours.
        assert_eq!(alive_since(std::process::id(), 10), Some(false));
        assert_eq!(alive_since(u32::MAX - 1, now_secs()), Some(false));
    }
}
