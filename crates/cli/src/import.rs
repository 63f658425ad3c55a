//! `greychart import`: parse first (touching nothing), then apply in one
//! transaction; a workspace the import created is removed again on failure.

use std::path::Path;

use greychart_core::export::parse_workspace_json;
use greychart_core::import::{parse, read_folder, ColumnMap, FolderFile, ImportKind as Kind, Preset, Sheet};
use greychart_store::ImportReport;
use greychart_store::Workspace;

use crate::{Failure, ImportKind};

/// The largest file an import reads (a 100,000-person organisation's
/// claims are about 70 MB): a larger one is refused before it is read, so
/// a wrong or hostile file cannot exhaust the memory.
const MAX_IMPORT_BYTES: u64 = 128 * 1024 * 1024;

/// What the command line says about the file.
pub(crate) struct Source<'a> {
    pub kind: Option<ImportKind>,
    pub map: Option<&'a str>,
    pub preset: Option<Preset>,
    pub sheet: Option<&'a str>,
}

pub(crate) fn run(path: &Path, file: &Path, source: Source<'_>) -> Result<(), Failure> {
    let name = file.display().to_string();
    let input = |e: String| Failure::Input(e);
    let map = ColumnMap::parse(source.map.unwrap_or_default()).map_err(input)?;
    let whole = matches!(source.kind, Some(ImportKind::WorkspaceJson | ImportKind::CsvFolder));
    if whole && (!map.is_empty() || source.sheet.is_some()) {
        return Err(input("--map and --sheet apply to a table, not to a whole workspace".to_owned()));
    }
    if source.preset.is_some() && !matches!(source.kind, None | Some(ImportKind::Changes)) {
        return Err(input("--preset reads changes: leave out --kind, or give --kind changes".to_owned()));
    }
    let existed = path.exists();
    let result = match (source.kind, source.preset) {
        (Some(ImportKind::CsvFolder), _) => {
            let data = read_folder(&name, &folder_files(file)?).map_err(|e| input(e.to_string()))?;
            open_or_create(path, existed).and_then(|mut ws| Ok(ws.import_workspace(&data)?))
        }
        (Some(ImportKind::WorkspaceJson), _) => {
            let bytes = read(file)?;
            let text = std::str::from_utf8(&bytes)
                .map_err(|e| input(format!("{name}: not UTF-8 text (byte {})", e.valid_up_to())))?;
            let data = parse_workspace_json(&name, text).map_err(|e| input(e.to_string()))?;
            open_or_create(path, existed).and_then(|mut ws| Ok(ws.import_workspace(&data)?))
        }
        (_, Some(preset)) => {
            let sheet = Sheet::read(&name, &read(file)?, source.sheet).map_err(|e| input(e.to_string()))?;
            let plan = preset.read(&sheet).map_err(|e| input(e.to_string()))?;
            open_or_create(path, existed).and_then(|mut ws| Ok(ws.import_plan(&sheet.file, &plan, true)?))
        }
        (Some(kind), None) => {
            let kind = table_kind(kind).ok_or_else(|| input("no kind".to_owned()))?;
            let sheet = Sheet::read(&name, &read(file)?, source.sheet).map_err(|e| input(e.to_string()))?;
            let sheet = if map.is_empty() { sheet } else { map.map(kind, &sheet).map_err(|e| input(e.to_string()))? };
            let parsed = parse(kind, &sheet).map_err(|e| input(e.to_string()))?;
            open_or_create(path, existed).and_then(|mut ws| Ok(ws.import(&sheet.file, &parsed, true)?))
        }
        (None, None) => Err(input("say what the file holds with --kind, or name a --preset".to_owned())),
    };
    match result {
        Ok(report) => say_report(&report, &name, path),
        Err(e) => {
            if !existed {
                remove_workspace(path);
            }
            Err(e)
        }
    }
}

fn say_report(report: &ImportReport, name: &str, path: &Path) -> Result<(), Failure> {
    say!("imported {} rows from {name} into {}", report.rows, path.display());
    for team in &report.created_teams {
        say!("created team {team}");
    }
    for release in &report.created_releases {
        say!("created release {release}");
    }
    for component in &report.created_components {
        say!("created component {component}");
    }
    for note in &report.left_out {
        say!("left out: {note}");
    }
    Ok(())
}

/// The core's kind of a table file.
fn table_kind(kind: ImportKind) -> Option<Kind> {
    Some(match kind {
        ImportKind::People => Kind::People,
        ImportKind::Claims => Kind::Claims,
        ImportKind::Changes => Kind::Changes,
        ImportKind::Dependencies => Kind::Dependencies,
        ImportKind::Teams => Kind::Teams,
        ImportKind::Releases => Kind::Releases,
        ImportKind::Components => Kind::Components,
        ImportKind::Services => Kind::Services,
        ImportKind::Periods => Kind::Periods,
        ImportKind::Absences => Kind::Absences,
        ImportKind::ApprovalRules => Kind::ApprovalRules,
        ImportKind::Stances => Kind::Stances,
        ImportKind::Profiles => Kind::Profiles,
        ImportKind::Contacts => Kind::Contacts,
        ImportKind::WorkspaceJson | ImportKind::CsvFolder => return None,
    })
}

/// Reads a file, refusing one larger than an import takes.
fn read(file: &Path) -> Result<Vec<u8>, Failure> {
    let name = file.display();
    let size = std::fs::metadata(file).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(Failure::Input(format!(
            "{name} is {} MB; an import reads files of up to {} MB: split it into several files",
            size / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    std::fs::read(file).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))
}

/// The CSV files of a folder (other files, such as a README, are passed by).
fn folder_files(folder: &Path) -> Result<Vec<FolderFile>, Failure> {
    let name = folder.display();
    let entries =
        std::fs::read_dir(folder).map_err(|e| Failure::Input(format!("cannot read the folder {name}: {e}")))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Failure::Input(format!("cannot read the folder {name}: {e}")))?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.to_lowercase().ends_with(".csv") {
            files.push(FolderFile { bytes: read(&entry.path())?, name: file_name });
        }
    }
    if files.is_empty() {
        return Err(Failure::Input(format!("{name} holds no CSV file; export --format csv writes them")));
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

fn open_or_create(path: &Path, existed: bool) -> Result<Workspace, Failure> {
    Ok(if existed { crate::open(path)? } else { Workspace::create(path)? })
}

/// Removes a workspace file and its SQLite side files.
fn remove_workspace(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        // Best effort: the file may never have been created.
        let _ = std::fs::remove_file(p);
    }
}
