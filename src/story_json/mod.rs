//! Story JSON, version 1: what Mizan understood of a story, as one document.
//!
//! In: a loaded [`Story`] (or a whole [`Corpus`]). Out: serialisable structs
//! following `shared/spec/story-json.md`; the same document is printed by
//! `mizan export` and served at `/api/v1/stories/{story}`.
//!
//! Rules: field names are the spec's and never change; extra fields (such as
//! `title_inferred`) may be added. Segment ids are `{article id}:{index}`,
//! with the index counting the article's segments in file order.

pub mod print;

use crate::corpus::{Corpus, Story};
use rayon::prelude::*;
use serde::Serialize;

/// The version of the story JSON this module writes.
pub const VERSION: u32 = 1;

/// One story's document.
#[derive(Debug, Serialize)]
pub struct StoryDoc<'a> {
    /// [`VERSION`].
    pub version: u32,
    /// The story's id.
    pub story: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its articles in id order.
    pub articles: Vec<ArticleDoc<'a>>,
    /// Links between segments of different articles.
    pub links: Vec<LinkDoc>,
    /// The story's disagreements, one per measure (see
    /// [`crate::analysis::disputes`]).
    pub disputes: Vec<DisputeDoc>,
    /// The desk's verdicts on disputes and links (absent when none): filled
    /// by the server and `mizan export` from the workspace.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub verdicts: Vec<VerdictDoc>,
}

/// A verdict in the story JSON.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictDoc {
    /// The dispute's or contradiction's id.
    pub target: String,
    /// `confirmed`, `false_alarm`, `update` or `needs_check`.
    pub verdict: String,
    /// The reviewer's note.
    pub note: String,
    /// Who decided.
    pub reviewer: String,
    /// When, in seconds since the Unix epoch.
    pub at: i64,
    /// False when the target is no longer in the story (an orphan).
    pub current: bool,
}

/// One dispute in the story JSON.
#[derive(Debug, Serialize)]
pub struct DisputeDoc {
    /// Stable id.
    pub id: String,
    /// What it is about, in words (English; pages write Arabic).
    pub measure: String,
    /// The measure's key (`count:killed`, `weekday`, `place:مدينه` …).
    pub measure_key: String,
    /// Each value with the segments that state it.
    pub sides: Vec<DisputeSideDoc>,
    /// Earliest publication time on any side (ISO 8601), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_published: Option<String>,
    /// Latest publication time, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_published: Option<String>,
}

/// One side of a dispute.
#[derive(Debug, Serialize)]
pub struct DisputeSideDoc {
    /// The value (normalised amount, weekday, name, class or words).
    pub value: String,
    /// Segment ids stating it.
    pub segments: Vec<String>,
}

fn measure_words(m: &crate::analysis::Measure) -> String {
    use crate::analysis::Measure;
    use crate::analysis::disputes::SlotKindKey;
    use crate::claims::Role;
    match m {
        Measure::Count(Role::Measure(c)) => format!("amount ({c})"),
        Measure::Count(Role::Thing(t)) => format!("number of {t}"),
        Measure::Count(r) => format!("number {}", r.key()),
        Measure::Date => "date of the event".into(),
        Measure::Weekday => "day of the event".into(),
        Measure::TimeOfDay => "time of day of the event".into(),
        Measure::Place(h) if h == crate::claims::gazetteer::HEAD => "place of the event".into(),
        Measure::Place(h) => format!("place ({h})"),
        Measure::Holder(h) => format!("organisation ({h})"),
        Measure::Slot(SlotKindKey::Cause) => "cause".into(),
        Measure::Slot(SlotKindKey::Agent) => "who did it".into(),
        Measure::Slot(SlotKindKey::Instrument) => "instrument".into(),
        Measure::Statement(_) => "whether it happened".into(),
    }
}

fn disputes(story: &Story) -> Vec<DisputeDoc> {
    let an = &story.analysis();
    let id = |unit: usize| {
        let u = &an.units[unit];
        segment_id(&story.articles[u.article].id, u.segment)
    };
    an.disputes
        .iter()
        .map(|d| DisputeDoc {
            id: d.id.clone(),
            measure: measure_words(&d.measure),
            measure_key: d.measure.key(),
            sides: d
                .sides
                .iter()
                .map(|s| DisputeSideDoc {
                    value: s.value.clone(),
                    segments: s.units.iter().map(|&u| id(u)).collect(),
                })
                .collect(),
            first_published: d.first_published.as_ref().map(ToString::to_string),
            last_published: d.last_published.as_ref().map(ToString::to_string),
        })
        .collect()
}

