"use client";

import { Bell, BellOff } from "lucide-react";
import { IconButton } from "@/components/ui/icon-button";
import type { NotificationSetting } from "./use-notifications";

const LABELS: Record<Exclude<NotificationSetting, "unsupported">, string> = {
  on: "Desktop notifications on (new messages and missed calls while this tab is in the background)",
  off: "Desktop notifications off",
  blocked: "Desktop notifications blocked by the browser (allow them in its site settings)",
};

export function NotificationToggle({
  setting,
  onToggle,
  className,
}: {
  setting: NotificationSetting;
  onToggle: () => void;
  className?: string;
}) {
  if (setting === "unsupported") return null;
  return (
    <IconButton
      label={LABELS[setting]}
      aria-pressed={setting === "on"}
      data-testid="notification-toggle"
      onClick={onToggle}
      className={className}
    >
      {setting === "on" ? <Bell className="size-4" aria-hidden /> : <BellOff className="size-4" aria-hidden />}
    </IconButton>
  );
}
