/** Contract methods of the data area (issue 9); names also go in method-names-data.ts. */
export const dataContract = {};