/// One article of a story.
#[derive(Debug, Serialize)]
pub struct ArticleDoc<'a> {
    /// Its id (file name without extension).
    pub id: &'a str,
    /// Its file name, relative to the story folder.
    pub file: &'a str,
    /// Its title.
    pub title: &'a str,
    /// True when the title was inferred, not given.
    pub title_inferred: bool,
    /// Its segments, in file order, covering the file.
    pub segments: Vec<SegmentDoc<'a>>,
}

/// One segment of an article.
#[derive(Debug, Serialize)]
pub struct SegmentDoc<'a> {
    /// `article:index`.
    pub id: String,
    /// Byte offset of its start in the file.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// title, sentence, boilerplate, foreign or metadata.
    pub kind: &'static str,
    /// ISO 639-1 code of its main language.
    pub lang: &'static str,
    /// Exactly the file's bytes `start..end`.
    pub text: &'a str,
    /// What the segment states (see [`crate::claims`]); absent when it
    /// states nothing the engine reads.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<ClaimDoc>,
}

/// One claim of a segment, as the story JSON gives it.
#[derive(Debug, Serialize)]
pub struct ClaimDoc {
    /// count, weekday, time_of_day, place, holder, cause, agent, instrument.
    pub kind: &'static str,
    /// Byte span into the article file.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// asserted, forecast, earlier or denied.
    pub modality: &'static str,
    /// For a count: the role counted (killed, injured, measure:distance …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// For a count: the amount in words (exact, about, at least …), in the
    /// role's base unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// For the other kinds: the value (weekday 1-7 from Sunday, hours
    /// `from-to`, a place's name, a slot's class).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Byte span of who says so, when the sentence names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<(usize, usize)>,
}

fn claim_doc(c: &crate::claims::Claim) -> ClaimDoc {
    use crate::claims::ClaimKind;
    let (role, amount, value) = match &c.kind {
        ClaimKind::Count { role, amount } => (Some(role.key()), Some(amount.to_string()), None),
        ClaimKind::Weekday(d) => (None, None, Some(d.to_string())),
        ClaimKind::DayPart { from, to } => (None, None, Some(format!("{from}-{to}"))),
        ClaimKind::Place { head, name } | ClaimKind::Holder { head, name } => {
            (None, None, Some(format!("{head} {}", name.join(" "))))
        }
        ClaimKind::Slot { class, .. } => (None, None, Some(class.to_string())),
    };
    ClaimDoc {
        kind: c.kind.key(),
        start: c.start,
        end: c.end,
        modality: c.modality.key(),
        role,
        amount,
        value,
        attribution: c.attribution,
    }
}

/// A link between two segments.
#[derive(Debug, Serialize)]
pub struct LinkDoc {
    /// Segment id of the side in the earlier article.
    pub a: String,
    /// Segment id of the other side.
    pub b: String,
    /// Similarity in 0..1.
    pub score: f64,
    /// agree, contradict or related.
    pub relation: &'static str,
    /// What differs.
    pub differences: Vec<DifferenceDoc>,
}

/// One difference of a link.
#[derive(Debug, Serialize)]
pub struct DifferenceDoc {
    /// Its kind (number, weekday, place, cause, specificity …).
    pub kind: &'static str,
    /// The words of side `a`, as written.
    pub a: String,
    /// The words of side `b`.
    pub b: String,
    /// A short note in plain words.
    pub note: String,
}

/// Several stories at once: what `export` prints for a corpus of many
/// stories and what `GET /api/v1/stories` serves.
#[derive(Debug, Serialize)]
pub struct CorpusDoc<'a> {
    /// [`VERSION`].
    pub version: u32,
    /// Every story, in id order.
    pub stories: Vec<StoryDoc<'a>>,
}

/// The id of segment `index` of article `article`.
pub fn segment_id(article: &str, index: usize) -> String {
    format!("{article}:{index}")
}

