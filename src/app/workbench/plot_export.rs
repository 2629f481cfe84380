//! Exporting a plot as PNG: a screenshot of the window, cropped to the plot, then a file name.

use super::Workbench;
use crate::app::dialogs::PathPurpose;
use crate::app::export;
use std::sync::{Arc, mpsc};

/// A screenshot on its way for a plot export.
pub(super) struct Screenshot {
    /// The plot's name, the suggested file name.
    name: String,
    /// The plot's area on screen (points).
    rect: egui::Rect,
    /// Pixels per point when it was asked for.
    pixels_per_point: f32,
    /// Where the picture arrives.
    arrives: mpsc::Receiver<Arc<egui::ColorImage>>,
}

impl Workbench {
    /// Draws a chart for a slide and asks where to write it.
    pub(super) fn export_chart(
        &mut self,
        chart: crate::app::command::SlideChart,
        image: crate::app::command::SlideImage,
    ) {
        use crate::app::command::{SlideChart, SlideImage};
        let (width, height) = match image {
            SlideImage::Svg => (1920, 1080),
            SlideImage::Png { width, height } => (width, height),
        };
        let svg = match chart {
            SlideChart::Map => {
                crate::report::map_slide_svg(&self.project, &self.derived.evaluation, width, height)
            }
            SlideChart::Sensitivity => {
                let Some(winner) = self.derived.evaluation.winner() else {
                    self.error(
                        "The chart was not exported",
                        "There is no leading alternative yet, so nothing whose lead could move."
                            .to_owned(),
                    );
                    return;
                };
                crate::report::sensitivity_slide_svg(
                    &self.project,
                    &self.derived.sensitivity,
                    &winner.name,
                    width,
                    height,
                )
            }
            SlideChart::Acceptability => {
                let Some(result) = self.derived.robustness.result() else {
                    self.error(
                        "The chart was not exported",
                        "The robustness analysis has not finished yet: try again in a moment."
                            .to_owned(),
                    );
                    return;
                };
                crate::report::acceptability_slide_svg(&self.project, result, width, height)
            }
            SlideChart::Kpi(id) => {
                let Some(kpi) = self.project.management.kpis.iter().find(|k| k.id == id) else {
                    self.error(
                        "The chart was not exported",
                        "The KPI is no longer in the project.".to_owned(),
                    );
                    return;
                };
                let health = crate::analysis::kpi::health_on(
                    kpi,
                    self.project.management.health,
                    self.today,
                );
                crate::report::kpi_slide_svg(kpi, &health, self.today, width, height)
            }
        };
        let (bytes, purpose) = match image {
            SlideImage::Svg => (Ok(svg.into_bytes()), PathPurpose::Svg),
            SlideImage::Png { .. } => (export::svg_to_png(&svg, width, height), PathPurpose::Png),
        };
        match bytes {
            Ok(bytes) => {
                self.pending_png = Some((chart.file_stem().to_owned(), bytes));
                self.ask_for_path(purpose, None);
            }
            Err(e) => self.error("The chart was not exported", e),
        }
    }

    /// Asks for a screenshot when a plot export is requested, and turns the screenshot into
    /// PNG bytes of the plot's area when it arrives; then asks where to write them.
    pub(super) fn poll_screenshot(&mut self, ctx: &egui::Context) {
        if let Some((name, rect)) = self.screenshot_request.take() {
            let (tx, rx) = mpsc::channel();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                if tx.send(image).is_err() {
                    // The window closed meanwhile; nobody needs the picture.
                }
                repaint.request_repaint();
            });
            self.screenshot = Some(Screenshot {
                name,
                rect,
                pixels_per_point: ctx.pixels_per_point(),
                arrives: rx,
            });
            self.status = "Taking a picture of the plot…".to_owned();
            return;
        }
        let Some(shot) = &self.screenshot else {
            return;
        };
        match shot.arrives.try_recv() {
            Ok(image) => {
                let Some(shot) = self.screenshot.take() else {
                    return;
                };
                let png = export::crop(&image, shot.rect, shot.pixels_per_point)
                    .ok_or_else(|| "the plot is not on screen".to_owned())
                    .and_then(|img| export::encode_png(&img).map_err(|e| e.to_string()));
                match png {
                    Ok(bytes) => {
                        self.pending_png = Some((shot.name, bytes));
                        self.ask_for_path(PathPurpose::Png, None);
                    }
                    Err(e) => self.error("The plot was not exported", e),
                }
            }
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50))
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                self.screenshot = None;
                self.error(
                    "The plot was not exported",
                    "The window could not take a picture of itself here.".to_owned(),
                );
            }
        }
    }
}
