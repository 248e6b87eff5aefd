//! Alignment on small stories written for these tests.

use super::analyze;
use crate::document::Article;

fn articles(texts: &[&str]) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_text(format!("a{i}.txt"), t.to_string()).unwrap())
        .collect()
}

fn linked(an: &super::Analysis, a: (usize, usize), b: (usize, usize)) -> bool {
    let (ua, ub) = (an.unit_of(a.0, a.1).unwrap(), an.unit_of(b.0, b.1).unwrap());
    an.links
        .iter()
        .any(|l| (l.a, l.b) == (ua, ub) || (l.a, l.b) == (ub, ua))
}

#[test]
fn paraphrases_link_and_unrelated_sentences_do_not() {
    let arts = articles(&[
        "قال الدفاع المدني إن حريقا كبيرا اندلع في سوق الخضار بمدينة صفاقس. وأدانت النقابة قرار إغلاق الميناء.",
        "أفاد الدفاع المدني بأن حريقا هائلا شب في سوق الخضار في صفاقس. وارتفعت أسعار الوقود في البلاد.",
    ]);
    let an = analyze(&arts);
    assert!(linked(&an, (0, 0), (1, 0)), "{:?}", an.links);
    assert!(!linked(&an, (0, 1), (1, 1)));
    assert!(!linked(&an, (0, 0), (1, 1)));
}

#[test]
fn the_words_of_a_phrase_weigh_one_word_together() {
    let arts = articles(&[
        "قصفت المدفعية مقر إقامة السفير في المدينة الساحلية.",
        "تعرض منزل السفير لقصف مدفعي في المدينة الساحلية.",
    ]);
    let an = analyze(&arts);
    let u = &an.units[an.unit_of(0, 0).unwrap()];
    let text = &arts[0].text;
    let at = |word: &str| {
        u.tokens
            .iter()
            .position(|t| &text[t.start..t.end] == word)
            .unwrap()
    };
    let (seat, residence, envoy) = (at("مقر"), at("إقامة"), at("السفير"));
    // مقر إقامة is one synonym (a residence): its two words give their
    // stems at half weight each, and so does the group (carried by both
    // words); a word outside it weighs in full.
    assert_eq!(u.scale(&[seat]), 0.5);
    assert_eq!(u.scale(&[residence]), 0.5);
    assert_eq!(u.scale(&[seat, residence]), 0.5);
    assert_eq!(u.scale(&[envoy]), 1.0);
    assert_eq!(u.scale(&[seat, envoy]), 1.0);
    // The phrase and its one-word synonym still meet.
    assert!(linked(&an, (0, 0), (1, 0)), "{:?}", an.links);
}

#[test]
fn synonyms_and_name_variants_carry_a_link() {
    let arts = articles(&[
        "استهدفت طائرة بدون طيار مقر إقامة الرئيس زيلينسكي في كييف. وقال مكتب الرئيس الأوكراني زيلينسكي إنه بخير.",
        "استهدفت طائرة مسيرة منزل الرئيس زيلنسكي في كييف. وأكد مكتب الرئيس الأوكراني زيلنسكي أنه بخير.",
    ]);
    let an = analyze(&arts);
    assert!(linked(&an, (0, 0), (1, 0)), "{:?}", an.links);
    let ua = an.unit_of(0, 0).unwrap();
    let link = an.links.iter().find(|l| l.a == ua).unwrap();
    let shared: Vec<_> = an.shared(link).collect();
    assert!(
        shared
            .iter()
            .any(|f| matches!(f, super::Feature::Synonym(_))),
        "{shared:?}"
    );
    assert!(
        an.entities
            .forms
            .iter()
            .any(|f| f.iter().any(|w| w == "زيلينسكي") && f.iter().any(|w| w == "زيلنسكي")),
        "{:?}",
        an.entities.forms
    );
}

