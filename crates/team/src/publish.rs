//! Publish: the shared part of a workspace uploaded into an empty team
//! database, and the workspace made a team workspace of it. The upload and
//! the file's own part run side by side, and neither commits alone: the
//! team commits once the file has written its part, the file once the team
//! has committed. A failure of the upload, or of the file's part before it,
//! leaves both as they were; only the file's final commit, after the team's,
//! can still fail (then the team holds the plan and the file is not linked:
//! join it).

use greychart_store::{SharedRecord, Workspace};
use tokio::sync::oneshot;

use crate::connect::{without_password, Connection};
use crate::error::{Result, TeamError};
use crate::sync::store;

/// Records uploaded per statement: one round trip for thousands.
const BATCH: usize = 5_000;

/// What a publish uploaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Published {
    /// The shared records.
    pub records: usize,
    /// The decisions given in the workspace before it had a team, each the
    /// current one of an approver on a release.
    pub decisions: usize,
    /// Why the team refused any of those decisions.
    pub refused: Vec<String>,
}

/// What the team says once it has committed: its watermark, and the
/// publishing user's person and role.
struct Uploaded {
    watermark: String,
    person: String,
    role: String,
}

impl Connection {
    /// Uploads the shared part of `ws` into an empty team database; `ws`
    /// becomes a team workspace of `url`. Refused, writing nothing, when
    /// the database already holds a team.
    pub fn publish(&self, ws: &mut Workspace, url: &str) -> Result<Published> {
        let records = ws.shared_records().map_err(store)?;
        let mut person = String::new();
        std::thread::scope(|scope| {
            let (go, ready) = oneshot::channel();
            let upload = scope.spawn(|| self.upload(&records, ready));
            ws.adopt_as_team_when(&records, || {
                // The file has its part: the team may commit. (A dropped
                // `go`, when the file failed, rolls the upload back.)
                let _ = go.send(());
                let uploaded = upload
                    .join()
                    .unwrap_or_else(|_| Err(TeamError::Invalid("the upload stopped: nothing was published".into())))?;
                person.clone_from(&uploaded.person);
                Ok::<_, TeamError>(vec![
                    ("team_url", without_password(url)),
                    ("team_login", self.login.clone()),
                    ("team_person", uploaded.person),
                    ("team_role", uploaded.role),
                    ("team_watermark", uploaded.watermark),
                ])
            })
        })
        .map_err(store)??;
        // The decisions given here before: the team's now, as recorded by
        // the manager publishing.
        crate::decisions::queue_earlier_decisions(ws, &self.login, &person)?;
        let (decided, refused) = self.push_decisions(ws)?;
        Ok(Published { records: records.len(), decisions: decided, refused })
    }

    /// Inserts `records` into the empty team database in one transaction,
    /// and commits it once `go` comes.
    fn upload(&self, records: &[SharedRecord], go: oneshot::Receiver<()>) -> Result<Uploaded> {
        self.run(async {
            let mut client = self.pool.get().await?;
            let tx = client.transaction().await?;
            let held: i64 = tx.query_one("SELECT count(*) FROM greychart.records", &[]).await?.get(0);
            if held > 0 {
                return Err(TeamError::Invalid(format!(
                    "the team database already holds a team ({held} records): join it instead"
                )));
            }
            let insert = tx
                .prepare(
                    "INSERT INTO greychart.records (kind, id, data)
                     SELECT kind, id, data::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS r(kind, id, data)",
                )
                .await?;
            for batch in records.chunks(BATCH) {
                let kinds: Vec<&str> = batch.iter().map(|r| r.kind.as_str()).collect();
                let ids: Vec<&str> = batch.iter().map(|r| r.id.as_str()).collect();
                let data: Vec<String> = batch.iter().map(|r| r.data.to_string()).collect();
                tx.execute(&insert, &[&kinds, &ids, &data]).await?;
            }
            let me = tx
                .query_one("SELECT coalesce(greychart.my_person(), ''), coalesce(greychart.my_role(), '')", &[])
                .await?;
            go.await
                .map_err(|_| TeamError::Invalid("the workspace could not be written: nothing was published".into()))?;
            tx.commit().await?;
            Ok(Uploaded { watermark: self.watermark().await?, person: me.get(0), role: me.get(1) })
        })
    }
}
