//! Quantities in real Arabic sentences (written for these tests).

use super::*;
use crate::text::tokenize::tokenize;

fn parse(text: &str) -> Vec<Quantity> {
    parse_with(text, &[])
}

fn parse_with(text: &str, attested: &[&str]) -> Vec<Quantity> {
    let words: Vec<String> = attested
        .iter()
        .map(|w| crate::text::normalize::normalize(w))
        .collect();
    let tokens = tokenize(text, 0);
    quantities(&tokens, text, &|w: &str| words.iter().any(|a| a == w))
}

fn one(text: &str) -> (Amount, QuantityKind, Option<String>, String) {
    let qs = parse(text);
    assert_eq!(qs.len(), 1, "{text}: {qs:?}");
    let q = &qs[0];
    let noun = q.noun.as_ref().map(|n| text[n.start..n.end].to_string());
    (q.amount, q.kind, noun, text[q.start..q.end].to_string())
}

#[test]
fn digits_in_every_script() {
    assert_eq!(one("قتل 12 شخصا").0, Amount::Exact(12.0));
    assert_eq!(one("قتل ١٢ شخصا").0, Amount::Exact(12.0));
    assert_eq!(one("قتل ۱۲ شخصا").0, Amount::Exact(12.0));
    assert_eq!(one("بلغت الخسائر 1,200 دولار").0, Amount::Exact(1200.0));
    assert_eq!(one("ارتفع بنسبة 3.5 نقطة").0, Amount::Exact(3.5));
    assert_eq!(one("ارتفع بنسبة 3,5 نقطة").0, Amount::Exact(3.5));
    assert_eq!(
        one("بلغت الخسائر 2,500,000.5 دولار").0,
        Amount::Exact(2_500_000.5)
    );
    assert_eq!(one("نزح 3 آلاف شخص").0, Amount::Exact(3000.0));
}

#[test]
fn number_words_with_compounds_and_forms() {
    assert_eq!(one("أصيب ثلاثة وسبعين متظاهرا").0, Amount::Exact(73.0));
    assert_eq!(
        one("وصل ألفين وسبعمئة وخمسين لاجئا").0,
        Amount::Exact(2750.0)
    );
    assert_eq!(one("اعتقل ثلاثة عشر مسلحا").0, Amount::Exact(13.0));
    assert_eq!(one("قتل ستة جنود").0, Amount::Exact(6.0));
    assert_eq!(one("أسقطت ست طائرات").0, Amount::Exact(6.0));
    assert_eq!(one("دمرت ثلاث دبابات").0, Amount::Exact(3.0));
    assert_eq!(one("أطلق ثلاثين صاروخا").0, Amount::Exact(30.0));
    assert_eq!(one("وصل اثنان من الوزراء").0, Amount::Exact(2.0));
    assert_eq!(one("نجت اثنتين من السفن").0, Amount::Exact(2.0));
    assert_eq!(one("يعيش فيها مليون نسمة").0, Amount::Exact(1_000_000.0));
}

#[test]
fn the_counted_noun_and_its_span() {
    let (_, kind, noun, span) = one("قالت الشرطة إن ستة من أفراد الأمن أصيبوا");
    assert_eq!(kind, QuantityKind::Count);
    assert_eq!(noun.as_deref(), Some("أفراد"));
    assert_eq!(span, "ستة من أفراد");
    let (_, _, noun, _) = one("هاجمت المدينة بـ4 مسيرات");
    assert_eq!(noun.as_deref(), Some("مسيرات"));
    // An adjectival number follows its noun.
    let (amount, _, noun, span) = one("قتل متظاهر واحد على الأقل");
    assert_eq!(amount, Amount::AtLeast(1.0));
    assert_eq!(noun.as_deref(), Some("متظاهر"));
    assert_eq!(span, "متظاهر واحد على الأقل");
}

#[test]
fn a_bound_before_the_next_number_is_that_numbers() {
    // «ونحو» after the first count's noun bounds the second count.
    let qs = parse("أسفر الحريق عن 14 قتيلا ونحو 60 مصابا حسب الدفاع المدني");
    assert_eq!(qs.len(), 2, "{qs:?}");
    assert_eq!(qs[0].amount, Amount::Exact(14.0));
    assert_eq!(qs[1].amount, Amount::About(60.0));
    // Not joined by «و», it stays with its own number.
    let qs = parse("قتل 30 شخصا على الأقل، 12 منهم أطفال");
    assert_eq!(qs[0].amount, Amount::AtLeast(30.0));
    // Without a number after it, a bound after the noun is the first's.
    let qs = parse("أسفر الحريق عن 14 قتيلا تقريبا حسب الدفاع المدني");
    assert_eq!(qs[0].amount, Amount::About(14.0));
}

#[test]
fn numbers_that_name_or_tell_minutes_count_nothing() {
    // A train's number, and the minutes of a clock time.
    assert!(parse("اصطدم القطار رقم 934 بحافلة").is_empty());
    let qs = parse("آخر تحديث الساعة 9:45 مساء");
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].amount, Amount::Exact(9.0));
    // A per cent sign before the digits, as some sites print it.
    assert_eq!(one("وأن %40 منهم من النساء").1, QuantityKind::Percent);
}

