//! Which word of a sentence each negation governs.
//!
//! In: a read unit (its tokens' normalised keys). Out: for each token, the
//! token of the negator governing it, if any ([`negators`]).
//!
//! Rules:
//! - A negating particle (لم، لن، لا، ليس، عدم …, also behind و or ف)
//!   negates the first content word within [`NEGATION_REACH`] tokens after
//!   it: the predicate (لم **يصب**، عدم **وجود**), not the subject that
//!   follows. لا يزال (still), لا سيما (especially) and لا بد (must) negate
//!   nothing; a word of being passes the negation on (لا يوجد **تغيير**),
//!   and a verb of being able to what follows its «من» (لن تتمكن الشركة
//!   من **تسليم**).
//! - A particle in a number's bound (ما لا يقل عن 7، لا يزيد على 10)
//!   negates nothing.
//! - «دون» and «بدون» (without) negate like a particle (دون **تغيير**),
//!   but not before a number (دون 74 دولارا: below) nor inside a phrase of
//!   the synonym lexicon (طائرة بدون طيار: a drone).
//! - «غير» negates only the word right after it (غير **آمنة**): غير أن
//!   (however) and غير ذلك (other than that) negate nothing.
//! - A verb of failing or ceasing with its preposition (its subject may
//!   stand between, [`FAILURE_GAP`]) negates what it failed at or ceased: فشل في **اعتراض**، عجز عن **الوصول**، توقف عن
//!   **ملاحقة**، تخلى عن **مكاسبه** (gave them up). Without the preposition it negates nothing (توقف القطار
//!   في المحطة is a train that stopped, not a denial of the station).
//! - The verbal nouns of cancelling, freezing and failing negate the
//!   definite word after them (إلغاء **المصادرة**، فشل **الاتفاق**); not
//!   the verbs, whose next word is their subject (ألغت السلطات).
//! - A verb of refusing negates the word right after it when that word is
//!   an indefinite verbal noun (ترفض **إقراض**; not رفض الوزير, its
//!   subject, nor رفض نتائج, a thing that exists whoever refuses it).
//! - A verb of denial (نفى) negates through a word of being (تنفي وجود
//!   **أدلة**), or a verbal noun carrying the subject's pronoun (تنفي
//!   **انسحابها**، نفت الحركة **مشاركتها**): the word right after it
//!   is otherwise its subject (نفى المتحدث), never what is denied. Only the
//!   unambiguous pronouns ها، هم، هما count: a final ه is also a
//!   normalised ة. Denying reports (الأنباء، التقارير) about something
//!   denies the thing: نفت الوزارة الأنباء عن **تأجيل** الامتحانات.

use crate::align::Unit;
use crate::text::tokenize::TokenKind;

/// Tokens after a negator within which its predicate is looked for (لم
/// يصب، لم **يعد** … ; ليس من **الواضح**).
pub const NEGATION_REACH: usize = 2;

/// Negating particles, normalised. Verbs of denial (نفى) are not here: in
/// نفى مستشفى تسببه the word after the verb is its subject, not what is
/// denied; they are opposites of أكد in the antonym lexicon instead.
const NEGATORS: &[&str] = &["لم", "لن", "لا", "بلا", "ليس", "ليست", "ليسوا", "لسنا", "عدم"];

/// Negates the one word right after it.
const NOT: &str = "غير";

/// "Without": negates the first content word after it (دون **تغيير**، بدون
/// **شروط**), unless a number follows (دون 74 دولارا is "below") or it
/// belongs to a phrase of the synonym lexicon (طائرة بدون طيار, a drone).
const WITHOUT: &[&str] = &["دون", "بدون"];

/// Verbs of failing and ceasing, normalised, each with the preposition
/// that opens what failed or ceased.
const FAILURES: &[(&[&str], &[&str])] = &[
    (
        &[
            "فشل",
            "يفشل",
            "تفشل",
            "فشلت",
            "فشلوا",
            "اخفق",
            "يخفق",
            "تخفق",
            "اخفقت",
            "عجز",
            "يعجز",
            "تعجز",
            "عجزت",
        ],
        &["في", "عن"],
    ),
    (
        &[
            "توقف",
            "يتوقف",
            "تتوقف",
            "توقفت",
            "امتنع",
            "يمتنع",
            "تمتنع",
            "امتنعت",
            "امتنعوا",
            "كف",
            "يكف",
            "تكف",
            "كفت",
            "تخلي",
            "يتخلي",
            "تتخلي",
            "تخلت",
            "تخلوا",
        ],
        &["عن"],
    ),
];

