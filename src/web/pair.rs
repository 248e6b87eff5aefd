//! The pair view: two articles in reading order, each sentence linked to its
//! counterparts in the other.
//!
//! In: `GET /stories/{story}/pair/{a}/{b}`. Out: two columns holding every
//! segment of each article; a sentence of column `a` is `#a-s{index}`, of
//! column `b` `#b-s{index}`, and lists links to its counterparts in the
//! other column with their relation, so choosing one brings the match into
//! view (an anchor, no script needed). Shared words, conflicting values and
//! names are marked as on the side-by-side page. A 400 page when `a` and `b`
//! are the same or malformed, a 404 page when one is unknown.

use super::marks::{self, Marked};
use super::parts::{Parts, PartsNav, ROWS_PER_PART};
use super::urls::{StoryUrls, with_part};
use super::view::{self, Source};
use super::{AppState, PathParams, QueryParams, WebError, check_id};
use crate::align::Feature;
use crate::corpus::Story;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use std::collections::BTreeSet;

/// A sentence of the other column linked to this one.
pub struct Counterpart {
    /// Its segment index in the other article (the anchor `#{other}-s{segment}`).
    pub segment: usize,
    /// `agree`, `contradict` or `related`.
    pub relation: &'static str,
    /// The relation's Arabic name, shown on the link.
    pub label: &'static str,
    /// Its address: the anchor, behind the part holding it when that is
    /// another part of a long pair.
    pub href: String,
}

/// The query string of the pair view.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Params {
    /// The part to show, 1-based ([`ROWS_PER_PART`] segments of each
    /// article a part).
    pub part: Option<usize>,
    /// `1` to shade the words a sentence shares with its counterparts.
    pub words: Option<String>,
}

/// Counterparts listed under one sentence: a sentence repeated through a
/// long article links to many copies, and listing them all made the pair
/// page of two 4 MiB articles 11 MB.
pub const COUNTERPARTS_SHOWN: usize = 6;

/// One segment of a column, marked, with its counterparts.
pub struct SegmentRow {
    /// The segment's index in its article (0-based).
    pub index: usize,
    /// The segment kind's name ([`crate::text::SegmentKind::as_str`]).
    pub kind: &'static str,
    /// ISO 639-1 code of the segment's main language.
    pub lang: &'static str,
    /// The segment as HTML, with shared words, conflicting values and names
    /// marked.
    pub html: Marked,
    /// Linked sentences of the other column, by segment index: at most
    /// [`COUNTERPARTS_SHOWN`], contradicting ones first.
    pub counterparts: Vec<Counterpart>,
    /// Linked sentences beyond those shown.
    pub more: usize,
    /// True for sentences that were compared (titles and Arabic sentences).
    pub compared: bool,
}

/// One article of the pair: every one of its segments, in order.
pub struct Column {
    /// `a` or `b`: the prefix of the column's anchors.
    pub side: &'static str,
    /// The other column's side, `b` or `a`, for links to its anchors.
    pub other: &'static str,
    /// The article shown.
    pub source: Source,
    /// Every segment of the article, in file order.
    pub rows: Vec<SegmentRow>,
}

/// The pair view: two articles side by side, each sentence linked to its
/// counterparts in the other.
#[derive(Template, WebTemplate)]
#[template(path = "pair.html")]
pub struct PairPage {
    /// The story's navigation bar.
    pub nav: view::StoryNav,
    /// The story's addresses, for the page's links.
    pub urls: StoryUrls,
    /// The story's id.
    pub story_id: String,
    /// The story's title.
    pub story_title: String,
    /// The two columns, `a` then `b`.
    pub columns: Vec<Column>,
    /// How many links join a sentence of `a` to one of `b`.
    pub linked: usize,
    /// Links to the other parts of a long pair.
    pub parts_nav: Option<PartsNav>,
    /// True when shared words are shaded.
    pub shade_words: bool,
    /// This view with the shading of shared words switched.
    pub words_toggle: String,
}

/// `GET /stories/{story}/pair/{a}/{b}`: the pair view of articles `a` and
/// `b`, or a 400/404 page.
pub async fn handler(
    State(state): State<AppState>,
    PathParams((story_id, a, b)): PathParams<(String, String, String)>,
    QueryParams(params): QueryParams<Params>,
) -> Result<PairPage, WebError> {
    let corpus = state.corpus();
    build(view::find_story(&corpus, &story_id)?, &a, &b, &params)
}

/// The query of the form choosing two sources.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Choice {
    /// One source's article id.
    pub a: Option<String>,
    /// The other's.
    pub b: Option<String>,
}

