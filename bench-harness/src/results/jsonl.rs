//! The one reader of `results.jsonl`: every good line as JSON with its line
//! number. It never fails on the file's contents: a final line cut short by an
//! interrupted write is dropped (`torn`), a malformed line elsewhere is set
//! aside with its line number (`bad`) and every good line is kept, and a
//! record that `--resume` retried (same key, earlier status `error`) is
//! superseded by the later one. The runner (resume), reports, export and merge
//! all read through it and print [`JsonLines::problems`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{Error, Result};

/// One complete line of `results.jsonl`.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// 1-based line number in the file.
    pub number: usize,
    /// The record as JSON.
    pub value: Value,
}

impl Line {
    /// The record's `kind` (`measurement`, `workload`...; `unknown` when absent).
    pub fn kind(&self) -> &str {
        self.value
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or("unknown")
    }

    /// The record's unique `key`, if it has one.
    pub fn key(&self) -> Option<&str> {
        self.value.get("key").and_then(Value::as_str)
    }

    /// The record's `status` (`ok`, `gate-failed`, `error`), if it has one.
    pub fn status(&self) -> Option<&str> {
        self.value.get("status").and_then(Value::as_str)
    }
}

/// A line that is not a JSON object, set aside by the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based line number in the file.
    pub number: usize,
    /// What is wrong with it.
    pub detail: String,
}

/// The lines of a `results.jsonl` file.
#[derive(Clone, Debug)]
pub struct JsonLines {
    /// The file read.
    pub path: PathBuf,
    /// Every good line, in file order (blank lines skipped; a line superseded
    /// by a later retry of the same key left out).
    pub lines: Vec<Line>,
    /// The number of a final line cut short by an interrupted write (no
    /// newline after it and not valid JSON); it is left out of `lines`.
    pub torn: Option<usize>,
    /// Malformed lines other than a torn final one, left out of `lines`.
    pub bad: Vec<BadLine>,
    /// Line numbers of records superseded by a later record with the same
    /// key (`--resume` retrying a record that ended in `error`).
    pub superseded: Vec<usize>,
    /// Pairs (earlier, later) of lines repeating a key whose earlier record
    /// did not end in `error`: the later is kept, and it is reported.
    pub repeated: Vec<(usize, usize)>,
    /// Byte length of the file up to the end of its last complete line (the
    /// length a resumed run truncates a torn file to).
    pub complete_len: u64,
    /// The file ends with a complete JSON line that lacks its newline (the
    /// write stopped just before it).
    pub missing_newline: bool,
}

