/**
 * How evidence files are described in lists: a readable type, a short hash, base64 for the
 * chunked transfer. Pure functions, no DOM beyond btoa/atob.
 */

const knownTypes: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/plain': 'Text',
  'text/csv': 'CSV',
  'text/markdown': 'Markdown',
  'application/json': 'JSON',
  'application/zip': 'ZIP archive',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation':
    'PowerPoint presentation',
  'application/msword': 'Word document',
  'application/vnd.ms-excel': 'Excel workbook',
};

/** "PDF", "JPEG image", "Word document", or the file's extension when the type says nothing. */
export function evidenceTypeLabel(mediaType: string, fileName: string): string {
  const known = knownTypes[mediaType];
  if (known) return known;
  const [kind, sub] = mediaType.split('/');
  if ((kind === 'image' || kind === 'video' || kind === 'audio') && sub) {
    const name = sub.replace(/^x-/, '').split('+')[0]?.toUpperCase() ?? sub;
    return `${name} ${kind}`;
  }
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toUpperCase() : '';
  if (extension !== '' && extension.length <= 8) return `${extension} file`;
  return mediaType === '' || mediaType === 'application/octet-stream' ? 'File' : mediaType;
}

/** The first 12 hex digits: enough to compare by eye, the full hash is in the details. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** Images a browser shows safely in an <img> from a blob: URL. */
export function isPreviewableImage(mediaType: string): boolean {
  return ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'].includes(mediaType);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A clipboard image arrives as "image.png"; give it a name that says when it was pasted. */
export function pastedFileName(original: string, mediaType: string, at: Date): string {
  if (original !== '' && original !== 'image.png') return original;
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}.${pad(at.getMinutes())}.${pad(at.getSeconds())}`;
  const extension = mediaType.startsWith('image/') ? `.${mediaType.slice(6).split('+')[0]}` : '';
  return `Pasted ${mediaType.startsWith('image/') ? 'image' : 'file'} ${stamp}${extension}`;
}
