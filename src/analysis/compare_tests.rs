//! Agree and contradict on small stories written for these tests.

use crate::analysis::analyze;
use crate::compare::Relation;
use crate::document::Article;

fn story(texts: &[&str]) -> (Vec<Article>, crate::analysis::Analysis) {
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_text(format!("a{i}.txt"), t.to_string()).unwrap())
        .collect();
    let analysis = analyze(&articles);
    (articles, analysis)
}

/// The relation of the only link between the first sentences of a0 and a1.
pub(super) fn relation(a: &str, b: &str) -> Option<(Relation, Vec<super::Difference>)> {
    let (_, an) = story(&[a, b]);
    an.links
        .first()
        .map(|l| (l.relation, l.differences.clone()))
}

#[test]
fn a_singular_against_three_contradicts() {
    let (rel, diffs) = relation(
        "قصفت مروحية عسكرية مستودع الذخيرة في مدينة حمص فجر الثلاثاء.",
        "قصفت ثلاث مروحيات عسكرية مستودع الذخيرة في مدينة حمص فجر الثلاثاء.",
    )
    .expect("the two sentences are linked");
    assert_eq!(rel, Relation::Contradict);
    let d = diffs.iter().find(|d| d.kind.as_str() == "number").unwrap();
    assert_eq!(d.a, "مروحية");
    assert_eq!(d.b, "ثلاث مروحيات");
    assert!(d.note.contains('3'), "{}", d.note);
}

#[test]
fn digits_and_words_agree() {
    let (rel, diffs) = relation(
        "أعلنت الشرطة اعتقال ستة من أعضاء الخلية في مدينة طنجة.",
        "أعلنت الشرطة اعتقال 6 من أعضاء الخلية في مدينة طنجة.",
    )
    .unwrap();
    assert_eq!(rel, Relation::Agree);
    assert!(diffs.is_empty(), "{diffs:?}");
}

#[test]
fn different_counts_of_one_noun_contradict() {
    let (rel, _) = relation(
        "أسفر الزلزال عن مقتل 12 شخصا في قرى إقليم الحوز.",
        "أسفر الزلزال عن مقتل 30 شخصا في قرى إقليم الحوز.",
    )
    .unwrap();
    assert_eq!(rel, Relation::Contradict);
}

#[test]
fn vague_and_bounded_amounts_are_compatible() {
    let (rel, diffs) = relation(
        "أصيب عدد من رجال الإطفاء خلال إخماد حريق المصنع في الإسكندرية.",
        "أصيب خمسة من رجال الإطفاء خلال إخماد حريق المصنع في الإسكندرية.",
    )
    .unwrap();
    assert_eq!(rel, Relation::Agree);
    assert!(
        diffs.iter().any(|d| d.kind.as_str() == "specificity"),
        "{diffs:?}"
    );
    let (rel, _) = relation(
        "قتل أكثر من 40 مدنيا في قصف السوق الشعبي بمدينة إدلب.",
        "قتل 45 مدنيا في قصف السوق الشعبي بمدينة إدلب.",
    )
    .unwrap();
    assert_eq!(rel, Relation::Agree);
}

#[test]
fn dates_in_digits_and_ordinals_agree_and_differ() {
    let (rel, _) = relation(
        "تجري الانتخابات البلدية في 12 مايو في كل المحافظات.",
        "تجري الانتخابات البلدية في الثاني عشر من مايو في كل المحافظات.",
    )
    .unwrap();
    assert_eq!(rel, Relation::Agree);
    let (rel, diffs) = relation(
        "تجري الانتخابات البلدية في 12 مايو في كل المحافظات.",
        "تجري الانتخابات البلدية في 19 مايو في كل المحافظات.",
    )
    .unwrap();
    assert_eq!(rel, Relation::Contradict);
    assert_eq!(diffs[0].kind.as_str(), "date");
}

