//! The grid of `/overlap`: member states (rows) by groups (columns), a filled square for every
//! membership, the rows of states in more than one group highlighted, laid out from the
//! lengths of the names and drawn at twice the size Discord shows.

use tiny_skia::{Pixmap, Rect};

use super::PictureError;
use super::canvas::{Canvas, Fonts, colour, encode, fit_text, fonts, text_width};
use crate::reply::Grid;

/// Pixels per layout unit: Discord shows an embed's picture about 400–550 pixels wide and
/// lets people open it full size, where twice the pixels stay sharp; a wide grid gets fewer,
/// down to one, so that no picture is wider than `MAX_WIDTH_PX` (drawing and encoding cost
/// follow the pixels).
const SCALE: f32 = 2.0;
const MAX_WIDTH_PX: f32 = 1600.0;
const MARGIN: f32 = 20.0;
const TITLE_PX: f32 = 17.0;
const TEXT_PX: f32 = 13.0;
const SMALL_PX: f32 = 11.5;
const ROW_H: f32 = 24.0;
const HEADER_H: f32 = 30.0;
const CELL: f32 = 16.0;
const COLUMN_MIN_W: f32 = 56.0;
const COLUMN_MAX_W: f32 = 150.0;
const NAME_MAX_W: f32 = 240.0;
const PAD: f32 = 10.0;

/// The colours, as RGB. Text on background and on the highlight has a contrast ratio of at
/// least 4.5 (WCAG AA), which a test checks.
pub mod palette {
    pub const BACKGROUND: [u8; 3] = [0xF7, 0xF8, 0xFA];
    pub const STRIPE: [u8; 3] = [0xEC, 0xEF, 0xF3];
    pub const HIGHLIGHT: [u8; 3] = [0xFF, 0xE9, 0xB0];
    pub const TEXT: [u8; 3] = [0x1F, 0x23, 0x28];
    pub const MUTED: [u8; 3] = [0x4B, 0x55, 0x63];
    pub const MEMBER: [u8; 3] = [0x2B, 0x6C, 0xB0];
    pub const SHARED: [u8; 3] = [0xB4, 0x53, 0x09];
    pub const EMPTY: [u8; 3] = [0xC9, 0xCE, 0xD6];
}

/// Where everything goes, in pixels: computed once, used to draw and by tests to look at
/// what was drawn.
#[derive(Debug)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    /// `cells[row][column]`: the square of each cell.
    pub cells: Vec<Vec<Rect>>,
    /// Each row's band, across the whole grid.
    pub rows: Vec<Rect>,
    names_x: f32,
    columns_x: Vec<f32>,
    column_w: Vec<f32>,
    header_y: f32,
    legend_y: f32,
    name_w: f32,
    /// Pixels per layout unit.
    pub scale: f32,
}

/// The header of a column: its name, starred when its member list is not the article's.
fn header(column: &crate::reply::Column) -> String {
    if column.from_article {
        column.name.clone()
    } else {
        format!("{}*", column.name)
    }
}

pub fn layout(grid: &Grid) -> Result<Layout, PictureError> {
    let f = fonts()?;
    layout_with(&f, grid)
}

fn layout_with(f: &Fonts<'_>, grid: &Grid) -> Result<Layout, PictureError> {
    let name_w = grid
        .rows
        .iter()
        .map(|r| text_width(&f.bold, TEXT_PX, &r.name))
        .fold(80.0_f32, f32::max)
        .min(NAME_MAX_W);
    let column_w: Vec<f32> = grid
        .columns
        .iter()
        .map(|c| {
            (text_width(&f.bold, TEXT_PX, &header(c)) + PAD * 2.0).clamp(COLUMN_MIN_W, COLUMN_MAX_W)
        })
        .collect();
    let names_x = MARGIN;
    let mut x = names_x + name_w + PAD * 2.0;
    let mut columns_x = Vec::with_capacity(column_w.len());
    for w in &column_w {
        columns_x.push(x);
        x += w;
    }
    let grid_right = x;
    let header_y = MARGIN + TITLE_PX * 1.6;
    let rows_y = header_y + HEADER_H;
    let mut rows = Vec::with_capacity(grid.rows.len());
    let mut cells = Vec::with_capacity(grid.rows.len());
    for (i, row) in grid.rows.iter().enumerate() {
        let y = rows_y + i as f32 * ROW_H;
        rows.push(rect(names_x, y, grid_right - names_x, ROW_H)?);
        // A cell past the columns has nowhere to go (a grid is built whole, but stay safe).
        let squares = (0..row.cells.len().min(column_w.len()))
            .map(|c| {
                let cx = columns_x[c] + column_w[c] / 2.0;
                rect(cx - CELL / 2.0, y + (ROW_H - CELL) / 2.0, CELL, CELL)
            })
            .collect::<Result<Vec<_>, _>>()?;
        cells.push(squares);
    }
    let legend_y = rows_y + grid.rows.len() as f32 * ROW_H + PAD;
    let legend_lines = 2.0 + f32::from(u8::from(grid.more_rows > 0));
    let title_w = text_width(&f.bold, TITLE_PX, &grid.title);
    let legend_w = text_width(&f.regular, SMALL_PX, LEGEND_BACKGROUND).max(
        (SMALL_PX + 5.0) * 2.0
            + text_width(&f.regular, SMALL_PX, LEGEND_MEMBER)
            + PAD * 1.5
            + text_width(&f.regular, SMALL_PX, LEGEND_SHARED),
    );
    let width = grid_right.max(names_x + title_w).max(names_x + legend_w) + MARGIN;
    let scale = (MAX_WIDTH_PX / width).clamp(1.0, SCALE);
    let height = (legend_y + legend_lines * SMALL_PX * 1.7 + MARGIN) * scale;
    let width = width * scale;
    let scaled = |r: Rect| scaled(r, scale);
    let (width, height) = (width.ceil() as u32, height.ceil() as u32);
    // The most a grid of MAX_COLUMNS by MAX_ROWS can take, with room to spare.
    if width > 4096 || height > 4096 {
        return Err(PictureError::TooLarge { width, height });
    }
    Ok(Layout {
        width,
        height,
        cells: cells
            .into_iter()
            .map(|r| r.into_iter().map(scaled).collect::<Result<_, _>>())
            .collect::<Result<_, _>>()?,
        rows: rows.into_iter().map(scaled).collect::<Result<_, _>>()?,
        names_x,
        columns_x,
        column_w,
        header_y,
        legend_y,
        name_w,
        scale,
    })
}

