//! Side by side: the chosen sources in columns, aligned facts in rows.
//!
//! In: `GET /stories/{story}/compare?sources=a,b&rows=shared&order=a`.
//! `sources` lists article ids (all when absent); `rows=shared` keeps only
//! facts that two or more of the chosen sources report; `order` names the
//! source whose reading order the rows follow. Out: one row per fact, with
//! an empty cell where a source is silent. Every column reads in its
//! article's order wherever the chosen sources agree on the order of two
//! facts; between rows free to come next, the smaller mean reading position
//! of the chosen sentences goes first
//! ([`crate::analysis::facts::reading_order`]). With `order`, that
//! source's column reads exactly as its article even where others
//! disagree, the other rows placed between by their mean position. In each
//! cell, words the sentence shares with the rest of its row are marked,
//! conflicting values are marked with their explanation, and spellings of
//! one name carry every spelling as a title. A 400 page for a malformed or
//! unknown source id.

use super::marks::{self, Marked};
use super::parts::{Parts, PartsNav, ROWS_PER_PART};
use super::urls::StoryUrls;
use super::view::{self, Source};
use super::{AppState, PathParams, QueryParams, WebError};
use crate::align::Feature;
use crate::corpus::Story;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use serde::Deserialize;
use std::collections::BTreeSet;

/// The query string of the side-by-side page.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    /// Comma-separated article ids of the columns, in order; all sources when
    /// absent or empty.
    pub sources: Option<String>,
    /// `shared` for only the facts two or more chosen sources report; `all`
    /// (or absent) for every fact.
    pub rows: Option<String>,
    /// The part of a long comparison to show, 1-based
    /// ([`super::parts::ROWS_PER_PART`] rows a part).
    pub part: Option<usize>,
    /// Show the part holding the row of this fact.
    pub fact: Option<usize>,
    /// `1` to shade the words each sentence shares with its counterparts;
    /// off by default, so only values, names and differences are marked.
    pub words: Option<String>,
    /// The article id (or label) of the source whose reading order the rows
    /// follow.
    pub order: Option<String>,
}

/// What a link from this page keeps of the view: the typed query.
#[derive(Debug, Clone, Default)]
struct ViewQuery {
    /// Chosen article ids when not all are chosen.
    sources: Option<String>,
    shared_only: bool,
    shade_words: bool,
    /// The id of the source the rows follow.
    order: Option<String>,
}

impl ViewQuery {
    /// The page's address for this view.
    fn href(&self, urls: &StoryUrls) -> String {
        let mut q = Vec::new();
        if let Some(s) = &self.sources {
            q.push(format!("sources={s}"));
        }
        if self.shared_only {
            q.push("rows=shared".into());
        }
        if let Some(o) = &self.order {
            q.push(format!("order={o}"));
        }
        if self.shade_words {
            q.push("words=1".into());
        }
        urls.compare_with(&q.join("&"))
    }
}

/// A column's head: its source and the link that orders rows by it.
pub struct ColumnView {
    /// The source.
    pub source: Source,
    /// True when the rows follow this source's reading order.
    pub ordered: bool,
    /// The link ordering the rows by this source (or back to the mean
    /// order when they already are).
    pub order_href: String,
}

/// What one source says of one fact: its sentence, marked.
pub struct CellView {
    /// The sentence's segment index in its article (its anchor `#s{segment}`).
    pub segment: usize,
    /// The sentence as HTML, with shared words, conflicting values and names
    /// marked.
    pub html: Marked,
    /// `agree`, `contradict` or `alone`.
    pub state: &'static str,
    /// Ids of the contradictions this sentence is part of within the row.
    pub contradictions: Vec<String>,
}

/// One fact: a row of the table.
pub struct RowView {
    /// The fact's index in the story's analysis; the row's anchor is `#f{fact}`.
    pub fact: usize,
    /// One cell per column, `None` where that source is silent.
    pub cells: Vec<Option<CellView>>,
}

/// The side-by-side page: chosen sources in columns, aligned facts in rows.
#[derive(Template, WebTemplate)]
#[template(path = "compare.html")]
pub struct ComparePage {
    /// The story's navigation bar.
    pub nav: view::StoryNav,
    /// The story's addresses, for the page's links.
    pub urls: StoryUrls,
    /// The story's id.
    pub id: String,
    /// The story's title.
    pub title: String,
    /// Every source, whether it is shown, and the link that toggles it.
    pub toggles: Vec<(Source, bool, String)>,
    /// The chosen sources, one column each, in the story's order.
    pub columns: Vec<ColumnView>,
    /// The facts shown, in reading order.
    pub rows: Vec<RowView>,
    /// True when only facts reported by two or more chosen sources are shown
    /// (`rows=shared`).
    pub shared_only: bool,
    /// This view with only shared facts switched.
    pub shared_toggle: String,
    /// Links to the other parts of a long comparison.
    pub parts_nav: Option<PartsNav>,
    /// True when shared words are shaded.
    pub shade_words: bool,
    /// This view with the shading of shared words switched.
    pub words_toggle: String,
}

/// `GET /stories/{story}/compare`: the side-by-side page for the query's
/// sources and rows, or a 400/404 page.
pub async fn handler(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    QueryParams(params): QueryParams<Params>,
) -> Result<ComparePage, WebError> {
    let corpus = state.corpus();
    build(view::find_story(&corpus, &id)?, &params)
}

