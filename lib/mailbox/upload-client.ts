/**
 * Sends a recording in pieces to /api/mailbox/uploads (a tus-like protocol: create, then PATCH at
 * Upload-Offset). When a piece fails (network gone, server restarting) it waits, asks the server how
 * many bytes it has, and carries on from there, so nothing is sent twice and nothing is lost.
 */
export type UploadStart =
  | { purpose: "message"; to: string; kind: "video" | "voice"; guestName?: string; guestEmail?: string; callId?: string }
  | { purpose: "greeting"; kind: "video" | "voice"; slot: "standard" | "temporary"; endsAt?: string };

export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

// Pieces start small (a quick first byte count, little to resend on a poor line) and double while
// they go through, up to 4 MB; a failure starts again small.
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 4 * 1024 * 1024;
const RETRY_DELAYS = [500, 1000, 2000, 4000, 8000, 15000];

async function errorOf(res: Response): Promise<UploadError> {
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; field?: string } } | null;
  return new UploadError(body?.error?.message ?? `The server answered ${res.status}.`, body?.error?.code ?? "HTTP", body?.error?.field);
}

export async function uploadRecording(
  blob: Blob,
  start: UploadStart,
  opts: {
    onProgress?: (sent: number, total: number) => void;
    onRetry?: (attempt: number) => void;
    signal?: AbortSignal;
    fetchImpl?: typeof fetch;
  } = {},
): Promise<{ id: string }> {
  const f = opts.fetchImpl ?? fetch;
  const created = await f("/api/mailbox/uploads", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...start, length: blob.size }),
    signal: opts.signal,
  });
  if (!created.ok) throw await errorOf(created);
  const { id, token } = (await created.json()) as { id: string; token: string };
  let offset = 0;
  let failures = 0;
  let chunk = MIN_CHUNK;
  opts.onProgress?.(0, blob.size);
  while (true) {
    try {
      const res = await f(`/api/mailbox/uploads/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/offset+octet-stream", "upload-token": token, "upload-offset": String(offset) },
        body: blob.slice(offset, offset + chunk),
        signal: opts.signal,
      });
      if (res.status === 409) {
        offset = await where(f, id, token, opts.signal);
        continue;
      }
      // A refusal (too long, not media, limits) is final; only trouble on the way is retried.
      if (res.status >= 400 && res.status < 500) throw await errorOf(res);
      if (!res.ok) throw new Error(`server error ${res.status}`);
      const r = (await res.json()) as { offset: number; done: boolean; id?: string };
      offset = r.offset;
      failures = 0;
      chunk = Math.min(MAX_CHUNK, chunk * 2);
      opts.onProgress?.(offset, blob.size);
      if (r.done) return { id: r.id! };
    } catch (err) {
      if (err instanceof UploadError || opts.signal?.aborted) throw err;
      if (failures >= RETRY_DELAYS.length)
        throw new UploadError("The connection keeps failing; your recording is kept here, try sending again.", "NETWORK");
      opts.onRetry?.(failures + 1);
      chunk = MIN_CHUNK;
      await new Promise((r) => setTimeout(r, RETRY_DELAYS[failures++]));
      try {
        offset = await where(f, id, token, opts.signal);
        opts.onProgress?.(offset, blob.size);
      } catch (e) {
        if (e instanceof UploadError) throw e;
        // Still offline: the next round waits longer.
      }
    }
  }
}

async function where(f: typeof fetch, id: string, token: string, signal?: AbortSignal): Promise<number> {
  const res = await f(`/api/mailbox/uploads/${id}`, { headers: { "upload-token": token }, signal });
  if (res.status >= 400 && res.status < 500) throw await errorOf(res);
  if (!res.ok) throw new Error(`server error ${res.status}`);
  return ((await res.json()) as { offset: number }).offset;
}
