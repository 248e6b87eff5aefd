//! Figures: every measure a story reports, who said what, when, and
//! according to whom; the page a journalist sends an editor.
//!
//! In: `GET /stories/{story}/figures[?format=csv]`. Out: one table per
//! measure (agreed or disputed), one row per claim: the source, the value
//! as written and normalised, how sure it is (forecast, earlier figure,
//! denied), the attribution, the publication time and a link to the
//! sentence; for a count reported at two or more publication times, an SVG
//! chart of the values over time; or the same rows as CSV.
//!
//! Rules: the CSV has the page's columns plus the ids a program needs, in
//! UTF-8 with a byte-order mark (spreadsheets then read the Arabic), one
//! row per claim, and a header row; fields are quoted when needed.

use super::measure::{measure_name, modality_ar, numeric, value_ar};
use super::parts::LIST_BUDGET;
use super::urls::StoryUrls;
use super::view::{self, Source};
use super::{AppState, PathParams, QueryParams, WebError};
use crate::analysis::figures::MeasureFigures;
use crate::corpus::Story;
use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

/// One claim as a row of the table.
pub struct FigureRow {
    /// The source.
    pub source: Source,
    /// The words of the claim as written.
    pub written: String,
    /// The value normalised, in Arabic.
    pub value: String,
    /// «توقّع أو احتمال», «رقم سابق», «منفي», or empty.
    pub modality: &'static str,
    /// Who says so, as written; empty when the sentence does not say.
    pub according_to: String,
    /// The article's publication time, as given; empty when unknown.
    pub published: String,
    /// Minutes since the epoch of the publication time, for the chart.
    minutes: Option<i64>,
    /// The numeric value, for the chart.
    number: Option<f64>,
    /// Link to the sentence.
    pub href: String,
    /// The segment id of the story JSON (`{article}:{n}`).
    pub segment_id: String,
}

/// One measure and its rows.
pub struct MeasureView {
    /// The measure in words.
    pub name: String,
    /// The engine's key for it (`count:killed`).
    pub key: String,
    /// The dispute's id when the sources disagree.
    pub dispute: Option<String>,
    /// Its claims shown on the page: at most [`LIST_BUDGET`].
    pub rows: Vec<FigureRow>,
    /// Its other claims, beyond the budget: in the CSV only.
    pub hidden: Vec<FigureRow>,
    /// The SVG chart of its values over publication time, when it has one.
    pub chart: Option<String>,
    /// The desk's verdict on its dispute, when one was given.
    pub verdict: Option<super::verdict::VerdictView>,
}

/// The figures page.
#[derive(Template)]
#[template(path = "figures.html")]
pub struct FiguresPage {
    /// The story's navigation bar.
    pub nav: view::StoryNav,
    /// The story's addresses, for the page's links.
    pub urls: StoryUrls,
    /// The story's id.
    pub story_id: String,
    /// The story's title.
    pub story_title: String,
    /// Every measure, in reading order.
    pub measures: Vec<MeasureView>,
    /// The line a printed brief opens with ([`view::print_head`]).
    pub print_head: String,
}

/// The query string of the figures page.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Params {
    /// `csv` for the rows as a CSV file; absent for the page.
    pub format: Option<String>,
}

/// `GET /stories/{story}/figures`: the page, or the CSV with `?format=csv`.
pub async fn handler(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    QueryParams(params): QueryParams<Params>,
) -> Result<Response, WebError> {
    let corpus = state.corpus();
    let story = view::find_story(&corpus, &id)?;
    let mut page = build(story);
    let verdicts = state.verdicts().current(&story.id).unwrap_or_default();
    with_verdicts(&mut page, &verdicts);
    match params.format.as_deref() {
        None | Some("") | Some("html") => page
            .render()
            .map(|h| Html(h).into_response())
            .map_err(|e| WebError::Internal(e.to_string())),
        Some("csv") => Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}-figures.csv\"", story.id),
                ),
            ],
            csv(&page),
        )
            .into_response()),
        Some(other) => Err(WebError::BadRequest(format!(
            "صيغة غير معروفة: {other} (المقبول: csv)"
        ))),
    }
}

/// Puts the desk's verdict on each disputed measure of `page`.
pub fn with_verdicts(page: &mut FiguresPage, verdicts: &[crate::verdicts::Record]) {
    for m in &mut page.measures {
        m.verdict = m
            .dispute
            .as_ref()
            .and_then(|d| super::verdict::view_of(verdicts, d));
    }
}

/// The figures of `story`.
pub fn build(story: &Story) -> FiguresPage {
    let an = &story.analysis();
    let sources = view::sources(story);
    let measures = an
        .figures
        .iter()
        .map(|m| measure_view(story, &sources, m))
        .collect();
    FiguresPage {
        nav: view::StoryNav::new(story, "figures"),
        urls: StoryUrls::new(&story.id),
        story_id: story.id.clone(),
        story_title: story.title.clone(),
        measures,
        print_head: view::print_head(story),
    }
}

