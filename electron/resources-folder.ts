import path from 'node:path';

export interface ResourcesFolderInputs {
  /** Electron's `process.resourcesPath`; undefined under plain Node (CLI, harness, tests). */
  resourcesPath: string | undefined;
  /** The repository when run by `npm start`, `npm run cli`, `npm run web` or the tests. */
  cwd: string;
  exists: (file: string) => boolean;
}

/**
 * Where the packaged `resources/` folder is (fonts, templates): `process.resourcesPath/resources`
 * in an installed app (electron-builder's extraResources), `<repo>/resources` in development.
 * Worked out without Electron, so services are handed a plain path.
 */
export function resourcesFolder({ resourcesPath, cwd, exists }: ResourcesFolderInputs): string {
  const candidates = [
    ...(resourcesPath ? [path.join(resourcesPath, 'resources')] : []),
    path.join(cwd, 'resources'),
  ];
  const found = candidates.find((dir) => exists(path.join(dir, 'fonts', 'DejaVuSans.ttf')));
  return found ?? path.join(cwd, 'resources');
}

/** `process.resourcesPath` is set only when running inside Electron. */
export function electronResourcesPath(): string | undefined {
  const value: unknown = Reflect.get(process, 'resourcesPath');
  return typeof value === 'string' && value !== '' ? value : undefined;
}
