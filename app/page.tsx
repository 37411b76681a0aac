import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { Inbox } from "@/components/inbox/inbox";
import { sessionViewer } from "@/lib/access/viewer";

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await sessionViewer(await headers());
  if (!viewer) {
    const query = new URLSearchParams(
      Object.entries(await searchParams).flatMap(([k, v]) => (v === undefined ? [] : [v].flat().map((x) => [k, x]))),
    );
    const here = query.size > 0 ? `/?${query}` : "/";
    redirect(`/sign-in?next=${encodeURIComponent(here)}`);
  }
  return (
    <Suspense fallback={<p className="p-6 text-sm text-text-muted">Loading inbox…</p>}>
      <Inbox viewer={{ id: viewer.userId, email: viewer.email, name: viewer.name }} />
    </Suspense>
  );
}
