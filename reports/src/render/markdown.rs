//! Markdown (GitHub-flavoured tables) for papers and issues.

use std::fmt::Write as _;

use super::Render;
use crate::doc::{Align, Block, Doc, Table, Tone};
use crate::format::md_cell;

/// Renders documents as Markdown.
#[derive(Clone, Copy, Debug, Default)]
pub struct Markdown;

impl Render for Markdown {
    fn extension(&self) -> &'static str {
        "md"
    }

    fn render(&self, doc: &Doc) -> String {
        let mut out = format!("# {}\n\n", doc.title);
        for block in &doc.blocks {
            block_md(&mut out, block);
        }
        out
    }
}

fn block_md(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text, .. } => {
            let _ = writeln!(
                out,
                "{} {text}\n",
                "#".repeat(usize::from(*level).clamp(1, 6))
            );
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "{text}\n");
        }
        Block::Note { tone, text } => {
            let label = match tone {
                Tone::Bad => "**Failing:** ",
                Tone::Warn => "",
                Tone::Good => "**Good:** ",
                _ => "",
            };
            let _ = writeln!(out, "> {label}{text}\n");
        }
        Block::Facts(facts) => {
            out.push_str("| | |\n|---|---|\n");
            for (k, v) in facts {
                let _ = writeln!(out, "| {} | {} |", md_cell(k), md_cell(v));
            }
            out.push('\n');
        }
        Block::Code(text) => {
            let _ = writeln!(out, "```sh\n{text}\n```\n");
        }
        Block::Table(table) => table_md(out, table),
        Block::Figure(fig) => {
            let _ = writeln!(out, "![{}]({})\n", fig.title, fig.svg_file);
            let mut files = vec![format!("[SVG]({})", fig.svg_file)];
            if let Some(png) = &fig.png_file {
                files.push(format!("[PNG]({png})"));
            }
            let _ = writeln!(
                out,
                "*{}* ({}). *How to read:* {}\n",
                fig.title,
                files.join(", "),
                fig.how_to_read
            );
        }
    }
}

/// Writes one table in GitHub Markdown; failing rows are marked in bold.
pub(crate) fn table_md(out: &mut String, table: &Table) {
    if let Some(caption) = &table.caption {
        let _ = writeln!(out, "**{caption}**\n");
    }
    out.push('|');
    for (title, _) in &table.columns {
        let _ = write!(out, " {} |", md_cell(title));
    }
    out.push_str("\n|");
    for (_, align) in &table.columns {
        out.push_str(match align {
            Align::Left => "---|",
            Align::Right => "---:|",
        });
    }
    out.push('\n');
    for row in &table.rows {
        out.push('|');
        for cell in &row.cells {
            let text = md_cell(cell);
            if row.tone == Tone::Bad && !text.is_empty() {
                let _ = write!(out, " **{text}** |");
            } else {
                let _ = write!(out, " {text} |");
            }
        }
        out.push('\n');
    }
    out.push('\n');
}
