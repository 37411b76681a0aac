import type { Label } from "@/components/inbox-data/api-types";
import { cn } from "@/components/ui/cn";
import { LABEL_COLORS, type LabelColor } from "@/lib/vocabulary";

// A label as people see it: its name beside a dot of its colour. The colour names the chart
// palette of the design tokens (3:1 against the surface in either theme); the text stays the
// body colour, so contrast never depends on the colour an owner picked.

export const labelColorVar = (color: LabelColor) => `var(--color-chart-${LABEL_COLORS.indexOf(color) + 1})`;

export function LabelDot({ color }: { color: LabelColor }) {
  return (
    <span
      aria-hidden
      className="inline-block size-2 shrink-0 rounded-full"
      style={{ background: labelColorVar(color) }}
    />
  );
}

export function LabelChip({ label, className }: { label: Label; className?: string }) {
  return (
    <span
      data-testid="label-chip"
      className={cn(
        "inline-flex max-w-32 items-center gap-1 rounded-full border border-border px-1.5 text-[11px] leading-4 text-text",
        className,
      )}
    >
      <LabelDot color={label.color} />
      <span className="truncate">{label.name}</span>
    </span>
  );
}
