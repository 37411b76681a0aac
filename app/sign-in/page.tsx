import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Panel } from "@/components/ui/panel";
import { safeNextPath } from "@/lib/access/authentication/safe-next";
import { sessionViewer } from "@/lib/access/viewer";
import { mailConfigured } from "@/lib/mail/config";

export const metadata: Metadata = { title: "Sign in · Threadline" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; signedOut?: string | string[] }>;
}) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await sessionViewer(await headers())) redirect(next);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-surface-sunken p-4">
      <Panel padding="lg" aria-labelledby="sign-in-heading" className="w-full max-w-sm shadow-sm">
        <h1 id="sign-in-heading" className="mb-1 text-lg font-semibold">
          Sign in to Threadline
        </h1>
        <p className="mb-4 text-sm text-text-muted">Your team&apos;s conversations, every channel.</p>
        <SignInForm next={next} canResetPassword={mailConfigured()} signedOut={params.signedOut === "1"} />
      </Panel>
      <ThemeToggle />
    </main>
  );
}
