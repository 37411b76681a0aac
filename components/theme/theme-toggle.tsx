"use client";

import { Monitor, Moon, Sun, type LucideIcon } from "lucide-react";
import { useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
import { IconButton } from "@/components/ui/icon-button";
import { readPreference, subscribeToTheme, writePreference, type ThemePreference } from "./theme-store";

const OPTIONS: Array<{ value: ThemePreference; label: string; icon: LucideIcon }> = [
  { value: "system", label: "System theme", icon: Monitor },
  { value: "light", label: "Light theme", icon: Sun },
  { value: "dark", label: "Dark theme", icon: Moon },
];

// The server cannot know the stored choice: it renders "system", and React swaps in the real one
// right after hydration (no mismatch warning, the attribute on <html> was right all along).
const serverPreference = (): ThemePreference => "system";

/** System / light / dark as three toggle buttons: Tab reaches each, Enter or Space picks it. */
export function ThemeToggle({ className }: { className?: string }) {
  const preference = useSyncExternalStore(subscribeToTheme, readPreference, serverPreference);
  return (
    <fieldset className={cn("inline-flex items-center rounded-control border border-border p-0.5", className)}>
      <legend className="sr-only">Theme</legend>
      {OPTIONS.map(({ value, label, icon: Icon }) => (
        <IconButton
          key={value}
          label={label}
          size="sm"
          aria-pressed={preference === value}
          onClick={() => writePreference(value)}
          className="aria-pressed:bg-accent-soft aria-pressed:text-accent"
        >
          <Icon className="size-3.5" aria-hidden />
        </IconButton>
      ))}
    </fieldset>
  );
}
