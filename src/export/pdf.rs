//! A small page writer over `krilla`: A4 pages of wrapped text, headings,
//! boxes to tick and ruled lines to write on. Text is real text (fonts
//! embedded and subset, with a Unicode map), so a reader can search and
//! copy it. Letters the bundled font lacks (Vietnamese, Chinese, Arabic…)
//! come from a system font that has them, when there is one.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use krilla::Document;
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use resvg::usvg::fontdb;

/// A4 in points.
const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
/// 20 mm margins.
const MARGIN: f32 = 56.7;
const BODY: f32 = 10.5;
const LINE: f32 = 1.35;

/// A font with what is needed to measure it.
struct Face {
    data: Arc<Vec<u8>>,
    index: u32,
    font: Font,
}

impl Face {
    fn new(data: Arc<Vec<u8>>, index: u32) -> Option<Self> {
        ttf_parser::Face::parse(&data, index).ok()?;
        let font = Font::new(krilla::Data::from(Arc::clone(&data)), index)?;
        Some(Self { data, index, font })
    }

    fn parsed(&self) -> Option<ttf_parser::Face<'_>> {
        ttf_parser::Face::parse(&self.data, self.index).ok()
    }

    fn has(&self, c: char) -> bool {
        self.parsed().is_some_and(|f| f.glyph_index(c).is_some())
    }

    /// Width of `text` at `size`, from the font's advances.
    fn width(&self, text: &str, size: f32) -> f32 {
        let Some(face) = self.parsed() else {
            return 0.0;
        };
        let units = f32::from(face.units_per_em().max(1));
        let advance: f32 = text
            .chars()
            .map(|c| {
                let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                f32::from(face.glyph_hor_advance(glyph).unwrap_or(0))
            })
            .sum();
        advance * size / units
    }
}

/// Fonts by how they are tried: the bundled one first, then system fonts
/// that have a letter it lacks, found once per letter.
struct Fonts {
    faces: Vec<Face>,
    by_char: HashMap<char, usize>,
}

impl Fonts {
    fn new() -> Result<Self, String> {
        let bundled = Face::new(Arc::new(epaint_default_fonts::UBUNTU_LIGHT.to_vec()), 0)
            .ok_or("The bundled font could not be read")?;
        Ok(Self {
            faces: vec![bundled],
            by_char: HashMap::new(),
        })
    }

    /// The face to draw `c` with.
    fn face_for(&mut self, c: char) -> usize {
        if c.is_whitespace() || self.faces[0].has(c) {
            return 0;
        }
        if let Some(index) = self.by_char.get(&c) {
            return *index;
        }
        let index = self
            .faces
            .iter()
            .position(|f| f.has(c))
            .or_else(|| self.system_face_for(c))
            .unwrap_or(0);
        self.by_char.insert(c, index);
        index
    }

    fn system_face_for(&mut self, c: char) -> Option<usize> {
        let db = system_fonts();
        let found = db.faces().find_map(|info| {
            db.with_face_data(info.id, |data, index| {
                let face = ttf_parser::Face::parse(data, index).ok()?;
                face.glyph_index(c)?;
                Some((data.to_vec(), index))
            })
            .flatten()
        })?;
        let face = Face::new(Arc::new(found.0), found.1)?;
        self.faces.push(face);
        Some(self.faces.len() - 1)
    }

    /// `text` cut into runs of one face each.
    fn runs(&mut self, text: &str) -> Vec<(usize, String)> {
        let mut runs: Vec<(usize, String)> = Vec::new();
        for c in text.chars() {
            let face = self.face_for(c);
            // Spaces join the run they are in.
            let face = if c.is_whitespace() {
                runs.last().map_or(face, |r| r.0)
            } else {
                face
            };
            match runs.last_mut() {
                Some((last, run)) if *last == face => run.push(c),
                _ => runs.push((face, c.to_string())),
            }
        }
        runs
    }

    fn width(&mut self, text: &str, size: f32) -> f32 {
        self.runs(text)
            .iter()
            .map(|(face, run)| self.faces[*face].width(run, size))
            .sum()
    }
}

fn system_fonts() -> &'static fontdb::Database {
    static FONTS: OnceLock<fontdb::Database> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db
    })
}

/// One thing drawn on a page.
enum Mark {
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        grey: u8,
    },
    Square {
        x: f32,
        y: f32,
        side: f32,
    },
}

/// A document being laid out, page by page.
pub struct Pages {
    fonts: Fonts,
    pages: Vec<Vec<Mark>>,
    y: f32,
    title: String,
}

impl Pages {
    /// A new document whose PDF title is `title`.
    pub fn new(title: &str) -> Result<Self, String> {
        Ok(Self {
            fonts: Fonts::new()?,
            pages: vec![Vec::new()],
            y: MARGIN,
            title: title.to_owned(),
        })
    }

    fn width(&self) -> f32 {
        PAGE_WIDTH - 2.0 * MARGIN
    }

