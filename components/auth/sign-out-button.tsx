"use client";

import { LogOut } from "lucide-react";

export function SignOutButton() {
  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    window.location.assign("/sign-in");
  }
  return (
    <button type="button" onClick={signOut} className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs hover:bg-slate-100">
      <LogOut className="size-3.5" aria-hidden /> Sign out
    </button>
  );
}
