//! The cache's binary encoding: little-endian numbers, length-prefixed text, and a checksum over
//! each section. Reading never trusts a length: every read is checked against what is left of
//! the section (itself checked against the file's size), so bad bytes give `None`, never a panic
//! or a huge allocation.

use std::io::Read;

/// A fast checksum over a stream of bytes, the same however the stream is cut: four lanes of
/// multiply-rotate over 8-byte words. It finds torn writes and flipped bits; it is no defence
/// against someone who writes the cache on purpose (the cache directory is the user's alone, and
/// every read is checked anyway).
#[derive(Clone)]
pub struct Checksum {
    lanes: [u64; 4],
    pending: [u8; 32],
    filled: usize,
    total: u64,
}

const PRIME: u64 = 0x9E37_79B1_85EB_CA87;

impl Default for Checksum {
    fn default() -> Self {
        Checksum {
            lanes: [1, 2, 3, 4],
            pending: [0; 32],
            filled: 0,
            total: 0,
        }
    }
}

impl Checksum {
    fn block(&mut self, block: &[u8]) {
        for (lane, word) in self.lanes.iter_mut().zip(block.chunks_exact(8)) {
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            *lane = (*lane ^ word).wrapping_mul(PRIME).rotate_left(29);
        }
    }

    pub fn update(&mut self, mut bytes: &[u8]) {
        self.total += bytes.len() as u64;
        if self.filled > 0 {
            let take = (32 - self.filled).min(bytes.len());
            self.pending[self.filled..self.filled + take].copy_from_slice(&bytes[..take]);
            self.filled += take;
            bytes = &bytes[take..];
            if self.filled < 32 {
                return;
            }
            let pending = self.pending;
            self.block(&pending);
            self.filled = 0;
        }
        let mut blocks = bytes.chunks_exact(32);
        for block in &mut blocks {
            self.block(block);
        }
        let rest = blocks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.filled = rest.len();
    }

    pub fn finish(&self) -> u64 {
        let mut last = [0u8; 32];
        last[..self.filled].copy_from_slice(&self.pending[..self.filled]);
        let mut copy = self.clone();
        copy.block(&last);
        copy.lanes
            .iter()
            .fold(copy.total.wrapping_mul(PRIME), |sum, lane| {
                (sum ^ lane).wrapping_mul(PRIME).rotate_left(31)
            })
    }
}

/// Bytes being written, with their checksum.
#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    /// A length: saturated to 32 bits (nothing cuecard caches comes near).
    pub fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    pub fn strs(&mut self, list: &[String]) {
        self.len(list.len());
        for s in list {
            self.str(s);
        }
    }
    /// A long run of bytes (a text arena): a 64-bit length.
    pub fn blob(&mut self, bytes: &[u8]) {
        self.u64(bytes.len() as u64);
        self.bytes.extend_from_slice(bytes);
    }
}

/// Reads one section of `left` bytes from `inner`, checksumming what it reads.
pub struct Reader<R> {
    inner: R,
    left: u64,
    /// `None` for bytes already checksummed (a part of a section read again).
    sum: Option<Checksum>,
}

/// How many bytes a chunked read of numbers takes at once.
const CHUNK: usize = 64 * 1024;

impl<R: Read> Reader<R> {
    pub fn new(inner: R, left: u64) -> Self {
        Reader {
            inner,
            left,
            sum: Some(Checksum::default()),
        }
    }

    /// A reader of bytes whose checksum was checked as part of their section.
    pub fn checked(inner: R, left: u64) -> Self {
        Reader {
            inner,
            left,
            sum: None,
        }
    }

    /// Exactly `n` bytes, or `None` past the section's end or on a read error.
    pub fn bytes(&mut self, n: usize) -> Option<Vec<u8>> {
        if n as u64 > self.left {
            return None;
        }
        let mut bytes = vec![0; n];
        self.fill(&mut bytes)?;
        Some(bytes)
    }

    fn fill(&mut self, buffer: &mut [u8]) -> Option<()> {
        if buffer.len() as u64 > self.left {
            return None;
        }
        self.inner.read_exact(buffer).ok()?;
        self.left -= buffer.len() as u64;
        if let Some(sum) = &mut self.sum {
            sum.update(buffer);
        }
        Some(())
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let mut bytes = [0; N];
        self.fill(&mut bytes)?;
        Some(bytes)
    }

