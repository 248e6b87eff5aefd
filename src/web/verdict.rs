//! Verdicts in the browser: the form on a dispute's page and its post.
//!
//! In: `POST /stories/{story}/verdicts` (form fields `csrf`, `target`,
//! `verdict`, `note`, `reviewer`). Out: the verdict stored
//! ([`crate::verdicts::Store`]), the reviewer's name remembered in a
//! cookie, the cached pages dropped, and a 303 back to the dispute (or
//! contradiction) page; or that page again with the form filled in and the
//! reason, when the post is refused.
//!
//! Rules: the same CSRF and Origin checks as the upload forms; the target
//! must be a dispute or contradiction of the story now; a note is at most
//! [`MAX_NOTE_CHARS`] characters and a name [`MAX_NAME_CHARS`].

use super::{AppState, PathParams, WebError, view};
use crate::verdicts::{Record, Verdict};
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

/// Longest note kept with a verdict.
pub const MAX_NOTE_CHARS: usize = 4000;
/// Longest reviewer name.
pub const MAX_NAME_CHARS: usize = 100;
/// The cookie remembering the reviewer's name.
pub const REVIEWER_COOKIE: &str = "mizan_reviewer";

/// A verdict's Arabic name.
pub fn label(v: Verdict) -> &'static str {
    match v {
        Verdict::Confirmed => "مؤكَّد",
        Verdict::FalseAlarm => "إنذار خاطئ",
        Verdict::Update => "تحديث",
        Verdict::NeedsCheck => "يحتاج تحققًا",
    }
}

/// What a verdict explains, for the form.
pub fn help(v: Verdict) -> &'static str {
    match v {
        Verdict::Confirmed => "تناقض حقيقي بين المصادر",
        Verdict::FalseAlarm => "ليس تناقضًا: أخطأ ميزان",
        Verdict::Update => "رقم أحدث حلّ محل رقم أقدم، لا تناقض",
        Verdict::NeedsCheck => "لم يُحسم بعد",
    }
}

/// A stored verdict as pages show it.
pub struct VerdictView {
    /// The verdict's key (CSS class).
    pub key: &'static str,
    /// Its Arabic name.
    pub label: &'static str,
    /// The note.
    pub note: String,
    /// Who.
    pub reviewer: String,
    /// When, in UTC.
    pub when: String,
}

impl From<&Record> for VerdictView {
    fn from(r: &Record) -> Self {
        VerdictView {
            key: r.verdict.key(),
            label: label(r.verdict),
            note: r.note.clone(),
            reviewer: r.reviewer.clone(),
            when: utc(r.at),
        }
    }
}

/// The verdict on `target` among `records`, as pages show it.
pub fn view_of(records: &[Record], target: &str) -> Option<VerdictView> {
    crate::verdicts::find(records, target).map(VerdictView::from)
}

/// The verdict form as a page shows it.
pub struct VerdictForm {
    /// The form token.
    pub csrf: String,
    /// The target's id.
    pub target: String,
    /// (key, label, help, checked) for each verdict.
    pub choices: Vec<(&'static str, &'static str, &'static str, bool)>,
    /// The note as typed.
    pub note: String,
    /// The reviewer's name as typed (empty on a fresh form).
    pub reviewer: String,
    /// Why the last post was refused, in Arabic.
    pub error: Option<String>,
}

impl VerdictForm {
    /// A form on `target`, preset to `current`; the reviewer's name is left
    /// to the page's script, which fills it from its cookie (so the page is
    /// the same for everyone and can be cached).
    pub fn new(state: &AppState, target: &str, current: Option<&Record>) -> Self {
        let chosen = current.map(|r| r.verdict);
        VerdictForm {
            csrf: state.csrf_token().to_string(),
            target: target.to_string(),
            choices: Verdict::ALL
                .into_iter()
                .map(|v| (v.key(), label(v), help(v), Some(v) == chosen))
                .collect(),
            note: String::new(),
            reviewer: String::new(),
            error: None,
        }
    }
}

/// What a page shows of the verdicts on `target` of `story`: the current
/// one, its history, and the form (none without a workspace). The
/// reviewer's name is left to the page's script, so the page can be cached.
pub fn section(
    state: &AppState,
    story: &str,
    target: &str,
) -> (Option<VerdictView>, Vec<VerdictView>, Option<VerdictForm>) {
    let store = state.verdicts();
    let current = store.get(story, target).unwrap_or_else(|e| {
        tracing::error!("verdicts unreadable: {e}");
        None
    });
    let history = store
        .history(story, target)
        .unwrap_or_default()
        .iter()
        .map(VerdictView::from)
        .collect();
    let form = store
        .path()
        .map(|_| VerdictForm::new(state, target, current.as_ref()));
    (current.as_ref().map(VerdictView::from), history, form)
}

/// `at` (seconds since the epoch) as `YYYY-MM-DD HH:MM UTC`.
pub fn utc(at: i64) -> String {
    let days = at.div_euclid(86_400);
    let secs = at.rem_euclid(86_400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        secs / 3600,
        secs % 3600 / 60
    )
}

/// The fields of a posted verdict.
#[derive(Default)]
struct Posted {
    csrf: String,
    target: String,
    verdict: String,
    note: String,
    reviewer: String,
}

async fn read(mut multipart: Multipart) -> Result<Posted, WebError> {
    let mut p = Posted::default();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| WebError::BadRequest(format!("تعذّرت قراءة النموذج: {}", e.body_text())))?
    {
        let name = field.name().unwrap_or("").to_string();
        let value = field
            .text()
            .await
            .map_err(|e| WebError::BadRequest(format!("تعذّرت قراءة النموذج: {}", e.body_text())))?;
        match name.as_str() {
            "csrf" => p.csrf = value,
            "target" => p.target = value,
            "verdict" => p.verdict = value,
            "note" => p.note = value,
            "reviewer" => p.reviewer = value,
            _ => {}
        }
    }
    Ok(p)
}

