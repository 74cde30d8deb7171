import {
  exportClientsSchema,
  importClientsSchema,
  previewClientImportSchema,
  readClientImportFileSchema,
  type ClientImportFile,
  type ClientImportPreview,
  type ClientImportResult,
} from '../clients/import';
import type { ExportedFile } from '../findings/schema';
import { method } from './method';

/**
 * Contract methods of the client-import area (issue 9): reading a CSV or XLSX file, a preview that
 * writes nothing, the import itself, and the client list as a file. Names also go in
 * method-names-client-import.ts.
 */
export const clientImportContract = {
  readClientImportFile: method<ClientImportFile>()(readClientImportFileSchema),
  previewClientImport: method<ClientImportPreview>()(previewClientImportSchema),
  importClients: method<ClientImportResult>()(importClientsSchema),
  exportClients: method<ExportedFile>()(exportClientsSchema),
};
