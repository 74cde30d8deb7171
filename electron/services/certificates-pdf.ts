import { PDFDocument } from 'pdf-lib';
import { decisionKindLabels } from '../../shared/certificates/decision-rules';
import { countryName } from '../../shared/countries';
import type { ExportedFile } from '../../shared/findings/schema';
import { certificationBodyNameKey } from './certification-body';
import { certificationBodyLogoImage } from './certification-body-logo';
import { serviceToday } from './certificates';
import { readCertificate } from './certificates-detail';
import { siteText } from './certificates-export';
import {
  accent,
  CentredWriter,
  drawFrame,
  drawStatusMark,
  fieldRows,
  frame,
  height,
  ink,
  limitedLines,
  lineCount,
  linesHeight,
  loadFonts,
  longDate,
  muted,
  width,
  wrap,
  type Fonts,
} from './certificates-pdf-layout';
import { requireActor, type ServiceContext } from './context';
import { drawLogo, embedLogo } from './pdf-logo';
import { readSetting } from './settings';

/** Where the dates start when the page has room (they move down, never up, as content grows). */
const fieldsTopDefault = 250;
const maxScopeLines = 7;
const maxSitesOnFront = 5;

/**
 * How much of the scope and the sites the front page shows: up to 7 scope lines and 5 sites, fewer
 * when they would not fit in `room` above the dates (sites go to the annex first, then scope
 * lines); what is not shown continues in the annex.
 */
function frontShare(fonts: Fonts, scopeText: string, sites: readonly string[], room: number) {
  const siteHeights = sites.map((site) => linesHeight(lineCount(fonts, site, 9.5), 9.5));
  const sitesHeight = (shown: number) =>
    14 +
    linesHeight(1, 11) +
    siteHeights.slice(0, shown).reduce((sum, h) => sum + h, 0) +
    (shown > 0 && shown < sites.length ? linesHeight(1, 9.5) : 0);
  let shown = Math.min(maxSitesOnFront, sites.length);
  let scopeLines = maxScopeLines;
  const total = () =>
    linesHeight(limitedLines(fonts, scopeText, 11.5, scopeLines).lines.length, 11.5) +
    sitesHeight(shown);
  while (total() > room && shown > 0) shown--;
  while (total() > room && scopeLines > 1) scopeLines--;
  return { scope: limitedLines(fonts, scopeText, 11.5, scopeLines), sitesShown: shown };
}

/**
 * The certificate as a CB sends it (ISO/IEC 17021-1 8.2.2): the client and its location, the
 * standard with its edition, the scope, the sites, the dates of initial certification, issue and
 * expiry, a unique number, the CB's name, and which certificate it replaces. Sites and a scope
 * that do not fit on the page continue on an annex page.
 */
