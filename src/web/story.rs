//! The story overview: sources, coverage, agreements and contradictions.
//!
//! In: `GET /stories/{story}`. Out: the sources with their titles, sizes and
//! what each reports alone; a coverage matrix (facts reported by two or
//! more sources × sources: agrees, contradicts, silent); counts of links by
//! relation; every contradiction with its values, each a link to its page.
//! A 404 page for an unknown story.

use super::parts::LIST_BUDGET;
use super::urls::StoryUrls;
use super::view::{self, Source};
use super::{AppState, PathParams, WebError};
use crate::compare::Relation;
use crate::corpus::Story;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

/// One source of the story overview: its file, size and what it alone reports.
pub struct SourceRow {
    /// The source.
    pub source: Source,
    /// The article's file name inside the story folder.
    pub file: String,
    /// True when the article's title was taken from its first sentence.
    pub title_inferred: bool,
    /// Size of the article's text in bytes.
    pub bytes: usize,
    /// How many of its segments were compared with the other sources.
    pub sentences: usize,
    /// Sentences no other source matched: (segment index, text).
    pub unique: Vec<(usize, String)>,
    /// How many sentences only this source reports; `unique` holds at most
    /// [`LIST_BUDGET`] of them.
    pub unique_count: usize,
    /// How many of the story's contradictions this source is a side of.
    pub contradictions: usize,
}

/// What one source says of one fact in the coverage matrix.
pub struct Cell {
    /// `agree`, `contradict` or `silent`.
    pub state: &'static str,
    /// The state's Arabic label, shown in the cell.
    pub label: &'static str,
    /// The sentence's segment index in its article, when the source speaks.
    pub segment: Option<usize>,
}

/// One fact reported by two or more sources: a row of the coverage matrix.
pub struct MatrixRow {
    /// The fact's index in the story's analysis (the side-by-side page's `#f{fact}`).
    pub fact: usize,
    /// The fact named by its shortest sentence, cut to a few words.
    pub label: String,
    /// One cell per source, in the story's order.
    pub cells: Vec<Cell>,
}

/// One contradiction of the overview: its id and the conflicting values.
pub struct ContradictionRow {
    /// The contradiction's id, for its link.
    pub id: String,
    /// Label of side `a`'s source (the earlier article).
    pub a: String,
    /// Side `a`'s value in the first conflicting difference, as written; empty
    /// when there is none.
    pub a_value: String,
    /// Label of side `b`'s source.
    pub b: String,
    /// Side `b`'s value in the first conflicting difference, as written; empty
    /// when there is none.
    pub b_value: String,
    /// True when the sources were published at different times.
    pub possible_update: bool,
}

/// The story overview: sources, coverage matrix, agreements and
/// contradictions.
#[derive(Template, WebTemplate)]
#[template(path = "story.html")]
pub struct StoryPage {
    /// The story's navigation bar.
    pub nav: view::StoryNav,
    /// The story's addresses, for the page's links.
    pub urls: StoryUrls,
    /// The story's id.
    pub id: String,
    /// The story's title.
    pub title: String,
    /// Every source, in the story's order.
    pub sources: Vec<SourceRow>,
    /// The coverage matrix: facts reported by two or more sources.
    pub matrix: Vec<MatrixRow>,
    /// How many links between sentences agree.
    pub agreements: usize,
    /// How many links join sentences on the same topic that report another fact.
    pub related: usize,
    /// Every contradiction of the story, in reading order.
    pub contradictions: Vec<ContradictionRow>,
    /// How many contradictions the story has; `contradictions` holds at
    /// most [`LIST_BUDGET`] (the navigator has them all).
    pub contradiction_count: usize,
    /// «5 مصادر», the number of sources in words.
    pub sources_label: String,
    /// The story's disputes, first of the page.
    pub disputes: Vec<super::dispute::Summary>,
    /// Disputes the desk has decided.
    pub decided: usize,
    /// Verdicts whose dispute or pair no longer exists (an article
    /// changed): (target id, verdict), kept and listed, never dropped.
    pub orphans: Vec<(String, super::verdict::VerdictView)>,
    /// Shared facts left out of `matrix` by the budget (the side by side
    /// has them all).
    pub matrix_more: usize,
    /// How many facts two or more sources report (the rows of `matrix`).
    pub shared_facts: usize,
    /// Pairs of sources for the pair view: (a, b, label); empty beyond
    /// [`MAX_LISTED_PAIRS`] sources, where `choose` offers two lists.
    pub pairs: Vec<(String, String, String)>,
    /// Every source as (id, label), for choosing two, when the story has
    /// too many for a list of pairs.
    pub choose: Vec<(String, String)>,
}

/// Sources up to which the overview lists every pair of them (28 links at
/// 8); a story of 400 sources listed 79,800 pairs, 9 MB of the page's 10.
pub const MAX_LISTED_PAIRS: usize = 8;

