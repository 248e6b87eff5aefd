//! Contradiction precision and recall on the ANS stance corpus.
//!
//! Each row's `s1` and `s2` become two one-sentence articles of one story;
//! a row is predicted "disagree" when Mizan links them as a contradiction.
//!
//! `cargo run --release --example ans_stance -- ../shared/data/ans/stance_dev.csv`

use mizan::analysis::analyze;
use mizan::compare::Relation;
use mizan::corpus::Article;

fn main() {
    let path = std::env::args().nth(1).expect("usage: ans_stance FILE.csv");
    let data = std::fs::read_to_string(&path).expect("readable CSV");
    let (mut tp, mut fp, mut fn_, mut rows, mut skipped, mut linked) = (0, 0, 0, 0, 0, 0);
    for line in data.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() != 3 {
            skipped += 1;
            continue;
        }
        rows += 1;
        let articles = [fields[0], fields[1]]
            .map(|s| Article::from_text(format!("{}.txt", s.len()), s.to_string()));
        let [Ok(a), Ok(b)] = articles else {
            skipped += 1;
            continue;
        };
        let an = analyze(&[a, b]);
        linked += usize::from(!an.links.is_empty());
        let predicted = an.links.iter().any(|l| l.relation == Relation::Contradict);
        let gold = fields[2] == "disagree";
        match (predicted, gold) {
            (true, true) => tp += 1,
            (true, false) => {
                fp += 1;
                if std::env::var_os("ANS_SHOW_FALSE").is_some() {
                    for l in an
                        .links
                        .iter()
                        .filter(|l| l.relation == Relation::Contradict)
                    {
                        eprintln!("false: {} | {} | {:?}", fields[0], fields[1], l.differences);
                    }
                }
            }
            (false, true) => {
                fn_ += 1;
                if std::env::var_os("ANS_SHOW_MISSED").is_some() {
                    let linked = an.links.first().map(|l| format!("{:?}", l.relation));
                    eprintln!("missed: {} | {} | {linked:?}", fields[0], fields[1]);
                }
            }
            _ => {}
        }
    }
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    println!("rows {rows} (skipped {skipped}), pairs linked {linked}");
    println!(
        "disagree: flagged {} true {tp} false {fp} missed {fn_}",
        tp + fp
    );
    println!("contradiction precision {p:.3} recall {r:.3}");
}
