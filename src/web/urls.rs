//! Every address the server names, made in one place: one typed helper per
//! route of [`super::router`].
//!
//! In: ids (a story's, an article's, a dispute's, a contradiction's),
//! segment and fact numbers, query values. Out: the path, with its query and
//! anchor, that a link, a form or a redirect names.
//!
//! Rules:
//! - Handlers, page builders and templates never type a path: a page holds
//!   a [`StoryUrls`] (field `urls`) and its template calls it
//!   (`{{ urls.dispute(p) }}`).
//! - Each id is one path segment, percent-encoded as askama's `urlencode`
//!   filter does (every byte but ASCII letters, digits, `-_.~` and `/`), so
//!   a story folder named in Arabic makes a working link and a valid
//!   `Location` header; ASCII ids come out unchanged.
//! - Query values typed by users go through [`query_escape`].
//! - The strings are raw URLs: a template printing one escapes its `&` as
//!   `&amp;`, like any text.

use super::parts::ARTICLE_SEGMENTS_PER_PART;

/// The home page: every story.
pub const HOME: &str = "/";

/// The "new story" form, and where it posts.
pub const NEW_STORY: &str = "/new";

/// The API's list of every story.
pub const API_STORIES: &str = "/api/v1/stories";

/// `s` percent-encoded for a path, as askama's `urlencode` filter does:
/// every byte but ASCII letters, digits, `-_.~` and `/`.
pub fn path_escape(s: &str) -> String {
    escape(s, true)
}

/// `s` percent-encoded for a query string value: every byte but ASCII
/// letters, digits and `-_.~`.
pub fn query_escape(s: &str) -> String {
    escape(s, false)
}

fn escape(s: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b'/' if keep_slash => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `s` with its `%XX` escapes decoded; `None` when the bytes are not
/// UTF-8. A `%` not followed by two hex digits is kept as it is.
pub fn unescape(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// `url` with `part=n` added to its query: a part of a long page.
pub fn with_part(url: &str, n: usize) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}part={n}")
}

/// A segment or fact number as a template passes it: by value or behind
/// references (askama borrows the arguments of a call).
pub trait Number: Copy {
    /// The number.
    fn get(self) -> usize;
}

impl Number for usize {
    fn get(self) -> usize {
        self
    }
}

impl<T: Number> Number for &T {
    fn get(self) -> usize {
        (*self).get()
    }
}

/// The addresses of one story's pages, built from its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryUrls {
    /// `/stories/{story}`, the id percent-encoded.
    base: String,
}

impl StoryUrls {
    /// The addresses of story `story`.
    pub fn new(story: &str) -> StoryUrls {
        StoryUrls {
            base: format!("/stories/{}", path_escape(story)),
        }
    }

    fn under(&self, rest: std::fmt::Arguments<'_>) -> String {
        format!("{}/{rest}", self.base)
    }

    /// The story's overview: `/stories/{story}`.
    pub fn overview(&self) -> String {
        self.base.clone()
    }

    /// The story's JSON document: `/api/v1/stories/{story}`.
    pub fn api(&self) -> String {
        format!("/api/v1{}", self.base)
    }

    /// The story's JSON document, indented for reading.
    pub fn api_pretty(&self) -> String {
        format!("{}?pretty=true", self.api())
    }

    /// The list of disputes.
    pub fn disputes(&self) -> String {
        self.under(format_args!("disputes"))
    }

    /// The list of disputes filtered by `status` (`open` or `decided`).
    pub fn disputes_with_status(&self, status: &str) -> String {
        self.under(format_args!("disputes?status={}", query_escape(status)))
    }

    /// Dispute `id`'s page.
    pub fn dispute(&self, id: &str) -> String {
        self.under(format_args!("disputes/{}", path_escape(id)))
    }

    /// Dispute `dispute`'s page with its pair `pair` shown on top: where a
    /// pair's bare address leads.
    pub fn dispute_with_pair(&self, dispute: &str, pair: &str) -> String {
        format!("{}?pair={}#pair", self.dispute(dispute), query_escape(pair))
    }

    /// Dispute `id`'s verdict section, where a saved verdict leads back.
    pub fn dispute_verdict(&self, id: &str) -> String {
        format!("{}#verdict", self.dispute(id))
    }

    /// The figures page.
    pub fn figures(&self) -> String {
        self.under(format_args!("figures"))
    }

