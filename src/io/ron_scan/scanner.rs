//! The scanner itself: RON's lexical forms and the walk along the paths asked for.

use std::collections::HashMap;

/// The paths asked for, as a tree: a node per path prefix.
#[derive(Default)]
pub(super) struct Node {
    /// The fields paths go on to, and their nodes.
    pub(super) fields: Vec<(&'static str, usize)>,
    /// The elements paths go on to, and their nodes.
    pub(super) indices: HashMap<usize, usize>,
    /// The paths (by their number) that end here.
    pub(super) targets: Vec<usize>,
}

/// What the scanner found at its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Token {
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

pub(super) struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pub(super) pos: usize,
    /// How many paths [`locate_all`](super::locate_all) has yet to find.
    pub(super) remaining: usize,
}

impl<'a> Scanner<'a> {
    pub(super) fn at(text: &'a str, pos: usize) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos,
            remaining: 0,
        }
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    /// Skips whitespace and comments.
    pub(super) fn skip_trivia(&mut self) {
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
    pub(super) fn skip_attributes(&mut self) -> Option<()> {
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
    pub(super) fn next_token(&mut self) -> Token {
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
    pub(super) fn skip_value(&mut self) -> Option<()> {
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
    pub(super) fn walk(
        &mut self,
        trie: &[Node],
        node: usize,
        found: &mut [Option<usize>],
    ) -> Option<()> {
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
    pub(super) fn key(&mut self) -> Option<&'a str> {
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
    pub(super) fn next_element_or_close(&mut self) -> Option<bool> {
        self.skip_trivia();
        match self.next_token() {
            Token::Comma => Some(true),
            Token::Close => Some(false),
            _ => None,
        }
    }
}