export async function certificatePdf(
  ctx: ServiceContext,
  input: { id: string; today?: string | undefined },
  fontsFolder: string,
): Promise<ExportedFile> {
  requireActor(ctx);
  const certificate = readCertificate(ctx.db, input.id, serviceToday(ctx, input.today));
  const cb =
    readSetting(ctx.db, certificationBodyNameKey)?.trim() ||
    'Certification body (name not set yet: an administrator sets it under Certification body)';
  const signer = certificate.decision?.decidedByName
    ? `${certificate.decision.decidedByName}, certification decision maker`
    : 'Certification decision maker';
  const doc = await PDFDocument.create();
  const fonts = await loadFonts(doc, fontsFolder);
  const logo = await embedLogo(doc, certificationBodyLogoImage(ctx));
  const page = doc.addPage([width, height]);
  drawFrame(page);
  drawStatusMark(page, fonts, certificate);

  // The CB's logo, when set, is centred above its name; the name stays (8.2.2 asks for the CB's
  // name, which a logo alone may not spell out). The gap below is tighter to keep the page's room.
  let start = height - 70;
  if (logo) {
    const box = { width: 210, height: 54 };
    const drawn = drawLogo(
      page,
      logo,
      { x: (width - box.width) / 2, y: height - frame - 26 - box.height, ...box },
      'center',
    );
    start = drawn.y - 4;
  }
  const w = new CentredWriter(page, fonts, start);
  w.line(cb, 13, { bold: true, color: accent });
  w.line('CERTIFICATE', 34, { bold: true, color: accent, gap: logo ? 16 : 26 });
  w.line('of AI management system certification', 12, { color: muted, gap: 2 });
  page.drawLine({
    start: { x: width / 2 - 60, y: w.y - 10 },
    end: { x: width / 2 + 60, y: w.y - 10 },
    thickness: 1.2,
    color: accent,
  });
  w.line('This is to certify that the AI management system of', 11, { gap: 26 });
  w.line(certificate.organisation, 21, { bold: true, gap: 8 });
  const central = certificate.sites.find((s) => s.isCentral) ?? certificate.sites[0];
  if (central) {
    const where = [central.address, countryName(central.country)].filter((p) => p.trim() !== '');
    w.line(where.join(', '), 10, { color: muted, gap: 2 });
  }
  w.line('has been audited and found to conform to the requirements of', 11, { gap: 18 });
  w.line(certificate.standard, 20, { bold: true, color: accent, gap: 6 });
  w.line('Information technology — Artificial intelligence — Management system', 9.5, {
    color: muted,
  });
  w.line('for the scope', 11, { gap: 18 });

  const rows: [string, string][] = [
    ['Certificate number', certificate.number],
    ['Initial certification', longDate(certificate.originalIssueDate)],
    ['Date of issue', longDate(certificate.issueDate)],
    ['Valid until', longDate(certificate.expiryDate)],
  ];
  if (certificate.replacesNumber) rows.push(['Replaces certificate', certificate.replacesNumber]);
  if (certificate.decision) {
    rows.push([
      'Decision',
      `${decisionKindLabels[certificate.decision.kind]}, ${longDate(certificate.decision.decisionDate)}`,
    ]);
  }

  // From the foot up: the small print, the signature, the dates; the scope and sites get the rest.
  const small = wrap(
    `This certificate remains valid subject to satisfactory surveillance audits (ISO/IEC 17021-1 9.6). Its current status can be confirmed with ${cb}, quoting the certificate number.`,
    fonts.regular,
    7.5,
    width - 2 * frame - 60,
  );
  const signatureLines = [
    ...wrap(signer, fonts.regular, 8.5, 200).map((line) => ({ line, color: ink })),
    ...wrap(`for ${cb}`, fonts.regular, 8.5, 200).map((line) => ({ line, color: muted })),
  ];
  const smallTop = 48 + (small.length - 1) * 10 + 8;
  const signatureFloor = smallTop + 24 + (signatureLines.length - 1) * 11;
  const fieldsFloor = signatureFloor + 40 + 17 * rows.length;
  const sites = certificate.sites.map(siteText);
  const front = frontShare(fonts, certificate.scopeText, sites, w.y - fieldsFloor - 18);
  w.lines(front.scope.lines, 11.5);
  const moreSites = sites.length - front.sitesShown;
  if (front.sitesShown === 0 && sites.length > 0) {
    const where = sites.length === 1 ? 'at the site' : `at the ${sites.length} sites`;
    w.line(`${where} listed in the annex`, 11, { gap: 14 });
  } else {
    w.line(sites.length === 1 ? 'at the site' : 'at the sites', 11, { gap: 14 });
    for (const site of sites.slice(0, front.sitesShown)) w.line(site, 9.5);
    const more = `and ${moreSites} more ${moreSites === 1 ? 'site' : 'sites'} listed in the annex`;
    if (moreSites > 0) w.line(more, 9.5, { color: muted });
  }

  const fieldsTop = Math.min(w.y - 18, fieldsTopDefault);
  page.drawLine({
    start: { x: 110, y: fieldsTop + 4 },
    end: { x: width - 110, y: fieldsTop + 4 },
    thickness: 0.6,
    color: accent,
  });
  const afterFields = fieldRows(page, fonts, rows, fieldsTop);

  // Lifted above the small print when the signature runs to more lines (a long CB name).
  const signatureY = Math.max(signatureFloor, Math.min(afterFields - 40, 118));
  page.drawLine({
    start: { x: width - 250, y: signatureY },
    end: { x: width - 90, y: signatureY },
    thickness: 0.6,
    color: ink,
  });
  signatureLines.forEach(({ line, color }, i) => {
    page.drawText(line, {
      x: width - 250,
      y: signatureY - 12 - i * 11,
      size: 8.5,
      font: fonts.regular,
      color,
    });
  });

  small.forEach((line, i) => {
    const size = 7.5;
    const lw = fonts.regular.widthOfTextAtSize(line, size);
    page.drawText(line, {
      x: (width - lw) / 2,
      y: 48 + (small.length - 1 - i) * 10,
      size,
      font: fonts.regular,
      color: muted,
    });
  });

  if (!front.scope.fits || moreSites > 0) {
    const annexPage = () => {
      const next = doc.addPage([width, height]);
      drawFrame(next);
      return next;
    };
    const a = new CentredWriter(annexPage(), fonts, height - 70, annexPage);
    a.line(`Annex to certificate ${certificate.number}`, 15, { bold: true, color: accent });
    a.line(certificate.organisation, 11, { color: muted, gap: 4 });
    if (!front.scope.fits) {
      a.line('Scope of certification', 12, { bold: true, gap: 20 });
      a.line(certificate.scopeText, 10);
    }
    if (moreSites > 0) {
      a.line('Sites covered', 12, { bold: true, gap: 20 });
      for (const site of sites) a.line(site, 9.5);
    }
  }

  doc.setTitle(`Certificate ${certificate.number}: ${certificate.organisation}`, {
    showInWindowTitleBar: true,
  });
  doc.setAuthor(cb);
  doc.setSubject(`${certificate.standard} certificate of ${certificate.organisation}`);
  doc.setKeywords(['certificate', certificate.standard, certificate.number]);
  doc.setCreator('Audit Desk');
  doc.setProducer('Audit Desk');
  doc.setLanguage('en');
  doc.setCreationDate(ctx.now());
  doc.setModificationDate(ctx.now());
  const bytes = await doc.save();
  return {
    fileName: `certificate-${certificate.number.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`,
    mediaType: 'application/pdf',
    data: Buffer.from(bytes).toString('base64'),
  };
}