/// Verbs of refusing: they negate the word right after them when it is an
/// indefinite verbal noun and not a name (يرفض **معاقبة**، ترفض
/// **إقراض**): a definite word or a name there is usually the verb's
/// subject (رفض الوزير), and a thing refused still exists (رفض لنتائج).
const REFUSALS: &[&str] = &["رفض", "يرفض", "ترفض", "رفضت", "رفضوا", "يرفضون"];

/// Verbal nouns of cancelling, freezing and failing that negate the
/// definite word right after them, their object or the thing that failed
/// (إلغاء **المصادرة**، تجميد **القرار**، فشل **الاتفاق**). Not the verbs:
/// after ألغت the definite word is its subject (ألغت السلطات الحظر).
const UNDOINGS: &[&str] = &["الغاء", "تجميد", "فشل", "اخفاق"];

/// Verbs of denial: they negate only through a word of being (تنفي وجود
/// **أدلة**) or a verbal noun with the subject's pronoun, since the word
/// right after them is often their subject.
const DENIALS: &[&str] = &["نفي", "نفت", "ينفي", "تنفي", "نفوا"];

/// Pronouns that mark a noun after a verb of denial as what is denied.
const OBJECT_PRONOUNS: &[&str] = &["ها", "هم", "هما"];

/// Words of being, of having, and "any", that pass a negation on to the
/// word after them: لا يوجد **تغيير**، عدم وجود **أدلة**، تنفي أي **حرب**،
/// ليس لديها **خطط**.
const TRANSPARENT: &[&str] = &[
    "يوجد",
    "توجد",
    "وجود",
    "هناك",
    "ثمه",
    "يكون",
    "تكون",
    "يكن",
    "تكن",
    "اي",
    "ايه",
    "لدي",
    "لديه",
    "لديها",
    "لديهم",
    "لديهما",
    "لدينا",
];

/// Verbs of being able, which pass a negation on to what follows their
/// «من» (لن تتمكن الشركة من **تسليم**), like a verb of failing.
const ABLE: &[&str] = &["يتمكن", "تتمكن", "تمكن", "تمكنت", "يتمكنوا"];

/// Words after لا that make no negation of it: لا يزال (still), لا سيما
/// (especially), لا بد (must).
/// Also a partitive after the negator (ليس بين الضحايا أطفال): it denies
/// a subset, not the fact.
const NOT_NEGATED_AFTER: &[&str] = &[
    "يزال",
    "تزال",
    "يزالون",
    "زال",
    "سيما",
    "بد",
    "بين",
    "من_بين",
    "بينهم",
];

/// True when `key`, or `key` behind و or ف, is one of `words`.
fn is_one_of(key: &str, words: &[&str]) -> bool {
    words.contains(&key)
        || key
            .strip_prefix(['و', 'ف'])
            .is_some_and(|rest| words.contains(&rest))
}

/// Tokens a verb of failing may have between it and its preposition: its
/// subject (فشلت الدفاعات الجوية في …).
pub const FAILURE_GAP: usize = 3;

/// When token `i` is a verb of failing, the token of its preposition.
fn failure_preposition(u: &Unit, i: usize) -> Option<usize> {
    let (_, preps) = FAILURES
        .iter()
        .find(|(verbs, _)| is_one_of(&u.tokens[i].key, verbs))?;
    preposition_after(u, i, preps)
}

/// The token of one of `preps` after token `i`, past a subject of up to
/// [`FAILURE_GAP`] words.
fn preposition_after(u: &Unit, i: usize, preps: &[&str]) -> Option<usize> {
    // The gap holds the subject only: a word of time or cause in it (يتوقف
    // بعد تغريدة عن …) means the preposition is not the verb's.
    (i + 1..u.tokens.len())
        .take(FAILURE_GAP + 1)
        .take_while(|&k| preps.contains(&u.tokens[k].key.as_str()) || u.is_content(k))
        .find(|&k| preps.contains(&u.tokens[k].key.as_str()))
}

