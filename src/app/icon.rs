//! The application icon, embedded in the binary: a strategy map (alternatives on a rising
//! Pareto front) on a dark rounded square. `assets/make_icon.py` draws it.

/// The icon as a PNG file: 256 × 256 pixels, RGBA.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The window icon: [`ICON_PNG`] decoded to RGBA pixels. `None` only if the embedded file
/// could not be decoded, which the unit test rules out; the window then opens without one.
pub fn window_icon() -> Option<egui::IconData> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(ICON_PNG));
    // Palette, grey and 16-bit images come out as 8-bit channels.
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut rgba).ok()?;
    if info.color_type != png::ColorType::Rgba || info.bit_depth != png::BitDepth::Eight {
        return None;
    }
    rgba.truncate(info.buffer_size());
    Some(egui::IconData {
        rgba,
        width: info.width,
        height: info.height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_is_a_256_pixel_rgba_image_with_a_transparent_outline() {
        let icon = window_icon().expect("the embedded icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        let alpha = |x: usize, y: usize| icon.rgba[(y * 256 + x) * 4 + 3];
        // The rounded square leaves the corners transparent and fills the middle.
        for (x, y) in [(0, 0), (255, 0), (0, 255), (255, 255), (12, 12)] {
            assert_eq!(alpha(x, y), 0, "corner pixel ({x}, {y})");
        }
        for (x, y) in [(128, 128), (128, 12), (12, 128), (243, 128)] {
            assert_eq!(alpha(x, y), 255, "pixel ({x}, {y})");
        }
        let opaque = icon.rgba.chunks(4).filter(|p| p[3] == 255).count();
        assert!(opaque > 256 * 256 * 4 / 5, "{opaque} opaque pixels");
        // Not one flat colour: the map's dots and lines stand out from the background.
        let colours: std::collections::HashSet<&[u8]> = icon.rgba.chunks(4).collect();
        assert!(colours.len() > 100, "{} colours", colours.len());
    }
}
