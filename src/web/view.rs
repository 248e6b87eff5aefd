//! What several pages show the same way: a story looked up from its id,
//! sources named and numbered, conflicting values marked, differences
//! explained in Arabic.
//!
//! In: a story of the corpus. Out: small view values for templates.
//!
//! Rules: a source is numbered by its place in the story (articles sorted by
//! id), so "المصدر 2" means the same file on every page and every machine.

use super::marks::Mark;
use super::urls::StoryUrls;
use super::{WebError, check_id};
use crate::analysis::Link;
use crate::compare::{Difference, DifferenceKind};
use crate::corpus::{Corpus, Story};

/// The navigation bar of a story's pages, with its search box.
#[derive(askama::Template)]
#[template(path = "storynav.html")]
pub struct StoryNav {
    /// The story's addresses, for the links.
    pub urls: StoryUrls,
    /// Which page is open: `overview`, `compare`, `contradictions`, `search`
    /// or empty.
    pub current: &'static str,
    /// The text already in the search box: the query on the search page, else empty.
    pub query: String,
}

impl StoryNav {
    /// The bar of `story` with the page `current` open and an empty search box.
    pub fn new(story: &Story, current: &'static str) -> StoryNav {
        StoryNav {
            urls: StoryUrls::new(&story.id),
            current,
            query: String::new(),
        }
    }
}

/// Words of an article title kept in a column header.
pub const SHORT_TITLE_WORDS: usize = 7;

/// Words of a sentence kept when it labels a fact.
pub const FACT_LABEL_WORDS: usize = 14;

/// The story `id`, a 400 for a malformed id or a 404 for an unknown one.
pub fn find_story<'c>(corpus: &'c Corpus, id: &str) -> Result<&'c Story, WebError> {
    let id = check_id(id)?;
    corpus
        .story(id)
        .ok_or_else(|| WebError::NotFound(format!("لا توجد قصة بالمعرّف {id}")))
}

/// A source of the story as pages name it.
#[derive(Debug, Clone)]
pub struct Source {
    /// 1-based place in the story.
    pub n: usize,
    /// The article's id.
    pub id: String,
    /// The article's full title.
    pub title: String,
    /// The title cut to [`SHORT_TITLE_WORDS`] words, for column headers.
    pub short: String,
    /// The outlet, from the article's front matter.
    pub outlet: Option<String>,
}

impl Source {
    /// "المصدر n", or the outlet's name with n when the front matter gives it.
    pub fn label(&self) -> String {
        match &self.outlet {
            Some(o) => format!("{o} ({})", self.n),
            None => format!("المصدر {}", self.n),
        }
    }
}

/// The sources of `story`, numbered from 1 in the order of its articles.
pub fn sources(story: &Story) -> Vec<Source> {
    story
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| Source {
            n: i + 1,
            id: a.id.clone(),
            title: a.title.clone(),
            short: first_words(&a.title, SHORT_TITLE_WORDS),
            outlet: outlet(a),
        })
        .collect()
}

/// An article's outlet: its front matter's `source`, else the credit line
/// the article ends with (`inferred_source`), else the host of its `url`
/// without `www.`.
pub fn outlet(a: &crate::document::Article) -> Option<String> {
    let fm = a.front_matter.as_ref();
    fm.and_then(|f| f.source.clone())
        .or_else(|| a.inferred_source.clone())
        .or_else(|| {
            let url = fm?.url.as_deref()?;
            let rest = url.split_once("://")?.1;
            let host = rest.split(['/', '?', '#', ':']).next()?;
            let host = host.strip_prefix("www.").unwrap_or(host);
            (!host.is_empty()).then(|| host.to_string())
        })
}

/// The line a printed brief opens with: the story's title, its sources
/// and the span of their publication times when known.
pub fn print_head(story: &Story) -> String {
    let labels: Vec<String> = sources(story).iter().map(Source::label).collect();
    let mut times: Vec<String> = story
        .articles
        .iter()
        .filter_map(|a| {
            a.front_matter
                .as_ref()
                .and_then(|f| f.published)
                .or(a.inferred_published)
        })
        .map(|p| p.to_string())
        .collect();
    times.sort();
    let when = match (times.first(), times.last()) {
        (Some(a), Some(b)) if a != b => format!(" — النشر: {a} إلى {b}"),
        (Some(a), _) => format!(" — النشر: {a}"),
        _ => String::new(),
    };
    format!("{} — المصادر: {}{when}", story.title, labels.join("، "))
}

