import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A card: raised surface, border, rounded. Exported for elements that cannot be a <section> (<li>, <div> in a <dl>). */
export const panelVariants = cva("rounded-card border border-border bg-surface-raised", {
  variants: {
    padding: { none: "", sm: "p-2", md: "p-4", lg: "p-6" },
  },
  defaultVariants: { padding: "none" },
});

export type PanelProps = ComponentProps<"section"> & VariantProps<typeof panelVariants>;

/** A section of a page on a card; give it aria-label or aria-labelledby to make it a landmark region. */
export function Panel({ padding, className, ...props }: PanelProps) {
  return <section className={cn(panelVariants({ padding }), className)} {...props} />;
}
