import { eq, isNotNull } from 'drizzle-orm';
import {
  auditReports,
  audits,
  checklistItems,
  clients,
  evidenceFiles,
  findings,
} from '../../db/schema';
import type {
  EvidenceCheckReport,
  EvidenceProblem,
  EvidenceReference,
} from '../../shared/data/schema';
import { requireActor, type ServiceContext } from './context';
import { certificationBodyLogoKey } from './certification-body-logo';
import { hashStoredFile, storedPath } from './evidence-store';
import { readSetting } from './settings';
import type { Db } from '../../db/open';

/**
 * Verifies every stored file the database refers to (evidence files, the CB's logo, issued report
 * PDFs) against its SHA-256, each file streamed 1 MiB at a time, and names the records behind
 * every missing or altered one. Used by `cli check` and the Data screen.
 */

const blank = {
  clientName: null,
  auditId: null,
  auditType: null,
  auditStart: null,
  checklistItemId: null,
  itemKey: null,
  findingId: null,
  findingRequirement: null,
  removed: false,
} satisfies Partial<EvidenceReference>;

/** Every record that refers to a stored file, keyed by the file's SHA-256. */
export function fileReferences(db: Db): Map<string, EvidenceReference[]> {
  const out = new Map<string, EvidenceReference[]>();
  const add = (sha: string, ref: EvidenceReference) => out.set(sha, [...(out.get(sha) ?? []), ref]);

  const files = db
    .select({
      id: evidenceFiles.id,
      sha256: evidenceFiles.sha256,
      name: evidenceFiles.fileName,
      removedAt: evidenceFiles.removedAt,
      auditId: evidenceFiles.auditId,
      auditType: audits.type,
      auditStart: audits.plannedStart,
      clientName: clients.legalName,
      checklistItemId: evidenceFiles.checklistItemId,
      itemKey: checklistItems.itemKey,
      findingId: evidenceFiles.findingId,
      findingRequirement: findings.requirementRef,
    })
    .from(evidenceFiles)
    .leftJoin(audits, eq(audits.id, evidenceFiles.auditId))
    .leftJoin(clients, eq(clients.id, audits.clientId))
    .leftJoin(checklistItems, eq(checklistItems.id, evidenceFiles.checklistItemId))
    .leftJoin(findings, eq(findings.id, evidenceFiles.findingId))
    .orderBy(evidenceFiles.capturedAt, evidenceFiles.id)
    .all();
  for (const { sha256, removedAt, ...f } of files) {
    add(sha256, { kind: 'evidence_file', ...f, removed: removedAt !== null });
  }

  const logo = readSetting(db, certificationBodyLogoKey);
  if (logo)
    add(logo, {
      ...blank,
      kind: 'certification_body_logo',
      id: certificationBodyLogoKey,
      name: 'Certification body logo',
    });

  const reports = db
    .select({
      id: auditReports.id,
      sha256: auditReports.pdfSha256,
      revision: auditReports.revision,
      auditId: auditReports.auditId,
      auditType: audits.type,
      auditStart: audits.plannedStart,
      clientName: clients.legalName,
    })
    .from(auditReports)
    .leftJoin(audits, eq(audits.id, auditReports.auditId))
    .leftJoin(clients, eq(clients.id, audits.clientId))
    .where(isNotNull(auditReports.pdfSha256))
    .all();
  for (const { sha256, revision, ...r } of reports) {
    if (!sha256) continue;
    add(sha256, {
      ...blank,
      ...r,
      kind: 'audit_report',
      name: `Audit report revision ${revision} (issued PDF)`,
    });
  }
  return out;
}

/** Re-hashes every referenced file; problems come sorted by SHA-256. */
export function checkEvidenceFiles(
  db: Db,
  evidenceDirectory: string,
  now: Date,
): EvidenceCheckReport {
  const references = fileReferences(db);
  const problems: EvidenceProblem[] = [];
  for (const sha256 of [...references.keys()].sort()) {
    const file = storedPath(evidenceDirectory, sha256);
    let actual: string | null;
    let unreadable = false;
    try {
      actual = hashStoredFile(file);
    } catch {
      // There, but not readable (permissions, a folder in its place): a problem of its own.
      actual = null;
      unreadable = true;
    }
    if (actual === sha256) continue;
    problems.push({
      sha256,
      problem: unreadable ? 'unreadable' : actual === null ? 'missing' : 'altered',
      actualSha256: actual,
      path: file,
      records: references.get(sha256) ?? [],
    });
  }
  return { checkedAt: now.toISOString(), filesChecked: references.size, problems };
}

export function verifyEvidenceFiles(ctx: ServiceContext): EvidenceCheckReport {
  requireActor(ctx);
  return checkEvidenceFiles(ctx.db, ctx.evidenceDirectory, ctx.now());
}
