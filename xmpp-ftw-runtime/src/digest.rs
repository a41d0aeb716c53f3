//! Values a spec computes from another key of the payload (`default_digest`):
//! XEP-0084 names an avatar by the SHA-1 of its image, which the browser sends
//! base64-encoded.

use base64::Engine;
use sha1::{Digest, Sha1};
use std::fmt::Write;

/// How the source key's string becomes the bytes to hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Base64 (standard alphabet, padded); whitespace such as line breaks is ignored.
    Base64,
    /// The UTF-8 bytes of the string.
    Text,
}

/// The lower-case hex SHA-1 of `input`'s bytes, or `None` when `input` is not in
/// `encoding`.
pub fn sha1_hex(input: &str, encoding: Encoding) -> Option<String> {
    let digest = match encoding {
        Encoding::Text => Sha1::digest(input.as_bytes()),
        Encoding::Base64 => {
            let compact: String = input.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(compact)
                .ok()?;
            Sha1::digest(bytes)
        }
    };
    let mut hex = String::with_capacity(2 * digest.len());
    for b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    Some(hex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_decoded_bytes() {
        // SHA-1 of "abc" (FIPS 180-1 test vector), sent as base64 with a line break.
        let want = "a9993e364706816aba3e25717850c26c9cd0d89d";
        assert_eq!(sha1_hex("YW\nJj", Encoding::Base64).as_deref(), Some(want));
        assert_eq!(sha1_hex("abc", Encoding::Text).as_deref(), Some(want));
    }

    #[test]
    fn refuses_what_is_not_base64() {
        assert_eq!(sha1_hex("not base64!", Encoding::Base64), None);
    }
}
