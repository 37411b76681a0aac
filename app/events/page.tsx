import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { EventLog } from "@/components/events/event-log";
import { sessionViewer } from "@/lib/access/viewer";
import { eventLogReach } from "@/lib/ingest/event-log-access";

export const metadata: Metadata = { title: "Event log · Threadline" };

const LINK = "rounded px-2 py-1 text-xs hover:bg-slate-100";

export default async function EventsPage() {
  const viewer = await sessionViewer(await headers());
  if (!viewer) redirect("/sign-in?next=%2Fevents");
  const reach = await eventLogReach(viewer);
  return (
    <div className="min-h-dvh bg-slate-50 text-slate-900">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
        <Link href="/" className="text-base font-semibold">Threadline</Link>
        <span className="text-sm text-slate-600">Event log</span>
        <Link href="/settings" className={`ml-auto ${LINK}`}>Settings</Link>
        <span className="hidden text-xs text-slate-600 sm:inline">
          {viewer.email}{viewer.isAdmin ? " · administrator" : ""}
        </span>
        <SignOutButton />
      </header>
      {reach ? (
        <Suspense fallback={<p className="p-6 text-sm text-slate-600">Loading the event log…</p>}>
          <EventLog />
        </Suspense>
      ) : (
        <main className="mx-auto max-w-3xl p-4">
          <h1 className="text-lg font-semibold">Event log</h1>
          <p className="mt-2 text-sm text-slate-600" data-testid="event-log-refused">
            The event log is for administrators and account owners: its deliveries hold every customer&apos;s details.
            Ask an owner of your account if you need to see it.
          </p>
        </main>
      )}
    </div>
  );
}
