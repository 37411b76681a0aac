import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/access/safe-next";
import { sessionViewer } from "@/lib/access/viewer";

export const metadata: Metadata = { title: "Sign in · Threadline" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await sessionViewer(await headers())) redirect(next);
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-lg font-semibold">Sign in to Threadline</h1>
        <p className="mb-4 text-sm text-slate-600">Your team&apos;s conversations, every channel.</p>
        <SignInForm next={next} />
      </div>
    </main>
  );
}
