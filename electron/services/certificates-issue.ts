import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { certificates } from '../../db/schema';
import type { Db } from '../../db/open';
import { iso42001Edition } from '../../shared/iso42001/requirements';
import { logEvent, logFieldChanges } from './change-log';
import { certificateEntity, certificateRows, type CertificateRecord } from './certificates';
import { nextCertificateNumber } from './certificates-numbering';
import type { ServiceContext } from './context';

/** Keeps the stored status column in step with the derived one on `day`, logging each change. */
export function syncStoredStatuses(
  ctx: ServiceContext,
  tx: Db,
  clientId: string,
  day: string,
  at: string,
) {
  const derived = new Map(certificateRows(tx, day, clientId).map((r) => [r.id, r.status]));
  const records = tx.select().from(certificates).where(eq(certificates.clientId, clientId)).all();
  for (const record of records) {
    const status = derived.get(record.id);
    if (status === undefined || status === record.status) continue;
    tx.update(certificates)
      .set({ status, updatedAt: at })
      .where(eq(certificates.id, record.id))
      .run();
    logFieldChanges(ctx, tx, certificateEntity(record), { status: record.status }, { status }, at);
  }
}

export interface IssueValues {
  clientId: string;
  decisionId: string;
  issueDate: string;
  expiryDate: string;
  scopeText: string;
  siteIds: string[];
  replacesId: string | null;
}

/** Issues a certificate with the next number of its issue year (inside the decision's transaction). */
export function issueCertificate(
  ctx: ServiceContext,
  tx: Db,
  values: IssueValues,
  at: string,
): CertificateRecord {
  const record: CertificateRecord = {
    id: uuidv7(),
    clientId: values.clientId,
    number: nextCertificateNumber(tx, Number(values.issueDate.slice(0, 4))),
    standard: iso42001Edition,
    scopeText: values.scopeText,
    siteIds: values.siteIds,
    issueDate: values.issueDate,
    expiryDate: values.expiryDate,
    decisionId: values.decisionId,
    replacesId: values.replacesId,
    status: 'active',
    createdAt: at,
    updatedAt: at,
  };
  tx.insert(certificates).values(record).run();
  const { id: _id, createdAt: _c, updatedAt: _u, ...snapshot } = record;
  logEvent(ctx, tx, certificateEntity(record), 'created', snapshot, at);
  if (values.replacesId) {
    const replaced = tx
      .select()
      .from(certificates)
      .where(eq(certificates.id, values.replacesId))
      .get();
    if (replaced) {
      logFieldChanges(
        ctx,
        tx,
        certificateEntity(replaced),
        { replacedBy: null },
        { replacedBy: record.number },
        at,
      );
    }
  }
  return record;
}
