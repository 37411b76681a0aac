import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { GoKeysListener } from "@/components/keyboard/go-keys-listener";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { buttonVariants } from "@/components/ui/button";

interface Props {
  /** Where the reader is, beside the product name. */
  section: string;
  viewer: { email: string; isAdmin: boolean };
  /** The other pages this one leads to (the product name always leads to the inbox). */
  links: Array<{ href: string; label: string }>;
}

/** The header of Settings, Reports and the event log: home, where you are, where else to go, theme, who you are, sign out. */
export function PageHeader({ section, viewer, links }: Props) {
  return (
    <header className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-border bg-surface px-3 py-2 sm:gap-x-3 sm:px-4">
      {/* `g i`, `g c`, `g r`… work here as in the inbox. */}
      <GoKeysListener />
      <Link href="/" className="text-base font-semibold">
        Threadline
      </Link>
      <span className="text-sm text-text-muted">{section}</span>
      {links.map((link) => (
        <Link key={link.href} href={link.href} className={buttonVariants({ variant: "ghost", size: "sm" })}>
          {link.label}
        </Link>
      ))}
      <span className="ml-auto truncate text-xs text-text-muted max-sm:sr-only">
        {viewer.email}
        {viewer.isAdmin ? " · administrator" : ""}
      </span>
      <ThemeToggle className="max-sm:ml-auto" />
      <SignOutButton compact />
    </header>
  );
}
