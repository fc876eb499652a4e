import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { DialPad } from "@/components/calls/dial-pad";

export const metadata: Metadata = { title: "Call a number" };

export default async function DialPage() {
  if (!(await currentMember())) redirect("/signin?next=/call");
  return (
    <div>
      <h1 className="mb-6 text-center text-2xl font-bold tracking-tight">Call a number</h1>
      <DialPad />
    </div>
  );
}
