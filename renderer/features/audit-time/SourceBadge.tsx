import { Badge } from '@mantine/core';
import { tableSourceLabels, type TableSource } from '../../../shared/audit-time';

/**
 * Says whether a figure is published (ISO/IEC 42006, ISO/IEC 27006, IAF MD 1 / 5 / 11) or the CB's
 * own choice: ISO/IEC 42006's own table is paywalled, so most of the AIMS table is the CB's.
 */
export default function SourceBadge({ source }: { source: TableSource }) {
  if (source === 'ourChoice') {
    return (
      <Badge color="orange" title="Not a published figure: chosen and documented by the CB">
        CB’s own choice
      </Badge>
    );
  }
  return (
    <Badge color="blue" title="A publicly known figure">
      Published: {tableSourceLabels[source]}
    </Badge>
  );
}