/// The token a verb of denial at `i` denies directly: a verbal noun with
/// its subject's pronoun right after it (تنفي انسحابها) or after a definite
/// subject (نفت الحركة مشاركتها), not followed by «أن» (نفى محاموهم أن …:
/// there it is the subject).
fn denied_noun(u: &Unit, i: usize) -> Option<usize> {
    let key = |k: usize| u.tokens.get(k).map_or("", |t| t.key.as_str());
    if !is_one_of(&u.tokens[i].key, DENIALS) {
        return None;
    }
    let k = if key(i + 1).starts_with("ال") {
        i + 2
    } else {
        i + 1
    };
    let word = key(k);
    (word.chars().count() >= 5
        && OBJECT_PRONOUNS.iter().any(|p| word.ends_with(p))
        && key(k + 1) != "ان")
        .then_some(k)
}

/// Words of reports: a verb of denial before one of them and a preposition
/// denies what the reports tell (نفت الوزارة الأنباء عن **تأجيل** …).
const REPORTS: &[&str] = &[
    "الانباء",
    "انباء",
    "التقارير",
    "تقارير",
    "الاخبار",
    "اخبار",
    "الشاءعات",
    "شاءعات",
    "المعلومات",
];

/// Prepositions after a word of reports that open what they tell.
const ABOUT: &[&str] = &["عن", "حول", "بشان", "بخصوص"];

/// The token a verb of denial at `i` denies through a word of reports:
/// the content word after the reports' preposition (نفى الجيش التقارير
/// حول **انسحاب** قواته).
fn denied_report(u: &Unit, i: usize) -> Option<usize> {
    let key = |k: usize| u.tokens.get(k).map_or("", |t| t.key.as_str());
    if !is_one_of(&u.tokens[i].key, DENIALS) {
        return None;
    }
    let r = (i + 1..i + 1 + FAILURE_GAP).find(|&k| REPORTS.contains(&key(k)))?;
    let p = r + 1;
    let k = p + 1;
    (ABOUT.contains(&key(p))
        && u.tokens
            .get(k)
            .is_some_and(crate::align::features::is_content))
    .then_some(k)
}

/// True for a verb of refusing (رفض، ترفض …), also behind و or ف.
pub fn is_refusal(key: &str) -> bool {
    is_one_of(key, REFUSALS)
}

/// True for an indefinite verbal noun of a derived verb, by its pattern:
/// تفعيل (تسليم), تفاعل (تعاون), مفاعلة (معاقبة), إفعال (إقراض), افتعال
/// (اعتراف), انفعال (انسحاب), استفعال (استخدام). Refusing an act denies
/// it; refusing a thing (رفض نتائج الانتخابات, the results) does not deny
/// that the thing exists.
fn is_verbal_noun(key: &str) -> bool {
    let c: Vec<char> = key.chars().collect();
    let n = c.len();
    let at = |k: usize, x: char| c.get(k) == Some(&x);
    match c.first() {
        Some('ت') => (n == 5 && (at(3, 'ي') || at(2, 'ا'))) || (n == 6 && at(4, 'ي')),
        Some('م') => n == 6 && at(2, 'ا') && at(5, 'ه'),
        Some('ا') => (5..=7).contains(&n) && at(n - 2, 'ا'),
        _ => false,
    }
}

/// True when token `k` of `u` spells one of the story's names.
fn is_name(u: &Unit, k: usize) -> bool {
    u.features
        .iter()
        .any(|(f, toks)| matches!(f, crate::align::Feature::Entity(_)) && toks.contains(&k))
}

