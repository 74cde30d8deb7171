import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeLog } from '../../db/schema';
import { fail, succeed, temporaryFolder } from './helpers';
import { TeamWorld } from './team-setup';

const root = temporaryFolder('people-profile');
let counter = 0;
let w: TeamWorld;

beforeEach(async () => {
  w?.app.runtime.close();
  w = await TeamWorld.start(path.join(root, `db-${++counter}.sqlite`));
});

describe('people profiles', () => {
  it('keeps qualifications, competence areas and languages, each change in the change log', async () => {
    const lena = await w.addPerson('Lena Lead', ['lead_auditor'], ['aiLifecycle', 'sectorHealth']);
    const q = await w.qualify(lena.id, 'iso42001LeadAuditor', '2027-12-31');
    await succeed(w.app, 'updateQualification', { ...q, validUntil: '2028-12-31' });
    const profile = await succeed(w.app, 'getPersonProfile', { id: lena.id });
    expect(profile.competenceAreas).toEqual(['aiLifecycle', 'sectorHealth']);
    expect(profile.languages).toEqual(['en']);
    expect(profile.qualifications).toEqual([expect.objectContaining({ validUntil: '2028-12-31' })]);
    const fields = w.db
      .select({ entity: changeLog.entity, field: changeLog.field })
      .from(changeLog)
      .where(eq(changeLog.rootId, lena.id))
      .all();
    expect(fields).toEqual(
      expect.arrayContaining([
        { entity: 'person', field: 'competenceAreas' },
        { entity: 'person', field: 'languages' },
        { entity: 'person_qualification', field: 'created' },
        { entity: 'person_qualification', field: 'validUntil' },
      ]),
    );
  });

  it('lets people record their own days away and declarations, but not anyone else’s', async () => {
    const al = await w.addPerson('Al Auditor', ['auditor']);
    const bo = await w.addPerson('Bo Auditor', ['auditor']);
    await w.actAs(al);
    await succeed(w.app, 'addUnavailability', {
      personId: al.id,
      fromDate: '2026-07-01',
      toDate: '2026-07-14',
      reason: 'Leave',
    });
    await succeed(w.app, 'addImpartialityDeclaration', {
      personId: al.id,
      clientId: w.clientId,
      kind: 'financial',
      fromDate: '2025-01-01',
    });
    expect(
      await fail(w.app, 'addUnavailability', {
        personId: bo.id,
        fromDate: '2026-07-01',
        toDate: '2026-07-02',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await fail(w.app, 'updatePersonCompetence', {
        id: al.id,
        competenceAreas: ['aiLifecycle'],
        languages: [],
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const [declared] = (await succeed(w.app, 'getPersonProfile', { id: al.id })).declarations;
    expect(declared).toMatchObject({
      clientName: 'Lumen Analytics GmbH',
      kind: 'financial',
      toDate: null,
    });
    expect(await fail(w.app, 'removeImpartialityDeclaration', { id: declared?.id })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await w.actAs(w.admin);
    await succeed(w.app, 'addImpartialityDeclaration', {
      personId: bo.id,
      clientId: w.clientId,
      kind: 'other',
      fromDate: '2025-01-01',
      notes: 'Spouse of a supplier',
    });
    await succeed(w.app, 'removeImpartialityDeclaration', { id: declared?.id ?? '' });
    expect((await succeed(w.app, 'getPersonProfile', { id: al.id })).declarations).toEqual([]);
  });

  it('refuses a day-away period that ends before it starts, at the field', async () => {
    const error = await fail(w.app, 'addUnavailability', {
      personId: w.admin.id,
      fromDate: '2026-07-10',
      toDate: '2026-07-01',
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'toDate' });
  });
});

describe('application review', () => {
  it('records the required areas with who reviewed and when; auditors cannot', async () => {
    const review = await succeed(w.app, 'getApplicationReview', { clientId: w.clientId });
    expect(review).toMatchObject({
      requiredCompetenceAreas: ['aiLifecycle', 'sectorHealth'],
      reviewedBy: { id: w.admin.id, name: 'Ana Admin' },
    });
    expect(review.reviewedAt).toMatch(/^2026-03-02T/);
    const lead = await w.addPerson('Lena Lead', ['lead_auditor']);
    const al = await w.addPerson('Al Auditor', ['auditor']);
    await w.actAs(lead);
    const again = await succeed(w.app, 'reviewApplication', {
      clientId: w.clientId,
      requiredCompetenceAreas: ['dataForAi'],
    });
    expect(again.reviewedBy?.name).toBe('Lena Lead');
    await w.actAs(al);
    expect(
      await fail(w.app, 'reviewApplication', { clientId: w.clientId, requiredCompetenceAreas: [] }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const history = await succeed(w.app, 'clientHistory', { id: w.clientId });
    expect(history.map((h) => h.field)).toContain('requiredCompetenceAreas');
  });
});
