import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { THEME_SCRIPT } from "@/components/theme/theme-store";
import "./globals.css";

export const metadata: Metadata = { title: "Threadline", description: "One inbox for every customer conversation" };
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  // The browser's own bar in the surface colour; a meta tag cannot read the CSS tokens, so their values.
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f172a" },
  ],
};

/** This request's script nonce, which proxy.ts put in the policy it forwards to the page. */
async function scriptNonce(): Promise<string | undefined> {
  const policy = (await headers()).get("content-security-policy") ?? "";
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = await scriptNonce();
  return (
    // The theme script sets data-theme before React hydrates: the server cannot know it.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Before first paint, so a dark-mode reader never sees the light theme flash. Only the
            nonce lets it run: the policy has no 'unsafe-inline'. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own constant script, no user data */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
