import {
  acknowledgeFindingSchema,
  decisionBlockersSchema,
  exportFindingsSchema,
  findingListQuerySchema,
  findingTransitionSchema,
  gradeFindingSchema,
  updateFindingSchema,
  type DecisionBlockers,
  type ExportedFile,
  type FindingDetail,
  type FindingList,
} from '../findings/schema';
import { byId, method } from './method';

/** Contract methods of the nonconformity life cycle and register (issue 7); names also go in method-names-findings.ts. */
export const findingsContract = {
  getFinding: method<FindingDetail>()(byId),
  gradeFinding: method<FindingDetail>()(gradeFindingSchema),
  updateFinding: method<FindingDetail>()(updateFindingSchema),
  acknowledgeFinding: method<FindingDetail>()(acknowledgeFindingSchema),
  findingTransition: method<FindingDetail>()(findingTransitionSchema),
  listFindings: method<FindingList>()(findingListQuerySchema),
  exportFindings: method<ExportedFile>()(exportFindingsSchema),
  decisionBlockers: method<DecisionBlockers>()(decisionBlockersSchema),
};
