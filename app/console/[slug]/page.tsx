import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { ShopManager } from "@/components/mall/manage/shop-manager";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { shopAdmin } from "@/lib/mall/shop-admin";

export const metadata: Metadata = { title: "Manage your shop" };
export const dynamic = "force-dynamic";

export default async function ManageShopPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const member = await currentMember();
  if (!member) redirect(`/signin?next=/console/${encodeURIComponent(slug)}`);
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) notFound();
  try {
    const initial = await shopAdmin(await db(), member.id, slug);
    return (
      <div className="mx-auto max-w-6xl">
        <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
          <Link href="/console" className="underline">
            Console
          </Link>{" "}
          › {initial.shop.name}
        </nav>
        <ShopManager initial={initial} />
      </div>
    );
  } catch (err) {
    if (err instanceof DomainError && err.code === "NOT_FOUND") notFound();
    if (err instanceof DomainError && err.code === "FORBIDDEN") {
      return (
        <p className="mx-auto max-w-md rounded-2xl bg-white p-8 text-center" role="alert">
          Only the shop&apos;s owner manages it.{" "}
          <Link href="/console" className="underline">
            Back to the console
          </Link>
        </p>
      );
    }
    throw err;
  }
}
