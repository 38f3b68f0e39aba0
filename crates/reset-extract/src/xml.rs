//! A small driver over quick-xml shared by docx and odt: counts the depth
//! against the limit, skips whole subtrees on request, resolves only the
//! predefined and numeric entities (a DTD is never read, nothing expands).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::error::ExtractError;
use crate::limits::LimitKind;

/// What a reader of XML events does with them.
pub(crate) trait Handler {
    /// An element starts (`empty` for `<x/>`, then `end` follows at once).
    /// Returns true to skip the element's content.
    fn start(&mut self, name: &str, e: &BytesStart<'_>, empty: bool) -> bool;
    /// An element ends.
    fn end(&mut self, name: &str);
    /// Character data (entities already resolved).
    fn text(&mut self, t: &str);
}

/// An attribute's raw value by local name.
pub(crate) fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| a.value.to_string())
}

/// Runs `h` over the XML `bytes`.
pub(crate) fn drive(
    file: &str,
    format: &'static str,
    bytes: &[u8],
    max_depth: u64,
    h: &mut impl Handler,
) -> Result<(), ExtractError> {
    let mut reader = Reader::from_reader(bytes);
    let mut depth: u64 = 0;
    let mut skip_at: Option<u64> = None;
    loop {
        let event = reader.read_event().map_err(|e| {
            ExtractError::corrupt(
                file,
                format,
                format!("XML error at byte {}: {e}", reader.buffer_position()),
            )
        })?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > max_depth {
                    return Err(ExtractError::limit(file, LimitKind::XmlDepth, max_depth));
                }
                if skip_at.is_some() {
                    continue;
                }
                let name = e.local_name();
                if h.start(name.as_ref(), &e, false) {
                    skip_at = Some(depth);
                }
            }
            Event::Empty(e) => {
                if skip_at.is_some() {
                    continue;
                }
                let name = e.local_name();
                h.start(name.as_ref(), &e, true);
                h.end(name.as_ref());
            }
            Event::End(e) => {
                match skip_at {
                    Some(d) if d == depth => skip_at = None,
                    Some(_) => {}
                    None => h.end(e.local_name().as_ref()),
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) if skip_at.is_none() => h.text(&t.xml10_content()),
            Event::CData(t) if skip_at.is_none() => h.text(&t),
            Event::GeneralRef(g) if skip_at.is_none() => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    let mut buf = [0u8; 4];
                    h.text(c.encode_utf8(&mut buf));
                } else if let Some(s) =
                    quick_xml::escape::resolve_predefined_entity(&g.xml10_content())
                {
                    h.text(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

/// Tabs to spaces, runs of spaces collapsed, lines trimmed, empty lines dropped.
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let mut l = String::with_capacity(line.len());
        for ch in line.chars() {
            if ch == ' ' || ch == '\t' || ch == '\r' {
                if !l.is_empty() && !l.ends_with(' ') {
                    l.push(' ');
                }
            } else {
                l.push(ch);
            }
        }
        let l = l.trim_end();
        if !l.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(l);
        }
    }
    out
}