/// The token right after token `i` when `i` negates it alone: «غير», a
/// verbal noun of cancelling before a definite word, a verb of refusing
/// before a verbal noun (neither before a name). Otherwise `None`, and the
/// other rules read the word (فشل في … is a verb of failing).
fn next_word_negator(u: &Unit, i: usize) -> Option<usize> {
    let this = u.tokens[i].key.as_str();
    let (not, undoing, refusal) = (
        is_one_of(this, &[NOT]),
        is_one_of(this, UNDOINGS),
        is_one_of(this, REFUSALS),
    );
    let k = i + 1;
    let t = u.tokens.get(k)?;
    let negates = u.is_content(k)
        && (not
            || !is_name(u, k)
                && ((undoing && t.key.starts_with("ال")) || (refusal && is_verbal_noun(&t.key))));
    negates.then_some(k)
}

/// True when `key` (or `key` behind و or ف) is a word some rule of
/// [`negators`] starts from: a negator, «غير», «without», a verb of
/// cancelling, refusing, denying or failing. Any other token governs
/// nothing, and is passed over without trying each list (a list scan per
/// rule and token was a twentieth of an export in perf).
fn may_negate(key: &str) -> bool {
    static WORDS: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let lists = [NEGATORS, &[NOT], WITHOUT, UNDOINGS, REFUSALS, DENIALS];
        let failing = FAILURES.iter().map(|(verbs, _)| *verbs);
        lists
            .into_iter()
            .chain(failing)
            .flatten()
            .copied()
            .collect()
    });
    words.contains(key)
        || key
            .strip_prefix(['و', 'ف'])
            .is_some_and(|rest| words.contains(rest))
}

