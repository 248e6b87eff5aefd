//! The bundled seeds load faithfully: exact offsets, full coverage, and the
//! structures the seeds really contain (glued headlines, a date prefix,
//! tweets, a translation disclaimer, a trailing outlet name, quotations
//! with full stops) come out as the right kinds of segment.

use mizan::corpus::{self, Article, Corpus};
use mizan::text::SegmentKind;
use std::path::Path;

fn seeds() -> Corpus {
    corpus::load(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .as_path(),
    )
    .expect("seeds load")
}

fn article<'c>(corpus: &'c Corpus, prefix: &str) -> &'c Article {
    corpus.stories[0]
        .articles
        .iter()
        .find(|a| a.id.starts_with(prefix))
        .expect("seed article")
}

fn kinds_and_texts(a: &Article) -> Vec<(SegmentKind, &str)> {
    a.segments
        .iter()
        .map(|s| (s.kind, a.segment_text(s)))
        .collect()
}

#[test]
fn seeds_are_one_story_of_five_articles_without_problems() {
    let corpus = seeds();
    assert_eq!(corpus.stories.len(), 1);
    assert_eq!(corpus.stories[0].id, "seeds");
    assert_eq!(corpus.stories[0].articles.len(), 5);
    assert!(
        !corpus.stories[0].title_inferred,
        "seeds/story.toml gives the title"
    );
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
}

#[test]
fn every_non_space_byte_is_in_exactly_one_segment() {
    let corpus = seeds();
    for a in &corpus.stories[0].articles {
        let raw = std::fs::read(corpus.stories[0].dir.join(&a.file)).unwrap();
        assert_eq!(
            a.text.as_bytes(),
            raw.as_slice(),
            "{}: text is the file's bytes",
            a.id
        );
        let mut covered = vec![0u8; raw.len()];
        let mut last_end = 0;
        for s in &a.segments {
            assert!(
                s.start >= last_end && s.start < s.end,
                "{}: ordered, non-empty, disjoint",
                a.id
            );
            last_end = s.end;
            covered[s.start..s.end].iter_mut().for_each(|c| *c += 1);
            let text = a.segment_text(s);
            assert_eq!(text, text.trim(), "{}: segments are trimmed", a.id);
        }
        for (i, c) in a.text.char_indices() {
            assert!(
                c.is_whitespace() || covered[i] == 1,
                "{}: {c:?} at byte {i} uncovered",
                a.id
            );
        }
    }
}

#[test]
fn glued_headlines_are_single_titles() {
    let corpus = seeds();
    let a = article(&corpus, "004");
    assert_eq!(
        kinds_and_texts(a)[0],
        (
            SegmentKind::Title,
            "بعد محاولة اغتيال الكاظمي.. انتشار مكثف للجيش العراقي تحسبًا للطوارئ"
        )
    );
    assert_eq!(
        a.title,
        "بعد محاولة اغتيال الكاظمي.. انتشار مكثف للجيش العراقي تحسبًا للطوارئ"
    );
    let b = article(&corpus, "002");
    assert_eq!(kinds_and_texts(b)[0].0, SegmentKind::Title);
    assert!(!b.title_inferred);
    for prefix in ["000", "001", "003"] {
        let a = article(&corpus, prefix);
        assert_eq!(
            a.count(SegmentKind::Title),
            0,
            "{prefix} opens with a sentence, not a headline"
        );
        assert!(a.title_inferred);
    }
}

#[test]
fn date_prefix_tweets_and_handles_are_metadata_or_foreign() {
    let corpus = seeds();
    let a = article(&corpus, "001");
    let segs = kinds_and_texts(a);
    assert_eq!(segs[0], (SegmentKind::Metadata, "date 2021-11"));
    assert_eq!(segs[1].0, SegmentKind::Sentence);
    assert!(segs[1].1.starts_with("استهدفت طائرة مسيرة"));
    let foreign: Vec<&str> = segs
        .iter()
        .filter(|s| s.0 == SegmentKind::Foreign)
        .map(|s| s.1)
        .collect();
    assert!(
        foreign
            .iter()
            .any(|t| t.starts_with("We're following the reported drone attack"))
    );
    assert!(
        foreign
            .iter()
            .any(|t| t.starts_with("The #Iraqi Prime Minister,")),
        "a hashtag inside a sentence stays"
    );
    assert!(
        foreign.iter().all(|t| !t.contains("https://")),
        "links are not part of tweet sentences"
    );
    let metadata: Vec<&str> = segs
        .iter()
        .filter(|s| s.0 == SegmentKind::Metadata)
        .map(|s| s.1)
        .collect();
    assert!(metadata.contains(&"https://t.co/sD2Kp0UvcX"));
    assert!(
        metadata
            .iter()
            .any(|t| t.ends_with("pic.twitter.com/kDXfCfj9jf"))
    );
    assert!(
        metadata
            .iter()
            .any(|t| t.starts_with('—') && t.contains("(@SarwanBarzani_)"))
    );
    for s in &a.segments {
        if s.kind == SegmentKind::Foreign {
            assert_eq!(s.lang, "en");
        }
    }
}

#[test]
fn disclaimer_and_outlet_are_boilerplate() {
    let corpus = seeds();
    let a = article(&corpus, "000");
    let (kind, text) = *kinds_and_texts(a).last().unwrap();
    assert_eq!(kind, SegmentKind::Boilerplate);
    assert!(text.starts_with("The English, Chinese, Japanese, Arabic, and French versions"));
    assert!(text.ends_with("(system supported by DigitalSiber.id)"));
    let b = article(&corpus, "002");
    assert_eq!(
        *kinds_and_texts(b).last().unwrap(),
        (SegmentKind::Boilerplate, "روداو")
    );
}

#[test]
fn quotations_with_full_stops_stay_in_their_sentence() {
    let corpus = seeds();
    let a = article(&corpus, "003");
    let texts: Vec<&str> = a.segments.iter().map(|s| a.segment_text(s)).collect();
    let quote = texts.iter().find(|t| t.contains("«كنت وما زلت")).unwrap();
    assert!(quote.starts_with("بعد الهجوم، دعا الكاظمي") && quote.ends_with("في نصابه»."));
    // Two quoted sentences on one line are two sentences.
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("وقال المصدر إن «ثلاث") && t.ends_with("أسقطتا»."))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("وأضاف أن «الطائرة الثالثة"))
    );
    // A spaced full stop after a quoted phrase still ends the sentence.
    let b = article(&corpus, "000");
    let texts: Vec<&str> = b.segments.iter().map(|s| b.segment_text(s)).collect();
    assert!(texts.iter().any(|t| t.ends_with("\" بصحة جيدة \" .")));
    assert!(texts.contains(&"ولم يرد مزيد من التفسيرات فى البيان ."));
}
