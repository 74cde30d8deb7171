import { addCalendarDays } from '../../shared/cycle';
import type { Person } from '../../shared/people/schema';
import type { ClientInput } from '../../shared/clients/schema';
import type { findingTestBed } from './finding-fixtures';
import { sampleClient, succeed } from './helpers';

type Bed = ReturnType<typeof findingTestBed>;

/**
 * A client certified here: created, its one-day Stage 2 held (by Lena and Aaron) 20 days before, and a
 * grant taken by `decider` on `decisionDate`. Returns the client and the certificate.
 */
export async function certifiedClient(
  t: Bed,
  decider: Person,
  decisionDate: string,
  client: Partial<ClientInput> = {},
) {
  const { bed } = t;
  await t.as(bed.admin);
  const created = await succeed(
    bed.app,
    'createClient',
    sampleClient({
      scope: 'Provision of AI-based document classification services.',
      ...client,
    }),
  );
  const held = addCalendarDays(decisionDate, -20);
  t.audit('stage2', held, held, { clientId: created.id });
  await t.as(decider);
  const result = await succeed(bed.app, 'takeCertificationDecision', {
    clientId: created.id,
    kind: 'grant',
    decisionDate,
    reasons: 'Stage 2 found the AIMS conforming and effective.',
  });
  if (!result.certificate) throw new Error('certifiedClient: no certificate issued');
  return { client: created, certificate: result.certificate };
}
