//! Times: the weekday and the part of the day a sentence gives.
//!
//! In: a sentence's tokens and quantities. Out: [`Claim`]s of kind
//! [`ClaimKind::Weekday`] and [`ClaimKind::DayPart`].
//!
//! Rules:
//! - A weekday is written with its article (الأحد، يوم الإثنين); أحد alone
//!   is "one of".
//! - A part of the day is a span of hours (`data/claims.txt`): فجر 3–7,
//!   مساء 16–21, ليل 19–6 (wrapping midnight), منتصف الليل 23–1.
//! - A clock time (الساعة الثالثة، الساعة 3) is the hour it names to the
//!   next; a word after it (فجرا، عصرا) moves it to the afternoon when it
//!   says so (الثالثة عصرا = 15–16).
//! - An hour of a part of the day (الثانية من صباح الأحد) is that hour,
//!   in the half of the day the part names.
//! - A time after «حتى» (until, as of) is when a figure was counted, not
//!   when the event happened; so is a time set off by a comma shortly after
//!   a toll's name (حصيلة، عدد but not «عدد من»: `count-head` in
//!   `data/claims.txt`) with no word joined by «و», light verb or relative
//!   pronoun between them (ارتفعت حصيلة ضحايا الانفجار، صباح اليوم، إلى
//!   22). These toll's times are left out of the sentence's claims (and of
//!   story JSON). After one of those words (حصيلة الانفجار الذي وقع، منتصف
//!   الليل), without the comma (حصيلة زلزال الأحد) or after «عدد من» (قتل
//!   عدد من المدنيين في قصف، فجر اليوم) the time is the event's.
//! - Dates are quantities already ([`QuantityKind::Date`]); the comparison
//!   reads them there.
//! - A sentence that sets the event after another of its kind (يأتي
//!   الحادث بعد أيام من حادث مماثل …، وقع الانفجار بعد يومين من انفجار
//!   …) tells of that other one: [`after_its_like`].

use super::lexicon::Entry;
use super::{Claim, ClaimKind, Modality, keys::Keys};
use crate::text::numbers::{Quantity, QuantityKind};
use crate::text::tokenize::Token;

/// Words that set one event after another (بعد، عقب، أعقاب).
const AFTER: &[&str] = &["بعد", "عقب", "اعقاب"];

/// Tokens before «بعد» within which the event's noun stands (يأتي الحادث
/// بعد), and after it within which «من» and the other event's noun do
/// (بعد ساعات قليلة من حادث).
const AFTER_REACH: usize = 5;

/// True when the sentence sets its event after another of the same kind:
/// a word (three letters or more) before «بعد» and the same word,
/// indefinite, right after a «من» shortly after (وجاء الحادث بعد أيام من
/// حادث مماثل على الطريق نفسه: the counts that follow are the other
/// accident's). Another noun after «من» (جاء الهجوم بعد ساعات من قيام
/// أنصار …) is a cause or a setting, not a second event of its kind.
pub fn after_its_like(keys: &Keys, frame: &[bool]) -> bool {
    let bare = super::lexicon::bare;
    (0..keys.len())
        .filter(|&k| !frame[k] && AFTER.contains(&keys[k]))
        .any(|k| {
            let before: Vec<&str> = (k.saturating_sub(AFTER_REACH)..k)
                .filter(|&i| keys[i].chars().count() >= 3)
                .map(|i| bare(keys[i]))
                .collect();
            // The other one is indefinite (من حادث); «بعد يومين من
            // الحريق» is the story's own fire.
            (k + 2..keys.len().min(k + 2 + AFTER_REACH))
                .filter(|&j| keys[j - 1] == "من" && !keys[j].starts_with("ال"))
                .any(|j| before.contains(&bare(keys[j])))
        })
}

/// The hour (1–12) a clock time at token `k` names: a number or an
/// ordinal quantity starting there.
fn hour_at(tokens: &[Token], quantities: &[Quantity], k: usize) -> Option<(u8, usize)> {
    let t = tokens.get(k)?;
    let q = quantities.iter().find(|q| q.start == t.start)?;
    let v = q.amount.exact()?;
    let ok =
        matches!(q.kind, QuantityKind::Count | QuantityKind::Ordinal) && (1.0..=24.0).contains(&v);
    let end = tokens
        .iter()
        .position(|t| t.start >= q.end)
        .unwrap_or(tokens.len());
    // A noun read as counted by the number (الثالثة فجرا) is not part of it.
    let end = end.min(k + 1);
    ok.then_some((v as u8, end))
}

