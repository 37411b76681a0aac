import type { Metadata } from "next";
import { AuthPage } from "@/components/auth/auth-page";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { mailConfigured } from "@/lib/mail/config";

export const metadata: Metadata = { title: "Forgot password · Threadline" };
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  if (!mailConfigured()) {
    return (
      <AuthPage title="Forgot password">
        <p className="text-sm">
          This Threadline sends no mail, so it cannot reset passwords. Ask an administrator for a new sign-in.
        </p>
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Forgot password" intro="We mail a link to choose a new password to your address.">
      <ForgotPasswordForm />
    </AuthPage>
  );
}
