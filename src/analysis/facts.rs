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
}
