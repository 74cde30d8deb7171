import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from 'pdf-lib';

/**
 * The text drawn on each page of a PDF written by pdf-lib with embedded fonts. Such text is shown
 * as glyph ids (`<0012002A> Tj`); each font's ToUnicode map turns them back into characters.
 * Enough for tests of our own documents, not a general PDF text extractor.
 */
function streamText(stream: PDFRawStream): string {
  const bytes = stream.getContents();
  const filter = stream.dict.get(PDFName.of('Filter'));
  return (filter === PDFName.of('FlateDecode') ? inflateSync(bytes) : Buffer.from(bytes)).toString(
    'latin1',
  );
}

function hexToString(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** Glyph id (4 hex digits) → characters, from a ToUnicode CMap's bfchar and bfrange sections. */
function parseToUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, gid, unicode] of (section[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      map.set((gid ?? '').toUpperCase(), hexToString(unicode ?? ''));
    }
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, start] of (section[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const first = parseInt(from ?? '0', 16);
      const base = parseInt(start ?? '0', 16);
      for (let gid = first; gid <= parseInt(to ?? '0', 16); gid++) {
        map.set(
          gid.toString(16).toUpperCase().padStart(4, '0'),
          String.fromCharCode(base + gid - first),
        );
      }
    }
  }
  return map;
}

function resolve(doc: PDFDocument, object: PDFObject | undefined): PDFObject | undefined {
  return object instanceof PDFRef ? doc.context.lookup(object) : object;
}

function fontMaps(doc: PDFDocument, fonts: PDFDict): Map<string, Map<string, string>> {
  const maps = new Map<string, Map<string, string>>();
  for (const [name, ref] of fonts.entries()) {
    const font = resolve(doc, ref);
    if (!(font instanceof PDFDict)) continue;
    const toUnicode = resolve(doc, font.get(PDFName.of('ToUnicode')));
    if (toUnicode instanceof PDFRawStream)
      maps.set(name.asString(), parseToUnicode(streamText(toUnicode)));
  }
  return maps;
}

/** One string per page: its text lines in drawing order, joined by newlines. */
export function pdfPageTexts(doc: PDFDocument): string[] {
  return doc.getPages().map((page) => {
    const resources = page.node.Resources();
    const fonts = resolve(doc, resources?.get(PDFName.of('Font')));
    const maps = fonts instanceof PDFDict ? fontMaps(doc, fonts) : new Map();
    const contents = resolve(doc, page.node.get(PDFName.of('Contents')));
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((c) => resolve(doc, c)) : [contents];
    const lines: string[] = [];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      let current = new Map<string, string>();
      for (const [, font, hex] of streamText(stream).matchAll(
        /(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g,
      )) {
        if (font) current = maps.get(font) ?? new Map();
        else if (hex !== undefined) {
          const glyphs = hex.toUpperCase().match(/.{4}/g) ?? [];
          lines.push(glyphs.map((g) => current.get(g) ?? '\uFFFD').join(''));
        }
      }
    }
    return lines.join('\n');
  });
}
