//! Which stories' analyses stay in memory.
//!
//! In: each story's [`Slot`], filled when its analysis is computed or read
//! from the cache. Out: analyses shared as `Arc`s, and slots emptied when
//! too many are held.
//!
//! Rules: without a cache every analysis stays (recomputing costs seconds).
//! With one, at most [`MAX_RESIDENT`] stories keep theirs in memory; when
//! another fills its slot, the least recently used of the others is
//! emptied, and its next use reads it back from the cache (about a
//! millisecond a story of ten articles). Pages being rendered keep the
//! `Arc` they hold, so emptying a slot never pulls an analysis from under
//! a reader. An archive of any size then holds a bounded memory.

use crate::analysis::Analysis;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};

/// Stories whose analyses stay in memory with a cache: the stories a desk
/// reads in a session, with room. At about half a megabyte a story of ten
/// articles, a bound of about 100 MB (1,000 x 10 held all: 494 MB).
pub const MAX_RESIDENT: usize = 200;

/// One story's analysis, when it is in memory.
#[derive(Debug, Default)]
pub struct Slot {
    /// The analysis; `None` before the first use and once emptied. Locked
    /// only to read or replace it, never while computing.
    pub analysis: Mutex<Option<Arc<Analysis>>>,
    /// Held while the analysis is computed or read from the cache: a
    /// second request for the story waits for that one rather than
    /// computing its own.
    computing: Mutex<()>,
    /// The clock reading of its last use.
    last_used: AtomicU64,
}

impl Slot {
    /// The slot's content, locked (a panic elsewhere never poisons it: the
    /// content is only ever replaced whole).
    pub fn lock(&self) -> std::sync::MutexGuard<'_, Option<Arc<Analysis>>> {
        self.analysis.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The right to fill the slot, waited for.
    pub fn compute(&self) -> std::sync::MutexGuard<'_, ()> {
        self.computing.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The right to fill the slot, or `None` when another thread fills it.
    pub fn try_compute(&self) -> Option<std::sync::MutexGuard<'_, ()>> {
        match self.computing.try_lock() {
            Ok(held) => Some(held),
            Err(std::sync::TryLockError::Poisoned(e)) => Some(e.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// Marks the slot used now.
    pub fn touch(&self, clock: &Resident) {
        self.last_used.store(clock.tick(), Ordering::Relaxed);
    }

    /// The analysis in the slot, marking it used.
    pub fn get(&self, clock: &Resident) -> Option<Arc<Analysis>> {
        let held = self.lock().clone();
        if held.is_some() {
            self.touch(clock);
        }
        held
    }
}

/// The slots holding an analysis, for one cache.
#[derive(Debug, Default)]
pub struct Resident {
    clock: AtomicU64,
    slots: Mutex<Vec<Weak<Slot>>>,
}

impl Resident {
    fn tick(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::Relaxed)
    }

    /// Records that `slot` now holds an analysis, and empties the least
    /// recently used others beyond [`MAX_RESIDENT`].
    pub fn filled(&self, slot: &Arc<Slot>) {
        slot.touch(self);
        let victims: Vec<Arc<Slot>> = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            slots.retain(|w| w.strong_count() > 0);
            if !slots
                .iter()
                .any(|w| std::ptr::eq(w.as_ptr(), Arc::as_ptr(slot)))
            {
                slots.push(Arc::downgrade(slot));
            }
            let mut live: Vec<Arc<Slot>> = slots.iter().filter_map(Weak::upgrade).collect();
            if live.len() <= MAX_RESIDENT {
                return;
            }
            live.sort_by_key(|s| s.last_used.load(Ordering::Relaxed));
            let over = live.len() - MAX_RESIDENT;
            let victims: Vec<Arc<Slot>> = live
                .into_iter()
                .filter(|s| !Arc::ptr_eq(s, slot))
                .take(over)
                .collect();
            slots.retain(|w| {
                !victims
                    .iter()
                    .any(|v| std::ptr::eq(w.as_ptr(), Arc::as_ptr(v)))
            });
            victims
        };
        // Outside the list's lock: a victim busy (being read or filled)
        // is left as it is.
        for v in victims {
            if let Ok(mut a) = v.analysis.try_lock() {
                *a = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_used_slots_are_emptied_beyond_the_bound() {
        let resident = Resident::default();
        let slots: Vec<Arc<Slot>> = (0..MAX_RESIDENT + 2)
            .map(|_| Arc::new(Slot::default()))
            .collect();
        for (i, s) in slots.iter().enumerate() {
            *s.analysis.lock().unwrap() = Some(Arc::new(Analysis::default()));
            resident.filled(s);
            if i == 10 {
                // The first is used again: the second and third are now
                // the oldest.
                assert!(slots[0].get(&resident).is_some());
            }
        }
        let held: Vec<bool> = slots.iter().map(|s| s.get(&resident).is_some()).collect();
        assert_eq!(held.iter().filter(|&&h| h).count(), MAX_RESIDENT);
        assert!(held[0], "used recently");
        assert!(!held[1] && !held[2], "the two oldest emptied");
        assert!(held[MAX_RESIDENT + 1], "the newest stays");
    }

    #[test]
    fn a_reader_keeps_its_analysis_when_the_slot_is_emptied() {
        let resident = Resident::default();
        let first = Arc::new(Slot::default());
        *first.analysis.lock().unwrap() = Some(Arc::new(Analysis::default()));
        resident.filled(&first);
        let reading = first.get(&resident).unwrap();
        // Kept alive, as the corpus keeps its stories.
        let mut others = Vec::new();
        for _ in 0..MAX_RESIDENT {
            let s = Arc::new(Slot::default());
            *s.analysis.lock().unwrap() = Some(Arc::new(Analysis::default()));
            resident.filled(&s);
            others.push(s);
        }
        assert!(first.get(&resident).is_none(), "emptied");
        assert!(reading.units.is_empty(), "still readable");
    }
}
