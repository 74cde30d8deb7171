/**
 * Reads a file as base64 in slices, reporting progress. Each slice is a multiple of 3 bytes, so
 * its base64 has no padding and the pieces join into the base64 of the whole file; the browser
 * encodes each slice itself (readAsDataURL), never one huge binary string.
 */
const sliceBytes = 3 * 1024 * 1024;

function sliceAsBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

export async function readFileAsBase64(
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<string> {
  const parts: string[] = [];
  for (let start = 0; start < file.size; start += sliceBytes) {
    parts.push(await sliceAsBase64(file.slice(start, start + sliceBytes)));
    onProgress(Math.min(1, (start + sliceBytes) / file.size));
  }
  return parts.join('');
}
