//! A desk's verdicts as an evaluation gold file.
//!
//! In: a story and its verdicts. Out: a gold file in the format of
//! `shared/eval/score.py`: confirmed disputes and pairs become
//! `contradictions` (each value with its sentences), false alarms and
//! updates become `neutral` pairs; "needs checking" is left out. `facts` is
//! empty: verdicts say nothing about which sentences agree.
//!
//! Rules: a sentence is named as the scorer finds it: `source` is the
//! article id followed by `.` (so `a` never matches `ab.txt`), `text` the
//! whole sentence, which occurs in one sentence of that file.

use super::{Record, Verdict};
use crate::corpus::Story;
use serde_json::{Value, json};

/// The scorer's reference to unit `u` of `story`.
fn reference(story: &Story, u: usize) -> Value {
    let unit = &story.analysis().units[u];
    let a = &story.articles[unit.article];
    json!({
        "source": format!("{}.", a.id),
        "text": a.segment_text(&a.segments[unit.segment]),
    })
}

/// The gold file of `story` from `verdicts`; `corpus` names its folder.
pub fn gold(story: &Story, verdicts: &[Record], corpus: &str) -> Value {
    let an = &story.analysis();
    let mut contradictions = Vec::new();
    let mut neutral = Vec::new();
    for r in verdicts {
        // The pairs of sentences the verdict is about, and (for a dispute)
        // its sides.
        let (sides, links): (Vec<(String, Vec<usize>)>, Vec<usize>) =
            if let Some(d) = an.disputes.iter().find(|d| d.id == r.target) {
                (
                    d.sides
                        .iter()
                        .map(|s| (s.value.clone(), s.units.clone()))
                        .collect(),
                    d.links.clone(),
                )
            } else if let Some(c) = an.contradictions.iter().find(|c| c.id == r.target) {
                let l = &an.links[c.link];
                (
                    vec![("a".into(), vec![l.a]), ("b".into(), vec![l.b])],
                    vec![c.link],
                )
            } else {
                continue; // an orphan: nothing in the files to point at
            };
        match r.verdict {
            Verdict::Confirmed => {
                let sides: serde_json::Map<String, Value> = sides
                    .iter()
                    .map(|(v, us)| (v.clone(), us.iter().map(|&u| reference(story, u)).collect()))
                    .collect();
                contradictions.push(json!({
                    "id": r.target,
                    "about": format!("confirmed by {}: {}", r.reviewer, r.note),
                    "sides": sides,
                }));
            }
            Verdict::FalseAlarm | Verdict::Update => {
                let pairs: Vec<Value> = links
                    .iter()
                    .map(|&l| {
                        let link = &an.links[l];
                        json!([reference(story, link.a), reference(story, link.b)])
                    })
                    .collect();
                neutral.push(json!({
                    "id": r.target,
                    "about": format!("{} by {}: {}", r.verdict.key(), r.reviewer, r.note),
                    "pairs": pairs,
                }));
            }
            Verdict::NeedsCheck => {}
        }
    }
    json!({
        "corpus": corpus,
        "note": format!("Verdicts of the desk on story {}, written by `mizan export --gold`.", story.id),
        "facts": [],
        "contradictions": contradictions,
        "neutral": neutral,
    })
}
