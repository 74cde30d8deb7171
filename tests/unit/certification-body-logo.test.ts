import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  logoMediaType,
  logoPixelSize,
  logoProblem,
  logoSizeText,
  pngLayout,
  pngRawBytes,
} from '../../shared/settings/certification-body-logo';
import { greyPng } from './png-builder';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const png = fs.readFileSync(path.join(fixtures, 'cb-logo.png'));
const jpeg = fs.readFileSync(path.join(fixtures, 'cb-logo.jpg'));

describe('the logo file checks', () => {
  it('tell PNG and JPEG by their first bytes, whatever the name says', () => {
    expect(logoMediaType(png)).toBe('image/png');
    expect(logoMediaType(jpeg)).toBe('image/jpeg');
    expect(logoMediaType(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(logoMediaType(Buffer.from('GIF89a'))).toBeNull();
    expect(logoMediaType(new Uint8Array(0))).toBeNull();
    expect(logoProblem('logo.png', Buffer.from('<svg/>'))).toContain('is not a PNG or JPEG image');
  });

  it('read the size in pixels from the PNG header and the JPEG start of frame', () => {
    expect(logoPixelSize(png, 'image/png')).toEqual({ width: 480, height: 160 });
    expect(logoPixelSize(jpeg, 'image/jpeg')).toEqual({ width: 480, height: 160 });
    // Fill bytes before a marker are allowed (ITU T.81 B.1.1.2).
    const filled = Buffer.concat([
      jpeg.subarray(0, 2),
      Buffer.from([0xff, 0xff]),
      jpeg.subarray(2),
    ]);
    expect(logoPixelSize(filled, 'image/jpeg')).toEqual({ width: 480, height: 160 });
  });

  it('find a truncated or malformed file unreadable', () => {
    expect(logoPixelSize(png.subarray(0, 200), 'image/png')).toBeNull();
    expect(logoPixelSize(png.subarray(0, png.length - 12), 'image/png')).toBeNull();
    expect(logoPixelSize(jpeg.subarray(0, 20), 'image/jpeg')).toBeNull();
    const badDepth = Buffer.from(png);
    badDepth[24] = 3; // 3-bit RGBA does not exist
    expect(pngLayout(badDepth)).toBeNull();
    expect(logoProblem('cut.png', png.subarray(0, 200))).toBe(
      '“cut.png” starts like a PNG image but cannot be read; it may be damaged.',
    );
  });

  it('know how many bytes the image data of a plain and an interlaced PNG inflate to', () => {
    const plain = pngLayout(greyPng(3, 3));
    const interlaced = pngLayout(greyPng(3, 3, true));
    expect(plain && pngRawBytes(plain)).toBe(12);
    // Adam7 passes 1, 4, 5, 6 and 7 hold pixels of a 3 × 3 image: 2 + 2 + 3 + 4 + 4 bytes.
    expect(interlaced && pngRawBytes(interlaced)).toBe(15);
    const rgba = pngLayout(png);
    expect(rgba && pngRawBytes(rgba)).toBe(160 * (1 + 480 * 4));
  });

  it('say sizes the way the messages do', () => {
    expect(logoSizeText(20_292)).toBe('20 KB');
    expect(logoSizeText(1024 * 1024 + 1)).toBe('1.0 MB');
    expect(logoSizeText(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(logoProblem('big.png', new Uint8Array(3 * 1024 * 1024))).toContain(
      '“big.png” is 3.0 MB; the logo may be at most 1 MB (an Audit Desk limit).',
    );
  });
});