    pub fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }
    pub fn u16(&mut self) -> Option<u16> {
        self.array().map(u16::from_le_bytes)
    }
    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }
    pub fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }
    /// A count of items each at least `min_size` bytes long: no more than the section can hold.
    pub fn count(&mut self, min_size: u64) -> Option<usize> {
        let n = u64::from(self.u32()?);
        (n.saturating_mul(min_size.max(1)) <= self.left).then_some(n as usize)
    }
    pub fn str(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.bytes(n)?).ok()
    }
    pub fn opt_str(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.str().map(Some),
            _ => None,
        }
    }
    pub fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.count(4)?;
        (0..n).map(|_| self.str()).collect()
    }
    pub fn blob(&mut self) -> Option<Vec<u8>> {
        let n = usize::try_from(self.u64()?).ok()?;
        self.bytes(n)
    }

    /// `n` numbers of `N` bytes each, read a chunk at a time (no second copy of the whole);
    /// `None` as soon as `from` refuses one.
    pub fn numbers<const N: usize, T>(
        &mut self,
        n: usize,
        mut from: impl FnMut([u8; N]) -> Option<T>,
    ) -> Option<Vec<T>> {
        if (n as u64).saturating_mul(N as u64) > self.left {
            return None;
        }
        let mut out = Vec::with_capacity(n);
        let mut chunk = vec![0u8; CHUNK - CHUNK % N];
        let mut remaining = n;
        while remaining > 0 {
            let take = remaining.min(chunk.len() / N);
            let part = &mut chunk[..take * N];
            self.fill(part)?;
            for c in part.chunks_exact(N) {
                out.push(from(c.try_into().unwrap_or([0; N]))?);
            }
            remaining -= take;
        }
        Some(out)
    }

    /// True when every byte was read.
    pub fn is_done(&self) -> bool {
        self.left == 0
    }

    /// True when the whole section was read and its checksum is `expected`.
    pub fn finish(self, expected: u64) -> bool {
        self.left == 0 && self.sum.is_some_and(|sum| sum.finish() == expected)
    }
}

/// True when `text` may stand in content: no character that drives a terminal but newline and
/// tab (as the loader checks). Fast on long texts: the bytes below 128 are checked in blocks the
/// compiler turns into vector code, and the only other characters that can drive a terminal (C1
/// controls, U+0080 to U+009F, and the bidi overrides U+202A to U+202E and U+2066 to U+2069) begin
/// with the bytes 0xC2 and 0xE2, so only characters starting there are decoded.
pub fn clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let ascii = bytes.chunks(4096).all(|block| {
        block.iter().fold(true, |ok, &b| {
            ok & ((b >= 0x20 && b != 0x7f) | (b == b'\n') | (b == b'\t'))
        })
    });
    ascii
        && memchr::memchr2_iter(0xC2, 0xE2, bytes).all(|at| {
            text.get(at..)
                .and_then(|rest| rest.chars().next())
                .is_none_or(crate::text::allowed_in_content)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_does_not_depend_on_how_the_bytes_are_cut() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut whole = Checksum::default();
        whole.update(&bytes);
        for cut in [1, 3, 31, 32, 33, 500] {
            let mut parts = Checksum::default();
            for part in bytes.chunks(cut) {
                parts.update(part);
            }
            assert_eq!(parts.finish(), whole.finish(), "cut {cut}");
        }
        let mut flipped = bytes.clone();
        flipped[999] ^= 1;
        let mut other = Checksum::default();
        other.update(&flipped);
        assert_ne!(other.finish(), whole.finish());
        let mut shorter = Checksum::default();
        shorter.update(&bytes[..999]);
        assert_ne!(shorter.finish(), whole.finish());
    }

    #[test]
    fn clean_agrees_with_the_loader_character_by_character() {
        let samples = [
            "plain text\nwith\ttabs",
            "caf\u{e9} na\u{ef}ve \u{d8}rsted \u{2014} \u{201c}quotes\u{201d}",
            "\u{1b}[2J",
            "bell\u{7}",
            "del\u{7f}",
            "c1 \u{85} \u{9b}",
            "bidi \u{202e} \u{2066} \u{2069}",
            "just past bidi \u{202f} \u{2065} \u{206a}",
            "\u{a0}\u{ff}\u{100}\u{7ff}\u{800}\u{ffff}\u{10000}",
            "",
        ];
        for sample in samples {
            let slow = sample.chars().all(crate::text::allowed_in_content);
            assert_eq!(clean(sample), slow, "{sample:?}");
        }
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(
                clean(&text),
                crate::text::allowed_in_content(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn lengths_past_the_section_are_refused() {
        let mut w = Writer::default();
        w.u32(1_000_000);
        let mut r = Reader::new(&w.bytes[..], w.bytes.len() as u64);
        assert_eq!(r.str(), None);
        let mut r = Reader::new(&w.bytes[..], w.bytes.len() as u64);
        assert_eq!(r.count(1), None);
    }
}
