"use client";

import { LogOut } from "lucide-react";
import { apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";

/** Signs out and goes to sign-in; `compact` hides the words on a phone (the name stays for screen readers). */
export function SignOutButton({ compact = false }: { compact?: boolean }) {
  async function signOut() {
    // Whatever the answer (already signed out, server gone), the way forward is the sign-in page.
    await apiFetch("/api/auth/sign-out", { method: "POST", body: {}, redirectOnUnauthorized: false }).catch(() => null);
    window.location.assign("/sign-in?signedOut=1");
  }
  return (
    <Button variant="ghost" size="sm" onClick={signOut} className="gap-1 whitespace-nowrap">
      <LogOut className="size-3.5" aria-hidden />{" "}
      <span className={compact ? "max-sm:sr-only" : undefined}>Sign out</span>
    </Button>
  );
}
