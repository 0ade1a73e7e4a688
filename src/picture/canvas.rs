//! Drawing: the embedded DejaVu Sans (ab_glyph) for text, tiny-skia for shapes, and the PNG
//! encoding with a palette.

use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont, point};
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

use super::PictureError;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

pub(super) struct Fonts<'f> {
    pub regular: FontRef<'f>,
    pub bold: FontRef<'f>,
}

pub(super) fn fonts() -> Result<Fonts<'static>, PictureError> {
    Ok(Fonts {
        regular: FontRef::try_from_slice(REGULAR).map_err(|_| PictureError::Font)?,
        bold: FontRef::try_from_slice(BOLD).map_err(|_| PictureError::Font)?,
    })
}

/// The width of `text` set in `font` at `px` layout units.
pub(super) fn text_width(font: &FontRef<'_>, px: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    let mut width = 0.0;
    let mut last: Option<GlyphId> = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(prev) = last {
            width += scaled.kern(prev, id);
        }
        width += scaled.h_advance(id);
        last = Some(id);
    }
    width
}

/// `text` cut with "…" to fit `max` layout units.
pub(super) fn fit_text(font: &FontRef<'_>, px: f32, text: &str, max: f32) -> String {
    if text_width(font, px, text) <= max {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if text_width(font, px, &candidate) <= max {
            return candidate;
        }
    }
    "…".to_string()
}

pub(super) fn colour([r, g, b]: [u8; 3]) -> Color {
    Color::from_rgba8(r, g, b, 255)
}

/// zlib's default level: `Best` makes the bundled picture 6% smaller in more than twice the
/// time, `Fast` (stored blocks) 27 times larger (benches/overlap.rs).
const COMPRESSION: png::Compression = png::Compression::Default;

/// Coverage steps of a glyph's edge: 16 look as smooth as 256 and keep the picture within a
/// palette of 256 colours.
const COVERAGE_STEPS: f32 = 15.0;

/// The picture as PNG: with a palette when it has at most 256 colours (always, with this
/// palette and quantised glyph edges), which makes the file a third of the RGBA one.
pub(super) fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, PictureError> {
    let encode_error = |e: png::EncodingError| PictureError::Encode(e.to_string());
    let mut palette: Vec<[u8; 3]> = Vec::new();
    let mut index = std::collections::HashMap::new();
    let mut indices = Vec::with_capacity(pixmap.pixels().len());
    // Most pixels repeat the one before (flat backgrounds and cells): one comparison, not a
    // lookup.
    let mut last: Option<([u8; 3], u8)> = None;
    for p in pixmap.pixels() {
        let rgb = [p.red(), p.green(), p.blue()];
        if let Some((seen, i)) = last
            && seen == rgb
        {
            indices.push(i);
            continue;
        }
        let i = match index.get(&rgb) {
            Some(&i) => i,
            None if palette.len() < 256 => {
                palette.push(rgb);
                let i = (palette.len() - 1) as u8;
                index.insert(rgb, i);
                i
            }
            // More colours than a palette holds: RGBA, as tiny-skia writes it.
            None => {
                return pixmap
                    .encode_png()
                    .map_err(|e| PictureError::Encode(e.to_string()));
            }
        };
        last = Some((rgb, i));
        indices.push(i);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(palette.concat());
    encoder.set_compression(COMPRESSION);
    encoder.set_filter(png::FilterType::NoFilter);
    let mut writer = encoder.write_header().map_err(encode_error)?;
    writer.write_image_data(&indices).map_err(encode_error)?;
    writer.finish().map_err(encode_error)?;
    Ok(out)
}

pub(super) struct Canvas<'p> {
    pub pixmap: &'p mut Pixmap,
    /// Pixels per layout unit.
    pub scale: f32,
}

impl Canvas<'_> {
    pub fn fill(&mut self, r: Rect, c: [u8; 3]) {
        let mut paint = Paint::default();
        paint.set_color(colour(c));
        paint.anti_alias = false;
        let path = PathBuilder::from_rect(r);
        self.pixmap.fill_path(
            &path,
            &paint,
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }

    /// `text` with its baseline at (`x`, `baseline`), in layout units.
    pub fn text(
        &mut self,
        font: &FontRef<'_>,
        px: f32,
        x: f32,
        baseline: f32,
        text: &str,
        c: [u8; 3],
    ) {
        let scale = PxScale::from(px * self.scale);
        let scaled = font.as_scaled(scale);
        let (width, height) = (self.pixmap.width() as i32, self.pixmap.height() as i32);
        let data = self.pixmap.data_mut();
        let mut caret = x * self.scale;
        let mut last: Option<GlyphId> = None;
        for ch in text.chars() {
            let id = scaled.glyph_id(ch);
            if let Some(prev) = last {
                caret += scaled.kern(prev, id);
            }
            let glyph = id.with_scale_and_position(scale, point(caret, baseline * self.scale));
            caret += scaled.h_advance(id);
            last = Some(id);
            let Some(outline) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outline.px_bounds();
            outline.draw(|gx, gy, coverage| {
                let px = bounds.min.x as i32 + gx as i32;
                let py = bounds.min.y as i32 + gy as i32;
                if px < 0 || py < 0 || px >= width || py >= height {
                    return;
                }
                let at = (py as usize * width as usize + px as usize) * 4;
                let a = (coverage.clamp(0.0, 1.0) * COVERAGE_STEPS).round() / COVERAGE_STEPS;
                // The picture is opaque throughout, so blending is a plain mix.
                for (k, channel) in c.iter().enumerate() {
                    let under = f32::from(data[at + k]);
                    data[at + k] = (f32::from(*channel) * a + under * (1.0 - a)).round() as u8;
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_to_fit() {
        let f = fonts().unwrap();
        let long = "The Very Long Name Of A Group That Goes On And On";
        let cut = fit_text(&f.bold, 13.0, long, 150.0);
        assert!(cut.ends_with('…') && text_width(&f.bold, 13.0, &cut) <= 150.0);
        assert_eq!(fit_text(&f.bold, 13.0, "G7", 150.0), "G7");
    }
}
