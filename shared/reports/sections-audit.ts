/** Report sections 1 to 4: the audit, its sites, its team and its time (ISO/IEC 17021-1 9.4.8). */
import { countryName } from '../countries';
import { auditTypeLabels, teamRoleLabels } from '../programme/vocabulary';
import type { ReportBlock } from './blocks';
import { auditDates, cbNameOrPlaceholder, criteriaLine, days } from './format';
import type { ReportData } from './schema';

export function details(data: ReportData): ReportBlock[] {
  const type = auditTypeLabels[data.audit.type];
  return [
    { kind: 'heading', level: 1, text: '1 Audit details' },
    {
      kind: 'fields',
      rows: [
        ['Certification body', cbNameOrPlaceholder(data.certificationBodyName)],
        [
          'Client',
          data.client.legalName +
            (data.client.tradingName && data.client.tradingName !== data.client.legalName
              ? ` (trading as ${data.client.tradingName})`
              : ''),
        ],
        ['Client reference', data.client.reference],
        ["Client's representative", data.client.primaryContact || '—'],
        ['Audit type', `${type}, certification cycle ${data.audit.cycleNumber}`],
        ['Audit dates', auditDates(data)],
        ['Audit criteria', criteriaLine(data)],
        ['Audit objectives', data.audit.objectives || '—'],
        ['Audit scope', data.audit.scope || data.client.scope || '—'],
      ],
    },
  ];
}

export function sites(data: ReportData): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: '2 Sites visited' },
    {
      kind: 'table',
      columns: [
        { title: 'Site', width: 0.3 },
        { title: 'Address', width: 0.45 },
        { title: 'Country', width: 0.25 },
      ],
      rows: data.sites.map((s) => [
        `${s.name}${s.isCentral ? ' (central function)' : ''}`,
        s.address || '—',
        countryName(s.country),
      ]),
    },
  ];
  if (data.clientSiteCount > 1) {
    blocks.push(
      {
        kind: 'paragraph',
        text: `${data.sites.length} of the client's ${data.clientSiteCount} sites were visited. Basis of the site sample:`,
        bold: true,
      },
      data.samplingBasis.trim() === ''
        ? { kind: 'paragraph', text: 'No sampling basis recorded.', muted: true }
        : { kind: 'paragraph', text: data.samplingBasis.trim() },
    );
  }
  return blocks;
}

export function team(data: ReportData): ReportBlock[] {
  return [
    { kind: 'heading', level: 1, text: '3 Audit team' },
    {
      kind: 'table',
      columns: [
        { title: 'Name', width: 0.55 },
        { title: 'Role', width: 0.45 },
      ],
      rows: data.team.map((m) => [m.name, teamRoleLabels[m.role]]),
    },
  ];
}

export function auditTime(data: ReportData): ReportBlock[] {
  const t = data.time;
  const planned = t.onsiteDays + t.remoteDays;
  const rows: [string, string][] = [
    ['Planned', `${days(planned)} (${t.onsiteDays} on site, ${t.remoteDays} remote)`],
    [
      'Calculated',
      t.calculatedDays === null
        ? 'No audit-time calculation was linked to this audit.'
        : days(t.calculatedDays),
    ],
  ];
  if (t.planDeviationReason.trim() !== '')
    rows.push(['Why the plan differs', t.planDeviationReason]);
  rows.push(['Spent', data.daysSpent === null ? 'Not recorded' : days(data.daysSpent)]);
  if (data.daysSpentReason.trim() !== '')
    rows.push(['Reason for the difference', data.daysSpentReason]);
  return [
    { kind: 'heading', level: 1, text: '4 Audit time' },
    { kind: 'fields', rows },
  ];
}