#[test]
fn a_definite_singular_refers_back_and_does_not_count() {
    let (rel, _) = relation(
        "وأطلقت المروحية نيرانها على مستودع الذخيرة في مدينة حمص.",
        "قصفت ثلاث مروحيات مستودع الذخيرة في مدينة حمص.",
    )
    .unwrap_or((Relation::Related, vec![]));
    assert_ne!(rel, Relation::Contradict);
}

#[test]
fn a_singular_under_a_pronoun_is_definite_and_does_not_count() {
    // «طائرتها» (its drone) refers back like «الطائرة», and «مسؤوليتها»
    // (its responsibility) is no count of مسؤول should the two ever share
    // a stem.
    for (a, b) in [
        (
            "قال مسؤولان في الشرطة إن الجماعة لم تعلن مسؤوليتها عن تفجير حمص.",
            "ولم تعلن الجماعة مسؤوليتها عن تفجير حمص وفق الشرطة.",
        ),
        (
            "وأطلقت الجماعة طائرتها نحو القاعدة الجوية في مدينة حمص.",
            "أطلقت الجماعة ثلاث طائرات نحو القاعدة الجوية في مدينة حمص.",
        ),
        // «مستودعهُ» (its depot), with a vowel mark on the pronoun.
        (
            "قصفت الطائرات مستودعهُ الرئيسي في مدينة حمص فجر الثلاثاء.",
            "قصفت الطائرات ثلاثة مستودعات في مدينة حمص فجر الثلاثاء.",
        ),
    ] {
        let (rel, diffs) = relation(a, b).unwrap_or((Relation::Related, vec![]));
        assert_ne!(rel, Relation::Contradict, "{a} / {b}: {diffs:?}");
    }
    // Without the pronoun, the singular counts as one.
    let (rel, _) = relation(
        "أسقطت الدفاعات مروحية فوق مستودع الذخيرة في مدينة حمص.",
        "قصفت ثلاث مروحيات مستودع الذخيرة في مدينة حمص.",
    )
    .unwrap();
    assert_eq!(rel, Relation::Contradict);
}

