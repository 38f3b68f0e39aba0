//! HTML through html5ever (the WHATWG parsing algorithm) into a small
//! arena that records the source line of every node. Scripts, styles,
//! navigation, headers, footers, templates and hidden elements are dropped.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::interface::ElemName;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, Attribute, LocalName, Namespace, QualName};
use reset_criteria::document::{Block, BlockKind, Position};

use crate::error::ExtractError;
use crate::limits::{LimitKind, Limits};

enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template: Option<usize>,
    },
    Text(StrTendril),
    Other,
}

struct Node {
    data: Data,
    parent: Option<usize>,
    children: Vec<usize>,
    line: u32,
    /// Depth in the tree when inserted (the document is 0).
    depth: u32,
}

#[derive(Default)]
struct Sink {
    nodes: RefCell<Vec<Node>>,
    line: Cell<u32>,
    /// The deepest insertion so far, read between chunks of input: the
    /// tree builder scans its stack of open elements for many tags, so
    /// nesting 200,000 deep would take minutes before the walker saw it.
    deepest: Rc<Cell<u32>>,
}

/// An element name handed back to the tree builder.
#[derive(Debug)]
struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl Sink {
    fn new() -> Self {
        let sink = Sink::default();
        sink.nodes.borrow_mut().push(Node {
            data: Data::Document,
            parent: None,
            children: Vec::new(),
            line: 1,
            depth: 0,
        });
        sink.line.set(1);
        sink
    }

    fn push(&self, data: Data) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            data,
            parent: None,
            children: Vec::new(),
            line: self.line.get(),
            depth: 0,
        });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], id: usize) {
        if let Some(p) = nodes.get_mut(id).and_then(|n| n.parent.take()) {
            if let Some(parent) = nodes.get_mut(p) {
                parent.children.retain(|&c| c != id);
            }
        }
    }

    /// Inserts `child` under `parent` at `index` (None: at the end), merging text.
    fn insert(&self, parent: usize, index: Option<usize>, child: NodeOrText<usize>) {
        let line = self.line.get();
        let mut nodes = self.nodes.borrow_mut();
        if parent >= nodes.len() {
            return;
        }
        let id = match child {
            NodeOrText::AppendText(text) => {
                let len = nodes[parent].children.len();
                let at = index.unwrap_or(len).min(len);
                if at > 0 {
                    let prev = nodes[parent].children[at - 1];
                    if let Data::Text(t) = &mut nodes[prev].data {
                        t.push_tendril(&text);
                        return;
                    }
                }
                nodes.push(Node {
                    data: Data::Text(text),
                    parent: None,
                    children: Vec::new(),
                    line,
                    depth: 0,
                });
                nodes.len() - 1
            }
            NodeOrText::AppendNode(id) => {
                if id >= nodes.len() || id == parent {
                    return;
                }
                Self::detach(&mut nodes, id);
                id
            }
        };
        let len = nodes[parent].children.len();
        let at = index.unwrap_or(len).min(len);
        nodes[parent].children.insert(at, id);
        nodes[id].parent = Some(parent);
        let depth = nodes[parent].depth.saturating_add(1);
        nodes[id].depth = depth;
        if depth > self.deepest.get() {
            self.deepest.set(depth);
        }
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Vec<Node>;
    type ElemName<'a> = Name;

    fn finish(self) -> Vec<Node> {
        self.nodes.into_inner()
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> usize {
        0
    }
    fn elem_name<'a>(&'a self, target: &'a usize) -> Name {
        match self.nodes.borrow().get(*target).map(|n| &n.data) {
            Some(Data::Element { name, .. }) => Name(name.clone()),
            _ => Name(QualName::new(
                None,
                Namespace::from(""),
                LocalName::from(""),
            )),
        }
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let template = if flags.template {
            Some(self.push(Data::Document))
        } else {
            None
        };
        self.push(Data::Element {
            name,
            attrs,
            template,
        })
    }
    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Data::Other)
    }
    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Data::Other)
    }
    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.insert(*parent, None, child);
    }
    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        let has_parent = self
            .nodes
            .borrow()
            .get(*element)
            .is_some_and(|n| n.parent.is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }
    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
    }
    fn get_template_contents(&self, target: &usize) -> usize {
        match self.nodes.borrow().get(*target).map(|n| &n.data) {
            Some(Data::Element {
                template: Some(t), ..
            }) => *t,
            _ => *target,
        }
    }
    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }
    fn set_quirks_mode(&self, _mode: QuirksMode) {}
    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let place = {
            let nodes = self.nodes.borrow();
            nodes.get(*sibling).and_then(|n| n.parent).map(|p| {
                let idx = nodes[p].children.iter().position(|c| c == sibling);
                (p, idx)
            })
        };
        let Some((parent, Some(_))) = place else {
            return;
        };
        // Detach first (the node may sit before the sibling), then find the index again.
        if let NodeOrText::AppendNode(id) = &new_node {
            Self::detach(&mut self.nodes.borrow_mut(), *id);
        }
        let idx = self.nodes.borrow()[parent]
            .children
            .iter()
            .position(|c| c == sibling);
        self.insert(parent, idx, new_node);
    }
    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        if let Some(Node {
            data: Data::Element {
                attrs: existing, ..
            },
            ..
        }) = self.nodes.borrow_mut().get_mut(*target)
        {
            for a in attrs {
                if !existing.iter().any(|e| e.name == a.name) {
                    existing.push(a);
                }
            }
        }
    }
    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }
    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        if *node >= nodes.len() || *new_parent >= nodes.len() || node == new_parent {
            return;
        }
        let children = std::mem::take(&mut nodes[*node].children);
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number.min(u32::MAX as u64) as u32);
    }
}

