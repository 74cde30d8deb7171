import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import os from 'node:os';
import { uuidv7 } from 'uuidv7';
import { settings } from '../../../db/schema';
import type { Db } from '../../../db/open';
import type { PackageIdentity, PackageSigner } from '../../../shared/packages/schema';
import { logEvent, logFieldChanges } from '../change-log';
import { nowIso, type ServiceContext } from '../context';
import { readSetting } from '../settings';

const identityKey = 'package-identity';
const signersKey = 'package-signers';

interface StoredIdentity {
  installationId: string;
  name: string;
  /** Ed25519, SPKI DER, base64. */
  publicKey: string;
  /** Ed25519, PKCS#8 DER, base64. Never leaves this database (nor its change log). */
  privateKey: string;
  createdAt: string;
}

interface KnownSigner {
  installationId: string;
  name: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

export function fingerprintOf(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
  return (hex.slice(0, 32).match(/.{4}/g) ?? []).join(' ').toUpperCase();
}

function publicIdentity(stored: StoredIdentity): PackageIdentity {
  return {
    installationId: stored.installationId,
    name: stored.name,
    fingerprint: fingerprintOf(stored.publicKey),
    createdAt: stored.createdAt,
  };
}

function writeRaw(tx: Db, key: string, value: string, at: string): void {
  tx.insert(settings)
    .values({ key, value, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
    .run();
}

/**
 * This installation's Ed25519 key pair and name, made on first use. The private key is stored in
 * the settings table without a change-log entry, so it is in this database and its backups only.
 */
export function ensureIdentity(ctx: ServiceContext): StoredIdentity {
  const existing = readSetting(ctx.db, identityKey);
  if (existing) return JSON.parse(existing) as StoredIdentity;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const at = nowIso(ctx);
  const stored: StoredIdentity = {
    installationId: uuidv7(),
    name: `Audit Desk on ${os.hostname()}`,
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    createdAt: at,
  };
  ctx.db.transaction((tx) => {
    writeRaw(tx, identityKey, JSON.stringify(stored), at);
    const { privateKey: _secret, ...shown } = stored;
    void _secret;
    logEvent(
      ctx,
      tx,
      { entity: 'installation', entityId: stored.installationId, rootId: 'settings' },
      'created',
      shown,
      at,
    );
  });
  return stored;
}

export function packageIdentity(ctx: ServiceContext): PackageIdentity {
  return publicIdentity(ensureIdentity(ctx));
}

export function renameIdentity(ctx: ServiceContext, name: string): PackageIdentity {
  const stored = ensureIdentity(ctx);
  if (stored.name === name) return publicIdentity(stored);
  const at = nowIso(ctx);
  const next = { ...stored, name };
  ctx.db.transaction((tx) => {
    writeRaw(tx, identityKey, JSON.stringify(next), at);
    logFieldChanges(
      ctx,
      tx,
      { entity: 'installation', entityId: stored.installationId, rootId: 'settings' },
      { name: stored.name },
      { name },
      at,
    );
  });
  return publicIdentity(next);
}

export function signBytes(identity: StoredIdentity, bytes: Buffer): string {
  const key = createPrivateKey({
    key: Buffer.from(identity.privateKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return sign(null, bytes, key).toString('base64');
}

/** Whether `signature` is `publicKey`'s Ed25519 signature of `bytes`; false for any malformed part. */
export function signatureHolds(publicKeyBase64: string, bytes: Buffer, signature: string): boolean {
  try {
    const key = createPublicKey({
      key: Buffer.from(publicKeyBase64, 'base64'),
      format: 'der',
      type: 'spki',
    });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

function knownSigners(db: Db): Record<string, KnownSigner> {
  const raw = readSetting(db, signersKey);
  return raw ? (JSON.parse(raw) as Record<string, KnownSigner>) : {};
}

/** Who signed, as this installation knows them: first package from that key, or a name reused. */
export function describeSigner(
  db: Db,
  signer: { installationId: string; name: string; publicKey: string },
): PackageSigner {
  const fingerprint = fingerprintOf(signer.publicKey);
  const known = knownSigners(db);
  const raw = readSetting(db, identityKey);
  const own = raw ? (JSON.parse(raw) as StoredIdentity) : null;
  const ownFingerprint = own ? fingerprintOf(own.publicKey) : null;
  return {
    installationId: signer.installationId,
    name: signer.name,
    fingerprint,
    firstSeen: known[fingerprint] === undefined && fingerprint !== ownFingerprint,
    // This installation's own name on another key counts too: a package pretending to be ours.
    nameSeenWithOtherKey:
      Object.entries(known).some(([print, k]) => print !== fingerprint && k.name === signer.name) ||
      (own !== null && ownFingerprint !== fingerprint && own.name === signer.name),
  };
}

/** Remembers a signer after a successful import, inside the import's transaction. */
export function rememberSigner(
  tx: Db,
  signer: { installationId: string; name: string; publicKey: string },
  at: string,
): void {
  const known = knownSigners(tx);
  const fingerprint = fingerprintOf(signer.publicKey);
  known[fingerprint] = {
    installationId: signer.installationId,
    name: signer.name,
    firstSeenAt: known[fingerprint]?.firstSeenAt ?? at,
    lastSeenAt: at,
  };
  writeRaw(tx, signersKey, JSON.stringify(known), at);
}
