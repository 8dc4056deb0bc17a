//! The one reader of `results.jsonl`: every complete line as JSON with its
//! line number, tolerant of a final line cut short by an interrupted write.
//! The runner (resume), reports and merge all read through it.

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
}

/// The complete lines of a `results.jsonl` file.
#[derive(Clone, Debug)]
pub struct JsonLines {
    /// The file read.
    pub path: PathBuf,
    /// Every complete line, in file order (blank lines skipped).
    pub lines: Vec<Line>,
    /// The number of a final line cut short by an interrupted write (no
    /// newline after it and not valid JSON); it is left out of `lines`.
    pub torn: Option<usize>,
}

impl JsonLines {
    /// Reads `path`. A malformed line other than a torn final one is an error
    /// naming its line number.
    pub fn read(path: &Path) -> Result<JsonLines> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        Self::parse(path, &bytes)
    }

    fn parse(path: &Path, bytes: &[u8]) -> Result<JsonLines> {
        let ends_with_newline = bytes.last().is_none_or(|b| *b == b'\n');
        let text = String::from_utf8_lossy(bytes);
        let raw: Vec<&str> = text.lines().collect();
        let mut lines = Vec::new();
        let mut torn = None;
        for (i, line) in raw.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Value>(line) {
                Ok(value) => lines.push(Line {
                    number: i + 1,
                    value,
                }),
                Err(_) if i + 1 == raw.len() && !ends_with_newline => torn = Some(i + 1),
                Err(e) => {
                    return Err(Error::Results {
                        path: path.to_path_buf(),
                        detail: format!("line {}: {e}", i + 1),
                    });
                }
            }
        }
        Ok(JsonLines {
            path: path.to_path_buf(),
            lines,
            torn,
        })
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<JsonLines> {
        JsonLines::parse(Path::new("results.jsonl"), text.as_bytes())
    }

    #[test]
    fn a_torn_final_line_is_dropped_and_numbered() {
        let lines =
            parse("{\"kind\":\"a\",\"key\":\"k1\"}\n\n{\"kind\":\"b\"}\n{\"ki").expect("read");
        assert_eq!(lines.torn, Some(4));
        let numbers: Vec<usize> = lines.lines.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 3]);
        assert_eq!(lines.lines[0].key(), Some("k1"));
        assert_eq!(lines.lines[1].kind(), "b");
    }

    #[test]
    fn a_bad_middle_line_names_its_number() {
        let err = parse("{}\nnot json\n{}\n").expect_err("bad line");
        assert!(err.to_string().contains("line 2"), "{err}");
        // A bad final line that does end in a newline was written whole: an error.
        let err = parse("{}\n{\"k\n").expect_err("bad last line");
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn parse_kind_reports_the_line_of_a_bad_record() {
        let lines =
            parse("{\"kind\":\"n\",\"v\":1}\n{\"kind\":\"m\"}\n{\"kind\":\"n\",\"v\":\"x\"}\n")
                .expect("read");
        #[derive(Debug, serde::Deserialize)]
        struct N {
            #[allow(dead_code)]
            v: u32,
        }
        let err = lines.parse_kind::<N>("n").expect_err("bad record");
        assert!(err.to_string().contains("line 3"), "{err}");
    }
}
