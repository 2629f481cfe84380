//! RON's syntax errors as short messages: what the parser says, with the offending text it
//! quotes cut to excerpts, and the common cases (a truncated file, an unclosed text) named.

use super::{EXCERPT_CHARS, LoadError, Location, MAX_MESSAGE_CHARS, excerpt, ron_scan};

/// A message with every quoted part (between backticks or double quotes, escapes respected)
/// cut to an [`EXCERPT_CHARS`] excerpt, and the whole cut to [`MAX_MESSAGE_CHARS`]. A quote
/// that is never closed runs to the end.
fn shorten_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS * 4));
    let mut chars = message.chars();
    let mut written = 0;
    while let Some(c) = chars.next() {
        if written >= MAX_MESSAGE_CHARS {
            out.push('…');
            break;
        }
        out.push(c);
        written += 1;
        if c != '`' && c != '"' {
            continue;
        }
        // Inside a quote: copy up to the excerpt's length, skip the rest to the closing quote.
        let mut kept = 0;
        let mut escaped = false;
        let mut closed = false;
        for inner in chars.by_ref() {
            if inner == c && !escaped {
                closed = true;
                break;
            }
            escaped = c == '"' && inner == '\\' && !escaped;
            kept += 1;
            if kept <= EXCERPT_CHARS {
                out.push(inner);
                written += 1;
            }
        }
        if kept > EXCERPT_CHARS {
            out.push('…');
        }
        if closed {
            out.push(c);
            written += 1;
        }
    }
    out
}

/// RON's error with the offending text it carries cut to excerpts, so that neither building
/// the message nor showing it costs more than a few hundred characters; and the identifiers
/// that were cut.
fn bounded(code: ron::Error) -> (ron::Error, Vec<String>) {
    use ron::Error as E;
    let mut cut = Vec::new();
    let mut ex = |s: String| {
        if s.chars().nth(EXCERPT_CHARS).is_some() {
            let short = excerpt(&s);
            cut.push(short.clone());
            short
        } else {
            s
        }
    };
    let short = |s: String| shorten_quotes(&s);
    let code = match code {
        E::Io(s) => E::Io(short(s)),
        E::Message(s) => E::Message(short(s)),
        E::ExpectedDifferentStructName { expected, found } => E::ExpectedDifferentStructName {
            expected,
            found: ex(found),
        },
        E::NoSuchExtension(s) => E::NoSuchExtension(ex(s)),
        E::InvalidValueForType { expected, found } => E::InvalidValueForType {
            expected: short(expected),
            found: short(found),
        },
        E::ExpectedDifferentLength { expected, found } => E::ExpectedDifferentLength {
            expected: short(expected),
            found,
        },
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => E::NoSuchEnumVariant {
            expected,
            found: ex(found),
            outer: outer.map(&mut ex),
        },
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => E::NoSuchStructField {
            expected,
            found: ex(found),
            outer: outer.map(&mut ex),
        },
        E::MissingStructField { field, outer } => E::MissingStructField {
            field,
            outer: outer.map(&mut ex),
        },
        E::DuplicateStructField { field, outer } => E::DuplicateStructField {
            field,
            outer: outer.map(&mut ex),
        },
        E::InvalidIdentifier(s) => E::InvalidIdentifier(ex(s)),
        E::SuggestRawIdentifier(s) => E::SuggestRawIdentifier(ex(s)),
        E::ExpectedStructName(s) => E::ExpectedStructName(ex(s)),
        other => other,
    };
    (code, cut)
}

/// RON's message for `code`, from a lower-case letter (it reads as a continuation after the
/// position), with quotes shortened. An identifier cut to an excerpt is quoted like any
/// identifier, not called invalid for its "…".
fn ron_message(code: &ron::Error, cut: &[String]) -> String {
    let mut message = lowercase_first(&code.to_string());
    for identifier in cut {
        message = message.replace(
            &format!("{identifier:?}_[invalid identifier]"),
            &format!("`{identifier}`"),
        );
    }
    shorten_quotes(&message)
}

pub(super) fn syntax_error(
    source_name: &str,
    text: &str,
    error: ron::error::SpannedError,
) -> LoadError {
    let ron::error::SpannedError { code, span } = error;
    let at = Location {
        source: source_name.to_owned(),
        line: span.start.line,
        col: span.start.col,
    };
    if ron_scan::only_trivia_from(text, 0) {
        return LoadError::Syntax {
            at,
            message:
                "the file holds no project, only whitespace and comments; is it empty or truncated?"
                    .to_owned(),
        };
    }
    let (code, cut) = bounded(code);
    // The file really ends early only if nothing but whitespace and comments follows the place
    // where the parser stopped, not when a long token merely runs to the end.
    // A token cut by the end (an identifier "na" of "name: …") ends early too: nothing but
    // trivia follows the end of the span the parser points at, inside brackets left open.
    let ends_early = matches!(code, ron::Error::Eof | ron::Error::UnclosedBlockComment)
        || ron_scan::only_trivia_from(
            text,
            ron_scan::offset_of(text, span.start.line, span.start.col),
        )
        || (ron_scan::only_trivia_from(
            text,
            ron_scan::offset_of(text, span.end.line, span.end.col),
        ) && ron_scan::leaves_brackets_open(text));
    let message = match code {
        ron::Error::ExpectedStringEnd => "a text starting here is never closed by a quote: is the file truncated, or a quote missing?"
            .to_owned(),
        ron::Error::ExceededRecursionLimit => {
            "values nest too deeply here; a project nests only about seven levels".to_owned()
        }
        code => {
            let message = ron_message(&code, &cut);
            if ends_early {
                format!(
                    "the file ends before the project is complete; is it truncated? ({message})"
                )
            } else {
                message
            }
        }
    };
    LoadError::Syntax { at, message }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
