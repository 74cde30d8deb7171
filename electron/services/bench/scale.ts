/**
 * The sizes the benchmark seeds (issue 10). `full` is a large certification body: 10,000 clients
 * (20% multi-site), 30,000 audits, 2,000,000 checklist answers, 100,000 findings and 300
 * auditors; `small` is 1/20 of it, for CI; `tiny` is the test suite's, seeded in a second or two.
 */
export const benchScales = ['tiny', 'small', 'full'] as const;
export type BenchScaleName = (typeof benchScales)[number];

export interface BenchScale {
  name: BenchScaleName;
  clients: number;
  /** Share of clients with more than one site. */
  multiSiteShare: number;
  audits: number;
  answers: number;
  findings: number;
  auditors: number;
  /** The audit the checklist screen and the report are measured on. */
  showcaseItems: number;
  showcaseFindings: number;
  /** Repetitions of each measurement (after its warm-up). */
  runs: { autosave: number; read: number; dashboard: number; reportPdf: number };
}

const full: BenchScale = {
  name: 'full',
  clients: 10_000,
  multiSiteShare: 0.2,
  audits: 30_000,
  answers: 2_000_000,
  findings: 100_000,
  auditors: 300,
  showcaseItems: 400,
  showcaseFindings: 200,
  runs: { autosave: 400, read: 200, dashboard: 60, reportPdf: 8 },
};

export const scales: Record<BenchScaleName, BenchScale> = {
  full,
  small: {
    ...full,
    name: 'small',
    clients: full.clients / 20,
    audits: full.audits / 20,
    answers: full.answers / 20,
    findings: full.findings / 20,
    auditors: full.auditors / 20,
  },
  tiny: {
    ...full,
    name: 'tiny',
    clients: 40,
    audits: 120,
    answers: 6_000,
    findings: 300,
    auditors: 6,
    showcaseItems: 90,
    showcaseFindings: 12,
    runs: { autosave: 10, read: 5, dashboard: 3, reportPdf: 1 },
  },
};