/// Words for "until, as of" before a time (normalised keys).
const UNTIL: &[&str] = &["حتي", "وحتي", "لغايه"];

/// Tokens before a time within which «حتى» governs it (حتى الساعة …).
const UNTIL_REACH: usize = 2;

/// Verbs that only say something happened; the event is the word after
/// (normalised keys).
pub const LIGHT: &[&str] = &[
    "وقع", "وقعت", "حدث", "حدثت", "جري", "جرت", "شهد", "شهدت", "دوي", "سجل", "سجلت",
];

/// Tokens between a toll's name and a time within which the time is the
/// toll's: the name, what it counts and where (حصيلة ضحايا انفجار البلدة
/// في القضاء شمالي البلاد) take about ten.
pub const TOLL_TIME_REACH: usize = 12;

/// True when the time starting at token `first` is a toll's: a comma
/// right before it, and a count's name (not «عدد من», a number of) within
/// [`TOLL_TIME_REACH`] tokens before it, with no word joined by «و», light
/// verb or relative word (`counts`' list) between: those open the event's
/// own clause.
fn toll_time(tokens: &[Token], keys: &Keys, text: &str, first: usize) -> bool {
    if !super::break_before(tokens, text, first) {
        return false;
    }
    let Some(head) = (first.saturating_sub(TOLL_TIME_REACH)..first)
        .rev()
        .find(|&k| {
            keys.find(k, |e| (*e == Entry::CountHead).then_some(()))
                .is_some()
        })
    else {
        return false;
    };
    keys.get(head + 1) != Some(&"من")
        && !keys[head + 1..first].iter().any(|&key| {
            key.starts_with('و')
                || LIGHT.contains(&key.strip_prefix('ف').unwrap_or(key))
                || super::counts::RELATIVE.contains(&key)
        })
}

/// The time claims of a sentence; none for a time after «حتى» or a
/// toll's time. `text` is the file.
pub fn times(tokens: &[Token], keys: &Keys, quantities: &[Quantity], text: &str) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if keys[k] == "الساعه"
            && let Some((h, after)) = hour_at(tokens, quantities, k + 1)
        {
            let shift = keys.find(after, |e| match e {
                Entry::Clock(a, _) => Some(*a),
                _ => None,
            });
            let (hour, end) = match shift {
                Some((12, n)) if h < 12 => (h + 12, after + n),
                Some((_, n)) => (h % 24, after + n),
                None => (h % 24, after),
            };
            out.push(Claim::new(
                ClaimKind::DayPart {
                    from: hour,
                    to: (hour + 1) % 24,
                },
                tokens[k].start,
                tokens[end - 1].end,
                Modality::Asserted,
            ));
            k = end;
            continue;
        }
        let found = keys.at(k).iter().find_map(|&(e, n)| match e {
            Entry::Weekday(d) => Some((ClaimKind::Weekday(*d), n)),
            Entry::DayPart(a, b) => Some((ClaimKind::DayPart { from: *a, to: *b }, n)),
            _ => None,
        });
        // An hour of a part of the day (الثانية من صباح الأحد) is that hour.
        let found = match found {
            Some((ClaimKind::DayPart { from, to }, n)) if k >= 2 && keys[k - 1] == "من" => {
                match hour_at(tokens, quantities, k - 2) {
                    Some((h, _)) => {
                        // The half of the day comes from the word's clock
                        // reading (الثانية من صباح أمس is 2 a.m., before
                        // the morning's span begins); else from its span.
                        let half = keys.find(k, |e| match e {
                            Entry::Clock(a, _) => Some(*a),
                            _ => None,
                        });
                        let within = hours(from, to);
                        let h = match half {
                            Some((0, _)) => h % 12,
                            Some((_, _)) if h < 12 => h + 12,
                            Some((_, _)) => h % 24,
                            None if within[h as usize % 24] => h,
                            None => (h + 12) % 24,
                        };
                        Some((
                            ClaimKind::DayPart {
                                from: h,
                                to: (h + 1) % 24,
                            },
                            n,
                        ))
                    }
                    None => found,
                }
            }
            other => other,
        };
        match found {
            Some((kind, n)) => {
                out.push(Claim::new(
                    kind,
                    tokens[k].start,
                    tokens[k + n - 1].end,
                    Modality::Asserted,
                ));
                k += n;
            }
            None => k += 1,
        }
    }
    // A time after «حتى» (until, as of) is when a figure was counted or a
    // silence lasted (حتى الساعة الثانية صباحا، حتى مساء الأحد), not when
    // the event happened.
    out.retain(|c| {
        let first = tokens.iter().position(|t| t.start >= c.start).unwrap_or(0);
        !keys[first.saturating_sub(UNTIL_REACH)..first]
            .iter()
            .any(|k| UNTIL.contains(k))
            && !toll_time(tokens, keys, text, first)
    });
    out
}

