/** Contract methods of the team area (see contract.ts); names also go in method-names-team.ts. */
export const teamContract = {};
