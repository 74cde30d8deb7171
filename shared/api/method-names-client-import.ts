/** Method names of contract-client-import.ts, for the preload (which must not import zod). */
export const clientImportMethodNames = [
  'readClientImportFile',
  'previewClientImport',
  'importClients',
  'exportClients',
] as const;