#[test]
fn ordinals_and_dates() {
    let (_, kind, _, _) = one("وصلت الدفعة الثالثة");
    assert_eq!(kind, QuantityKind::Ordinal);
    let a = one("جرت الانتخابات في 12 مايو").1;
    let b = one("جرت الانتخابات في الثاني عشر من أيار").1;
    assert_eq!(
        a,
        QuantityKind::Date {
            day: Some(12),
            month: 5,
            year: None
        }
    );
    assert_eq!(a, b);
    let (_, kind, _, span) = one("صباح الأحد (٧ تشرين الثاني 2021) وقع الانفجار");
    assert_eq!(
        kind,
        QuantityKind::Date {
            day: Some(7),
            month: 11,
            year: Some(2021)
        }
    );
    assert_eq!(span, "٧ تشرين الثاني 2021");
    let (_, kind, _, _) = one("انتخابات 3 مارس/آذار");
    assert_eq!(
        kind,
        QuantityKind::Date {
            day: Some(3),
            month: 3,
            year: None
        }
    );
    assert_eq!(one("قتل في عام 1998 وحده").1, QuantityKind::Year);
    assert_eq!(one("ارتفعت الأسعار 15% هذا العام").1, QuantityKind::Percent);
}

#[test]
fn a_vague_plural_with_the_article_stands_alone() {
    let (amount, _, noun, span) = one("وأسفر القصف عن إصابة المئات");
    assert!(matches!(amount, Amount::Vague { min: 100.0, .. }));
    assert_eq!((noun, span.as_str()), (None, "المئات"));
    // Without the article it needs its noun, and «عدد» never stands alone.
    assert!(parse("شارك عشرات في المسيرة").is_empty());
    assert!(parse("حضر العدد المطلوب").is_empty());
}

#[test]
fn vague_amounts_and_bounds() {
    let (amount, _, noun, _) = one("وأصيب عدد من الجنود");
    assert!(matches!(amount, Amount::Vague { min: 2.0, .. }));
    assert_eq!(noun.as_deref(), Some("الجنود"));
    assert!(matches!(
        one("سقط عشرات القتلى").0,
        Amount::Vague {
            min: 10.0,
            max: Some(99.0)
        }
    ));
    assert!(matches!(
        one("تظاهر آلاف الطلاب").0,
        Amount::Vague {
            min: 1000.0,
            max: None
        }
    ));
    // Thousands have no upper end: 12,000 are thousands too.
    assert!(one("فر آلاف السكان").0.compatible(Amount::Exact(12_000.0)));
    assert_eq!(one("أصيب أكثر من 40 شخصا").0, Amount::MoreThan(40.0));
    assert_eq!(one("قتل ما لا يقل عن عشرة مدنيين").0, Amount::AtLeast(10.0));
    assert_eq!(one("نزح نحو 500 ألف شخص").0, Amount::About(500_000.0));
    assert_eq!(one("قتل ما يقرب من 200 شخص").0, Amount::About(200.0));
}

#[test]
fn duals_count_two_on_evidence() {
    let qs = parse_with("أسقطت الدفاعات طائرتين فوق المدينة", &["طائرة"]);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].amount, Amount::Exact(2.0));
    assert_eq!(qs[0].written, Written::Dual);
    let qs = parse_with("وقال مسؤولان أمنيان إن الهجوم فشل", &[]);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].amount, Amount::Exact(2.0));
    // Words that merely end in ان are not duals.
    assert!(parse_with("أصدر البيان في إيران", &["بي"]).is_empty());
    assert!(parse_with("زار لبنان والسودان", &[]).is_empty());
}

#[test]
fn plain_text_has_no_quantities() {
    assert!(parse("أدانت وزارة الخارجية الهجوم وعرضت المساعدة في التحقيق").is_empty());
    assert!(parse("استهدفت طائرة مسيرة منزل رئيس الوزراء").is_empty());
}

#[test]
fn fractions_and_dual_thousands() {
    let amounts = |s: &str| -> Vec<f64> {
        let toks = crate::text::tokenize::tokenize(s, 0);
        quantities(&toks, s, &|_| false)
            .iter()
            .filter_map(|q| q.amount.exact())
            .collect()
    };
    assert_eq!(
        amounts("زار المدينة مليون ونصف مليون سائح"),
        vec![1_500_000.0]
    );
    assert_eq!(amounts("بلغت الديون ثلاثة ملايين ونصف"), vec![3_500_000.0]);
    assert_eq!(amounts("شارك ألفي متطوع في الحملة"), vec![2000.0]);
    assert_eq!(amounts("نقل مئتي جريح إلى المستشفيات"), vec![200.0]);
}

#[test]
fn a_noun_is_not_counted_across_punctuation() {
    let qs = parse("ارتفعت الحصيلة إلى 12، بينما تواصل البحث.");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].amount, Amount::Exact(12.0));
    assert!(qs[0].noun.is_none(), "{qs:?}");
}

#[test]
fn a_dual_thousand_is_not_an_adjective_with_the_article() {
    let qs = parse("أودى الزلزال بحياة ألفي شخص.");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].amount, Amount::Exact(2000.0));
    assert_eq!(qs[0].noun.as_ref().map(|n| n.key.as_str()), Some("شخص"));
}

#[test]
fn a_teen_with_the_article_is_one_number_and_a_weekday_stays_a_day() {
    assert_eq!(
        one("تم التعرف على الضحايا الخمسة عشر").0,
        Amount::Exact(15.0)
    );
    assert_eq!(
        one("وصل المسعفون إلى الجرحى الأحد عشر").0,
        Amount::Exact(11.0)
    );
    // The article comes off only before a teen's ten.
    assert!(parse("وصل الوفد يوم الاثنين إلى العاصمة").is_empty());
    assert!(parse("عقد الاجتماع الأحد في العاصمة").is_empty());
}
