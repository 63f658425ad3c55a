//! Any bytes as a workspace JSON document: read, or refused with a message
//! naming the line, never a panic; what is read writes back and reads equal.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(workspace) = greychart_core::export::parse_workspace_json("workspace.json", text) {
        if let Ok(again) = greychart_core::export::workspace_json(&workspace, true) {
            let back = greychart_core::export::parse_workspace_json("again.json", &again);
            assert!(back.is_ok_and(|b| b == workspace), "a document read once does not read back equal");
        }
    }
});
