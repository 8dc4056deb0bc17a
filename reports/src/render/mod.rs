//! Renderers: one [`Doc`] fans out to every output format.

mod html;
mod markdown;

pub use html::Html;
pub use markdown::Markdown;

use crate::doc::Doc;

/// An output format for documents.
pub trait Render {
    /// File extension of the output (`html`, `md`).
    fn extension(&self) -> &'static str;

    /// Renders the whole document.
    fn render(&self, doc: &Doc) -> String;
}

/// Every renderer, in the order reports are written.
pub fn all() -> Vec<Box<dyn Render>> {
    vec![Box::new(Html), Box::new(Markdown)]
}
