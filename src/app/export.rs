//! PNG export of a plot: crop the plot's area out of a screenshot of the window and encode it;
//! or, for a slide, draw the chart's SVG (see [`crate::report::map_slide_svg`]) at a chosen size.

use egui::{Color32, ColorImage, Rect};

/// The part of a screenshot inside `rect` (in points), at `pixels_per_point`; `None` if the
/// rectangle lies outside the image.
pub fn crop(image: &ColorImage, rect: Rect, pixels_per_point: f32) -> Option<ColorImage> {
    let [w, h] = image.size;
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let to_px = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, x1) = (to_px(rect.min.x, w), to_px(rect.max.x, w));
    let (y0, y1) = (to_px(rect.min.y, h), to_px(rect.max.y, h));
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for y in y0..y1 {
        pixels.extend_from_slice(&image.pixels[y * w + x0..y * w + x1]);
    }
    Some(ColorImage::new([x1 - x0, y1 - y0], pixels))
}

/// The image as PNG bytes (8-bit RGBA).
pub fn encode_png(image: &ColorImage) -> Result<Vec<u8>, png::EncodingError> {
    let mut bytes = Vec::new();
    {
        let [w, h] = image.size;
        let mut encoder = png::Encoder::new(
            &mut bytes,
            u32::try_from(w).unwrap_or(u32::MAX),
            u32::try_from(h).unwrap_or(u32::MAX),
        );
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        let data: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(|c: &Color32| c.to_srgba_unmultiplied())
            .collect();
        writer.write_image_data(&data)?;
    }
    Ok(bytes)
}

/// Sizes offered for a slide's picture: (width, height, what it is).
pub const SLIDE_SIZES: [(u32, u32, &str); 3] = [
    (1920, 1080, "Full HD slide"),
    (1280, 720, "HD slide"),
    (3840, 2160, "4K slide"),
];

/// The SVG `svg` drawn at `width` × `height` pixels (stretched to fit) as PNG bytes, with the
/// window's own fonts (the proportional one, then the symbol fonts for what it lacks), so the
/// picture reads like the window on any machine, installed fonts or not.
pub fn svg_to_png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    // 8K at most: larger would hold gigabytes in memory for a picture no slide needs.
    const MOST: u32 = 8192;
    if width > MOST || height > MOST {
        return Err(format!(
            "a picture of {width} × {height} pixels is larger than {MOST} × {MOST}"
        ));
    }
    let mut options = usvg::Options::default();
    let fonts = egui::FontDefinitions::default();
    for name in [
        "Ubuntu-Light",
        "NotoEmoji-Regular",
        "emoji-icon-font",
        "egui-icons",
    ] {
        if let Some(data) = fonts.font_data.get(name) {
            let bytes: &[u8] = (*data.font).as_ref();
            options.fontdb_mut().load_font_data(bytes.to_vec());
        }
    }
    if let Some(family) = options
        .fontdb
        .faces()
        .next()
        .and_then(|face| face.families.first())
    {
        options.font_family = family.0.clone();
    }
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("the chart: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("a picture of {width} × {height} pixels cannot be made"))?;
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cropped_plot_round_trips_through_png() {
        // A 10×8 image, red left half, blue right half; crop x 4..8, y 2..6 at 2 px per point.
        let mut pixels = Vec::new();
        for _y in 0..8 {
            for x in 0..10 {
                pixels.push(if x < 6 { Color32::RED } else { Color32::BLUE });
            }
        }
        let image = ColorImage::new([10, 8], pixels);
        let rect = Rect::from_min_max(egui::pos2(2.0, 1.0), egui::pos2(4.0, 3.0));
        let cropped = crop(&image, rect, 2.0).unwrap();
        assert_eq!(cropped.size, [4, 4]);
        assert_eq!(cropped.pixels[0], Color32::RED);
        assert_eq!(cropped.pixels[3], Color32::BLUE);
        let bytes = encode_png(&cropped).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buffer).unwrap();
        assert_eq!((info.width, info.height), (4, 4));
        assert_eq!(&buffer[0..4], &[255, 0, 0, 255]);
        assert_eq!(&buffer[12..16], &[0, 0, 255, 255]);
        assert!(
            crop(
                &image,
                Rect::from_min_max(egui::pos2(20.0, 20.0), egui::pos2(30.0, 30.0)),
                1.0
            )
            .is_none()
        );
    }
}
