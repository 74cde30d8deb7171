import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeOf } from '../../electron/services/certification-cycles';
import { seedDemo, type DemoSeedResult } from '../../electron/services/seed';
import type { CertificateRow } from '../../shared/certificates/schema';
import { clientStatusAfter } from '../../shared/certificates/decision-rules';
import type { ClientStatus } from '../../shared/clients/schema';
import { demoCache, openDemoCopy } from './fixtures/seeded-demo';
import { startApp, succeed, temporaryFolder, tickingClock, type TestApp } from './helpers';

const root = temporaryFolder('seed-certificates');
const today = '2026-03-31';
let counter = 0;

async function demoApp(): Promise<{ app: TestApp; seeded: DemoSeedResult; seconds: number }> {
  const app = await startApp(path.join(root, `demo-${++counter}.sqlite`), {
    now: tickingClock(`${today}T09:00:00.000Z`),
  });
  app.runtime.actAs(null, true);
  const started = performance.now();
  const seeded = await seedDemo(app.runtime.context(), { today });
  return { app, seeded, seconds: (performance.now() - started) / 1000 };
}

/** The demo seeded once for the file; the register tests read a copy of it. */
const demo = demoCache(root);
const sharedDemo = () => demo(`${today}T09:00:00.000Z`, today);

function rows<T>(app: TestApp, sql: string, ...params: unknown[]): T[] {
  return app.runtime.database.sqlite.prepare(sql).all(...params) as T[];
}

interface ClientRow {
  id: string;
  reference: string;
  status: ClientStatus;
}

interface ReportRow {
  id: string;
  audit_id: string;
  revision: number;
  state: string;
  change_note: string;
  issued_by: string | null;
  issued_at: string | null;
  pdf_sha256: string | null;
  type: string;
  client_status: string;
}

