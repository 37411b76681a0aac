import type { ReactNode } from "react";
import { Panel } from "@/components/ui/panel";

/** The narrow centred card of the pages a person sees before signing in. */
export function AuthPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-surface-sunken p-4">
      <Panel padding="lg" aria-labelledby="auth-page-heading" className="w-full max-w-sm shadow-sm">
        <h1 id="auth-page-heading" className="mb-1 text-lg font-semibold">
          {title}
        </h1>
        {intro && <p className="mb-4 text-sm text-text-muted">{intro}</p>}
        {children}
      </Panel>
    </main>
  );
}
