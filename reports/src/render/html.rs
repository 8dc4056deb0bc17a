//! One self-contained HTML file: inline CSS and SVG, no scripts, no network.

use std::fmt::Write as _;

use super::Render;
use crate::doc::{Align, Block, Doc, Figure, Table};
use crate::format::html_escape;

/// Renders documents as a standalone HTML page.
#[derive(Clone, Copy, Debug, Default)]
pub struct Html;

/// The page's stylesheet (light and dark, print-friendly).
const CSS: &str = r#"
:root { --fg:#1b1f24; --muted:#5b6470; --bg:#ffffff; --panel:#f5f7fa; --line:#d7dce2;
        --accent:#0b62a4; --bad:#b3261e; --bad-bg:#fde8e7; --good:#1e7b34; --good-bg:#e6f4ea;
        --warn:#8a5a00; --warn-bg:#fff4d6; }
* { box-sizing: border-box; }
body { margin:0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
       color:var(--fg); background:var(--bg); }
main { max-width: 1400px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 1.9em; margin: 0 0 4px; }
h2 { font-size: 1.45em; margin: 42px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.15em; margin: 28px 0 8px; }
h4 { font-size: 1em; margin: 20px 0 6px; }
p { margin: 8px 0; max-width: 82ch; }
code { font: 0.9em/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: var(--panel);
       padding: 1px 4px; border-radius: 3px; }
pre { background: var(--panel); border: 1px solid var(--line); padding: 10px 12px; border-radius: 6px;
      overflow-x: auto; font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
nav.toc { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; margin: 16px 0; }
nav.toc ol { margin: 4px 0; padding-left: 22px; columns: 2; }
a { color: var(--accent); }
.note { border-left: 4px solid var(--accent); background: var(--panel); padding: 8px 12px; margin: 12px 0; border-radius: 0 6px 6px 0; max-width: 100ch; }
.note.bad { border-color: var(--bad); background: var(--bad-bg); }
.note.warn { border-color: var(--warn); background: var(--warn-bg); }
.note.good { border-color: var(--good); background: var(--good-bg); }
dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2px 18px; margin: 10px 0;
           background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
dl.facts dt.wide { grid-column: 1; }
dl.facts dd.wide { grid-column: 2 / -1; }
.scroll { overflow-x: auto; margin: 8px 0 16px; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
td:first-child { white-space: nowrap; }
.sub { color: var(--muted); font-size: 0.92em; }
.nw { white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: 6px 10px; background: var(--panel); }
th, td { padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { text-align: left; background: var(--panel); position: sticky; top: 0; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
tr.bad, tbody tr.bad:nth-child(even) { background: var(--bad-bg); color: var(--bad); font-weight: 600; }
tr.bad .sub { color: var(--bad); }
tr.good, tbody tr.good:nth-child(even) { background: var(--good-bg); color: var(--good); }
tr.warn, tbody tr.warn:nth-child(even) { background: var(--warn-bg); }
tr.muted td { color: var(--muted); }
figure { margin: 18px 0 30px; padding: 12px; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-weight: 600; margin-bottom: 8px; }
figcaption .files { font-weight: 400; font-size: 0.85em; color: var(--muted); margin-left: 8px; }
.howto { font-size: 0.92em; color: var(--muted); margin: 8px 0 0; max-width: none; }
.howto b { color: var(--fg); }
footer { margin-top: 48px; color: var(--muted); font-size: 0.85em; }
@media print { nav.toc { display: none; } figure, table { break-inside: avoid; } }
"#;

impl Render for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn render(&self, doc: &Doc) -> String {
        let mut out = String::with_capacity(64 * 1024);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
            html_escape(&doc.title),
            html_escape(&doc.title)
        );
        let outline = doc.outline();
        if outline.len() > 2 {
            out.push_str("<nav class=\"toc\"><b>Contents</b><ol>");
            for (text, anchor) in outline {
                let _ = write!(
                    out,
                    "<li><a href=\"#{}\">{}</a></li>",
                    html_escape(anchor),
                    html_escape(text)
                );
            }
            out.push_str("</ol></nav>\n");
        }
        for block in &doc.blocks {
            block_html(&mut out, block);
        }
        out.push_str(
            "<footer>Generated by ledgerbench. This page is self-contained: \
             plots are inline SVG; no scripts, fonts or network resources are loaded.</footer>\n\
             </main>\n</body>\n</html>\n",
        );
        out
    }
}

/// Escapes `text` and turns `` `code` `` spans into `<code>` elements.
fn inline(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", html_escape(part));
        } else {
            out.push_str(&html_escape(part));
        }
    }
    out
}

/// A table cell: the first line as text, further lines as a muted note.
fn cell_html(cell: &str) -> String {
    let mut lines = cell.split('\n');
    let first = lines.next().unwrap_or("");
    // Short values (`FIPS 180-4`, `128-bit classical`) never break.
    let mut out = if first.chars().count() <= 18 {
        format!("<span class=\"nw\">{}</span>", inline(first))
    } else {
        inline(first)
    };
    for line in lines {
        let _ = write!(out, "<br><span class=\"sub\">{}</span>", inline(line));
    }
    out
}

fn block_html(out: &mut String, block: &Block) {
    match block {
        Block::Heading {
            level,
            text,
            anchor,
        } => {
            let level = (*level).clamp(2, 4);
            let _ = writeln!(
                out,
                "<h{level} id=\"{}\">{}</h{level}>",
                html_escape(anchor),
                inline(text)
            );
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "<p>{}</p>", inline(text));
        }
        Block::Note { tone, text } => {
            let _ = writeln!(
                out,
                "<div class=\"note {}\">{}</div>",
                tone.class(),
                inline(text)
            );
        }
        Block::Facts(facts) => {
            // Short facts two to a row, long ones (commands, crate lists)
            // across the whole width after them.
            let (short, long): (Vec<_>, Vec<_>) =
                facts.iter().partition(|(_, v)| v.chars().count() <= 48);
            out.push_str("<dl class=\"facts\">");
            for (k, v) in short {
                let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", inline(k), inline(v));
            }
            for (k, v) in long {
                let _ = write!(
                    out,
                    "<dt class=\"wide\">{}</dt><dd class=\"wide\">{}</dd>",
                    inline(k),
                    inline(v)
                );
            }
            out.push_str("</dl>\n");
        }
        Block::Code(text) => {
            let _ = writeln!(out, "<pre>{}</pre>", html_escape(text));
        }
        Block::Table(table) => table_html(out, table),
        Block::Figure(fig) => figure_html(out, fig),
    }
}

