//! One dispute: what the sources disagree about, each side's value with
//! its sentences in context, and the explanation.
//!
//! In: `GET /stories/{story}/disputes/{id}`. Out: the measure in words
//! («حصيلة القتلى»), one card per side (the value, the sources saying it,
//! each sentence between its neighbours with the value marked), a note when
//! publication times make it look like an update, the contradiction pairs
//! behind it, and previous / next links (`j` / `k`).
//!
//! Rules: sides come in reading order; a source is named as on every page
//! ([`super::view::Source::label`]); the id is the engine's stable id, the
//! same after a restart and on a colleague's copy of the files.

use super::marks::{self, Mark};
use super::measure::{measure_name, value_ar};
use super::urls::StoryUrls;
use super::view::{self, Source};
use super::{AppState, PathParams, QueryParams, WebError, check_id};
use crate::analysis::disputes::Dispute;
use crate::claims::ClaimKind;
use crate::corpus::Story;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

/// A sentence stating one side's value, in context.
pub struct Quote {
    /// The source.
    pub source: Source,
    /// The link to the sentence in its article.
    pub href: String,
    /// The sentence before, as text.
    pub before: Option<String>,
    /// The sentence, with the value marked.
    pub html: marks::Marked,
    /// The sentence after, as text.
    pub after: Option<String>,
}

/// One side of a dispute.
pub struct SideView {
    /// The value in Arabic («3», «نحو 400», «الأحد»).
    pub value: String,
    /// The sources saying it, each with a link to its first sentence.
    pub sources: Vec<(String, String)>,
    /// Its sentences, at most the budget the page gave.
    pub quotes: Vec<Quote>,
    /// Sentences saying it beyond the budget (the figures page has all).
    pub more: usize,
}

/// Sentences of one side shown on a dispute's page: a side said by more
/// (a long article repeating a figure) is summed up as "and n more".
pub const QUOTES_PER_SIDE: usize = 20;

/// What the list and the page both show of a dispute.
pub struct Summary {
    /// The stable id.
    pub id: String,
    /// The measure in words.
    pub measure: String,
    /// The sides.
    pub sides: Vec<SideView>,
    /// The update note, when publication times suggest one.
    pub update: Option<String>,
    /// The desk's verdict, filled in by pages that show it.
    pub verdict: Option<super::verdict::VerdictView>,
}

/// The text of segment `seg` of article `art`, if there is one.
fn segment_text(story: &Story, art: usize, seg: Option<usize>) -> Option<String> {
    let a = &story.articles[art];
    let s = a.segments.get(seg?)?;
    Some(a.segment_text(s).to_string())
}

/// The summary of `d`: measure, sides with at most `max_quotes` of their
/// sentences each, in context.
pub fn summarise(story: &Story, d: &Dispute, max_quotes: usize) -> Summary {
    let an = &story.analysis();
    let sources = view::sources(story);
    let urls = StoryUrls::new(&story.id);
    let reporting: Vec<_> = d
        .sides
        .iter()
        .flat_map(|s| &s.units)
        .map(|&u| {
            let unit = &an.units[u];
            (unit, &story.articles[unit.article])
        })
        .collect();
    let sides = d
        .sides
        .iter()
        .map(|side| {
            let mut value = None;
            let mut value_exact = false;
            let mut labels: Vec<(String, String)> = Vec::new();
            let quotes = side
                .units
                .iter()
                .enumerate()
                .filter_map(|(k, &u)| {
                    let unit = &an.units[u];
                    let article = &story.articles[unit.article];
                    let seg = &article.segments[unit.segment];
                    let spans: Vec<(usize, usize)> = side
                        .quotes
                        .iter()
                        .filter(|q| q.0 == u)
                        .map(|q| q.1)
                        .collect();
                    // The side's value as its exact figure when one quote
                    // gives it (a side gathers نحو 135 with 135), else as
                    // its first quote says it.
                    for &(s, e) in &spans {
                        let Some(c) = unit
                            .reading
                            .claims
                            .iter()
                            .find(|c| (c.start, c.end) == (s, e))
                        else {
                            continue;
                        };
                        let exact = matches!(
                            c.kind,
                            ClaimKind::Count { amount, .. } if amount.exact().is_some()
                        );
                        if value.is_none() || (exact && !value_exact) {
                            value = Some(value_ar(c, &article.text));
                            value_exact = exact;
                        }
                    }
                    let href = urls.segment(&article.id, unit.segment);
                    let label = sources[unit.article].label();
                    if !labels.iter().any(|l| l.0 == label) {
                        labels.push((label, href.clone()));
                    }
                    if k >= max_quotes {
                        return None;
                    }
                    let marks = spans
                        .iter()
                        .map(|&(start, end)| Mark {
                            start,
                            end,
                            class: "conflict",
                            title: None,
                        })
                        .collect();
                    Some(Quote {
                        source: sources[unit.article].clone(),
                        href,
                        before: segment_text(story, unit.article, unit.segment.checked_sub(1)),
                        html: marks::render(&article.text, (seg.start, seg.end), marks),
                        after: segment_text(story, unit.article, Some(unit.segment + 1)),
                    })
                })
                .collect();
            SideView {
                value: value.unwrap_or_else(|| side.value.clone()),
                sources: labels,
                quotes,
                more: side.units.len().saturating_sub(max_quotes),
            }
        })
        .collect::<Vec<_>>();
    Summary {
        id: d.id.clone(),
        measure: measure_name(&d.measure, &reporting),
        update: update_note(story, d, &sides),
        sides,
        verdict: None,
    }
}