#[test]
fn a_bounded_count_shares_its_number_with_an_exact_one() {
    let arts = articles(&[
        "وأطلقت الشرطة الرصاص المطاطي مما أسفر عن مقتل متظاهر واحد على الأقل في المدينة.",
        "وتحولت المسيرة إلى مواجهات مع الشرطة راح ضحيتها أحد المتظاهرين.",
    ]);
    let an = analyze(&arts);
    let ua = an.unit_of(0, 0).unwrap();
    let link = an.links.iter().find(|l| l.a == ua);
    let shared: Vec<_> = link.map(|l| an.shared(l).collect()).unwrap_or_default();
    assert!(
        shared
            .iter()
            .any(|f| matches!(f, super::Feature::Value(v) if v.starts_with("count:1:"))),
        "{shared:?}"
    );
    // A vague amount states no number.
    let vague = articles(&["أصيب عدد من الحراس في الهجوم."]);
    let an = analyze(&vague);
    assert!(
        !an.units[0]
            .features
            .iter()
            .any(|(f, _)| matches!(f, super::Feature::Value(_))),
        "{:?}",
        an.units[0].features
    );
}

#[test]
fn links_join_different_articles_once_with_scores_in_range() {
    let arts = articles(&[
        "أعلنت وزارة الصحة تسجيل إصابات جديدة بالكوليرا في حلب.",
        "سجلت وزارة الصحة إصابات جديدة بالكوليرا في مدينة حلب.",
        "وزارة الصحة تعلن إصابات جديدة بالكوليرا في حلب.",
    ]);
    let an = analyze(&arts);
    assert_eq!(an.links.len(), 3, "{:?}", an.links);
    for l in &an.links {
        assert!(an.units[l.a].article < an.units[l.b].article);
        assert!((0.0..=1.0).contains(&l.score));
    }
}

fn unit(article: usize) -> super::Unit {
    super::Unit {
        article,
        ..Default::default()
    }
}

fn candidate(a: usize, b: usize, score: f64) -> super::score::Candidate {
    super::score::Candidate {
        a,
        b,
        score,
        shared: Vec::new(),
    }
}

#[test]
fn a_third_source_bridges_two_weakly_matching_sentences() {
    use super::score::{BEST_MATCH_THRESHOLD, BRIDGED_THRESHOLD, LINK_THRESHOLD, by_score};
    // Units 0, 1, 2 and 3 in articles 0, 1, 2 and 1.
    let units = [unit(0), unit(1), unit(2), unit(1)];
    let weak = (BRIDGED_THRESHOLD + BEST_MATCH_THRESHOLD) / 2.0;
    let scored = [
        candidate(0, 2, LINK_THRESHOLD + 0.1),
        candidate(1, 2, LINK_THRESHOLD + 0.1),
        // Unit 3 is unit 0's best partner in article 1, so 0-1 is not.
        candidate(0, 3, weak + 0.01),
        candidate(0, 1, weak),
    ];
    assert_eq!(by_score(&units, &scored), [true, true, false, true]);
    // Without the bridge through unit 2, the same score is no link.
    let unbridged = [scored[2].clone(), scored[3].clone()];
    assert_eq!(by_score(&units, &unbridged), [false, false]);
    // Below the bridged threshold, the bridge is not enough.
    let mut low = scored.clone();
    low[3].score = BRIDGED_THRESHOLD / 2.0;
    assert!(!by_score(&units, &low)[3]);
}

