//! What one sentence offers for matching: its features.
//!
//! In: a title or sentence of an article, with the story-wide stemmer,
//! synonym groups and entities. Out: a [`Unit`]: its tokens (byte spans into
//! the file), their stems, the quantities it states, and its [`Feature`]s,
//! each with the tokens that carry it (so a page can highlight them).
//!
//! Rules:
//! - Function words and number words give no feature of their own.
//! - A run of tokens in a synonym group gives the group (طائرة بدون طيار and
//!   طائرة مسيرة both give the drone group); a spelling of a name entity gives
//!   the entity; any other word gives its stem. The words of a multi-word
//!   synonym also give their own stems, each weighing one n-th in a phrase
//!   of n words ([`Unit::scale`]); so does the phrase's group when every
//!   word of it gives its stem (مقر إقامة), not when a function word
//!   stands inside (طائرة بدون طيار keeps its group in full). The phrase is
//!   one thing said, and counted three times (the group and each word in
//!   full) two sentences naming one place of the event outweighed what
//!   else they said. Giving the group its full weight in every case was
//!   measured too: seeds 0.898; marking the function word as well, 0.897
//!   and one checklist case lost. Chosen on all dev material together:
//!   one n-th and any share from 0.4 to 0.5 give seeds link F1 0.905 (0.882 in full, 0.898 from
//!   0.55 to 0.7, 0.855 with no weight); the checklist, the dev stories,
//!   ANS and the coverage sets are equal across all of them.
//! - A stated quantity gives its value (count with the stem of its noun,
//!   date or year), so "6 من أفراد" and "ستة من أفراد" meet. A bounded count
//!   gives its number (على الأقل 1 meets أحد); a vague one (عدد من) none.

use super::synonyms::Synonyms;
use crate::claims::{ClaimKind, Modality, Reading, Role};
use crate::text::names::Entities;
use crate::text::numbers::{Amount, Quantity, QuantityKind, lexicon::lexicon};
use crate::text::stem::Stemmer;
use crate::text::stopwords::is_stopword;
use crate::text::tokenize::{Token, TokenKind};

#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
/// Something two sentences can share.
pub enum Feature {
    /// A word's stem.
    Stem(String),
    /// A synonym group of `data/synonyms.txt`, by index.
    Synonym(u32),
    /// A name entity of the story, by index in [`Entities::forms`].
    Entity(u32),
    /// A stated value: `count:V:ROLE`, `role:ROLE`, `date:D-M`, `year:Y`,
    /// or `about:cause` for a sentence about why it happened.
    Value(String),
}

/// A title or sentence as read for matching.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Unit {
    /// Index of its article in the story.
    pub article: usize,
    /// Index of its segment in the article.
    pub segment: usize,
    /// True for an article's title (headline), false for a sentence.
    pub title: bool,
    /// Its tokens, with byte spans into the file.
    pub tokens: Vec<Token>,
    /// Stems of the tokens, for the comparison; emptied once the story is
    /// analysed.
    pub stems: Vec<String>,
    /// Bare forms (no article or proclitics), used for names; emptied once
    /// the story is analysed.
    pub bare: Vec<String>,
    /// The quantities it states (numbers with their nouns, dates).
    pub quantities: Vec<Quantity>,
    /// What the unit states: claims, framing tokens, denied clauses.
    pub reading: Reading,
    /// Distinct features with the indices of the tokens that carry them.
    pub features: Vec<(Feature, Vec<usize>)>,
    /// Tokens opening a two-word form of a synonym group whose words stand
    /// apart (لم تعلن أي جهة مسؤوليتها), with the group: what the verb
    /// means when negated; not a link feature.
    #[serde(default)]
    pub apart: Vec<(usize, u32)>,
    /// [`Unit::group_of`] of every token, worked out once when the unit is
    /// read: the detectors ask it for every token of every pair compared.
    /// Not stored; empty on a unit built otherwise, which `group_of` then
    /// works out each time.
    #[serde(skip)]
    pub groups: Vec<Option<u32>>,
    /// [`is_content`] of every token, worked out once when the unit is
    /// read (the detectors ask it of every token of every unit); not
    /// stored, and `Unit::is_content` works it out when empty.
    #[serde(skip)]
    pub content: Vec<bool>,
    /// Tokens of a multi-word synonym that also give their own stem, each
    /// with the number of words of its phrase.
    #[serde(default)]
    pub phrase_words: Vec<(usize, usize)>,
}

