//! The one error type of the web layer and its error page.
//!
//! In: a reason (in Arabic, shown to the reader). Out: an HTML page with the
//! right status code: 404 for what does not exist, 400 for a malformed
//! request, 403 for a cross-site form, 500 for a failure of the server.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// Why a request failed; rendered as an error page with its status code.
/// The messages are in Arabic, shown to the reader.
#[derive(Debug)]
pub enum WebError {
    /// No story, article or contradiction has the id asked for (404).
    NotFound(String),
    /// A malformed id, path or query (400).
    BadRequest(String),
    /// A cross-site or expired form.
    Forbidden(String),
    /// A failure of the server itself (a reload that could not run).
    Internal(String),
    /// A method the URL does not take (a PUT on a page).
    MethodNotAllowed,
    /// A request body over the limit.
    TooLarge,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    code: u16,
    heading: &'a str,
    english: &'a str,
    message: &'a str,
}

impl WebError {
    /// The HTTP status code of the error page.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Forbidden(_) => StatusCode::FORBIDDEN,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            WebError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            WebError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        }
    }
}

impl From<axum::extract::rejection::PathRejection> for WebError {
    fn from(rejection: axum::extract::rejection::PathRejection) -> Self {
        WebError::BadRequest(format!("عنوان غير صالح: {}", rejection.body_text()))
    }
}

impl From<axum::extract::rejection::QueryRejection> for WebError {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> Self {
        WebError::BadRequest(format!(
            "معاملات العنوان غير صالحة: {}",
            rejection.body_text()
        ))
    }
}

/// True when the response is an HTML page.
pub fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Replaces the bare bodies axum gives some errors (405 from the router,
/// 413 from the body limit) with the error page, keeping their headers.
pub async fn pages_for_bare_errors(response: Response) -> Response {
    let error = match response.status() {
        StatusCode::METHOD_NOT_ALLOWED => WebError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => WebError::TooLarge,
        _ => return response,
    };
    if is_html(&response) {
        return response;
    }
    let allow = response.headers().get(axum::http::header::ALLOW).cloned();
    let mut page = error.into_response();
    if let Some(allow) = allow {
        page.headers_mut().insert(axum::http::header::ALLOW, allow);
    }
    page
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        let too_large = format!(
            "حجم المرسَل أكبر مما يقرؤه ميزان ({} ميغابايت)، والمقال الواحد حتى {} كيلوبايت: قسّم النص أو احذف ما ليس منه. لم يُحفظ شيء؛ ارجع بزر الرجوع في المتصفح تجد ما كتبته في النموذج.",
            super::upload::MAX_FORM_BYTES >> 20,
            crate::corpus::store::MAX_ARTICLE_BYTES / 1024
        );
        let (heading, english, message) = match &self {
            WebError::NotFound(m) => ("غير موجود", "Not found", m.as_str()),
            WebError::BadRequest(m) => ("طلب غير صالح", "Bad request", m.as_str()),
            WebError::Forbidden(m) => ("طلب مرفوض", "Forbidden", m.as_str()),
            WebError::MethodNotAllowed => (
                "طريقة غير مقبولة",
                "Method not allowed",
                "هذا العنوان لا يقبل هذه الطريقة في الطلب.",
            ),
            WebError::TooLarge => (
                "الطلب أكبر من الحد",
                "Payload too large",
                too_large.as_str(),
            ),
            WebError::Internal(m) => {
                tracing::error!("internal error: {m}");
                (
                    "خطأ في الخادم",
                    "Server error",
                    "تعذّر إتمام الطلب؛ ما حُفظ من قبل لم يُمس.",
                )
            }
        };
        let page = ErrorPage {
            code: status.as_u16(),
            heading,
            english,
            message,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "error page failed to render",
            )
                .into_response(),
        }
    }
}
