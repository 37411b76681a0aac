import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { Reports } from "@/components/reports/reports";
import { listAccountsInScope } from "@/lib/access/people/memberships";
import { sessionViewer } from "@/lib/access/viewer";

export const metadata: Metadata = { title: "Reports · Threadline" };

export const dynamic = "force-dynamic";

// For every signed-in person, over the accounts they may read (the API scopes every figure).
export default async function ReportsPage() {
  const viewer = await sessionViewer(await headers());
  if (!viewer) redirect("/sign-in?next=%2Freports");
  const accounts = await listAccountsInScope(viewer.scope, viewer.userId);
  const seesEvents = viewer.isAdmin || accounts.some((account) => account.role === "owner");
  return (
    <div className="min-h-dvh bg-surface-sunken">
      <PageHeader
        section="Reports"
        viewer={viewer}
        links={[
          ...(seesEvents ? [{ href: "/events", label: "Event log" }] : []),
          { href: "/settings", label: "Settings" },
        ]}
      />
      <Suspense fallback={<p className="p-6 text-sm text-text-muted">Loading reports…</p>}>
        <Reports accounts={accounts.map((a) => ({ id: a.id, name: a.name }))} />
      </Suspense>
    </div>
  );
}