impl JsonLines {
    /// Reads `path`; only an unreadable file is an error.
    pub fn read(path: &Path) -> Result<JsonLines> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        Ok(Self::parse(path, &bytes))
    }

    /// Parses the bytes of a `results.jsonl` (read from `path`); never fails
    /// and never panics, whatever the bytes.
    pub fn parse(path: &Path, bytes: &[u8]) -> JsonLines {
        let mut out = JsonLines {
            path: path.to_path_buf(),
            lines: Vec::new(),
            torn: None,
            bad: Vec::new(),
            superseded: Vec::new(),
            repeated: Vec::new(),
            complete_len: 0,
            missing_newline: false,
        };
        let mut offset = 0usize;
        let mut number = 0usize;
        let mut good: Vec<Line> = Vec::new();
        while offset < bytes.len() {
            number += 1;
            let rest = &bytes[offset..];
            let (raw, ended) = match rest.iter().position(|b| *b == b'\n') {
                Some(i) => (&rest[..i], true),
                None => (rest, false),
            };
            offset += raw.len() + usize::from(ended);
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            let parsed = std::str::from_utf8(raw)
                .map_err(|e| format!("not UTF-8 ({e})"))
                .and_then(|text| {
                    if text.trim().is_empty() {
                        return Ok(None);
                    }
                    match serde_json::from_str::<Value>(text) {
                        Ok(v) if v.is_object() => Ok(Some(v)),
                        Ok(_) => Err("not a JSON object".to_string()),
                        Err(e) => Err(format!("not valid JSON ({e})")),
                    }
                });
            match parsed {
                Ok(value) => {
                    if ended {
                        out.complete_len = offset as u64;
                    } else if value.is_some() {
                        out.missing_newline = true;
                    }
                    if let Some(value) = value {
                        good.push(Line { number, value });
                    }
                }
                Err(_) if !ended => out.torn = Some(number),
                Err(detail) => {
                    out.complete_len = offset as u64;
                    out.bad.push(BadLine { number, detail });
                }
            }
        }
        // A later record with the same key replaces an earlier one.
        let mut last: HashMap<String, usize> = HashMap::new();
        for (i, line) in good.iter().enumerate() {
            if let Some(key) = line.key() {
                last.insert(key.to_string(), i);
            }
        }
        let numbers: Vec<usize> = good.iter().map(|l| l.number).collect();
        for (i, line) in good.into_iter().enumerate() {
            match line.key().and_then(|k| last.get(k)) {
                Some(&keep) if keep != i => {
                    if line.status() == Some("error") {
                        out.superseded.push(line.number);
                    } else {
                        out.repeated.push((line.number, numbers[keep]));
                    }
                }
                _ => out.lines.push(line),
            }
        }
        out
    }

    /// One sentence per problem found (torn, malformed or repeated lines),
    /// each naming the file and line, for the command line to print as
    /// warnings. Empty for a clean file.
    pub fn problems(&self) -> Vec<String> {
        let path = self.path.display();
        let mut out = Vec::new();
        for bad in &self.bad {
            out.push(format!(
                "{path}: line {}: {}; skipped (every other record is kept)",
                bad.number, bad.detail
            ));
        }
        for (earlier, later) in &self.repeated {
            out.push(format!(
                "{path}: line {earlier} repeats the key of line {later}; line {later} is used"
            ));
        }
        if let Some(line) = self.torn {
            out.push(format!(
                "{path}: line {line} was cut short by an interrupted write; ignored"
            ));
        }
        out
    }

    /// The lines of one `kind`, parsed as `T`; a line of that kind that does
    /// not parse is an error naming its line number.
    pub fn parse_kind<T: DeserializeOwned>(&self, kind: &str) -> Result<Vec<T>> {
        self.lines
            .iter()
            .filter(|l| l.kind() == kind)
            .map(|l| {
                serde_json::from_value(l.value.clone()).map_err(|e| Error::Results {
                    path: self.path.clone(),
                    detail: format!("line {}: {e}", l.number),
                })
            })
            .collect()
    }

    /// Like [`parse_kind`](Self::parse_kind), but a line that does not parse
    /// is set aside (returned with its line number and why) and the others
    /// kept.
    pub fn parse_kind_lenient<T: DeserializeOwned>(&self, kind: &str) -> (Vec<T>, Vec<BadLine>) {
        let mut good = Vec::new();
        let mut bad = Vec::new();
        for l in self.lines.iter().filter(|l| l.kind() == kind) {
            match serde_json::from_value(l.value.clone()) {
                Ok(v) => good.push(v),
                Err(e) => bad.push(BadLine {
                    number: l.number,
                    detail: format!("not a valid `{kind}` record ({e})"),
                }),
            }
        }
        (good, bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> JsonLines {
        JsonLines::parse(Path::new("results.jsonl"), text.as_bytes())
    }

    #[test]
    fn a_torn_final_line_is_dropped_and_numbered() {
        let lines = parse("{\"kind\":\"a\",\"key\":\"k1\"}\n\n{\"kind\":\"b\"}\n{\"ki");
        assert_eq!(lines.torn, Some(4));
        let numbers: Vec<usize> = lines.lines.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 3]);
        assert_eq!(lines.lines[0].key(), Some("k1"));
        assert_eq!(lines.lines[1].kind(), "b");
        assert_eq!(lines.complete_len, 38);
        assert!(lines.problems()[0].contains("line 4 was cut short"));
    }

    #[test]
    fn a_bad_middle_line_is_named_and_the_others_kept() {
        let lines = parse("{}\nnot json\n{\"key\":\"b\"}\n");
        assert_eq!(lines.lines.len(), 2);
        assert_eq!(lines.bad.len(), 1);
        assert_eq!(lines.bad[0].number, 2);
        let problems = lines.problems();
        assert!(problems[0].contains("results.jsonl: line 2: not valid JSON"));
        // A bad final line that does end in a newline was written whole: bad, not torn.
        let lines = parse("{}\n{\"k\n");
        assert_eq!((lines.torn, lines.bad.len()), (None, 1));
        assert_eq!(lines.bad[0].number, 2);
        // Valid JSON that is not an object is bad too.
        assert_eq!(parse("[1]\n").bad[0].detail, "not a JSON object");
    }

    #[test]
    fn a_whole_last_record_without_its_newline_is_kept() {
        let lines = parse("{\"key\":\"a\"}\n{\"key\":\"b\"}");
        assert_eq!(lines.lines.len(), 2);
        assert!(lines.missing_newline);
        assert_eq!(lines.torn, None);
        assert_eq!(lines.complete_len, 12);
    }

    #[test]
    fn a_retried_error_record_is_superseded() {
        let lines = parse(concat!(
            "{\"key\":\"a\",\"status\":\"error\"}\n",
            "{\"key\":\"b\",\"status\":\"ok\"}\n",
            "{\"key\":\"a\",\"status\":\"ok\"}\n",
            "{\"key\":\"b\",\"status\":\"ok\"}\n",
        ));
        let kept: Vec<usize> = lines.lines.iter().map(|l| l.number).collect();
        assert_eq!(kept, [3, 4]);
        assert_eq!(lines.superseded, [1]);
        assert_eq!(lines.repeated, [(2, 4)]);
        assert!(lines.problems()[0].contains("line 2 repeats the key of line 4"));
    }

    #[test]
    fn parse_kind_reports_the_line_of_a_bad_record() {
        let lines =
            parse("{\"kind\":\"n\",\"v\":1}\n{\"kind\":\"m\"}\n{\"kind\":\"n\",\"v\":\"x\"}\n");
        #[derive(Debug, serde::Deserialize)]
        struct N {
            #[allow(dead_code)]
            v: u32,
        }
        let err = lines.parse_kind::<N>("n").expect_err("bad record");
        assert!(err.to_string().contains("line 3"), "{err}");
        let (good, bad) = lines.parse_kind_lenient::<N>("n");
        assert_eq!((good.len(), bad.len(), bad[0].number), (1, 1, 3));
    }
}
