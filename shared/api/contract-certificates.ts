/** Contract methods of the certificates area (issue 8); names also go in method-names-certificates.ts. */
export const certificatesContract = {};
