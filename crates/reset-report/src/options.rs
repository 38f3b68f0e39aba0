//! Options shared by the document renderers (Markdown, HTML), and today's date.

use reset_criteria::Lang;

/// Options of the Markdown and HTML reports.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Language of every word (the documents' own text is quoted as it is).
    pub lang: Lang,
    /// The date printed in the header (`2025-03-14`); none to leave it out.
    pub date: Option<String>,
}

impl ReportOptions {
    /// Options for a language, dated today (or `SOURCE_DATE_EPOCH` when set).
    pub fn new(lang: Lang) -> Self {
        ReportOptions {
            lang,
            date: Some(today()),
        }
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`; `SOURCE_DATE_EPOCH` (seconds) wins
/// when set, for reproducible reports.
pub fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    date_of_unix(secs)
}

/// The civil date (UTC) of a Unix time, `YYYY-MM-DD`.
pub fn date_of_unix(secs: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A score with one decimal, or `-`.
pub(crate) fn fmt_score(s: Option<f64>) -> String {
    s.map(|s| format!("{s:.1}")).unwrap_or_else(|| "-".into())
}

#[cfg(test)]
mod tests {
    use super::date_of_unix;

    #[test]
    fn civil_dates() {
        assert_eq!(date_of_unix(0), "1970-01-01");
        assert_eq!(date_of_unix(951_782_400), "2000-02-29");
        assert_eq!(date_of_unix(1_741_910_400), "2025-03-14");
    }
}
