"use client";

import { useEffect, useId, useState } from "react";

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png", "image/webp"];

/** Optional photo with a preview; checked here for size and type, and again on the server. */
export function PhotoField({ error, onChange }: { error?: string; onChange: (has: boolean) => void }) {
  const id = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  const shown = localError ?? error;
  return (
    <div className="flex items-center gap-4">
      <div className="flex size-20 shrink-0 items-center justify-center overflow-hidden rounded-full bg-slate-100 text-slate-500">
        {preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local object URL
          <img src={preview} alt="Your photo" className="size-full object-cover" />
        ) : (
          <svg viewBox="0 0 24 24" className="size-10" aria-hidden="true" fill="currentColor">
            <path d="M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10Zm0 2c-4.4 0-8 2.2-8 5v1h16v-1c0-2.8-3.6-5-8-5Z" />
          </svg>
        )}
      </div>
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Photo <span className="font-normal text-slate-600">(optional)</span>
        </label>
        <input
          id={id}
          name="photo"
          type="file"
          accept={TYPES.join(",")}
          aria-invalid={!!shown}
          aria-describedby={`${id}-hint`}
          className="mt-1 block w-full max-w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-medium file:text-brand-700"
          onChange={(e) => {
            const file = e.target.files?.[0];
            setLocalError(null);
            if (preview) URL.revokeObjectURL(preview);
            setPreview(null);
            onChange(false);
            if (!file) return;
            if (!TYPES.includes(file.type)) return setLocalError("The photo must be a JPEG, PNG or WebP image");
            if (file.size > MAX_BYTES) return setLocalError("The photo is larger than 2 MB");
            setPreview(URL.createObjectURL(file));
            onChange(true);
          }}
        />
        <p id={`${id}-hint`} className={`mt-1 text-xs ${shown ? "text-red-700" : "text-slate-600"}`}>
          {shown ?? "JPEG, PNG or WebP, up to 2 MB"}
        </p>
      </div>
    </div>
  );
}
