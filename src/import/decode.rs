//! Bytes to text: the encoding found (byte-order marks, UTF-8, UTF-16
//! without a mark, then a detector for legacy encodings) and named, so the
//! preview can say what it read.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Text read from a file and the encoding it was in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// How the file was encoded, for people: "UTF-8 with BOM", "windows-1252".
    pub encoding: String,
    /// Whether some bytes could not be read in that encoding (shown as �).
    pub had_errors: bool,
}

/// Why bytes are not text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotText {
    /// Nothing in the file.
    Empty,
    /// Control bytes no list holds: a program, an image, a zip.
    Binary,
}

/// Reads `bytes` as text in the encoding they appear to be in.
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(NotText::Empty);
    }
    if let Some((encoding, mark)) = Encoding::for_bom(bytes) {
        let name = format!("{} with BOM", encoding.name());
        return Ok(decode_with(encoding, &bytes[mark..], name));
    }
    if let Some(encoding) = utf16_without_mark(bytes) {
        return Ok(decode_with(encoding, bytes, encoding.name().to_owned()));
    }
    if looks_binary(bytes) {
        return Err(NotText::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: "UTF-8".to_owned(),
            had_errors: false,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    Ok(decode_with(encoding, bytes, encoding.name().to_owned()))
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8], name: String) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: name,
        had_errors,
    }
}

/// Text of mostly ASCII letters in UTF-16 has a zero in every other byte.
fn utf16_without_mark(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_at = |offset: usize| {
        sample
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 7 && even * 10 < pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Zero bytes or many control bytes: no spreadsheet writes text like that.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|b| **b == 0 || (**b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    sample.contains(&0) || controls * 100 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_name_the_encoding_and_are_dropped() {
        let with_mark = decode(b"\xEF\xBB\xBFName\r\nZo\xC3\xAB\r\n").expect("text");
        assert_eq!(with_mark.encoding, "UTF-8 with BOM");
        assert_eq!(with_mark.text, "Name\r\nZoë\r\n");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Name\tŁukasz".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let read = decode(&utf16).expect("text");
        assert_eq!(read.encoding, "UTF-16LE with BOM");
        assert_eq!(read.text, "Name\tŁukasz");
    }

    #[test]
    fn utf16_without_a_mark_is_recognised() {
        let be: Vec<u8> = "Name,Email\nAna,ana@example.org\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let read = decode(&be).expect("text");
        assert_eq!(read.encoding, "UTF-16BE");
        assert!(read.text.starts_with("Name,Email"));
    }

    #[test]
    fn plain_utf8_is_utf8() {
        let read = decode("Nom;Prénom\nNguyễn;Thị\n".as_bytes()).expect("text");
        assert_eq!(read.encoding, "UTF-8");
        assert!(!read.had_errors);
    }

    #[test]
    fn legacy_encodings_are_detected() {
        // "Name,Worksite\nJosé Muñoz,Bäckerei Straße\n" as Excel on Windows writes it.
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Name,Worksite\nJosé Muñoz,Bäckerei Straße\nFrançoise Léger,Hôpital Général\n");
        let read = decode(&bytes).expect("text");
        assert_eq!(read.encoding, "windows-1252");
        assert!(read.text.contains("José Muñoz"), "{}", read.text);
        let (cyrillic, _, _) = encoding_rs::WINDOWS_1251
            .encode("Имя,Место работы\nАнна Иванова,Больница номер один\n");
        let read = decode(&cyrillic).expect("text");
        assert_eq!(read.encoding, "windows-1251");
        assert!(read.text.contains("Анна Иванова"));
    }

    #[test]
    fn empty_and_binary_files_are_not_text() {
        assert_eq!(decode(b""), Err(NotText::Empty));
        assert_eq!(decode(b" \r\n\t"), Err(NotText::Empty));
        assert_eq!(
            decode(b"PK\x03\x04\x14\x00\x00\x00\x08\x00"),
            Err(NotText::Binary)
        );
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\x00\x00\x00"),
            Err(NotText::Binary)
        );
    }
}
