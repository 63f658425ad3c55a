//! A push: the edits waiting in a workspace sent in one transaction, each
//! applied only to the team's version it was made on, each once.

use greychart_store::{BaseRow, Conflict, Pulled};
use serde_json::Value;

use crate::connect::Connection;
use crate::error::Result;
use crate::sync::{parse_json, Edit, Theirs};

impl Connection {
    /// Pushes `edits` in one transaction: each applies only to the version
    /// it was made on; the bases to remember, and the conflicts.
    pub(crate) fn push(&self, edits: &[Edit]) -> Result<Pushed> {
        if edits.is_empty() {
            return Ok(Pushed::default());
        }
        self.run(async {
            let mut client = self.pool.get().await?;
            let mut tx = client.transaction().await?;
            let mut out = Pushed::default();
            for e in edits {
                let sp = tx.transaction().await?;
                let fresh = sp
                    .execute("INSERT INTO greychart.applied_edits (edit_id) VALUES ($1) ON CONFLICT DO NOTHING", &[&e.edit_id])
                    .await?;
                // Applied by an earlier push (whose answer was lost): never
                // again; the record as it is now is the answer.
                let applied_before = fresh == 0;
                let row = sp
                    .query_opt(
                        "SELECT version, data::text, deleted, changed_by, changed_at::text
                         FROM greychart.records WHERE kind = $1 AND id = $2 FOR UPDATE",
                        &[&e.kind, &e.id],
                    )
                    .await?;
                let theirs = match &row {
                    Some(r) => {
                        let deleted: bool = r.get(2);
                        Some(Theirs {
                            version: r.get(0),
                            data: if deleted { None } else { Some(parse_json(r.get::<_, &str>(1))?) },
                            by: r.get(3),
                            at: r.get(4),
                        })
                    }
                    None => None,
                };
                let on_their_version = !applied_before && match &theirs {
                    None => e.base_version == 0,
                    Some(t) => t.version == e.base_version || (e.base_version == 0 && t.data.is_none()),
                };
                if on_their_version {
                    let version: i64 = match (&theirs, &e.data) {
                        (None, Some(data)) => sp
                            .query_one(
                                "INSERT INTO greychart.records (kind, id, data) VALUES ($1, $2, $3::text::jsonb) RETURNING version",
                                &[&e.kind, &e.id, &data.to_string()],
                            )
                            .await?
                            .get(0),
                        (None, None) => {
                            sp.commit().await?;
                            out.gone.push(gone(e));
                            continue;
                        }
                        (Some(_), data) => sp
                            .query_one(
                                "UPDATE greychart.records SET data = coalesce($3::text::jsonb, data), deleted = $4
                                 WHERE kind = $1 AND id = $2 RETURNING version",
                                &[&e.kind, &e.id, &data.as_ref().map(Value::to_string), &data.is_none()],
                            )
                            .await?
                            .get(0),
                    };
                    sp.commit().await?;
                    out.applied += 1;
                    match &e.data {
                        Some(data) => out.bases.push((e.kind.clone(), e.id.clone(), version, data.clone())),
                        None => out.gone.push(gone(e)),
                    }
                } else {
                    // Made on an outdated version: never applied; the same
                    // value on both sides is no conflict.
                    sp.rollback().await?;
                    match theirs {
                        Some(t) if t.data == e.data => match t.data {
                            Some(data) => out.bases.push((e.kind.clone(), e.id.clone(), t.version, data)),
                            None => out.gone.push(gone(e)),
                        },
                        None if e.data.is_none() => out.gone.push(gone(e)),
                        // A retried push of a record the team never had.
                        None => {}
                        Some(t) => {
                            out.conflicts.push(Conflict {
                                kind: e.kind.clone(),
                                id: e.id.clone(),
                                mine: e.data.clone(),
                                theirs: t.data,
                                theirs_version: t.version,
                                theirs_by: t.by,
                                theirs_at: t.at,
                            });
                        }
                    }
                }
            }
            tx.commit().await?;
            Ok(out)
        })
    }
}

/// What a push did.
#[derive(Default)]
pub(crate) struct Pushed {
    /// Edits applied now.
    pub applied: usize,
    /// Records now in step with the team, with their versions.
    pub bases: Vec<BaseRow>,
    /// Records deleted in step with the team.
    pub gone: Vec<Pulled>,
    /// Edits made on an outdated version.
    pub conflicts: Vec<Conflict>,
}

fn gone(e: &Edit) -> Pulled {
    Pulled { kind: e.kind.clone(), id: e.id.clone(), data: None, version: 0 }
}
