/** The certification decisions a decision maker can take (issue 8 records them; the gates check them). */
export const decisionKinds = [
  'grant',
  'refuse',
  'maintain',
  'renew',
  'suspend',
  'withdraw',
  'reduceScope',
  'extendScope',
  'restore',
  'reinstate',
] as const;
export type DecisionKind = (typeof decisionKinds)[number];
