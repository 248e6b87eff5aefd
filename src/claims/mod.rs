//! Claims: what one sentence states, typed, with byte spans.
//!
//! In: the [`Token`]s of one segment, the [`Quantity`]s read from them and
//! the file's text. Out: a [`Reading`]: the sentence's [`Claim`]s (counts
//! by role, times, places and holders, causes, agents and instruments,
//! denials), each with its [`Modality`] and, where the sentence names one,
//! its attribution; and which tokens only frame the fact (who said it,
//! according to whom), so that linking can weigh them as nothing.
//!
//! Rules (the words come from `data/claims.txt`, see [`lexicon`](mod@lexicon)):
//! - A count's role is read the way a journalist reads it, not from the
//!   noun after the number alone: see [`counts`].
//! - A sentence set before the story's event (العام الماضي، قبل عامين),
//!   or telling of an earlier event of its kind (وجاء الحادث بعد أيام من
//!   حادث مماثل …), says so ([`Reading::past`]): its claims are of another time.
//! - A forecast or conditional word (متوقعا أن، قد يصل، يخشى) makes the
//!   counts after it in its clause forecasts; an earlier-figure word
//!   (الحصيلة السابقة) makes them earlier figures. A clause ends at a
//!   comma, semicolon or the end of the sentence.
//! - A saying clause (قال المتحدث باسم الجيش في تصريح … إن) and an
//!   attribution (وفق بيان للمحافظة، بحسب ما نقلته الوكالة) frame the
//!   sentence: their tokens are the claims' attribution and are not claims
//!   themselves.
//! - Times, places and slots are in [`time`] and [`slots`].
//!
//! ```
//! use mizan::claims::{read, ClaimKind, Role};
//! use mizan::text::tokenize::tokenize;
//! use mizan::text::numbers::quantities;
//!
//! let s = "لقي ستة أشخاص حتفهم وأصيب عشرون آخرون في انفجار صهريج.";
//! let tokens = tokenize(s, 0);
//! let qs = quantities(&tokens, s, &|_| false);
//! let reading = read(&tokens, &qs, s);
//! let roles: Vec<&Role> = reading.claims.iter().filter_map(|c| match &c.kind {
//!     ClaimKind::Count { role, .. } => Some(role),
//!     _ => None,
//! }).collect();
//! assert_eq!(roles, [&Role::Killed, &Role::Injured]);
//! ```

pub mod counts;
pub mod frame;
pub mod gazetteer;
pub mod keys;
pub mod lexicon;
pub mod slots;
pub mod small;
pub mod time;

use crate::text::numbers::{Amount, Quantity};
use crate::text::tokenize::Token;
use keys::Keys;
use lexicon::Entry;

/// The role of a count: who or what is counted.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Role {
    /// Killed: قتلى، وفيات، لقي حتفه، ضحايا of a toll.
    Killed,
    /// Injured.
    Injured,
    /// Missing.
    Missing,
    /// Displaced or refugees.
    Displaced,
    /// Arrested or detained.
    Arrested,
    /// Released.
    Released,
    /// Rescued alive.
    Rescued,
    /// Buried.
    Buried,
    /// Evacuated.
    Evacuated,
    /// Houses and buildings destroyed or damaged.
    Damaged,
    /// Bodies recovered.
    Recovered,
    /// A measure in a unit class (`money:usd`, `distance`, `share` …),
    /// compared in the class's base unit.
    Measure(#[serde(with = "crate::text::intern::static_str")] crate::text::intern::StaticStr),
    /// Any other counted noun, by its bare form (seats, engines, drones).
    Thing(String),
}

impl Role {
    /// The role named `name` in the data file.
    pub fn from_name(name: &str) -> Option<Role> {
        Some(match name {
            "killed" => Role::Killed,
            "injured" => Role::Injured,
            "missing" => Role::Missing,
            "displaced" => Role::Displaced,
            "arrested" => Role::Arrested,
            "released" => Role::Released,
            "rescued" => Role::Rescued,
            "buried" => Role::Buried,
            "evacuated" => Role::Evacuated,
            "damaged" => Role::Damaged,
            "recovered" => Role::Recovered,
            _ => return None,
        })
    }

