//! The article page: the original text with every segment marked.
//!
//! In: `GET /stories/{story}/articles/{article}`. Out: the file's text,
//! exactly as stored, cut into pieces: the white space between segments as
//! it is, and each segment in an element marked with its kind and language
//! and addressable as `#s{index}` (the index of the story JSON segment id).
//! Each compared sentence is annotated: confirmed by which sources (links to
//! their sentences), contradicted by which (links to the contradiction
//! pages), or reported by this source alone.
//!
//! A long article is shown in parts of
//! [`super::parts::ARTICLE_SEGMENTS_PER_PART`] segments (`?part=n`, or
//! `?seg=n` for the part holding segment `n`), with a link to the whole
//! text as a plain file (`/stories/{story}/articles/{article}/text`).

use super::parts::{ARTICLE_SEGMENTS_PER_PART, Parts, PartsNav};
use super::urls::StoryUrls;
use super::{AppState, PathParams, QueryParams, WebError, check_id, view};
use crate::text::SegmentKind;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

/// A stretch of the article: a segment, or the white space between two.
pub struct Piece {
    /// The stretch's exact text, copied from the file.
    pub text: String,
    /// The segment it is, or `None` for the white space between segments.
    pub segment: Option<SegmentView>,
}

/// One segment as the article page shows it: kind, language, byte span and
/// what the other sources say of it.
pub struct SegmentView {
    /// The segment's index in the article (0-based); its anchor is `#s{index}`.
    pub index: usize,
    /// The kind's name ([`SegmentKind::as_str`]), used in CSS classes.
    pub kind: &'static str,
    /// The kind's Arabic label, shown to readers.
    pub label: &'static str,
    /// ISO 639-1 code of the segment's main language, for the `lang` attribute.
    pub lang: &'static str,
    /// Text direction: `rtl` for Arabic, `ltr` for any other language.
    pub dir: &'static str,
    /// Byte offset of the segment's first byte in the file.
    pub start: usize,
    /// Byte offset just past the segment's last byte.
    pub end: usize,
    /// True for sentences that were compared with the other sources.
    pub compared: bool,
    /// (source label, link to the matching sentence).
    pub confirmed: Vec<(String, String)>,
    /// (source label, link to the contradiction page).
    pub contradicted: Vec<(String, String)>,
}

/// The article page: an article's whole text with its segments marked and
/// annotated.
#[derive(Template, WebTemplate)]
#[template(path = "article.html")]
pub struct ArticlePage {
    /// The story's navigation bar.
    pub nav: view::StoryNav,
    /// The story's addresses, for the page's links.
    pub urls: StoryUrls,
    /// What the front matter says: (label, value, link).
    pub metadata: Vec<(&'static str, String, Option<String>)>,
    /// Front-matter lines that could not be read.
    pub metadata_problems: Vec<String>,
    /// The id of the story the article belongs to.
    pub story_id: String,
    /// The story's title, for the breadcrumbs.
    pub story_title: String,
    /// The article's file name inside the story folder.
    pub file: String,
    /// The article's title.
    pub title: String,
    /// True when the title was taken from the first sentence; the page says so.
    pub title_inferred: bool,
    /// The whole file in order: segments and the white space between them.
    pub pieces: Vec<Piece>,
    /// Every segment kind: (name, Arabic label, number of segments of that kind
    /// in this article).
    pub legend: Vec<(&'static str, &'static str, usize)>,
    /// Links to the other parts of a long article; `None` for one part.
    pub parts_nav: Option<PartsNav>,
    /// The whole text as a plain file.
    pub text_url: String,
}

/// The query string of the article page.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Params {
    /// The part to show, 1-based.
    pub part: Option<usize>,
    /// Show the part holding this segment.
    pub seg: Option<usize>,
}

/// The Arabic name of a segment kind, as the page's legend and tooltips
/// show it.
pub fn kind_label(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::Title => "عنوان",
        SegmentKind::Sentence => "جملة",
        SegmentKind::Boilerplate => "نص ثابت",
        SegmentKind::Foreign => "لغة أخرى",
        SegmentKind::Metadata => "بيانات وصفية",
    }
}

/// `GET /stories/{story}/articles/{article}/text`: the file's text as
/// plain UTF-8, exactly as stored (after conversion from UTF-16).
pub async fn text(
    State(state): State<AppState>,
    PathParams((story_id, article_id)): PathParams<(String, String)>,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let corpus = state.corpus();
    let story = view::find_story(&corpus, check_id(&story_id)?)?;
    let article = story.article(check_id(&article_id)?).ok_or_else(|| {
        WebError::NotFound(format!("لا يوجد في هذه القصة مقال بالمعرّف {article_id}"))
    })?;
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; charset=utf-8",
        )],
        article.text.clone(),
    )
        .into_response())
}

