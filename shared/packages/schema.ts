import { z } from 'zod';

/** The file name ending of an audit package (a zip: manifest, signature, data, evidence files). */
export const packageExtension = '.adpkg';

/** Who may move audits between installations: anyone who plans or does audits. */
export const packageRoles = ['admin', 'scheduler', 'lead_auditor', 'auditor'] as const;

/** This installation's signing identity, as shown to people (never the private key). */
export interface PackageIdentity {
  installationId: string;
  name: string;
  /** SHA-256 of the public key, grouped for reading aloud over the phone. */
  fingerprint: string;
  createdAt: string;
}

export const renameIdentitySchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, { message: 'Give this installation a name of at least 2 characters.' })
    .max(80, { message: 'Keep the name under 80 characters.' }),
});

export const exportPackageSchema = z.object({
  auditIds: z
    .array(z.string().min(1))
    .min(1, { message: 'Choose at least one audit to put in the package.' })
    .max(50, { message: 'Put at most 50 audits in one package.' }),
});

/** Packages travel base64-encoded through the API; 200 MB of package is the ceiling. */
const maxPackageBase64 = Math.ceil((200 * 1024 * 1024 * 4) / 3);

const packageData = z
  .string()
  .min(1, { message: 'Choose a package file.' })
  .max(maxPackageBase64, { message: 'That file is over 200 MB; an audit package is smaller.' });

export const conflictChoices = ['mine', 'theirs', 'edit'] as const;
export type ConflictChoice = (typeof conflictChoices)[number];

export const resolutionSchema = z
  .object({
    entity: z.string().min(1),
    id: z.string().min(1),
    field: z.string().min(1),
    choice: z.enum(conflictChoices, { message: 'Choose keep mine, take theirs or edit.' }),
    value: z.string().optional(),
  })
  .refine((r) => r.choice !== 'edit' || r.value !== undefined, {
    message: 'Type the value to keep.',
    path: ['value'],
  });
export type Resolution = z.infer<typeof resolutionSchema>;

export const previewPackageSchema = z.object({ data: packageData });

export const importPackageSchema = z.object({
  data: packageData,
  resolutions: z.array(resolutionSchema).default([]),
});

/** One field changed on both sides to different values since the two databases last met. */
export interface PackageConflict {
  /** The table, e.g. `findings`. */
  entity: string;
  /** The record's id in this database. */
  id: string;
  /** The field as the change log names it, e.g. `notes`. */
  field: string;
  mine: string | number | null;
  theirs: string | number | null;
  /** What a person reads: the record and the field, e.g. "Finding 8.2: statement". */
  label: string;
  /** Whether "edit" is offered (free text only; states and dates are kept or taken). */
  editable: boolean;
}

export interface PackageSigner {
  installationId: string;
  name: string;
  fingerprint: string;
  /** First package from this key on this installation. */
  firstSeen: boolean;
  /** Another key was seen before under the same installation name. */
  nameSeenWithOtherKey: boolean;
}

export interface PackageAuditSummary {
  id: string;
  clientName: string;
  clientReference: string;
  type: string;
  plannedStart: string;
}

export interface PackageSummary {
  packageId: string;
  createdAt: string;
  createdBy: string | null;
  signer: PackageSigner;
  audits: PackageAuditSummary[];
  evidenceFiles: number;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Records the other side deleted (a team member taken off, a contact or site removed). */
  deleted: number;
}

export interface PackagePreview extends ImportCounts {
  package: PackageSummary;
  conflicts: PackageConflict[];
  /** Whether this package was imported here before. */
  importedBefore: boolean;
  /**
   * People the package would add here (team members and authors unknown to this database), with
   * their roles: an administrator should see who arrives. People already here keep their roles,
   * PIN and active flag whatever the package says (Audit Desk rule).
   */
  newPeople: { name: string; roles: string[] }[];
}

export interface PackageImportResult extends ImportCounts {
  package: PackageSummary;
  conflicts: PackageConflict[];
  resolved: number;
}

export interface PackageHistoryEntry {
  id: string;
  kind: 'exported' | 'imported';
  packageId: string;
  at: string;
  byName: string | null;
  /** For imports: who signed it. For exports: the audits. */
  detail: string;
}

export function conflictKey(c: { entity: string; id: string; field: string }): string {
  return `${c.entity}:${c.id}:${c.field}`;
}
