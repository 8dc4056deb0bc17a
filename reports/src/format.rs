//! Formatting of numbers and text for tables, plots and markup.

/// Human units for nanoseconds (`812.3 ns`, `33.84 µs`, `1.05 ms`, `2.00 s`).
pub fn ns(ns: f64) -> String {
    if !ns.is_finite() {
        return "–".to_string();
    }
    let (value, unit) = if ns >= 1e9 {
        (ns / 1e9, "s")
    } else if ns >= 1e6 {
        (ns / 1e6, "ms")
    } else if ns >= 1e3 {
        (ns / 1e3, "µs")
    } else {
        (ns, "ns")
    };
    format!("{} {unit}", sig3(value))
}

/// A number with three significant digits (no exponent for 0.001..1e6).
pub fn sig3(value: f64) -> String {
    let a = value.abs();
    if a >= 100.0 {
        format!("{value:.0}")
    } else if a >= 10.0 {
        format!("{value:.1}")
    } else if a >= 1.0 {
        format!("{value:.2}")
    } else if a == 0.0 {
        "0".to_string()
    } else {
        format!("{value:.3}")
    }
}

/// Cycles, compact (`12.3 k`, `4.56 M`).
pub fn cycles(c: f64) -> String {
    if c >= 1e9 {
        format!("{} G", sig3(c / 1e9))
    } else if c >= 1e6 {
        format!("{} M", sig3(c / 1e6))
    } else if c >= 1e4 {
        format!("{} k", sig3(c / 1e3))
    } else {
        format!("{c:.0}")
    }
}

/// Bytes in binary units (`96 B`, `2.34 KiB`, `1.00 MiB`).
pub fn bytes(b: f64) -> String {
    if b >= 1024.0 * 1024.0 * 1024.0 {
        format!("{} GiB", sig3(b / (1024.0 * 1024.0 * 1024.0)))
    } else if b >= 1024.0 * 1024.0 {
        format!("{} MiB", sig3(b / (1024.0 * 1024.0)))
    } else if b >= 1024.0 {
        format!("{} KiB", sig3(b / 1024.0))
    } else {
        format!("{b:.0} B")
    }
}

/// A ratio as `×1.23`.
pub fn ratio(r: f64) -> String {
    if r.is_finite() {
        format!("×{}", sig3(r))
    } else {
        "–".to_string()
    }
}

/// A p-value (`<0.001` below a thousandth).
pub fn p_value(p: f64) -> String {
    if p < 0.001 {
        "<0.001".to_string()
    } else {
        format!("{p:.3}")
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a Markdown table cell: pipes escaped; a second line
/// (a note, shown muted in HTML) is put in parentheses.
pub fn md_cell(text: &str) -> String {
    let mut lines = text.split('\n');
    let mut out = lines.next().unwrap_or("").to_string();
    let rest: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    if !rest.is_empty() {
        out.push_str(&format!(" ({})", rest.join("; ")));
    }
    out.replace('|', "\\|")
}

/// A file-name-safe slug (`ed25519/dalek verify` → `ed25519-dalek-verify`).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(ns(812.34), "812 ns");
        assert_eq!(ns(33_842.0), "33.8 µs");
        assert_eq!(ns(1_048_413.0), "1.05 ms");
        assert_eq!(ns(2.0e9), "2.00 s");
        assert_eq!(bytes(96.0), "96 B");
        assert_eq!(bytes(2400.0), "2.34 KiB");
        assert_eq!(cycles(123_456.0), "123 k");
        assert_eq!(ratio(1.234), "×1.23");
        assert_eq!(
            slug("ed25519/dalek verify msg_len=32"),
            "ed25519-dalek-verify-msg-len-32"
        );
        assert_eq!(
            html_escape("<a href=\"x\">&"),
            "&lt;a href=&quot;x&quot;&gt;&amp;"
        );
    }
}