/// The side-by-side view of `story` for `params`.
pub fn build(story: &Story, params: &Params) -> Result<ComparePage, WebError> {
    let an = &story.analysis();
    let chosen = view::parse_sources(story, params.sources.as_deref())?;
    let shared_only = match params.rows.as_deref() {
        None | Some("") | Some("all") => false,
        Some("shared") => true,
        Some(other) => {
            return Err(WebError::BadRequest(format!(
                "قيمة rows غير معروفة: {other} (المقبول: all أو shared)"
            )));
        }
    };
    let sources = view::sources(story);
    let shade_words = params.words.as_deref() == Some("1");
    let order = match params.order.as_deref().filter(|o| !o.is_empty()) {
        Some(o) => Some(view::parse_sources(story, Some(o))?[0]),
        None => None,
    };
    let mut facts: Vec<(usize, Vec<usize>)> = an
        .facts
        .iter()
        .enumerate()
        .map(|(f, fact)| {
            let members: Vec<usize> = fact
                .units
                .iter()
                .copied()
                .filter(|&u| chosen.contains(&an.units[u].article))
                .collect();
            (f, members)
        })
        .filter(|(_, m)| !(m.is_empty() || shared_only && m.len() < 2))
        .collect();
    let place = |u: usize| {
        let unit = &an.units[u];
        unit.segment as f64 / story.articles[unit.article].segments.len().max(1) as f64
    };
    let key = |members: &[usize]| {
        let anchored = order.and_then(|o| members.iter().find(|&&u| an.units[u].article == o));
        match anchored {
            Some(&u) => place(u),
            None => members.iter().map(|&u| place(u)).sum::<f64>() / members.len() as f64,
        }
    };
    if order.is_some() {
        facts.sort_by(|x, y| key(&x.1).total_cmp(&key(&y.1)).then(x.0.cmp(&y.0)));
    } else {
        let rows: Vec<(f64, Vec<(usize, usize)>)> = facts
            .iter()
            .map(|(_, m)| {
                let at = m
                    .iter()
                    .map(|&u| (an.units[u].article, an.units[u].segment));
                (key(m), at.collect())
            })
            .collect();
        let mut sorted: Vec<_> = crate::analysis::facts::reading_order(&rows)
            .into_iter()
            .map(|r| std::mem::take(&mut facts[r]))
            .collect();
        std::mem::swap(&mut facts, &mut sorted);
    }
    let parts = Parts::new(
        facts.len(),
        ROWS_PER_PART,
        params.part,
        params
            .fact
            .and_then(|want| facts.iter().position(|(f, _)| *f == want)),
    );
    let mut rows = Vec::new();
    for (f, members) in &facts[parts.range()] {
        let (f, members) = (*f, members);
        let cells = chosen
            .iter()
            .map(|&a| {
                let &u = members.iter().find(|&&u| an.units[u].article == a)?;
                let unit = &an.units[u];
                let mut shared: BTreeSet<&Feature> = BTreeSet::new();
                let mut marks_here = Vec::new();
                let mut contradictions = Vec::new();
                for (other, i, link) in an.links_of(u) {
                    if !members.contains(&other) {
                        continue;
                    }
                    shared.extend(an.shared(link));
                    if let Some(c) = an.contradiction_of(i) {
                        marks_here.extend(view::conflict_marks(link, link.a == u));
                        contradictions.push(c.id.clone());
                    }
                }
                marks_here.extend(marks::entity_marks(unit, &an.entity_spellings));
                if shade_words {
                    marks_here.extend(marks::shared_marks(unit, &shared));
                }
                let article = &story.articles[a];
                let seg = &article.segments[unit.segment];
                Some(CellView {
                    segment: unit.segment,
                    html: marks::render(&article.text, (seg.start, seg.end), marks_here),
                    state: if !contradictions.is_empty() {
                        "contradict"
                    } else if members.len() > 1 {
                        "agree"
                    } else {
                        "alone"
                    },
                    contradictions,
                })
            })
            .collect();
        rows.push(RowView { fact: f, cells });
    }
    let all_chosen = chosen.len() == story.articles.len();
    let ids = |set: &[usize]| {
        set.iter()
            .map(|&i| story.articles[i].id.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    let here = ViewQuery {
        sources: (!all_chosen).then(|| ids(&chosen)),
        shared_only,
        shade_words,
        order: order.map(|o| story.articles[o].id.clone()),
    };
    let urls = StoryUrls::new(&story.id);
    let base = here.href(&urls);
    Ok(ComparePage {
        parts_nav: PartsNav::new(&parts, &base, "الوقائع"),
        shade_words,
        words_toggle: ViewQuery {
            shade_words: !shade_words,
            ..here.clone()
        }
        .href(&urls),
        shared_toggle: ViewQuery {
            shared_only: !shared_only,
            ..here.clone()
        }
        .href(&urls),
        nav: view::StoryNav::new(story, "compare"),
        id: story.id.clone(),
        title: story.title.clone(),
        toggles: sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let on = chosen.contains(&i);
                let next: Vec<usize> = (0..story.articles.len())
                    .filter(|&j| if j == i { !on } else { chosen.contains(&j) })
                    .collect();
                let view = ViewQuery {
                    sources: (!next.is_empty() && next.len() < story.articles.len())
                        .then(|| ids(&next)),
                    order: here.order.clone().filter(|_| order != Some(i) || !on),
                    ..here.clone()
                };
                (s.clone(), on, view.href(&urls))
            })
            .collect(),
        columns: chosen
            .iter()
            .map(|&i| ColumnView {
                source: sources[i].clone(),
                ordered: order == Some(i),
                order_href: ViewQuery {
                    order: (order != Some(i)).then(|| story.articles[i].id.clone()),
                    ..here.clone()
                }
                .href(&urls),
            })
            .collect(),
        rows,
        shared_only,
        urls,
    })
}
