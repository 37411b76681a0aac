"use client";

import Link from "next/link";
import { useProfile } from "@/components/profile/profile-api";

/** Under the email composer: the signature the server will add, so nobody types it twice. */
export function SignatureNote() {
  const { data } = useProfile();
  const signature = data?.emailSignature.trim();
  if (!signature) return null;
  const [first, ...more] = signature.split("\n");
  return (
    <p className="min-w-0 truncate text-xs text-text-muted" data-testid="signature-note" title={signature}>
      Signature added: {first}
      {more.length > 0 ? " …" : ""} ·{" "}
      <Link href="/settings#profile" className="underline">
        Edit in Settings
      </Link>
    </p>
  );
}
