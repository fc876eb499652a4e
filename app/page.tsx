import Link from "next/link";
import { currentMember } from "@/app/_server/session";
import { DialPad } from "@/components/calls/dial-pad";
import { HomeReach } from "@/components/home-reach";

const FEATURES = [
  {
    title: "A number for life",
    text: "Twelve digits that are yours alone and never handed to anyone else, in sequence or spelled with a word.",
  },
  { title: "See who is online", text: "The directory shows every member, live: call the people who are there right now." },
  { title: "Video and voice calls", text: "Call by number or from the directory, straight from the browser." },
  { title: "A video mailbox", text: "Away? Callers leave a video or voice message you play back later." },
];

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const member = await currentMember();
  return (
    <div className="space-y-16">
      <section className="grid items-center gap-10 pt-6 md:grid-cols-[1.3fr_1fr]">
        <div>
          <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
            Your number. <span className="text-brand-600">For life.</span>
          </h1>
          <p className="mt-4 max-w-xl text-lg text-slate-700">
            {member
              ? `Welcome back, ${member.displayName.split(" ")[0]}. Call anyone by their number, or by the word their number spells.`
              : "Register for a permanent 12-digit communication number, spell it with a word if you like, and be reachable by video, voice and video mail from any browser."}
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            {member ? (
              <>
                <Link
                  href={`/${member.handle}`}
                  className="rounded-xl bg-brand-700 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-900"
                  data-testid="home-own-page"
                >
                  Your page
                </Link>
                <Link
                  href="/directory"
                  className="rounded-xl border border-slate-300 bg-white px-5 py-3 font-semibold text-slate-800 hover:bg-slate-100"
                >
                  Who is online
                </Link>
              </>
            ) : (
              <>
                <Link href="/register" className="rounded-xl bg-brand-700 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-900">
                  Get your number
                </Link>
                <Link
                  href="/signin"
                  className="rounded-xl border border-slate-300 bg-white px-5 py-3 font-semibold text-slate-800 hover:bg-slate-100"
                >
                  Sign in
                </Link>
              </>
            )}
            <Link
              href="/mall"
              className="rounded-xl border border-emerald-300 bg-emerald-50 px-5 py-3 font-semibold text-emerald-900 hover:bg-emerald-100"
              data-testid="home-mall"
            >
              Visit the mall
            </Link>
          </div>
        </div>
        <div className="flex justify-center">
          {/* Signed in, the keypad places calls; for a visitor it opens a number's page. */}
          {member ? <DialPad initial={sp.n ?? ""} /> : <HomeReach initial={sp.n ?? ""} problem={sp.problem} />}
        </div>
      </section>
      <section aria-labelledby="features" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <h2 id="features" className="sr-only">
          What you get
        </h2>
        {FEATURES.map((f) => (
          <div key={f.title} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
            <h3 className="font-semibold">{f.title}</h3>
            <p className="mt-2 text-sm text-slate-700">{f.text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