/// `n` things in Arabic with the noun agreeing with the number: 1 «مقال
/// واحد», 2 «مقالان», 3–10 «3 مقالات», 11 and more «11 مقالًا», 0 «لا
/// مقالات». `forms` are (one, two, three to ten, eleven and more).
pub fn count_ar(n: usize, forms: (&str, &str, &str, &str)) -> String {
    let (one, two, few, many) = forms;
    match n {
        0 => format!("لا {few}"),
        1 => one.to_string(),
        2 => two.to_string(),
        3..=10 => format!("{n} {few}"),
        _ => format!("{n} {many}"),
    }
}

/// Forms of «مقال» for [`count_ar`].
pub const ARTICLES: (&str, &str, &str, &str) = ("مقال واحد", "مقالان", "مقالات", "مقالًا");
/// Forms of «مصدر» for [`count_ar`].
pub const SOURCES: (&str, &str, &str, &str) = ("مصدر واحد", "مصدران", "مصادر", "مصدرًا");
/// Forms of «جملة» for [`count_ar`].
pub const SENTENCES: (&str, &str, &str, &str) = ("جملة واحدة", "جملتان", "جمل", "جملة");

/// The first `n` words of `text`, with an ellipsis when cut.
pub fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{} …", words[..n].join(" "))
    }
}

/// Marks for the values of `link`'s conflicting differences on one side.
pub fn conflict_marks(link: &Link, side_a: bool) -> Vec<Mark> {
    link.differences
        .iter()
        .map(|d| {
            let (start, end) = if side_a { d.a_span } else { d.b_span };
            Mark {
                start,
                end,
                class: if d.is_conflict() {
                    "conflict"
                } else {
                    "detail"
                },
                // The tooltip speaks from the side it is on: "this source
                // says" its own value, "the other" the other side's.
                title: Some(if side_a {
                    explain(d, "هذا المصدر", "الآخر")
                } else {
                    explain(&swapped(d), "هذا المصدر", "الآخر")
                }),
            }
        })
        .collect()
}

/// `d` seen from its other side: values and spans exchanged.
fn swapped(d: &Difference) -> Difference {
    let mut s = d.clone();
    std::mem::swap(&mut s.a, &mut s.b);
    std::mem::swap(&mut s.a_span, &mut s.b_span);
    s
}

/// A difference in plain Arabic, naming the sides `a` and `b`.
pub fn explain(d: &Difference, a: &str, b: &str) -> String {
    let (x, y) = (&d.a, &d.b);
    match d.kind {
        DifferenceKind::Number | DifferenceKind::Singular => {
            format!("العدد مختلف: {a} يقول «{x}» و{b} يقول «{y}»، ولا يمكن أن يصحّ الاثنان معًا.")
        }
        DifferenceKind::Date => format!("التاريخ مختلف: {a} يقول «{x}» و{b} يقول «{y}»."),
        DifferenceKind::Weekday => format!("اليوم مختلف: {a} يقول «{x}» و{b} يقول «{y}»."),
        DifferenceKind::TimeOfDay => {
            format!("وقت الحدث مختلف: {a} يقول «{x}» و{b} يقول «{y}»، ولا يتداخل الوقتان.")
        }
        DifferenceKind::Place => format!("المكان مختلف: {a} يقول «{x}» و{b} يقول «{y}»."),
        DifferenceKind::Holder => format!("الجهة مختلفة: {a} يقول «{x}» و{b} يقول «{y}»."),
        DifferenceKind::Nationality => {
            format!("الجنسية مختلفة: {a} يقول «{x}» و{b} يقول «{y}».")
        }
        DifferenceKind::Cause => format!("السبب مختلف: {a} يقول «{x}» و{b} يقول «{y}»."),
        DifferenceKind::Agent => format!("الفاعل مختلف: {a} يقول «{x}» و{b} يقول «{y}»."),
        DifferenceKind::Instrument => {
            format!("الوسيلة مختلفة: {a} يقول «{x}» و{b} يقول «{y}».")
        }
        DifferenceKind::Negation => {
            format!("نفي وإثبات: {a} يقول «{x}» و{b} يقول «{y}»، وأحدهما ينفي ما يثبته الآخر.")
        }
        DifferenceKind::Denial => {
            format!("نفي وإثبات: {a} يقول «{x}» و{b} يقول «{y}»، وأحدهما ينفي ما يثبته الآخر.")
        }
        DifferenceKind::Antonym => format!("معنيان متضادان: {a} يقول «{x}» و{b} يقول «{y}»."),
        DifferenceKind::Specificity => format!(
            "لا تناقض بل اختلاف في الدقة: {a} يقول «{x}» و{b} يقول «{y}»، وأحدهما أدق من الآخر."
        ),
        DifferenceKind::Forecast => {
            format!("لا تناقض: {a} يقول «{x}» و{b} يقول «{y}»، وأحدهما توقّع لا حصيلة.")
        }
        DifferenceKind::Scope => format!(
            "لا تناقض: {a} يقول «{x}» و{b} يقول «{y}»، فهما واقعتان في مكانين أو لجهتين مختلفتين."
        ),
    }
}

