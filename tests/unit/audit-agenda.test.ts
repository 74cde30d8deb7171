import { describe, expect, it } from 'vitest';
import { clauses, controls } from '../../shared/iso42001/requirements';
import { agendaBlocks, auditAgenda, auditDays } from '../../shared/programme/agenda';

describe('the ISO/IEC 42001 catalogue', () => {
  it('holds the 36 numbered subclauses of clauses 4 to 10 and the 38 Annex A controls', () => {
    expect(clauses).toHaveLength(36);
    expect(controls).toHaveLength(38);
  });
});

describe('the audit agenda', () => {
  it('counts working days only, unless the audit is held on a weekend alone', () => {
    // 2026-05-08 is a Friday.
    expect(auditDays('2026-05-08', '2026-05-11')).toEqual(['2026-05-08', '2026-05-11']);
    expect(auditDays('2026-05-09', '2026-05-10')).toEqual(['2026-05-09', '2026-05-10']);
  });

  it('opens with the opening meeting, closes with the closing meeting, and covers every topic once', () => {
    const agenda = auditAgenda('surveillance', '2026-05-04', '2026-05-06', ['HQ']);
    expect(agenda).toHaveLength(3);
    expect(agenda[0]?.blocks[0]?.title).toBe('Opening meeting');
    expect(agenda.at(-1)?.blocks.at(-1)?.title).toBe('Closing meeting');
    const topics = agenda.flatMap((d) => d.blocks.map((b) => b.title));
    expect(topics.filter((t) => t.startsWith('Clause '))).toHaveLength(7);
    expect(topics.filter((t) => /^A\.\d+ /.test(t))).toHaveLength(9);
    expect(agenda.every((d) => d.blocks.length > 0)).toBe(true);
  });

  it('puts a one-day audit on one day', () => {
    const [day, ...rest] = auditAgenda('stage1', '2026-05-04', '2026-05-04', ['HQ', 'Lab']);
    expect(rest).toEqual([]);
    expect(day?.siteNames).toEqual(['HQ', 'Lab']);
  });

  it('checks Stage 1 readiness items at Stage 1 and implementation items otherwise', () => {
    const stage1 = agendaBlocks('stage1').flatMap((b) => b.items);
    const stage2 = agendaBlocks('stage2').flatMap((b) => b.items);
    expect(stage1).toContain('4.3 Determining the scope of the AI management system');
    expect(stage1).not.toContain('7.3 Awareness');
    expect(stage2).toContain('7.3 Awareness');
    expect(stage2).toContain('9.2.1 Internal audit: General');
  });

  it('spreads the sites over the days in order', () => {
    const agenda = auditAgenda('stage2', '2026-05-04', '2026-05-07', ['HQ', 'Lab']);
    expect(agenda.map((d) => d.siteNames)).toEqual([['HQ'], ['HQ'], ['Lab'], ['Lab']]);
  });
});
