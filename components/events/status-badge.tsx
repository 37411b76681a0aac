import type { EventStatus } from "@/lib/vocabulary";
import { STATUS_LABELS, STATUS_STYLES } from "./format";

export function StatusBadge({ status }: { status: EventStatus }) {
  return (
    <span
      className={`inline-block shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[status]}`}
      data-testid="event-status"
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
