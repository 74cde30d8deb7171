import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { runBench } from '../services/bench/run-bench';
import { benchScales, type BenchScaleName } from '../services/bench/scale';
import { optionValue, userPath } from './args';
import type { CliCommand } from './command';

function scaleOf(value: string | undefined): BenchScaleName {
  if (value === undefined) return 'small';
  if ((benchScales as readonly string[]).includes(value)) return value as BenchScaleName;
  throw new AppError(
    'VALIDATION',
    `--scale is small or full (small is 1/20 of full), not “${value}”.`,
    'scale',
  );
}

export const benchCommand: CliCommand = {
  name: 'bench',
  summary:
    'bench [--scale small|full] [--out FILE]: seeds a temporary database the size of a large certification body (full: 10,000 clients, 30,000 audits, 2,000,000 checklist answers, 100,000 findings, 300 auditors; small: 1/20 of that) and prints p50/p95/p99 of autosave (against a bare statement), client search, the programme dashboard, opening an audit, the nonconformity register and a 200-finding report PDF, with memory, seeding time and database size. Progress goes to stderr.',
  needsDatabase: false,
  run: async (args, io) => {
    const scale = scaleOf(optionValue(args, 'scale', 'full'));
    const out = optionValue(args, 'out', 'bench.json');
    const outPath = out === undefined ? null : userPath(out);
    if (outPath !== null && !fs.existsSync(path.dirname(outPath))) {
      throw new AppError(
        'VALIDATION',
        `The folder of --out does not exist: ${path.dirname(outPath)}.`,
        'out',
      );
    }
    const { result } = await runBench({ scale, log: io.stderr });
    if (outPath !== null) fs.writeFileSync(outPath, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  },
};