impl Unit {
    /// The share of its weight a feature carried by tokens `toks` has in
    /// this unit: [`super::score::FRAME_WEIGHT`] when every one of them
    /// frames the sentence (who said it, according to whom); one n-th
    /// when every one is a word of a phrase of n words giving their own
    /// stems: a word's stem, or the phrase's group when all its words give
    /// their stems; else 1.
    pub fn scale(&self, toks: &[usize]) -> f64 {
        if toks.is_empty() {
            return 1.0;
        }
        let framed = |t: &usize| self.reading.frame.get(*t).copied().unwrap_or(false);
        let frame = if toks.iter().all(framed) {
            super::score::FRAME_WEIGHT
        } else {
            1.0
        };
        let words = |t: &usize| {
            self.phrase_words
                .iter()
                .find(|(k, _)| k == t)
                .map(|&(_, n)| n)
        };
        let phrase = toks
            .iter()
            .map(words)
            .try_fold(0, |most, n| Some(most.max(n?)))
            .map_or(1.0, |n| 1.0 / n.max(1) as f64);
        frame * phrase
    }

    /// True when token `token` lies inside one of the unit's quantities
    /// (its number, bound words or counted noun).
    pub fn in_quantity(&self, token: usize) -> bool {
        let t = &self.tokens[token];
        self.quantities
            .iter()
            .any(|q| q.start <= t.start && t.end <= q.end)
    }

    /// True when token `token` carries meaning of its own ([`is_content`]).
    pub fn is_content(&self, token: usize) -> bool {
        match self.content.get(token) {
            Some(&c) if self.content.len() == self.tokens.len() => c,
            _ => is_content(&self.tokens[token]),
        }
    }

    /// The synonym group token `token` belongs to, if any.
    pub fn group_of(&self, token: usize) -> Option<u32> {
        match self.groups.get(token) {
            Some(g) if self.groups.len() == self.tokens.len() => *g,
            _ => self.find_group(token),
        }
    }

    /// [`Unit::group_of`] of every token in one pass: the first synonym
    /// feature holding a token gives its group, else the first apart form
    /// opening there, as `find_group` looks them up.
    fn all_groups(&self) -> Vec<Option<u32>> {
        let mut groups = vec![None; self.tokens.len()];
        for (f, toks) in &self.features {
            if let Feature::Synonym(g) = f {
                for &t in toks {
                    if let Some(slot @ None) = groups.get_mut(t) {
                        *slot = Some(*g);
                    }
                }
            }
        }
        let mut apart = vec![None; self.tokens.len()];
        for &(t, g) in &self.apart {
            if let Some(slot @ None) = apart.get_mut(t) {
                *slot = Some(g);
            }
        }
        groups
            .into_iter()
            .zip(apart)
            .map(|(g, a)| g.or(a))
            .collect()
    }

    fn find_group(&self, token: usize) -> Option<u32> {
        self.features
            .iter()
            .find_map(|(f, toks)| match f {
                Feature::Synonym(g) if toks.contains(&token) => Some(*g),
                _ => None,
            })
            .or_else(|| {
                self.apart
                    .iter()
                    .find(|(t, _)| *t == token)
                    .map(|(_, g)| *g)
            })
    }
}

/// True for tokens that carry meaning of their own.
pub fn is_content(token: &Token) -> bool {
    match token.kind {
        TokenKind::Number => false,
        TokenKind::Word => {
            token.key.chars().count() >= 2
                && !is_stopword(&token.key)
                && lexicon().word(&token.key).is_empty()
        }
    }
}

/// Story-wide knowledge a unit is read with.
pub struct Reader<'a> {
    /// The story's stemmer.
    pub stemmer: &'a Stemmer,
    /// The synonym groups, keyed by the story's stems.
    pub synonyms: &'a Synonyms,
    /// The story's name entities.
    pub entities: &'a Entities,
    /// The story's distinct words, read once ([`super::words::Words`]); a
    /// word it lacks is read with the stemmer.
    pub words: &'a super::words::Words,
}

