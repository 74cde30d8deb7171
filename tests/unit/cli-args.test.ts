import { describe, expect, it } from 'vitest';
import { findCommand, parseArgs } from '../../electron/cli/args';
import type { CliCommand } from '../../electron/cli/command';

const command = (name: string): CliCommand => ({
  name,
  summary: name,
  needsDatabase: false,
  run: () => Promise.resolve(null),
});
const commands = [command('client'), command('client add'), command('seed')];

describe('parseArgs', () => {
  it('separates positional words from --name value and --name=value options', () => {
    expect(parseArgs(['client', 'get', 'ID1', '--db', 'a.sqlite', '--as=P1'])).toEqual({
      positional: ['client', 'get', 'ID1'],
      options: { db: 'a.sqlite', as: 'P1' },
      repeated: { db: ['a.sqlite'], as: ['P1'] },
    });
  });

  it('keeps every value of an option given more than once, the last one in options', () => {
    expect(parseArgs(['package', 'export', '--audit', 'A1', '--audit=A2', '--dry-run'])).toEqual({
      positional: ['package', 'export'],
      options: { audit: 'A2', 'dry-run': true },
      repeated: { audit: ['A1', 'A2'] },
    });
  });

  it('treats known switches and a trailing or option-followed flag as true', () => {
    expect(parseArgs(['client', 'list', '--include-archived', 'extra', '--desc'])).toEqual({
      positional: ['client', 'list', 'extra'],
      options: { 'include-archived': true, desc: true },
      repeated: {},
    });
    expect(parseArgs(['seed', '--clients', '--db', 'x'])).toEqual({
      positional: ['seed'],
      options: { clients: true, db: 'x' },
      repeated: { db: ['x'] },
    });
  });

  it('keeps - (stdin) and everything after -- as positional', () => {
    expect(parseArgs(['client', 'add', '-', '--', '--not-an-option'])).toEqual({
      positional: ['client', 'add', '-', '--not-an-option'],
      options: {},
      repeated: {},
    });
  });
});

describe('findCommand', () => {
  it('prefers the longest matching command name', () => {
    expect(findCommand(commands, ['client', 'add', 'file.json'])).toMatchObject({
      command: { name: 'client add' },
      rest: ['file.json'],
    });
    expect(findCommand(commands, ['client', 'ID'])).toMatchObject({
      command: { name: 'client' },
      rest: ['ID'],
    });
    expect(findCommand(commands, ['bench'])).toBeNull();
  });
});
