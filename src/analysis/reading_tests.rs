//! Agree and contradict on small stories written for these tests: how a
//! sentence is read (parts of a toll, a toll's hour, words of the frame,
//! bounds, spellings of places), as real coverage showed it must be.

use super::compare_tests::relation;
use crate::compare::{Difference, Relation};

/// The relation and differences of two sentences that must be linked.
fn linked(a: &str, b: &str) -> (Relation, Vec<Difference>) {
    relation(a, b).expect("the two sentences are linked")
}

#[test]
fn a_count_of_part_of_the_victims_fits_within_the_toll() {
    let contradicts =
        |a: &str, b: &str| relation(a, b).is_some_and(|(r, _)| r == Relation::Contradict);
    let toll = "أسفر انهيار الجسر في مدينة حماة مساء الجمعة عن 12 قتيلا.";
    // Children, or fishermen of one origin, are some of the twelve.
    assert!(!contradicts(
        "أسفر انهيار الجسر في مدينة حماة مساء الجمعة عن مقتل خمسة أطفال.",
        toll
    ));
    assert!(!contradicts(
        "قتل ثلاثة صيادين مصريين في انهيار الجسر في مدينة حماة مساء الجمعة.",
        toll
    ));
    // More children than the whole toll cannot be.
    assert!(contradicts(
        "أسفر انهيار الجسر في مدينة حماة مساء الجمعة عن مقتل 15 طفلا.",
        toll
    ));
    // Workers alone may be all the victims: a different figure contradicts.
    assert!(contradicts(
        "أسفر انهيار الجسر في مدينة حماة مساء الجمعة عن مقتل تسعة عمال.",
        toll
    ));
}

#[test]
fn words_of_the_attribution_and_a_toll_rising_to_a_figure_state_no_opposite() {
    let linked = |a: &str, b: &str| linked(a, b).0;
    // «التواصل» of social media, in the attribution, is no «continuing»
    // against an arrest (توقيف, of the stem of stopping).
    assert_ne!(
        linked(
            "أعلنت الشرطة توقيف ثلاثة أشخاص بعد حريق سوق الخضار في مدينة حمص مساء الأحد.",
            "اندلع حريق سوق الخضار في مدينة حمص مساء الأحد وأوقع 14 قتيلا بحسب ناشطين على مواقع التواصل الاجتماعي.",
        ),
        Relation::Contradict
    );
    // A toll that rose to a figure is the counts' business, not the
    // opposite of a collapse.
    assert_ne!(
        linked(
            "وحصيلة حريق سوق الخضار في مدينة حمص مساء الأحد ارتفعت إلى 14 قتيلا.",
            "انهار سقف سوق الخضار في مدينة حمص مساء الأحد خلال الحريق وقتل 14 شخصا.",
        ),
        Relation::Contradict
    );
}

#[test]
fn the_hour_a_toll_rose_is_not_the_hour_of_the_event() {
    let linked = |a: &str, b: &str| linked(a, b).0;
    let event = "اندلع حريق سوق الخضار في مدينة حمص فجر اليوم وأوقع 14 قتيلا.";
    assert_ne!(
        linked(
            "ارتفعت حصيلة ضحايا حريق سوق الخضار في مدينة حمص، مساء اليوم، إلى 14 قتيلا.",
            event
        ),
        Relation::Contradict
    );
    // After «الذي وقع» the hour is the event's: evening against dawn.
    assert_eq!(
        linked(
            "بلغت حصيلة حريق سوق الخضار الذي وقع في مدينة حمص، مساء اليوم، 14 قتيلا.",
            event
        ),
        Relation::Contradict
    );
}

#[test]
fn a_bound_negates_nothing_and_g_is_written_two_ways() {
    // «ما لا يقل عن» (at least) holds «لا» without denying «يقل».
    let (rel, diffs) = linked(
        "غرق مركب كان يقل 90 راكبا قبالة سواحل غينيا مساء الأحد.",
        "غرق مركب على متنه ما لا يقل عن 90 راكبا قبالة سواحل غينيا مساء الأحد.",
    );
    assert_ne!(rel, Relation::Contradict, "{diffs:?}");
    // غينيا and جينيا are one name (the g of a foreign name).
    let (rel, diffs) = linked(
        "غرق مركب يقل 90 راكبا قبالة سواحل غينيا مساء الأحد.",
        "غرق مركب يقل 90 راكبا قبالة سواحل جينيا مساء الأحد.",
    );
    assert_ne!(rel, Relation::Contradict, "{diffs:?}");
}

#[test]
fn a_quoted_name_ends_at_its_quote_and_a_last_letter_is_a_spelling() {
    // «هويد» then an adjective: the name is هويد alone; هويت is the same
    // name heard with another last consonant.
    let (rel, diffs) = linked(
        "انهار منجم للذهب في منطقة «هويد» الصحراوية مساء الخميس وقتل 11 شخصا.",
        "انهار منجم للذهب في منطقة هويت مساء الخميس وقتل 11 شخصا.",
    );
    assert_ne!(rel, Relation::Contradict, "{diffs:?}");
    // Two names indeed: two places.
    let (rel, _) = linked(
        "انهار منجم للذهب في منطقة «هويد» الصحراوية مساء الخميس وقتل 11 شخصا.",
        "انهار منجم للذهب في منطقة ابوحمد مساء الخميس وقتل 11 شخصا.",
    );
    assert_eq!(rel, Relation::Contradict);
}

#[test]
fn a_group_in_two_forms_is_one_group_and_two_towns_a_letter_apart_are_two() {
    let linked = |a: &str, b: &str| linked(a, b).0;
    // أطفال (3 to 10) and طفلا (11 and up): one group, two figures.
    assert_eq!(
        linked(
            "قتل 7 أطفال في قصف استهدف مدرسة في مدينة حمص مساء الأحد.",
            "قتل 12 طفلا في قصف استهدف مدرسة في مدينة حمص مساء الأحد.",
        ),
        Relation::Contradict
    );
    // الكرك and الكرم are two towns: only a consonant heard two ways
    // (د / ت) makes one name of two last letters.
    assert_eq!(
        linked(
            "غرق مركب يقل 90 راكبا قرب مدينة الكرك مساء الأحد.",
            "غرق مركب يقل 90 راكبا قرب مدينة الكرم مساء الأحد.",
        ),
        Relation::Contradict
    );
}

#[test]
fn a_place_the_other_sentence_names_too_is_no_second_place() {
    let places = |a: &str, b: &str| {
        relation(a, b)
            .expect("the two sentences are linked")
            .1
            .iter()
            .filter(|d| d.kind.as_str() == "place")
            .count()
    };
    let a = "انهار عقار سكني في منطقة الزيتون بالعاصمة فجر السبت ولقي أربعة أشخاص حتفهم.";
    // The collapsed building «of al-Zaytoun» in the district of al-Nour:
    // both places, one event.
    assert_eq!(
        places(
            a,
            "انهار عقار الزيتون السكني بمنطقة النور في العاصمة فجر السبت ولقي أربعة أشخاص حتفهم."
        ),
        0
    );
    // Only the district of al-Nour: another place than al-Zaytoun.
    assert_eq!(
        places(
            a,
            "انهار عقار سكني بمنطقة النور في العاصمة فجر السبت ولقي أربعة أشخاص حتفهم."
        ),
        1
    );
}
