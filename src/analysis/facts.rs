//! Facts: the links of a story grouped into rows, one sentence per source.
//!
//! In: the units and links of a story, and how many segments each article
//! has. Out: [`Fact`]s in reading order, every unit in exactly one of them:
//! a fact with two or more units is reported by several sources; a fact of
//! one unit is a sentence no other source matched.
//!
//! Rules:
//! - Links are taken strongest first; two groups merge only when they share
//!   no article, so each source has at most one sentence per fact (a row of
//!   the side-by-side view has one cell per source).
//! - A fact's reading position is the mean of its sentences' positions in
//!   their articles (segment index over segment count), so a story read in
//!   any source order keeps the same row order; ties go to the first unit.

use super::{Link, Unit};

/// One row of the side-by-side view: units of different sources that
/// report one fact.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Fact {
    /// Indices of its units, sorted by article.
    pub units: Vec<usize>,
    /// Reading position in 0..1.
    pub position: f64,
}

impl Fact {
    /// True when more than one source reports it.
    pub fn is_shared(&self) -> bool {
        self.units.len() > 1
    }
}

/// Groups units into facts; `segments[a]` is the segment count of article `a`.
pub fn group(units: &[Unit], links: &[Link], segments: &[usize]) -> Vec<Fact> {
    let mut parent: Vec<usize> = (0..units.len()).collect();
    let mut articles: Vec<Vec<usize>> = units.iter().map(|u| vec![u.article]).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut order: Vec<&Link> = links.iter().collect();
    order.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    for l in order {
        let (ra, rb) = (root(&mut parent, l.a), root(&mut parent, l.b));
        if ra == rb || articles[ra].iter().any(|a| articles[rb].contains(a)) {
            continue;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[gone] = keep;
        let moved = std::mem::take(&mut articles[gone]);
        articles[keep].extend(moved);
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for i in 0..units.len() {
        let r = root(&mut parent, i);
        members[r].push(i);
    }
    let mut facts: Vec<Fact> = members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_by_key(|&u| (units[u].article, units[u].segment));
            let position = m
                .iter()
                .map(|&u| units[u].segment as f64 / segments[units[u].article].max(1) as f64)
                .sum::<f64>()
                / m.len() as f64;
            Fact { units: m, position }
        })
        .collect();
    facts.sort_by(|x, y| {
        x.position
            .total_cmp(&y.position)
            .then(x.units[0].cmp(&y.units[0]))
    });
    facts
}

/// Rows up to which [`reading_order`] refines the order by moving rows
/// (quadratic work: a few milliseconds at this size).
pub const MAX_SIFTED: usize = 2000;