/// `GET /stories/{story}/pair?a=&b=`: the overview's form for a story of
/// many sources; redirects to the pair view of the two, or a 400 page.
pub async fn choose(
    State(state): State<AppState>,
    PathParams(story_id): PathParams<String>,
    QueryParams(choice): QueryParams<Choice>,
) -> Result<axum::response::Redirect, WebError> {
    let corpus = state.corpus();
    let story = view::find_story(&corpus, &story_id)?;
    let (Some(a), Some(b)) = (choice.a, choice.b) else {
        return Err(WebError::BadRequest("اختر مصدرين للمقارنة".into()));
    };
    let (a, b) = (check_id(&a)?, check_id(&b)?);
    if a == b {
        return Err(WebError::BadRequest("اختر مصدرين مختلفين للمقارنة".into()));
    }
    for id in [a, b] {
        story
            .article(id)
            .ok_or_else(|| WebError::NotFound(format!("لا يوجد في هذه القصة مصدر بالمعرّف {id}")))?;
    }
    Ok(axum::response::Redirect::to(
        &StoryUrls::new(&story.id).pair(a, b),
    ))
}

/// The pair view of articles `a` and `b` of `story`.
pub fn build(story: &Story, a: &str, b: &str, params: &Params) -> Result<PairPage, WebError> {
    let (a, b) = (check_id(a)?, check_id(b)?);
    if a == b {
        return Err(WebError::BadRequest(
            "اختر مصدرين مختلفين للمقارنة جملةً بجملة".into(),
        ));
    }
    let find = |id: &str| {
        story
            .articles
            .iter()
            .position(|x| x.id == id)
            .ok_or_else(|| WebError::NotFound(format!("لا يوجد في هذه القصة مقال بالمعرّف {id}")))
    };
    let (ia, ib) = (find(a)?, find(b)?);
    let an = &story.analysis();
    let sources = view::sources(story);
    let longest = story.articles[ia]
        .segments
        .len()
        .max(story.articles[ib].segments.len());
    let parts = Parts::new(longest, ROWS_PER_PART, params.part, None);
    let shade_words = params.words.as_deref() == Some("1");
    let urls = StoryUrls::new(&story.id);
    let base = urls.pair(&story.articles[ia].id, &story.articles[ib].id);
    let href = |side: &str, segment: usize| {
        if parts.range().contains(&segment) {
            format!("#{side}-s{segment}")
        } else {
            format!(
                "{}#{side}-s{segment}",
                with_part(&base, parts.part_of(segment))
            )
        }
    };
    let linked = an
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.article == ia)
        .map(|(u, _)| {
            an.links_of(u)
                .filter(|(o, _, _)| an.units[*o].article == ib)
                .count()
        })
        .sum();
    let column = |this: usize, other: usize, side: &'static str, other_side: &'static str| {
        let article = &story.articles[this];
        let shown = parts.range();
        let rows = article
            .segments
            .iter()
            .enumerate()
            .skip(shown.start)
            .take(shown.len())
            .map(|(i, seg)| {
                let mut counterparts = Vec::new();
                let mut marks_here = Vec::new();
                let unit = an.unit_of(this, i);
                if let Some(u) = unit {
                    let mut shared: BTreeSet<&Feature> = BTreeSet::new();
                    for (o, _, link) in an.links_of(u) {
                        if an.units[o].article != other {
                            continue;
                        }
                        shared.extend(an.shared(link));
                        if link.relation == crate::compare::Relation::Contradict {
                            marks_here.extend(view::conflict_marks(link, link.a == u));
                        }
                        counterparts.push(Counterpart {
                            href: href(other_side, an.units[o].segment),
                            segment: an.units[o].segment,
                            relation: link.relation.as_str(),
                            label: view::relation_label(link),
                        });
                    }
                    counterparts.sort_by_key(|c| (c.relation != "contradict", c.segment));
                    marks_here.extend(marks::entity_marks(&an.units[u], &an.entity_spellings));
                    if shade_words {
                        marks_here.extend(marks::shared_marks(&an.units[u], &shared));
                    }
                }
                let more = counterparts.len().saturating_sub(COUNTERPARTS_SHOWN);
                counterparts.truncate(COUNTERPARTS_SHOWN);
                counterparts.sort_by_key(|c| c.segment);
                SegmentRow {
                    more,
                    index: i,
                    kind: seg.kind.as_str(),
                    lang: seg.lang,
                    html: marks::render(&article.text, (seg.start, seg.end), marks_here),
                    counterparts,
                    compared: unit.is_some(),
                }
            })
            .collect();
        Column {
            side,
            other: other_side,
            source: sources[this].clone(),
            rows,
        }
    };
    let columns = vec![column(ia, ib, "a", "b"), column(ib, ia, "b", "a")];
    Ok(PairPage {
        nav: view::StoryNav::new(story, ""),
        urls,
        story_id: story.id.clone(),
        story_title: story.title.clone(),
        columns,
        linked,
        parts_nav: PartsNav::new(
            &parts,
            &if shade_words {
                format!("{base}?words=1")
            } else {
                base.clone()
            },
            "المقاطع",
        ),
        shade_words,
        words_toggle: if shade_words {
            base
        } else {
            format!("{base}?words=1")
        },
    })
}