fn table_html(out: &mut String, table: &Table) {
    let _ = write!(
        out,
        "<div class=\"scroll\"><table id=\"{}\">",
        html_escape(&table.id)
    );
    if let Some(caption) = &table.caption {
        let _ = write!(out, "<caption>{}</caption>", inline(caption));
    }
    out.push_str("<thead><tr>");
    for (title, align) in &table.columns {
        let class = if *align == Align::Right {
            " class=\"num\""
        } else {
            ""
        };
        let _ = write!(out, "<th{class}>{}</th>", inline(title));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &table.rows {
        let class = row.tone.class();
        if class.is_empty() {
            out.push_str("<tr>");
        } else {
            let _ = write!(out, "<tr class=\"{class}\">");
        }
        for (cell, (_, align)) in row.cells.iter().zip(&table.columns) {
            let class = if *align == Align::Right {
                " class=\"num\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", cell_html(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

fn figure_html(out: &mut String, fig: &Figure) {
    let _ = write!(
        out,
        "<figure id=\"{}\"><figcaption>{}<span class=\"files\"><a href=\"{}\">SVG</a>",
        html_escape(&fig.id),
        inline(&fig.title),
        html_escape(&fig.svg_file)
    );
    if let Some(png) = &fig.png_file {
        let _ = write!(out, " · <a href=\"{}\">PNG</a>", html_escape(png));
    }
    out.push_str("</span></figcaption>\n");
    out.push_str(&fig.svg);
    let _ = writeln!(
        out,
        "\n<p class=\"howto\"><b>How to read:</b> {}</p></figure>",
        inline(&fig.how_to_read)
    );
}