    /// The figures as a CSV file.
    pub fn figures_csv(&self) -> String {
        self.under(format_args!("figures?format=csv"))
    }

    /// The side by side of every source.
    pub fn compare(&self) -> String {
        self.under(format_args!("compare"))
    }

    /// The side by side with `query` (already encoded, without `?`); the
    /// bare page for an empty one.
    pub fn compare_with(&self, query: &str) -> String {
        match query.is_empty() {
            true => self.compare(),
            false => self.under(format_args!("compare?{query}")),
        }
    }

    /// The side by side at the row of fact `fact`.
    pub fn compare_fact(&self, fact: impl Number) -> String {
        let f = fact.get();
        self.under(format_args!("compare?fact={f}#f{f}"))
    }

    /// The side by side of the facts two or more sources report.
    pub fn compare_shared(&self) -> String {
        self.under(format_args!("compare?rows=shared"))
    }

    /// The list of contradictions.
    pub fn contradictions(&self) -> String {
        self.under(format_args!("contradictions"))
    }

    /// Contradiction `id`'s address, the one links share: it leads to its
    /// dispute when it has one.
    pub fn contradiction(&self, id: &str) -> String {
        self.under(format_args!("contradictions/{}", path_escape(id)))
    }

    /// The pair's own page (`?view=pair`), with its verdict form.
    pub fn contradiction_pair(&self, id: &str) -> String {
        format!("{}?view=pair", self.contradiction(id))
    }

    /// The pair's own page at its verdict section.
    pub fn contradiction_pair_verdict(&self, id: &str) -> String {
        format!("{}#verdict", self.contradiction_pair(id))
    }

    /// The form choosing two sources for the pair view (`?a=&b=`).
    pub fn pair_chooser(&self) -> String {
        self.under(format_args!("pair"))
    }

    /// Articles `a` and `b` sentence by sentence.
    pub fn pair(&self, a: &str, b: &str) -> String {
        self.under(format_args!("pair/{}/{}", path_escape(a), path_escape(b)))
    }

    /// The pair view at segment `segment` of the column `side` (`a` or `b`).
    pub fn pair_at(&self, a: &str, b: &str, side: &str, segment: impl Number) -> String {
        format!("{}#{side}-s{}", self.pair(a, b), segment.get())
    }

    /// Article `article`'s page.
    pub fn article(&self, article: &str) -> String {
        self.under(format_args!("articles/{}", path_escape(article)))
    }

    /// Article `article`'s page at segment `segment`: `?seg=n#sn`, the part
    /// holding it.
    pub fn article_at(&self, article: &str, segment: impl Number) -> String {
        let s = segment.get();
        format!("{}?seg={s}#s{s}", self.article(article))
    }

    /// Segment `segment` of an article in its page, shorter when it is on
    /// the first part: only the anchor `#sn`.
    pub fn segment(&self, article: &str, segment: impl Number) -> String {
        let s = segment.get();
        match s < ARTICLE_SEGMENTS_PER_PART {
            true => format!("{}#s{s}", self.article(article)),
            false => self.article_at(article, s),
        }
    }

    /// Article `article`'s text as a plain file.
    pub fn article_text(&self, article: &str) -> String {
        format!("{}/text", self.article(article))
    }

    /// The search page, where the search box posts.
    pub fn search(&self) -> String {
        self.under(format_args!("search"))
    }

    /// The results of `query`.
    pub fn search_for(&self, query: &str) -> String {
        format!("{}?q={}", self.search(), query_escape(query))
    }

    /// The "add article" form, and where it posts.
    pub fn add(&self) -> String {
        self.under(format_args!("add"))
    }