#[test]
fn a_statement_and_its_negation_contradict() {
    let (rel, diffs) = relation(
        "قال الدفاع المدني إن الحريق أسفر عن إصابات بين عمال مصنع النسيج في حمص.",
        "قال الدفاع المدني إن الحريق لم يسفر عن إصابات بين عمال مصنع النسيج في حمص.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
    let d = diffs
        .iter()
        .find(|d| d.kind.as_str() == "negation")
        .unwrap();
    assert_eq!(d.a, "أسفر");
    assert_eq!(d.b, "لم يسفر");
}

#[test]
fn negation_on_both_sides_and_la_yazal_agree() {
    let (rel, diffs) = relation(
        "لم تعلن أي جهة مسؤوليتها عن تفجير خط الغاز قرب مدينة العريش.",
        "ولم تعلن أي جماعة مسؤوليتها عن تفجير خط الغاز قرب مدينة العريش.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Agree, "{diffs:?}");
    let (rel, diffs) = relation(
        "لا يزال الطريق الدولي بين حلب ودمشق مغلقا أمام الشاحنات.",
        "الطريق الدولي بين حلب ودمشق مغلق أمام الشاحنات.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Agree, "{diffs:?}");
}

#[test]
fn a_word_near_a_negation_is_not_affirmed() {
    // «دون» governs «الحصول» on one side and «تمويل» on the other: the
    // financing is negated on both sides, not affirmed on one.
    let (rel, diffs) = relation(
        "لن يكتمل بناء الجسر الجديد فوق النهر قبل الصيف دون الحصول على تمويل من البنك.",
        "لن يكتمل بناء الجسر الجديد فوق النهر قبل الصيف دون تمويل من البنك.",
    )
    .expect("linked");
    assert_ne!(rel, Relation::Contradict, "{diffs:?}");
    // Plainly affirmed on one side, it contradicts.
    let (rel, diffs) = relation(
        "اكتمل بناء الجسر الجديد فوق النهر بتمويل من البنك.",
        "اكتمل بناء الجسر الجديد فوق النهر دون تمويل من البنك.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
}

#[test]
fn refusing_contradicts_doing_but_agrees_with_refusing() {
    let (rel, diffs) = relation(
        "البلدية ترفض ترخيص المهرجان الموسيقي على شاطئ المدينة هذا الصيف.",
        "البلدية تمنح ترخيص المهرجان الموسيقي على شاطئ المدينة هذا الصيف.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
    // One verb governs the permit, the other its subject: both refuse.
    let (rel, diffs) = relation(
        "بلدية ساحلية ترفض ترخيص المهرجان الموسيقي على شاطئ المدينة.",
        "رفضت بلدية ساحلية ترخيص المهرجان الموسيقي على شاطئ المدينة.",
    )
    .expect("linked");
    assert_ne!(rel, Relation::Contradict, "{diffs:?}");
}

#[test]
fn opposite_words_contradict_unless_negated() {
    let (rel, diffs) = relation(
        "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار أوبك.",
        "انخفضت أسعار النفط في الأسواق العالمية بعد قرار أوبك.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
    let d = diffs.iter().find(|d| d.kind.as_str() == "antonym").unwrap();
    assert_eq!((d.a.as_str(), d.b.as_str()), ("ارتفعت", "انخفضت"));
    // "Did not rise" and "fell" say the same.
    let (rel, diffs) = relation(
        "لم ترتفع أسعار النفط في الأسواق العالمية بعد قرار أوبك.",
        "انخفضت أسعار النفط في الأسواق العالمية بعد قرار أوبك.",
    )
    .expect("linked");
    assert_ne!(rel, Relation::Contradict, "{diffs:?}");
}

#[test]
fn opposites_of_the_wider_lexicon_contradict() {
    // Arrest and release, approval and objection, recovery and worsening,
    // imposing and lifting, granting and denying, dismissal and staying: pairs of
    // data/antonyms.txt beyond rise and fall.
    for (a, b, words) in [
        (
            "اعتقلت الشرطة الصحفي المعروف في العاصمة مساء الخميس بعد مداهمة منزله.",
            "أفرجت الشرطة عن الصحفي المعروف في العاصمة مساء الخميس بعد مداهمة منزله.",
            ("اعتقلت", "أفرجت"),
        ),
        (
            "وافق البرلمان على مشروع قانون الموازنة العامة في جلسته الطارئة.",
            "اعترض البرلمان على مشروع قانون الموازنة العامة في جلسته الطارئة.",
            ("وافق", "اعترض"),
        ),
        (
            "تعافى الاقتصاد المحلي خلال الربع الثالث وفق تقرير البنك المركزي.",
            "تدهور الاقتصاد المحلي خلال الربع الثالث وفق تقرير البنك المركزي.",
            ("تعافى", "تدهور"),
        ),
        (
            "تقدمت القوات الحكومية في ريف المدينة الشمالي صباح الاثنين.",
            "تراجعت القوات الحكومية في ريف المدينة الشمالي صباح الاثنين.",
            ("تقدمت", "تراجعت"),
        ),
        (
            "أقال الرئيس محافظ البنك المركزي في مرسوم صدر صباح الأربعاء.",
            "قرر الرئيس بقاء محافظ البنك المركزي في مرسوم صدر صباح الأربعاء.",
            ("أقال", "بقاء"),
        ),
        (
            "فرضت السلطات حظر التجول في أحياء المدينة القديمة مساء السبت.",
            "ألغت السلطات حظر التجول في أحياء المدينة القديمة مساء السبت.",
            ("فرضت", "ألغت"),
        ),
        (
            "قضت المحكمة بسجن الناشط الحقوقي ثلاث سنوات في جلسة الثلاثاء.",
            "قررت المحكمة إطلاق سراح الناشط الحقوقي في جلسة الثلاثاء.",
            ("بسجن", "سراح"),
        ),
        (
            "أنهى الجنيه تعاملات الأسبوع على مكاسب أمام اليورو في البورصة.",
            "أنهى الجنيه تعاملات الأسبوع على تراجع أمام اليورو في البورصة.",
            ("مكاسب", "تراجع"),
        ),
        (
            "استقر سعر صرف الجنيه أمام الدولار في تعاملات البنوك صباح الأحد.",
            "تراجع سعر صرف الجنيه أمام الدولار في تعاملات البنوك صباح الأحد.",
            ("استقر", "تراجع"),
        ),
        (
            "استمر التصويت في انتخابات المجلس البلدي حتى المساء رغم الأمطار.",
            "تأجيل التصويت في انتخابات المجلس البلدي حتى المساء بسبب الأمطار.",
            ("استمر", "تأجيل"),
        ),
        (
            "المدنيون في القرى الحدودية يبقون في منازلهم رغم القصف المتواصل.",
            "المدنيون في القرى الحدودية ينزحون من منازلهم تحت القصف المتواصل.",
            ("يبقون", "ينزحون"),
        ),
        (
            "منحت الحكومة عشرات العمال الأجانب تصاريح إقامة دائمة هذا الشهر.",
            "منعت الحكومة عشرات العمال الأجانب من تصاريح إقامة دائمة هذا الشهر.",
            ("منحت", "منعت"),
        ),
    ] {
        let (rel, diffs) = relation(a, b).expect("linked");
        assert_eq!(rel, Relation::Contradict, "{a} / {b}: {diffs:?}");
        let d = diffs
            .iter()
            .find(|d| d.kind.as_str() == "antonym")
            .unwrap_or_else(|| panic!("{a} / {b}: {diffs:?}"));
        assert_eq!((d.a.as_str(), d.b.as_str()), words);
    }
}

#[test]
fn two_times_of_one_event_contradict_and_of_two_events_do_not() {
    let (rel, diffs) = relation(
        "اندلع الحريق في سوق الخضار بمدينة صفاقس صباح الخميس.",
        "اندلع الحريق في سوق الخضار بمدينة صفاقس مساء الخميس.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
    assert!(diffs.iter().any(|d| d.kind.as_str() == "time_of_day"));
    // The fire in the morning, the governor's visit in the evening.
    let pair = relation(
        "اندلع الحريق في سوق الخضار بمدينة صفاقس صباح الخميس.",
        "زار الوالي سوق الخضار بمدينة صفاقس مساء الخميس.",
    );
    assert!(
        pair.as_ref()
            .is_none_or(|(rel, _)| *rel != Relation::Contradict),
        "{pair:?}"
    );
}

#[test]
fn opposite_words_link_two_sentences_that_share_little_else() {
    // Scored below the link rules (0.18); the opposite words are the fact.
    let (rel, diffs) = relation(
        "انخفضت أسعار الذهب في الأسواق العالمية خلال تعاملات اليوم.",
        "الذهب يسجل ارتفاعا جديدا في تعاملات اليوم.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
    assert!(
        diffs.iter().any(|d| d.kind.as_str() == "antonym"),
        "{diffs:?}"
    );
}

#[test]
fn an_earlier_figure_beside_the_current_one_is_history() {
    // The first sentence revises its own toll: its 15 is not its claim.
    let revised = "أعلنت السلطات وفاة 12 شخصا في انهيار المبنى، في تراجع عن حصيلة سابقة أشارت إلى وفاة 15 شخصا.";
    let (rel, diffs) =
        relation(revised, "قالت السلطات إن 12 شخصا توفوا في انهيار المبنى.").expect("linked");
    assert_ne!(rel, Relation::Contradict, "{diffs:?}");
    // An earlier figure alone is still a toll that changed.
    let (rel, diffs) = relation(
        "وكانت حصيلة سابقة أشارت إلى وفاة 15 شخصا في انهيار المبنى.",
        "قالت السلطات إن 12 شخصا توفوا في انهيار المبنى.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
}

#[test]
fn counts_of_one_role_contradict_in_any_wording() {
    let (rel, diffs) = relation(
        "لقي 9 أشخاص حتفهم في انهيار عمارة بحي الزهور.",
        "أسفر انهيار العمارة في حي الزهور عن 11 حالة وفاة.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
    // Killed and injured are two roles.
    let pair = relation(
        "لقي 9 أشخاص حتفهم في انهيار عمارة بحي الزهور.",
        "أصيب 11 شخصا في انهيار العمارة بحي الزهور.",
    );
    assert!(
        pair.as_ref()
            .is_none_or(|(rel, _)| *rel != Relation::Contradict),
        "{pair:?}"
    );
}

#[test]
fn two_causes_in_other_words_contradict() {
    let (_, an) = story(&[
        "انهار سقف القاعة. وأرجعت الشركة المنفذة الحادث إلى خلل فني في الرافعة.",
        "انهار سقف القاعة. وقالت النيابة إن التحقيقات تشير إلى عمل تخريبي متعمد.",
    ]);
    let cause = an.links.iter().find(|l| {
        l.differences
            .iter()
            .any(|d| d.kind.as_str() == "cause" && d.is_conflict())
    });
    assert!(
        cause.is_some_and(|l| l.relation == Relation::Contradict),
        "{:?}",
        an.links
    );
}

#[test]
fn an_instrument_denied_and_stated_contradicts_at_a_low_score() {
    let (_, an) = story(&[
        "قتل متظاهر برصاص الجيش خلال مسيرة في وسط المدينة ليل الخميس، بحسب أطباء. وأغلقت المحلات أبوابها.",
        "وقال المتحدث إن الجيش لم يستخدم الرصاص الحي ضد المسيرة. وأغلقت المحلات أبوابها.",
    ]);
    let denied = an.links.iter().find(|l| {
        l.differences
            .iter()
            .any(|d| d.kind.as_str() == "instrument" && d.is_conflict())
    });
    assert!(
        denied.is_some_and(|l| l.relation == Relation::Contradict),
        "{:?}",
        an.links
    );
}

#[test]
fn two_cities_contradict_a_city_and_its_country_agree() {
    let (rel, diffs) = relation(
        "انفجرت سيارة مفخخة قرب مبنى البلدية في حلب صباح الأحد.",
        "انفجرت سيارة مفخخة قرب مبنى البلدية في حماة صباح الأحد.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict);
    assert!(
        diffs.iter().any(|d| d.kind.as_str() == "place"),
        "{diffs:?}"
    );
    let (rel, _) = relation(
        "انفجرت سيارة مفخخة قرب مبنى البلدية في حلب صباح الأحد.",
        "انفجرت سيارة مفخخة قرب مبنى البلدية في سوريا صباح الأحد.",
    )
    .expect("linked");
    assert_ne!(rel, Relation::Contradict);
}

#[test]
fn two_nationalities_of_one_noun_contradict() {
    let (rel, diffs) = relation(
        "تراجعت قيمة الليرة التركية إلى أدنى مستوى لها منذ عشر سنوات أمام الدولار.",
        "تراجعت قيمة الليرة اللبنانية إلى أدنى مستوى لها منذ عشر سنوات أمام الدولار.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
    assert!(diffs.iter().any(|d| d.kind.as_str() == "nationality"));
}

#[test]
fn two_spellings_of_a_short_name_are_one_place() {
    let (rel, diffs) = relation(
        "وحدد مركز الهزة في بلدة إغيل جنوب غرب العاصمة مساء الجمعة.",
        "وحدد مركز الهزة في بلدة إيغيل جنوب غرب العاصمة مساء الجمعة.",
    )
    .expect("linked");
    assert_ne!(rel, Relation::Contradict, "{diffs:?}");
}

#[test]
fn nobody_claimed_it_against_a_group_that_claimed_it() {
    let (rel, diffs) = relation(
        "ولم تعلن أي جهة حتى الآن مسؤوليتها عن الهجوم على سوق الماشية في البلدة.",
        "وتبنت جماعة مسلحة الهجوم على سوق الماشية في البلدة في بيان على الإنترنت.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
    // Both denying it agree.
    let (rel, _) = relation(
        "ولم تعلن أي جهة حتى الآن مسؤوليتها عن الهجوم على سوق الماشية في البلدة.",
        "ولم تتبن أي جماعة الهجوم على سوق الماشية في البلدة حتى مساء اليوم.",
    )
    .expect("linked");
    assert_ne!(rel, Relation::Contradict);
}

#[test]
fn conditions_and_plans_meet_in_any_form_of_their_word() {
    // «تشترط» and «دون شروط»; «خطتها» and «خطط»: one word in two forms.
    for (a, b) in [
        (
            "البلدية تشترط دفع الرسوم قبل منح رخص البناء الجديدة.",
            "البلدية تمنح رخص البناء الجديدة دون شروط.",
        ),
        (
            "الوزارة تعلن خطتها لإصلاح شبكة المياه في الأحياء الشرقية.",
            "الوزارة ليس لديها خطط لإصلاح شبكة المياه في الأحياء الشرقية.",
        ),
    ] {
        let (rel, diffs) = relation(a, b).expect("linked");
        assert_eq!(rel, Relation::Contradict, "{a} / {b}: {diffs:?}");
        assert!(
            diffs.iter().any(|d| d.kind.as_str() == "negation"),
            "{diffs:?}"
        );
    }
}

#[test]
fn no_casualties_contradicts_a_toll_without_a_number() {
    let (rel, diffs) = relation(
        "قتلى وجرحى في انهيار مبنى سكني قديم وسط المدينة.",
        "انهيار مبنى سكني قديم وسط المدينة دون سقوط ضحايا.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
}

#[test]
fn an_opposite_word_both_sides_hold_does_not_hide_the_one_they_differ_on() {
    // «دعم» (support) stands in both; «يعارض» against «يؤيد» is the news.
    let (rel, diffs) = relation(
        "البرلمان يعارض مشروع قانون دعم الوقود للمزارعين في الجنوب.",
        "البرلمان يؤيد مشروع قانون دعم الوقود للمزارعين في الجنوب.",
    )
    .expect("linked");
    assert_eq!(rel, Relation::Contradict, "{diffs:?}");
    let d = diffs.iter().find(|d| d.kind.as_str() == "antonym").unwrap();
    assert_eq!((d.a.as_str(), d.b.as_str()), ("يعارض", "يؤيد"));
    // One side saying both meanings, the other one of them: no plain
    // opposite.
    let (rel, diffs) = relation(
        "ارتفعت أسعار القمح ثم انخفضت أسعار الذرة في السوق المحلية.",
        "ارتفعت أسعار القمح في السوق المحلية هذا الأسبوع.",
    )
    .expect("linked");
    assert_ne!(rel, Relation::Contradict, "{diffs:?}");
}

#[test]
fn raising_and_supporting_are_opposites_of_falling_and_opposing() {
    for (a, b) in [
        (
            "قرار البنك المركزي يرفع أسعار الفائدة على القروض العقارية.",
            "قرار البنك المركزي يخفض أسعار الفائدة على القروض العقارية.",
        ),
        (
            "نقابة المعلمين تساند إضراب عمال النقل في العاصمة.",
            "نقابة المعلمين تعارض إضراب عمال النقل في العاصمة.",
        ),
    ] {
        let (rel, diffs) = relation(a, b).expect("linked");
        assert_eq!(rel, Relation::Contradict, "{a} / {b}: {diffs:?}");
    }
}
