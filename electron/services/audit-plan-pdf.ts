import { format } from 'date-fns';
import type { Db } from '../../db/open';
import { iso42001Edition } from '../../shared/iso42001/requirements';
import { auditAgenda } from '../../shared/programme/agenda';
import type { Audit } from '../../shared/programme/audit-schema';
import {
  auditStateLabels,
  auditTypeLabels,
  teamRoleLabels,
} from '../../shared/programme/vocabulary';
import { readAudit } from './audit-records';
import { clientFor } from './audits';
import { requireActor, type ServiceContext } from './context';
import { certificationBodyNameKey } from './certification-body';
import { certificationBodyLogoImage } from './certification-body-logo';
import { PdfWriter } from './pdf-layout';
import { readSetting } from './settings';

export interface AuditPlanFile {
  fileName: string;
  bytes: Uint8Array;
}

function certificationBodyName(db: Db): string {
  return (
    readSetting(db, certificationBodyNameKey)?.trim() ||
    'Certification body (name not set yet: an administrator sets it under Certification body)'
  );
}

function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), 'EEEE d MMMM yyyy');
}

function daysLine(audit: Audit): string {
  const planned = audit.onsiteDays + audit.remoteDays;
  const parts = [`${audit.onsiteDays} on site`, `${audit.remoteDays} remote`];
  let line = `${planned} auditor-days (${parts.join(', ')})`;
  if (audit.calculatedDays !== null && audit.calculatedDays !== planned) {
    line += `; calculated ${audit.calculatedDays}. Reason: ${audit.daysDeviationReason ?? '—'}`;
  }
  return line;
}

function safeFilePart(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * The audit plan sent to the client before the audit (ISO/IEC 17021-1 9.2.3): who audits what,
 * where and when, against which criteria, with an agenda by day, under a running header with the
 * CB's logo when one is set. Built offline from the database; the fonts come from the app's
 * resources folder, handed in by the caller.
 */
export async function auditPlanPdf(
  ctx: ServiceContext,
  id: string,
  fontsFolder: string,
): Promise<AuditPlanFile> {
  requireActor(ctx);
  const audit = readAudit(ctx.db, id);
  const client = clientFor(ctx.db, audit.clientId);
  const cb = certificationBodyName(ctx.db);
  const type = auditTypeLabels[audit.type];
  const title = `Audit plan: ${client.legalName}, ${type} ${audit.startDate} to ${audit.endDate}`;
  const pdf = await PdfWriter.create(
    fontsFolder,
    `${cb} · ${title}`,
    certificationBodyLogoImage(ctx),
    // Beside a logo a long header drops the CB's name, which the logo and page 1 carry.
    title,
  );

  pdf.text('Audit plan', { size: 20, bold: true });
  pdf.text(`${type} audit of the AI management system against ${iso42001Edition}`, {
    size: 11,
    muted: true,
    before: 2,
  });
  pdf.heading('The audit');
  pdf.field('Certification body', cb);
  pdf.field('Client', client.legalName);
  pdf.field('Client reference', client.reference);
  pdf.field('Audit type', `${type} (certification cycle ${audit.cycleNumber})`);
  pdf.field('Dates', `${longDate(audit.startDate)} to ${longDate(audit.endDate)}`);
  pdf.field('Audit time', daysLine(audit));
  pdf.field('State', auditStateLabels[audit.state]);

  pdf.heading('Sites to visit');
  for (const site of audit.sites) {
    const where = [site.address, site.country].filter((part) => part !== '').join(', ');
    pdf.text(`${site.name}${site.isCentral ? ' (central function)' : ''}: ${where}`, {
      indent: 10,
    });
  }

  pdf.heading('Audit team');
  if (audit.team.length === 0) {
    pdf.text('The audit team is not assigned yet; an updated plan will name it.', { indent: 10 });
  }
  for (const member of audit.team) {
    pdf.text(`${member.name}: ${teamRoleLabels[member.role]}`, { indent: 10 });
  }

  pdf.heading('Objectives');
  pdf.text(audit.objectives || '—');
  pdf.heading('Scope');
  pdf.text(audit.scope || client.scope || '—');
  pdf.heading('Criteria');
  pdf.text(audit.criteria);

  pdf.heading('Agenda', 15);
  pdf.text(
    'Clauses 4 to 10 and the Annex A controls are covered as listed. Annex A controls are audited as the client’s Statement of Applicability includes them; for controls it excludes, the justification is reviewed instead.',
    { size: 9, muted: true },
  );
  const agenda = auditAgenda(
    audit.type,
    audit.startDate,
    audit.endDate,
    audit.sites.map((s) => s.name),
  );
  agenda.forEach((day, i) => {
    pdf.heading(`Day ${i + 1}: ${longDate(day.date)}`, 12);
    if (day.siteNames.length > 0) pdf.text(`At: ${day.siteNames.join(', ')}`, { muted: true });
    for (const block of day.blocks) {
      pdf.text(block.title, { bold: true, before: 4, indent: 10 });
      for (const line of block.items) pdf.text(`• ${line}`, { size: 9, indent: 22 });
    }
  });

  pdf.text(
    `Prepared with Audit Desk on ${format(ctx.now(), 'd MMMM yyyy')}. Please confirm the plan and that the people, records and sites it needs are available; the audit team may adapt the sequence on site.`,
    { size: 9, muted: true, before: 16 },
  );
  pdf.numberPages();

  const { doc } = pdf;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(cb);
  doc.setSubject(`${type} audit plan for ${client.legalName} (${client.reference})`);
  doc.setKeywords(['audit plan', iso42001Edition, client.reference]);
  doc.setCreator('Audit Desk');
  doc.setProducer('Audit Desk');
  doc.setLanguage('en');
  doc.setCreationDate(ctx.now());
  doc.setModificationDate(ctx.now());
  const bytes = await doc.save();
  const fileName = `audit-plan-${safeFilePart(client.reference)}-${audit.type}-${audit.startDate}.pdf`;
  return { fileName, bytes };
}