/// Moves each row, in turn, to the earlier place where the fewest pairs of
/// sentences of one article stand in the wrong order; passes until nothing
/// moves (at most [`SIFT_PASSES`]).
fn sift(rows: &[(f64, Vec<(usize, usize)>)], order: &mut Vec<usize>) {
    // +1 when row x shown before row y puts a pair of one article's
    // sentences out of order, -1 when it puts one in order.
    let cost = |x: usize, y: usize| -> i64 {
        let mut c = 0;
        for &(a, s) in &rows[x].1 {
            for &(b, t) in &rows[y].1 {
                if a == b {
                    c += if s > t { 1 } else { -1 };
                }
            }
        }
        c
    };
    for _ in 0..SIFT_PASSES {
        let mut moved = false;
        for i in 1..order.len() {
            let r = order[i];
            // Moving r before order[j] changes the cost by the pairs it
            // crosses: cost(r, y) replaces cost(y, r) = -cost(r, y).
            let (mut delta, mut best, mut at) = (0i64, 0i64, i);
            for j in (0..i).rev() {
                delta += 2 * cost(r, order[j]);
                if delta < best {
                    (best, at) = (delta, j);
                }
            }
            if at < i {
                order.remove(i);
                order.insert(at, r);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

/// Passes of [`sift`] at most: each only moves rows to places that put
/// fewer sentences out of order, so it ends; real stories settle in two
/// or three.
pub const SIFT_PASSES: usize = 8;

/// The order in which to show rows so that each source's column reads in
/// its article's order wherever the sources agree on an order.
///
/// In: one row per fact, its reading position and its sentences as
/// (article, segment). Out: the row indices in display order.
///
/// Rules: each source orders the rows it has a sentence in; the rows are
/// sorted topologically under all those orders, the earliest by reading
/// position first among the rows free to come next. Where two sources tell
/// two facts in opposite orders, no order serves both: the row the fewest
/// others still wait to precede comes next. Then each row moves to the
/// place where it puts the fewest sentences out of their article's order
/// ([`sift`]), for stories of up to [`MAX_SIFTED`] rows. A row's place therefore never contradicts any source unless
/// the sources contradict each other.
pub fn reading_order(rows: &[(f64, Vec<(usize, usize)>)]) -> Vec<usize> {
    use std::collections::{BTreeMap, BTreeSet};
    #[derive(PartialEq)]
    struct Pos(f64, usize);
    impl Eq for Pos {}
    impl PartialOrd for Pos {
        fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(o))
        }
    }
    impl Ord for Pos {
        fn cmp(&self, o: &Self) -> std::cmp::Ordering {
            self.0.total_cmp(&o.0).then(self.1.cmp(&o.1))
        }
    }
    let n = rows.len();
    let mut by_article: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (r, (_, members)) in rows.iter().enumerate() {
        for &(a, s) in members {
            by_article.entry(a).or_default().push((s, r));
        }
    }
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting = vec![0usize; n];
    for chain in by_article.values_mut() {
        chain.sort_unstable();
        for w in chain.windows(2) {
            next[w[0].1].push(w[1].1);
            waiting[w[1].1] += 1;
        }
    }
    // Rows left, by how many rows must still come before them, then by
    // position: the first is free to come next (none waiting) and the
    // earliest of those; when none is free, the one the fewest others
    // still wait to precede.
    let mut left: BTreeSet<(usize, Pos)> =
        (0..n).map(|r| (waiting[r], Pos(rows[r].0, r))).collect();
    let mut order = Vec::with_capacity(n);
    while let Some((_, Pos(_, r))) = left.pop_first() {
        order.push(r);
        for &m in &next[r] {
            if left.remove(&(waiting[m], Pos(rows[m].0, m))) {
                waiting[m] -= 1;
                left.insert((waiting[m], Pos(rows[m].0, m)));
            }
        }
    }
    if n <= MAX_SIFTED {
        sift(rows, &mut order);
    }
    order
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::document::Article;

    fn articles(texts: &[&str]) -> Vec<Article> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::from_text(format!("s{i}.txt"), t.to_string()).unwrap())
            .collect()
    }

    #[test]
    fn linked_sentences_share_a_row_and_the_rest_stand_alone() {
        let arts = articles(&[
            "اندلع حريق كبير في سوق الخضار بمدينة طنطا فجر الثلاثاء. \
             وقالت الشرطة إن التحقيق جار لمعرفة أسباب الحادث.",
            "شب حريق كبير في سوق الخضار بمدينة طنطا فجر الثلاثاء. \
             وأغلقت السلطات الطرق المؤدية إلى وسط المدينة أمام السيارات.",
        ]);
        let an = analyze(&arts);
        let shared: Vec<_> = an.facts.iter().filter(|f| f.is_shared()).collect();
        assert_eq!(shared.len(), 1, "{:?}", an.facts);
        let row = &shared[0].units;
        assert_eq!(row.len(), 2);
        assert_eq!((an.units[row[0]].article, an.units[row[0]].segment), (0, 0));
        assert_eq!((an.units[row[1]].article, an.units[row[1]].segment), (1, 0));
        // Every unit is in exactly one fact.
        let mut all: Vec<usize> = an.facts.iter().flat_map(|f| f.units.clone()).collect();
        all.sort();
        assert_eq!(all, (0..an.units.len()).collect::<Vec<_>>());
        // Reading order: the shared opening fact comes first.
        assert!(an.facts[0].is_shared());
    }

    #[test]
    fn one_source_never_has_two_sentences_in_a_fact() {
        let arts = articles(&[
            "اندلع حريق كبير في سوق الخضار بمدينة طنطا. اندلع حريق كبير في سوق الخضار بمدينة طنطا فجرا.",
            "اندلع حريق كبير في سوق الخضار بمدينة طنطا.",
        ]);
        let an = analyze(&arts);
        for f in &an.facts {
            let mut arts: Vec<usize> = f.units.iter().map(|&u| an.units[u].article).collect();
            arts.dedup();
            assert_eq!(arts.len(), f.units.len(), "{f:?}");
        }
    }

    #[test]
    fn every_column_reads_in_order_when_the_sources_agree() {
        use super::reading_order;
        // Source 1 tells facts A, B, C; source 2 tells C late, but its
        // mean position puts it first. Source 0 tells A then C.
        let rows = vec![
            (0.5, vec![(0, 0), (1, 0)]), // A
            (0.1, vec![(1, 2), (2, 0)]), // C: last of source 1
            (0.4, vec![(1, 1)]),         // B
            (0.2, vec![(0, 1)]),         // D: after A in source 0
        ];
        let order = reading_order(&rows);
        let column = |a: usize| -> Vec<usize> {
            order
                .iter()
                .flat_map(|&r| rows[r].1.iter().filter(|m| m.0 == a).map(|m| m.1))
                .collect()
        };
        for a in 0..3 {
            let c = column(a);
            assert!(c.windows(2).all(|w| w[0] < w[1]), "source {a}: {c:?}");
        }
        assert_eq!(order.len(), 4);
    }

    #[test]
    fn sources_telling_two_facts_in_opposite_orders_still_give_every_row() {
        use super::reading_order;
        let rows = vec![
            (0.3, vec![(0, 0), (1, 1)]),
            (0.6, vec![(0, 1), (1, 0)]),
            (0.9, vec![(2, 0)]),
        ];
        let mut order = reading_order(&rows);
        // Exactly one pair of sentences is out of order: the least possible.
        let inverted: usize = (0..2)
            .map(|a| {
                let col: Vec<usize> = order
                    .iter()
                    .flat_map(|&r| rows[r].1.iter().filter(|m| m.0 == a).map(|m| m.1))
                    .collect();
                col.windows(2).filter(|w| w[0] > w[1]).count()
            })
            .sum();
        assert_eq!(inverted, 1);
        order.sort();
        assert_eq!(order, vec![0, 1, 2]);
    }
}
