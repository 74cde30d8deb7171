import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  evidenceTypeLabel,
  isPreviewableImage,
  pastedFileName,
  shortHash,
} from '../../renderer/features/evidence/evidenceFormat';

describe('how evidence files are described', () => {
  it('names common types the way people say them', () => {
    expect(evidenceTypeLabel('application/pdf', 'report.pdf')).toBe('PDF');
    expect(evidenceTypeLabel('image/jpeg', 'IMG_0042.jpg')).toBe('JPEG image');
    expect(evidenceTypeLabel('image/svg+xml', 'logo.svg')).toBe('SVG image');
    expect(
      evidenceTypeLabel(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'policy.docx',
      ),
    ).toBe('Word document');
  });

  it("falls back to the file's extension, then to 'File'", () => {
    expect(evidenceTypeLabel('application/octet-stream', 'export.parquet')).toBe('PARQUET file');
    expect(evidenceTypeLabel('application/octet-stream', 'README')).toBe('File');
    expect(evidenceTypeLabel('', '.hidden')).toBe('File');
  });

  it('shortens a hash to 12 hex digits', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });

  it('previews only raster images a browser shows safely', () => {
    expect(isPreviewableImage('image/png')).toBe(true);
    expect(isPreviewableImage('image/svg+xml')).toBe(false);
    expect(isPreviewableImage('application/pdf')).toBe(false);
  });

  it('encodes chunks to base64 and back exactly, also beyond one argument slice', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31 + 7) % 256);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(encoded)).equals(Buffer.from(bytes))).toBe(true);
    expect(bytesToBase64(new Uint8Array(0))).toBe('');
  });

  it('names a pasted clipboard image after when it was pasted, and keeps real names', () => {
    const at = new Date(2026, 2, 2, 9, 5, 7);
    expect(pastedFileName('image.png', 'image/png', at)).toBe(
      'Pasted image 2026-03-02 09.05.07.png',
    );
    expect(pastedFileName('', 'application/pdf', at)).toBe('Pasted file 2026-03-02 09.05.07');
    expect(pastedFileName('whiteboard.jpg', 'image/jpeg', at)).toBe('whiteboard.jpg');
  });
});