/// When every side's first article has a publication time and the sides
/// were published at different times: which value came last, and how long
/// after the first, as a possible update.
fn update_note(story: &Story, d: &Dispute, sides: &[SideView]) -> Option<String> {
    let an = &story.analysis();
    let mut times = Vec::new();
    for (side, view) in d.sides.iter().zip(sides) {
        let t = side
            .units
            .iter()
            .filter_map(|&u| {
                let a = &story.articles[an.units[u].article];
                let p = a
                    .front_matter
                    .as_ref()
                    .and_then(|f| f.published)
                    .or(a.inferred_published)?;
                p.utc_minutes()
            })
            .min()?;
        times.push((t, view.value.as_str()));
    }
    times.sort();
    let (first, last) = (times.first()?, times.last()?);
    (last.0 > first.0).then(|| {
        format!(
            "«{}» نُشر بعد «{}» بـ{}: قد يكون تحديثًا لا تناقضًا.",
            last.1,
            first.1,
            view::duration_ar(last.0 - first.0)
        )
    })
}

/// The dispute page.
#[derive(Template, WebTemplate)]
#[template(path = "dispute.html")]
pub struct DisputePage {
    /// The story's navigation bar.
    pub nav: view::StoryNav,
    /// The story's addresses, for the page's links.
    pub urls: StoryUrls,
    /// The story's id.
    pub story_id: String,
    /// The story's title.
    pub story_title: String,
    /// 1-based place among the story's disputes.
    pub number: usize,
    /// How many disputes the story has.
    pub total: usize,
    /// The dispute.
    pub d: Summary,
    /// "Sources 1 and 2 say 3; source 4 says 1", in Arabic.
    pub explanation: String,
    /// The contradiction pairs behind it: (link, "المصدر 1 والمصدر 4").
    pub pairs: Vec<(String, String)>,
    /// The pair a followed link named (`?pair=`), shown on top.
    pub focus: Option<super::contradiction::ContradictionPage>,
    /// The previous and next disputes' ids.
    pub prev: Option<String>,
    /// See `prev`.
    pub next: Option<String>,
    /// The desk's verdict on it, when one was given.
    pub verdict: Option<super::verdict::VerdictView>,
    /// Every verdict given on it, oldest first.
    pub history: Vec<super::verdict::VerdictView>,
    /// The verdict form; `None` where verdicts cannot be kept (no workspace).
    pub form: Option<super::verdict::VerdictForm>,
    /// True in a static share: no form and no word about one.
    pub shared: bool,
    /// The line a printed brief opens with ([`view::print_head`]).
    pub print_head: String,
}

/// The query of a dispute's address.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Params {
    /// A contradiction pair of the dispute to show on top (where an old
    /// contradiction link leads); one not in the dispute is ignored.
    pub pair: Option<String>,
}

/// `GET /stories/{story}/disputes/{id}`: the page with the desk's verdict,
/// its history and the verdict form.
pub async fn handler(
    State(state): State<AppState>,
    PathParams((story_id, id)): PathParams<(String, String)>,
    QueryParams(params): QueryParams<Params>,
) -> Result<axum::response::Response, WebError> {
    let corpus = state.corpus();
    let story = view::find_story(&corpus, &story_id)?;
    let mut page = build(story, check_id(&id)?)?;
    page.focus = params.pair.and_then(|p| focus(story, &id, &p));
    (page.verdict, page.history, page.form) = super::verdict::section(&state, &story.id, &id);
    Ok(super::upload::with_form_cookie(
        &state,
        axum::http::StatusCode::OK,
        page,
    ))
}

/// The page of pair `pair` when it is one of the dispute's pairs.
fn focus(
    story: &Story,
    dispute: &str,
    pair: &str,
) -> Option<super::contradiction::ContradictionPage> {
    let an = story.analysis();
    let (_, c) = an.contradiction(pair)?;
    (an.dispute_of(c.link)?.id == dispute).then_some(())?;
    super::contradiction::build(story, pair).ok()
}

/// The page of dispute `id` of `story`.
pub fn build(story: &Story, id: &str) -> Result<DisputePage, WebError> {
    let an = &story.analysis();
    let i = an
        .disputes
        .iter()
        .position(|d| d.id == id)
        .ok_or_else(|| WebError::NotFound(format!("لا يوجد في هذه القصة خلاف بالمعرّف {id}")))?;
    let d = summarise(story, &an.disputes[i], QUOTES_PER_SIDE);
    let sources = view::sources(story);
    let urls = StoryUrls::new(&story.id);
    let explanation = d
        .sides
        .iter()
        .map(|s| {
            let who: Vec<&str> = s.sources.iter().map(|x| x.0.as_str()).collect();
            format!("{}: «{}»", who.join(" و"), s.value)
        })
        .collect::<Vec<_>>()
        .join("؛ ");
    let pairs = an.disputes[i]
        .links
        .iter()
        .filter_map(|&l| {
            let c = an.contradiction_of(l)?;
            let link = &an.links[l];
            let (a, b) = (an.units[link.a].article, an.units[link.b].article);
            Some((
                urls.contradiction_pair(&c.id),
                format!("{} و{}", sources[a].label(), sources[b].label()),
            ))
        })
        .collect();
    Ok(DisputePage {
        nav: view::StoryNav::new(story, "disputes"),
        urls,
        story_id: story.id.clone(),
        story_title: story.title.clone(),
        number: i + 1,
        total: an.disputes.len(),
        explanation: format!("{}: {explanation}.", d.measure),
        d,
        pairs,
        focus: None,
        prev: i.checked_sub(1).map(|p| an.disputes[p].id.clone()),
        next: an.disputes.get(i + 1).map(|n| n.id.clone()),
        verdict: None,
        history: Vec::new(),
        form: None,
        print_head: view::print_head(story),
        shared: false,
    })
}
