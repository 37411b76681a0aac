"use client";

import { cn } from "@/components/ui/cn";
import { useSelection } from "./selection";

// A row's tick box for bulk actions, beside the row's link (a control inside a link would be two
// controls in one). Out of the Tab order: the keyboard selects with x and Shift+j/k; the label
// around it is the 44 px wide target a thumb needs.

export function RowCheckbox({ id, name, order }: { id: string; name: string; order: () => string[] }) {
  const selection = useSelection();
  const checked = selection.isSelected(id);
  return (
    <label
      className={cn(
        "flex w-9 shrink-0 cursor-pointer items-center justify-center self-stretch border-b border-border-subtle max-sm:w-11",
        checked && "bg-accent-soft",
      )}
    >
      <input
        type="checkbox"
        tabIndex={-1}
        aria-label={`Select ${name}`}
        data-testid="row-checkbox"
        checked={checked}
        // All in the click: a Shift+click selects the range from the last row ticked.
        onClick={(event) => (event.shiftKey ? selection.toggleRange(id, order()) : selection.toggle(id))}
        onChange={() => undefined}
        className="size-4 cursor-pointer accent-accent"
      />
    </label>
  );
}
