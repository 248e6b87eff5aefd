//! Counts written without a number: zero by a denial, one by an
//! indefinite singular, two by a dual.
//!
//! In: a sentence's tokens, its [`Quantity`]s, the file's text and which
//! tokens frame the sentence. Out: [`Claim`]s of kind
//! [`ClaimKind::Count`] with amounts 0, 1 or 2 (or a unit's dual).
//!
//! Rules:
//! - A denial before a role word with no number counts zero of it (لم يسفر
//!   الحريق عن إصابات = 0 injured), but only when the role word is what is
//!   denied: right after the denial or after عن، من، أي (لا توجد إحصاءات
//!   لعدد الضحايا denies the statistics, not the dead).
//! - An indefinite singular counts one: of its role (سقوط قتيل), or of
//!   people right after a passive verb of a role (قتل متظاهر، أصيب شرطي).
//!   Not with the article, an accusative alif, a pronoun, a number after it
//!   or كل before it (لكل مصاب, for each injured), nor after «بين» (سقط 500
//!   بين قتيل وجريح: the kinds of a combined toll).
//! - «Without» or «no» right before a role noun counts zero of it (دون
//!   إصابات، لا قتلى), not before a verb (لا يقتل) or a number.
//! - An indefinite plural of a role with no number counts two or more
//!   (vague) when it opens the sentence or follows a noun of occurring
//!   (قتلى وجرحى في انفجار، أسفر عن سقوط قتلى); not in construct
//!   (ضحايا الزلزال يروون: people, not a toll).
//! - People in the nominative dual count two (لقي شخصان مصرعهما), with a
//!   bound after them (شرطيان على الأقل = at least 2); a unit in the dual
//!   counts two of it (طنين = 2000 kg).

use super::counts::{modality_at, role_at, role_from_context};
use super::lexicon::{Entry, lexicon};
use super::{Claim, ClaimKind, Modality, Role, keys::Keys};
use crate::text::numbers::{Amount, Quantity};
use crate::text::tokenize::Token;

/// Words before a denied role word that keep it the thing denied: links,
/// and nouns of occurring (لم يسفر الانفجار عن سقوط قتلى: no one killed).
const DENIED_LINK: &[&str] = &["عن", "من", "اي", "ايه", "اية", "سقوط", "وقوع", "تسجيل"];

/// Words of "without" or "no" that count zero of a role noun right after
/// them (دون إصابات، بلا ضحايا، لا قتلى).
pub(crate) const WITHOUT: &[&str] = &["دون", "بدون", "بلا", "لا", "ودون", "وبدون", "ولا"];

/// Indefinite plurals of roles with no number: some of them, two or more
/// (سقوط قتلى وجرحى، قتلى في انفجار).
const PLURAL_ROLES: &[&str] = &[
    "قتلي",
    "ضحايا",
    "جرحي",
    "مصابين",
    "مصابون",
    "اصابات",
    "وفيات",
    "مفقودين",
    "مفقودون",
];

/// Nouns of occurring before an indefinite plural of a role (سقوط قتلى).
const OCCURRING: &[&str] = &["سقوط", "وقوع", "وسقوط", "ووقوع"];

/// Tokens after a denial within which its role word is looked for (نفت
/// الوزارة الموريتانية تسجيل أي حالة وفاة).
pub const DENIAL_REACH: usize = 6;

/// Indefinite singulars of roles: one killed, one injured …
const SINGULAR_ROLES: &[(&str, Role)] = &[
    ("قتيل", Role::Killed),
    ("شهيد", Role::Killed),
    ("جريح", Role::Injured),
    ("مصاب", Role::Injured),
    ("مفقود", Role::Missing),
    ("معتقل", Role::Arrested),
];

/// Perfect passive verbs of roles, whose subject may be one person (قتل
/// متظاهر، أصيب شرطي).
const ROLE_VERBS: &[(&str, Role)] = &[
    ("قتل", Role::Killed),
    ("توفي", Role::Killed),
    ("استشهد", Role::Killed),
    ("اصيب", Role::Injured),
    ("جرح", Role::Injured),
    ("اعتقل", Role::Arrested),
    ("فقد", Role::Missing),
];

