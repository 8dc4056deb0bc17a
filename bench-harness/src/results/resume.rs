//! Continuing an interrupted run: which records are finished, which are
//! retried, and a clean end of file to append to.

use std::collections::HashSet;
use std::fs::OpenOptions;

use super::RunDir;
use super::durable::{RecordWriter, sync_dir};
use crate::{Error, Result};

/// What `--resume` found in `results.jsonl`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResumeState {
    /// Keys of finished records (every kind), skipped by the resumed run.
    pub done: HashSet<String>,
    /// Keys of records that ended in `error`: run again, and the new record
    /// (appended) supersedes the old one.
    pub retry: Vec<String>,
    /// What was repaired or set aside, one sentence each (torn final line
    /// removed, malformed lines skipped...), for the command line to print.
    pub notes: Vec<String>,
}

impl RunDir {
    /// Prepares `results.jsonl` for a resumed run and says what is finished.
    ///
    /// Nothing finished is rewritten: a torn final line (a record whose write
    /// was cut short) is cut off, a last record that lacks only its newline
    /// gets one, malformed middle lines are left in place (and skipped by
    /// every reader), and the records that ended in `error` are listed for a
    /// retry.
    pub fn prepare_resume(&self) -> Result<ResumeState> {
        let path = self.results_path();
        let read = self.read_lines()?;
        let mut notes: Vec<String> = read
            .bad
            .iter()
            .map(|b| {
                format!(
                    "{}: line {}: {}; left in place and skipped",
                    path.display(),
                    b.number,
                    b.detail
                )
            })
            .collect();
        if let Some(line) = read.torn {
            let file = OpenOptions::new()
                .write(true)
                .open(&path)
                .map_err(|e| Error::io(&path, e))?;
            file.set_len(read.complete_len)
                .and_then(|()| file.sync_all())
                .map_err(|e| Error::io(&path, e))?;
            notes.push(format!(
                "{}: line {line} was cut short by an interrupted write; removed, its job runs again",
                path.display()
            ));
        } else if read.missing_newline {
            RecordWriter::open(&path)?.append_bytes(b"\n")?;
        }
        sync_dir(self.path())?;
        let mut state = ResumeState {
            notes,
            ..ResumeState::default()
        };
        for line in &read.lines {
            let Some(key) = line.key() else { continue };
            if line.status() == Some("error") {
                state.retry.push(key.to_string());
            } else {
                state.done.insert(key.to_string());
            }
        }
        Ok(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A crash can cut `results.jsonl` at any byte; for every cut, a resume
    /// keeps exactly the records written whole, and what it appends next
    /// lands on a line of its own.
    #[test]
    fn a_cut_at_any_byte_keeps_every_whole_record_and_appends_cleanly() {
        let records: Vec<String> = (0..4)
            .map(|i| {
                let status = if i == 2 { "error" } else { "ok" };
                json!({"kind": "measurement", "key": format!("k{i}"), "status": status, "v": "é"})
                    .to_string()
            })
            .collect();
        let whole: String = records.iter().map(|r| format!("{r}\n")).collect();
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = RunDir {
            path: tmp.path().to_path_buf(),
        };
        for cut in 0..=whole.len() {
            std::fs::write(dir.results_path(), &whole.as_bytes()[..cut]).expect("write");
            let state = dir.prepare_resume().expect("resume");
            // Records whose JSON text is complete within the cut (newline or not).
            let mut start = 0;
            let mut expect_done = HashSet::new();
            let mut expect_retry = Vec::new();
            for (i, r) in records.iter().enumerate() {
                if start + r.len() <= cut {
                    if i == 2 {
                        expect_retry.push(format!("k{i}"));
                    } else {
                        expect_done.insert(format!("k{i}"));
                    }
                }
                start += r.len() + 1;
            }
            assert_eq!(state.done, expect_done, "cut at byte {cut}");
            assert_eq!(state.retry, expect_retry, "cut at byte {cut}");
            let mut w = dir.appender().expect("appender");
            w.append(&json!({"key": "new", "status": "ok"}))
                .expect("append");
            let read = dir.read_lines().expect("read");
            assert_eq!(read.torn, None, "cut at byte {cut}");
            assert!(read.bad.is_empty(), "cut at byte {cut}: {:?}", read.bad);
            let keys: Vec<&str> = read.lines.iter().filter_map(|l| l.key()).collect();
            assert_eq!(keys.len(), expect_done.len() + expect_retry.len() + 1);
            assert_eq!(keys.last(), Some(&"new"));
            // Nothing finished was rewritten: the file starts with the whole records kept.
            let text = std::fs::read_to_string(dir.results_path()).expect("read");
            let kept: String = records
                .iter()
                .take(expect_done.len() + expect_retry.len())
                .map(|r| format!("{r}\n"))
                .collect();
            assert!(text.starts_with(&kept), "cut at byte {cut}");
        }
    }
}
