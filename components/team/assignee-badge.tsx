import { cn } from "@/components/ui/cn";

/** "AR" for Ana Ruiz, "B" for ben@…: who has a conversation, in a list row's little space. */
export function initials(name: string): string {
  const words = name.split(/[\s@._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words[1]![0]] : [words[0]?.[0]];
  return letters.join("").toUpperCase() || "?";
}

export function AssigneeBadge({ name, className }: { name: string; className?: string }) {
  return (
    <span
      role="img"
      aria-label={`Assigned to ${name}`}
      title={`Assigned to ${name}`}
      data-testid="assignee-badge"
      className={cn(
        "inline-flex size-5 shrink-0 items-center justify-center rounded-full bg-accent-soft text-[10px] font-semibold text-accent",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
