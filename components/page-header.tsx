import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { GoKeysListener } from "@/components/keyboard/go-keys-listener";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { SiteMenu } from "@/components/navigation/site-menu";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

interface Props {
  /** Where the reader is, beside the product name. */
  section: string;
  viewer: { email: string; isAdmin: boolean };
  /** The other pages this one leads to (the product name always leads to the inbox). */
  links: Array<{ href: string; label: string }>;
}

/** The header of Settings, Reports and the event log: home, where you are, where else to go, theme, who you are, sign out (on a phone the last four in a menu). */
export function PageHeader({ section, viewer, links }: Props) {
  return (
    <header className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-border bg-surface px-3 py-2 sm:gap-x-3 sm:px-4">
      {/* `g i`, `g c`, `g r`… work here as in the inbox. */}
      <GoKeysListener />
      <Link
        href="/"
        className="text-base font-semibold pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center"
      >
        Threadline
      </Link>
      <span className="text-sm text-text-muted">{section}</span>
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "max-sm:hidden")}
        >
          {link.label}
        </Link>
      ))}
      <span className="ml-auto truncate text-xs text-text-muted max-sm:sr-only">
        {viewer.email}
        {viewer.isAdmin ? " · administrator" : ""}
      </span>
      {/* On a phone the other pages, the theme and Sign out are in the menu. */}
      <ThemeToggle className="max-sm:hidden" />
      <SignOutButton className="max-sm:hidden" />
      <SiteMenu links={links} className="max-sm:ml-auto sm:hidden" />
    </header>
  );
}
