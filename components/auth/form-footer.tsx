import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";

/** The end of every sign-in-side form: the error (announced), then the submit button. */
export function FormFooter({ error, busy, children }: { error: string | null; busy: boolean; children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <>
      {error && (
        <Notice tone="danger" role="alert">
          {error}
        </Notice>
      )}
      <Button type="submit" size="lg" disabled={busy || !hydrated}>
        {children}
      </Button>
    </>
  );
}
