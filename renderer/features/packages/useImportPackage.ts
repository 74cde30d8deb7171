import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  conflictKey,
  packageExtension,
  type ConflictChoice,
  type PackageConflict,
  type PackageImportResult,
  type PackagePreview,
  type Resolution,
} from '../../../shared/packages/schema';
import { ApiError, call, errorMessage } from '../../api';
import { readFileAsBase64 } from './readPackageFile';

export type ImportPhase =
  | { kind: 'idle' }
  | { kind: 'reading'; fraction: number }
  | { kind: 'previewing' }
  | { kind: 'importing' };

export interface Decision {
  choice: ConflictChoice;
  /** The value typed for "edit" (prefilled with mine). */
  value: string;
}

// The contract's ceiling, checked before a large file is read at all.
const maxPackageBytes = 200 * 1024 * 1024;

export function shownValue(value: PackageConflict['mine']): string {
  return value === null ? '' : String(value);
}

/** Decisions are kept per package and conflict, so a retry or a fresh preview keeps them. */
function decisionKey(packageId: string, c: PackageConflict): string {
  return `${packageId}|${conflictKey(c)}`;
}

/** A file error at the file field: the service's "This package was refused: …" and the like. */
function fileFieldError(error: unknown): string | null {
  if (error instanceof ApiError && (error.field === 'file' || error.field === 'data')) {
    return error.message;
  }
  return null;
}

/**
 * The import's state: the file read (base64, in slices with progress), the preview, the
 * person's decision on each conflict, and the result. Decisions survive a failed import.
 */
export function useImportPackage() {
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'idle' });
  const [file, setFile] = useState<File | null>(null);
  const [data, setData] = useState<string | null>(null);
  const [preview, setPreview] = useState<PackagePreview | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [fileError, setFileError] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [result, setResult] = useState<PackageImportResult | null>(null);

  async function runPreview(base64: string): Promise<void> {
    setPhase({ kind: 'previewing' });
    try {
      setPreview(await call('previewAuditPackage', { data: base64 }));
    } catch (e) {
      setPreview(null);
      const atField = fileFieldError(e);
      if (atField) setFileError(atField);
      else setImportError(errorMessage(e));
    } finally {
      setPhase({ kind: 'idle' });
    }
  }

  async function choose(chosen: File | null): Promise<void> {
    setFile(chosen);
    setData(null);
    setPreview(null);
    setResult(null);
    setFileError(null);
    setImportError(null);
    if (!chosen) return;
    if (chosen.size === 0) {
      setFileError(`“${chosen.name}” is empty; choose the ${packageExtension} file you exported.`);
      return;
    }
    if (chosen.size > maxPackageBytes) {
      setFileError(`“${chosen.name}” is over 200 MB; an audit package is smaller.`);
      return;
    }
    setPhase({ kind: 'reading', fraction: 0 });
    let base64: string;
    try {
      base64 = await readFileAsBase64(chosen, (fraction) =>
        setPhase({ kind: 'reading', fraction }),
      );
    } catch (e) {
      setPhase({ kind: 'idle' });
      setFileError(`“${chosen.name}” could not be read: ${errorMessage(e)}`);
      return;
    }
    setData(base64);
    await runPreview(base64);
  }

  const conflicts = preview?.conflicts ?? [];
  const packageId = preview?.package.packageId ?? '';
  const decisionOf = (c: PackageConflict): Decision | undefined =>
    decisions[decisionKey(packageId, c)];
  const remaining = conflicts.filter((c) => decisionOf(c) === undefined).length;

  function decide(c: PackageConflict, choice: ConflictChoice, value?: string): void {
    setDecisions((all) => {
      const key = decisionKey(packageId, c);
      const typed = value ?? all[key]?.value ?? shownValue(c.mine);
      return { ...all, [key]: { choice, value: typed } };
    });
  }

  function decideRemaining(choice: 'mine' | 'theirs'): void {
    setDecisions((all) => {
      const next = { ...all };
      for (const c of conflicts) {
        const key = decisionKey(packageId, c);
        next[key] ??= { choice, value: shownValue(c.mine) };
      }
      return next;
    });
  }

  async function importNow(): Promise<void> {
    if (!data || !preview || remaining > 0) return;
    const resolutions: Resolution[] = conflicts.map((c) => {
      const d = decisionOf(c);
      const choice = d?.choice ?? 'mine';
      return {
        entity: c.entity,
        id: c.id,
        field: c.field,
        choice,
        ...(choice === 'edit' ? { value: d?.value ?? '' } : {}),
      };
    });
    setImportError(null);
    setPhase({ kind: 'importing' });
    try {
      const done = await call('importAuditPackage', { data, resolutions });
      setResult(done);
      setPreview(null);
      setPhase({ kind: 'idle' });
      // Every screen may show imported records: read everything afresh.
      await queryClient.invalidateQueries();
    } catch (e) {
      setPhase({ kind: 'idle' });
      const atField = fileFieldError(e);
      if (atField) {
        setFileError(atField);
        return;
      }
      setImportError(errorMessage(e));
      // Something changed here since the preview: compare again; decisions made stay.
      if (e instanceof ApiError && e.field === 'resolutions') await runPreview(data);
    }
  }

  function startOver(): void {
    void choose(null);
  }

  return {
    phase,
    busy: phase.kind !== 'idle',
    file,
    preview,
    result,
    fileError,
    importError,
    remaining,
    decisionOf,
    choose,
    decide,
    decideRemaining,
    importNow,
    startOver,
  };
}

export type PackageImport = ReturnType<typeof useImportPackage>;