/// When both sides of `link` carry a publication time and they differ:
/// which side is later and by how much, in Arabic, so a changed count reads
/// as a possible update rather than only a conflict.
pub fn update_note(story: &Story, link: &Link) -> Option<String> {
    let an = &story.analysis();
    let time = |u: usize| {
        story.articles[an.units[u].article]
            .front_matter
            .as_ref()?
            .published?
            .utc_minutes()
    };
    let (ta, tb) = (time(link.a)?, time(link.b)?);
    if ta == tb {
        return None;
    }
    let d = link.differences.iter().find(|d| d.is_conflict())?;
    let (early, late, minutes) = if ta < tb {
        (&d.a, &d.b, tb - ta)
    } else {
        (&d.b, &d.a, ta - tb)
    };
    Some(format!(
        "«{late}» نُشر بعد «{early}» بـ{}: قد يكون تحديثًا للحصيلة لا تناقضًا.",
        duration_ar(minutes)
    ))
}

/// A duration in minutes in plain Arabic words and digits.
pub fn duration_ar(minutes: i64) -> String {
    let (n, one, two, few, many) = if minutes < 60 {
        (minutes, "دقيقة", "دقيقتين", "دقائق", "دقيقة")
    } else if minutes < 48 * 60 {
        ((minutes + 30) / 60, "ساعة", "ساعتين", "ساعات", "ساعة")
    } else {
        ((minutes + 720) / 1440, "يوم", "يومين", "أيام", "يومًا")
    };
    match n {
        1 => one.to_string(),
        2 => two.to_string(),
        3..=10 => format!("{n} {few}"),
        _ => format!("{n} {many}"),
    }
}

/// The Arabic name of a link's relation.
pub fn relation_label(link: &Link) -> &'static str {
    match link.relation {
        crate::compare::Relation::Agree => "يتفق",
        crate::compare::Relation::Contradict => "يناقض",
        crate::compare::Relation::Related => "قريب",
    }
}

/// Parses `?sources=a,b,c` into article indices, in the story's order; an
/// absent or empty list is every source.
pub fn parse_sources(story: &Story, param: Option<&str>) -> Result<Vec<usize>, WebError> {
    let Some(list) = param.filter(|p| !p.trim().is_empty()) else {
        return Ok((0..story.articles.len()).collect());
    };
    let mut chosen = Vec::new();
    let named = sources(story);
    for id in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        // An article id, or a source's label or outlet (`المصدر 2`,
        // `روداو`), as pages name it.
        let by_label = named.iter().position(|s| {
            s.label() == id || s.outlet.as_deref() == Some(id) || format!("المصدر {}", s.n) == id
        });
        let i = match by_label {
            Some(i) => i,
            None => {
                let id = check_id(id)?;
                story
                    .articles
                    .iter()
                    .position(|a| a.id == id)
                    .ok_or_else(|| {
                        WebError::BadRequest(format!("لا يوجد في هذه القصة مصدر بالمعرّف {id}"))
                    })?
            }
        };
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    Ok(chosen)
}

