import { Badge } from "@/components/ui/badge";
import type { EventStatus } from "@/lib/vocabulary";
import { STATUS_LABELS, STATUS_TONES } from "./format";

export function StatusBadge({ status }: { status: EventStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]} data-testid="event-status">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
