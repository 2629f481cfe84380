#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Charts for a slide (issue 14): the alternatives map as SVG and as PNG at a chosen size, with
//! a title, axes, tick numbers, axis titles and a legend, on white whatever the window's theme.

mod common;

use common::*;
use egui_kittest::kittest::Queryable;
use pbsm::analysis::Analysis;
use pbsm::app::layout::PaneKind;
use pbsm::io::SAMPLES;

fn bakery_svg(width: u32, height: u32) -> (pbsm::model::Project, String) {
    let p = SAMPLES[0].load().unwrap();
    let analysis = Analysis::of(&p);
    let svg = pbsm::report::map_slide_svg(&p, &analysis.evaluation, width, height);
    (p, svg)
}

/// The texts of a slide's SVG, joined; checks it is well-formed and that `attribute` (width
/// or height) is `value`.
fn slide_texts(svg: &str, attribute: &str, value: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    assert_eq!(doc.root_element().attribute(attribute), Some(value));
    doc.descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_slide_map_has_a_title_axes_ticks_and_a_legend() {
    let (p, svg) = bakery_svg(1920, 1080);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("1920"));
    assert_eq!(root.attribute("height"), Some("1080"));
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("tspan"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect();
    let has = |t: &str| texts.iter().any(|x| x == t);
    assert!(
        has(&format!("{}: the strategy alternatives", p.name)),
        "title"
    );
    assert!(has("Competitive quality") && has("Risk"), "axis titles");
    assert_eq!(
        svg.matches(r#"class="axis-arrow""#).count(),
        2,
        "their arrows"
    );
    for tick in 0..=10 {
        assert!(
            texts.iter().filter(|x| **x == tick.to_string()).count() >= 2,
            "tick {tick} on both axes"
        );
    }
    for status in ["Draft", "Decision-ready", "Chosen", "Rejected"] {
        assert!(has(status), "legend: {status}");
    }
    assert!(
        texts.iter().any(|t| t.starts_with("Bubble area")),
        "legend: size"
    );
    // Every alternative by name (long ones on two lines).
    let all = texts.join(" ");
    for a in &p.alternatives {
        let first_word = a.name.split_whitespace().next().unwrap();
        assert!(all.contains(first_word), "{}", a.name);
    }
}

#[test]
fn the_slide_map_as_png_is_the_chosen_size_on_white_with_dark_text() {
    for (width, height) in [(1280, 720), (1920, 1080)] {
        let (_, svg) = bakery_svg(width, height);
        let png = pbsm::app::export::svg_to_png(&svg, width, height).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png.clone()));
        let mut reader = decoder.read_info().unwrap();
        let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buffer).unwrap();
        assert_eq!((info.width, info.height), (width, height));
        let pixel = |x: u32, y: u32| {
            let i = ((y * width + x) * 4) as usize;
            [buffer[i], buffer[i + 1], buffer[i + 2], buffer[i + 3]]
        };
        assert_eq!(
            pixel(2, 2),
            [255, 255, 255, 255],
            "white, also for a dark window"
        );
        // The title is drawn: dark pixels in its band at the top left.
        let band = height / 12;
        let dark = (0..band)
            .flat_map(|y| (0..width / 2).map(move |x| (x, y)))
            .filter(|(x, y)| pixel(*x, *y)[0] < 100)
            .count();
        assert!(dark > 100, "the title's text is drawn ({dark} dark pixels)");
        if let Some(path) = std::env::var_os("SLIDE_PNG") {
            std::fs::write(path, &png).unwrap();
        }
    }
}

#[test]
fn a_picture_too_large_to_make_is_refused_with_a_reason() {
    let (_, svg) = bakery_svg(1920, 1080);
    let err = pbsm::app::export::svg_to_png(&svg, 0, 1080).unwrap_err();
    assert!(err.contains("0 × 1080"), "{err}");
    assert!(pbsm::app::export::svg_to_png("<svg", 100, 100).is_err());
    let err = pbsm::app::export::svg_to_png(&svg, 100_000, 100_000).unwrap_err();
    assert!(err.contains("larger than"), "{err}");
}

