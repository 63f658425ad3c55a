//! Generates the permissions of our own commands, so that the capability file
//! can allow exactly the commands the UI uses.

fn main() {
    let commands = &[
        "workspace_info",
        "workspace_data",
        "influence",
        "broker_scores",
        "analysis_progress",
        "cancel_analysis",
        "sway_edges",
        "claims_page",
        "person_evidence",
        "strongest_path",
        "evidence_summary",
        "factions",
        "save_person",
        "delete_person",
        "save_claim",
        "delete_claim",
        "add_engagement",
        "map_positions",
        "save_map_positions",
        "clear_map_positions",
        "new_workspace",
        "open_workspace",
        "save_workspace_as",
        "plan",
        "impact",
        "save_release",
        "save_change",
        "save_dependency",
        "delete_dependency",
        "export_schedule",
        "path_to_yes",
        "record_decision",
        "add_requirement",
        "remove_requirement",
        "schedule_release",
        "packet_preview",
        "save_packet",
        "print_packet",
        "history",
        "undo",
        "redo",
        "step_to",
        "unlock_workspace",
        "set_passphrase",
        "export_workspace",
    ];
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(e) = tauri_build::try_build(attributes) {
        println!("cargo::error=tauri build step failed: {e}");
    }
}