/// `POST /stories/{story}/verdicts`.
pub async fn post(
    State(state): State<AppState>,
    PathParams(story_id): PathParams<String>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let corpus = state.corpus();
    let story = view::find_story(&corpus, &story_id)?;
    let p = read(multipart).await?;
    let an = &story.analysis();
    let is_dispute = an.disputes.iter().any(|d| d.id == p.target);
    if !an.has_flag(&p.target) {
        return Err(WebError::NotFound(format!(
            "لا يوجد في هذه القصة خلاف أو تناقض بالمعرّف {}؛ ربما تغيّر أحد الملفات",
            p.target
        )));
    }
    let refuse = |status: StatusCode, why: String| -> Result<Response, WebError> {
        let mut form = VerdictForm::new(&state, &p.target, None);
        form.note = p.note.clone();
        form.reviewer = p.reviewer.clone();
        form.choices = form
            .choices
            .into_iter()
            .map(|(k, l, h, _)| (k, l, h, k == p.verdict))
            .collect();
        form.error = Some(why);
        let (verdict, history, _) = section(&state, &story.id, &p.target);
        if is_dispute {
            let mut page = super::dispute::build(story, &p.target)?;
            (page.form, page.verdict, page.history) = (Some(form), verdict, history);
            Ok(super::upload::with_form_cookie(&state, status, page))
        } else {
            let mut page = super::contradiction::build(story, &p.target)?;
            (page.form, page.verdict, page.history) = (Some(form), verdict, history);
            Ok(super::upload::with_form_cookie(&state, status, page))
        }
    };
    if let Err(why) = super::upload::check_origin(&state, &headers, &p.csrf) {
        return refuse(StatusCode::FORBIDDEN, why);
    }
    let Some(verdict) = Verdict::from_key(&p.verdict) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "اختر قرارًا من القرارات الأربعة".into(),
        );
    };
    if p.note.chars().count() > MAX_NOTE_CHARS || p.reviewer.chars().count() > MAX_NAME_CHARS {
        return refuse(
            StatusCode::BAD_REQUEST,
            format!("الملاحظة حتى {MAX_NOTE_CHARS} حرف، والاسم حتى {MAX_NAME_CHARS} حرف"),
        );
    }
    let (store, story_key, target) = (state.verdicts_arc(), story.id.clone(), p.target.clone());
    let (note, reviewer) = (p.note.trim().to_string(), p.reviewer.trim().to_string());
    let saved = tokio::task::spawn_blocking(move || {
        store.set(&story_key, &target, verdict, &note, &reviewer)
    })
    .await
    .map_err(|e| WebError::Internal(e.to_string()))?;
    if let Err(e) = saved {
        tracing::error!("verdict not saved: {e}");
        return refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("تعذّر حفظ القرار؛ لم يُفقد شيء مما كتبته (التفاصيل: {e})"),
        );
    }
    state.forget_pages();
    let urls = super::urls::StoryUrls::new(&story.id);
    let back = if is_dispute {
        urls.dispute_verdict(&p.target)
    } else {
        urls.contradiction_pair_verdict(&p.target)
    };
    let cookie = format!(
        "{REVIEWER_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Strict",
        super::urls::query_escape(p.reviewer.trim())
    );
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&back)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_in_utc() {
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(1_700_000_000), "2023-11-14 22:13 UTC");
    }
}
