//! Byte scanning eight bytes at a time, for the hot loops that look for the few
//! characters needing escapes (JSON and XML output, payload checks).

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Marks (high bit) the bytes of `word` equal to `c`. Exact for the lowest marked byte;
/// bytes above a match may be marked spuriously, so only the lowest mark is used.
#[inline(always)]
pub(crate) fn bytes_eq(word: u64, c: u8) -> u64 {
    let x = word ^ (LO * u64::from(c));
    x.wrapping_sub(LO) & !x & HI
}

/// Marks the bytes of `word` below 0x20 (same caveat as [`bytes_eq`]).
#[inline(always)]
pub(crate) fn bytes_control(word: u64) -> u64 {
    word.wrapping_sub(LO * 0x20) & !word & HI
}

#[inline(always)]
fn load8(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// Index of the first byte at or after `i` that `marks` flags, or `bytes.len()`. Eight
/// bytes are tested per step with plain integer arithmetic (see [`bytes_eq`]), so runs of
/// plain text cost well under one instruction per byte.
#[inline(always)]
pub(crate) fn scan(bytes: &[u8], mut i: usize, marks: impl Fn(u64) -> u64) -> usize {
    while let Some(word) = load8(bytes, i) {
        let m = marks(word);
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    if i >= bytes.len() {
        return bytes.len();
    }
    // Fewer than 8 bytes left: take the last 8 (or the rest, zero-padded) and shift out
    // those before `i`. Marks in the padding land at or beyond the end and are clamped.
    let word = match bytes.len().checked_sub(8) {
        Some(start) => load8(bytes, start).map_or(0, |w| w >> (8 * (i - start))),
        None => {
            let mut pad = [0u8; 8];
            for (d, s) in pad.iter_mut().zip(bytes.get(i..).unwrap_or_default()) {
                *d = *s;
            }
            u64::from_le_bytes(pad)
        }
    };
    (i + (marks(word).trailing_zeros() / 8) as usize).min(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_marked_byte_at_any_offset_and_length() {
        for len in 0..40 {
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = b'<';
                for start in 0..=at {
                    assert_eq!(
                        scan(&bytes, start, |w| bytes_eq(w, b'<')),
                        at,
                        "{len} {at} {start}"
                    );
                }
            }
            let plain = vec![b'a'; len];
            assert_eq!(scan(&plain, 0, |w| bytes_eq(w, b'<')), len);
        }
    }

    #[test]
    fn control_bytes_are_marked() {
        let mut with = b"abcdefghij".to_vec();
        with.push(1);
        with.push(b'k');
        assert_eq!(scan(&with, 0, bytes_control), 10);
        assert_eq!(scan(&with[..10], 0, bytes_control), 10);
    }
}
