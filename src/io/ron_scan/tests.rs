//! Tests of the RON scanner.

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
