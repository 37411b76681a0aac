import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AccountSettings } from "@/components/settings/account-settings";
import { sessionViewer } from "@/lib/access/viewer";
import { listAccountsInScope } from "@/lib/access/memberships";

export const metadata: Metadata = { title: "Settings · Threadline" };

export default async function SettingsPage() {
  const viewer = await sessionViewer(await headers());
  if (!viewer) redirect("/sign-in?next=%2Fsettings");
  const accounts = await listAccountsInScope(viewer.scope, viewer.userId);
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
        <Link href="/" className="text-base font-semibold">Threadline</Link>
        <span className="text-sm text-slate-600">Settings</span>
        {(viewer.isAdmin || accounts.some((account) => account.role === "owner")) && (
          <Link href="/events" className="rounded px-2 py-1 text-xs hover:bg-slate-100">Event log</Link>
        )}
        <span className="ml-auto text-xs text-slate-600">{viewer.email}{viewer.isAdmin ? " · administrator" : ""}</span>
        <SignOutButton />
      </header>
      <main className="mx-auto flex max-w-3xl flex-col gap-4 p-4">
        <h1 className="text-lg font-semibold">Accounts</h1>
        {accounts.length === 0 && <p className="text-sm text-slate-600">You belong to no account yet. An owner can invite you.</p>}
        {accounts.map((account) => (
          <AccountSettings key={account.id} account={account} />
        ))}
      </main>
    </div>
  );
}
