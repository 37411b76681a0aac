import { apiFetch } from "@/components/api/api-fetch";

/** Ends the session and goes to sign-in, from the header's button or the phone's menu. */
export async function signOut() {
  // Whatever the answer (already signed out, server gone), the way forward is the sign-in page.
  await apiFetch("/api/auth/sign-out", { method: "POST", body: {}, redirectOnUnauthorized: false }).catch(() => null);
  window.location.assign("/sign-in?signedOut=1");
}