/// For each token of `u`, the token of the negator governing it, if any.
pub fn negators(u: &Unit) -> Vec<Option<usize>> {
    let key = |k: usize| u.tokens.get(k).map(|t| t.key.as_str());
    let mut out = vec![None; u.tokens.len()];
    let content = |k: usize| u.is_content(k);
    for i in 0..u.tokens.len() {
        let this = u.tokens[i].key.as_str();
        // A negation in a number's bound (ما لا يقل عن سبعة: at least
        // seven) negates nothing.
        if !may_negate(this) || u.in_quantity(i) {
            continue;
        }
        if let Some(k) = next_word_negator(u, i) {
            out[k] = Some(i);
            continue;
        }
        if let Some(k) = denied_noun(u, i).or_else(|| denied_report(u, i)) {
            out[k] = Some(i);
            continue;
        }
        let next = key(i + 1).unwrap_or("");
        let transparent = TRANSPARENT.contains(&next);
        // A negated verb of being able: its «من» is a verb of failing's
        // preposition.
        let able = || {
            is_one_of(next, ABLE)
                .then(|| preposition_after(u, i + 1, &["من"]))
                .flatten()
        };
        let failure =
            failure_preposition(u, i).or_else(|| is_one_of(this, NEGATORS).then(able).flatten());
        let without = is_one_of(this, WITHOUT)
            && u.group_of(i).is_none()
            && u.tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Word);
        let negator = is_one_of(this, NEGATORS)
            || without
            || (transparent && is_one_of(this, DENIALS))
            || failure.is_some();
        if !negator || NOT_NEGATED_AFTER.contains(&next) {
            continue;
        }
        let from = match failure {
            Some(p) => p + 1,
            None => i + 1 + usize::from(transparent),
        };
        if let Some(k) = (from..u.tokens.len())
            .take(NEGATION_REACH)
            .take_while(|&k| !is_one_of(&u.tokens[k].key, NEGATORS))
            .find(|&k| content(k))
        {
            out[k] = Some(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_a_rule_starts_from_may_negate_and_others_do_not() {
        let failing = FAILURES.iter().flat_map(|(verbs, _)| verbs.iter());
        let lists = [NEGATORS, &[NOT], WITHOUT, UNDOINGS, REFUSALS, DENIALS];
        for w in lists.into_iter().flatten().chain(failing) {
            assert!(may_negate(w), "{w}");
            assert!(may_negate(&format!("و{w}")), "و{w}");
        }
        for w in ["المدينة", "قال", "وصل", "فريق", "الحريق"] {
            assert!(!may_negate(w), "{w}");
        }
    }
    use crate::text::tokenize::tokenize;

    /// The words each negator of `sentence` governs, as written.
    fn negated(sentence: &str) -> Vec<&str> {
        let tokens = tokenize(sentence, 0);
        let unit = Unit {
            tokens,
            ..Default::default()
        };
        negators(&unit)
            .iter()
            .enumerate()
            .filter(|(_, n)| n.is_some())
            .map(|(k, _)| &sentence[unit.tokens[k].start..unit.tokens[k].end])
            .collect()
    }

    #[test]
    fn denying_reports_denies_what_they_tell() {
        assert_eq!(
            negated("نفت الشركة الأنباء عن إغلاق مصنعها في المدينة."),
            ["إغلاق"]
        );
        assert_eq!(negated("ونفى الجيش التقارير حول انسحاب قواته."), ["انسحاب"]);
        // The reports themselves, without what they tell, deny nothing.
        assert!(negated("نفت الشركة الأنباء المتداولة.").is_empty());
    }

    #[test]
    fn particles_negate_their_predicate() {
        assert_eq!(negated("لم يصب أحد من ركاب الحافلة."), ["يصب"]);
        assert_eq!(negated("ولا يوجد تغيير في مواعيد الرحلات."), ["تغيير"]);
        assert_eq!(negated("ليس لديها خطط لبيع الشركة."), ["خطط"]);
        assert!(negated("لا يزال الطريق مغلقا.").is_empty());
        assert_eq!(negated("لن تتمكن الشركة من تسليم الطلبيات."), ["تسليم"]);
        assert_eq!(negated("لن تتمكن من تسليم الطلبيات."), ["تسليم"]);
        assert_eq!(negated("الغارة لم تكن بصاروخ."), ["بصاروخ"]);
    }

    #[test]
    fn cancelling_negates_its_object() {
        assert_eq!(negated("أعلنت الوزارة إلغاء الامتحانات."), ["الامتحانات"]);
        assert_eq!(negated("فشل الاتفاق بين الطرفين."), ["الاتفاق"]);
        assert!(negated("ألغت البلدية الحفل.").is_empty());
    }

    #[test]
    fn refusing_negates_an_indefinite_word_after_it() {
        assert_eq!(negated("الحكومة ترفض إقراض الشركة."), ["إقراض"]);
        assert!(negated("رفض الوزير التعليق.").is_empty());
        assert_eq!(negated("رفض استخدام القوة."), ["استخدام"]);
        assert!(negated("رفض نتائج الانتخابات.").is_empty());
        assert!(negated("خرج المحتجون في رفض لنتائج الفرز.").is_empty());
    }

    #[test]
    fn without_negates_unless_a_number_follows() {
        assert_eq!(negated("عاد الوفد دون اتفاق."), ["اتفاق"]);
        assert_eq!(negated("أغلق السهم بدون تغيير."), ["تغيير"]);
        assert!(negated("تراجع الخام دون 70 دولارا.").is_empty());
    }

    #[test]
    fn ghair_negates_the_next_word_only() {
        assert_eq!(negated("وصفت اللجنة المبنى بأنه غير آمن للسكن."), ["آمن"]);
        assert!(negated("غير أن الوزارة لم تعلق.").contains(&"تعلق"));
        assert!(!negated("غير أن الوزارة لم تعلق.").contains(&"الوزارة"));
    }

    #[test]
    fn failing_and_ceasing_negate_with_their_preposition() {
        assert_eq!(
            negated("فشلت الدفاعات الجوية في اعتراض الصاروخ."),
            ["اعتراض"]
        );
        assert_eq!(negated("توقفت الشركة عن تصدير القمح."), ["تصدير"]);
        assert_eq!(negated("تخلى الدينار عن مكاسبه الأخيرة."), ["مكاسبه"]);
        // «عن» after a word of time is not the verb's.
        assert!(negated("توقف البث بعد ساعة عن موعده.").is_empty());
        // A train that stopped at a station denies nothing.
        assert!(negated("توقف القطار في محطة المدينة.").is_empty());
    }

    #[test]
    fn denial_negates_a_noun_with_its_subjects_pronoun() {
        assert_eq!(negated("نفت الحركة مشاركتها في المحادثات."), ["مشاركتها"]);
        assert_eq!(negated("والحركة تنفي مشاركتها في المحادثات."), ["مشاركتها"]);
        assert!(negated("نفى محاموهم أن يكون موكلهم في المدينة.").is_empty());
    }
}
