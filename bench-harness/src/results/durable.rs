//! Durable writes: records appended and synced one line at a time, files
//! replaced atomically, and the directory entries synced so a crash right
//! after a write keeps it.
//!
//! A failed append (disk full, file size limit, read-only file system) cuts
//! the file back to its length before the append, so a partial line is not
//! left behind when the file system allows it; the error names the file.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::{Error, Result};

/// Appends records, one flushed and synced line each.
pub struct RecordWriter {
    file: File,
    path: PathBuf,
    /// File length after the last complete append.
    len: u64,
}

impl RecordWriter {
    /// Opens `path` for appending (creating it if needed).
    pub fn open(path: &Path) -> Result<RecordWriter> {
        let file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        let len = file.metadata().map_err(|e| Error::io(path, e))?.len();
        Ok(RecordWriter {
            file,
            path: path.to_path_buf(),
            len,
        })
    }

    /// Appends one record (of any kind) and makes it durable before returning.
    pub fn append<T: Serialize>(&mut self, record: &T) -> Result<()> {
        let mut line = serde_json::to_vec(record).map_err(|e| Error::op("serialize record", e))?;
        line.push(b'\n');
        self.append_bytes(&line)
    }

    /// Appends raw bytes (a whole line, or a missing newline) durably.
    pub fn append_bytes(&mut self, bytes: &[u8]) -> Result<()> {
        let written = self
            .file
            .write_all(bytes)
            .and_then(|()| self.file.sync_data());
        match written {
            Ok(()) => {
                self.len += bytes.len() as u64;
                Ok(())
            }
            Err(e) => {
                // Best effort: drop the partial line (shrinking needs no space).
                let _ = self.file.set_len(self.len);
                let _ = self.file.sync_data();
                Err(Error::io(&self.path, e))
            }
        }
    }
}

/// Writes `bytes` to `path` via a temporary file and a rename, then syncs the
/// directory, so readers never see a half-written file and a crash after
/// return keeps the new one. On failure the old file is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    let result = (|| {
        let mut f = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        f.write_all(bytes).map_err(|e| Error::io(&tmp, e))?;
        f.sync_all().map_err(|e| Error::io(&tmp, e))?;
        fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    sync_dir(path.parent().unwrap_or(Path::new(".")))
}

/// Syncs a directory so entries created or renamed in it survive a crash.
pub fn sync_dir(dir: &Path) -> Result<()> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_and_atomic_writes_land_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("r.jsonl");
        let mut w = RecordWriter::open(&path).expect("open");
        w.append(&serde_json::json!({"key": "a"})).expect("append");
        w.append(&serde_json::json!({"key": "b"})).expect("append");
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            "{\"key\":\"a\"}\n{\"key\":\"b\"}\n"
        );
        let run = dir.path().join("run.json");
        write_atomic(&run, b"one").expect("write");
        write_atomic(&run, b"two").expect("rewrite");
        assert_eq!(fs::read(&run).expect("read"), b"two");
        assert!(!dir.path().join("run.tmp").exists());
        // A write into a missing directory fails with its path, leaving nothing.
        let err = write_atomic(&dir.path().join("no/run.json"), b"x").expect_err("no dir");
        assert!(err.to_string().contains("no/run.tmp"), "{err}");
    }
}
