import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { currentMember } from "@/app/_server/session";
import { IncomingCall } from "@/components/calls/incoming-call";
import { ContactDock } from "@/components/contacts/contact-dock";
import { MessageStoreProvider } from "@/components/messages/message-provider";
import { PresenceProvider } from "@/components/presence/presence-provider";
import { Providers } from "@/components/providers";
import { env } from "@/lib/env";
import { SiteHeader } from "@/components/site-header";
import { VerifyBanner } from "@/components/account/verify-banner";
import { accountStatus } from "@/lib/account/settings";
import { db } from "@/lib/db/client";
import "./globals.css";

const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

// Every page shows who is signed in, so none can be prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Portal — your number for life", template: "%s · Portal" },
  description: "A permanent 12-digit number, a live directory, video calls and a video mailbox.",
  // public/: drawn from the header's logo by scripts/make-icons.ts; the manifest makes it installable.
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/favicon-32.png", sizes: "32x32", type: "image/png" },
    ],
    apple: "/apple-touch-icon.png",
  },
  appleWebApp: { capable: true, title: "Portal", statusBarStyle: "default" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2552e0" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const member = await currentMember();
  const account = member ? await accountStatus(await db(), member.id) : null;
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <Providers>
          <PresenceProvider signedIn={!!member} autoAwayMs={env().PRESENCE_AUTO_AWAY_SECONDS * 1000}>
            <MessageStoreProvider memberId={member?.id ?? null}>
              <SiteHeader member={member} />
              {account && !account.emailVerified && account.email && <VerifyBanner email={account.email} />}
              {member && <IncomingCall />}
              <div className="mx-auto flex w-full max-w-[90rem] gap-6 px-4 sm:px-6">
                <main id="main" className="mx-auto w-full min-w-0 max-w-6xl flex-1 pb-16 pt-6">
                  {children}
                </main>
                {member && <ContactDock />}
              </div>
            </MessageStoreProvider>
          </PresenceProvider>
        </Providers>
      </body>
    </html>
  );
}