const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "template", "noscript", "head", "iframe",
    "object", "embed", "svg", "math", "canvas", "select", "button", "textarea",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "pre",
    "blockquote",
    "dt",
    "dd",
    "figcaption",
    "caption",
    "address",
    "summary",
    "section",
    "article",
    "main",
    "aside",
    "figure",
    "details",
    "dl",
    "legend",
    "fieldset",
    "form",
    "center",
    "body",
    "html",
    "hr",
];

struct Container {
    kind: BlockKind,
    text: String,
    line: Option<u32>,
    pre: bool,
}

struct Walker<'a> {
    nodes: &'a [Node],
    source_lines: Vec<&'a str>,
    blocks: Vec<Block>,
    stack: Vec<Container>,
    tables: Vec<(u32, u32)>,
    list_depth: u32,
    max_depth: u64,
}

/// Extracts the blocks of an HTML text.
pub(crate) fn parse(file: &str, text: &str, limits: &Limits) -> Result<Vec<Block>, ExtractError> {
    let too_deep = || ExtractError::limit(file, LimitKind::HtmlDepth, limits.max_html_depth);
    let sink = Sink::new();
    let deepest = Rc::clone(&sink.deepest);
    let mut parser = parse_document(sink, Default::default());
    // Fed in chunks so that a document nested too deep is refused early.
    const CHUNK: usize = 16 * 1024;
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + CHUNK).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&text[start..end]));
        start = end;
        if u64::from(deepest.get()) > limits.max_html_depth {
            return Err(too_deep());
        }
    }
    let nodes = parser.finish();
    let mut w = Walker {
        nodes: &nodes,
        source_lines: text.split('\n').collect(),
        blocks: Vec::new(),
        stack: vec![Container {
            kind: BlockKind::Paragraph,
            text: String::new(),
            line: None,
            pre: false,
        }],
        tables: Vec::new(),
        list_depth: 0,
        max_depth: limits.max_html_depth,
    };
    if !w.walk(0, 0) {
        return Err(too_deep());
    }
    w.flush_top();
    Ok(w.blocks)
}

fn attr<'a>(attrs: &'a [Attribute], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