    /// Starts a new page when less than `height` is left on this one.
    pub fn keep(&mut self, height: f32) {
        if self.y + height > PAGE_HEIGHT - MARGIN {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }

    fn mark(&mut self, mark: Mark) {
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    /// Vertical room.
    pub fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// A title line.
    pub fn heading(&mut self, text: &str) {
        self.keep(40.0);
        self.wrapped(text, 17.0, 0.0);
        self.space(4.0);
        let y = self.y;
        self.mark(Mark::Line {
            x1: MARGIN,
            y1: y,
            x2: PAGE_WIDTH - MARGIN,
            y2: y,
            width: 0.6,
            grey: 0,
        });
        self.space(10.0);
    }

    /// A section title, kept with at least a few lines after it.
    pub fn subheading(&mut self, text: &str) {
        self.keep(60.0);
        self.space(6.0);
        self.wrapped(text, 13.0, 0.0);
        self.space(2.0);
    }

    /// Body text, wrapped; each line of `text` starts a new line.
    pub fn paragraph(&mut self, text: &str) {
        for line in text.lines() {
            self.wrapped(line, BODY, 0.0);
        }
    }

    /// Smaller grey-free body text, indented.
    pub fn indented(&mut self, text: &str) {
        for line in text.lines() {
            self.wrapped(line, BODY, 14.0);
        }
    }

    /// "Label: value", the value wrapped.
    pub fn field(&mut self, label: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        self.paragraph(&format!("{label}: {value}"));
    }

    /// A box to tick with its text beside it.
    pub fn checkbox(&mut self, text: &str) {
        let side = 9.0;
        self.keep(BODY * LINE + 4.0);
        let y = self.y;
        self.mark(Mark::Square {
            x: MARGIN,
            y: y + 1.5,
            side,
        });
        self.wrapped(text, BODY, side + 8.0);
        self.space(2.0);
    }

    /// `count` ruled lines to write on.
    pub fn ruled_lines(&mut self, count: usize) {
        for _ in 0..count {
            self.keep(22.0);
            self.space(20.0);
            let y = self.y;
            self.mark(Mark::Line {
                x1: MARGIN,
                y1: y,
                x2: PAGE_WIDTH - MARGIN,
                y2: y,
                width: 0.3,
                grey: 150,
            });
        }
        self.space(6.0);
    }

    /// Text wrapped at word boundaries (a word longer than the line is cut).
    fn wrapped(&mut self, text: &str, size: f32, indent: f32) {
        let width = self.width() - indent;
        let lines = self.wrap(text, size, width);
        for line in lines {
            self.keep(size * LINE);
            self.y += size * LINE;
            let y = self.y - size * 0.3;
            self.mark(Mark::Text {
                x: MARGIN + indent,
                y,
                size,
                text: line,
            });
        }
    }

    fn wrap(&mut self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split(' ') {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.fonts.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line = self.cut_long_word(word, size, width, &mut lines);
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Pieces of a word wider than the line, all but the last pushed.
    fn cut_long_word(
        &mut self,
        word: &str,
        size: f32,
        width: f32,
        lines: &mut Vec<String>,
    ) -> String {
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if self.fonts.width(&piece, size) > width && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        piece
    }

    /// The PDF file.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let mut document = Document::new();
        document.set_metadata(
            Metadata::new()
                .title(self.title.clone())
                .creator("Relational".to_owned()),
        );
        let pages = std::mem::take(&mut self.pages);
        for marks in pages {
            let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
                .ok_or("The page size was refused")?;
            let mut page = document.start_page_with(settings);
            let mut surface = page.surface();
            for mark in &marks {
                self.draw(&mut surface, mark);
            }
            surface.finish();
            page.finish();
        }
        document
            .finish()
            .map_err(|e| format!("The PDF could not be written: {e:?}"))
    }

    fn draw(&mut self, surface: &mut Surface<'_>, mark: &Mark) {
        match mark {
            Mark::Text { x, y, size, text } => {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill::default()));
                let mut x = *x;
                for (face, run) in self.fonts.runs(text) {
                    let font = self.fonts.faces[face].font.clone();
                    surface.draw_text(
                        Point::from_xy(x, *y),
                        font,
                        *size,
                        &run,
                        false,
                        TextDirection::Auto,
                    );
                    x += self.fonts.faces[face].width(&run, *size);
                }
            }
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                grey,
            } => {
                let mut path = PathBuilder::new();
                path.move_to(*x1, *y1);
                path.line_to(*x2, *y2);
                stroke(surface, path, *width, *grey);
            }
            Mark::Square { x, y, side } => {
                let mut path = PathBuilder::new();
                if let Some(rect) = Rect::from_xywh(*x, *y, *side, *side) {
                    path.push_rect(rect);
                }
                stroke(surface, path, 0.7, 0);
            }
        }
    }
}

fn stroke(surface: &mut Surface<'_>, path: PathBuilder, width: f32, grey: u8) {
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: luma::Color::new(grey).into(),
        width,
        ..Default::default()
    }));
    if let Some(path) = path.finish() {
        surface.draw_path(&path);
    }
}