/// `GET /stories/{story}`: the overview of the story, or a 400/404 page.
pub async fn handler(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<StoryPage, WebError> {
    let corpus = state.corpus();
    let story = view::find_story(&corpus, &id)?;
    let verdicts = state.verdicts().current(&story.id).unwrap_or_else(|e| {
        tracing::error!("verdicts unreadable: {e}");
        Vec::new()
    });
    Ok(with_verdicts(build(story), story, &verdicts))
}

/// `page` with the desk's `verdicts`: each dispute's, the number decided,
/// and the orphans (verdicts on ids the story no longer has).
pub fn with_verdicts(
    mut page: StoryPage,
    story: &Story,
    verdicts: &[crate::verdicts::Record],
) -> StoryPage {
    use super::verdict::{VerdictView, view_of};
    let an = story.analysis();
    for d in &mut page.disputes {
        d.verdict = view_of(verdicts, &d.id);
    }
    page.decided = an
        .disputes
        .iter()
        .filter(|d| crate::verdicts::is_decided(verdicts, &d.id))
        .count();
    page.orphans = verdicts
        .iter()
        .filter(|r| !an.has_flag(&r.target))
        .map(|r| (r.target.clone(), VerdictView::from(r)))
        .collect();
    page
}

/// The overview of `story`.
pub fn build(story: &Story) -> StoryPage {
    let an = &story.analysis();
    let sources = view::sources(story);
    let mut rows: Vec<SourceRow> = story
        .articles
        .iter()
        .zip(&sources)
        .map(|(a, s)| SourceRow {
            source: s.clone(),
            file: a.file.clone(),
            title_inferred: a.title_inferred,
            bytes: a.text.len(),
            sentences: 0,
            unique: Vec::new(),
            unique_count: 0,
            contradictions: 0,
        })
        .collect();
    for (u, unit) in an.units.iter().enumerate() {
        let row = &mut rows[unit.article];
        row.sentences += 1;
        if an.links_of(u).next().is_none() {
            row.unique_count += 1;
            if row.unique.len() >= LIST_BUDGET {
                continue;
            }
            let a = &story.articles[unit.article];
            row.unique.push((
                unit.segment,
                a.segment_text(&a.segments[unit.segment]).into(),
            ));
        }
    }
    for c in &an.contradictions {
        let l = &an.links[c.link];
        rows[an.units[l.a].article].contradictions += 1;
        rows[an.units[l.b].article].contradictions += 1;
    }
    let matrix = an
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_shared())
        .take(LIST_BUDGET)
        .map(|(i, f)| MatrixRow {
            fact: i,
            label: fact_label(story, &f.units),
            cells: (0..story.articles.len())
                .map(|a| {
                    let Some(&u) = f.units.iter().find(|&&u| an.units[u].article == a) else {
                        return Cell {
                            state: "silent",
                            label: "صامت",
                            segment: None,
                        };
                    };
                    let contradicts = an
                        .links_of(u)
                        .any(|(o, i, _)| an.contradiction_of(i).is_some() && f.units.contains(&o));
                    Cell {
                        state: if contradicts { "contradict" } else { "agree" },
                        label: if contradicts {
                            "يناقض"
                        } else {
                            "يذكره"
                        },
                        segment: Some(an.units[u].segment),
                    }
                })
                .collect(),
        })
        .collect();
    let contradictions = an
        .contradictions
        .iter()
        .take(LIST_BUDGET)
        .map(|c| {
            let l = &an.links[c.link];
            let value = |side_a: bool| {
                l.differences
                    .iter()
                    .find(|d| d.is_conflict())
                    .map(|d| if side_a { d.a.clone() } else { d.b.clone() })
                    .unwrap_or_default()
            };
            ContradictionRow {
                id: c.id.clone(),
                a: sources[an.units[l.a].article].label(),
                a_value: value(true),
                b: sources[an.units[l.b].article].label(),
                b_value: value(false),
                possible_update: view::update_note(story, l).is_some(),
            }
        })
        .collect();
    let count = |r: Relation| an.links.iter().filter(|l| l.relation == r).count();
    let mut pairs = Vec::new();
    let listed = if sources.len() <= MAX_LISTED_PAIRS {
        sources.len()
    } else {
        0
    };
    let choose = match listed {
        0 => sources.iter().map(|s| (s.id.clone(), s.label())).collect(),
        _ => Vec::new(),
    };
    for (i, a) in sources[..listed].iter().enumerate() {
        for b in &sources[i + 1..listed] {
            pairs.push((
                a.id.clone(),
                b.id.clone(),
                format!("{} و{}", a.label(), b.label()),
            ));
        }
    }
    StoryPage {
        nav: view::StoryNav::new(story, "overview"),
        urls: StoryUrls::new(&story.id),
        id: story.id.clone(),
        title: story.title.clone(),
        sources: rows,
        shared_facts: an.facts.iter().filter(|f| f.is_shared()).count(),
        matrix_more: an
            .facts
            .iter()
            .filter(|f| f.is_shared())
            .count()
            .saturating_sub(LIST_BUDGET),
        matrix,
        contradiction_count: an.contradictions.len(),
        sources_label: view::count_ar(story.articles.len(), view::SOURCES),
        decided: 0,
        orphans: Vec::new(),
        disputes: an
            .disputes
            .iter()
            .take(LIST_BUDGET)
            .map(|d| super::dispute::summarise(story, d, 0))
            .collect(),
        agreements: count(Relation::Agree),
        related: count(Relation::Related),
        contradictions,
        pairs,
        choose,
    }
}

/// A fact named by its shortest sentence, cut to a few words.
pub fn fact_label(story: &Story, units: &[usize]) -> String {
    let an = &story.analysis();
    units
        .iter()
        .map(|&u| {
            let unit = &an.units[u];
            let a = &story.articles[unit.article];
            a.segment_text(&a.segments[unit.segment])
        })
        .min_by_key(|t| t.len())
        .map(|t| view::first_words(t, view::FACT_LABEL_WORDS))
        .unwrap_or_default()
}
