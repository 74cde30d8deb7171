import { describe, expect, it } from 'vitest';
import {
  calculateAuditTime,
  checkAuditTimeEntry,
  defaultAuditTimeTable,
  parseAuditTimeInput,
  prefillFromClient,
  suggestAiRoleColumn,
} from '../../shared/audit-time';
import type { Client } from '../../shared/clients/schema';

type Site = Client['sites'][number];

const site = (overrides: Partial<Site>): Site => ({
  id: 's',
  name: 'Site',
  address: '',
  country: 'DE',
  isCentral: false,
  fullTimePersonnel: 0,
  partTimePersonnel: 0,
  partTimeAverageHours: 0,
  aiPersonnel: 0,
  ...overrides,
});

const client = (overrides: Partial<Pick<Client, 'sites' | 'aiRoles' | 'otherCertifications'>>) => ({
  sites: [site({ isCentral: true, fullTimePersonnel: 10 })],
  aiRoles: [],
  otherCertifications: [],
  ...overrides,
});

describe('prefilling the calculation from a client', () => {
  it('adds up full-time persons and part-time hours over every site and counts the sites', () => {
    const prefill = prefillFromClient(
      client({
        sites: [
          site({
            isCentral: true,
            fullTimePersonnel: 120,
            partTimePersonnel: 10,
            partTimeAverageHours: 20,
          }),
          site({ fullTimePersonnel: 30, partTimePersonnel: 4, partTimeAverageHours: 12.5 }),
          site({ fullTimePersonnel: 8 }),
        ],
      }),
    );
    expect(prefill.personnel).toEqual({
      fullTime: 158,
      partTimeHours: 250,
      fullTimeWeeklyHours: 40,
      repetitiveGroups: [],
    });
    expect(prefill.sites).toBe(3);
  });

  it('rounds part-time hours up to whole hours without floating-point surprises', () => {
    const hours = (count: number, average: number) =>
      prefillFromClient(
        client({ sites: [site({ partTimePersonnel: count, partTimeAverageHours: average })] }),
      ).personnel.partTimeHours;
    // 10 × 2.2 is 22.000000000000004 in floating point; it is 22 hours.
    expect(hours(10, 2.2)).toBe(22);
    expect(hours(3, 17.3)).toBe(52);
    expect(hours(0, 30)).toBe(0);
  });

  it('gives the calculator an input it accepts, with the same effective personnel', () => {
    const prefill = prefillFromClient(
      client({
        sites: [
          site({
            isCentral: true,
            fullTimePersonnel: 40,
            partTimePersonnel: 5,
            partTimeAverageHours: 20,
          }),
          site({ fullTimePersonnel: 9 }),
        ],
        aiRoles: ['producer'],
      }),
    );
    const parsed = parseAuditTimeInput(
      { aiRole: prefill.role.aiRole, personnel: prefill.personnel, sites: prefill.sites },
      defaultAuditTimeTable,
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = calculateAuditTime(parsed.value, defaultAuditTimeTable);
    // 49 full-time + ⌈100 h / 40⌉ = 3 → 52 persons, band 46-65, producer 10 days.
    expect(result).toMatchObject({ effectivePersonnel: 52, band: '46-65', baseDays: 10 });
    expect(result.sampledSites.initial).toBe(1);
  });

  it('offers a combined audit when the client holds ISO/IEC 27001, however it is written', () => {
    const with27001 = prefillFromClient(
      client({
        otherCertifications: [
          { standard: 'ISO 9001', certificateNumber: 'Q-1' },
          { standard: 'ISO/IEC 27001:2022', certificateNumber: 'IS-77' },
        ],
      }),
    );
    expect(with27001.iso27001Certificate).toEqual({
      standard: 'ISO/IEC 27001:2022',
      certificateNumber: 'IS-77',
    });
    const spaced = prefillFromClient(
      client({ otherCertifications: [{ standard: 'ISO 270 01', certificateNumber: '' }] }),
    );
    expect(spaced.iso27001Certificate).not.toBeNull();
    expect(prefillFromClient(client({})).iso27001Certificate).toBeNull();
  });
});

describe('suggesting the ISO/IEC 42006 role column', () => {
  it('maps a producer to the producer column', () => {
    expect(suggestAiRoleColumn(['producer']).aiRole).toBe('producer');
  });

  it('maps exactly one of developer, provider or user to that column', () => {
    for (const role of ['developer', 'provider', 'user'] as const) {
      expect(suggestAiRoleColumn([role, 'partner']).aiRole).toBe('developerProviderUser');
    }
  });

  it('uses the higher-value several-roles column when the client holds more than one role', () => {
    expect(suggestAiRoleColumn(['developer', 'provider']).aiRole).toBe('multipleRoles');
    expect(suggestAiRoleColumn(['producer', 'user']).aiRole).toBe('multipleRoles');
    expect(suggestAiRoleColumn(['developer', 'provider']).reason).toContain('several AI roles');
  });

  it('errs towards more time, and says so, when no covered role is recorded', () => {
    const suggestion = suggestAiRoleColumn(['subject']);
    expect(suggestion.aiRole).toBe('multipleRoles');
    expect(suggestion.reason).toContain('names no AI developer, provider, user or producer');
  });
});

describe('checking an entry to save', () => {
  const base = { aiRole: 'producer', effectivePersonnel: 49 };

  it('keeps each factor’s reason next to its code and percentage', () => {
    const checked = checkAuditTimeEntry(
      { ...base, factors: [{ code: 'MATURE_MS', percent: -10, reason: ' Known for years. ' }] },
      defaultAuditTimeTable,
    );
    expect(checked).toMatchObject({
      ok: true,
      value: {
        tableVersion: defaultAuditTimeTable.version,
        factors: [{ code: 'MATURE_MS', percent: -10, reason: 'Known for years.' }],
      },
    });
  });

  it('reports a percentage outside its range before a missing reason, at its own path', () => {
    const checked = checkAuditTimeEntry(
      { ...base, factors: [{ code: 'MATURE_MS', percent: -40 }] },
      defaultAuditTimeTable,
    );
    expect(checked).toMatchObject({ ok: false, error: { field: 'factors[0].percent' } });
    const noReason = checkAuditTimeEntry(
      { ...base, factors: [{ code: 'MATURE_MS', percent: -10 }] },
      defaultAuditTimeTable,
    );
    expect(noReason).toMatchObject({
      ok: false,
      error: { field: 'factors[0].reason', message: 'Say why this factor applies to this client.' },
    });
  });
});
