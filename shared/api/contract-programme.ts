/** Contract methods of the programme area (see contract.ts); names also go in method-names-programme.ts. */
export const programmeContract = {};
