//! Shows what Mizan sees in sentences: their features and, for two of them,
//! what they share. A tool for tuning the engine.
//!
//! `cargo run --example explain -- seeds 000:0 003:10` (article id prefix and
//! segment index); `-- seeds dump` prints every unit's weighted features and
//! `-- seeds candidates` every scored pair, linked or not; `-- seeds stem
//! WORD…` the story's stem of each word.

use mizan::align::score::weights;
use mizan::corpus;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = corpus::load(std::path::Path::new(&args[0])).expect("corpus");
    let story = &corpus.stories[0];
    let an = &story.analysis();
    let w = weights(&an.units);
    for (i, forms) in an.entities.forms.iter().enumerate() {
        println!("entity {i}: {}", forms.join(" "));
    }
    let find = |spec: &str| {
        let (a, s) = spec.split_once(':').unwrap();
        let ai = story
            .articles
            .iter()
            .position(|x| x.id.starts_with(a))
            .unwrap();
        an.unit_of(ai, s.parse().unwrap()).unwrap()
    };
    if args.get(1).map(String::as_str) == Some("stem") {
        // The story's stems of the words that follow.
        for word in &args[2..] {
            let key = mizan::text::normalize::normalize(word);
            println!(
                "{word}\t{key}\t{}\t{}",
                an.stemmer.bare(&key),
                an.stemmer.stem(&key)
            );
        }
        return;
    }
    if args.get(1).map(String::as_str) == Some("claims") {
        // Every unit's frame and claims.
        for u in &an.units {
            let text = &story.articles[u.article].text;
            let framed: Vec<&str> = u
                .tokens
                .iter()
                .zip(&u.reading.frame)
                .filter(|(_, f)| **f)
                .map(|(t, _)| &text[t.start..t.end])
                .collect();
            println!(
                "{}:{} frame «{}» past {} about_cause {}",
                story.articles[u.article].id,
                u.segment,
                framed.join(" "),
                u.reading.past,
                u.reading.about_cause
            );
            for c in &u.reading.claims {
                println!(
                    "    {:?} {:?} «{}»",
                    c.kind,
                    c.modality,
                    &text[c.start..c.end]
                );
            }
        }
        return;
    }
    if args.get(1).map(String::as_str) == Some("dump") {
        // Every unit's features and weights, one JSON line each.
        for u in &an.units {
            let feats: Vec<String> = u
                .features
                .iter()
                .map(|(f, _)| format!("{:?}\u{1}{}", f, w[f]))
                .collect();
            println!(
                "{}:{}\t{}",
                story.articles[u.article].id,
                u.segment,
                feats.join("\u{2}")
            );
        }
        return;
    }
    if args.get(1).map(String::as_str) == Some("candidates") {
        // Every scored pair, linked or not: `a b score shared linked`.
        let scored = mizan::align::score::candidates(&an.units);
        let keep = mizan::align::score::by_score(&an.units, &scored);
        for (c, k) in scored.iter().zip(keep) {
            let id = |u: usize| {
                let unit = &an.units[u];
                mizan::story_json::segment_id(&story.articles[unit.article].id, unit.segment)
            };
            let shared: Vec<String> = c
                .features(&an.units[c.a])
                .map(|f| format!("{:?}={:.2}", f, w[f]))
                .collect();
            println!(
                "{}\t{}\t{:.4}\t{}\t{}\t{}",
                id(c.a),
                id(c.b),
                c.score,
                c.shared.len(),
                k,
                shared.join(" ")
            );
        }
        return;
    }
    let units: Vec<usize> = args[1..].iter().map(|s| find(s)).collect();
    for &u in &units {
        let unit = &an.units[u];
        let text = &story.articles[unit.article].text;
        println!(
            "--- {}",
            &text[unit.tokens[0].start..unit.tokens.last().unwrap().end]
        );
        for (f, toks) in &unit.features {
            let words: Vec<&str> = toks
                .iter()
                .map(|&t| &text[unit.tokens[t].start..unit.tokens[t].end])
                .collect();
            println!("  {:.2} {:?} {}", w[f], f, words.join(" "));
        }
        for q in &unit.quantities {
            println!(
                "  quantity {:?} {:?} «{}»",
                q.amount,
                q.kind,
                &text[q.start..q.end]
            );
        }
    }
    if units.len() == 2 {
        for l in &an.links {
            if (l.a == units[0] && l.b == units[1]) || (l.a == units[1] && l.b == units[0]) {
                println!(
                    "link score {:.3} {:?} shared {:?} {:?}",
                    l.score,
                    l.relation,
                    an.shared(l).collect::<Vec<_>>(),
                    l.differences
                );
            }
        }
    }
}
