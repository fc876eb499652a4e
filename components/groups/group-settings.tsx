"use client";

import { useState } from "react";
import type { GroupView } from "@/lib/groups/get-group";
import { ApiError, apiSend, uploadFile } from "../api";
import { Field, inputClass } from "../form-field";

const ACCESS = [
  { value: "open", label: "Open" },
  { value: "request", label: "By request" },
  { value: "invite", label: "By invitation" },
] as const;

/** For admins: the group's name, description, picture, listing, who may join and its password. */
export function GroupSettings({ group, onSaved }: { group: GroupView; onSaved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [password, setPassword] = useState<"keep" | "set" | "remove">("keep");
  const base = `/api/groups/${encodeURIComponent(group.handle)}`;

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await apiSend("PATCH", base, {
        name: String(f.get("name") ?? ""),
        description: String(f.get("description") ?? ""),
        listed: f.get("listed") === "on",
        access: String(f.get("access")),
        ...(password === "set" ? { password: String(f.get("password") ?? "") } : password === "remove" ? { password: null } : {}),
      });
      setSaved(true);
      setPassword("keep");
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "The changes were not saved; try again.");
    } finally {
      setBusy(false);
    }
  }

  async function picture(file: File | undefined) {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      await uploadFile(`${base}/photo`, file, file.type || "application/octet-stream", setProgress);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "The picture was not saved; try again.");
    } finally {
      setProgress(null);
    }
  }

  return (
    <details className="mt-6 rounded-xl border border-slate-200 p-4" data-testid="group-settings">
      <summary className="cursor-pointer font-semibold">The group&apos;s page and who may join</summary>
      {/* Drawn again from what the server holds after any change (another admin's too). */}
      <form
        key={[group.name, group.description, group.access, group.listed, group.hasPassword].join("|")}
        onSubmit={save}
        className="mt-3 grid gap-4 sm:grid-cols-2"
      >
        <Field label="Name" name="name">
          {(p) => <input {...p} defaultValue={group.name} maxLength={80} required className={inputClass} />}
        </Field>
        <label className="text-sm font-medium text-slate-800">
          Picture
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="mt-1 block w-full text-sm"
            onChange={(e) => void picture(e.target.files?.[0])}
            data-testid="group-photo-input"
          />
          {progress !== null && (
            <progress max={1} value={progress} className="mt-1 w-full" aria-label="Uploading the picture">
              {Math.round(progress * 100)}%
            </progress>
          )}
        </label>
        <div className="sm:col-span-2">
          <Field label="Description" name="description">
            {(p) => <textarea {...p} defaultValue={group.description} maxLength={500} rows={3} className={inputClass} />}
          </Field>
        </div>
        <fieldset className="text-sm">
          <legend className="font-medium text-slate-800">Who may join</legend>
          {ACCESS.map((a) => (
            <label key={a.value} className="mt-1 flex items-center gap-2">
              <input type="radio" name="access" value={a.value} defaultChecked={group.access === a.value} />
              {a.label}
            </label>
          ))}
          <label className="mt-3 flex items-center gap-2">
            <input type="checkbox" name="listed" defaultChecked={group.listed} />
            Listed in the directory
          </label>
        </fieldset>
        <fieldset className="text-sm">
          <legend className="font-medium text-slate-800">Password {group.hasPassword ? "(set)" : "(none)"}</legend>
          {(["keep", "set", ...(group.hasPassword ? (["remove"] as const) : [])] as const).map((v) => (
            <label key={v} className="mt-1 flex items-center gap-2">
              <input type="radio" name="password-choice" checked={password === v} onChange={() => setPassword(v)} />
              {v === "keep" ? "Leave as it is" : v === "set" ? (group.hasPassword ? "Change it" : "Ask for a password") : "Remove it"}
            </label>
          ))}
          {password === "set" && (
            <input
              type="password"
              name="password"
              autoComplete="new-password"
              minLength={6}
              maxLength={128}
              required
              aria-label="New group password"
              className={inputClass}
            />
          )}
        </fieldset>
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={busy} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60">
            {busy ? "Saving…" : "Save"}
          </button>
          {saved && (
            <span role="status" className="text-sm text-emerald-800">
              Saved.
            </span>
          )}
          {error && (
            <span role="alert" className="text-sm text-red-700">
              {error}
            </span>
          )}
        </div>
      </form>
    </details>
  );
}