    /// A short key for features and JSON.
    pub fn key(&self) -> String {
        match self {
            Role::Killed => "killed".into(),
            Role::Injured => "injured".into(),
            Role::Missing => "missing".into(),
            Role::Displaced => "displaced".into(),
            Role::Arrested => "arrested".into(),
            Role::Released => "released".into(),
            Role::Rescued => "rescued".into(),
            Role::Buried => "buried".into(),
            Role::Evacuated => "evacuated".into(),
            Role::Damaged => "damaged".into(),
            Role::Recovered => "recovered".into(),
            Role::Measure(c) => format!("measure:{c}"),
            Role::Thing(n) => format!("thing:{n}"),
        }
    }
}

/// How sure a sentence is of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// A forecast, a fear or a condition (قد يصل، متوقعا، إذا).
    Forecast,
    /// A figure the sentence itself calls earlier (الحصيلة السابقة).
    Earlier,
    /// Denied or negated (لم يسفر عن، نفى أن).
    Denied,
}

impl Modality {
    /// A short key for JSON.
    pub fn key(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Forecast => "forecast",
            Modality::Earlier => "earlier",
            Modality::Denied => "denied",
        }
    }
}

/// Which slot of an event a word fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SlotKind {
    /// Why it happened (a short circuit, arson, the weather).
    Cause,
    /// Who did it (gunmen, a suicide bomber).
    Agent,
    /// With what (a drone, a missile, a car bomb).
    Instrument,
}

impl SlotKind {
    /// A short key for JSON.
    pub fn key(self) -> &'static str {
        match self {
            SlotKind::Cause => "cause",
            SlotKind::Agent => "agent",
            SlotKind::Instrument => "instrument",
        }
    }
}

/// What a claim states.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ClaimKind {
    /// A count of a role.
    Count {
        /// Who or what is counted.
        role: Role,
        /// How many, in the role's base unit.
        amount: Amount,
    },
    /// A day of the week, 1 = Sunday.
    Weekday(u8),
    /// A span of hours of the day, `from..to`, wrapping at midnight.
    DayPart {
        /// First hour.
        from: u8,
        /// Hour it ends.
        to: u8,
    },
    /// A named place after a head noun (مدينة زوارة).
    Place {
        /// The head noun's bare key (مدينه).
        head: String,
        /// The name's keys.
        name: Vec<String>,
    },
    /// A named organisation after a head noun (حزب …).
    Holder {
        /// The head noun's bare key.
        head: String,
        /// The name's keys.
        name: Vec<String>,
    },
    /// A cause, agent or instrument.
    Slot {
        /// Which slot.
        kind: SlotKind,
        /// The class filling it.
        #[serde(with = "crate::text::intern::static_str")]
        class: crate::text::intern::StaticStr,
    },
}

impl ClaimKind {
    /// A short key for JSON: count, weekday, daypart, place, holder, or the
    /// slot's kind.
    pub fn key(&self) -> &'static str {
        match self {
            ClaimKind::Count { .. } => "count",
            ClaimKind::Weekday(_) => "weekday",
            ClaimKind::DayPart { .. } => "time_of_day",
            ClaimKind::Place { .. } => "place",
            ClaimKind::Holder { .. } => "holder",
            ClaimKind::Slot { kind, .. } => kind.key(),
        }
    }
}

/// One typed statement of a sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    /// What is stated.
    pub kind: ClaimKind,
    /// Byte span of its words in the file.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// How sure the sentence is of it.
    pub modality: Modality,
    /// Byte span of who says so, when the sentence names it.
    pub attribution: Option<(usize, usize)>,
}

impl Claim {
    /// A claim of `kind` over bytes `start..end`, with no attribution yet
    /// ([`read`] gives every claim of a sentence its speaker).
    pub fn new(kind: ClaimKind, start: usize, end: usize, modality: Modality) -> Claim {
        Claim {
            kind,
            start,
            end,
            modality,
            attribution: None,
        }
    }
}

/// A denial of a whole clause: نفى أن تكون القوات استخدمت …
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Denial {
    /// Token index of the denying word.
    pub word: usize,
    /// Token indices of the clause it denies.
    pub clause: std::ops::Range<usize>,
}

