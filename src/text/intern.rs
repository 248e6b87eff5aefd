//! Interned strings: a `&'static str` read back from a cache.
//!
//! In: a string. Out: a `&'static str` equal to it, the same one for every
//! equal string. Rules: the engine names a few fixed classes with static
//! strings (`money:usd`, `distance`); a cached analysis read back from disk
//! holds owned strings, each leaked once and reused after, so memory grows
//! with the number of distinct names (a handful), never with reads.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

/// A `&'static str` field that a cache reads back through
/// [`static_str`]. Named, because serde's derive reads a literal
/// `&'static str` field as borrowed from the input (which a cache file
/// outlives) even when the field has its own reader.
pub type StaticStr = &'static str;

/// The one `&'static str` equal to `s`.
pub fn intern(s: &str) -> &'static str {
    static SEEN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = seen.get(s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    seen.insert(leaked);
    leaked
}

/// `#[serde(with = "crate::text::intern::static_str")]` for a
/// `&'static str` field.
pub mod static_str {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the string.
    pub fn serialize<S: Serializer>(s: &&'static str, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_str(s)
    }

    /// Reads a string and interns it.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        Ok(super::intern(&String::deserialize(d)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_leak() {
        let a = intern(&String::from("المال:دولار"));
        let b = intern(&format!("{}:{}", "المال", "دولار"));
        assert_eq!(a, "المال:دولار");
        assert!(std::ptr::eq(a, b));
        assert!(!std::ptr::eq(a, intern("المسافة")));
    }
}
