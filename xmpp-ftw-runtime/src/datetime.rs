//! XEP-0082 date-times (`1969-07-21T02:56:15Z`, `…T02:56:15.123+01:00`), checked
//! by shape and range; the gateway passes them through, it never computes with them.

/// Whether `s` is an XEP-0082 DateTime: `CCYY-MM-DDThh:mm:ss[.sss]TZD`.
pub fn is_xep0082_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let sep = |i: usize, c: u8| b.get(i) == Some(&c);
    let (Some(_year), Some(month), Some(day), Some(hour), Some(min), Some(sec)) = (
        digits(0..4),
        digits(5..7),
        digits(8..10),
        digits(11..13),
        digits(14..16),
        digits(17..19),
    ) else {
        return false;
    };
    if !(sep(4, b'-') && sep(7, b'-') && sep(10, b'T') && sep(13, b':') && sep(16, b':')) {
        return false;
    }
    if !((1..=12).contains(&month) && (1..=31).contains(&day) && hour < 24 && min < 60 && sec <= 60)
    {
        return false;
    }
    let mut i = 19;
    if sep(i, b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i + 6 == b.len()
                && sep(i + 3, b':')
                && digits(i + 1..i + 3).is_some_and(|h| h < 24)
                && digits(i + 4..i + 6).is_some_and(|m| m < 60)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_xep0082_datetime as ok;

    #[test]
    fn accepts_the_profile() {
        assert!(ok("1969-07-21T02:56:15Z"));
        assert!(ok("1969-07-20T21:56:15-05:00"));
        assert!(ok("2002-09-10T23:08:25.123Z"));
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "1969-07-21",
            "1969-07-21T02:56:15",
            "1969-13-21T02:56:15Z",
            "1969-07-21T25:56:15Z",
            "1969-07-21T02:56:15.Z",
            "1969-07-21T02:56:15+0500",
            "1969-07-21T02:56:15Z trailing",
            "yesterday",
        ] {
            assert!(!ok(bad), "{bad}");
        }
    }
}
