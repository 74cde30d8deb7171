/** What the action forms hold; text stays text until sent. */
export interface TransitionValues {
  onDate: string;
  reason: string;
  correction: string;
  rootCause: string;
  correctiveAction: string;
  plannedCompletion: string;
  method: string;
  effective: '' | 'yes' | 'no';
  evidence: string;
}

export type TransitionField = keyof TransitionValues;
