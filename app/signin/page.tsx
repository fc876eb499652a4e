import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await currentMember();
  const sp = await searchParams;
  // Only a path on this site: "//evil.example" and "/\\evil.example" start with "/" too. The portal's
  // pages send people here with ?next=; next-auth's own redirects say ?callbackUrl=.
  const next = safeRedirectPath(sp.next ?? sp.callbackUrl);
  if (member) redirect(next ?? `/${member.handle}`);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-2 text-slate-600">With your email address or your 12-digit number.</p>
      <div className="mt-8 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm next={next} />
      </div>
      <p className="mt-6 text-center text-sm text-slate-600">
        No number yet?{" "}
        <Link href="/register" className="font-medium text-brand-700 underline">
          Get one
        </Link>
      </p>
    </div>
  );
}
