import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesFolder } from '../../electron/resources-folder';

const font = (dir: string) => path.join(dir, 'fonts', 'DejaVuSans.ttf');

describe('the resources folder', () => {
  it('is process.resourcesPath/resources in an installed app', () => {
    const installed = path.join('/opt', 'Audit Desk', 'resources');
    const exists = (file: string) => file === font(path.join(installed, 'resources'));
    expect(resourcesFolder({ resourcesPath: installed, cwd: '/', exists })).toBe(
      path.join(installed, 'resources'),
    );
  });

  it('is the repository’s resources/ under npm start, the CLI, the harness and tests', () => {
    const repo = path.join('/work', 'repo');
    const exists = (file: string) => file === font(path.join(repo, 'resources'));
    expect(resourcesFolder({ resourcesPath: '/electron/dist/resources', cwd: repo, exists })).toBe(
      path.join(repo, 'resources'),
    );
    expect(resourcesFolder({ resourcesPath: undefined, cwd: repo, exists })).toBe(
      path.join(repo, 'resources'),
    );
  });
});