/// `GET /stories/{story}/articles/{article}`: the article page, or a 400
/// for a malformed id and a 404 for an unknown story or article.
pub async fn handler(
    State(state): State<AppState>,
    PathParams((story_id, article_id)): PathParams<(String, String)>,
    QueryParams(params): QueryParams<Params>,
) -> Result<ArticlePage, WebError> {
    let story_id = check_id(&story_id)?;
    let corpus = state.corpus();
    let story = corpus
        .story(story_id)
        .ok_or_else(|| WebError::NotFound(format!("لا توجد قصة بالمعرّف {story_id}")))?;
    build(story, &article_id, &params)
}

/// The page of article `article_id` of `story`, the part `params` asks for.
pub fn build(
    story: &crate::corpus::Story,
    article_id: &str,
    params: &Params,
) -> Result<ArticlePage, WebError> {
    let article_id = check_id(article_id)?;
    let article = story.article(article_id).ok_or_else(|| {
        WebError::NotFound(format!("لا يوجد في هذه القصة مقال بالمعرّف {article_id}"))
    })?;
    let an = &story.analysis();
    let article_index = story
        .articles
        .iter()
        .position(|a| a.id == article.id)
        .unwrap_or_default();
    let sources = view::sources(story);
    let urls = StoryUrls::new(&story.id);
    let annotations = |segment: usize| {
        let mut confirmed = Vec::new();
        let mut contradicted = Vec::new();
        let Some(u) = an.unit_of(article_index, segment) else {
            return (false, confirmed, contradicted);
        };
        for (o, i, _) in an.links_of(u) {
            let other = &an.units[o];
            let label = sources[other.article].label();
            if let Some(c) = an.contradiction_of(i) {
                contradicted.push((label, urls.contradiction(&c.id)));
            } else {
                confirmed.push((
                    label,
                    urls.segment(&story.articles[other.article].id, other.segment),
                ));
            }
        }
        confirmed.sort();
        confirmed.dedup_by(|x, y| x.0 == y.0);
        contradicted.sort();
        (true, confirmed, contradicted)
    };
    let parts = Parts::new(
        article.segments.len(),
        ARTICLE_SEGMENTS_PER_PART,
        params.part,
        params.seg,
    );
    let shown = parts.range();
    let mut pieces = Vec::with_capacity(shown.len() * 2 + 1);
    // The text before the first segment belongs to the first part only.
    // The text before the first segment belongs to the first part only.
    let mut at = match shown.start {
        0 => 0,
        i => article.segments[i].start,
    };
    for (index, seg) in article
        .segments
        .iter()
        .enumerate()
        .skip(shown.start)
        .take(shown.len())
    {
        if seg.start > at {
            pieces.push(Piece {
                text: article.text[at..seg.start].to_string(),
                segment: None,
            });
        }
        let (compared, confirmed, contradicted) = annotations(index);
        pieces.push(Piece {
            text: article.segment_text(seg).to_string(),
            segment: Some(SegmentView {
                compared,
                confirmed,
                contradicted,
                index,
                kind: seg.kind.as_str(),
                label: kind_label(seg.kind),
                lang: seg.lang,
                dir: if seg.lang == "ar" { "rtl" } else { "ltr" },
                start: seg.start,
                end: seg.end,
            }),
        });
        at = seg.end;
    }
    if at < article.text.len() && shown.end == article.segments.len() {
        pieces.push(Piece {
            text: article.text[at..].to_string(),
            segment: None,
        });
    }
    let legend = SegmentKind::ALL
        .iter()
        .map(|&k| (k.as_str(), kind_label(k), article.count(k)))
        .collect();
    let fm = article.front_matter.as_ref();
    let mut metadata = Vec::new();
    if let Some(fm) = fm {
        if let Some(s) = &fm.source {
            metadata.push(("المصدر", s.clone(), None));
        }
        if let Some(p) = &fm.published {
            metadata.push(("تاريخ النشر", p.to_string(), None));
        }
        if let Some(u) = &fm.url {
            metadata.push(("الرابط", u.clone(), Some(u.clone())));
        }
        if let Some(l) = &fm.language {
            metadata.push(("اللغة", l.clone(), None));
        }
    }
    if let Some(enc) = article.converted_from {
        metadata.push((
            "الترميز",
            format!("حُوّل من {enc} إلى UTF-8؛ مواضع البايتات في النص المحوَّل"),
            None,
        ));
    }
    if let Some(s) = &article.inferred_source {
        metadata.push(("المصدر (مستنتج من آخر سطر)", s.clone(), None));
    }
    if let Some(p) = &article.inferred_published {
        metadata.push(("تاريخ النشر (مستنتج من سطر التاريخ)", p.to_string(), None));
    }
    Ok(ArticlePage {
        metadata,
        metadata_problems: fm
            .map(|f| f.problems.iter().map(|p| p.to_string()).collect())
            .unwrap_or_default(),
        nav: view::StoryNav::new(story, ""),
        story_id: story.id.clone(),
        story_title: story.title.clone(),

        file: article.file.clone(),
        title: article.title.clone(),
        title_inferred: article.title_inferred,
        pieces,
        legend,
        parts_nav: PartsNav::new(&parts, &urls.article(&article.id), "المقاطع"),
        text_url: urls.article_text(&article.id),
        urls,
    })
}