/// What was read of one sentence.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Reading {
    /// Its claims, in reading order.
    pub claims: Vec<Claim>,
    /// For each token, true when it only frames the fact (a saying clause
    /// or an attribution).
    pub frame: Vec<bool>,
    /// Clauses the sentence denies.
    pub denials: Vec<Denial>,
    /// True when the sentence sets its fact at a time before the story's
    /// event (العام الماضي): its claims are of that time.
    pub past: bool,
    /// True when the sentence is about why it happened: it names a cause,
    /// or says سبب، عزا، ناجم عن (أسباب الغرق لم تتضح بعد).
    pub about_cause: bool,
}

/// True when a clause break (comma, semicolon, colon) stands in the text
/// between token `k - 1` and token `k`.
pub(crate) fn break_before(tokens: &[Token], text: &str, k: usize) -> bool {
    k > 0
        && k < tokens.len()
        && text
            .get(tokens[k - 1].end..tokens[k].start)
            .is_some_and(|gap| gap.contains([',', '،', ';', '؛', ':']))
}

/// True when a word of `entry` stands outside the sentence's frame.
fn has(keys: &Keys, frame: &[bool], entry: &Entry) -> bool {
    (0..keys.len()).any(|k| !frame[k] && keys.find(k, |e| (e == entry).then_some(())).is_some())
}

