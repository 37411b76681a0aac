import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { EmailSignatureForm } from "@/components/profile/email-signature-form";
import { AccountSettings } from "@/components/settings/account-settings";
import { Panel } from "@/components/ui/panel";
import { sessionViewer } from "@/lib/access/viewer";
import { listAccountsInScope } from "@/lib/access/people/memberships";
import { mailConfigured } from "@/lib/mail/config";

export const metadata: Metadata = { title: "Settings · Threadline" };

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const viewer = await sessionViewer(await headers());
  if (!viewer) redirect("/sign-in?next=%2Fsettings");
  const accounts = await listAccountsInScope(viewer.scope, viewer.userId);
  const seesEvents = viewer.isAdmin || accounts.some((account) => account.role === "owner");
  return (
    <div className="min-h-dvh bg-surface-sunken">
      <PageHeader
        section="Settings"
        viewer={viewer}
        links={[
          { href: "/reports", label: "Reports" },
          ...(seesEvents ? [{ href: "/events", label: "Event log" }] : []),
        ]}
      />
      <main className="mx-auto flex max-w-3xl flex-col gap-4 p-4">
        <h1 className="text-lg font-semibold">Settings</h1>
        {/* The person's own settings, whatever account they reply in. */}
        <Panel id="profile" aria-labelledby="profile-heading" padding="md" className="scroll-mt-4">
          <h2 id="profile-heading" className="mb-2 font-semibold">
            Your profile
          </h2>
          <p className="mb-3 text-sm text-text-muted">
            {viewer.name || viewer.email} · {viewer.email}
          </p>
          <EmailSignatureForm />
        </Panel>
        <h2 className="text-lg font-semibold">Accounts</h2>
        {accounts.length === 0 && (
          <p className="text-sm text-text-muted">You belong to no account yet. An owner can invite you.</p>
        )}
        {accounts.map((account) => (
          <AccountSettings key={account.id} account={account} mailOn={mailConfigured()} />
        ))}
      </main>
    </div>
  );
}
