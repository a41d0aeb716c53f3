//! What Linux says about a process: CPU time and resident memory from `/proc`, and
//! the file-descriptor limit the sessions need.

use std::time::Duration;

/// CPU time (user + system, all threads, dead ones included) and resident memory of
/// one process at one moment.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    pub cpu: Duration,
    pub rss_kib: u64,
}

/// Reads `/proc/<pid>/stat` (utime, stime) and `/proc/<pid>/status` (VmRSS).
pub fn sample(pid: u32) -> Result<Sample, String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map_err(|e| format!("reading /proc/{pid}/stat: {e}"))?;
    // The command name (field 2) may hold spaces and parentheses: count fields from
    // the last ')', after which field 3 (state) comes first.
    let rest = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .ok_or_else(|| format!("/proc/{pid}/stat has no ')'"))?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| -> Result<u64, String> {
        fields
            .get(i)
            .and_then(|f| f.parse().ok())
            .ok_or_else(|| format!("/proc/{pid}/stat: field {} unreadable", i + 3))
    };
    // Fields 14 and 15 (utime, stime) are at 11 and 12 counting from field 3.
    let total_ticks = ticks(11)? + ticks(12)?;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("reading /proc/{pid}/status: {e}"))?;
    let rss_kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| format!("/proc/{pid}/status has no VmRSS"))?;
    Ok(Sample {
        cpu: ticks_to_duration(total_ticks),
        rss_kib,
    })
}

fn ticks_to_duration(ticks: u64) -> Duration {
    // SAFETY: sysconf only reads a constant of the C library.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    let per_second = u64::try_from(per_second)
        .ok()
        .filter(|&t| t > 0)
        .unwrap_or(100);
    Duration::from_nanos(ticks.saturating_mul(1_000_000_000) / per_second)
}

/// Raises this process's open-file limit (inherited by Prosody and the gateway) to at
/// least `wanted`, lifting the hard limit too when allowed (root); returns the soft
/// limit now in force.
pub fn raise_nofile(wanted: u64) -> Result<u64, String> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct we own.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return Err(format!(
            "getrlimit(NOFILE): {}",
            std::io::Error::last_os_error()
        ));
    }
    if limit.rlim_cur >= wanted {
        return Ok(limit.rlim_cur);
    }
    let raised = libc::rlimit {
        rlim_cur: wanted.max(limit.rlim_cur),
        rlim_max: wanted.max(limit.rlim_max),
    };
    // SAFETY: setrlimit reads the struct we own.
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
        return Ok(raised.rlim_cur);
    }
    // Not allowed to lift the hard limit: go as far as it lets us.
    let capped = libc::rlimit {
        rlim_cur: limit.rlim_max,
        rlim_max: limit.rlim_max,
    };
    // SAFETY: as above.
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &capped) } != 0 {
        return Err(format!(
            "setrlimit(NOFILE): {}",
            std::io::Error::last_os_error()
        ));
    }
    Ok(capped.rlim_cur)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_has_cpu_time_and_memory() {
        let mut x = 0u64;
        for i in 0..2_000_000u64 {
            x = x.wrapping_mul(31).wrapping_add(i);
        }
        assert_ne!(x, 1);
        let s = sample(std::process::id()).expect("readable /proc");
        assert!(s.rss_kib > 0);
    }
}