fn measure_view(story: &Story, sources: &[Source], m: &MeasureFigures) -> MeasureView {
    let an = &story.analysis();
    let reporting: Vec<_> = m
        .figures
        .iter()
        .map(|f| {
            let u = &an.units[f.unit];
            (u, &story.articles[u.article])
        })
        .collect();
    let rows: Vec<FigureRow> = m
        .figures
        .iter()
        .map(|f| {
            let unit = &an.units[f.unit];
            let article = &story.articles[unit.article];
            let claim = &unit.reading.claims[f.claim];
            let published = article
                .front_matter
                .as_ref()
                .and_then(|fm| fm.published)
                .or(article.inferred_published);
            FigureRow {
                source: sources[unit.article].clone(),
                written: article.text[claim.start..claim.end].to_string(),
                value: value_ar(claim, &article.text),
                modality: modality_ar(claim.modality),
                according_to: claim
                    .attribution
                    .map(|(s, e)| article.text[s..e].to_string())
                    .unwrap_or_default(),
                published: published.map(|p| p.to_string()).unwrap_or_default(),
                minutes: published.and_then(|p| p.utc_minutes()),
                number: numeric(claim),
                href: StoryUrls::new(&story.id).segment(&article.id, unit.segment),
                segment_id: format!("{}:{}", article.id, unit.segment),
            }
        })
        .collect();
    let chart = chart(&rows);
    let mut rows = rows;
    let hidden = rows.split_off(rows.len().min(LIST_BUDGET));
    MeasureView {
        name: measure_name(&m.measure, &reporting),
        key: m.measure.key(),
        dispute: m.dispute.map(|d| an.disputes[d].id.clone()),
        chart,
        rows,
        hidden,
        verdict: None,
    }
}

/// Chart size in SVG user units.
const CHART_W: f64 = 560.0;
const CHART_H: f64 = 220.0;
const PAD: f64 = 40.0;

/// An SVG line of the values over publication time: one point per claim
/// with both, labelled with its value; `None` with fewer than two times.
fn chart(rows: &[FigureRow]) -> Option<String> {
    // One point per publication time and value: a long article repeating
    // a figure draws it once.
    let mut pts: Vec<(i64, f64, &FigureRow)> = rows
        .iter()
        .filter_map(|r| Some((r.minutes?, r.number?, r)))
        .collect();
    pts.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    pts.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let (t0, t1) = (
        pts.iter().map(|p| p.0).min()?,
        pts.iter().map(|p| p.0).max()?,
    );
    if t1 == t0 || pts.len() < 2 {
        return None;
    }
    let vmax = pts.iter().map(|p| p.1).fold(0.0, f64::max).max(1.0);
    let x = |t: i64| PAD + (t - t0) as f64 / (t1 - t0) as f64 * (CHART_W - 2.0 * PAD);
    let y = |v: f64| CHART_H - PAD - v / vmax * (CHART_H - 2.0 * PAD);
    let mut sorted = pts.clone();
    sorted.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let line: Vec<String> = sorted
        .iter()
        .map(|p| format!("{:.1},{:.1}", x(p.0), y(p.1)))
        .collect();
    let esc = |s: &str| askama::filters::escape(s, askama::filters::Html).map(|e| e.to_string());
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {CHART_W} {CHART_H}\" role=\"img\" aria-label=\"القيم حسب وقت النشر\" direction=\"ltr\">\
         <line x1=\"{PAD}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#888\"/>\
         <line x1=\"{PAD}\" y1=\"{PAD}\" x2=\"{PAD}\" y2=\"{b}\" stroke=\"#888\"/>\
         <polyline points=\"{}\" fill=\"none\" stroke=\"#7a3b2e\" stroke-width=\"2\"/>",
        line.join(" "),
        b = CHART_H - PAD,
        r = CHART_W - PAD,
    );
    for p in &sorted {
        let value = esc(&p.2.value).unwrap_or_default();
        let who = esc(&p.2.source.label()).unwrap_or_default();
        svg.push_str(&format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#7a3b2e\"><title>{who}: {value} ({})</title></circle>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\">{value}</text>",
            x(p.0),
            y(p.1),
            esc(&p.2.published).unwrap_or_default(),
            x(p.0),
            y(p.1) - 8.0,
        ));
    }
    for (t, anchor) in [(t0, "start"), (t1, "end")] {
        let label = sorted
            .iter()
            .find(|p| p.0 == t)
            .map(|p| esc(&p.2.published).unwrap_or_default())
            .unwrap_or_default();
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#555\">{label}</text>",
            x(t),
            CHART_H - PAD + 16.0
        ));
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// One CSV field, quoted when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The rows of `page` as CSV, with a byte-order mark and a header.
pub fn csv(page: &FiguresPage) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str("measure,measure_key,dispute,source,article,segment,written,value,modality,according_to,published,link\n");
    for m in &page.measures {
        for r in m.rows.iter().chain(&m.hidden) {
            let cells = [
                m.name.as_str(),
                m.key.as_str(),
                m.dispute.as_deref().unwrap_or(""),
                &r.source.label(),
                r.source.id.as_str(),
                r.segment_id.as_str(),
                r.written.as_str(),
                r.value.as_str(),
                r.modality,
                r.according_to.as_str(),
                r.published.as_str(),
                r.href.as_str(),
            ];
            let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
    }
    out
}