#[cfg(test)]
mod tooltip_tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::document::Article;

    #[test]
    fn each_side_names_its_own_value_first() {
        let a = Article::from_text(
            "a.txt".into(),
            "قتل 12 شخصا في انفجار بمصنع الكيماويات يوم الاثنين.".into(),
        )
        .unwrap();
        let b = Article::from_text(
            "b.txt".into(),
            "قتل 20 شخصا في انفجار بمصنع الكيماويات يوم الاثنين.".into(),
        )
        .unwrap();
        let an = analyze(&[a, b]);
        let link = an
            .links
            .iter()
            .find(|l| l.relation == crate::compare::Relation::Contradict)
            .expect("a contradiction");
        let first = |side_a: bool| {
            conflict_marks(link, side_a)
                .into_iter()
                .find(|m| m.class == "conflict")
                .and_then(|m| m.title)
                .unwrap()
        };
        let (on_a, on_b) = (first(true), first(false));
        let this = |t: &str| {
            t.split("هذا المصدر يقول «")
                .nth(1)
                .and_then(|r| r.split('»').next())
                .map(str::to_string)
        };
        let a_value = this(&on_a).unwrap();
        let b_value = this(&on_b).unwrap();
        assert_ne!(a_value, b_value, "{on_a} / {on_b}");
        assert!(
            a_value.contains("12") && b_value.contains("20"),
            "{on_a} / {on_b}"
        );
    }
}

#[cfg(test)]
mod count_tests {
    use super::*;

    #[test]
    fn nouns_agree_with_their_number() {
        assert_eq!(count_ar(1, ARTICLES), "مقال واحد");
        assert_eq!(count_ar(2, SOURCES), "مصدران");
        assert_eq!(count_ar(5, SOURCES), "5 مصادر");
        assert_eq!(count_ar(12, SENTENCES), "12 جملة");
        assert_eq!(count_ar(0, ARTICLES), "لا مقالات");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_arabic() {
        assert_eq!(duration_ar(1), "دقيقة");
        assert_eq!(duration_ar(45), "45 دقيقة");
        assert_eq!(duration_ar(180), "3 ساعات");
        assert_eq!(duration_ar(120), "ساعتين");
        assert_eq!(duration_ar(3 * 1440), "3 أيام");
    }

    #[test]
    fn first_words_cuts_long_titles_only() {
        assert_eq!(first_words("حريق في السوق", 7), "حريق في السوق");
        assert_eq!(first_words("واحد اثنان ثلاثة", 2), "واحد اثنان …");
    }

    #[test]
    fn explanations_quote_both_values() {
        let d = Difference {
            kind: DifferenceKind::Number,
            a: "طائرة".into(),
            a_span: (0, 10),
            b: "ثلاث طائرات".into(),
            b_span: (0, 21),
            note: String::new(),
        };
        let text = explain(&d, "المصدر 1", "المصدر 2");
        assert!(
            text.contains("«طائرة»") && text.contains("«ثلاث طائرات»"),
            "{text}"
        );
        assert!(text.starts_with("العدد مختلف"));
    }

    #[test]
    fn negations_and_opposites_are_explained_as_conflicts() {
        let d = |kind, a: &str, b: &str| Difference {
            kind,
            a: a.into(),
            a_span: (0, a.len()),
            b: b.into(),
            b_span: (0, b.len()),
            note: String::new(),
        };
        let neg = explain(
            &d(DifferenceKind::Negation, "لم يسفر", "أسفر"),
            "المصدر 1",
            "المصدر 2",
        );
        assert!(
            neg.starts_with("نفي وإثبات") && neg.contains("«لم يسفر»"),
            "{neg}"
        );
        let ant = explain(
            &d(DifferenceKind::Antonym, "ارتفعت", "انخفضت"),
            "المصدر 1",
            "المصدر 2",
        );
        assert!(
            ant.starts_with("معنيان متضادان") && ant.contains("«انخفضت»"),
            "{ant}"
        );
        assert!(d(DifferenceKind::Antonym, "x", "y").is_conflict());
    }
}
