//! The document model every report and comparison is built as, before it is
//! rendered to HTML or Markdown by a [`crate::render::Render`].
//!
//! Text in paragraphs may contain `` `code` `` spans; renderers escape
//! everything else.

/// A document: a title and blocks in reading order.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The page title.
    pub title: String,
    /// Content.
    pub blocks: Vec<Block>,
}

/// One block of content.
#[derive(Clone, Debug)]
pub enum Block {
    /// A section heading; `anchor` is its fragment id.
    Heading {
        /// 1 (title) to 4.
        level: u8,
        /// Heading text.
        text: String,
        /// Fragment id (letters, digits and `-`).
        anchor: String,
    },
    /// A paragraph of text.
    Paragraph(String),
    /// A highlighted remark.
    Note {
        /// How it is highlighted.
        tone: Tone,
        /// The text.
        text: String,
    },
    /// Label–value pairs (provenance facts).
    Facts(Vec<(String, String)>),
    /// A shell command or other preformatted text.
    Code(String),
    /// A table.
    Table(Table),
    /// A plot.
    Figure(Figure),
}

/// How a row or note is highlighted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    /// Plain.
    #[default]
    Normal,
    /// A failure or regression.
    Bad,
    /// An improvement.
    Good,
    /// A caution (e.g. not significant, not comparable).
    Warn,
    /// Less important (baseline rows, missing data).
    Muted,
}

impl Tone {
    /// CSS class of the tone (`bad`, `good`, `warn`, `muted`; empty when normal).
    pub fn class(self) -> &'static str {
        match self {
            Tone::Normal => "",
            Tone::Bad => "bad",
            Tone::Good => "good",
            Tone::Warn => "warn",
            Tone::Muted => "muted",
        }
    }
}

/// Column alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// A table.
#[derive(Clone, Debug)]
pub struct Table {
    /// Fragment id of the table.
    pub id: String,
    /// Caption shown above the table.
    pub caption: Option<String>,
    /// Column titles and alignments.
    pub columns: Vec<(String, Align)>,
    /// Rows; each has one cell per column.
    pub rows: Vec<Row>,
}

/// A table row.
#[derive(Clone, Debug)]
pub struct Row {
    /// Cell texts.
    pub cells: Vec<String>,
    /// Highlight of the whole row.
    pub tone: Tone,
}

impl Table {
    /// An empty table with the given columns.
    pub fn new(id: impl Into<String>, columns: &[(&str, Align)]) -> Table {
        Table {
            id: id.into(),
            caption: None,
            columns: columns.iter().map(|(t, a)| (t.to_string(), *a)).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn push(&mut self, cells: Vec<String>, tone: Tone) {
        self.rows.push(Row { cells, tone });
    }
}

/// A rendered plot with its files and reading guide.
#[derive(Clone, Debug)]
pub struct Figure {
    /// Fragment id.
    pub id: String,
    /// Title shown above the plot.
    pub title: String,
    /// The plot as an SVG document (inlined by HTML).
    pub svg: String,
    /// Path of the SVG file relative to the report.
    pub svg_file: String,
    /// Path of the PNG file relative to the report, when one was drawn.
    pub png_file: Option<String>,
    /// "How to read": what the axes, marks and whiskers mean.
    pub how_to_read: String,
}

impl Doc {
    /// A document with a title.
    pub fn new(title: impl Into<String>) -> Doc {
        Doc {
            title: title.into(),
            blocks: Vec::new(),
        }
    }

    /// Appends a heading.
    pub fn heading(&mut self, level: u8, text: impl Into<String>, anchor: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
            anchor: anchor.into(),
        });
    }

    /// Appends a paragraph.
    pub fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    /// Headings of level 2, for a table of contents: (text, anchor).
    pub fn outline(&self) -> Vec<(&str, &str)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading {
                    level: 2,
                    text,
                    anchor,
                } => Some((text.as_str(), anchor.as_str())),
                _ => None,
            })
            .collect()
    }
}
