import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { RegisterForm } from "@/components/register/register-form";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Get your number" };

export default async function RegisterPage() {
  const member = await currentMember();
  if (member) redirect(`/${member.handle}`);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">Get your number</h1>
      <p className="mt-2 text-slate-600">
        One permanent 12-digit number, yours for life. Take the next one in line, or spell a word with the keypad letters.
      </p>
      <div className="mt-8">
        <RegisterForm origin={env().PUBLIC_URL} />
      </div>
    </div>
  );
}
