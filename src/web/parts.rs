//! Render budgets: a long list shown in parts, so that no page grows with
//! the size of an article.
//!
//! In: how many items a page would show, how many one part may show, and
//! the part asked for (`?part=n`, 1-based, or the part holding item
//! `?seg=n`). Out: a [`Parts`] saying which items to render and the links
//! to the other parts.
//!
//! Rules: a budget only shortens a page; an out-of-range part shows the
//! last one, never an error; an article, story or comparison small enough
//! for one part has no part links at all.

use std::ops::Range;

/// Segments of an article shown on one part of its page: a long news
/// article has under 100; 500 keeps a page of the largest accepted file
/// (4 MiB, about 30,000 segments) near 300 KB of HTML.
pub const ARTICLE_SEGMENTS_PER_PART: usize = 500;

/// Rows of the side by side and sentences per column of the pair view on
/// one part.
pub const ROWS_PER_PART: usize = 300;

/// Items of a list on the overview or search page shown before "and n
/// more" (the whole list is on the pages it summarises).
pub const LIST_BUDGET: usize = 200;

/// Which part of a long list a page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    /// The part shown, 0-based.
    pub current: usize,
    /// How many parts there are (at least 1).
    pub count: usize,
    /// Items per part.
    pub per: usize,
    /// Items in all.
    pub total: usize,
}

impl Parts {
    /// Part `requested` (1-based) of `total` items, `per` a part; the part
    /// holding item `item` when one is given instead.
    pub fn new(total: usize, per: usize, requested: Option<usize>, item: Option<usize>) -> Parts {
        let per = per.max(1);
        let count = total.div_ceil(per).max(1);
        let wanted = match (requested, item) {
            (Some(p), _) => p.saturating_sub(1),
            (None, Some(i)) => i / per,
            (None, None) => 0,
        };
        Parts {
            current: wanted.min(count - 1),
            count,
            per,
            total,
        }
    }

    /// The items of the part shown.
    pub fn range(&self) -> Range<usize> {
        let start = self.current * self.per;
        start.min(self.total)..(start + self.per).min(self.total)
    }

    /// True when the list does not fit on one part.
    pub fn is_split(&self) -> bool {
        self.count > 1
    }

    /// The part holding item `i`, 1-based, for links.
    pub fn part_of(&self, i: usize) -> usize {
        i / self.per + 1
    }

    /// The part shown, 1-based.
    pub fn number(&self) -> usize {
        self.current + 1
    }

    /// The first and last item shown, 1-based, for "items a to b of n".
    pub fn shown(&self) -> (usize, usize) {
        let r = self.range();
        (r.start + 1, r.end)
    }

    /// Links to the previous and next parts: `base` with `part=n` added.
    pub fn previous_next(&self, base: &str) -> (Option<String>, Option<String>) {
        let link = |n: usize| super::urls::with_part(base, n);
        (
            (self.current > 0).then(|| link(self.current)),
            (self.current + 1 < self.count).then(|| link(self.current + 2)),
        )
    }
}

/// The part links a page shows above and below a split list.
#[derive(Debug, Clone)]
pub struct PartsNav {
    /// "Part 2 of 9: items 501–1000 of 4,321", in Arabic.
    pub summary: String,
    /// Link to the previous part, if any.
    pub previous: Option<String>,
    /// Link to the next part, if any.
    pub next: Option<String>,
}

impl PartsNav {
    /// The links of `parts` under `base`, naming the items with `noun`
    /// (Arabic plural: «مقاطع», «صفوف»); `None` when the list is not split.
    pub fn new(parts: &Parts, base: &str, noun: &str) -> Option<PartsNav> {
        if !parts.is_split() {
            return None;
        }
        let (first, last) = parts.shown();
        let (previous, next) = parts.previous_next(base);
        Some(PartsNav {
            summary: format!(
                "الجزء {} من {}: {noun} {first}–{last} من {}",
                parts.number(),
                parts.count,
                parts.total
            ),
            previous,
            next,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_cover_every_item_once_and_clamp() {
        let p = Parts::new(1201, 500, None, None);
        assert_eq!((p.count, p.range()), (3, 0..500));
        assert!(p.is_split());
        let last = Parts::new(1201, 500, Some(3), None);
        assert_eq!(last.range(), 1000..1201);
        assert_eq!(Parts::new(1201, 500, Some(99), None), last);
        assert_eq!(Parts::new(1201, 500, Some(0), None).current, 0);
        assert_eq!(Parts::new(1201, 500, None, Some(1000)).range(), 1000..1201);
        assert_eq!(Parts::new(1201, 500, None, Some(999)).number(), 2);
        let one = Parts::new(40, 500, Some(2), None);
        assert!(!one.is_split());
        assert_eq!(one.range(), 0..40);
        assert_eq!(Parts::new(0, 500, None, None).range(), 0..0);
    }

    #[test]
    fn links_name_the_neighbouring_parts() {
        let p = Parts::new(1201, 500, Some(2), None);
        assert_eq!(
            p.previous_next("/stories/s/compare?sources=a,b"),
            (
                Some("/stories/s/compare?sources=a,b&part=1".into()),
                Some("/stories/s/compare?sources=a,b&part=3".into())
            )
        );
        assert_eq!(p.shown(), (501, 1000));
        assert_eq!(
            Parts::new(10, 5, None, None).previous_next("/a"),
            (None, Some("/a?part=2".into()))
        );
    }
}
