//! Reading the text files the catalog and the CLI take whole (grid files,
//! product files) under a size limit, so that a huge or endless file (a
//! mistaken path, `/dev/zero`, a hostile upload) is refused by name instead
//! of filling memory.

use std::io::Read;
use std::path::Path;

/// Largest grid file read by [`crate::Catalog::load_dir`] and
/// [`crate::catalog::read_toml_files`], in bytes (10 MB). A grid of 10,000
/// criteria takes about 7 MB.
pub const MAX_GRID_FILE_BYTES: u64 = 10_000_000;

/// Largest product self-assessment file (TOML or JSON), in bytes (10 MB).
/// A real one takes a few kB.
pub const MAX_PRODUCT_FILE_BYTES: u64 = 10_000_000;

/// Reads a UTF-8 text file of at most `max` bytes. The size is checked
/// before reading, and again while reading (a file that grows, or a device
/// without a size, is cut at `max + 1` bytes and refused). `what` names the
/// kind of file in the error, e.g. `"a grid file"`.
///
/// A file over the limit is an [`std::io::ErrorKind::FileTooLarge`] error
/// whose message names the limit, e.g. `file size exceeds the limit of 10 MB
/// for a grid file`; text that is not UTF-8 is
/// [`std::io::ErrorKind::InvalidData`]. Neither message repeats the path:
/// callers add it.
pub fn read_text_limited(path: &Path, max: u64, what: &str) -> std::io::Result<String> {
    let too_large = || {
        std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "file size exceeds the limit of {} for {what}",
                show_bytes(max)
            ),
        )
    };
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > max {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// `10 MB`, `250 kB`, `12 bytes` (powers of 1000).
fn show_bytes(n: u64) -> String {
    const MB: u64 = 1_000_000;
    if n >= MB && n.is_multiple_of(MB) {
        format!("{} MB", n / MB)
    } else if n >= 1000 && n.is_multiple_of(1000) {
        format!("{} kB", n / 1000)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_by_size() {
        let dir = std::env::temp_dir().join(format!("reset-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("g.toml");
        std::fs::write(&p, "x".repeat(2001)).unwrap();
        let e = read_text_limited(&p, 2000, "a grid file").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::FileTooLarge);
        assert_eq!(
            e.to_string(),
            "file size exceeds the limit of 2 kB for a grid file"
        );
        assert_eq!(
            read_text_limited(&p, 2001, "a grid file").unwrap().len(),
            2001
        );
        std::fs::write(&p, b"ok \xff").unwrap();
        let e = read_text_limited(&p, 2000, "a grid file").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("offset 3"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_device_is_cut_at_the_limit() {
        let e = read_text_limited(Path::new("/dev/zero"), 1000, "a product file").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::FileTooLarge, "{e}");
    }

    #[test]
    fn sizes() {
        assert_eq!(show_bytes(10_000_000), "10 MB");
        assert_eq!(show_bytes(12_000), "12 kB");
        assert_eq!(show_bytes(999), "999 bytes");
    }
}
