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

pub use world::PacketWorld;

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
/// for the fields: one packet, or a batch) to PDF bytes.
pub fn render_pdf(data: &serde_json::Value) -> Result<Vec<u8>, PacketError> {
    let (document, id) = typeset(data)?;
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(id),
        creator: typst::foundations::Smart::Custom(Some("Greychart".to_owned())),
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| typeset_error(&errors))
}

/// Renders the same pages as [`render_pdf`] as one SVG image each, for a
/// preview that matches the print.
pub fn render_svg(data: &serde_json::Value) -> Result<Vec<String>, PacketError> {
    let (document, _) = typeset(data)?;
    let options = typst_svg::SvgOptions::default();
    Ok(document.pages().iter().map(|page| typst_svg::svg(page, &options)).collect())
}

/// Lays the packet out in pages; with its document id.
fn typeset(data: &serde_json::Value) -> Result<(typst_layout::PagedDocument, String), PacketError> {
    let world = PacketWorld::new(data)?;
    let document =
        typst::compile::<typst_layout::PagedDocument>(&world).output.map_err(|errors| typeset_error(&errors))?;
    Ok((document, world.document_id().to_owned()))
}

/// Typst's messages, joined.
fn typeset_error(errors: &[typst::diag::SourceDiagnostic]) -> PacketError {
    PacketError::Typeset(errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; "))
}
