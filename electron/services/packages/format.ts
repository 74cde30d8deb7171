import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { signatureHolds } from './identity';
import type { Row } from './tables';

/**
 * The file: a zip holding `manifest.json` (what is inside, with the SHA-256 of every other file),
 * `manifest.sig` (the exporting installation's Ed25519 signature of manifest.json's bytes),
 * `data.json` (the rows and their change-log entries) and `evidence/<sha256>` files.
 */
export const formatName = 'audit-desk-package';
export const formatVersion = 1;

const manifestSchema = z.object({
  format: z.literal(formatName),
  version: z.literal(formatVersion),
  packageId: z.string().min(1),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  signer: z.object({
    installationId: z.string().min(1),
    name: z.string(),
    publicKey: z.string().min(1),
  }),
  audits: z.array(
    z.object({
      id: z.string(),
      clientName: z.string(),
      clientReference: z.string(),
      type: z.string(),
      plannedStart: z.string(),
    }),
  ),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

export interface PackageData {
  tables: Record<string, Row[]>;
  changeLog: Row[];
}

const dataSchema = z.object({
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  changeLog: z.array(z.looseObject({ id: z.string(), entity_id: z.string(), field: z.string() })),
});

export interface ReadPackage {
  manifest: Manifest;
  data: PackageData;
  /** Evidence files by SHA-256 (already checked against the manifest). */
  evidence: Map<string, Buffer>;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function writePackage(
  manifest: Omit<Manifest, 'files'>,
  data: PackageData,
  evidence: Map<string, Buffer>,
  signManifest: (bytes: Buffer) => string,
): Promise<Buffer> {
  const zip = new JSZip();
  const files: Manifest['files'] = [];
  const add = (path: string, bytes: Buffer) => {
    zip.file(path, bytes);
    files.push({ path, sha256: sha256Of(bytes), bytes: bytes.length });
  };
  add('data.json', Buffer.from(JSON.stringify(data)));
  for (const [sha, bytes] of [...evidence].sort(([a], [b]) => a.localeCompare(b))) {
    add(`evidence/${sha}`, bytes);
  }
  const manifestBytes = Buffer.from(JSON.stringify({ ...manifest, files }, null, 2));
  zip.file('manifest.json', manifestBytes);
  zip.file('manifest.sig', signManifest(manifestBytes));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function refused(message: string): AppError {
  return new AppError('VALIDATION', `This package was refused: ${message}`, 'file');
}

/**
 * Opens a package and checks it before anything is read from it: the signature over the
 * manifest, then every file's SHA-256 against the manifest, and no file the manifest does not list.
 */
export async function readPackage(bytes: Buffer): Promise<ReadPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw refused('it is not an Audit Desk package (not a readable zip file).');
  }
  const manifestFile = zip.file('manifest.json');
  const signatureFile = zip.file('manifest.sig');
  if (!manifestFile || !signatureFile) {
    throw refused('it has no signed manifest, so it is not an Audit Desk package.');
  }
  const manifestBytes = await manifestFile.async('nodebuffer');
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw refused('its manifest is not readable.');
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) {
    const version = (parsed as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > formatVersion) {
      throw refused(`it was made by a newer Audit Desk (package format ${version}); update first.`);
    }
    throw refused('its manifest is not in the Audit Desk package format.');
  }
  const signature = (await signatureFile.async('string')).trim();
  if (!signatureHolds(manifest.data.signer.publicKey, manifestBytes, signature)) {
    throw refused(
      `the signature does not match its contents (it claims to come from "${manifest.data.signer.name}"). It was changed after it was signed, or it is not from that installation.`,
    );
  }
  const listed = new Map(manifest.data.files.map((f) => [f.path, f]));
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]?.dir) continue;
    if (name !== 'manifest.json' && name !== 'manifest.sig' && !listed.has(name)) {
      throw refused(`it holds a file its signed manifest does not list (${name}).`);
    }
  }
  const contents = new Map<string, Buffer>();
  for (const f of manifest.data.files) {
    const file = zip.file(f.path);
    if (!file) throw refused(`${f.path} is missing from it.`);
    const content = await file.async('nodebuffer');
    if (sha256Of(content) !== f.sha256) {
      throw refused(`${f.path} does not match the hash in its signed manifest (it was altered).`);
    }
    contents.set(f.path, content);
  }
  const rawData = contents.get('data.json');
  if (!rawData) throw refused('it has no data.');
  let rawJson: unknown;
  try {
    rawJson = JSON.parse(rawData.toString('utf8'));
  } catch {
    throw refused('its data is not readable.');
  }
  const data = dataSchema.safeParse(rawJson);
  if (!data.success) throw refused('its data is not in the Audit Desk package format.');
  const evidence = new Map<string, Buffer>();
  for (const [path, content] of contents) {
    if (!path.startsWith('evidence/')) continue;
    const sha = path.slice('evidence/'.length);
    if (sha !== sha256Of(content)) throw refused(`${path} is not named by its hash.`);
    evidence.set(sha, content);
  }
  return { manifest: manifest.data, data: data.data as PackageData, evidence };
}
