//! Verdicts: what the desk decided about each dispute and link, kept in
//! SQLite in the workspace, with their history.
//!
//! In: a story id, a target id (a dispute's or a contradiction's stable
//! id), a [`Verdict`], a note and the reviewer's name. Out: the verdict
//! stored in one transaction, with a history row; the current verdicts of
//! a story; a target's history, oldest first.
//!
//! Rules:
//! - The database is `verdicts.sqlite` in the workspace, created on the
//!   first verdict (reading a workspace without one finds no verdicts); WAL
//!   journal; `PRAGMA user_version` is the schema version and every
//!   migration up to [`SCHEMA_VERSION`] runs in order, in a transaction.
//! - A verdict is keyed by (story, target): the ids are stable, so a
//!   verdict survives restarts and edits to other articles. A verdict whose
//!   target disappears is kept; the story page lists it as orphaned.
//! - One connection behind a mutex, with a busy timeout for other
//!   processes: concurrent posts are serialised and none is lost.

pub mod gold;

use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The schema this build writes; older databases are migrated.
pub const SCHEMA_VERSION: i64 = 1;

/// The file name of the database in the workspace.
pub const FILE_NAME: &str = "verdicts.sqlite";

/// What a person decided about a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A real contradiction between the sources.
    Confirmed,
    /// Not a contradiction: the engine was wrong.
    FalseAlarm,
    /// A later figure replacing an earlier one, not a contradiction.
    Update,
    /// Not decided yet: someone must check.
    NeedsCheck,
}

impl Verdict {
    /// Every verdict, in the order forms offer them.
    pub const ALL: [Verdict; 4] = [
        Verdict::Confirmed,
        Verdict::FalseAlarm,
        Verdict::Update,
        Verdict::NeedsCheck,
    ];

    /// The key stored and posted: `confirmed`, `false_alarm`, `update`,
    /// `needs_check`.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::FalseAlarm => "false_alarm",
            Verdict::Update => "update",
            Verdict::NeedsCheck => "needs_check",
        }
    }

    /// The verdict of `key`.
    pub fn from_key(key: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.key() == key)
    }

    /// True when the verdict settles the flag (all but "needs checking").
    pub fn is_decided(self) -> bool {
        !matches!(self, Verdict::NeedsCheck)
    }
}

/// A verdict as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The story's id.
    pub story: String,
    /// The dispute's or link's stable id.
    pub target: String,
    /// The decision.
    pub verdict: Verdict,
    /// Why, in the reviewer's words.
    pub note: String,
    /// Who decided (free text).
    pub reviewer: String,
    /// When, in seconds since the Unix epoch.
    pub at: i64,
}

/// The verdict on `target` among `records`, if any.
pub fn find<'a>(records: &'a [Record], target: &str) -> Option<&'a Record> {
    records.iter().find(|r| r.target == target)
}

/// True when `records` settle `target` (a verdict other than "needs
/// checking").
pub fn is_decided(records: &[Record], target: &str) -> bool {
    find(records, target).is_some_and(|r| r.verdict.is_decided())
}

/// Why the verdict store failed; keeps the SQLite error.
#[derive(Debug)]
pub enum StoreError {
    /// Creating the workspace folder failed.
    Folder(PathBuf, std::io::Error),
    /// SQLite refused.
    Sqlite(rusqlite::Error),
    /// The database has a schema newer than this build knows.
    Newer(i64),
    /// A stored verdict key this build does not know.
    UnknownVerdict(String),
    /// There is no workspace to keep verdicts in.
    NoWorkspace,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Folder(p, e) => write!(f, "cannot create {}: {e}", p.display()),
            StoreError::Sqlite(e) => write!(f, "verdict database: {e}"),
            StoreError::Newer(v) => write!(
                f,
                "verdict database schema {v} is newer than this build ({SCHEMA_VERSION})"
            ),
            StoreError::UnknownVerdict(k) => write!(f, "unknown verdict {k:?} in the database"),
            StoreError::NoWorkspace => write!(f, "no workspace to keep verdicts in"),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Folder(_, e) => Some(e),
            StoreError::Sqlite(e) => Some(e),
            StoreError::Newer(_) | StoreError::UnknownVerdict(_) | StoreError::NoWorkspace => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

/// The migrations, `MIGRATIONS[v]` taking a database from version `v` to
/// `v + 1`.
const MIGRATIONS: &[&str] = &["
    CREATE TABLE verdicts (
        story TEXT NOT NULL,
        target TEXT NOT NULL,
        verdict TEXT NOT NULL,
        note TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (story, target)
    );
    CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        story TEXT NOT NULL,
        target TEXT NOT NULL,
        verdict TEXT NOT NULL,
        note TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        at INTEGER NOT NULL
    );
    CREATE INDEX history_target ON history (story, target);
"];

/// The verdicts of a workspace; opened on first use.
#[derive(Debug, Default)]
pub struct Store {
    path: Option<PathBuf>,
    /// The connection, opened (and the schema migrated) under the lock by
    /// the first caller that needs it.
    conn: Mutex<Option<Connection>>,
}

impl Store {
    /// The store of the workspace `dir` (`None`: no workspace, no
    /// verdicts). Nothing is created until a verdict is written.
    pub fn new(dir: Option<&Path>) -> Store {
        Store {
            path: dir.map(|d| d.join(FILE_NAME)),
            conn: Mutex::new(None),
        }
    }

