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

mod scanner;
#[cfg(test)]
mod tests;

use crate::model::validate::{PathSegment, ValuePath};
use scanner::{Node, Scanner, Token};

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

/// Whether the text leaves a bracket open at its end (more `(`, `[`, `{` than closing ones,
/// outside strings and comments): a sign that it was cut off.
pub fn leaves_brackets_open(text: &str) -> bool {
    let mut s = Scanner::at(text, 0);
    let mut depth: i64 = 0;
    loop {
        s.skip_trivia();
        match s.next_token() {
            scanner::Token::Open(_) => depth += 1,
            scanner::Token::Close => depth -= 1,
            scanner::Token::End => return depth > 0,
            _ => {}
        }
    }
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
