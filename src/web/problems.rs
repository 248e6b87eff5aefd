//! What a skipped file or a refused upload means, in Arabic.
//!
//! In: a [`ProblemKind`], an [`ArticleErrorKind`] or an [`AddError`]. Out:
//! the message a
//! user reads first, with advice that fits the case (a PDF or Word file:
//! copy the text and paste it). The technical detail (an offset, a size, an
//! English error) is shown after it, smaller, by the page.

use crate::corpus::ProblemKind;
use crate::corpus::store::{AddError, MAX_ARTICLE_BYTES};
use crate::document::ArticleErrorKind;

/// The Arabic message of a problem found while loading the corpus.
pub fn message(kind: ProblemKind) -> &'static str {
    match kind {
        ProblemKind::MetaWithoutArticles => "ملف story.toml لا مقالات بجانبه، فلم يُقرأ.",
        ProblemKind::BadMeta => "تعذّرت قراءة ملف story.toml، فأُهمل وبقيت المقالات.",
        ProblemKind::Internal => "تعذّر تحليل هذه القصة بسبب خطأ داخلي؛ أبلغنا به مع الملفات.",
        ProblemKind::NoStories => "لا قصص هنا: لا مجلد يحوي مقالات ‎.txt أو ‎.md.",
        ProblemKind::BadFolderName => {
            "اسم المجلد لا يصلح معرّفًا لقصة: استعمل الحروف والأرقام و- و_ و. فقط."
        }
        ProblemKind::UnreadableFolder => "تعذّرت قراءة المجلد.",
        ProblemKind::NestedFolder => "مجلد داخل مجلد قصة لا يُقرأ: المدوّنة مستويان على الأكثر.",
        ProblemKind::NoArticles => "المجلد لا يحوي مقالات ‎.txt أو ‎.md.",
        ProblemKind::NotAnArticle => "ليس مقالًا: لا تُقرأ إلا ملفات ‎.txt و‎.md.",
        ProblemKind::Document => {
            "ملف مستند (PDF أو Word) لا يُقرأ: افتحه وانسخ النص والصقه في ملف ‎.txt أو في نموذج الإضافة."
        }
        ProblemKind::Link => {
            "رابط رمزي إلى خارج مجلد القصة أو رابط معطّل: انسخ الملف نفسه إلى المجلد."
        }
        ProblemKind::DuplicateId => "ملف آخر في القصة يحمل المعرّف نفسه، فلم يُقرأ هذا.",
        ProblemKind::DuplicateText => "نسخة مكررة: النص نفسه في ملف آخر من القصة.",
        ProblemKind::NoArticleLoaded => "تعذّر تحميل أي مقال من هذه القصة.",
        ProblemKind::Article(k) => article_message(k),
    }
}

/// The Arabic message of a file that is not an article.
pub fn article_message(kind: ArticleErrorKind) -> &'static str {
    match kind {
        ArticleErrorKind::NameNotUtf8 => "اسم الملف بترميز غير مقروء: أعد تسميته.",
        ArticleErrorKind::Unreadable => "تعذّرت قراءة الملف.",
        ArticleErrorKind::TooLarge => {
            "الملف أكبر من أن يكون مقالًا: قسّمه أو احذف منه ما ليس من نص المقال."
        }
        ArticleErrorKind::Encoding => "ترميز الملف غير مقروء: احفظه بترميز UTF-8.",
        ArticleErrorKind::Binary => {
            "هذا ملف ثنائي لا نص (PDF أو Word أو صورة): افتحه وانسخ النص والصقه."
        }
        ArticleErrorKind::BadId => {
            "اسم الملف لا يصلح معرّفًا لمقال: استعمل الحروف والأرقام و- و_ و. فقط."
        }
        ArticleErrorKind::Empty => "الملف فارغ لا نص فيه.",
    }
}

/// The Arabic message of an article the add form refused; its technical
/// detail is [`AddError::detail`].
pub fn add_message(e: &AddError) -> String {
    match e {
        AddError::Empty => "النص فارغ: الصق نص المقال أو اختر ملفًا".into(),
        AddError::TooLarge(n) => {
            format!("المقال أكبر من الحد ({n} بايت، والحد {MAX_ARTICLE_BYTES} بايت)")
        }
        AddError::Duplicate(id) => format!("هذا النص موجود في القصة بالفعل: المقال {id}"),
        AddError::BadMetadata(_) => "بيانات وصفية غير صالحة: تحقّق من وقت النشر (مثل 2023-02-06 أو 2023-02-06T04:17) ومن الرابط (يبدأ بـ http:// أو https://)".into(),
        AddError::Io(_) => {
            "تعذّر حفظ الملف على القرص: تحقّق من المساحة الحرة ومن صلاحية الكتابة في المجلد".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_arabic_and_documents_get_advice() {
        let all = [
            ProblemKind::MetaWithoutArticles,
            ProblemKind::BadMeta,
            ProblemKind::Internal,
            ProblemKind::NoStories,
            ProblemKind::BadFolderName,
            ProblemKind::UnreadableFolder,
            ProblemKind::NestedFolder,
            ProblemKind::NoArticles,
            ProblemKind::NotAnArticle,
            ProblemKind::Document,
            ProblemKind::Link,
            ProblemKind::DuplicateId,
            ProblemKind::DuplicateText,
            ProblemKind::NoArticleLoaded,
            ProblemKind::Article(ArticleErrorKind::Binary),
            ProblemKind::Article(ArticleErrorKind::Empty),
        ];
        for k in all {
            let m = message(k);
            let arabic = m
                .chars()
                .filter(|c| ('\u{600}'..='\u{6ff}').contains(c))
                .count();
            let latin = m.chars().filter(char::is_ascii_alphabetic).count();
            assert!(arabic >= 2 * latin && arabic > 10, "{k:?}: {m}");
        }
        assert!(message(ProblemKind::Document).contains("انسخ النص"));
        assert_eq!(
            add_message(&AddError::Duplicate("wire".into())),
            "هذا النص موجود في القصة بالفعل: المقال wire"
        );
        assert!(add_message(&AddError::TooLarge(2 << 20)).contains("2097152 بايت"));
        assert!(article_message(ArticleErrorKind::Binary).contains("انسخ النص"));
    }
}