#[test]
fn the_map_pane_exports_the_map_for_a_slide_as_png_and_svg_in_a_dark_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample();
    h.state_mut().settings_mut().theme = pbsm::app::theme::ThemeChoice::Dark;
    open_pane(&mut h, PaneKind::Map);
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("For a slide: PNG, 1920 × 1080 (Full HD slide)")
        .click();
    h.run();
    let png = dir.path().join("map.png");
    enter_path(&mut h, &png);
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let reader = decoder.read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (1920, 1080));
    assert!(
        h.state().status().contains("written"),
        "{}",
        h.state().status()
    );

    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("For a slide: SVG (any size)").click();
    h.run();
    let svg = dir.path().join("map.svg");
    enter_path(&mut h, &svg);
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert!(text.contains("Legend") && text.contains(r##"fill="#ffffff""##));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(!h.state().is_dirty(), "exporting changes nothing");
}

#[test]
fn the_sensitivity_chart_for_a_slide_has_its_title_bands_axis_and_legend() {
    let p = SAMPLES[0].load().unwrap();
    let analysis = Analysis::of(&p);
    let winner = analysis.evaluation.winner().unwrap().name.clone();
    let svg = pbsm::report::sensitivity_slide_svg(&p, &analysis.sensitivity, &winner, 1920, 1080);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(doc.root_element().attribute("width"), Some("1920"));
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    let all = texts.join(" ");
    assert!(
        all.contains(&format!("before “{winner}” is no longer first")),
        "title"
    );
    for c in &p.decision.criteria {
        assert!(all.contains(&c.name), "criterion {}", c.name);
    }
    for tick in ["0.00", "0.25", "0.50", "0.75", "1.00"] {
        assert!(texts.contains(&tick), "tick {tick}");
    }
    assert!(all.contains("Weight of the criterion"), "axis title");
    for legend in [
        "the winner stays first",
        "another alternative leads",
        "today's weight",
    ] {
        assert!(texts.contains(&legend), "legend: {legend}");
    }
    let png = pbsm::app::export::svg_to_png(&svg, 1920, 1080).unwrap();
    if let Some(path) = std::env::var_os("SENSITIVITY_PNG") {
        std::fs::write(path, &png).unwrap();
    }
}

#[test]
fn the_decision_pane_exports_the_sensitivity_chart_for_a_slide() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample();
    open_pane(&mut h, PaneKind::Decision);
    h.state_mut().sections_mut().decision = pbsm::app::state::DecisionSection::Sensitivity;
    h.run();
    h.get_by_label("Export chart").click();
    h.run();
    h.get_by_label("For a slide: PNG, 1280 × 720 (HD slide)")
        .click();
    h.run();
    let png = dir.path().join("sensitivity.png");
    enter_path(&mut h, &png);
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let reader = decoder.read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (1280, 720));
}

#[test]
fn the_rank_acceptability_chart_for_a_slide_has_its_title_bars_axis_and_ranks() {
    let p = SAMPLES[0].load().unwrap();
    let robustness = pbsm::analysis::robustness::for_project(&p);
    let svg = pbsm::report::acceptability_slide_svg(&p, &robustness, 1920, 1080);
    let all = slide_texts(&svg, "height", "1080");
    assert!(
        all.contains("How often does each alternative take each rank?"),
        "title"
    );
    assert!(
        all.contains("draws of the uncertain scores"),
        "the number of draws"
    );
    assert!(all.contains("Share of the draws"), "axis title");
    for rank in 1..=p.alternatives.len() {
        assert!(all.contains(&format!("rank {rank}")), "legend: rank {rank}");
    }
    for a in &p.alternatives {
        let first_word = a.name.split_whitespace().next().unwrap();
        assert!(all.contains(first_word), "{}", a.name);
    }
    let png = pbsm::app::export::svg_to_png(&svg, 1920, 1080).unwrap();
    if let Some(path) = std::env::var_os("ACCEPTABILITY_PNG") {
        std::fs::write(path, &png).unwrap();
    }
}

#[test]
fn a_kpi_chart_for_a_slide_has_its_title_path_actuals_axes_and_legend() {
    let p = SAMPLES[0].load().unwrap();
    let kpi = &p.management.kpis[0];
    let today = pbsm::model::Date::new(2026, 11, 23).unwrap();
    let health = pbsm::analysis::kpi::health_on(kpi, p.management.health, today);
    let svg = pbsm::report::kpi_slide_svg(kpi, &health, today, 1920, 1080);
    let all = slide_texts(&svg, "width", "1920");
    assert!(
        all.contains("Sourdough club members (members): on track"),
        "title: {all}"
    );
    assert!(
        all.contains("made 1,370 of 1,419 planned"),
        "the health in words"
    );
    for legend in ["Actuals", "Planned path", "Target", "Today"] {
        assert!(all.contains(legend), "legend: {legend}");
    }
    assert!(all.contains("2,500"), "value ticks as counts");
    assert!(
        all.contains("2026-04") && all.contains("2027-01"),
        "month ticks: {all}"
    );
    // One dot per actual.
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let dots = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle") && n.attribute("fill") != Some("none"))
        .count();
    assert!(
        dots > kpi.actuals.len(),
        "{dots} filled circles for {} actuals and the legend",
        kpi.actuals.len()
    );
    let png = pbsm::app::export::svg_to_png(&svg, 1920, 1080).unwrap();
    if let Some(path) = std::env::var_os("KPI_PNG") {
        std::fs::write(path, &png).unwrap();
    }
}

#[test]
fn extreme_names_and_dates_neither_crash_nor_hang_the_slide_charts() {
    // A name wider than the plot, with no space to break it (a URL).
    let mut p = SAMPLES[0].load().unwrap();
    p.alternatives[0].name = format!("https://example.org/{}", "x".repeat(120));
    let analysis = Analysis::of(&p);
    let svg = pbsm::report::map_slide_svg(&p, &analysis.evaluation, 1280, 720);
    assert!(roxmltree::Document::parse(&svg).is_ok());
    // A KPI whose target date is the last one there is: the month ticks end.
    let mut kpi = p.management.kpis[0].clone();
    kpi.target_date = pbsm::model::Date::new(9999, 12, 31).unwrap();
    let today = pbsm::model::Date::new(2026, 11, 23).unwrap();
    let health = pbsm::analysis::kpi::health_on(&kpi, p.management.health, today);
    let svg = pbsm::report::kpi_slide_svg(&kpi, &health, today, 1280, 720);
    assert!(roxmltree::Document::parse(&svg).is_ok());
    kpi.baseline_date = pbsm::model::Date::new(9999, 12, 30).unwrap();
    let svg = pbsm::report::kpi_slide_svg(&kpi, &health, today, 1280, 720);
    assert!(roxmltree::Document::parse(&svg).is_ok());
}
