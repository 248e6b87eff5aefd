//! Amounts and whether two of them can both be true.
//!
//! In: what a text says of a quantity: an exact value, a bound, an
//! approximation or a vague amount. Out: the interval of values it allows, and
//! [`Amount::compatible`]: two amounts are compatible when their intervals
//! meet. "a number of" (2 or more) and "six" meet; "at least one" and
//! "three" meet; "more than 125" and "130" meet; "one" and "three" do not.

use std::fmt;

/// How far an approximate amount ("نحو 600") may be from its value: a tenth
/// either way, the convention of `shared/eval/CHECKLIST.md` (نحو 15 مليار and
/// نحو 10 مليارات cannot both hold; نحو 300 ألف and 300 ألف can). A fifth
/// had let about 200 meet 260.
pub const ABOUT_TOLERANCE: f64 = 0.1;

/// What a vague plural of tens ("عشرات") or hundreds ("مئات") allows at most:
/// tens stop below a hundred, hundreds below a thousand.
pub const VAGUE_SPAN: f64 = 10.0;

/// From this least value a vague plural has no upper end: «آلاف» is said of
/// 12,000 as of 3,000 (tens of thousands have their own words, but writers
/// do not keep to them), and «ملايين» likewise.
pub const VAGUE_OPEN_FROM: f64 = 1000.0;

/// What a text says of a quantity: an exact value, a bound, an
/// approximation or a vague amount; [`Amount::interval`] gives the values it allows.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Amount {
    /// Exactly this value (ستة، 6، طائرتين = 2).
    Exact(f64),
    /// At least this value (على الأقل، ما لا يقل عن).
    AtLeast(f64),
    /// Strictly more than this value (أكثر من).
    MoreThan(f64),
    /// At most this value (على الأكثر).
    AtMost(f64),
    /// Strictly less than this value (أقل من).
    LessThan(f64),
    /// Roughly this value (نحو، قرابة، ما يقرب من).
    About(f64),
    /// Some amount of at least `min` (عدد من = 2+, عشرات = 10+); `max` when the
    /// word caps it (عشرات < 100).
    Vague {
        /// The least value the word can mean.
        min: f64,
        /// The most it can mean, when the word caps it; `None` is no upper bound.
        max: Option<f64>,
    },
}

impl Amount {
    /// The closed interval of values this amount allows (open ends are
    /// nudged by a small epsilon: counts are whole, so `> 125` is `>= 125.5`).
    pub fn interval(self) -> (f64, f64) {
        const EPS: f64 = 0.5;
        match self {
            Amount::Exact(v) => (v, v),
            Amount::AtLeast(v) => (v, f64::INFINITY),
            Amount::MoreThan(v) => (v + EPS, f64::INFINITY),
            Amount::AtMost(v) => (f64::NEG_INFINITY, v),
            Amount::LessThan(v) => (f64::NEG_INFINITY, v - EPS),
            Amount::About(v) => (v * (1.0 - ABOUT_TOLERANCE), v * (1.0 + ABOUT_TOLERANCE)),
            Amount::Vague { min, max } => (min, max.unwrap_or(f64::INFINITY)),
        }
    }

    /// True when both amounts can hold at once.
    ///
    /// A strict bound and the exact figure it names meet: "more than 5,000"
    /// is how one outlet rounds a toll that another gives as 5,000.
    pub fn compatible(self, other: Amount) -> bool {
        // A vague amount is compatible with any count (the convention of
        // `shared/eval/CHECKLIST.md`: «العشرات» and 200 differ in detail);
        // only none at all (zero) denies it.
        if let (Amount::Vague { .. }, o) | (o, Amount::Vague { .. }) = (self, other) {
            return o.interval().1 >= 1.0;
        }
        if let (Amount::MoreThan(v) | Amount::LessThan(v), Amount::Exact(w))
        | (Amount::Exact(w), Amount::MoreThan(v) | Amount::LessThan(v)) = (self, other)
            && v == w
        {
            return true;
        }
        let (a0, a1) = self.interval();
        let (b0, b1) = other.interval();
        a0 <= b1 && b0 <= a1
    }

    /// The exact value, if this amount has one.
    pub fn exact(self) -> Option<f64> {
        match self {
            Amount::Exact(v) => Some(v),
            _ => None,
        }
    }

    /// True for an amount that names a number (exact, bounded or about), as
    /// opposed to a vague one.
    pub fn is_numeric(self) -> bool {
        !matches!(self, Amount::Vague { .. })
    }

    /// True for exactly none (لم يسفر عن إصابات).
    pub fn is_zero(self) -> bool {
        self == Amount::Exact(0.0)
    }
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Amount::Exact(v) => write!(f, "{}", num(v)),
            Amount::AtLeast(v) => write!(f, "at least {}", num(v)),
            Amount::MoreThan(v) => write!(f, "more than {}", num(v)),
            Amount::AtMost(v) => write!(f, "at most {}", num(v)),
            Amount::LessThan(v) => write!(f, "less than {}", num(v)),
            Amount::About(v) => write!(f, "about {}", num(v)),
            Amount::Vague { min, max: None } => write!(f, "{} or more (vague)", num(min)),
            Amount::Vague { min, max: Some(m) } => write!(f, "{} to {} (vague)", num(min), num(m)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Amount::*;

    #[test]
    fn compatible_amounts() {
        assert!(
            Vague {
                min: 2.0,
                max: None
            }
            .compatible(Exact(6.0)),
            "عدد من / ستة"
        );
        assert!(AtLeast(1.0).compatible(Exact(3.0)), "واحد على الأقل / ثلاثة");
        assert!(
            MoreThan(125.0).compatible(Exact(130.0)),
            "أكثر من 125 / 130"
        );
        assert!(Exact(6.0).compatible(Exact(6.0)), "ستة / 6");
        assert!(About(600.0).compatible(Exact(580.0)), "نحو 600 / 580");
        assert!(
            MoreThan(4000.0).compatible(Exact(4000.0)),
            "أكثر من 4 آلاف / 4 آلاف"
        );
        let tens = Vague {
            min: 10.0,
            max: Some(99.0),
        };
        assert!(tens.compatible(About(200.0)), "العشرات / نحو 200");
        assert!(tens.compatible(Exact(3.0)), "عشرات / ثلاثة: a detail");
    }

    #[test]
    fn incompatible_amounts() {
        assert!(!Exact(1.0).compatible(Exact(3.0)), "طائرة / ثلاث طائرات");
        assert!(
            !MoreThan(125.0).compatible(Exact(100.0)),
            "أكثر من 125 / 100"
        );
        assert!(
            !About(15e9).compatible(About(10e9)),
            "نحو 15 مليارا / نحو 10 مليارات"
        );
        assert!(
            !Vague {
                min: 10.0,
                max: Some(99.0)
            }
            .compatible(Exact(0.0)),
            "عشرات / لا أحد"
        );
        assert!(!About(600.0).compatible(Exact(300.0)));
        assert!(!LessThan(10.0).compatible(AtLeast(10.0)));
    }

    #[test]
    fn display_reads_plainly() {
        assert_eq!(Exact(3.0).to_string(), "3");
        assert_eq!(MoreThan(125.0).to_string(), "more than 125");
        assert_eq!(About(2.5).to_string(), "about 2.5");
    }
}