impl Reader<'_> {
    /// Reads the segment `segment` of article `article` (a title when
    /// `title`), whose `tokens` come from `text`, the whole file.
    pub fn unit(
        &self,
        (article, segment, title): (usize, usize, bool),
        tokens: Vec<Token>,
        text: &str,
    ) -> Unit {
        let n = tokens.len();
        let (mut stems, mut bare, mut content) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for t in &tokens {
            let missing;
            let w = match self.words.get(&t.key) {
                Some(w) => w,
                None => {
                    missing = super::words::read(t, self.stemmer);
                    &missing
                }
            };
            debug_assert_eq!(w.content, is_content(t), "{}", t.key);
            stems.push(w.stem.clone());
            bare.push(w.bare(&t.key).to_string());
            content.push(w.content);
        }
        let quantities =
            crate::text::numbers::quantities(&tokens, text, &|w| self.stemmer.knows(w));
        let reading = crate::claims::read(&tokens, &quantities, text);
        let is_content = |k: usize| content[k];
        let mut features: Vec<(Feature, Vec<usize>)> = Vec::new();
        let mut add =
            |f: Feature, toks: Vec<usize>| match features.iter_mut().find(|(g, _)| *g == f) {
                Some((_, t)) => t.extend(toks),
                None => features.push((f, toks)),
            };
        let stem_refs: Vec<&str> = stems.iter().map(String::as_str).collect();
        let mut phrase_words: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some((g, n)) = self.synonyms.at(&stem_refs[i..])
                && (n > 1 || is_content(i))
            {
                add(Feature::Synonym(g), (i..i + n).collect());
                if n == 1 {
                    i += 1;
                    continue;
                }
                // The words of a phrase also count one by one (طائرة of
                // طائرة بدون طيار meets طائرات), together as one word.
                let words: Vec<usize> = (i..i + n)
                    .filter(|&k| is_content(k) && self.synonyms.at(&stem_refs[k..k + 1]).is_none())
                    .collect();
                for &k in &words {
                    add(Feature::Stem(stems[k].clone()), vec![k]);
                    phrase_words.push((k, n));
                }
                i += n;
                continue;
            }
            if is_content(i) {
                let f = match self.entities.entity_of(&bare[i]) {
                    Some(e) => Feature::Entity(e as u32),
                    None => Feature::Stem(stems[i].clone()),
                };
                add(f, vec![i]);
            }
            i += 1;
        }
        for q in &quantities {
            let toks: Vec<usize> = (0..tokens.len())
                .filter(|&k| tokens[k].start >= q.start && tokens[k].end <= q.end)
                .collect();
            let value = match (q.kind, q.amount) {
                (QuantityKind::Date { day, month, .. }, _) => {
                    format!("date:{}-{month}", day.unwrap_or(0))
                }
                (QuantityKind::Year, Amount::Exact(v)) => format!("year:{v}"),
                _ => continue,
            };
            add(Feature::Value(value), toks);
        }
        // A sentence about why it happened gives that as a feature: all
        // such sentences of a story tell one fact, the cause.
        if reading.about_cause {
            add(Feature::Value("about:cause".into()), Vec::new());
        }
        // A count gives its value with its role, and the role alone: "17
        // dead" meets "17 deaths", and two death tolls meet whatever their
        // figures. A bound states its number too: "at least one protester"
        // and "one of the protesters" meet (compare tells whether the two
        // can both hold). A thing counted is keyed by its stem.
        for c in &reading.claims {
            let ClaimKind::Count { role, amount } = &c.kind else {
                continue;
            };
            let toks: Vec<usize> = (0..tokens.len())
                .filter(|&k| tokens[k].start >= c.start && tokens[k].end <= c.end)
                .collect();
            let key = match role {
                Role::Thing(n) => format!("thing:{}", self.stemmer.stem(n)),
                other => other.key(),
            };
            if !matches!(role, Role::Thing(_)) && c.modality == Modality::Asserted {
                add(Feature::Value(format!("role:{key}")), toks.clone());
            }
            let v = match amount {
                Amount::Exact(v)
                | Amount::AtLeast(v)
                | Amount::MoreThan(v)
                | Amount::AtMost(v)
                | Amount::LessThan(v)
                | Amount::About(v) => *v,
                Amount::Vague { .. } => continue,
            };
            add(Feature::Value(format!("count:{v}:{key}")), toks);
        }
        let apart = (0..tokens.len())
            .filter_map(|i| Some((i, self.synonyms.gapped_at(&stem_refs[i..])?.0)))
            .collect();
        let mut unit = Unit {
            article,
            segment,
            title,
            tokens,
            stems,
            bare,
            quantities,
            reading,
            features,
            apart,
            groups: Vec::new(),
            content,
            phrase_words,
        };
        unit.groups = unit.all_groups();
        unit
    }
}
