//! Sign-off packets, rendered to PDF by Typst embedded as a library.
//!
//! A small World of our own serves one template (`templates/packet.typ`) and
//! three fonts shipped in this crate (Inter, SIL Open Font License, from
//! Debian's fonts-inter): no file system, no system fonts, no packages. The
//! packet's data goes in as JSON through `sys.inputs` — never pasted into
//! markup — so a name like `#panic("x")` or `]` prints literally. The
//! document date, identifier and creator are fixed by the content, so the
//! same data gives the same bytes on every machine. A character no font
//! covers is refused before rendering, naming it, instead of printing a box.

mod world;

use serde::Serialize;

pub use world::PacketWorld;

/// Who a packet is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// To circulate and sign: no grey-chart data at all.
    Signoff,
    /// For the release manager: adds the path to yes; marked confidential.
    Brief,
}

/// Why a packet could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PacketError {
    /// A character of the data is in none of the packet's fonts.
    #[error("{field} holds {character:?} (U+{code:04X}), which the packet's fonts cannot print")]
    Uncovered {
        /// Where it is, as a JSON path.
        field: String,
        /// The character.
        character: char,
        /// Its code point.
        code: u32,
    },
    /// Typst refused the template or the data.
    #[error("the packet could not be typeset: {0}")]
    Typeset(String),
}

/// Renders the packet described by `data` (JSON; see `templates/packet.typ`
/// for the fields) to PDF bytes.
pub fn render_pdf(data: &serde_json::Value) -> Result<Vec<u8>, PacketError> {
    let world = PacketWorld::new(data)?;
    let document = typst::compile::<typst_layout::PagedDocument>(&world).output.map_err(|errors| {
        PacketError::Typeset(errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; "))
    })?;
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(world.document_id().to_owned()),
        creator: typst::foundations::Smart::Custom(Some("Greychart".to_owned())),
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| {
        PacketError::Typeset(errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; "))
    })
}