#[test]
fn a_title_is_linked_by_its_own_score_only() {
    use super::score::{BEST_MATCH_THRESHOLD, LINK_THRESHOLD, by_score};
    // Two scores between the best-partner and the link thresholds.
    let step = (LINK_THRESHOLD - BEST_MATCH_THRESHOLD) / 3.0;
    let (weak, less_weak) = (
        BEST_MATCH_THRESHOLD + step,
        BEST_MATCH_THRESHOLD + 2.0 * step,
    );
    // Unit 1 is a sentence's only partner in article 1: linked as its best
    // partner when it is a sentence, not when it is that article's title.
    let mut units = [unit(0), unit(1)];
    let scored = [candidate(0, 1, weak)];
    assert_eq!(by_score(&units, &scored), [true]);
    units[1].title = true;
    assert_eq!(by_score(&units, &scored), [false]);
    // A title's strong pair stays a link.
    assert_eq!(
        by_score(&units, &[candidate(0, 1, LINK_THRESHOLD + 0.01)]),
        [true]
    );
    // A weak title pair does not take a sentence's best-partner place: unit
    // 2, a sentence of article 1, is unit 0's best sentence partner there.
    let units = [
        unit(0),
        {
            let mut t = unit(1);
            t.title = true;
            t
        },
        unit(1),
    ];
    let scored = [candidate(0, 1, less_weak), candidate(0, 2, weak)];
    assert_eq!(by_score(&units, &scored), [false, true]);
}

#[test]
fn a_conflict_links_a_weak_pair_of_sentences_but_not_a_title() {
    use super::{CONTRADICTION_LINK_THRESHOLD, CONTRADICTION_SHARED, conflict_link};
    use crate::compare::Relation;
    let mut c = candidate(0, 1, CONTRADICTION_LINK_THRESHOLD + 0.01);
    c.shared = (0..CONTRADICTION_SHARED as u32).collect();
    let (mut a, mut b) = (unit(0), unit(1));
    a.features = (0..CONTRADICTION_SHARED as u32)
        .map(|g| (super::Feature::Synonym(g), Vec::new()))
        .collect();
    assert!(conflict_link(&a, &b, Relation::Contradict, &c));
    assert!(!conflict_link(&a, &b, Relation::Agree, &c));
    b.title = true;
    assert!(!conflict_link(&a, &b, Relation::Contradict, &c));
    assert!(!conflict_link(&b, &a, Relation::Contradict, &c));
}

#[test]
fn two_tolls_are_one_fact_in_any_wording() {
    let arts = articles(&[
        "وأفادت مصادر طبية بأن 23 شخصا لقوا حتفهم حتى مساء اليوم. وتواصل فرق الإنقاذ رفع الركام بحثا عن ناجين. وزار المحافظ موقع الانفجار.",
        "من جهتها، أعلنت وزارة الصحة أن حصيلة القتلى ارتفعت إلى 31. وطالب نواب بفتح تحقيق في أسباب الانفجار. وأغلقت الشرطة الطرق المؤدية إلى الحي.",
    ]);
    let an = analyze(&arts);
    assert!(linked(&an, (0, 0), (1, 0)), "{:?}", an.links);
    // A toll of another year is another toll.
    let arts = articles(&[
        "وأفادت مصادر طبية بأن 23 شخصا لقوا حتفهم حتى مساء اليوم. وتواصل فرق الإنقاذ رفع الركام بحثا عن ناجين. وزار المحافظ موقع الانفجار.",
        "وكان انفجار مماثل عام 2015 قد أودى بحياة 31 شخصا. وطالب نواب بفتح تحقيق في أسباب الانفجار. وأغلقت الشرطة الطرق المؤدية إلى الحي.",
    ]);
    let an = analyze(&arts);
    assert!(!linked(&an, (0, 0), (1, 0)), "{:?}", an.links);
}

#[test]
fn a_sentence_of_last_year_is_not_linked_to_the_event() {
    let arts = articles(&[
        "قتل 7 أشخاص في حريق بمصنع للأخشاب في مدينة الرمادي.",
        "وفي العام الماضي، قتل 11 شخصا في حريق بمصنع للأخشاب في مدينة الرمادي.",
    ]);
    let an = analyze(&arts);
    assert!(an.links.is_empty(), "{:?}", an.links);
}

