import { Badge } from '@mantine/core';
import { findingGradeLabels, type FindingGrade } from '../../../shared/findings/schema';

const colours: Record<FindingGrade, string> = { major: 'red', minor: 'orange', ofi: 'blue' };
const short: Record<FindingGrade, string> = { major: 'Major', minor: 'Minor', ofi: 'OFI' };

/** Major / Minor / OFI, or "Not graded yet" until the lead auditor grades it. */
export default function GradeBadge({
  grade,
  long = false,
}: {
  grade: FindingGrade | null;
  long?: boolean;
}) {
  if (grade === null) {
    return (
      <Badge color="gray" variant="outline" miw="max-content">
        Not graded yet
      </Badge>
    );
  }
  return (
    <Badge
      color={colours[grade]}
      variant="light"
      title={findingGradeLabels[grade]}
      miw="max-content"
    >
      {long ? findingGradeLabels[grade] : short[grade]}
    </Badge>
  );
}
