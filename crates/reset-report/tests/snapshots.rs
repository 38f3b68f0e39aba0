//! Snapshots of every format (table, json, csv, md, html, sarif) in French
//! and English, on a small report built from a small catalog written in the
//! tests (see `common/mod.rs`), so that tuning the built-in grids never
//! moves them. Review changes with `cargo insta review`, or accept them with
//! `INSTA_UPDATE=always cargo test -p reset-report --test snapshots`.

mod common;

use reset_criteria::Lang;
use reset_report::{
    render_csv, render_html, render_json, render_markdown, render_sarif, render_table,
    ReportOptions, TableOptions,
};

fn opts(lang: Lang) -> ReportOptions {
    ReportOptions {
        lang,
        date: Some("2025-03-14".into()),
    }
}

macro_rules! both_languages {
    ($name:ident, $render:expr) => {
        #[test]
        fn $name() {
            let catalog = common::catalog();
            let report = common::report(&catalog);
            for lang in Lang::ALL {
                let render: &dyn Fn(&_, &_, Lang) -> String = &$render;
                let out = render(&report, &catalog, lang);
                insta::assert_snapshot!(format!("{}_{}", stringify!($name), lang.code()), out);
            }
        }
    };
}

both_languages!(table, |r, _c, lang| render_table(
    r,
    &TableOptions {
        lang,
        color: false,
        width: Some(120),
        details: true,
    }
));
both_languages!(json, |r, _c, _lang| render_json(r));
both_languages!(csv, |r, _c, lang| render_csv(r, lang));
both_languages!(md, |r, c, lang| render_markdown(r, c, &opts(lang)));
both_languages!(html, |r, c, lang| render_html(r, c, &opts(lang)));
both_languages!(sarif, |r, c, lang| render_sarif(r, c, lang));

#[test]
fn match_and_diff_md() {
    let catalog = common::catalog();
    let report = common::report(&catalog);
    let (spec, product) = (&report.documents[0], &report.documents[1]);
    let matched = reset_criteria::product::match_product(spec, product);
    let mut newer = spec.clone();
    newer.source = "tenders/cctp v2.md".into();
    newer.grids[0].criteria[1].level = 2;
    newer.grids[0].criteria[1].status = reset_criteria::report::Status::Required;
    newer.grids[0].criteria[0].level = 0;
    newer.grids[0].criteria[0].status = reset_criteria::report::Status::Absent;
    reset_criteria::report::finish_scores(&mut newer, &catalog);
    let diff = reset_report::diff_reports(spec, &newer);
    for lang in Lang::ALL {
        insta::assert_snapshot!(
            format!("match_md_{}", lang.code()),
            reset_report::render_match_markdown(&matched, lang)
        );
        insta::assert_snapshot!(
            format!("diff_md_{}", lang.code()),
            reset_report::render_diff_markdown(&diff, lang)
        );
    }
}