#[test]
fn a_rounded_figure_joins_the_side_of_the_same_figure() {
    let arts = articles(&[
        "قتل 20 شخصا في انفجار مصنع الأسمدة يوم الاثنين.",
        "قتل نحو 20 شخصا في انفجار مصنع الأسمدة يوم الاثنين.",
        "قتل 35 شخصا في انفجار مصنع الأسمدة يوم الاثنين.",
    ]);
    let an = super::analyze(&arts);
    let toll = an
        .disputes
        .iter()
        .find(|d| d.measure == super::Measure::Count(crate::claims::Role::Killed))
        .expect("a dispute over the toll");
    let sides: Vec<(&str, Vec<usize>)> = toll
        .sides
        .iter()
        .map(|s| {
            let mut arts: Vec<usize> = s.units.iter().map(|&u| an.units[u].article).collect();
            arts.dedup();
            (s.value.as_str(), arts)
        })
        .collect();
    assert_eq!(
        sides,
        vec![("20", vec![0, 1]), ("35", vec![2])],
        "{sides:?}"
    );
}

#[test]
fn a_fact_told_by_hundreds_of_articles_still_links() {
    use crate::align::score::MAX_POSTINGS;
    // Every word of the fact is in more sentences than may propose pairs.
    let texts: Vec<String> = (0..MAX_POSTINGS + 40)
        .map(|i| {
            let verb = ["أعلنت", "أكدت"][i % 2];
            format!("{verb} وزارة الصحة ارتفاع حصيلة ضحايا الفيضانات في الإقليم يوم الأحد.")
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let an = analyze(&articles(&refs));
    assert!(an.links.len() >= MAX_POSTINGS, "{} links", an.links.len());
    // Linked in chains, the tellers form one fact.
    let biggest = an.facts.iter().map(|f| f.units.len()).max().unwrap();
    assert!(biggest > MAX_POSTINGS, "{biggest}");
}

#[test]
fn the_synonym_group_of_every_token_is_worked_out_once_and_the_same() {
    let arts = articles(&[
        "استهدفت طائرة بدون طيار مقرا للشرطة فجر الأحد. ولم تعلن أي جهة مسؤوليتها عن الهجوم.",
        "قصفت طائرة مسيرة مركزا للشرطة صباح الاثنين. ولم تتبن أي جماعة المسؤولية.",
    ]);
    let an = analyze(&arts);
    let mut grouped = 0;
    for u in &an.units {
        assert_eq!(u.groups.len(), u.tokens.len());
        // A copy without the table works each group out from the features.
        let bare = super::Unit {
            groups: Vec::new(),
            ..u.clone()
        };
        for k in 0..u.tokens.len() {
            assert_eq!(u.group_of(k), bare.group_of(k), "token {k}");
            grouped += usize::from(u.groups[k].is_some());
        }
    }
    // طائرة بدون طيار / طائرة مسيرة and the claim of responsibility are
    // synonym groups: the table is not all empty.
    assert!(grouped >= 2, "{grouped}");
}

#[test]
fn a_rising_toll_is_not_the_opposite_of_a_collapse_but_a_falling_count_is() {
    let contradicts = |an: &super::Analysis| {
        an.links
            .iter()
            .filter(|l| l.relation == crate::compare::Relation::Contradict)
            .count()
    };
    // "The building collapsed" and "the toll of the collapse rose": one
    // event and its toll, no opposite meanings.
    let arts = articles(&[
        "انهار مبنى سكني من ستة طوابق في حي الشاطئ بمدينة بنغازي فجر اليوم.",
        "ارتفع عدد ضحايا المبنى السكني المنهار في حي الشاطئ بمدينة بنغازي فجر اليوم.",
    ]);
    let an = analyze(&arts);
    assert!(linked(&an, (0, 0), (1, 0)), "{:?}", an.links);
    assert_eq!(contradicts(&an), 0, "{:?}", an.links);
    // A count that rose against the same count that fell still differs.
    let arts = articles(&[
        "ارتفع عدد السياح الوافدين إلى مدينة الأقصر خلال الشهر الماضي.",
        "تراجع عدد السياح الوافدين إلى مدينة الأقصر خلال الشهر الماضي.",
    ]);
    let an = analyze(&arts);
    assert_eq!(contradicts(&an), 1, "{:?}", an.links);
}
