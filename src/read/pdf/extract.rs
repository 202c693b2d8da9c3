//! What a page draws, as the layout needs it: glyphs with their Unicode text and position, the
//! horizontal and vertical segments of the rulings, and how many images. The only code of the
//! crate that talks to the PDF interpreter (hayro).

use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::kurbo::{Affine, BezPath, PathEl, Point, Rect};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, SoftMask, interpret_page,
};

/// One glyph: its text, its horizontal extent and baseline in points from the page's top-left,
/// and its size (the em height) in points.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Glyph {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub baseline: f32,
    pub size: f32,
}

impl Glyph {
    /// The top of the glyph's box (ascent taken as 0.85 em).
    pub fn top(&self) -> f32 {
        self.baseline - 0.85 * self.size
    }

    /// The bottom of the glyph's box (descent taken as 0.15 em).
    pub fn bottom(&self) -> f32 {
        self.baseline + 0.15 * self.size
    }

    /// The centre of the glyph's box.
    pub fn centre(&self) -> (f32, f32) {
        (
            (self.x0 + self.x1) / 2.0,
            (self.top() + self.bottom()) / 2.0,
        )
    }
}

/// A straight horizontal or vertical segment drawn on the page: a ruling of a table, or a part
/// of one. `at` is its y (horizontal) or x (vertical); it runs from `from` to `to`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Segment {
    pub horizontal: bool,
    pub at: f32,
    pub from: f32,
    pub to: f32,
}

/// What one page draws.
#[derive(Debug, Clone, Default)]
pub(super) struct PageContent {
    /// The page number, from 1.
    pub number: usize,
    /// The page's height in points.
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub segments: Vec<Segment>,
    /// Images drawn.
    pub images: usize,
    /// Glyphs drawn without a Unicode mapping (dropped).
    pub unmapped: usize,
    /// Whether the page drew more than the device keeps ([`MAX_ITEMS`]).
    pub overflowed: bool,
}

/// The most glyphs plus segments one page may give; past it the rest is dropped and the page
/// says so (a hostile page must not exhaust memory).
pub(super) const MAX_ITEMS: usize = 1 << 20;

/// A filled rectangle thinner than this (points) is a ruling drawn as a fill (Word, Chromium);
/// a thicker one is a background and draws no ruling.
const THIN: f64 = 3.0;

/// A segment's ends may be this far (points) off the axis and still count as straight.
const STRAIGHT: f64 = 0.5;

struct Collector {
    page: PageContent,
}

impl Collector {
    fn full(&self) -> bool {
        self.page.glyphs.len() + self.page.segments.len() >= MAX_ITEMS
    }

    fn push_segment(&mut self, a: Point, b: Point) {
        if self.full() {
            self.page.overflowed = true;
            return;
        }
        let (a, b) = (a, b);
        let seg = if (a.y - b.y).abs() <= STRAIGHT && (a.x - b.x).abs() > STRAIGHT {
            Segment {
                horizontal: true,
                at: ((a.y + b.y) / 2.0) as f32,
                from: a.x.min(b.x) as f32,
                to: a.x.max(b.x) as f32,
            }
        } else if (a.x - b.x).abs() <= STRAIGHT && (a.y - b.y).abs() > STRAIGHT {
            Segment {
                horizontal: false,
                at: ((a.x + b.x) / 2.0) as f32,
                from: a.y.min(b.y) as f32,
                to: a.y.max(b.y) as f32,
            }
        } else {
            return;
        };
        if seg.at.is_finite() && seg.from.is_finite() && seg.to.is_finite() {
            self.page.segments.push(seg);
        }
    }

    /// The straight lines of a stroked path.
    fn stroked(&mut self, path: &BezPath) {
        let mut start = None;
        let mut last = None;
        for el in path.elements() {
            match *el {
                PathEl::MoveTo(p) => {
                    start = Some(p);
                    last = Some(p);
                }
                PathEl::LineTo(p) => {
                    if let Some(l) = last {
                        self.push_segment(l, p);
                    }
                    last = Some(p);
                }
                PathEl::ClosePath => {
                    if let (Some(l), Some(s)) = (last, start) {
                        self.push_segment(l, s);
                    }
                    last = start;
                }
                PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => last = Some(p),
            }
        }
    }

