/** Contract methods of the reports area (issue 8); names also go in method-names-reports.ts. */
export const reportsContract = {};
