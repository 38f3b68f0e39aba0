//! "Did you mean ...?": the closest known name to a mistyped one.

/// Levenshtein distance between two strings, in characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The known name closest to `name`, if it is close enough to be a typo.
pub fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<String> {
    let n = name.chars().count();
    // The distance is at least the difference in length: a name far longer
    // than any known one (a 10 MB value) is never compared in full.
    let lower = name.to_lowercase();
    known
        .filter_map(|k| {
            let max = (k.chars().count() / 3).max(2);
            if n.abs_diff(k.chars().count()) > max {
                return None;
            }
            let d = distance(&lower, &k.to_lowercase());
            (d <= max).then_some((d, k))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_close_names() {
        assert_eq!(
            super::closest("privcy", ["privacy", "attention"].into_iter()),
            Some("privacy".into())
        );
        assert_eq!(super::closest("zzz", ["privacy"].into_iter()), None);
    }
}
