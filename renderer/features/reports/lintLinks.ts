import type { ReportProblemRef } from '../../../shared/reports/schema';

/** Where a person goes to fix a lint problem; null when it is fixed on the report page itself. */
export function fixLink(ref: ReportProblemRef): { to: string; label: string } | null {
  switch (ref.kind) {
    case 'checklistItem':
      return {
        to: `/audits/${ref.auditId}/checklist?item=${encodeURIComponent(ref.itemKey)}`,
        label: `Open item ${ref.itemKey}`,
      };
    case 'checklist':
      return { to: `/audits/${ref.auditId}/checklist`, label: 'Open the checklist' };
    case 'finding':
      return { to: `/findings/${ref.id}`, label: 'Open the finding' };
    case 'audit':
      return ref.field === 'state'
        ? { to: `/audits/${ref.auditId}`, label: 'Open the audit' }
        : { to: `/audits/${ref.auditId}/edit`, label: 'Edit the audit plan' };
    case 'team':
      return { to: `/audits/${ref.auditId}`, label: 'Open the audit team' };
    case 'settings':
      return { to: '/settings/certification-body', label: 'Open Certification body' };
    case 'report':
      return null;
  }
}

/** The id of the report field an error points at, for a link that moves the focus there. */
export const reportFieldId = (field: string) => `report-field-${field}`;
