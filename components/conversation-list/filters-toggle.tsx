"use client";

import { SlidersHorizontal } from "lucide-react";
import type { ListFilters } from "@/components/inbox-data/api-client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * How many of the folded filters are set: the view and open/done choice, the account, the label,
 * the channels (one filter however many are picked), the direction, Unread only, one customer's
 * conversations and Reports' missed calls. The search is not counted: it stays in sight.
 */
export function activeFilterCount(filters: ListFilters): number {
  return [
    filters.view,
    filters.state,
    filters.account,
    filters.label,
    filters.channels.length > 0,
    filters.direction,
    filters.unread,
    filters.customerId,
    filters.missedOn,
  ].filter(Boolean).length;
}

/**
 * The one control a phone shows for the list's filters ("Filters · 2"): the list keeps the
 * screen, and the count says that what it shows is narrowed. Hidden from md up, where the
 * filters stay open beside the list.
 */
export function FiltersToggle({
  filters,
  expanded,
  controls,
  onToggle,
  className,
}: {
  filters: ListFilters;
  expanded: boolean;
  controls: string;
  onToggle: () => void;
  className?: string;
}) {
  const count = activeFilterCount(filters);
  return (
    <Button
      variant={count > 0 ? "primary" : "secondary"}
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
      className={cn("shrink-0", className)}
      data-testid="filters-toggle"
    >
      <SlidersHorizontal className="size-4" aria-hidden />
      {count > 0 ? `Filters · ${count}` : "Filters"}
    </Button>
  );
}