/// The document of one story.
pub fn story_doc(story: &Story) -> StoryDoc<'_> {
    StoryDoc {
        version: VERSION,
        story: &story.id,
        title: &story.title,
        articles: story
            .articles
            .iter()
            .enumerate()
            .map(|(ai, a)| ArticleDoc {
                id: &a.id,
                file: &a.file,
                title: &a.title,
                title_inferred: a.title_inferred,
                segments: a
                    .segments
                    .iter()
                    .enumerate()
                    .map(|(i, s)| SegmentDoc {
                        id: segment_id(&a.id, i),
                        start: s.start,
                        end: s.end,
                        kind: s.kind.as_str(),
                        lang: s.lang,
                        text: a.segment_text(s),
                        claims: story
                            .analysis()
                            .unit_of(ai, i)
                            .map(|u| {
                                story.analysis().units[u]
                                    .reading
                                    .claims
                                    .iter()
                                    .map(claim_doc)
                                    .collect()
                            })
                            .unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect(),
        links: links(story),
        disputes: disputes(story),
        verdicts: Vec::new(),
    }
}

/// The story's links in the spec's shape: segment ids, `a` before `b`.
fn links(story: &Story) -> Vec<LinkDoc> {
    let an = &story.analysis();
    // Each unit's id, formatted once: a unit is in many links (formatting
    // the id at each was a thirtieth of printing a 100-story export).
    let ids: Vec<String> = an
        .units
        .iter()
        .map(|u| segment_id(&story.articles[u.article].id, u.segment))
        .collect();
    // A long story has a hundred thousand links: built on rayon's threads.
    an.links
        .par_iter()
        .map(|l| LinkDoc {
            a: ids[l.a].clone(),
            b: ids[l.b].clone(),
            score: (l.score * 1000.0).round() / 1000.0,
            relation: l.relation.as_str(),
            differences: l
                .differences
                .iter()
                .map(|d| DifferenceDoc {
                    kind: d.kind.as_str(),
                    a: d.a.clone(),
                    b: d.b.clone(),
                    note: d.note.clone(),
                })
                .collect(),
        })
        .collect()
}

/// The document of a whole corpus.
pub fn corpus_doc(corpus: &Corpus) -> CorpusDoc<'_> {
    CorpusDoc {
        version: VERSION,
        stories: corpus.stories.iter().map(story_doc).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    #[test]
    fn segments_carry_ids_offsets_and_exact_text() {
        let article = Article::from_text(
            "a1.txt".into(),
            "حريق في السوق\nاندلع حريق في السوق. وأخمدته فرق الدفاع المدني.".into(),
        )
        .unwrap();
        let story = Story {
            id: "fire".into(),
            title: "حريق".into(),
            title_inferred: false,
            dir: "fire".into(),
            analysis: Default::default(),
            cache: None,
            storage: crate::corpus::Storage::Corpus,
            articles: vec![article],
        };
        let json = serde_json::to_value(story_doc(&story)).unwrap();
        assert_eq!(json["version"], 1);
        assert_eq!(json["story"], "fire");
        let segs = json["articles"][0]["segments"].as_array().unwrap();
        assert_eq!(segs.len(), 3);
        assert_eq!(segs[0]["id"], "a1:0");
        assert_eq!(segs[0]["kind"], "title");
        assert_eq!(segs[2]["text"], "وأخمدته فرق الدفاع المدني.");
        let text = &story.articles[0].text;
        let (s, e) = (
            segs[1]["start"].as_u64().unwrap() as usize,
            segs[1]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], segs[1]["text"].as_str().unwrap());
        assert!(json["links"].as_array().unwrap().is_empty());
    }

    #[test]
    fn a_story_printed_with_links_in_pieces_is_the_pretty_printers() {
        let text = |t: &str| format!("غرق عبارة\n{t} وقال الناطق إن فرق الإنقاذ انتشلت الجثث.");
        let articles = [
            "غرقت عبارة في النهر وقتل 12 راكبا.",
            "غرقت العبارة في النهر وقتل 15 راكبا.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_text(format!("a{i}.txt"), text(t)).unwrap())
        .collect();
        let story = Story {
            id: "ferry".into(),
            title: "غرق".into(),
            title_inferred: false,
            dir: "ferry".into(),
            analysis: Default::default(),
            cache: None,
            storage: crate::corpus::Storage::Corpus,
            articles,
        };
        let mut doc = story_doc(&story);
        assert!(doc.links.len() >= 2, "{:?}", doc.links);
        let mut printed = Vec::new();
        print::write_story(&mut printed, &mut doc).unwrap();
        assert_eq!(
            String::from_utf8(printed).unwrap(),
            serde_json::to_string_pretty(&doc).unwrap()
        );
        let mut printed = Vec::new();
        print::write_corpus(&mut printed, 2, |_| {
            print::nested(&doc, 2).map_err(std::io::Error::other)
        })
        .unwrap();
        let corpus = CorpusDoc {
            version: VERSION,
            stories: vec![story_doc(&story), story_doc(&story)],
        };
        assert_eq!(
            String::from_utf8(printed).unwrap(),
            serde_json::to_string_pretty(&corpus).unwrap()
        );
    }

    #[test]
    fn segments_carry_their_claims_with_spans() {
        let article = Article::from_text(
            "w.txt".into(),
            "انهيار عمارة\nلقي تسعة أشخاص حتفهم مساء الجمعة، بحسب الدفاع المدني.".into(),
        )
        .unwrap();
        let story = Story {
            id: "collapse".into(),
            title: "انهيار".into(),
            title_inferred: false,
            dir: "collapse".into(),
            analysis: Default::default(),
            cache: None,
            storage: crate::corpus::Storage::Corpus,
            articles: vec![article],
        };
        let json = serde_json::to_value(story_doc(&story)).unwrap();
        let claims = json["articles"][0]["segments"][1]["claims"]
            .as_array()
            .unwrap();
        let count = claims.iter().find(|c| c["kind"] == "count").unwrap();
        assert_eq!(count["role"], "killed");
        assert_eq!(count["amount"], "9");
        let text = &story.articles[0].text;
        let span = |c: &serde_json::Value| {
            &text[c["start"].as_u64().unwrap() as usize..c["end"].as_u64().unwrap() as usize]
        };
        assert_eq!(span(count), "تسعة أشخاص");
        let day = claims.iter().find(|c| c["kind"] == "weekday").unwrap();
        assert_eq!((span(day), day["value"].as_str()), ("الجمعة", Some("6")));
        let who = count["attribution"].as_array().unwrap();
        let (a, b) = (
            who[0].as_u64().unwrap() as usize,
            who[1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], "الدفاع المدني");
    }

    #[test]
    fn contradictions_of_one_role_are_one_dispute() {
        let texts = [
            (
                "a.txt",
                "غرق مركب\nلقي 12 شخصا حتفهم في غرق مركب صيد قبالة الساحل يوم الجمعة.",
            ),
            (
                "b.txt",
                "غرق قارب\nأسفر غرق مركب الصيد قبالة الساحل يوم الجمعة عن مقتل 15 شخصا.",
            ),
            (
                "c.txt",
                "غرق\nبلغ عدد قتلى غرق مركب الصيد قبالة الساحل يوم السبت 15 قتيلا.",
            ),
        ];
        let articles: Vec<Article> = texts
            .iter()
            .map(|(f, t)| Article::from_text(f.to_string(), t.to_string()).unwrap())
            .collect();
        let story = Story {
            id: "boat".into(),
            title: "غرق".into(),
            title_inferred: false,
            dir: "boat".into(),
            analysis: Default::default(),
            cache: None,
            storage: crate::corpus::Storage::Corpus,
            articles,
        };
        let json = serde_json::to_value(story_doc(&story)).unwrap();
        let disputes = json["disputes"].as_array().unwrap();
        let toll: Vec<_> = disputes
            .iter()
            .filter(|d| d["measure_key"] == "count:killed")
            .collect();
        assert_eq!(toll.len(), 1, "{disputes:?}");
        let sides = toll[0]["sides"].as_array().unwrap();
        let values: Vec<&str> = sides.iter().map(|s| s["value"].as_str().unwrap()).collect();
        assert_eq!(values, ["12", "15"]);
        assert_eq!(sides[0]["segments"][0], "a:1");
        let id = toll[0]["id"].as_str().unwrap();
        assert!(crate::compare::ids::is_contradiction_id(id));
    }
}
