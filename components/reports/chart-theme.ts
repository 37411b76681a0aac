import type { CSSProperties } from "react";

// Recharts draws SVG; its colours come from the design tokens (CSS variables), so the charts
// follow the light and dark themes without re-rendering.

export const series = (n: number) => `var(--color-chart-${(n % 8) + 1})`;

export const axisProps = {
  tick: { fill: "var(--color-text-muted)", fontSize: 11 },
  stroke: "var(--color-border-strong)",
} as const;

export const gridProps = { stroke: "var(--color-border)", strokeDasharray: "3 3" } as const;

export const tooltipProps = {
  contentStyle: {
    background: "var(--color-surface-raised)",
    border: "1px solid var(--color-border)",
    borderRadius: "var(--radius-control)",
    color: "var(--color-text)",
    fontSize: 12,
  } satisfies CSSProperties,
  labelStyle: { color: "var(--color-text)", fontWeight: 600 } satisfies CSSProperties,
  cursor: { fill: "var(--color-surface-hover)" },
} as const;

export const legendProps = { wrapperStyle: { fontSize: 11, color: "var(--color-text-muted)" } } as const;
