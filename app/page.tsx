import { Suspense } from "react";
import { Inbox } from "@/components/inbox/inbox";

export default function InboxPage() {
  return (
    <Suspense fallback={<p className="p-6 text-sm text-slate-600">Loading inbox…</p>}>
      <Inbox />
    </Suspense>
  );
}
