import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { DialPad } from "@/components/calls/dial-pad";

export const metadata: Metadata = { title: "Call a number" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The dial pad; `?to=` fills it (the home page's keypad and shared links dial through here). */
export default async function DialPage({ searchParams }: Props) {
  const to = (await searchParams).to;
  const initial = typeof to === "string" ? to.slice(0, 40) : "";
  if (!(await currentMember())) redirect(`/signin?next=${encodeURIComponent(initial ? `/call?to=${initial}` : "/call")}`);
  return (
    <div>
      <h1 className="mb-6 text-center text-2xl font-bold tracking-tight">Call a number</h1>
      <DialPad initial={initial} />
    </div>
  );
}