const LEGEND_MEMBER: &str = "member";
const LEGEND_SHARED: &str = "in more than one of these groups (highlighted)";
const LEGEND_BACKGROUND: &str = "* member list not from the article: well-established public fact";

fn rect(x: f32, y: f32, w: f32, h: f32) -> Result<Rect, PictureError> {
    Rect::from_xywh(x, y, w, h).ok_or(PictureError::TooLarge {
        width: w as u32,
        height: h as u32,
    })
}

/// A layout rectangle in pixels.
fn scaled(r: Rect, scale: f32) -> Result<Rect, PictureError> {
    rect(
        r.x() * scale,
        r.y() * scale,
        r.width() * scale,
        r.height() * scale,
    )
}

/// The grid as PNG bytes.
pub fn png(grid: &Grid) -> Result<Vec<u8>, PictureError> {
    let f = fonts()?;
    let l = layout_with(&f, grid)?;
    let mut pixmap = Pixmap::new(l.width, l.height).ok_or(PictureError::TooLarge {
        width: l.width,
        height: l.height,
    })?;
    pixmap.fill(colour(palette::BACKGROUND));
    let mut canvas = Canvas {
        pixmap: &mut pixmap,
        scale: l.scale,
    };
    canvas.text(
        &f.bold,
        TITLE_PX,
        l.names_x,
        MARGIN + TITLE_PX,
        &grid.title,
        palette::TEXT,
    );
    for (c, column) in grid.columns.iter().enumerate() {
        let label = fit_text(&f.bold, TEXT_PX, &header(column), l.column_w[c] - 4.0);
        let w = text_width(&f.bold, TEXT_PX, &label);
        let x = l.columns_x[c] + (l.column_w[c] - w) / 2.0;
        canvas.text(
            &f.bold,
            TEXT_PX,
            x,
            l.header_y + HEADER_H - 10.0,
            &label,
            palette::TEXT,
        );
    }
    for (i, row) in grid.rows.iter().enumerate() {
        let shared = row.shared();
        let band = if shared {
            Some(palette::HIGHLIGHT)
        } else if i % 2 == 1 {
            Some(palette::STRIPE)
        } else {
            None
        };
        if let Some(band) = band {
            canvas.fill(l.rows[i], band);
        }
        let font = if shared { &f.bold } else { &f.regular };
        let name = fit_text(font, TEXT_PX, &row.name, l.name_w);
        let baseline = l.rows[i].y() / l.scale + ROW_H / 2.0 + TEXT_PX * 0.36;
        canvas.text(
            font,
            TEXT_PX,
            l.names_x + PAD / 2.0,
            baseline,
            &name,
            palette::TEXT,
        );
        for (member, &square) in row.cells.iter().zip(&l.cells[i]) {
            if *member {
                canvas.fill(
                    square,
                    if shared {
                        palette::SHARED
                    } else {
                        palette::MEMBER
                    },
                );
            } else {
                // A small mark, so that an empty cell reads as "not a member", not as missing.
                let dot = CELL * l.scale / 4.0;
                let centre = (
                    square.x() + square.width() / 2.0,
                    square.y() + square.height() / 2.0,
                );
                canvas.fill(
                    rect(centre.0 - dot / 2.0, centre.1 - dot / 2.0, dot, dot)?,
                    palette::EMPTY,
                );
            }
        }
    }
    // The legend.
    let mut y = l.legend_y + SMALL_PX;
    let swatch =
        |canvas: &mut Canvas<'_>, x: f32, y: f32, c: [u8; 3]| -> Result<(), PictureError> {
            canvas.fill(
                scaled(rect(x, y - SMALL_PX * 0.85, SMALL_PX, SMALL_PX)?, l.scale)?,
                c,
            );
            Ok(())
        };
    let mut x = l.names_x;
    swatch(&mut canvas, x, y, palette::MEMBER)?;
    x += SMALL_PX + 5.0;
    canvas.text(&f.regular, SMALL_PX, x, y, LEGEND_MEMBER, palette::MUTED);
    x += text_width(&f.regular, SMALL_PX, LEGEND_MEMBER) + PAD * 1.5;
    swatch(&mut canvas, x, y, palette::SHARED)?;
    x += SMALL_PX + 5.0;
    canvas.text(&f.regular, SMALL_PX, x, y, LEGEND_SHARED, palette::MUTED);
    y += SMALL_PX * 1.7;
    if grid.columns.iter().any(|c| !c.from_article) {
        canvas.text(
            &f.regular,
            SMALL_PX,
            l.names_x,
            y,
            LEGEND_BACKGROUND,
            palette::MUTED,
        );
        y += SMALL_PX * 1.7;
    }
    if grid.more_rows > 0 {
        let n = grid.more_rows;
        let more = format!(
            "+ {n} more {}, not shown",
            crate::reply::plural(n, "state", "states")
        );
        canvas.text(&f.regular, SMALL_PX, l.names_x, y, &more, palette::MUTED);
    }
    encode(&pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::{Column, Row};

    fn grid() -> Grid {
        Grid {
            title: "A · B".into(),
            columns: vec![
                Column {
                    name: "A".into(),
                    from_article: true,
                },
                Column {
                    name: "B".into(),
                    from_article: false,
                },
            ],
            rows: vec![
                Row {
                    name: "Both".into(),
                    cells: vec![true, true],
                },
                Row {
                    name: "Only A".into(),
                    cells: vec![true, false],
                },
                Row {
                    name: "Only B".into(),
                    cells: vec![false, true],
                },
            ],
            more_rows: 0,
        }
    }

    fn pixel(p: &Pixmap, r: Rect) -> [u8; 4] {
        let c = p
            .pixel(
                (r.x() + r.width() / 2.0) as u32,
                (r.y() + r.height() / 2.0 - 1.0) as u32,
            )
            .unwrap();
        [c.red(), c.green(), c.blue(), c.alpha()]
    }

    #[test]
    fn every_membership_is_a_filled_cell_and_shared_rows_stand_out() {
        let g = grid();
        let png = png(&g).unwrap();
        let p = Pixmap::decode_png(&png).unwrap();
        let l = layout(&g).unwrap();
        assert_eq!((p.width(), p.height()), (l.width, l.height));
        let rgb = |c: [u8; 3]| [c[0], c[1], c[2], 255];
        for (i, row) in g.rows.iter().enumerate() {
            for (c, member) in row.cells.iter().enumerate() {
                let at = pixel(&p, l.cells[i][c]);
                let want = match (member, row.shared()) {
                    (true, true) => rgb(palette::SHARED),
                    (true, false) => rgb(palette::MEMBER),
                    (false, _) => rgb(palette::EMPTY),
                };
                assert_eq!(at, want, "row {} column {c}", row.name);
            }
        }
        // The shared row's band is the highlight; a plain row's is not.
        let band = |i: usize| {
            let r = l.rows[i];
            let c = p
                .pixel((l.cells[i][0].x() - 6.0) as u32, (r.y() + 2.0) as u32)
                .unwrap();
            [c.red(), c.green(), c.blue(), c.alpha()]
        };
        assert_eq!(band(0), rgb(palette::HIGHLIGHT));
        assert_eq!(band(1), rgb(palette::STRIPE));
        assert_eq!(band(2), rgb(palette::BACKGROUND));
    }

    #[test]
    fn the_picture_is_opaque_so_both_themes_show_it_alike() {
        let p = Pixmap::decode_png(&png(&grid()).unwrap()).unwrap();
        assert!(p.pixels().iter().all(|c| c.alpha() == 255));
        // And there is text on it: dark pixels beyond the cells.
        let dark = p
            .pixels()
            .iter()
            .filter(|c| c.red() < 0x60 && c.green() < 0x60 && c.blue() < 0x60)
            .count();
        assert!(dark > 200, "{dark} dark pixels");
    }

    /// WCAG 2 relative luminance and contrast ratio.
    fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
        let lum = |c: [u8; 3]| {
            let ch = |v: u8| {
                let v = f64::from(v) / 255.0;
                if v <= 0.039_28 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_and_cells_have_enough_contrast() {
        use palette::*;
        for under in [BACKGROUND, STRIPE, HIGHLIGHT] {
            assert!(contrast(TEXT, under) >= 4.5);
            assert!(contrast(MUTED, under) >= 4.5);
            // Cells are shapes: WCAG asks 3:1 of graphics.
            assert!(contrast(MEMBER, under) >= 3.0);
            assert!(contrast(SHARED, under) >= 3.0);
        }
    }
}
