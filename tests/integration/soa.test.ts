import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { checklists } from '../../db/schema';
import { blankSoaControls, type SaveSoaInput } from '../../shared/soa/schema';
import { auditTestBed } from './audit-fixtures';
import { fail, sampleClient, succeed } from './helpers';

const { bed, plan, person } = auditTestBed('soa');

function soa(overrides: Partial<SaveSoaInput> = {}): SaveSoaInput {
  return {
    clientId: bed.client.id,
    documentReference: 'AIMS-SOA-01 v1',
    basedOnVersionId: null,
    controls: blankSoaControls(),
    ...overrides,
  };
}

/** The controls with A.10.4 (Customers, the last row) excluded, with or without a reason. */
function excludingCustomers(justification: string) {
  return blankSoaControls().map((c) =>
    c.controlId === 'A.10.4' ? { ...c, applicable: false, justification } : c,
  );
}

describe('Statement of Applicability versions', () => {
  it('starts with no SoA for a new client', async () => {
    expect(await succeed(bed.app, 'currentSoa', { clientId: bed.client.id })).toBeNull();
    expect(await succeed(bed.app, 'listSoaVersions', { clientId: bed.client.id })).toEqual([]);
  });

  it('refuses an exclusion without a justification, naming the field, and stores nothing', async () => {
    const error = await fail(bed.app, 'saveSoaVersion', soa({ controls: excludingCustomers('') }));
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe('controls[37].justification');
    expect(error.message).toMatch(/A\.10\.4 is excluded/);
    expect(await succeed(bed.app, 'listSoaVersions', { clientId: bed.client.id })).toEqual([]);
  });

  it('refuses a list that leaves out an Annex A control', async () => {
    const error = await fail(
      bed.app,
      'saveSoaVersion',
      soa({ controls: blankSoaControls().slice(1) }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'controls' });
    expect(error.message).toContain('A.2.2');
  });

  it('saves a new version each time and keeps the older ones readable', async () => {
    const first = await succeed(
      bed.app,
      'saveSoaVersion',
      soa({ controls: excludingCustomers('We sell no AI products or services to customers.') }),
    );
    expect(first).toMatchObject({
      versionNumber: 1,
      documentReference: 'AIMS-SOA-01 v1',
      catalogueVersion: 'audit-desk-42001-2023.1',
      applicableCount: 37,
      excludedCount: 1,
      createdByName: 'Margaret Okafor',
    });
    const customers = first.controls.find((c) => c.controlId === 'A.10.4');
    expect(customers).toMatchObject({
      title: 'Customers',
      applicable: false,
      implementationStatus: null,
    });

    // Starting from version 1 again once version 2 exists is a conflict, not a silent overwrite.
    const second = await succeed(
      bed.app,
      'saveSoaVersion',
      soa({ documentReference: 'AIMS-SOA-01 v2', basedOnVersionId: first.id }),
    );
    expect(second.versionNumber).toBe(2);
    const stale = await fail(bed.app, 'saveSoaVersion', soa({ basedOnVersionId: first.id }));
    expect(stale).toMatchObject({ code: 'CONFLICT', field: 'basedOnVersionId' });

    const current = await succeed(bed.app, 'currentSoa', { clientId: bed.client.id });
    expect(current?.id).toBe(second.id);
    expect(current?.excludedCount).toBe(0);
    const versions = await succeed(bed.app, 'listSoaVersions', { clientId: bed.client.id });
    expect(versions.map((v) => v.versionNumber)).toEqual([2, 1]);
    const old = await succeed(bed.app, 'getSoaVersion', { id: first.id });
    expect(old.controls.find((c) => c.controlId === 'A.10.4')?.justification).toBe(
      'We sell no AI products or services to customers.',
    );
  });

  it('writes each version to the change log, in the client history', async () => {
    const saved = await succeed(bed.app, 'saveSoaVersion', soa());
    const history = await succeed(bed.app, 'clientHistory', { id: bed.client.id });
    const entry = history.find((h) => h.entity === 'soa_version' && h.entityId === saved.id);
    expect(entry).toMatchObject({ field: 'created', actorName: 'Margaret Okafor' });
    expect(JSON.parse(entry?.newValue ?? '{}')).toMatchObject({ versionNumber: 1 });
  });

  it('lets only a scheduler, lead auditor or administrator record a version', async () => {
    const auditor = await person('Alex Auditor', ['auditor']);
    await succeed(bed.app, 'signIn', { personId: auditor.id });
    expect(await fail(bed.app, 'saveSoaVersion', soa())).toMatchObject({ code: 'FORBIDDEN' });
    // Reading stays open to the team.
    expect(await succeed(bed.app, 'currentSoa', { clientId: bed.client.id })).toBeNull();
  });
});

