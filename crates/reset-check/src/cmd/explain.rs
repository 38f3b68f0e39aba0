//! `reset-check explain ID`: everything about one criterion, readable.

use super::{Ctx, Status, Style};
use crate::cli::Format;
use anyhow::{bail, Result};
use reset_criteria::grid::{Better, GradeScale};
use reset_criteria::{Catalog, Criterion, Grid, Lang, LangList, Rule};
use std::fmt::Write as _;

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  reset-check explain PRIV-06
  reset-check explain priv-06 --lang fr     ids are case-insensitive
  reset-check explain PRIV-06 --format json the criterion as it is in its grid file")]
pub struct Args {
    /// The criterion id (`PRIV-06`); `reset-check grids` lists the grids
    #[arg(value_name = "ID")]
    pub id: String,
}

/// Runs `explain`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("explain", &[Format::Table, Format::Json])?;
    let catalog = ctx.catalog()?;
    let Some((grid, criterion)) = catalog.criterion(&args.id) else {
        bail!("{}", unknown(&catalog, &args.id));
    };
    let out = match ctx.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(criterion)?;
            s.push('\n');
            s
        }
        _ => render(grid, criterion, ctx.lang, ctx.style()),
    };
    ctx.emit(out.as_bytes())?;
    Ok(Status::Ok)
}

/// The message for an id that is not a criterion of the catalog.
fn unknown(catalog: &Catalog, id: &str) -> String {
    if let Some(g) = catalog
        .grids()
        .iter()
        .find(|g| g.id.eq_ignore_ascii_case(id))
    {
        let ids: Vec<&str> = g.criteria.iter().map(|c| c.id.as_str()).collect();
        return format!(
            "`{id}` is a grid, not a criterion; its criteria are: {}",
            ids.join(", ")
        );
    }
    match reset_criteria::suggest::closest(id, catalog.criterion_ids()) {
        Some(s) => format!(
            "unknown criterion `{id}`; did you mean `{s}`? run `reset-check grids` to list the grids and their criteria"
        ),
        None => format!(
            "unknown criterion `{id}`; run `reset-check grids` to list the grids and their criteria"
        ),
    }
}

fn weight_label(w: u8, l: Lang) -> &'static str {
    match w {
        1 => l.pick("utile", "useful"),
        2 => l.pick("important", "important"),
        _ => l.pick("essentiel", "essential"),
    }
}

/// A number without a useless `.0`.
fn num(x: f64) -> String {
    format!("{x}")
}

/// The product rule, in words, one line per level.
pub fn rule_lines(rule: &Rule, l: Lang) -> Vec<String> {
    match rule {
        Rule::Bool => vec![l
            .pick(
                "oui/non : oui → niveau 2 (3 avec une preuve), non → niveau 0",
                "yes/no: yes → level 2 (3 with evidence), no → level 0",
            )
            .to_string()],
        Rule::Number {
            unit,
            better,
            levels,
        } => {
            let (op, dir) = match better {
                Better::Lower => ("≤", l.pick("plus bas = mieux", "lower is better")),
                Better::Higher => ("≥", l.pick("plus haut = mieux", "higher is better")),
            };
            let lvl = l.pick("niveau", "level");
            let mut v = vec![match l {
                Lang::Fr => format!("nombre en {unit}, {dir} :"),
                Lang::En => format!("number in {unit}, {dir}:"),
            }];
            for (i, t) in levels.iter().enumerate().rev() {
                v.push(format!("{op} {} {unit} → {lvl} {}", num(*t), i + 1));
            }
            v.push(format!("{} → {lvl} 0", l.pick("sinon", "otherwise")));
            v
        }
        Rule::Enum { options } => {
            let mut v = vec![l.pick("une des réponses :", "one of:").to_string()];
            let width = options.iter().map(|o| o.value.len()).max().unwrap_or(0);
            for o in options {
                let sep = l.pick(" :", ":");
                v.push(format!(
                    "{:width$} → {} {}{sep} {}",
                    o.value,
                    l.pick("niveau", "level"),
                    o.level,
                    o.label.get(l)
                ));
            }
            v
        }
    }
}

fn push_cues(out: &mut String, label: &str, list: &LangList, lang: Lang) {
    let items = list.get(lang);
    if items.is_empty() {
        return;
    }
    let quoted: Vec<String> = items.iter().map(|c| format!("\"{c}\"")).collect();
    let _ = writeln!(out, "    {label:<8} {}", quoted.join(", "));
}

