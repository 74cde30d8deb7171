/** Contract methods of the packages area (issue 9); names also go in method-names-packages.ts. */
export const packagesContract = {};
