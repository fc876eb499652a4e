import sharp from "sharp";
import { DomainError } from "../errors";

/** A picture made safe to show: turned upright, its metadata (places, camera) removed, and a thumbnail. */
export type Picture = { bytes: Uint8Array; thumb: Uint8Array; width: number; height: number };

const THUMB_WIDTH = 480;
/** A small file can unpack to a huge image: refuse beyond this many pixels before decoding. */
const MAX_PIXELS = 40_000_000;

export async function preparePicture(bytes: Uint8Array, mime: string): Promise<Picture> {
  try {
    const animated = mime === "image/gif" || mime === "image/webp";
    const input = sharp(bytes, { limitInputPixels: MAX_PIXELS, animated });
    const meta = await input.metadata();
    // Re-encoded in its own format (a still one turned upright, an animation frame by frame), which
    // drops EXIF, XMP and the like: a photo's place is not sent along.
    const still = !animated || (meta.pages ?? 1) === 1;
    const out = still
      ? await sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate().toBuffer({ resolveWithObject: true })
      : await sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: true }).toBuffer({ resolveWithObject: true });
    const width = out.info.width;
    const height = still ? out.info.height : (out.info.pageHeight ?? meta.pageHeight ?? out.info.height);
    const thumb = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: THUMB_WIDTH, height: THUMB_WIDTH * 2, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer();
    return { bytes: new Uint8Array(out.data), thumb: new Uint8Array(thumb), width, height };
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message))
      throw new DomainError("PAYLOAD_TOO_LARGE", "This picture has too many pixels to show; send it as a smaller picture.");
    throw new DomainError("VALIDATION_FAILED", "This picture could not be read; it may be damaged.");
  }
}
