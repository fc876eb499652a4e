import type { Metadata } from "next";
import { DigestOff } from "@/components/messages/digest-off";

export const metadata: Metadata = { title: "Message emails" };

export default async function DigestOffPage({ searchParams }: { searchParams: Promise<{ m?: string; t?: string }> }) {
  const { m, t } = await searchParams;
  return (
    <div className="mx-auto max-w-lg rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-3 text-xl font-bold tracking-tight">Emails about unread messages</h1>
      {m && t ? <DigestOff m={m} t={t} /> : <p role="alert">This link is incomplete: open it from the email again.</p>}
    </div>
  );
}
