//! Greychart's desktop shell: a window, a session and thin commands over the
//! core and the store. No business logic lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod analysis;
mod commands;
mod exports;
mod history;
mod packets;
mod planning;
mod session;

use std::path::PathBuf;
use std::sync::Mutex;

use tauri::Manager;

use session::Session;

fn main() {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let home = match std::env::var_os("GREYCHART_HOME") {
                Some(home) => PathBuf::from(home),
                None => app.path().app_data_dir()?,
            };
            let mut session = Session::new(home);
            match session.open_initial(chrono::Local::now().date_naive()) {
                Ok(info) => {
                    if let Some(window) = app.get_webview_window("main") {
                        commands::title_for(&window, &info);
                    }
                }
                // The window opens anyway and offers New and Open.
                Err(e) => eprintln!("greychart: could not open a workspace: {}", e.message),
            }
            app.manage(Mutex::new(session));
            app.manage(analysis::Analyses::default());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace_info,
            commands::workspace_data,
            commands::influence,
            commands::broker_scores,
            commands::analysis_progress,
            commands::cancel_analysis,
            commands::sway_edges,
            commands::claims_page,
            commands::person_evidence,
            commands::strongest_path,
            commands::evidence_summary,
            commands::factions,
            commands::save_person,
            commands::delete_person,
            commands::save_claim,
            commands::delete_claim,
            commands::add_engagement,
            commands::map_positions,
            commands::save_map_positions,
            commands::clear_map_positions,
            commands::new_workspace,
            commands::open_workspace,
            commands::save_workspace_as,
            planning::plan,
            planning::impact,
            planning::save_release,
            planning::save_change,
            planning::save_dependency,
            planning::delete_dependency,
            planning::export_schedule,
            planning::path_to_yes,
            planning::record_decision,
            planning::add_requirement,
            planning::remove_requirement,
            planning::schedule_release,
            packets::packet_preview,
            packets::save_packet,
            packets::print_packet,
            history::history,
            history::undo,
            history::redo,
            history::step_to,
            commands::unlock_workspace,
            commands::set_passphrase,
            exports::export_workspace,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("greychart: {e}");
        std::process::exit(1);
    }
}
