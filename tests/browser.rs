//! End to end in a real headless Chromium (fantoccini + chromedriver, both
//! from Debian; `scripts/test` installs them): open the home page, click
//! through to an article, and check from screenshots that Arabic glyphs
//! rendered rather than tofu boxes.
//!
//! Screenshots are written to `target/screenshots/` for a person to look at.
#![cfg(feature = "web")]

mod common;

use common::{Guard, START_TIMEOUT, free_port};
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Share of pixels that must be ink (dark) in a line of rendered Arabic:
/// above zero by a margin, so a blank or background-only image fails.
const MIN_INK: f64 = 0.01;
/// Share of pixels two different Arabic strings must differ by. Tofu boxes
/// are the same box for every missing letter, so two strings of equal
/// length render identically; real glyphs differ in most columns.
const MIN_GLYPH_DIFFERENCE: f64 = 0.02;

/// Narrowest window Chromium opens through chromedriver.
const MIN_WINDOW_WIDTH: u32 = 500;

fn find_program(names: &[&str]) -> PathBuf {
    for name in names {
        for dir in std::env::var("PATH").unwrap_or_default().split(':') {
            let p = Path::new(dir).join(name);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!(
        "none of {names:?} is on PATH: run scripts/test, which installs chromium and chromium-driver"
    );
}

struct Browser {
    client: Client,
    _driver: Guard,
    _profile: PathBuf,
}

async fn start_browser(width: u32, height: u32) -> Browser {
    let driver_bin = find_program(&["chromedriver"]);
    let chromium = find_program(&["chromium", "chromium-browser", "google-chrome"]);
    let port = free_port();
    let driver = Guard(
        Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let profile =
        std::env::temp_dir().join(format!("mizan-chromium-{}-{port}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let args = vec![
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        "--hide-scrollbars".into(),
        format!("--window-size={width},{height}"),
        format!("--user-data-dir={}", profile.display()),
    ];
    let mut caps = serde_json::Map::new();
    let mut options = serde_json::json!({ "binary": chromium.to_str().unwrap(), "args": args });
    if width < MIN_WINDOW_WIDTH {
        // Windows narrower than this are widened by Chromium; a phone's
        // viewport is emulated instead.
        options["mobileEmulation"] = serde_json::json!({
            "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "touch": false }
        });
    }
    caps.insert("goog:chromeOptions".into(), options);
    let deadline = Instant::now() + START_TIMEOUT;
    let client = loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => break c,
            Err(e) if Instant::now() < deadline => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("cannot start a chromium session through chromedriver: {e}"),
        }
    };
    Browser {
        client,
        _driver: driver,
        _profile: profile,
    }
}

fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Saves the page as seen to `target/screenshots/{name}`, a test artefact
/// to look at (a text check cannot see tofu or overflow).
async fn save_screenshot(c: &Client, name: &str) {
    std::fs::write(screenshot_dir().join(name), c.screenshot().await.unwrap()).unwrap();
}

/// Decoded RGB(A) pixels as luminance, with width and height.
fn luminance(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let lum = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| {
            if channels >= 3 {
                ((p[0] as u32 * 3 + p[1] as u32 * 6 + p[2] as u32) / 10) as u8
            } else {
                p[0]
            }
        })
        .collect();
    (info.width, info.height, lum)
}

fn ink(lum: &[u8]) -> f64 {
    lum.iter().filter(|&&l| l < 128).count() as f64 / lum.len().max(1) as f64
}

/// The element `css` selects on the current page.
async fn element(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.find(Locator::Css(css)).await.unwrap()
}

async fn click(c: &Client, css: &str) {
    element(c, css).await.click().await.unwrap();
}

async fn text_of(c: &Client, css: &str) -> String {
    element(c, css).await.text().await.unwrap()
}

async fn fill(c: &Client, css: &str, value: &str) {
    element(c, css).await.send_keys(value).await.unwrap();
}

/// Asserts that the page's bundled Arabic font loaded, not only a system
/// fallback.
async fn assert_bundled_font(c: &Client) {
    let loaded = c
        .execute(
            "return document.fonts.load('16px \"Mizan Naskh\"', 'بسم').then(f => f.map(x => x.status).join(','))",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        loaded.as_str().unwrap_or("").contains("loaded"),
        "Mizan Naskh did not load: {loaded:?}"
    );
}

async fn element_png(client: &Client, css: &str) -> Vec<u8> {
    element(client, css).await.screenshot().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn click_through_to_an_article_and_see_arabic_glyphs() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let server = common::start_mizan(&seeds, &[]);
    let browser = start_browser(1280, 900).await;
    let c = &browser.client;
    let result = tokio::time::timeout(Duration::from_secs(90), async {
        c.goto(&server.url).await.unwrap();
        let lang = c
            .execute(
                "return document.documentElement.lang + ' ' + document.dir",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(lang.as_str(), Some("ar rtl"));

        click(c, r#"a[href="/stories/seeds"]"#).await;
        let link = c
            .wait()
            .for_element(Locator::Css(
                r#"a[href="/stories/seeds/articles/004_e8f8cdd3166bab5f"]"#,
            ))
            .await
            .unwrap();
        save_screenshot(c, "story-1280.png").await;
        link.click().await.unwrap();
        let h1 = c.wait().for_element(Locator::Css("h1")).await.unwrap();
        assert_eq!(
            h1.text().await.unwrap(),
            "بعد محاولة اغتيال الكاظمي.. انتشار مكثف للجيش العراقي تحسبًا للطوارئ"
        );
        assert!(
            c.current_url()
                .await
                .unwrap()
                .path()
                .ends_with("/articles/004_e8f8cdd3166bab5f")
        );

        // The bundled font loaded (not only a system fallback).
        assert_bundled_font(c).await;

        save_screenshot(c, "article-1280.png").await;

        // Two different Arabic strings of the same length: tofu would draw
        // the same boxes for both.
        c.execute(
            "for (const [id, text] of [['glyphs-a', 'بحث عن سلام'], ['glyphs-b', 'قصف في ليلة']]) {
               const p = document.createElement('p'); p.id = id; p.textContent = text;
               p.style.display = 'inline-block'; p.style.fontSize = '32px'; p.style.margin = '8px';
               document.querySelector('main').prepend(p);
             }
             return document.fonts.ready.then(() => true);",
            vec![],
        )
        .await
        .unwrap();
        let a = luminance(&element_png(c, "#glyphs-a").await);
        let b = luminance(&element_png(c, "#glyphs-b").await);
        let title = luminance(&element_png(c, "h1").await);
        for (name, img) in [("glyphs-a", &a), ("glyphs-b", &b), ("h1", &title)] {
            assert!(
                ink(&img.2) > MIN_INK,
                "{name}: nothing drawn (ink {:.4})",
                ink(&img.2)
            );
        }
        let differing = if (a.0, a.1) == (b.0, b.1) {
            a.2.iter()
                .zip(&b.2)
                .filter(|(x, y)| x.abs_diff(**y) > 64)
                .count() as f64
                / a.2.len() as f64
        } else {
            1.0
        };
        assert!(
            differing > MIN_GLYPH_DIFFERENCE,
            "different words rendered alike: tofu boxes? ({differing:.4})"
        );
    })
    .await;
    let _ = browser.client.clone().close().await;
    result.expect("the browser test finished within 90 s");
}

/// The page's own horizontal overflow in CSS pixels (0 when it fits).
async fn page_overflow(c: &Client) -> i64 {
    c.execute(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
        vec![],
    )
    .await
    .unwrap()
    .as_i64()
    .unwrap()
}

async fn contradiction_id(c: &Client) -> String {
    c.find(Locator::Css("h1#contradiction"))
        .await
        .unwrap()
        .attr("data-id")
        .await
        .unwrap()
        .unwrap()
}

/// Presses a key the way a reader does: on the page, not in a field.
async fn press(c: &Client, key: &str) {
    fill(c, "body", key).await;
}

async fn wait_for_url_change(c: &Client, from: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now = c.current_url().await.unwrap().to_string();
        if now != from || Instant::now() > deadline {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn navigate_contradictions_by_key_and_share_the_view() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let server = common::start_mizan(&seeds, &[]);
    let browser = start_browser(1280, 900).await;
    let c = &browser.client;
    let result = tokio::time::timeout(Duration::from_secs(120), async {
        c.goto(&format!("{}/stories/seeds", server.url))
            .await
            .unwrap();
        // A contradiction of the overview is read with its dispute: the
        // link lands on the dispute, the pair shown on top.
        click(c, "ol.contradictions a").await;
        c.wait()
            .for_element(Locator::Css("section#pair"))
            .await
            .unwrap();
        let landed = c.current_url().await.unwrap().to_string();
        assert!(landed.contains("/stories/seeds/disputes/"), "{landed}");
        assert!(landed.contains("?pair="), "{landed}");
        assert!(c.find(Locator::Css("h1#dispute")).await.is_ok());
        click(c, "a#pair-alone").await;
        c.wait()
            .for_element(Locator::Css("h1#contradiction"))
            .await
            .unwrap();
        let first_url = c.current_url().await.unwrap().to_string();
        let first = contradiction_id(c).await;
        assert!(
            first_url.ends_with(&format!("/stories/seeds/contradictions/{first}?view=pair")),
            "{first_url}"
        );
        assert!(landed.contains(&format!("?pair={first}")), "{landed}");
        assert!(
            c.find(Locator::Css("a#prev")).await.is_err(),
            "the first has no previous"
        );

        press(c, "j").await;
        let second_url = wait_for_url_change(c, &first_url).await;
        assert_ne!(second_url, first_url, "j moved to the next contradiction");
        c.wait()
            .for_element(Locator::Css("h1#contradiction"))
            .await
            .unwrap();
        let second = contradiction_id(c).await;
        assert_ne!(second, first);
        let h1 = text_of(c, "h1").await;
        assert!(h1.starts_with("تناقض 2 من"), "{h1}");

        press(c, "k").await;
        let back = wait_for_url_change(c, &second_url).await;
        assert_eq!(back, first_url, "k went back");

        // The arrow keys move too (left is forward in right-to-left text).
        press(c, "\u{e012}").await; // ArrowLeft
        assert_eq!(wait_for_url_change(c, &first_url).await, second_url);

        // Tab walks the controls, and the focused one is outlined.
        for _ in 0..3 {
            press(c, "\u{e004}").await; // Tab
        }
        let focus = c
            .execute(
                "const e = document.activeElement; const s = getComputedStyle(e);
                 return [e.tagName, s.outlineStyle, s.outlineWidth].join(' ')",
                vec![],
            )
            .await
            .unwrap();
        let focus = focus.as_str().unwrap().to_string();
        assert!(
            (focus.starts_with("A ")
                || focus.starts_with("BUTTON ")
                || focus.starts_with("INPUT "))
                && !focus.contains(" none "),
            "focus not visible: {focus}"
        );

        // `?` opens the list of keys.
        press(c, "?").await;
        let open = c
            .execute("return document.getElementById('keys').open", vec![])
            .await
            .unwrap();
        assert_eq!(open.as_bool(), Some(true));

        // Copy the link, then open it in a fresh browser session.
        let button = c.find(Locator::Css("button.copy-link")).await.unwrap();
        assert!(
            button.is_displayed().await.unwrap(),
            "the script shows the copy button"
        );
        button.click().await.unwrap();
        let copied = c
            .wait()
            .for_element(Locator::Css("output.copied[data-url]"))
            .await
            .unwrap();
        let url = copied.attr("data-url").await.unwrap().unwrap();
        assert_eq!(url, second_url);
        assert!(
            !copied.text().await.unwrap().is_empty(),
            "the reader is told what happened"
        );
        let seen = text_of(c, "main").await;

        let colleague = start_browser(1280, 900).await;
        let d = &colleague.client;
        d.goto(&url).await.unwrap();
        d.wait()
            .for_element(Locator::Css("h1#contradiction"))
            .await
            .unwrap();
        assert_eq!(contradiction_id(d).await, second);
        let theirs = text_of(d, "main").await;
        // Same view; only the keys list's open state (a local toggle) may differ.
        let strip = |s: &str| s.replace('\n', " ");
        assert!(strip(&theirs).starts_with(&strip(&seen)[..200]));
        let _ = colleague.client.clone().close().await;
    })
    .await;
    let _ = browser.client.clone().close().await;
    result.expect("the navigation test finished within 120 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_fit_narrow_and_wide_screens() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let server = common::start_mizan(&seeds, &[]);
    let corpus = mizan::corpus::load(&seeds).unwrap();
    let first = corpus.stories[0].analysis().contradictions[0].id.clone();
    let dispute = corpus.stories[0].analysis().disputes[0].id.clone();
    let pages = [
        ("home", "/".to_string()),
        ("overview", "/stories/seeds".to_string()),
        ("disputes", "/stories/seeds/disputes".to_string()),
        ("dispute", format!("/stories/seeds/disputes/{dispute}")),
        ("figures", "/stories/seeds/figures".to_string()),
        (
            "contradictions",
            "/stories/seeds/contradictions".to_string(),
        ),
        ("add", "/stories/seeds/add".to_string()),
        ("compare", "/stories/seeds/compare".to_string()),
        (
            "contradiction",
            format!("/stories/seeds/contradictions/{first}?view=pair"),
        ),
        (
            "dispute-with-pair",
            format!("/stories/seeds/contradictions/{first}"),
        ),
        (
            "pair",
            "/stories/seeds/pair/000_4906ad26d71f513b/003_355682fa40c797f5".to_string(),
        ),
        (
            "article",
            "/stories/seeds/articles/003_355682fa40c797f5".to_string(),
        ),
        (
            "search",
            "/stories/seeds/search?q=%D8%B7%D8%A7%D8%A6%D8%B1%D8%A9".to_string(),
        ),
    ];
    for width in [360, 1280, 1440] {
        let browser = start_browser(width, 900).await;
        let c = &browser.client;
        let result = tokio::time::timeout(Duration::from_secs(90), async {
            for (name, path) in &pages {
                c.goto(&format!("{}{path}", server.url)).await.unwrap();
                c.wait().for_element(Locator::Css("h1")).await.unwrap();
                let inner = c.execute("return window.innerWidth", vec![]).await.unwrap();
                assert_eq!(inner.as_i64(), Some(width as i64), "viewport of {name}");
                let png = c.screenshot().await.unwrap();
                std::fs::write(screenshot_dir().join(format!("{name}-{width}.png")), &png).unwrap();
                let (w, _, lum) = luminance(&png);
                assert_eq!(w, width, "{name}: screenshot width");
                assert!(ink(&lum) > MIN_INK / 4.0, "{name}-{width}: nothing drawn");
                if width == 360 {
                    let header = c
                        .execute(
                            "return document.querySelector('header.site').getBoundingClientRect().height",
                            vec![],
                        )
                        .await
                        .unwrap()
                        .as_f64()
                        .unwrap();
                    assert!(header <= 120.0, "{name}: header {header}px high on a phone");
                }
                let overflow = page_overflow(c).await;
                assert!(
                    overflow <= 0,
                    "{name} at {width}px scrolls sideways by {overflow}px"
                );
            }
        })
        .await;
        let _ = browser.client.clone().close().await;
        result.expect("the layout test finished within 90 s");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upload_an_article_through_the_form() {
    let dir = common::fire_corpus("browser-upload");
    let upload = dir.join("evening-paper.txt");
    std::fs::write(
        &upload,
        "النيران تلتهم سوق طنطا\nشب حريق ضخم في سوق الخضار بمدينة طنطا فجر الثلاثاء وأتى على عشرات المحال.\n",
    )
    .unwrap();
    let server = common::start_mizan(&dir, &[]);
    let browser = start_browser(1280, 900).await;
    let c = &browser.client;
    let result = tokio::time::timeout(Duration::from_secs(90), async {
        c.goto(&format!("{}/stories/fire", server.url))
            .await
            .unwrap();
        click(c, r#"a[href="/stories/fire/add"]"#).await;
        let file = c
            .wait()
            .for_element(Locator::Css("input#file"))
            .await
            .unwrap();
        file.send_keys(upload.to_str().unwrap()).await.unwrap();
        fill(c, "input#source", "صحيفة المساء").await;
        fill(c, "input#published", "2024-03-05T09:30").await;
        click(c, "form.upload button[type=submit]").await;
        if c.wait()
            .for_element(Locator::Css("dl.metadata"))
            .await
            .is_err()
        {
            let source = c.source().await.unwrap();
            let url = c.current_url().await.unwrap();
            panic!("no article page after the upload at {url}: {source}");
        }
        let path = c.current_url().await.unwrap().path().to_string();
        assert_eq!(path, "/stories/fire/articles/evening-paper");
        let h1 = text_of(c, "h1").await;
        assert_eq!(h1, "النيران تلتهم سوق طنطا");
        let meta = text_of(c, "dl.metadata").await;
        assert!(meta.contains("صحيفة المساء"), "{meta}");
        save_screenshot(c, "uploaded-1280.png").await;
        // The folder holds it, whole, with its front matter.
        let stored = std::fs::read_to_string(dir.join("fire/evening-paper.txt")).unwrap();
        assert!(stored.starts_with("---\nsource: صحيفة المساء\n"));
        // The overview now compares the two sources.
        c.goto(&format!("{}/stories/fire", server.url))
            .await
            .unwrap();
        let pair = c
            .find(Locator::Css(
                r#"a[href="/stories/fire/pair/a/evening-paper"]"#,
            ))
            .await;
        assert!(pair.is_ok(), "the new source is compared with the old");
    })
    .await;
    let _ = browser.client.clone().close().await;
    std::fs::remove_dir_all(&dir).unwrap();
    result.expect("the upload test finished within 90 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn planted_markup_never_runs_on_any_page() {
    let dir = std::env::temp_dir().join(format!("mizan-browser-xss-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("xss")).unwrap();
    let evil = "<script>window.__pwned = 1</script>";
    std::fs::write(
        dir.join("xss/a.txt"),
        format!(
            "حريق في السوق {evil}\nقال \" onmouseover=\"window.__pwned=2\" إن حريقا كبيرا اندلع في السوق <img src=x onerror=\"window.__pwned=3\">.\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("xss/b.txt"),
        "حريق في السوق\nقال الدفاع المدني إن حريقا كبيرا اندلع في السوق <svg onload=\"window.__pwned=4\">.\n",
    )
    .unwrap();
    let server = common::start_mizan(&dir, &[]);
    let browser = start_browser(1280, 900).await;
    let c = &browser.client;
    let result = tokio::time::timeout(Duration::from_secs(90), async {
        for path in [
            "/stories/xss",
            "/stories/xss/compare",
            "/stories/xss/pair/a/b",
            "/stories/xss/articles/a",
            "/stories/xss/contradictions",
            "/stories/xss/search?q=%3Cscript%3Ewindow.__pwned%3D5%3C%2Fscript%3E",
            "/stories/xss/search?q=%D8%AD%D8%B1%D9%8A%D9%82",
            "/stories/xss/add",
        ] {
            c.goto(&format!("{}{path}", server.url)).await.unwrap();
            c.wait().for_element(Locator::Css("h1")).await.unwrap();
            // Hover everything, so an injected handler would fire.
            c.execute(
                "for (const e of document.querySelectorAll('main *')) {
                   e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
                 }
                 return true;",
                vec![],
            )
            .await
            .unwrap();
            tokio::time::sleep(Duration::from_millis(100)).await;
            let pwned = c
                .execute("return window.__pwned === undefined ? 0 : window.__pwned", vec![])
                .await
                .unwrap();
            assert_eq!(pwned.as_i64(), Some(0), "{path}: planted markup ran");
            let planted = c
                .execute(
                    "return document.querySelectorAll('main script, main img, main svg, main [onmouseover]').length",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(planted.as_i64(), Some(0), "{path}: planted elements exist");
        }
        // The text shows as text.
        c.goto(&format!("{}/stories/xss/articles/a", server.url)).await.unwrap();
        let text = text_of(c, "article.original").await;
        assert!(text.contains(evil), "{text}");
    })
    .await;
    let _ = browser.client.clone().close().await;
    std::fs::remove_dir_all(&dir).unwrap();
    result.expect("the markup test finished within 90 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_static_share_opens_from_disk_and_its_links_work() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let base = std::env::temp_dir().join(format!("mizan-share-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let out = base.join("seeds-share");
    let status = Command::new(env!("CARGO_BIN_EXE_mizan"))
        .env("XDG_DATA_HOME", base.join("data"))
        .args(["share", "--zip", "--corpus"])
        .arg(&seeds)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(base.join("seeds-share.zip").is_file());
    let browser = start_browser(1280, 900).await;
    let c = &browser.client;
    let result = tokio::time::timeout(Duration::from_secs(90), async {
        c.goto(&format!("file://{}", out.join("index.html").display()))
            .await
            .unwrap();
        let h1 = c.wait().for_element(Locator::Css("h1")).await.unwrap();
        assert!(h1.text().await.unwrap().contains("الكاظمي"));
        // No script and no form in a shared page.
        let scripts = c
            .execute(
                "return document.scripts.length + document.forms.length",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(scripts.as_i64(), Some(0));
        // The overview leads to a dispute …
        click(c, "ol.disputes a.measure").await;
        let h1 = c
            .wait()
            .for_element(Locator::Css("h1#dispute"))
            .await
            .unwrap();
        assert_eq!(h1.text().await.unwrap(), "عدد طائرات");
        assert!(
            c.current_url()
                .await
                .unwrap()
                .as_str()
                .contains("/disputes/")
        );
        // … drawn with the bundled font from beside the page …
        assert_bundled_font(c).await;
        save_screenshot(c, "share-dispute-1280.png").await;
        // … and back to the overview by the path above it.
        click(c, "nav.crumbs a:nth-of-type(2)").await;
        c.wait()
            .for_element(Locator::Css("h2#disputes-h"))
            .await
            .unwrap();
        assert!(
            c.current_url()
                .await
                .unwrap()
                .as_str()
                .ends_with("/index.html")
        );
        // An article and its sentence anchors.
        click(c, "table.sources tbody tr:first-child td a").await;
        c.wait()
            .for_element(Locator::Css("article.original"))
            .await
            .unwrap();
        assert!(
            c.current_url()
                .await
                .unwrap()
                .as_str()
                .contains("/articles/")
        );
    })
    .await;
    let _ = browser.client.clone().close().await;
    result.expect("the share test finished within 90 s");
    std::fs::remove_dir_all(&base).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn decide_a_dispute_in_the_browser() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let server = common::start_mizan(&seeds, &[]);
    let corpus = mizan::corpus::load(&seeds).unwrap();
    let id = corpus.stories[0].analysis().disputes[0].id.clone();
    let browser = start_browser(1280, 900).await;
    let c = &browser.client;
    let result = tokio::time::timeout(Duration::from_secs(90), async {
        c.goto(&format!("{}/stories/seeds/disputes/{id}", server.url))
            .await
            .unwrap();
        click(c, "input[name=verdict][value=confirmed]").await;
        fill(
            c,
            "#note",
            "المصادر الثلاثة الأولى نقلت عن بيان الجيش قبل تحديثه",
        )
        .await;
        fill(c, "#reviewer", "ليلى").await;
        click(c, ".verdict-form button[type=submit]").await;
        let now = c
            .wait()
            .for_element(Locator::Css(".verdict-now"))
            .await
            .unwrap();
        assert!(now.text().await.unwrap().contains("مؤكَّد"));
        assert!(
            c.current_url()
                .await
                .unwrap()
                .as_str()
                .ends_with("#verdict")
        );
        // The name is remembered for the next verdict.
        c.refresh().await.unwrap();
        let name = element(c, "#reviewer").await.prop("value").await.unwrap();
        assert_eq!(name.as_deref(), Some("ليلى"));
        c.goto(&format!("{}/stories/seeds/disputes/{id}", server.url))
            .await
            .unwrap();
        c.wait()
            .for_element(Locator::Css(".verdict-now"))
            .await
            .unwrap();
        let top = text_of(c, "p.meta").await;
        assert!(top.contains("مؤكَّد") && top.contains("ليلى"), "{top}");
        c.execute(
            "document.querySelector('.verdict').scrollIntoView({block: 'end'})",
            vec![],
        )
        .await
        .unwrap();
        save_screenshot(c, "decided-dispute-1280.png").await;
    })
    .await;
    let _ = browser.client.clone().close().await;
    result.expect("the verdict test finished within 90 s");
}