/// Reads one sentence: its claims, framing tokens and denials.
pub fn read(tokens: &[Token], quantities: &[Quantity], text: &str) -> Reading {
    let keys = Keys::of(tokens);
    let (frame, speaker) = frame::frame(tokens, &keys, text);
    let mut claims = counts::counts(tokens, &keys, quantities, text, &frame);
    claims.retain(|c| !counts::is_subset(c, tokens, &keys, text));
    claims.extend(time::times(tokens, &keys, quantities, text));
    claims.extend(slots::slots(tokens, &keys, &frame));
    claims.extend(slots::places(tokens, &keys, text, &frame));
    claims.extend(gazetteer::places(tokens, &keys, &frame));
    claims.sort_by_key(|c| (c.start, c.end));
    for c in &mut claims {
        c.attribution = speaker;
    }
    // «قبل أيام من الانتخابات» is days before another event, not days ago.
    let past = (0..keys.len()).any(|k| {
        !frame[k]
            && keys
                .find(k, |e| (*e == Entry::Past).then_some(()))
                .is_some_and(|((), n)| keys.get(k + n) != Some(&"من"))
    }) || time::after_its_like(&keys, &frame);
    let about_cause = has(&keys, &frame, &Entry::CauseWord)
        || claims.iter().any(|c| {
            matches!(
                c.kind,
                ClaimKind::Slot {
                    kind: SlotKind::Cause,
                    ..
                }
            )
        });
    let denials = slots::denials(&keys);
    Reading {
        claims,
        frame,
        denials,
        past,
        about_cause,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::numbers::quantities;
    use crate::text::tokenize::tokenize;

    fn reading(s: &str) -> Reading {
        let t = tokenize(s, 0);
        let q = quantities(&t, s, &|_| false);
        read(&t, &q, s)
    }

    fn framed(s: &str) -> String {
        let t = tokenize(s, 0);
        let r = reading(s);
        t.iter()
            .zip(&r.frame)
            .filter(|(_, f)| **f)
            .map(|(t, _)| &s[t.start..t.end])
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn counts_of(s: &str) -> Vec<(String, String)> {
        reading(s)
            .claims
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Count { role, amount } => Some((role.key(), amount.to_string())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn days_ago_is_an_earlier_time_and_days_before_something_is_not() {
        assert!(reading("وقبل أيام انهار جسر في مدينة أخرى وقتل أربعة أشخاص.").past);
        assert!(reading("وقبل أسبوعين غرق قارب آخر قبالة السواحل نفسها.").past);
        assert!(!reading("قبل أيام من الانتخابات قتل خمسة أشخاص في هجوم على مركز اقتراع.").past);
        assert!(!reading("قتل خمسة أشخاص في هجوم على مركز اقتراع.").past);
    }

    #[test]
    fn an_event_after_another_of_its_kind_tells_of_that_one() {
        // The counts are of the earlier explosion in another port.
        assert!(
            reading("ويأتي الانفجار بعد أيام قليلة من انفجار في ميناء آخر أودى بحياة 9 عمال.").past
        );
        assert!(reading("ووقع الحادث عقب يومين من حادث مماثل قتل فيه 12 شخصا.").past);
        // After a meeting, or after midnight: the story's own event.
        assert!(!reading("وجاء الهجوم بعد ساعات من اجتماع للحكومة في العاصمة.").past);
        assert!(!reading("وقع الانفجار بعد منتصف الليل بقليل وقتل ثلاثة حراس.").past);
        // The story's own fire, named again: a toll two days on.
        assert!(!reading("ارتفعت حصيلة ضحايا الحريق إلى 15 قتيلا بعد يومين من الحريق.").past);
    }

    #[test]
    fn a_total_of_two_roles_is_neither_roles_count() {
        // Dead and wounded together: not 40 dead, nor 40 wounded.
        assert!(counts_of("سقط 40 قتيلا وجريحا في القصف الذي استهدف السوق.").is_empty());
        assert!(counts_of("سقط 15 جريحا وقتيلا في انفجار المستودع.").is_empty());
        assert!(counts_of("أفادت مصادر بمقتل وإصابة 25 شخصا في الهجوم.").is_empty());
        // One killed and dozens injured, each its own count.
        let one_and_dozens = counts_of("ما أدى إلى سقوط قتيل وإصابة العشرات.");
        assert!(
            one_and_dozens.iter().any(|(r, _)| r == "injured"),
            "{one_and_dozens:?}"
        );
        // A role word with a pronoun closes its own count.
        assert_eq!(
            counts_of("لقي 4 صيادين حتفهم وأصيب 9 آخرون في العاصفة."),
            [
                ("killed".into(), "4".into()),
                ("injured".into(), "9".into())
            ]
        );
        // Each role with its own number stays.
        assert_eq!(
            counts_of("أسفر الهجوم عن مقتل 5 وإصابة 12 آخرين."),
            [
                ("killed".into(), "5".into()),
                ("injured".into(), "12".into())
            ]
        );
    }

    #[test]
    fn parts_of_a_group_and_generic_nouns_are_not_measures() {
        // The whole before "among them" is the toll …
        assert!(
            counts_of("توفي 20 شخصا بينهم ثلاثة أطفال في حادث السير.")
                .contains(&("killed".into(), "20".into()))
        );
        // … a count that ends on "among them" is part of another group.
        assert!(
            counts_of("ونقل المرضى إلى مبنى آخر، وسجلت حالة وفاة واحدة بينهم، وفق المستشفى.")
                .iter()
                .all(|(r, _)| r != "killed")
        );
        // "One of the nurses" counts no nurses; "cases" say nothing alone.
        assert!(counts_of("وتحدثت إحدى الممرضات للصحفيين عن ليلة الحادث.").is_empty());
        assert!(counts_of("ونقلت خمس حالات إلى مستشفى المدينة صباح اليوم.").is_empty());
    }

    #[test]
    fn a_count_after_among_them_is_the_part_and_among_them_is_not_counted() {
        let s = "وارتفعت أعداد الجرحى إلى 640 بينهم 210 في حالة حرجة.";
        let t = tokenize(s, 0);
        let counts: Vec<(String, String, bool)> = reading(s)
            .claims
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Count { role, amount } => Some((
                    role.key(),
                    amount.to_string(),
                    counts::is_subset(c, &t, &Keys::of(&t), s),
                )),
                _ => None,
            })
            .collect();
        assert!(
            counts.contains(&("injured".into(), "640".into(), false)),
            "{counts:?}"
        );
        assert!(
            counts.iter().filter(|c| c.1 == "210").all(|c| c.2),
            "{counts:?}"
        );
    }

    #[test]
    fn an_attribution_inside_a_saying_clause_ends_at_that() {
        let s = "وذكرت الإذاعة نقلا عن بيان للوزارة أن حصيلة القتلى ارتفعت إلى 40 قتيلا.";
        assert!(!framed(s).contains("حصيلة"), "{}", framed(s));
        assert!(counts_of(s).contains(&("killed".into(), "40".into())));
    }

    #[test]
    fn drowned_gives_its_role_only_to_people_right_after_it() {
        assert!(
            counts_of("غرق 35 مهاجرا قبالة السواحل الليبية فجر اليوم.")
                .contains(&("killed".into(), "35".into()))
        );
        assert!(
            !counts_of("غرق قارب يقل 40 مهاجرا قبالة السواحل الليبية فجر اليوم.")
                .iter()
                .any(|(r, _)| r == "killed")
        );
    }

    #[test]
    fn turnout_is_one_share_in_any_of_its_words() {
        let a = counts_of("وقدرت نسبة المشاركة في الاستفتاء الدستوري بنحو 61 في المئة.");
        let b = counts_of(
            "وذكرت اللجنة أن نسبة الإقبال على الاقتراع في الاستفتاء الدستوري وصلت إلى 47 %.",
        );
        assert_eq!(a[0].0, "thing:share:turnout", "{a:?}");
        assert_eq!(b[0].0, "thing:share:turnout", "{b:?}");
    }

    #[test]
    fn a_time_after_until_is_not_the_events() {
        let dayparts = |s: &str| {
            reading(s)
                .claims
                .iter()
                .filter(|c| matches!(c.kind, ClaimKind::DayPart { .. }))
                .count()
        };
        assert_eq!(dayparts("وقع الانفجار عند الساعة الثانية صباحا."), 1);
        assert_eq!(
            dayparts("وبلغت الحصيلة 40 قتيلا حتى الساعة الثانية صباحا."),
            0
        );
    }

    #[test]
    fn a_place_name_ends_before_a_title() {
        let names: Vec<Vec<String>> =
            reading("وتفقد مدير الدفاع المدني في منطقة الساحل اللواء سامر الخطيب موقع الحريق.")
                .claims
                .iter()
                .filter_map(|c| match &c.kind {
                    ClaimKind::Place { name, .. } => Some(name.clone()),
                    _ => None,
                })
                .collect();
        assert_eq!(names, vec![vec!["الساحل".to_string()]]);
    }

    #[test]
    fn a_saying_clause_frames_the_fact() {
        assert_eq!(
            framed("وقال الناطق باسم الشرطة في مؤتمر صحفي إن الطريق أغلق."),
            "وقال الناطق باسم الشرطة في مؤتمر صحفي إن"
        );
    }

    #[test]
    fn an_attribution_frames_to_the_next_comma() {
        assert_eq!(
            framed("وبحسب ما أوردته الإذاعة المحلية، افتتح الوزير جسرا جديدا."),
            "وبحسب ما أوردته الإذاعة المحلية"
        );
        assert_eq!(
            framed("غرقت سفينة شحن قرب الميناء، وفق خفر السواحل."),
            "وفق خفر السواحل"
        );
    }

    #[test]
    fn an_attribution_ends_where_a_count_begins() {
        let s = "وارتفع عدد المصابين وفقا لتقرير مديرية الصحة إلى 31 مصابا بينهم أطفال.";
        assert_eq!(framed(s), "وفقا لتقرير مديرية الصحة");
        assert_eq!(counts_of(s), [("injured".into(), "31".into())]);
        let s = "بلغت الحصيلة بحسب مصادر طبية 9 قتلى في القرية.";
        assert_eq!(framed(s), "بحسب مصادر طبية");
        assert_eq!(counts_of(s), [("killed".into(), "9".into())]);
        // A number that counts no victims is part of the source.
        assert_eq!(
            framed("اندلع الحريق في المستودع، بحسب قناة فرانس 24."),
            "بحسب قناة فرانس 24"
        );
        assert_eq!(
            framed("انهار الجسر صباحا، وفقا لـ3 شهود عيان."),
            "وفقا لـ 3 شهود عيان"
        );
    }

    #[test]
    fn a_sentence_of_last_year_says_so() {
        assert!(reading("وفي العام الماضي، لقي 14 شخصا حتفهم في حادث مماثل.").past);
        assert!(!reading("لقي 14 شخصا حتفهم في الحادث.").past);
    }

    #[test]
    fn claims_carry_their_attribution() {
        let s = "قالت الحماية المدنية إن 9 أشخاص قتلوا.";
        let r = reading(s);
        let (a, b) = r.claims[0].attribution.unwrap();
        assert_eq!(&s[a..b], "الحماية المدنية");
    }
}
