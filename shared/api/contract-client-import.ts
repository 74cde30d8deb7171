/** Contract methods of the client-import area (issue 9); names also go in method-names-client-import.ts. */
export const clientImportContract = {};