describe('the SoA version an audit audited', () => {
  it('is recorded per audit, corrected when needed, and must belong to the same client', async () => {
    const audit = await succeed(bed.app, 'createAudit', plan());
    expect(await succeed(bed.app, 'auditedSoaVersion', { auditId: audit.id })).toBeNull();
    const v1 = await succeed(bed.app, 'saveSoaVersion', soa());
    const v2 = await succeed(bed.app, 'saveSoaVersion', soa({ basedOnVersionId: v1.id }));

    const linked = await succeed(bed.app, 'recordAuditedSoaVersion', {
      auditId: audit.id,
      soaVersionId: v1.id,
    });
    expect(linked).toMatchObject({ soaVersion: { versionNumber: 1 }, checklistPrepared: false });
    await succeed(bed.app, 'recordAuditedSoaVersion', { auditId: audit.id, soaVersionId: v2.id });
    const now = await succeed(bed.app, 'auditedSoaVersion', { auditId: audit.id });
    expect(now?.soaVersion.id).toBe(v2.id);
    expect(now?.recordedByName).toBe('Margaret Okafor');

    const history = await succeed(bed.app, 'clientHistory', { id: bed.client.id });
    const change = history.find((h) => h.entity === 'audit_soa_link' && h.field === 'soaVersionId');
    expect(change).toMatchObject({ oldValue: v1.id, newValue: v2.id });

    const other = await succeed(
      bed.app,
      'createClient',
      sampleClient({ legalName: 'Other AI Ltd' }),
    );
    const foreign = await succeed(bed.app, 'saveSoaVersion', soa({ clientId: other.id }));
    const error = await fail(bed.app, 'recordAuditedSoaVersion', {
      auditId: audit.id,
      soaVersionId: foreign.id,
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'soaVersionId' });
  });
});

describe('the audited SoA version once the checklist is prepared', () => {
  it('stays the version the checklist was prepared from', async () => {
    const audit = await succeed(bed.app, 'createAudit', plan());
    const v1 = await succeed(bed.app, 'saveSoaVersion', soa());
    const v2 = await succeed(bed.app, 'saveSoaVersion', soa({ basedOnVersionId: v1.id }));
    await succeed(bed.app, 'recordAuditedSoaVersion', { auditId: audit.id, soaVersionId: v1.id });
    // The checklist row as the checklist service writes it: the SoA version it was prepared from.
    const at = '2026-03-02T10:00:00.000Z';
    bed.app.runtime.database.db
      .insert(checklists)
      .values({
        id: uuidv7(),
        auditId: audit.id,
        kind: 'selection',
        catalogueVersion: 'audit-desk-42001-2023.1',
        soaVersionId: v1.id,
        generatedBy: bed.admin.id,
        createdAt: at,
        updatedAt: at,
      })
      .run();

    const error = await fail(bed.app, 'recordAuditedSoaVersion', {
      auditId: audit.id,
      soaVersionId: v2.id,
    });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'soaVersionId' });
    expect(error.message).toMatch(/^The checklist was prepared from SoA version 1;/);
    // Recording the same version again changes nothing and is not an error.
    await succeed(bed.app, 'recordAuditedSoaVersion', { auditId: audit.id, soaVersionId: v1.id });
    const now = await succeed(bed.app, 'auditedSoaVersion', { auditId: audit.id });
    expect(now).toMatchObject({ soaVersion: { id: v1.id }, checklistPrepared: true });
  });
});
