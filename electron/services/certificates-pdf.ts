import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { decisionKindLabels } from '../../shared/certificates/decision-rules';
import type { CertificateDetail } from '../../shared/certificates/schema';
import { issuedCertificateStatusLabels } from '../../shared/certificates/status';
import { countryName } from '../../shared/countries';
import { AppError } from '../../shared/errors';
import type { ExportedFile } from '../../shared/findings/schema';
import { certificationBodyNameKey } from './certification-body';
import { serviceToday } from './certificates';
import { readCertificate } from './certificates-detail';
import { requireActor, type ServiceContext } from './context';
import { fontkit } from './pdf-layout';
import { readSetting } from './settings';
import { siteText } from './certificates-export';

// A4 portrait, in PDF points.
const width = 595.28;
const height = 841.89;
const accent = rgb(0.11, 0.3, 0.55);
const ink = rgb(0.1, 0.1, 0.12);
const muted = rgb(0.38, 0.4, 0.45);
const frame = 28;
const textWidth = width - 2 * 80;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${d} ${month} ${y}`;
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && font.widthOfTextAtSize(candidate, size) > maxWidth) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

/** Writes centred lines from the top down. */
class CentredWriter {
  constructor(
    private page: PDFPage,
    private readonly fonts: Fonts,
    public y: number,
    /** Gives a fresh page when this one is full (the annex); without it the page is one-off. */
    private readonly nextPage?: () => PDFPage,
  ) {}

  line(
    text: string,
    size: number,
    options: { bold?: boolean; color?: typeof ink; gap?: number } = {},
  ) {
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    this.y -= options.gap ?? 0;
    for (const line of wrap(text, font, size, textWidth)) {
      if (this.nextPage && this.y - size * 1.3 < frame + 40) {
        this.page = this.nextPage();
        this.y = height - 70;
      }
      this.y -= size * 1.3;
      const w = font.widthOfTextAtSize(line, size);
      this.page.drawText(line, {
        x: (width - w) / 2,
        y: this.y,
        size,
        font,
        color: options.color ?? ink,
      });
    }
  }

  /** At most `max` wrapped lines; returns whether everything fitted. */
  limited(text: string, size: number, max: number): boolean {
    const lines = wrap(text, this.fonts.regular, size, textWidth);
    const shown = lines.slice(0, max);
    if (lines.length > max) shown[max - 1] = `${shown[max - 1] ?? ''} … (continued in the annex)`;
    for (const line of shown) this.line(line, size);
    return lines.length <= max;
  }
}

function drawFrame(page: PDFPage) {
  page.drawRectangle({
    x: frame,
    y: frame,
    width: width - 2 * frame,
    height: height - 2 * frame,
    borderColor: accent,
    borderWidth: 3,
  });
  page.drawRectangle({
    x: frame + 7,
    y: frame + 7,
    width: width - 2 * frame - 14,
    height: height - 2 * frame - 14,
    borderColor: accent,
    borderWidth: 0.8,
  });
}

/** A copy printed while the certificate is not valid must say so across the page. */
function drawStatusMark(page: PDFPage, fonts: Fonts, certificate: CertificateDetail) {
  if (certificate.status === 'active') return;
  const text = issuedCertificateStatusLabels[certificate.status].toUpperCase();
  const size = 90;
  const w = fonts.bold.widthOfTextAtSize(text, size);
  // Centred on the page: back half the width along the 45° baseline, down half the cap height.
  const along = Math.SQRT1_2;
  const lift = size * 0.35;
  page.drawText(text, {
    x: width / 2 - along * (w / 2) + along * lift,
    y: height / 2 - along * (w / 2) - along * lift,
    size,
    font: fonts.bold,
    color: rgb(0.8, 0.15, 0.15),
    opacity: 0.18,
    rotate: degrees(45),
  });
}

function fieldRows(page: PDFPage, fonts: Fonts, rows: [string, string][], top: number) {
  let y = top;
  const labelX = 110;
  const valueX = 290;
  for (const [label, value] of rows) {
    y -= 17;
    page.drawText(label, { x: labelX, y, size: 10, font: fonts.regular, color: muted });
    page.drawText(value, { x: valueX, y, size: 10.5, font: fonts.bold, color: ink });
  }
  return y;
}

async function loadFonts(doc: PDFDocument, fontsFolder: string): Promise<Fonts> {
  doc.registerFontkit(fontkit());
  const read = (file: string) => {
    const fontPath = path.join(fontsFolder, file);
    try {
      return fs.readFileSync(fontPath);
    } catch {
      throw new AppError('INTERNAL', `The font ${fontPath} is missing from this installation.`);
    }
  };
  return {
    regular: await doc.embedFont(read('DejaVuSans.ttf'), { subset: true }),
    bold: await doc.embedFont(read('DejaVuSans-Bold.ttf'), { subset: true }),
  };
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
  const doc = await PDFDocument.create();
  const fonts = await loadFonts(doc, fontsFolder);
  const page = doc.addPage([width, height]);
  drawFrame(page);
  drawStatusMark(page, fonts, certificate);

  const w = new CentredWriter(page, fonts, height - 70);
  w.line(cb, 13, { bold: true, color: accent });
  w.line('CERTIFICATE', 34, { bold: true, color: accent, gap: 26 });
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
  const scopeFits = w.limited(certificate.scopeText, 11.5, 7);

  const maxSites = 5;
  w.line(certificate.sites.length === 1 ? 'at the site' : 'at the sites', 11, { gap: 14 });
  for (const site of certificate.sites.slice(0, maxSites)) w.line(siteText(site), 9.5);
  const moreSites = certificate.sites.length - maxSites;
  if (moreSites > 0)
    w.line(`and ${moreSites} more sites listed in the annex`, 9.5, { color: muted });

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
  const fieldsTop = Math.min(w.y - 18, 250);
  page.drawLine({
    start: { x: 110, y: fieldsTop + 4 },
    end: { x: width - 110, y: fieldsTop + 4 },
    thickness: 0.6,
    color: accent,
  });
  const afterFields = fieldRows(page, fonts, rows, fieldsTop);

  const signatureY = Math.min(afterFields - 40, 118);
  page.drawLine({
    start: { x: width - 250, y: signatureY },
    end: { x: width - 90, y: signatureY },
    thickness: 0.6,
    color: ink,
  });
  const signer = certificate.decision?.decidedByName
    ? `${certificate.decision.decidedByName}, certification decision maker`
    : 'Certification decision maker';
  const signatureLines = [
    ...wrap(signer, fonts.regular, 8.5, 200).map((line) => ({ line, color: ink })),
    ...wrap(`for ${cb}`, fonts.regular, 8.5, 200).map((line) => ({ line, color: muted })),
  ];
  signatureLines.forEach(({ line, color }, i) => {
    page.drawText(line, {
      x: width - 250,
      y: signatureY - 12 - i * 11,
      size: 8.5,
      font: fonts.regular,
      color,
    });
  });

  const small = wrap(
    `This certificate remains valid subject to satisfactory surveillance audits (ISO/IEC 17021-1 9.6). Its current status can be confirmed with ${cb}, quoting the certificate number.`,
    fonts.regular,
    7.5,
    width - 2 * frame - 60,
  );
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

  if (!scopeFits || moreSites > 0) {
    const annexPage = () => {
      const next = doc.addPage([width, height]);
      drawFrame(next);
      return next;
    };
    const a = new CentredWriter(annexPage(), fonts, height - 70, annexPage);
    a.line(`Annex to certificate ${certificate.number}`, 15, { bold: true, color: accent });
    a.line(certificate.organisation, 11, { color: muted, gap: 4 });
    if (!scopeFits) {
      a.line('Scope of certification', 12, { bold: true, gap: 20 });
      a.line(certificate.scopeText, 10);
    }
    if (moreSites > 0) {
      a.line('Sites covered', 12, { bold: true, gap: 20 });
      for (const site of certificate.sites) a.line(siteText(site), 9.5);
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
