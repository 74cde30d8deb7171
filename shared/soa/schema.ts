/**
 * The client's Statement of Applicability (ISO/IEC 42001 6.1.3 d): for every Annex A control,
 * whether it is applicable or excluded and why, and how far the client has implemented it. Each
 * save is a new version; audits record the version they audited (ISO/IEC 42006: the SoA is an
 * audit input, and exclusions are reviewed at Stage 1 and Stage 2).
 */
import { z } from 'zod';
import { annexAControls } from '../iso42001/catalogue';

/** The client's own implementation status for an applicable control. */
export const implementationStatuses = [
  'implemented',
  'partially_implemented',
  'planned',
  'not_implemented',
] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];

export const implementationStatusLabels: Record<ImplementationStatus, string> = {
  implemented: 'Implemented',
  partially_implemented: 'Partially implemented',
  planned: 'Planned',
  not_implemented: 'Not implemented',
};

/** Who may record a new SoA version: the people who receive it from the client and plan on it. */
export const soaEditors = ['scheduler', 'lead_auditor', 'admin'] as const;

const annexAIds = annexAControls().map((c) => c.id);

export const soaControlSchema = z.object({
  controlId: z.string().min(1),
  applicable: z.boolean(),
  /** Why it is included or excluded; required for an exclusion. */
  justification: z.string().trim().max(4000).default(''),
  /** Only for applicable controls; an excluded control is not implemented by definition. */
  implementationStatus: z
    .enum(implementationStatuses, { message: 'Choose the implementation status.' })
    .nullable()
    .default(null),
  /** Where the client documents this control, e.g. a procedure number. */
  reference: z.string().trim().max(500).default(''),
});
export type SoaControlInput = z.input<typeof soaControlSchema>;
export type SoaControl = z.output<typeof soaControlSchema>;

export const saveSoaSchema = z
  .object({
    clientId: z.string().min(1, { message: 'A client id is required.' }),
    /** The client's own SoA document, by id and version, e.g. "AIMS-SOA-01 v3". */
    documentReference: z
      .string()
      .trim()
      .min(1, { message: "Enter the client's SoA document id and version, e.g. AIMS-SOA-01 v3." })
      .max(200),
    /**
     * The version this edit started from (null for the first). A save based on an older version
     * is refused, so two people editing at once do not silently overwrite each other.
     */
    basedOnVersionId: z.string().nullable().default(null),
    controls: z.array(soaControlSchema),
  })
  .superRefine((soa, ctx) => {
    const ids = soa.controls.map((c) => c.controlId);
    const missing = annexAIds.filter((id) => !ids.includes(id));
    if (missing.length > 0 || ids.length !== annexAIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['controls'],
        message: `The Statement of Applicability must list each of the ${annexAIds.length} Annex A controls once${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''}.`,
      });
      return;
    }
    soa.controls.forEach((c, i) => {
      if (!c.applicable && c.justification === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['controls', i, 'justification'],
          message: `Give the reason ${c.controlId} is excluded; an exclusion needs a justification.`,
        });
      }
      if (c.applicable && c.implementationStatus === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['controls', i, 'implementationStatus'],
          message: `Choose how far ${c.controlId} is implemented.`,
        });
      }
    });
  });
export type SaveSoaInput = z.input<typeof saveSoaSchema>;

export const clientSoaSchema = z.object({ clientId: z.string().min(1) });
export const auditSoaSchema = z.object({ auditId: z.string().min(1) });
export const recordAuditedSoaSchema = z.object({
  auditId: z.string().min(1, { message: 'An audit id is required.' }),
  soaVersionId: z.string().min(1, { message: 'Choose the SoA version that was audited.' }),
});

export interface SoaVersionSummary {
  id: string;
  clientId: string;
  versionNumber: number;
  documentReference: string;
  catalogueVersion: string;
  applicableCount: number;
  excludedCount: number;
  createdById: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface SoaVersion extends SoaVersionSummary {
  controls: (SoaControl & { title: string; group: string })[];
}

export interface AuditedSoa {
  auditId: string;
  soaVersion: SoaVersionSummary;
  recordedByName: string | null;
  recordedAt: string;
  /** True once the audit's checklist has been prepared: the audited version no longer changes. */
  checklistPrepared: boolean;
}

/** A new SoA's starting rows: every control applicable, nothing claimed as implemented yet. */
export function blankSoaControls(): SoaControl[] {
  return annexAIds.map((controlId) => ({
    controlId,
    applicable: true,
    justification: '',
    implementationStatus: 'not_implemented',
    reference: '',
  }));
}
