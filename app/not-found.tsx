import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="tabular text-6xl font-bold text-brand-600">404</p>
      <h1 className="mt-4 text-2xl font-semibold">Nobody here</h1>
      <p className="mt-2 text-slate-600">No member or page has this address. Check the spelling, or look the number up again.</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        Go home
      </Link>
    </div>
  );
}
