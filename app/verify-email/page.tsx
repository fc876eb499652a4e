import type { Metadata } from "next";
import { VerifyEmailConfirm } from "@/components/account/verify-email-confirm";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const token = typeof sp.token === "string" ? sp.token : "";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-3xl font-bold tracking-tight">Confirm your email</h1>
      {token ? (
        <VerifyEmailConfirm token={token} />
      ) : (
        <p role="alert" className="rounded-2xl border border-rose-200 bg-rose-50 p-5 text-rose-800">
          This link is incomplete: open the whole link from the email, or sign in and ask for a new one.
        </p>
      )}
    </div>
  );
}
