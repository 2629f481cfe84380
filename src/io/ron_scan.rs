//! A small scanner over RON text: where a value stands, given its path from the root.
//!
//! Validation works on the parsed project and names the offending value by its path
//! (`alternatives[3].risk`); this finds where that value starts in the file, so that a finding
//! can give a line and column like a parse error does. The text is one that has already parsed,
//! but the scanner never relies on that: on text it does not understand it returns `None`,
//! never panics, and it takes time linear in the text.
//!
//! It knows RON's lexical forms: whitespace, `//` and nested `/* */` comments, strings with
//! escapes, raw strings (`r#"…"#`), byte strings, chars, numbers, identifiers (also `r#name`),
//! and the compound values: structs with or without a name (`(a: 1)`, `Name(a: 1)`), tuples,
//! lists, maps, enum variants with contents (`Kpi(3)`) and `Some(…)`, which is transparent:
//! a path passes through it to the value inside.

use crate::model::validate::{PathSegment, ValuePath};
use std::collections::HashMap;

/// The line and column (both from 1, columns counted in characters as the RON parser does)
/// of the byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    line_cols(text, &[offset])[0]
}

/// [`line_col`] for many offsets, in one pass over the text.
pub fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&n| offsets[n]);
    let mut positions = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut col) = (0, 1, 1);
    for n in order {
        let mut target = offsets[n].min(text.len());
        while !text.is_char_boundary(target) {
            target -= 1;
        }
        let between = &text[pos..target];
        match between.rfind('\n') {
            Some(last) => {
                line += between.bytes().filter(|b| *b == b'\n').count();
                col = between[last + 1..].chars().count() + 1;
            }
            None => col += between.chars().count(),
        }
        pos = target;
        positions[n] = (line, col);
    }
    positions
}

/// The byte offset of `line` and `col` (from 1, columns in characters) in `text`, clamped to
/// the end of the line and of the text.
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[start..];
    let line_len = rest.find('\n').unwrap_or(rest.len());
    rest[..line_len]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(start + line_len, |(i, _)| start + i)
}

/// Whether everything from byte `offset` on is whitespace and comments (an unclosed block
/// comment counts: it runs to the end).
pub fn only_trivia_from(text: &str, offset: usize) -> bool {
    let mut s = Scanner::at(text, offset.min(text.len()));
    s.skip_trivia();
    s.at_end()
}

/// The byte offset where the value at `path` starts in `text`, or `None` if the text has no
/// such value (a field left out for its default, a path the text does not match).
pub fn locate(text: &str, path: &ValuePath) -> Option<usize> {
    locate_all(text, &[path]).pop().flatten()
}

/// [`locate`] for many paths at once, in one pass over the text: the offsets in the order of
/// `paths`.
pub fn locate_all(text: &str, paths: &[&ValuePath]) -> Vec<Option<usize>> {
    let mut trie = vec![Node::default()];
    for (n, path) in paths.iter().enumerate() {
        let mut node = 0;
        for segment in path.segments() {
            let next = trie.len();
            let child = match *segment {
                PathSegment::Field(name) => match trie[node].fields.iter().find(|f| f.0 == name) {
                    Some(&(_, child)) => child,
                    None => {
                        trie[node].fields.push((name, next));
                        next
                    }
                },
                PathSegment::Index(index) => *trie[node].indices.entry(index).or_insert(next),
            };
            if child == next {
                trie.push(Node::default());
            }
            node = child;
        }
        trie[node].targets.push(n);
    }
    let mut found = vec![None; paths.len()];
    let mut s = Scanner::at(text, 0);
    s.remaining = paths.len();
    s.skip_trivia();
    if s.skip_attributes().is_some() {
        // The walk stops when everything is found; a text that breaks off keeps what was
        // found before.
        if s.walk(&trie, 0, &mut found).is_none() {
            // Broken off: the positions found so far are all there are.
        }
    }
    found
}

/// Where the value of field `name` of the root struct (`(…)` or `Name(…)`) starts, looking
/// at nothing but the root's entries up to that field: quick also on text that is no struct.
pub fn root_field(text: &str, name: &str) -> Option<usize> {
    let mut s = Scanner::at(text, 0);
    s.skip_trivia();
    s.skip_attributes()?;
    match s.next_token() {
        Token::Open(b'(') => {}
        Token::Atom => {
            s.skip_trivia();
            if s.next_token() != Token::Open(b'(') {
                return None;
            }
        }
        _ => return None,
    }
    loop {
        s.skip_trivia();
        let key = s.key()?;
        s.skip_trivia();
        if key == name {
            return (!s.at_end()).then_some(s.pos);
        }
        s.skip_value()?;
        if !s.next_element_or_close()? {
            return None;
        }
    }
}

