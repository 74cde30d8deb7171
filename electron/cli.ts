import os from 'node:os';
import { commands } from './cli/commands';
import { runCli } from './cli/run';
import { defaultDatabasePath } from './paths';

/** `npm run --silent cli -- <command> [args] [--db PATH] [--as PERSON_ID]`: the services, headless. */

async function readStdin(): Promise<string> {
  // Nothing piped in: report missing input rather than wait for typing.
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await runCli(process.argv.slice(2), commands, {
  readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  defaultDatabasePath: defaultDatabasePath(process.platform, process.env, os.homedir()),
  debug: process.env.AUDIT_DESK_DEBUG === '1',
});
