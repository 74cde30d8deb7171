/** Contract methods of the audits area (see contract.ts); names also go in method-names-audits.ts. */
export const auditsContract = {};
