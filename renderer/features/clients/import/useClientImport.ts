import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  clientImportMaxBytes,
  clientImportTooLarge,
  mappingProblems,
  type ClientImportField,
  type ClientImportFile,
  type ClientImportMapping,
  type ClientImportResult,
} from '../../../../shared/clients/import';
import { ApiError, call, errorMessage } from '../../../api';
import { bytesToBase64 } from '../../evidence/evidenceFormat';
import { clientsKey } from '../useClients';

interface ChosenFile {
  /** Counts files chosen, so a preview is never taken for another file's. */
  token: number;
  fileName: string;
  data: string;
  read: ClientImportFile;
}

/** A server error's field as the screen's: the file, one mapping field, or none (a banner). */
function placeOf(error: unknown): { file: string | null; field: ClientImportField | null } {
  if (error instanceof ApiError && error.field?.startsWith('mapping.')) {
    return { file: null, field: error.field.slice('mapping.'.length) as ClientImportField };
  }
  if (
    error instanceof ApiError &&
    (error.field === undefined || ['file', 'data', 'fileName'].includes(error.field))
  ) {
    return { file: errorMessage(error), field: null };
  }
  return { file: null, field: null };
}

/**
 * The import screen's state: the file read by the main process, the mapping the user adjusts, a
 * preview that follows the mapping (and writes nothing), the duplicates chosen for import, and
 * the import itself.
 */
export function useClientImport() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ClientImportMapping>({});
  const [importDuplicates, setImportDuplicates] = useState<ReadonlySet<number>>(new Set());
  const [result, setResult] = useState<ClientImportResult | null>(null);
  const [serverFieldError, setServerFieldError] = useState<{
    field: ClientImportField;
    message: string;
  } | null>(null);

  const read = useMutation({
    mutationFn: async (chosen: File) => {
      const data = bytesToBase64(new Uint8Array(await chosen.arrayBuffer()));
      const value = await call('readClientImportFile', { fileName: chosen.name, data });
      return { fileName: chosen.name, data, read: value };
    },
    onSuccess: (value) => {
      setFile((previous) => ({ ...value, token: (previous?.token ?? 0) + 1 }));
      setMapping(value.read.suggestedMapping);
      setImportDuplicates(new Set());
      setServerFieldError(null);
    },
    onError: (error, chosen) => {
      const message = placeOf(error).file ?? errorMessage(error);
      const named = message.includes(chosen.name) ? message : `“${chosen.name}”: ${message}`;
      // The file read before stays chosen (its mapping is kept): say so, or the page looks stale.
      setFileError(
        file ? `${named} The columns and rows below are still those of “${file.fileName}”.` : named,
      );
    },
  });

  /** Checks the size here first: a file over the limit is never read into memory. */
  function choose(chosen: File): void {
    setFileError(null);
    setResult(null);
    if (chosen.size > clientImportMaxBytes) {
      setFileError(clientImportTooLarge(chosen.size));
      return;
    }
    if (chosen.size === 0) {
      setFileError(`“${chosen.name}” is empty.`);
      return;
    }
    read.mutate(chosen);
  }

  const problems = file ? mappingProblems(mapping, file.read.headers.length) : {};
  const mappingReady = file !== null && Object.keys(problems).length === 0;

  const preview = useQuery({
    queryKey: ['client-import-preview', file?.token, mapping],
    queryFn: () => {
      if (!file) throw new Error('No file chosen.');
      return call('previewClientImport', { fileName: file.fileName, data: file.data, mapping });
    },
    enabled: mappingReady && result === null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  const runImport = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('No file chosen.');
      return call('importClients', {
        fileName: file.fileName,
        data: file.data,
        mapping,
        importDuplicates: [...importDuplicates],
      });
    },
    onSuccess: async (value) => {
      setResult(value);
      await queryClient.invalidateQueries({ queryKey: clientsKey });
    },
    onError: (error) => {
      const place = placeOf(error);
      if (place.field) setServerFieldError({ field: place.field, message: errorMessage(error) });
    },
  });

  function changeMapping(field: ClientImportField, column: number | null): void {
    setServerFieldError(null);
    setMapping((current) => {
      const others = Object.fromEntries(
        Object.entries(current).filter(([key]) => key !== field),
      ) as ClientImportMapping;
      return column === null ? others : { ...others, [field]: column };
    });
  }

  function chooseDuplicate(row: number, importIt: boolean): void {
    setImportDuplicates((current) => {
      const next = new Set(current);
      if (importIt) next.add(row);
      else next.delete(row);
      return next;
    });
  }

  function startOver(): void {
    setFile(null);
    setFileError(null);
    setMapping({});
    setImportDuplicates(new Set());
    setResult(null);
    setServerFieldError(null);
    read.reset();
    runImport.reset();
  }

  const fieldErrors: Partial<Record<ClientImportField, string>> = { ...problems };
  if (serverFieldError) fieldErrors[serverFieldError.field] = serverFieldError.message;

  return {
    file: file?.read ?? null,
    fileError,
    reading: read.isPending,
    choose,
    mapping,
    changeMapping,
    fieldErrors,
    mappingReady,
    preview,
    importDuplicates,
    chooseDuplicate,
    runImport,
    /** An import error that belongs to no field (shown above the confirm button). */
    importError:
      runImport.isError && !serverFieldError && placeOf(runImport.error).field === null
        ? errorMessage(runImport.error)
        : null,
    result,
    startOver,
  };
}

export type ClientImportState = ReturnType<typeof useClientImport>;