fn is_hidden(attrs: &[Attribute]) -> bool {
    if attr(attrs, "hidden").is_some() {
        return true;
    }
    if attr(attrs, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    if let Some(style) = attr(attrs, "style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

impl Walker<'_> {
    /// Walks a node; false when the depth limit is exceeded.
    fn walk(&mut self, id: usize, depth: u64) -> bool {
        if depth > self.max_depth {
            return false;
        }
        let Some(node) = self.nodes.get(id) else {
            return true;
        };
        match &node.data {
            Data::Document => self.walk_children(id, depth),
            Data::Text(t) => {
                self.add_text(t, node.line);
                true
            }
            Data::Other => true,
            Data::Element { name, attrs, .. } => {
                let tag: &str = &name.local;
                if SKIPPED.contains(&tag) || is_hidden(attrs) {
                    return true;
                }
                match tag {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        let depth_h = tag.as_bytes()[1] - b'0';
                        self.container(BlockKind::Heading { depth: depth_h }, id, depth)
                    }
                    "li" => {
                        let d = self.list_depth.clamp(1, 255) as u8;
                        self.container(BlockKind::ListItem { depth: d }, id, depth)
                    }
                    "ul" | "ol" | "menu" => {
                        self.flush_top();
                        self.list_depth += 1;
                        let ok = self.walk_children(id, depth);
                        self.list_depth -= 1;
                        self.flush_top();
                        ok
                    }
                    "table" => {
                        self.flush_top();
                        self.tables.push((0, 0));
                        let ok = self.walk_children(id, depth);
                        self.tables.pop();
                        ok
                    }
                    "tr" => {
                        if let Some(t) = self.tables.last_mut() {
                            t.0 += 1;
                            t.1 = 0;
                        }
                        self.walk_children(id, depth)
                    }
                    "td" | "th" => {
                        let span = attr(attrs, "colspan")
                            .and_then(|v| v.trim().parse::<u32>().ok())
                            .unwrap_or(1)
                            .clamp(1, 1000);
                        let (row, column) = match self.tables.last_mut() {
                            Some(t) => {
                                t.1 += 1;
                                let c = t.1;
                                t.1 += span - 1;
                                (t.0.max(1), c)
                            }
                            None => (1, 1),
                        };
                        self.container(BlockKind::TableCell { row, column }, id, depth)
                    }
                    "br" => {
                        self.line_break();
                        true
                    }
                    "pre" => self.paragraph_like(id, depth, true),
                    t if BLOCKS.contains(&t) => self.paragraph_like(id, depth, false),
                    _ => self.walk_children(id, depth),
                }
            }
        }
    }

    fn walk_children(&mut self, id: usize, depth: u64) -> bool {
        let nodes = self.nodes;
        if let Some(n) = nodes.get(id) {
            for &c in &n.children {
                if !self.walk(c, depth + 1) {
                    return false;
                }
            }
        }
        true
    }

    /// A block that holds its own text: heading, list item, table cell.
    fn container(&mut self, kind: BlockKind, id: usize, depth: u64) -> bool {
        self.flush_top();
        self.stack.push(Container {
            kind,
            text: String::new(),
            line: None,
            pre: false,
        });
        let ok = self.walk_children(id, depth);
        self.flush_top();
        self.stack.pop();
        ok
    }

    /// p, div and the like: a paragraph of their own at top level, a line
    /// break inside a heading, list item or table cell.
    fn paragraph_like(&mut self, id: usize, depth: u64, pre: bool) -> bool {
        let inside_container = self.stack.len() > 1
            && self
                .stack
                .last()
                .is_some_and(|c| !matches!(c.kind, BlockKind::Paragraph));
        if inside_container {
            self.line_break();
            let ok = self.walk_children(id, depth);
            self.line_break();
            return ok;
        }
        self.flush_top();
        self.stack.push(Container {
            kind: BlockKind::Paragraph,
            text: String::new(),
            line: None,
            pre,
        });
        let ok = self.walk_children(id, depth);
        self.flush_top();
        self.stack.pop();
        ok
    }

    fn line_break(&mut self) {
        if let Some(c) = self.stack.last_mut() {
            while c.text.ends_with(' ') {
                c.text.pop();
            }
            if !c.text.is_empty() && !c.text.ends_with('\n') {
                c.text.push('\n');
            }
        }
    }

    fn add_text(&mut self, t: &str, line: u32) {
        let Some(c) = self.stack.last_mut() else {
            return;
        };
        if c.line.is_none() && !t.trim().is_empty() {
            c.line = Some(line);
        }
        if c.pre {
            c.text.push_str(t);
            return;
        }
        for ch in t.chars() {
            if ch.is_whitespace() && ch != '\u{a0}' && ch != '\u{202f}' {
                if !c.text.is_empty() && !c.text.ends_with([' ', '\n']) {
                    c.text.push(' ');
                }
            } else {
                c.text.push(ch);
            }
        }
    }

    fn flush_top(&mut self) {
        let Some(c) = self.stack.last_mut() else {
            return;
        };
        let text = std::mem::take(&mut c.text);
        let line = c.line.take();
        let kind = c.kind;
        let text = text
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if text.is_empty() {
            return;
        }
        let mut pos = Position::default();
        if let Some(l) = line {
            pos.line = Some(l);
            let word: String = text
                .chars()
                .take_while(|c| !c.is_whitespace())
                .take(20)
                .collect();
            if let Some(src) = self.source_lines.get(l as usize - 1) {
                if let Some(i) = src.find(&word) {
                    pos.column = Some(src[..i].chars().count() as u32 + 1);
                }
            }
        }
        self.blocks.push(Block::new(kind, text, pos));
    }
}