    /// The database file, when there is a workspace.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn open(path: &Path) -> Result<Connection, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Folder(dir.to_path_buf(), e))?;
        }
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer(version));
        }
        for (v, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", v as i64 + 1)?;
            tx.commit()?;
        }
        Ok(conn)
    }

    /// The locked connection, opening (and creating) the database when
    /// `create`, or only when its file exists; `None` when there is none.
    fn conn(&self, create: bool) -> Result<Option<MutexGuard<'_, Option<Connection>>>, StoreError> {
        let mut guard = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        if guard.is_some() {
            return Ok(Some(guard));
        }
        let Some(path) = &self.path else {
            return if create {
                Err(StoreError::NoWorkspace)
            } else {
                Ok(None)
            };
        };
        if !create && !path.exists() {
            return Ok(None);
        }
        *guard = Some(Store::open(path)?);
        Ok(Some(guard))
    }

    /// Stores `verdict` on `target` of `story`, with its history row, in
    /// one transaction; the record stored.
    pub fn set(
        &self,
        story: &str,
        target: &str,
        verdict: Verdict,
        note: &str,
        reviewer: &str,
    ) -> Result<Record, StoreError> {
        let mut guard = self.conn(true)?.ok_or(StoreError::NoWorkspace)?;
        let conn = guard.as_mut().ok_or(StoreError::NoWorkspace)?;
        let at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO history (story, target, verdict, note, reviewer, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![story, target, verdict.key(), note, reviewer, at],
        )?;
        tx.execute(
            "INSERT INTO verdicts (story, target, verdict, note, reviewer, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (story, target) DO UPDATE SET verdict = ?3, note = ?4, reviewer = ?5, at = ?6",
            params![story, target, verdict.key(), note, reviewer, at],
        )?;
        tx.commit()?;
        Ok(Record {
            story: story.into(),
            target: target.into(),
            verdict,
            note: note.into(),
            reviewer: reviewer.into(),
            at,
        })
    }

    fn rows(&self, sql: &str, args: &[&str]) -> Result<Vec<Record>, StoreError> {
        let Some(guard) = self.conn(false)? else {
            return Ok(Vec::new());
        };
        let Some(conn) = guard.as_ref() else {
            return Ok(Vec::new());
        };
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (story, target, verdict, note, reviewer, at) = row?;
            let verdict = Verdict::from_key(&verdict).ok_or(StoreError::UnknownVerdict(verdict))?;
            out.push(Record {
                story,
                target,
                verdict,
                note,
                reviewer,
                at,
            });
        }
        Ok(out)
    }

    /// The current verdicts of `story`, by target id.
    pub fn current(&self, story: &str) -> Result<Vec<Record>, StoreError> {
        self.rows(
            "SELECT story, target, verdict, note, reviewer, at FROM verdicts WHERE story = ?1 ORDER BY target",
            &[story],
        )
    }

    /// Every verdict ever given on `target` of `story`, oldest first.
    pub fn history(&self, story: &str, target: &str) -> Result<Vec<Record>, StoreError> {
        self.rows(
            "SELECT story, target, verdict, note, reviewer, at FROM history WHERE story = ?1 AND target = ?2 ORDER BY id",
            &[story, target],
        )
    }

    /// The current verdict on `target` of `story`, if any.
    pub fn get(&self, story: &str, target: &str) -> Result<Option<Record>, StoreError> {
        let Some(guard) = self.conn(false)? else {
            return Ok(None);
        };
        let Some(conn) = guard.as_ref() else {
            return Ok(None);
        };
        let row = conn
            .query_row(
                "SELECT verdict, note, reviewer, at FROM verdicts WHERE story = ?1 AND target = ?2",
                params![story, target],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                    ))
                },
            )
            .optional()?;
        row.map(|(v, note, reviewer, at)| {
            Ok(Record {
                story: story.into(),
                target: target.into(),
                verdict: Verdict::from_key(&v).ok_or(StoreError::UnknownVerdict(v))?,
                note,
                reviewer,
                at,
            })
        })
        .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("mizan-verdicts-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn nothing_is_created_until_a_verdict_is_written() {
        let d = dir("lazy");
        let store = Store::new(Some(&d));
        assert!(store.current("fire").unwrap().is_empty());
        assert!(!d.exists());
        store
            .set(
                "fire",
                "abc123abc123",
                Verdict::Confirmed,
                "تحققت من المصدرين",
                "ليلى",
            )
            .unwrap();
        assert!(d.join(FILE_NAME).is_file());
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_verdict_changes_with_its_history_and_survives_reopening() {
        let d = dir("history");
        {
            let store = Store::new(Some(&d));
            store
                .set("fire", "t1", Verdict::NeedsCheck, "", "سامي")
                .unwrap();
            store
                .set("fire", "t1", Verdict::Update, "الحصيلة ارتفعت", "ليلى")
                .unwrap();
            store
                .set("flood", "t1", Verdict::FalseAlarm, "", "سامي")
                .unwrap();
        }
        let store = Store::new(Some(&d));
        let now = store.current("fire").unwrap();
        assert_eq!(now.len(), 1);
        assert_eq!(
            (now[0].verdict, now[0].reviewer.as_str()),
            (Verdict::Update, "ليلى")
        );
        let h = store.history("fire", "t1").unwrap();
        assert_eq!(
            h.iter().map(|r| r.verdict).collect::<Vec<_>>(),
            [Verdict::NeedsCheck, Verdict::Update]
        );
        assert_eq!(
            store.get("flood", "t1").unwrap().unwrap().verdict,
            Verdict::FalseAlarm
        );
        assert!(store.get("flood", "t2").unwrap().is_none());
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_newer_schema_is_refused_not_overwritten() {
        let d = dir("newer");
        std::fs::create_dir_all(&d).unwrap();
        let c = Connection::open(d.join(FILE_NAME)).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(c);
        let store = Store::new(Some(&d));
        assert!(matches!(store.current("fire"), Err(StoreError::Newer(_))));
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn verdict_keys_round_trip() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::from_key(v.key()), Some(v));
        }
        assert_eq!(Verdict::from_key("maybe"), None);
    }
}