    /// A filled path draws a ruling when it is a thin axis-aligned rectangle: its centre line.
    fn filled(&mut self, path: &BezPath) {
        let points: Vec<Point> = path
            .elements()
            .iter()
            .filter_map(|el| match *el {
                PathEl::MoveTo(p) | PathEl::LineTo(p) => Some(p),
                _ => None,
            })
            .collect();
        if points.len() < 4 || points.len() > 5 {
            return;
        }
        let r = points
            .iter()
            .fold(Rect::from_points(points[0], points[0]), |r, p| {
                r.union_pt(*p)
            });
        // Every corner on the rectangle's edges: an axis-aligned rectangle.
        let on_edge = points.iter().all(|p| {
            ((p.x - r.x0).abs() <= STRAIGHT || (p.x - r.x1).abs() <= STRAIGHT)
                && ((p.y - r.y0).abs() <= STRAIGHT || (p.y - r.y1).abs() <= STRAIGHT)
        });
        if !on_edge {
            return;
        }
        let mid_y = (r.y0 + r.y1) / 2.0;
        let mid_x = (r.x0 + r.x1) / 2.0;
        if r.height() <= THIN && r.width() > r.height() {
            self.push_segment(Point::new(r.x0, mid_y), Point::new(r.x1, mid_y));
        } else if r.width() <= THIN && r.height() > r.width() {
            self.push_segment(Point::new(mid_x, r.y0), Point::new(mid_x, r.y1));
        }
    }
}

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, mode: &DrawMode) {
        let path = props.transform * path.clone();
        match mode {
            DrawMode::Stroke(_) | DrawMode::FillAndStroke(..) => self.stroked(&path),
            DrawMode::Fill(_) => self.filled(&path),
            DrawMode::Invisible => {}
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        for g in run.glyphs() {
            if self.full() {
                self.page.overflowed = true;
                return;
            }
            let text = match g.as_unicode() {
                Some(BfString::Char(c)) => c.to_string(),
                Some(BfString::String(s)) => s,
                None => {
                    self.page.unmapped += 1;
                    continue;
                }
            };
            if text.chars().all(char::is_whitespace) {
                continue;
            }
            let t: Affine = props.transform * g.transform();
            let advance = match &**g {
                hayro_interpret::font::Glyph::Outline(o) => o.advance_width(),
                hayro_interpret::font::Glyph::Type3(t3) => t3.advance_width(),
            }
            .filter(|w| w.is_finite() && *w > 0.0)
            .unwrap_or(500.0);
            let origin = t * Point::ZERO;
            let end = t * Point::new(f64::from(advance), 0.0);
            let top = t * Point::new(0.0, 1000.0);
            let size = (top - origin).hypot() as f32;
            let glyph = Glyph {
                text,
                x0: origin.x.min(end.x) as f32,
                x1: origin.x.max(end.x) as f32,
                baseline: origin.y as f32,
                size,
            };
            let finite = [glyph.x0, glyph.x1, glyph.baseline, glyph.size]
                .iter()
                .all(|v| v.is_finite());
            if finite && glyph.size > 0.5 {
                self.page.glyphs.push(glyph);
            }
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.page.images += 1;
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}

/// Interpret one page: what it draws, in points from its top-left corner (rotation and crop box
/// applied).
pub(super) fn page_content<'a>(
    page: &hayro_interpret::hayro_syntax::page::Page<'a>,
    number: usize,
    cache: &InterpreterCache<'a>,
    xref: &'a hayro_interpret::hayro_syntax::xref::XRef,
) -> PageContent {
    let (width, height) = page.render_dimensions();
    // The page's box, for the interpreter.
    let initial = Affine::new(page.initial_transform(true).as_coeffs());
    let mut ctx = Context::new(
        initial,
        Rect::new(0.0, 0.0, f64::from(width), f64::from(height)),
        cache,
        xref,
        InterpreterSettings::default(),
    );
    let mut c = Collector {
        page: PageContent {
            number,
            height,
            ..PageContent::default()
        },
    };
    interpret_page(page, &mut ctx, &mut c);
    c.page
}