describe('the demo certificates, decisions and reports', () => {
  let app: TestApp;
  let seeded: DemoSeedResult;
  let clients: ClientRow[];
  let certificates: CertificateRow[];

  beforeAll(async () => {
    const started = performance.now();
    const shared = await sharedDemo();
    // The added work (reports' PDFs, decisions) is reported, not asserted: the machine varies.
    console.info(`seed --demo took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    app = await openDemoCopy(shared);
    seeded = shared.result;
    clients = rows<ClientRow>(app, 'SELECT id, reference, status FROM clients ORDER BY reference');
    certificates = (await succeed(app, 'listCertificates', { includeReplaced: true })).rows;
  }, 120_000);

  afterAll(() => app.runtime.close());

  const ofClient = (clientId: string) => certificates.filter((c) => c.clientId === clientId);

  it('gives every certified client exactly one active certificate expiring with its cycle', () => {
    const { db } = app.runtime.database;
    const seen = new Set<string>();
    for (const client of clients) {
      const own = ofClient(client.id);
      if (client.status === 'prospect' || client.status === 'applicant') {
        expect(own, client.reference).toEqual([]);
        continue;
      }
      const current = own.filter((c) => c.replacedById === null);
      expect(current, client.reference).toHaveLength(1);
      const [certificate] = current;
      const programme = programmeOf(db, client.id, today);
      expect(certificate?.expiryDate, client.reference).toBe(programme.current?.output.expiryDate);
      const standing = programme.current?.output.certificateStatus;
      const expected =
        client.status === 'certified'
          ? // The demo's certificate past expiry, still restorable, is the one not active.
            standing === 'expiredRestorable'
            ? 'expired'
            : 'active'
          : client.status;
      expect(certificate?.status, client.reference).toBe(expected);
      const active = own.filter((c) => c.status === 'active');
      expect(active, client.reference).toHaveLength(expected === 'active' ? 1 : 0);
      seen.add(expected);
    }
    expect(seen).toEqual(new Set(['active', 'expired', 'suspended', 'withdrawn']));
    expect(seeded.certificates).toBe(certificates.length);
  });

  it('renews the recertified client’s certificate, replacing the first one', () => {
    const { db } = app.runtime.database;
    const renewed = clients.filter((c) => programmeOf(db, c.id, today).cycles.length > 1);
    expect(renewed).toHaveLength(1);
    const [client] = renewed;
    if (!client) return;
    const [second, first] = ofClient(client.id);
    const cycles = programmeOf(db, client.id, today).cycles;
    expect(first?.issueDate).toBe(cycles[0]?.decisionDate);
    expect(second?.issueDate).toBe(cycles[1]?.decisionDate);
    expect(second?.replacesId).toBe(first?.id);
    expect(first?.replacedById).toBe(second?.id);
    expect(first?.replacedOn).toBe(second?.issueDate);
    expect(second?.status).toBe('active');
  });

  it('numbers certificates by the configured format, in order of issue within each year', () => {
    const byYear = new Map<string, CertificateRow[]>();
    for (const c of certificates) {
      const match = /^AD-42001-(\d{4})-(\d{4})$/.exec(c.number);
      expect(match?.[1], c.number).toBe(c.issueDate.slice(0, 4));
      byYear.set(c.issueDate.slice(0, 4), [...(byYear.get(c.issueDate.slice(0, 4)) ?? []), c]);
    }
    for (const list of byYear.values()) {
      const ordered = [...list].sort((a, b) => a.number.localeCompare(b.number));
      expect(ordered.map((c) => Number(c.number.slice(-4)))).toEqual(ordered.map((_, i) => i + 1));
      const days = ordered.map((c) => c.issueDate);
      expect(days).toEqual([...days].sort());
    }
  });

  it('records the decisions behind every certificate and status, by decision makers who were not on the audits', async () => {
    const makers = new Set(
      rows<{ id: string }>(app, "SELECT id FROM people WHERE roles LIKE '%decision_maker%'").map(
        (p) => p.id,
      ),
    );
    const team = rows<{ audit_id: string; person_id: string }>(
      app,
      'SELECT audit_id, person_id FROM audit_team_members',
    );
    const auditTypes = new Map(
      rows<{ id: string; type: string }>(app, 'SELECT id, type FROM audits').map((a) => [
        a.id,
        a.type,
      ]),
    );
    const kinds = new Set<string>();
    for (const client of clients) {
      const decisions = (
        await succeed(app, 'listCertificationDecisions', { clientId: client.id })
      ).reverse();
      for (const decision of decisions) {
        kinds.add(decision.kind);
        expect(decision.decisionDate <= today).toBe(true);
        expect(makers.has(decision.decidedBy ?? ''), decision.kind).toBe(true);
        for (const auditId of decision.auditIds) {
          expect(team).not.toContainEqual({ audit_id: auditId, person_id: decision.decidedBy });
        }
        if (decision.kind === 'maintain') {
          expect(decision.auditIds.map((id) => auditTypes.get(id))).toContain('surveillance');
        }
      }
      for (const certificate of ofClient(client.id)) {
        const issuing = decisions.find((d) => d.id === certificate.decisionId);
        expect(issuing?.decisionDate).toBe(certificate.issueDate);
        expect(issuing?.certificateNumber).toBe(certificate.number);
      }
      // The client's status is the one its latest status-changing decision leaves.
      const last = decisions.filter((d) => clientStatusAfter[d.kind] !== undefined).at(-1);
      expect(last ? clientStatusAfter[last.kind] : client.status, client.reference).toBe(
        client.status,
      );
      if (client.status === 'suspended') expect(last?.kind).toBe('suspend');
      if (client.status === 'withdrawn') expect(last?.kind).toBe('withdraw');
    }
    expect(kinds).toEqual(new Set(['grant', 'maintain', 'renew', 'suspend', 'withdraw']));
    expect(seeded.decisions).toBe(
      rows<{ n: number }>(app, 'SELECT COUNT(*) AS n FROM certification_decisions')[0]?.n,
    );
  });

  it('issues reports with their PDF’s fingerprint, one in a second revision, and keeps the awaiting Stage 2’s draft', async () => {
    const reports = rows<ReportRow>(
      app,
      `SELECT r.id, r.audit_id, r.revision, r.state, r.change_note, r.issued_by, r.issued_at,
              r.pdf_sha256, a.type, c.status AS client_status
         FROM audit_reports r JOIN audits a ON a.id = r.audit_id JOIN clients c ON c.id = a.client_id
        ORDER BY r.issued_at`,
    );
    expect(reports).toHaveLength(seeded.reports);
    const issued = reports.filter((r) => r.state === 'issued');
    expect(new Set(issued.map((r) => r.type))).toEqual(
      new Set(['surveillance', 'recertification']),
    );
    for (const report of issued) {
      expect(report.pdf_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(report.issued_at && report.issued_at.slice(0, 10) <= today).toBe(true);
      const lead = rows<{ person_id: string }>(
        app,
        "SELECT person_id FROM audit_team_members WHERE audit_id = ? AND role = 'lead_auditor'",
        report.audit_id,
      );
      expect(lead.map((m) => m.person_id)).toEqual([report.issued_by]);
      // The stored file is the one signed.
      const file = await succeed(app, 'auditReportFile', {
        auditId: report.audit_id,
        format: 'pdf',
        revision: report.revision,
      });
      expect(file.sha256).toBe(report.pdf_sha256);
    }
    const second = issued.filter((r) => r.revision === 2);
    expect(second).toHaveLength(1);
    expect(second[0]?.change_note).not.toBe('');
    expect(issued.filter((r) => r.revision === 1).map((r) => r.change_note)).toEqual(
      issued.filter((r) => r.revision === 1).map(() => ''),
    );

    const drafts = reports.filter((r) => r.state === 'draft');
    expect(drafts.map((r) => [r.type, r.revision, r.client_status])).toEqual([
      ['stage2', 1, 'applicant'],
    ]);
    const view = await succeed(app, 'auditReport', { auditId: second[0]?.audit_id ?? '' });
    expect(view.latest?.state).toBe('issued');
    expect(view.data.revision).toBe(2);

    // The decisions that followed reviewed the latest issued revision.
    const reviewed = rows<{ kind: string; report_id: string }>(
      app,
      'SELECT kind, report_id FROM certification_decisions WHERE report_id IS NOT NULL',
    );
    expect(reviewed).toContainEqual({ kind: 'renew', report_id: second[0]?.id });
    expect(reviewed.map((d) => d.kind).sort()).toEqual(['maintain', 'renew']);
  });

  it('shows the recertification racing its expiry with the issued recommendation and its open major', async () => {
    const pending = rows<{ client_id: string }>(
      app,
      `SELECT DISTINCT a.client_id FROM audits a JOIN audit_reports r ON r.audit_id = a.id
        WHERE a.type = 'recertification' AND r.state = 'issued'
          AND NOT EXISTS (SELECT 1 FROM certification_decisions d
                            JOIN audit_reports reviewed ON reviewed.id = d.report_id
                           WHERE reviewed.audit_id = a.id)`,
    );
    expect(pending).toHaveLength(1);
    const context = await succeed(app, 'certificationDecisionContext', {
      clientId: pending[0]?.client_id ?? '',
    });
    expect(context.suggestedKind).toBe('renew');
    expect(context.recommendation?.kind).toBe('renew');
    expect(context.unmet.map((g) => g.gate)).toContain('G1');
    expect(context.currentCertificate?.status).toBe('active');
  });

  it('lists the demo certificates in the register and its export', async () => {
    const register = await succeed(app, 'listCertificates', {});
    const holders = clients.filter((c) =>
      ['certified', 'suspended', 'withdrawn'].includes(c.status),
    );
    expect(register.total).toBe(holders.length);
    const file = await succeed(app, 'exportCertificates', { format: 'csv' });
    const csv = Buffer.from(file.data, 'base64').toString('utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(register.total + 1);
    for (const row of register.rows) expect(csv).toContain(row.number);
    const withReplaced = await succeed(app, 'exportCertificates', {
      format: 'csv',
      includeReplaced: true,
    });
    expect(
      Buffer.from(withReplaced.data, 'base64').toString('utf8').trimEnd().split('\r\n'),
    ).toHaveLength(certificates.length + 1);
  });
});

describe('the demo certification history', () => {
  it('is the same on every run for the same day', async () => {
    // Two separate seeds: the file's shared one and a new one.
    const shared = await sharedDemo();
    const first = { app: await openDemoCopy(shared), seeded: shared.result };
    const second = await demoApp();
    const facts = (app: TestApp) =>
      rows(
        app,
        `SELECT c.reference, x.number, x.issue_date, x.expiry_date, x.status, x.scope_text
           FROM certificates x JOIN clients c ON c.id = x.client_id ORDER BY x.number`,
      ).concat(
        rows(
          app,
          `SELECT c.reference, d.kind, d.decision_date, d.reasons, p.name
             FROM certification_decisions d JOIN clients c ON c.id = d.client_id
             JOIN people p ON p.id = d.decided_by ORDER BY c.reference, d.decision_date, d.kind`,
        ),
        rows(
          app,
          `SELECT c.reference, a.type, r.revision, r.state, r.issued_at, r.change_note
             FROM audit_reports r JOIN audits a ON a.id = r.audit_id
             JOIN clients c ON c.id = a.client_id ORDER BY c.reference, a.type, r.revision`,
        ),
      );
    expect(facts(second.app)).toEqual(facts(first.app));
    expect(second.seeded).toEqual(first.seeded);
    first.app.runtime.close();
    second.app.runtime.close();
  }, 180_000);
});