/// The hours of a part of the day, as a set of the 24 hours.
pub fn hours(from: u8, to: u8) -> [bool; 24] {
    let mut h = [false; 24];
    let mut x = from % 24;
    loop {
        h[x as usize] = true;
        x = (x + 1) % 24;
        if x == to % 24 {
            break;
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_early_hour_of_the_morning_stays_before_dawn() {
        // Two in the morning: صباح names the a.m. half, not 5–12.
        assert!(
            kinds("اندلع الحريق عند الثانية من صباح السبت.")
                .contains(&ClaimKind::DayPart { from: 2, to: 3 })
        );
        // Eight in the evening.
        assert!(
            kinds("وصل الوفد عند الثامنة من مساء الأحد.")
                .contains(&ClaimKind::DayPart { from: 20, to: 21 })
        );
    }
    use crate::text::numbers::quantities;
    use crate::text::tokenize::tokenize;

    fn kinds(s: &str) -> Vec<ClaimKind> {
        let t = tokenize(s, 0);
        let q = quantities(&t, s, &|_| false);
        times(&t, &Keys::of(&t), &q, s)
            .into_iter()
            .map(|c| c.kind)
            .collect()
    }

    #[test]
    fn a_tolls_time_is_left_out_and_the_events_kept() {
        // The hour the toll rose to 22.
        assert!(kinds("ارتفعت حصيلة ضحايا الانفجار في البلدة، صباح اليوم، إلى 22 قتيلا.").is_empty());
        // «عدد من» is a number of people: the hour is the event's.
        assert!(!kinds("قتل عدد من المدنيين في قصف على المدينة، فجر اليوم.").is_empty());
        // A clause of its own, joined by «و», tells the event's hour.
        assert!(!kinds("بلغت حصيلة الضحايا 10 قتلى، وانفجرت السيارة فجر الأحد.").is_empty());
    }

    #[test]
    fn weekdays_and_parts_of_the_day() {
        assert_eq!(
            kinds("اندلعت الاشتباكات مساء الخميس."),
            [
                ClaimKind::DayPart { from: 16, to: 21 },
                ClaimKind::Weekday(5)
            ]
        );
        assert!(kinds("قال أحد السكان إن الماء انقطع.").is_empty());
    }

    #[test]
    fn a_clock_time_and_its_half_of_the_day() {
        assert_eq!(
            kinds("انطلقت الرحلة في الساعة الرابعة عصرا."),
            [ClaimKind::DayPart { from: 16, to: 17 }]
        );
        assert_eq!(
            kinds("بدأ القصف الساعة 2 فجرا."),
            [ClaimKind::DayPart { from: 2, to: 3 }]
        );
    }

    #[test]
    fn an_hour_of_a_part_of_the_day() {
        assert_eq!(
            kinds("اندلع الحريق في الثالثة من فجر الأحد."),
            [ClaimKind::DayPart { from: 3, to: 4 }, ClaimKind::Weekday(1)]
        );
        assert_eq!(
            kinds("وصل الوفد في السادسة من مساء السبت."),
            [
                ClaimKind::DayPart { from: 18, to: 19 },
                ClaimKind::Weekday(7)
            ]
        );
    }

    #[test]
    fn hours_wrap_at_midnight() {
        let night = hours(19, 6);
        assert!(night[23] && night[2] && !night[12]);
    }
}
