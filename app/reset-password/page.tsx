import type { Metadata } from "next";
import { AuthPage } from "@/components/auth/auth-page";
import { buttonVariants } from "@/components/ui/button";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "New password · Threadline" };
export const dynamic = "force-dynamic";

// Better Auth's mailed link lands here with ?token=… when valid, ?error=INVALID_TOKEN otherwise.
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; error?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <AuthPage title="Choose a new password">
      {typeof token === "string" && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert" className="text-sm">
          This link was used already or has expired.{" "}
          <a href="/forgot-password" className={buttonVariants({ variant: "link" })}>
            Ask for a new one
          </a>
          .
        </p>
      )}
    </AuthPage>
  );
}
