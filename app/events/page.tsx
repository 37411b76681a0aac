import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { EventLog } from "@/components/events/event-log";
import { PageHeader } from "@/components/page-header";
import { sessionViewer } from "@/lib/access/viewer";
import { eventLogReach } from "@/lib/ingest/event-log-access";

export const metadata: Metadata = { title: "Event log · Threadline" };

export default async function EventsPage() {
  const viewer = await sessionViewer(await headers());
  if (!viewer) redirect("/sign-in?next=%2Fevents");
  const reach = await eventLogReach(viewer);
  return (
    <div className="min-h-dvh bg-surface-sunken">
      <PageHeader
        section="Event log"
        viewer={viewer}
        links={[
          { href: "/reports", label: "Reports" },
          { href: "/settings", label: "Settings" },
        ]}
      />
      {reach ? (
        <Suspense fallback={<p className="p-6 text-sm text-text-muted">Loading the event log…</p>}>
          <EventLog />
        </Suspense>
      ) : (
        <main className="mx-auto max-w-3xl p-4">
          <h1 className="text-lg font-semibold">Event log</h1>
          <p className="mt-2 text-sm text-text-muted" data-testid="event-log-refused">
            The event log is for administrators and account owners: its deliveries hold every customer&apos;s details.
            Ask an owner of your account if you need to see it.
          </p>
        </main>
      )}
    </div>
  );
}
