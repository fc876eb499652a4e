import { fileTypeFromBuffer } from "file-type";

/** Pictures the thread previews (decoded, resized and re-encoded on the server). */
const PREVIEWED = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

export type FileKind = { mime: string; ext: string; previewed: boolean };

/**
 * A file's type from its bytes, never from its name or the type the browser declared. Recognised
 * binary formats by their signature; text that is valid UTF-8 without control bytes as text/plain;
 * anything else as a download (application/octet-stream).
 */
export async function fileKind(bytes: Uint8Array): Promise<FileKind> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return { mime: found.mime, ext: found.ext, previewed: PREVIEWED.has(found.mime) };
  if (isPlainText(bytes)) return { mime: "text/plain", ext: "txt", previewed: false };
  return { mime: "application/octet-stream", ext: "bin", previewed: false };
}

function isPlainText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64 * 1024);
  for (const b of head) if (b < 9 || (b > 13 && b < 32 && b !== 27)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.length < bytes.length ? trimPartial(head) : head);
    return true;
  } catch {
    return false;
  }
}

/** A prefix may end inside a multi-byte character: drop its last, incomplete one. */
function trimPartial(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let i = b.length - 1; i >= Math.max(0, b.length - 4); i--) {
    const byte = b[i]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) end = i;
    break;
  }
  return b.subarray(0, end);
}

/** A file's name as shown and offered for download: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .slice(0, 200);
  return base || `file.${ext}`;
}