/// The explanation of a criterion as text.
pub fn render(grid: &Grid, c: &Criterion, l: Lang, st: Style) -> String {
    let mut o = String::new();
    let head = |s: &str| st.bold(s);
    let _ = writeln!(
        o,
        "{} — {}",
        st.bold(&st.code(&c.id)),
        st.bold(c.title.get(l))
    );
    let _ = writeln!(
        o,
        "{} {} v{} ({}) · {} {} ({}) · {} {}",
        l.pick("Grille", "Grid"),
        grid.id,
        grid.version,
        grid.title.get(l),
        l.pick("poids", "weight"),
        c.weight,
        weight_label(c.weight, l),
        l.pick("sujets :", "subjects:"),
        c.subjects.join(", ")
    );

    let _ = writeln!(o, "\n{}", head(l.pick("Pourquoi", "Why it matters")));
    let _ = writeln!(o, "  {}", c.rationale.get(l));

    let _ = writeln!(o, "\n{}", head(l.pick("Références", "References")));
    for r in &c.references {
        let _ = writeln!(o, "  - {r}");
    }

    let _ = writeln!(
        o,
        "\n{}",
        head(l.pick(
            "Dans un cahier des charges (indices)",
            "In a tender text (cues)"
        ))
    );
    for lang in Lang::ALL {
        let name = match (l, lang) {
            (Lang::Fr, Lang::Fr) => "français (fr) :",
            (Lang::Fr, Lang::En) => "anglais (en) :",
            (Lang::En, Lang::Fr) => "French (fr):",
            (Lang::En, Lang::En) => "English (en):",
        };
        let _ = writeln!(o, "  {name}");
        let s = &c.spec;
        push_cues(&mut o, "cues", &s.cues, lang);
        push_cues(&mut o, "avoid", &s.avoid, lang);
        push_cues(&mut o, "verify", &s.verify, lang);
        push_cues(&mut o, "exclude", &s.exclude, lang);
        push_cues(&mut o, "award", &s.award, lang);
    }
    let _ = writeln!(
        o,
        "  {}",
        st.dim(l.pick(
            "cues : formulations qui demandent le critère ; avoid : pratiques qu'il proscrit ; verify : ce qui le rend vérifiable (niveau 3) ; exclude : sens sans rapport, ignorés ; award : libellés qui le nomment dans les critères d'attribution seulement. `mot*` = préfixe, `a + b` = dans la même phrase.",
            "cues: wording that asks for it; avoid: practices it forbids; verify: what makes it verifiable (level 3); exclude: unrelated senses, ignored; award: labels that name it in award criteria only. `word*` = prefix, `a + b` = in one sentence."
        ))
    );

    let _ = writeln!(
        o,
        "\n{} ({} `{}`)",
        head(l.pick("Question produit", "Product question")),
        l.pick("fait", "fact"),
        c.product.fact
    );
    let _ = writeln!(o, "  {}", c.product.question.get(l));
    for (i, line) in rule_lines(&c.product.rule, l).iter().enumerate() {
        let indent = if i == 0 { "  " } else { "    " };
        let _ = writeln!(o, "  {indent}{line}");
    }
    let reaches_3 = match &c.product.rule {
        Rule::Enum { options } => options.iter().any(|o| o.level == 3),
        _ => true,
    };
    if reaches_3 {
        let _ = writeln!(
            o,
            "  {}",
            st.dim(l.pick(
                "Le niveau 3 demande une preuve dans le fichier produit (audit, mesure, lien public) ; sans elle, il compte 2.",
                "Level 3 needs evidence in the product file (audit, measurement, public link); without it, it counts as 2."
            ))
        );
    }

    let _ = writeln!(o, "\n{}", head(l.pick("Clause type", "Model clause")));
    let _ = writeln!(o, "  {}", c.clause.get(l));

    if !c.examples.is_empty() {
        let _ = writeln!(
            o,
            "\n{}",
            head(l.pick("Exemples (niveau attendu)", "Examples (expected level)"))
        );
        for e in &c.examples {
            let _ = writeln!(o, "  [{}] {}: {}", e.level, e.lang, e.text);
        }
    }

    let _ = writeln!(
        o,
        "\n{}",
        head(l.pick("Calcul du niveau", "How the level is computed"))
    );
    for line in scoring_lines(&grid.grades, l) {
        let _ = writeln!(o, "  {line}");
    }
    o
}

/// The scoring rules, in words.
pub fn scoring_lines(g: &GradeScale, l: Lang) -> Vec<String> {
    let grades = format!(
        "A ≥ {}, B ≥ {}, C ≥ {}, D ≥ {}, {} E.",
        num(g.a),
        num(g.b),
        num(g.c),
        num(g.d),
        l.pick("sinon", "else")
    );
    match l {
        Lang::Fr => vec![
            "Texte d'appel d'offres : 0 absent, nié ou hors périmètre ; 1 simple mention ou souhait (« si possible ») ;".into(),
            "2 exigé (« doit », « exigé ») ; 3 exigé et vérifiable (seuil, norme et niveau, livrable, audit, pénalité).".into(),
            "Auto-évaluation produit : 0 non atteint ou non déclaré ; 1 partiel ; 2 atteint ; 3 atteint et prouvé.".into(),
            "Score de la grille = 100 × Σ(poids × niveau) / Σ(poids × 3) sur les critères applicables au sujet ;".into(),
            "un critère non applicable sort du calcul.".into(),
            format!("Notes de cette grille : {grades}"),
        ],
        Lang::En => vec![
            "Tender text: 0 absent, negated or out of scope; 1 mentioned only, a wish (\"should\");".into(),
            "2 required (\"shall\", \"must\"); 3 required and verifiable (threshold, standard and level, deliverable, audit, penalty).".into(),
            "Product self-assessment: 0 not met or not declared; 1 partly met; 2 met; 3 met and proven.".into(),
            "Grid score = 100 × Σ(weight × level) / Σ(weight × 3) over the criteria applicable to the subject;".into(),
            "a criterion that does not apply is left out.".into(),
            format!("Grades of this grid: {grades}"),
        ],
    }
}
