//! The Typst World of a packet: one template, our fonts, the data as input.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::PacketError;

/// The template, compiled into the binary.
const TEMPLATE: &str = include_str!("../templates/packet.typ");

/// The fonts, compiled into the binary: nothing is read from the system.
const FONTS: [&[u8]; 3] = [
    include_bytes!("../fonts/Inter-Regular.otf"),
    include_bytes!("../fonts/Inter-Bold.otf"),
    include_bytes!("../fonts/Inter-Italic.otf"),
];

/// Everything Typst may see while typesetting one packet.
pub struct PacketWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    today: Option<Datetime>,
    document_id: String,
}

impl PacketWorld {
    /// A world for the packet `data`; refuses a character no font covers.
    pub fn new(data: &serde_json::Value) -> Result<PacketWorld, PacketError> {
        let fonts: Vec<Font> = FONTS.iter().flat_map(|bytes| Font::iter(Bytes::new(bytes.to_vec()))).collect();
        check_coverage(data, "", &fonts)?;
        let json = serde_json::to_string(data).map_err(|e| PacketError::Typeset(e.to_string()))?;
        let mut inputs = Dict::new();
        inputs.insert("data".into(), json.as_str().into_value());
        let library = Library::builder().with_inputs(inputs).build();
        let path = VirtualPath::new("packet.typ").map_err(|e| PacketError::Typeset(format!("{e:?}")))?;
        let id = RootedPath::new(VirtualRoot::Project, path).intern();
        let text = |key: &str| data.get(key).and_then(serde_json::Value::as_str).unwrap_or_default().to_owned();
        let today = chrono::NaiveDate::parse_from_str(&text("packet_date"), "%Y-%m-%d").ok().and_then(|d| {
            use chrono::Datelike;
            Datetime::from_ymd(d.year(), u8::try_from(d.month()).ok()?, u8::try_from(d.day()).ok()?)
        });
        Ok(PacketWorld {
            library: LazyHash::new(library),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(id, TEMPLATE.to_owned()),
            today,
            document_id: text("document_id"),
        })
    }

    /// The document's identifier, from its content.
    pub fn document_id(&self) -> &str {
        &self.document_id
    }
}

impl World for PacketWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

/// Refuses any character of a string in `value` that the first (regular)
/// font cannot print, naming where it is.
fn check_coverage(value: &serde_json::Value, at: &str, fonts: &[Font]) -> Result<(), PacketError> {
    match value {
        serde_json::Value::String(s) => {
            for c in s.chars() {
                let printable = c.is_control() || fonts.iter().any(|f| f.info().coverage.contains(c as u32));
                if !printable {
                    return Err(PacketError::Uncovered { field: at.to_owned(), character: c, code: c as u32 });
                }
            }
            Ok(())
        }
        serde_json::Value::Array(items) => {
            items.iter().enumerate().try_for_each(|(i, v)| check_coverage(v, &format!("{at}[{i}]"), fonts))
        }
        serde_json::Value::Object(map) => map.iter().try_for_each(|(k, v)| {
            check_coverage(v, &if at.is_empty() { k.clone() } else { format!("{at}.{k}") }, fonts)
        }),
        _ => Ok(()),
    }
}
