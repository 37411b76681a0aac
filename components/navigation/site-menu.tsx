"use client";

import { Menu } from "lucide-react";
import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";
import { signOut } from "@/components/auth/sign-out";
import { readPreference, subscribeToTheme, writePreference } from "@/components/theme/theme-store";
import { MenuButton, type MenuItem } from "@/components/ui/menu";

export interface SiteLink {
  href: string;
  label: string;
}

const THEMES = [
  { value: "system", label: "System theme" },
  { value: "light", label: "Light theme" },
  { value: "dark", label: "Dark theme" },
] as const;

const serverPreference = () => "system" as const;

/**
 * The header's other pages, theme and Sign out behind one "Menu" button: a phone's header has
 * room for the product name, the live status and two or three 44 px buttons, not for all of them.
 * The caller shows it only where the header cannot hold them (sm:hidden).
 */
export function SiteMenu({ links, className }: { links: SiteLink[]; className?: string }) {
  const router = useRouter();
  const theme = useSyncExternalStore(subscribeToTheme, readPreference, serverPreference);
  const items: MenuItem[] = [
    ...links.map((link) => ({ key: link.href, label: link.label, onSelect: () => router.push(link.href) })),
    ...THEMES.map(({ value, label }) => ({
      key: `theme-${value}`,
      label,
      checked: theme === value,
      onSelect: () => writePreference(value),
    })),
    { key: "sign-out", label: "Sign out", onSelect: () => void signOut() },
  ];
  return (
    <div className={className}>
      <MenuButton
        label="Menu"
        icon={<Menu className="size-4" aria-hidden />}
        items={items}
        buttonProps={{ variant: "ghost", size: "sm" }}
      />
    </div>
  );
}