/// True for an indefinite singular form: no article, no plural or dual
/// ending, no attached pronoun of the plural.
fn singular(key: &str) -> bool {
    !key.starts_with("ال")
        && key.chars().count() >= 3
        && !["ين", "ون", "ات", "ان", "ا", "هم", "ها", "ه"]
            .iter()
            .any(|e| key.ends_with(e))
}

/// The counts of a sentence written without a number.
pub fn small_counts(
    tokens: &[Token],
    keys: &Keys,
    quantities: &[Quantity],
    text: &str,
    frame: &[bool],
) -> Vec<Claim> {
    let lex = lexicon();
    let mut out = Vec::new();
    let inside = |k: usize| {
        quantities
            .iter()
            .any(|q| q.start <= tokens[k].start && tokens[k].end <= q.end)
    };
    // Zero counts: a denial and the role word it denies.
    let mut k = 0;
    while k < tokens.len() {
        let Some(((), n)) = keys.find(k, |e| (*e == Entry::Modal(Modality::Denied)).then_some(()))
        else {
            k += 1;
            continue;
        };
        let found = role_at(keys, k)
            .filter(|(_, m)| *m == n)
            .map(|(r, _)| (r, k, n))
            .or_else(|| {
                (k + n..(k + n + DENIAL_REACH).min(tokens.len())).find_map(|j| {
                    let (r, m) = role_at(keys, j)?;
                    let linked = j == k + n || DENIED_LINK.contains(&keys[j - 1]);
                    (linked && !inside(j)).then_some((r, j, m))
                })
            });
        if let Some((role, j, m)) = found
            && !frame[k]
        {
            let end = tokens[(j + m).min(tokens.len()) - 1].end;
            out.push(Claim::new(
                ClaimKind::Count {
                    role,
                    amount: Amount::Exact(0.0),
                },
                tokens[k].start,
                end,
                Modality::Asserted,
            ));
        }
        k += n;
    }
    // Zero: «without» or «no» right before a role noun (دون إصابات), not
    // a verb (لا يقتل) nor a number (دون 18 عاما).
    let covered = |out: &[Claim], k: usize| {
        out.iter()
            .any(|c| c.start <= tokens[k].start && tokens[k].end <= c.end)
    };
    for k in 0..tokens.len().saturating_sub(1) {
        if !WITHOUT.contains(&keys[k]) || frame[k] || inside(k + 1) || covered(&out, k + 1) {
            continue;
        }
        let verb = keys[k + 1].starts_with(['ي', 'ت', 'ن']);
        if let Some((role, m)) = role_at(keys, k + 1).filter(|_| !verb) {
            out.push(Claim::new(
                ClaimKind::Count {
                    role,
                    amount: Amount::Exact(0.0),
                },
                tokens[k].start,
                tokens[k + m].end,
                Modality::Asserted,
            ));
        }
    }
    // Some: an indefinite plural of a role with no number, opening the
    // sentence or after a noun of occurring (قتلى وجرحى في انفجار، أسفر
    // عن سقوط قتلى), and one joined to it by «و» (وجرحى).
    let mut joined = false;
    for k in 0..tokens.len() {
        let bare = keys[k]
            .strip_prefix('و')
            .filter(|_| joined)
            .unwrap_or(keys[k]);
        let opens = k == 0 || OCCURRING.contains(&keys[k - 1]) || joined;
        joined = false;
        // In construct (ضحايا الزلزال يروون) it names people, not a toll.
        let construct = keys.get(k + 1).is_some_and(|n| n.starts_with("ال"));
        if !opens
            || !PLURAL_ROLES.contains(&bare)
            || inside(k)
            || frame[k]
            || covered(&out, k)
            || construct
        {
            continue;
        }
        let Some((role, _)) = role_at(&Keys::from_words(vec![bare]), 0) else {
            continue;
        };
        joined = true;
        let modality = modality_at(tokens, keys, text, k);
        out.push(Claim::new(
            ClaimKind::Count {
                role,
                amount: Amount::Vague {
                    min: 2.0,
                    max: None,
                },
            },
            tokens[k].start,
            tokens[k].end,
            modality,
        ));
    }
    // One: an indefinite singular of a role (سقوط قتيل) or of people after
    // a role word (قتل متظاهر).
    for k in 0..tokens.len() {
        if inside(k) || frame[k] || tokens[k].kind != crate::text::tokenize::TokenKind::Word {
            continue;
        }
        let bare = keys[k]
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.chars().count() >= 3)
            .unwrap_or(keys[k]);
        let next_is_number = k + 1 < tokens.len() && inside(k + 1);
        if next_is_number || !singular(bare) {
            continue;
        }
        let own = SINGULAR_ROLES
            .iter()
            .find(|(w, _)| *w == bare)
            .map(|(_, r)| r.clone());
        let after_role = || {
            let person = keys.at(k).iter().any(|(e, _)| **e == Entry::Person);
            let verb = k.checked_sub(1).and_then(|j| {
                let v = keys[j]
                    .strip_prefix(['و', 'ف'])
                    .filter(|r| r.chars().count() >= 3)
                    .unwrap_or(keys[j]);
                ROLE_VERBS
                    .iter()
                    .find(|(w, _)| *w == v)
                    .map(|(_, r)| r.clone())
            });
            verb.filter(|_| person)
        };
        // لكل مصاب is "for each injured", not one.
        let each = k > 0 && matches!(keys[k - 1], "كل" | "لكل" | "بكل" | "وكل");
        // «بين قتيل وجريح» names the kinds of a combined toll (500 fell
        // between dead and wounded), not one of each.
        let between = k > 0 && keys[k - 1] == "بين"
            || k > 1 && keys[k - 2] == "بين" && keys[k].starts_with('و');
        if each || between {
            continue;
        }
        if let Some(role) = own.or_else(after_role) {
            let modality = modality_at(tokens, keys, text, k);
            out.push(Claim::new(
                ClaimKind::Count {
                    role,
                    amount: Amount::Exact(1.0),
                },
                tokens[k].start,
                tokens[k].end,
                modality,
            ));
        }
    }
    // Two: people in the nominative dual (شخصان، طفلان), whose singular
    // the story may not have (the quantity reader asks for it), with the
    // role of the words around them.
    for k in 0..tokens.len() {
        if inside(k) || frame[k] {
            continue;
        }
        let Some(base) = keys[k]
            .strip_suffix("ان")
            .filter(|b| b.chars().count() >= 3)
        else {
            continue;
        };
        let person = lex.at(&[base]).iter().any(|(e, _)| **e == Entry::Person);
        if let Some(role) =
            role_from_context(tokens, keys, text, frame, (k, k + 1)).filter(|_| person)
        {
            let modality = modality_at(tokens, keys, text, k);
            // A bound after the dual: شرطيان على الأقل.
            let amount = crate::text::numbers::lexicon::lexicon()
                .phrase_at(&keys[k + 1..], |e| match e {
                    crate::text::numbers::lexicon::Entry::Bound(b) => Some(b),
                    _ => None,
                })
                .map_or(Amount::Exact(2.0), |(b, _)| {
                    crate::text::numbers::bound_of(b, 2.0)
                });
            out.push(Claim::new(
                ClaimKind::Count { role, amount },
                tokens[k].start,
                tokens[k].end,
                modality,
            ));
        }
    }
    // Units in the dual.
    for (k, t) in tokens.iter().enumerate() {
        if inside(k) || frame[k] {
            continue;
        }
        if let Some(((c, v), _)) = keys.find(k, |e| match e {
            Entry::Dual(c, v) => Some((*c, *v)),
            _ => None,
        }) {
            let modality = modality_at(tokens, keys, text, k);
            out.push(Claim::new(
                ClaimKind::Count {
                    role: Role::Measure(c),
                    amount: Amount::Exact(v),
                },
                t.start,
                t.end,
                modality,
            ));
        }
    }
    out
}