    /// Where the verdict forms post.
    pub fn verdicts(&self) -> String {
        self.under(format_args!("verdicts"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_its_path() {
        let u = StoryUrls::new("fire");
        let as_template_passes_it: &&usize = &&4;
        assert_eq!(u.overview(), "/stories/fire");
        assert_eq!(u.api(), "/api/v1/stories/fire");
        assert_eq!(u.api_pretty(), "/api/v1/stories/fire?pretty=true");
        assert_eq!(u.disputes(), "/stories/fire/disputes");
        assert_eq!(
            u.disputes_with_status("open"),
            "/stories/fire/disputes?status=open"
        );
        assert_eq!(u.dispute("d1"), "/stories/fire/disputes/d1");
        assert_eq!(
            u.dispute_with_pair("d1", "0123456789ab"),
            "/stories/fire/disputes/d1?pair=0123456789ab#pair"
        );
        assert_eq!(u.dispute_verdict("d1"), "/stories/fire/disputes/d1#verdict");
        assert_eq!(u.figures(), "/stories/fire/figures");
        assert_eq!(u.figures_csv(), "/stories/fire/figures?format=csv");
        assert_eq!(u.compare(), "/stories/fire/compare");
        assert_eq!(u.compare_with(""), "/stories/fire/compare");
        assert_eq!(
            u.compare_with("rows=shared&words=1"),
            "/stories/fire/compare?rows=shared&words=1"
        );
        assert_eq!(u.compare_fact(7), "/stories/fire/compare?fact=7#f7");
        assert_eq!(u.compare_shared(), "/stories/fire/compare?rows=shared");
        assert_eq!(u.contradictions(), "/stories/fire/contradictions");
        assert_eq!(u.contradiction("c1"), "/stories/fire/contradictions/c1");
        assert_eq!(
            u.contradiction_pair("c1"),
            "/stories/fire/contradictions/c1?view=pair"
        );
        assert_eq!(
            u.contradiction_pair_verdict("c1"),
            "/stories/fire/contradictions/c1?view=pair#verdict"
        );
        assert_eq!(u.pair("a", "b"), "/stories/fire/pair/a/b");
        assert_eq!(u.pair_at("a", "b", "a", 3), "/stories/fire/pair/a/b#a-s3");
        assert_eq!(u.article("wire"), "/stories/fire/articles/wire");
        assert_eq!(
            u.article_at("wire", as_template_passes_it),
            "/stories/fire/articles/wire?seg=4#s4"
        );
        assert_eq!(u.segment("wire", 4), "/stories/fire/articles/wire#s4");
        assert_eq!(
            u.segment("wire", ARTICLE_SEGMENTS_PER_PART),
            format!(
                "/stories/fire/articles/wire?seg={0}#s{0}",
                ARTICLE_SEGMENTS_PER_PART
            )
        );
        assert_eq!(u.article_text("wire"), "/stories/fire/articles/wire/text");
        assert_eq!(u.search(), "/stories/fire/search");
        assert_eq!(
            u.search_for("حريق كبير"),
            "/stories/fire/search?q=%D8%AD%D8%B1%D9%8A%D9%82%20%D9%83%D8%A8%D9%8A%D8%B1"
        );
        assert_eq!(u.add(), "/stories/fire/add");
        assert_eq!(u.verdicts(), "/stories/fire/verdicts");
        assert_eq!(with_part(&u.compare(), 2), "/stories/fire/compare?part=2");
        assert_eq!(
            with_part(&u.compare_shared(), 2),
            "/stories/fire/compare?rows=shared&part=2"
        );
    }

    #[test]
    fn ids_are_encoded_as_the_urlencode_filter_does() {
        let u = StoryUrls::new("غزة-2024");
        assert_eq!(u.overview(), "/stories/%D8%BA%D8%B2%D8%A9-2024");
        assert_eq!(
            u.article_at("وكالة_1", 2),
            "/stories/%D8%BA%D8%B2%D8%A9-2024/articles/%D9%88%D9%83%D8%A7%D9%84%D8%A9_1?seg=2#s2"
        );
        assert_eq!(StoryUrls::new("a b&c").overview(), "/stories/a%20b%26c");
        assert_eq!(StoryUrls::new("x").api(), "/api/v1/stories/x");
        // The same bytes as askama's filter, `/` kept in a path only.
        for s in ["غزة-2024", "a b&c", "x/y?z#w", "~._-AZaz09", "é\"'<>"] {
            let filter = askama::filters::urlencode(s).unwrap().to_string();
            assert_eq!(path_escape(s), filter, "{s}");
        }
        assert_eq!(path_escape("a/b c~.-_"), "a/b%20c~.-_");
        assert_eq!(query_escape("a/b"), "a%2Fb");
        assert_eq!(
            unescape("%D8%BA%D8%B2%D8%A9-2024").as_deref(),
            Some("غزة-2024")
        );
        assert_eq!(unescape("100%").as_deref(), Some("100%"));
        assert_eq!(unescape("%FF"), None);
    }
}
