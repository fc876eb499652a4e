/** Typed fetchers and query keys for the browser. Errors carry the server's code and message. */
export type ApiErrorBody = { error: { code: string; message: string; field?: string; issues?: { field: string; message: string }[] } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody["error"],
  ) {
    super(body.message);
  }
}

async function parse<T>(res: Response): Promise<T> {
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      (data as ApiErrorBody | null)?.error ?? { code: "HTTP_" + res.status, message: `Request failed (${res.status})` },
    );
  }
  return data as T;
}

export async function apiGet<T>(url: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(url, { signal, headers: { accept: "application/json" } }));
}

export async function apiSend<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  return parse<T>(
    await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    }),
  );
}

/** A POST with upload progress (fetch has none), answered like `api`: JSON, or an ApiError. */
function postWithProgress<T>(
  url: string,
  body: XMLHttpRequestBodyInit,
  contentType: string | null,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    if (contentType) xhr.setRequestHeader("content-type", contentType);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, { code: "NETWORK", message: "The connection failed; check your network and try again" }));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else
        reject(
          new ApiError(
            xhr.status,
            (data as ApiErrorBody | null)?.error ?? { code: "HTTP_" + xhr.status, message: `Request failed (${xhr.status})` },
          ),
        );
    };
    xhr.send(body);
  });
}

/** Multipart upload with progress. */
export function uploadForm<T>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return postWithProgress(url, form, null, onProgress);
}

/** A file sent as the raw request body, with upload progress (for endpoints that take text/vcard and the like). */
export function uploadFile<T>(url: string, file: Blob, contentType: string, onProgress: (fraction: number) => void): Promise<T> {
  return postWithProgress(url, file, contentType, onProgress);
}

export const queryKeys = {
  numbers: {
    all: ["numbers"] as const,
    check: (q: string, position: string) => ["numbers", "check", q, position] as const,
    hold: () => ["numbers", "hold"] as const,
  },
};