/// The bare word (number, identifier) at byte `offset` of `text`: `"2"` for the `2` of
/// `version: 2,`. Empty at a delimiter, a quote or the end.
pub fn word_at(text: &str, offset: usize) -> &str {
    if !text.is_char_boundary(offset.min(text.len())) {
        return "";
    }
    let mut s = Scanner::at(text, offset.min(text.len()));
    match s.next_token() {
        Token::Atom => &text[offset..s.pos],
        _ => "",
    }
}

/// The paths asked for, as a tree: a node per path prefix.
#[derive(Default)]
struct Node {
    /// The fields paths go on to, and their nodes.
    fields: Vec<(&'static str, usize)>,
    /// The elements paths go on to, and their nodes.
    indices: HashMap<usize, usize>,
    /// The paths (by their number) that end here.
    targets: Vec<usize>,
}

/// What the scanner found at its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// `(`, `[` or `{`.
    Open(u8),
    /// `)`, `]` or `}`.
    Close,
    Comma,
    Colon,
    /// A string, raw string, byte string or char, quotes included.
    Quoted,
    /// A number, identifier, `true`, `NaN`…: anything else up to the next delimiter.
    Atom,
    End,
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// How many paths [`locate_all`] has yet to find.
    remaining: usize,
}

impl<'a> Scanner<'a> {
    fn at(text: &'a str, pos: usize) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos,
            remaining: 0,
        }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    /// Skips whitespace and comments.
    fn skip_trivia(&mut self) {
        loop {
            let rest = &self.text[self.pos..];
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.pos = match trimmed.find('\n') {
                    Some(i) => self.pos + i + 1,
                    None => self.bytes.len(),
                };
            } else if trimmed.starts_with("/*") {
                self.skip_block_comment();
            } else {
                return;
            }
        }
    }

    /// Skips a (nested) block comment starting at the position; to the end if unclosed.
    fn skip_block_comment(&mut self) {
        let mut depth = 0usize;
        while self.pos < self.bytes.len() {
            match (self.bytes[self.pos], self.peek_at(1)) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        return;
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skips `#![enable(…)]` attributes at the start of a file.
    fn skip_attributes(&mut self) -> Option<()> {
        while self.peek() == Some(b'#') {
            self.pos += 1;
            if self.peek() == Some(b'!') {
                self.pos += 1;
            }
            self.skip_trivia();
            if self.next_token() != Token::Open(b'[') {
                return None;
            }
            self.skip_group()?;
            self.skip_trivia();
        }
        Some(())
    }

    /// Reads one token at the position (which must not be at whitespace or a comment) and
    /// moves past it.
    fn next_token(&mut self) -> Token {
        let Some(byte) = self.peek() else {
            return Token::End;
        };
        match byte {
            b'(' | b'[' | b'{' => {
                self.pos += 1;
                Token::Open(byte)
            }
            b')' | b']' | b'}' => {
                self.pos += 1;
                Token::Close
            }
            b',' => {
                self.pos += 1;
                Token::Comma
            }
            b':' => {
                self.pos += 1;
                Token::Colon
            }
            b'"' | b'\'' => {
                self.skip_quoted(byte);
                Token::Quoted
            }
            b'b' if matches!(self.peek_at(1), Some(b'"' | b'\'')) => {
                self.pos += 1;
                self.skip_quoted(self.bytes[self.pos]);
                Token::Quoted
            }
            b'b' if self.peek_at(1) == Some(b'r') && self.raw_string_ahead(2) => {
                self.pos += 2;
                self.skip_raw_string();
                Token::Quoted
            }
            b'r' if self.raw_string_ahead(1) => {
                self.pos += 1;
                self.skip_raw_string();
                Token::Quoted
            }
            _ => {
                self.skip_atom();
                Token::Atom
            }
        }
    }

    /// Skips a string or char delimited by `quote`, with backslash escapes; to the end if
    /// unclosed.
    fn skip_quoted(&mut self, quote: u8) {
        self.pos += 1;
        while let Some(byte) = self.peek() {
            self.pos += 1;
            if byte == b'\\' {
                self.pos += 1;
            } else if byte == quote {
                return;
            }
        }
        self.pos = self.pos.min(self.bytes.len());
    }

    /// Whether a raw string (`#`s then `"`) starts `ahead` bytes after the position.
    fn raw_string_ahead(&self, ahead: usize) -> bool {
        let hashes = self.bytes[(self.pos + ahead).min(self.bytes.len())..]
            .iter()
            .take_while(|b| **b == b'#')
            .count();
        self.peek_at(ahead + hashes) == Some(b'"')
    }

    /// Skips `#…#"…"#…#` from the first `#` or the quote; to the end if unclosed.
    fn skip_raw_string(&mut self) {
        let hashes = self.bytes[self.pos..]
            .iter()
            .take_while(|b| **b == b'#')
            .count();
        self.pos += hashes + 1;
        while let Some(i) = self.text[self.pos..].find('"') {
            self.pos += i + 1;
            let closing = self.bytes[self.pos..]
                .iter()
                .take(hashes)
                .take_while(|b| **b == b'#')
                .count();
            if closing == hashes {
                self.pos += hashes;
                return;
            }
        }
        self.pos = self.bytes.len();
    }

    /// Skips a number, identifier or other bare word: up to whitespace, a delimiter, a quote
    /// or a comment. Always moves at least one character.
    fn skip_atom(&mut self) {
        let rest = &self.text[self.pos..];
        let mut end = rest.chars().next().map_or(0, char::len_utf8);
        for (i, c) in rest.char_indices().skip(1) {
            let delimiter = c.is_whitespace()
                || matches!(
                    c,
                    '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | '"' | '\''
                )
                || (c == '/' && matches!(rest.as_bytes().get(i + 1), Some(b'/' | b'*')));
            if delimiter {
                break;
            }
            end = i + c.len_utf8();
        }
        self.pos += end;
    }

    /// Skips the rest of a group whose opening bracket has just been read, nested groups
    /// included.
    fn skip_group(&mut self) -> Option<()> {
        let mut depth = 1usize;
        loop {
            self.skip_trivia();
            match self.next_token() {
                Token::Open(_) => depth += 1,
                Token::Close => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(());
                    }
                }
                Token::End => return None,
                _ => {}
            }
        }
    }

    /// Skips one value at the position (after trivia): a quoted or bare word, a group, or a
    /// named group (`Name(…)`).
    fn skip_value(&mut self) -> Option<()> {
        self.skip_trivia();
        match self.next_token() {
            Token::Open(_) => self.skip_group(),
            Token::Quoted => Some(()),
            Token::Atom => {
                let after_name = self.pos;
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    self.skip_group()
                } else {
                    self.pos = after_name;
                    Some(())
                }
            }
            Token::Close | Token::Comma | Token::Colon | Token::End => None,
        }
    }

    /// If the value at the position is `Some(x)`, moves to `x`, however many `Some`s deep;
    /// returns how many it opened.
    fn unwrap_some(&mut self) -> usize {
        let mut opened = 0;
        loop {
            self.skip_trivia();
            let start = self.pos;
            let is_some = self.text[start..].starts_with("Some")
                && self.next_token() == Token::Atom
                && self.pos - start == 4
                && {
                    self.skip_trivia();
                    self.next_token() == Token::Open(b'(')
                };
            if !is_some {
                self.pos = start;
                return opened;
            }
            opened += 1;
        }
    }

    /// Opens the compound value at the position: `(`, `[`, `{` or `Name(`; returns the bracket.
    fn open(&mut self) -> Option<u8> {
        self.skip_trivia();
        match self.next_token() {
            Token::Open(bracket) => Some(bracket),
            Token::Atom => {
                self.skip_trivia();
                match self.next_token() {
                    Token::Open(b'(') => Some(b'('),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Whether a compound value starts at the position (which does not move).
    fn compound_ahead(&mut self) -> bool {
        let start = self.pos;
        let compound = self.open().is_some();
        self.pos = start;
        compound
    }

    /// Walks the value at the position, recording where the paths ending at `node` start and
    /// walking into the parts that paths go on to; moves past the value. `None` if the text
    /// breaks off or is not RON.
    fn walk(&mut self, trie: &[Node], node: usize, found: &mut [Option<usize>]) -> Option<()> {
        let somes = self.unwrap_some();
        if self.at_end() {
            return None;
        }
        let here = trie.get(node)?;
        for &target in &here.targets {
            if let Some(slot @ None) = found.get_mut(target) {
                *slot = Some(self.pos);
                self.remaining = self.remaining.saturating_sub(1);
            }
        }
        if self.remaining == 0 {
            return None;
        }
        if (here.fields.is_empty() && here.indices.is_empty()) || !self.compound_ahead() {
            self.skip_value()?;
        } else {
            self.walk_compound(trie, here, found)?;
        }
        for _ in 0..somes {
            self.skip_trivia();
            if self.next_token() != Token::Close {
                return None;
            }
        }
        Some(())
    }

    /// Walks the entries of the compound value at the position: a path's field step goes into
    /// the entry with that key, an index step into the element with that number (in a map,
    /// the value of that entry).
    fn walk_compound(
        &mut self,
        trie: &[Node],
        node: &Node,
        found: &mut [Option<usize>],
    ) -> Option<()> {
        let bracket = self.open()?;
        let mut index = 0;
        loop {
            self.skip_trivia();
            if matches!(self.peek(), Some(b')' | b']' | b'}')) {
                self.pos += 1;
                return Some(());
            }
            let key = if bracket == b'[' { None } else { self.key() };
            if bracket == b'{' && key.is_none() {
                // A key that is not a name (a number, a tuple…): skip it and its colon.
                self.skip_value()?;
                self.skip_trivia();
                if self.next_token() != Token::Colon {
                    return None;
                }
            }
            let by_name = key.and_then(|key| node.fields.iter().find(|f| f.0 == key));
            let by_index = (key.is_none() || bracket == b'{')
                .then(|| node.indices.get(&index))
                .flatten();
            let step = by_name.map(|f| f.1).or(by_index.copied());
            match step {
                Some(child) => self.walk(trie, child, found)?,
                None => self.skip_value()?,
            }
            index += 1;
            if self.remaining == 0 || !self.next_element_or_close()? {
                return Some(());
            }
        }
    }

    /// An entry's key and its colon (`name:`, `r#name:`, `"name":`), if the entry at the
    /// position has one; otherwise the position does not move.
    fn key(&mut self) -> Option<&'a str> {
        let start = self.pos;
        let key = match self.next_token() {
            Token::Atom => {
                let key = &self.text[start..self.pos];
                Some(key.strip_prefix("r#").unwrap_or(key))
            }
            Token::Quoted if self.bytes.get(start) == Some(&b'"') => {
                self.text.get(start + 1..self.pos.saturating_sub(1))
            }
            _ => None,
        };
        self.skip_trivia();
        if key.is_some() && self.next_token() == Token::Colon {
            return key;
        }
        self.pos = start;
        None
    }

    /// After an element: `Some(true)` past a comma, `Some(false)` past the closing bracket.
    fn next_element_or_close(&mut self) -> Option<bool> {
        self.skip_trivia();
        match self.next_token() {
            Token::Comma => Some(true),
            Token::Close => Some(false),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::PathSegment::{Field, Index};

    /// The text at the value `path` leads to, up to the end of its line.
    fn at<'t>(text: &'t str, path: &[PathSegment]) -> Option<&'t str> {
        let offset = locate(text, &ValuePath::from(path))?;
        let rest = &text[offset..];
        Some(&rest[..rest.find('\n').unwrap_or(rest.len())])
    }

    #[test]
    fn finds_fields_of_structs_with_and_without_a_name() {
        let text = "(a: 1, b: (c: 2.5, d: \"x\"))";
        assert_eq!(at(text, &[Field("a")]), Some("1, b: (c: 2.5, d: \"x\"))"));
        assert_eq!(at(text, &[Field("b"), Field("d")]), Some("\"x\"))"));
        let named = "Project(a: 1, b: Inner ( c: 2 ))";
        assert_eq!(at(named, &[Field("b"), Field("c")]), Some("2 ))"));
        assert_eq!(at(named, &[Field("missing")]), None);
        assert_eq!(at(named, &[Field("a"), Field("deeper")]), None);
    }

    #[test]
    fn finds_elements_of_lists_tuples_and_enum_variants() {
        let text = "(l: [10, [20, 21], (x: 3), 40], t: (\"2026-01-31\", 7.5), c: Kpi(3), e: [])";
        assert_eq!(
            at(text, &[Field("l"), Index(0)]),
            Some("10, [20, 21], (x: 3), 40], t: (\"2026-01-31\", 7.5), c: Kpi(3), e: [])")
        );
        assert_eq!(
            at(text, &[Field("l"), Index(1), Index(1)]).map(|s| &s[..3]),
            Some("21]")
        );
        assert_eq!(
            at(text, &[Field("l"), Index(2), Field("x")]).map(|s| &s[..2]),
            Some("3)")
        );
        assert_eq!(
            at(text, &[Field("l"), Index(3)]).map(|s| &s[..3]),
            Some("40]")
        );
        assert_eq!(at(text, &[Field("l"), Index(4)]), None);
        assert_eq!(
            at(text, &[Field("t"), Index(1)]).map(|s| &s[..4]),
            Some("7.5)")
        );
        assert_eq!(at(text, &[Field("c")]).map(|s| &s[..6]), Some("Kpi(3)"));
        assert_eq!(
            at(text, &[Field("c"), Index(0)]).map(|s| &s[..2]),
            Some("3)")
        );
        assert_eq!(at(text, &[Field("e"), Index(0)]), None);
    }

    #[test]
    fn some_is_transparent_and_none_has_nothing_inside() {
        let text = "(a: Some(4), b: Some((x: 1, y: Some(Kpi(2)))), c: None, d: Something(5))";
        assert_eq!(at(text, &[Field("a")]).map(|s| &s[..2]), Some("4)"));
        assert_eq!(
            at(text, &[Field("b"), Field("y")]).map(|s| &s[..6]),
            Some("Kpi(2)")
        );
        assert_eq!(
            at(text, &[Field("b"), Field("y"), Index(0)]).map(|s| &s[..2]),
            Some("2)")
        );
        assert_eq!(at(text, &[Field("c")]).map(|s| &s[..4]), Some("None"));
        assert_eq!(at(text, &[Field("c"), Field("x")]), None);
        assert_eq!(at(text, &[Field("d")]).map(|s| &s[..9]), Some("Something"));
    }

    #[test]
    fn skips_comments_strings_chars_and_raw_strings_that_look_like_structure() {
        let text = r###"// a: 0, (
/* outer /* nested ( [ */ still comment ) */
(
  s: "a: 1, \"b: 2\", ( [ \\",
  r: r#"raw "quoted" ), b: 3"#,
  rr: r##"two "# hashes"##,
  bs: b"bytes ( ", br: br#"raw ) bytes"#,
  ch: '(', esc: '\'', q: '"',
  m: { "key": [1, 2], other: (3) },
  // b: 4,
  /* b: 5, */ b /* here */ : // there
    6,
)"###;
        assert_eq!(at(text, &[Field("b")]), Some("6,"));
        assert_eq!(at(text, &[Field("q")]), Some("'\"',"));
        assert_eq!(
            at(text, &[Field("m"), Field("key"), Index(1)]),
            Some("2], other: (3) },")
        );
        assert_eq!(at(text, &[Field("m"), Field("other")]), Some("(3) },"));
        assert_eq!(at(text, &[Field("m"), Index(1)]), Some("(3) },"));
    }

    #[test]
    fn numbers_identifiers_and_raw_identifiers_are_single_values() {
        let text = "(a: -1.5e-7, r#type: NaN, b: inf, c: 0x1F, d: true, e: 1_000)";
        assert_eq!(at(text, &[Field("type")]).map(|s| &s[..3]), Some("NaN"));
        assert_eq!(at(text, &[Field("b")]).map(|s| &s[..3]), Some("inf"));
        assert_eq!(at(text, &[Field("e")]), Some("1_000)"));
        let list = "[-1.5e-7, +2, 3.]";
        assert_eq!(at(list, &[Index(1)]), Some("+2, 3.]"));
        assert_eq!(at(list, &[Index(2)]), Some("3.]"));
    }

    #[test]
    fn many_paths_are_located_in_one_pass_and_a_wrong_one_stops_no_other() {
        let text = "(a: [(x: 1), (x: 2), (x: 3)], b: None, c: Some([7, 8]), d: 4)";
        let paths = [
            ValuePath::from(&[Field("d")][..]),
            ValuePath::from(&[Field("a"), Index(2), Field("x")][..]),
            ValuePath::from(&[Field("b"), Field("into_none")][..]),
            ValuePath::from(&[Field("a"), Index(0), Field("x")][..]),
            ValuePath::from(&[Field("a"), Index(9)][..]),
            ValuePath::from(&[Field("c"), Index(1)][..]),
            ValuePath::from(&[Field("d")][..]),
            ValuePath::from(&[Field("a")][..]),
        ];
        let refs: Vec<&ValuePath> = paths.iter().collect();
        let found: Vec<Option<&str>> = locate_all(text, &refs)
            .into_iter()
            .map(|offset| offset.map(|o| &text[o..o + 2]))
            .collect();
        assert_eq!(
            found,
            [
                Some("4)"),
                Some("3)"),
                None,
                Some("1)"),
                None,
                Some("8]"),
                Some("4)"),
                Some("[(")
            ]
        );
    }

    #[test]
    fn a_root_field_is_found_without_walking_anything_else() {
        fn field(text: &str) -> Option<&str> {
            root_field(text, "version").map(|o| word_at(text, o))
        }
        assert_eq!(field("(version: 2, rest: [1])"), Some("2"));
        assert_eq!(field("// c\nProject (name: \"v\", version: 3)"), Some("3"));
        assert_eq!(field("#![enable(implicit_some)] (r#version: 4)"), Some("4"));
        assert_eq!(field("(name: (version: 5))"), None, "not the root's");
        assert_eq!(field("(name: \"x\")"), None);
        assert_eq!(field("(version:"), None);
        assert_eq!(field("[(version: 2)]"), None);
        assert_eq!(field("((version: 2))"), None);
        assert_eq!(field(&"x".repeat(1000)), None);
        assert_eq!(word_at("(version: 2_0, x)", 10), "2_0");
        assert_eq!(word_at("(a: \"s\")", 4), "");
    }

    #[test]
    fn attributes_at_the_start_are_skipped() {
        let text = "#![enable(implicit_some)]\n#![enable(unwrap_newtypes)] (a: 1)";
        assert_eq!(at(text, &[Field("a")]), Some("1)"));
    }

    #[test]
    fn the_empty_path_is_the_root_value() {
        assert_eq!(at("  // c\n  (a: 1)", &[]), Some("(a: 1)"));
        assert_eq!(at("  // only a comment", &[]), None);
    }

    #[test]
    fn broken_text_gives_none_not_a_panic() {
        let path = ValuePath::from(&[Field("a"), Index(2), Field("b")][..]);
        for text in [
            "",
            "(",
            "(a",
            "(a:",
            "(a: [1, 2",
            "(a: [1, 2,",
            "(a: [1, 2, (b",
            "(a: \"unclosed",
            "(a: r#\"unclosed\"",
            "(a: /* unclosed",
            "(a: 'x",
            "(a: b\"",
            "(a: br#",
            "]]]",
            "#",
            "#![",
            "(a: [1, 2, (c: 1, 2)])",
            "é(a: [1, 2, (b",
        ] {
            assert_eq!(locate(text, &path), None, "{text}");
        }
        // Every prefix of a real file.
        let sample = crate::io::SAMPLES[0].text;
        let deep = ValuePath::from(&[Field("alternatives"), Index(1), Field("risk")][..]);
        let full = locate(sample, &deep);
        assert!(full.is_some());
        for cut in (0..sample.len()).step_by(37) {
            if sample.is_char_boundary(cut) {
                let found = locate(&sample[..cut], &deep);
                assert!(found.is_none() || found == full, "cut at {cut}");
            }
        }
    }

    #[test]
    fn positions_are_lines_and_character_columns_from_one() {
        let text = "ab\nüé x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (2, 4));
        assert_eq!(offset_of(text, 2, 4), x);
        assert_eq!(offset_of(text, 1, 99), 2, "clamped to the end of the line");
        assert_eq!(offset_of(text, 9, 1), text.len());
        assert_eq!(line_col(text, text.len()), (3, 1));
    }

    #[test]
    fn only_trivia_after_an_offset() {
        let text = "(a: 1) // done\n /* and /* nested */ this */ \n";
        assert!(only_trivia_from(text, 6));
        assert!(!only_trivia_from(text, 5));
        assert!(only_trivia_from("(a: /* unclosed", 4));
        assert!(only_trivia_from("", 0));
    }
}
