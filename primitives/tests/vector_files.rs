//! `vectors/README.md` lists every vector file with its sha256: each file in
//! `vectors/` (licences and upstream READMEs aside) has a row, and each row's
//! hash is the file's.

mod common;

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

#[test]
fn every_vector_file_has_a_row_with_its_hash() {
    let dir = common::vectors_dir();
    let readme = std::fs::read_to_string(dir.join("README.md")).expect("vectors/README.md");
    let mut listed = BTreeSet::new();
    for line in readme.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split('`').collect();
        let (Some(file), Some(hash)) = (cells.get(1), cells.get(3)) else {
            continue;
        };
        if hash.len() != 64 {
            continue; // the table of the crate's embedded files
        }
        let bytes = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            hex::encode(Sha256::digest(&bytes)),
            *hash,
            "sha256 of {file}"
        );
        listed.insert(file.to_string());
    }
    let mut present = BTreeSet::new();
    walk(&dir, &dir, &mut present);
    assert_eq!(
        listed, present,
        "vectors/README.md rows vs files in vectors/"
    );
}

/// Every data file under `dir`, relative to `root` (licences, upstream
/// READMEs and `vectors/README.md` itself aside).
fn walk(root: &std::path::Path, dir: &std::path::Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            walk(root, &path, out);
            continue;
        }
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if name == "LICENSE" || name.starts_with("UPSTREAM-") || path.parent() == Some(root) {
            continue;
        }
        let rel = path.strip_prefix(root).expect("under root");
        out.insert(rel.to_string_lossy().into_owned());
    }
}
