import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { Storage } from "../storage";
import { IMAGE_MIME_BY_EXT } from "../storage/sniff";
import { logoSvg, productSvg } from "./art";

export type Picture = { bytes: Uint8Array<ArrayBuffer> | string; type: string; drawn: boolean };

/** A merchant's drawn logo (public, like the mall). */
export async function merchantLogo(db: Db, slug: string): Promise<Picture> {
  const m = await db.merchant.findUnique({ where: { slug } });
  if (!m) throw new DomainError("NOT_FOUND", "No such merchant.");
  return { bytes: logoSvg(m), type: "image/svg+xml", drawn: true };
}

/** A product's picture: the owner's photo when there is one, otherwise one the portal draws. */
export async function productPicture(db: Db, storage: Storage, merchantSlug: string, productSlug: string): Promise<Picture> {
  const m = await db.merchant.findUnique({ where: { slug: merchantSlug } });
  const p = m && (await db.product.findUnique({ where: { merchantId_slug: { merchantId: m.id, slug: productSlug } } }));
  if (!m || !p) throw new DomainError("NOT_FOUND", "No such product.");
  const photo = p.imageKey ? await storage.get(p.imageKey) : null;
  if (photo && p.imageKey) {
    const ext = p.imageKey.split(".").pop() ?? "";
    return { bytes: new Uint8Array(photo), type: IMAGE_MIME_BY_EXT[ext] ?? "application/octet-stream", drawn: false };
  }
  return { bytes: productSvg(p, m), type: "image/svg+xml", drawn: true };
}
