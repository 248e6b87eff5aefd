//! Side by side: the chosen sources in columns, aligned facts in rows.
//!
//! In: `GET /stories/{story}/compare?sources=a,b&rows=shared`. `sources`
//! lists article ids (all when absent); `rows=shared` keeps only facts that
//! two or more of the chosen sources report. Out: one row per fact in
//! reading order, with an empty cell where a source is silent. In each
//! cell, words the sentence shares with the rest of its row are marked,
//! conflicting values are marked with their explanation, and spellings of
//! one name carry every spelling as a title. A 400 page for a malformed or
//! unknown source id.

use super::marks::{self, Marked};
use super::parts::{Parts, PartsNav, ROWS_PER_PART};
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
    /// The story's id.
    pub id: String,
    /// The story's title.
    pub title: String,
    /// Every source, whether it is shown, and the link that toggles it.
    pub toggles: Vec<(Source, bool, String)>,
    /// The chosen sources, one column each, in the story's order.
    pub columns: Vec<Source>,
    /// The facts shown, in reading order.
    pub rows: Vec<RowView>,
    /// True when only facts reported by two or more chosen sources are shown
    /// (`rows=shared`).
    pub shared_only: bool,
    /// The query string of this view, for the links that keep it.
    pub sources_param: String,
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
    let facts: Vec<(usize, Vec<usize>)> = an
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
                    shared.extend(link.shared.iter());
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
    let mut here = Vec::new();
    if !all_chosen {
        here.push(format!(
            "sources={}",
            chosen
                .iter()
                .map(|&i| story.articles[i].id.as_str())
                .collect::<Vec<_>>()
                .join(",")
        ));
    }
    if shared_only {
        here.push("rows=shared".to_string());
    }
    let base = match here.is_empty() {
        true => format!("/stories/{}/compare", story.id),
        false => format!("/stories/{}/compare?{}", story.id, here.join("&")),
    };
    let words_toggle = match (shade_words, base.contains('?')) {
        (true, _) => base.clone(),
        (false, true) => format!("{base}&words=1"),
        (false, false) => format!("{base}?words=1"),
    };
    let base = if shade_words {
        format!(
            "{base}{}words=1",
            if base.contains('?') { '&' } else { '?' }
        )
    } else {
        base
    };
    Ok(ComparePage {
        parts_nav: PartsNav::new(&parts, &base, "الوقائع"),
        shade_words,
        words_toggle,
        nav: view::StoryNav::new(story, "compare"),
        id: story.id.clone(),
        title: story.title.clone(),
        toggles: sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let on = chosen.contains(&i);
                let next: Vec<&str> = (0..story.articles.len())
                    .filter(|&j| if j == i { !on } else { chosen.contains(&j) })
                    .map(|j| story.articles[j].id.as_str())
                    .collect();
                let mut href = format!("/stories/{}/compare", story.id);
                let mut query = Vec::new();
                if !next.is_empty() && next.len() < story.articles.len() {
                    query.push(format!("sources={}", next.join(",")));
                }
                if shared_only {
                    query.push("rows=shared".to_string());
                }
                if !query.is_empty() {
                    href.push('?');
                    href.push_str(&query.join("&"));
                }
                (s.clone(), on, href)
            })
            .collect(),
        columns: chosen.iter().map(|&i| sources[i].clone()).collect(),
        rows,
        shared_only,
        sources_param: if all_chosen {
            String::new()
        } else {
            chosen
                .iter()
                .map(|&i| story.articles[i].id.as_str())
                .collect::<Vec<_>>()
                .join(",")
        },
    })
}
