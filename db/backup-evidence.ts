import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { hashStoredFile, storedPath } from '../electron/services/evidence-store';

/**
 * Evidence files in backups. Evidence (and the CB's logo and issued report PDFs) is stored
 * content-addressed and never rewritten, so a backup does not need a copy per backup: each backup
 * gets a sidecar manifest `<backup>.evidence.json` listing the SHA-256 of every file the backed-up
 * database references, and the backup folder keeps one copy of each such file in its own
 * content-addressed store (`backups/evidence/<aa>/<sha256>`, hard-linked where the file system
 * allows, copied otherwise). A backup is then restorable even when the evidence folder is lost.
 */

export interface ManifestEntry {
  sha256: string;
  /** What refers to it: evidence_file, certification_body_logo, audit_report. */
  kinds: string[];
  /** False when the file was missing or altered in the evidence folder at backup time. */
  stored: boolean;
  problem?: 'missing' | 'altered';
}

export interface EvidenceManifest {
  version: 1;
  backup: string;
  createdAt: string;
  files: ManifestEntry[];
}

const sha256Pattern = /^[0-9a-f]{64}$/;

export function manifestPathFor(backupFile: string): string {
  return `${backupFile}.evidence.json`;
}

export function backupEvidenceStore(backupDirectory: string): string {
  return path.join(backupDirectory, 'evidence');
}

function hasColumn(sqlite: Database.Database, table: string, column: string): boolean {
  const columns = sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as {
    name: string;
  }[];
  return columns.some((c) => c.name === column);
}

/**
 * Every stored file a database refers to, by SHA-256, with what refers to it. Raw SQL that checks
 * the tables exist: a backup taken before a migration may have an older schema.
 */
export function referencedFiles(sqlite: Database.Database): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (sha: string | null | undefined, kind: string) => {
    if (!sha || !sha256Pattern.test(sha)) return;
    const kinds = out.get(sha) ?? new Set<string>();
    kinds.add(kind);
    out.set(sha, kinds);
  };
  if (hasColumn(sqlite, 'evidence_files', 'sha256')) {
    const rows = sqlite.prepare('SELECT DISTINCT sha256 FROM evidence_files').all() as {
      sha256: string;
    }[];
    for (const r of rows) add(r.sha256, 'evidence_file');
  }
  if (hasColumn(sqlite, 'settings', 'value')) {
    const logo = sqlite.prepare("SELECT value FROM settings WHERE key = 'cb.logo'").get() as
      { value: string } | undefined;
    add(logo?.value, 'certification_body_logo');
  }
  if (hasColumn(sqlite, 'audit_reports', 'pdf_sha256')) {
    const rows = sqlite
      .prepare(
        'SELECT DISTINCT pdf_sha256 AS sha256 FROM audit_reports WHERE pdf_sha256 IS NOT NULL',
      )
      .all() as { sha256: string }[];
    for (const r of rows) add(r.sha256, 'audit_report');
  }
  return out;
}

/** Hard link where possible (no extra space; the bytes are never rewritten), else a copy. */
function linkOrCopy(source: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  try {
    fs.linkSync(source, temporary);
  } catch {
    fs.copyFileSync(source, temporary);
  }
  fs.renameSync(temporary, target);
}

/** Both maps' files, with every kind either names. */
export function unionOfReferences(
  a: Map<string, Set<string>>,
  b: Map<string, Set<string>>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const map of [a, b]) {
    for (const [sha, kinds] of map) out.set(sha, new Set([...(out.get(sha) ?? []), ...kinds]));
  }
  return out;
}

/**
 * Writes the manifest of a fresh backup file and stores each referenced file not yet in the
 * backup folder's store. A file is stored only after its bytes are hashed and match: a missing or
 * altered evidence file is recorded as such, never copied as if it were good.
 */
export function recordBackupEvidence(
  backupFile: string,
  evidenceDirectory: string,
  createdAt: string,
  references: Map<string, Set<string>>,
): EvidenceManifest {
  const store = backupEvidenceStore(path.dirname(backupFile));
  const files: ManifestEntry[] = [];
  for (const [sha256, kinds] of [...references].sort(([a], [b]) => a.localeCompare(b))) {
    const entry: ManifestEntry = { sha256, kinds: [...kinds].sort(), stored: true };
    if (!fs.existsSync(storedPath(store, sha256))) {
      const source = storedPath(evidenceDirectory, sha256);
      const actual = hashStoredFile(source);
      if (actual === sha256) linkOrCopy(source, storedPath(store, sha256));
      else {
        entry.stored = false;
        entry.problem = actual === null ? 'missing' : 'altered';
      }
    }
    files.push(entry);
  }
  const manifest: EvidenceManifest = {
    version: 1,
    backup: path.basename(backupFile),
    createdAt,
    files,
  };
  const target = manifestPathFor(backupFile);
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(manifest, null, 1));
  fs.renameSync(`${target}.tmp`, target);
  return manifest;
}

/** The manifest of a backup, or null when it has none (or it cannot be read). */
export function readManifest(backupFile: string): EvidenceManifest | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(manifestPathFor(backupFile), 'utf8')) as unknown;
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      !Array.isArray((parsed as EvidenceManifest).files)
    ) {
      return null;
    }
    const files = (parsed as EvidenceManifest).files.filter(
      (f) => typeof f.sha256 === 'string' && sha256Pattern.test(f.sha256),
    );
    return { ...(parsed as EvidenceManifest), files };
  } catch {
    return null;
  }
}

/**
 * After a restore: puts back every file the restored backup references that the evidence folder
 * lacks, or holds altered, from the backup folder's verified copy.
 */
export function putBackEvidence(
  backupFile: string,
  evidenceDirectory: string,
): { putBack: number; unavailable: number } {
  const manifest = readManifest(backupFile);
  if (!manifest) return { putBack: 0, unavailable: 0 };
  const store = backupEvidenceStore(path.dirname(backupFile));
  let putBack = 0;
  let unavailable = 0;
  for (const { sha256 } of manifest.files) {
    const target = storedPath(evidenceDirectory, sha256);
    if (hashStoredFile(target) === sha256) continue;
    const copy = storedPath(store, sha256);
    if (hashStoredFile(copy) !== sha256) {
      unavailable++;
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // A copy, not a link: the evidence folder must not share bytes with the backup's copy.
    const temporary = `${target}.${process.pid}.tmp`;
    fs.copyFileSync(copy, temporary);
    fs.renameSync(temporary, target);
    putBack++;
  }
  return { putBack, unavailable };
}

/** Deletes stored copies that no remaining backup's manifest refers to. */
export function sweepBackupEvidence(
  backupDirectory: string,
  backupFiles: readonly string[],
): number {
  const store = backupEvidenceStore(backupDirectory);
  if (!fs.existsSync(store)) return 0;
  const needed = new Set<string>();
  for (const file of backupFiles) {
    for (const entry of readManifest(file)?.files ?? []) needed.add(entry.sha256);
  }
  let removed = 0;
  for (const prefix of fs.readdirSync(store)) {
    const folder = path.join(store, prefix);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const name of fs.readdirSync(folder)) {
      if (needed.has(name)) continue;
      fs.rmSync(path.join(folder, name), { force: true });
      removed++;
    }
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
  return removed;
}
