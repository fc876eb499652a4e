"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useState } from "react";
import { ApiError, apiSend } from "../api";
import { Field, inputClass } from "../form-field";
import { NumberPicker } from "../register/number-picker";

type Made = { group: { handle: string } };
const ACCESS = [
  { value: "open", label: "Open", hint: "Any signed-in member joins at once." },
  { value: "request", label: "By request", hint: "Admins approve each person." },
  { value: "invite", label: "By invitation", hint: "Only people with a link from a member." },
] as const;

/** Makes a group: its name, its address, its number (the next one, or a word spelled on the keypad), who may join. */
export function NewGroupForm() {
  const router = useRouter();
  const [number, setNumber] = useState<string | null>(null);
  const [withPassword, setWithPassword] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onNumber = useCallback((d: string | null) => setNumber(d), []);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    const f = new FormData(e.currentTarget);
    const body = {
      name: String(f.get("name") ?? ""),
      handle: String(f.get("handle") ?? ""),
      description: String(f.get("description") ?? ""),
      access: String(f.get("access") ?? "open"),
      listed: f.get("listed") === "on",
      ...(withPassword ? { password: String(f.get("password") ?? "") } : {}),
      ...(number ? { number } : {}),
    };
    setBusy(true);
    try {
      const { group } = await apiSend<Made>("POST", "/api/groups", body);
      router.push(`/${group.handle}`);
    } catch (err) {
      setBusy(false);
      if (!(err instanceof ApiError)) return setFormError("Something went wrong; please try again");
      const fieldErrors: Record<string, string> = {};
      for (const issue of err.body.issues ?? []) if (issue.field && !fieldErrors[issue.field]) fieldErrors[issue.field] = issue.message;
      if (err.body.field && !fieldErrors[err.body.field]) fieldErrors[err.body.field] = err.body.message;
      setErrors(fieldErrors);
      setFormError(Object.keys(fieldErrors).length ? "Please correct what is marked above." : err.body.message);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby={formError ? "new-group-error" : undefined}>
      <NumberPicker onChange={onNumber} />
      {errors.number && (
        <p className="text-sm text-red-700" role="alert">
          {errors.number}
        </p>
      )}
      <fieldset className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">The group</legend>
        <Field label="Name" name="name" error={errors.name}>
          {(p) => <input {...p} className={inputClass} maxLength={80} required data-testid="group-name-input" />}
        </Field>
        <Field label="Address" name="handle" error={errors.handle} hint="Its page will be at /this-address: letters, digits and dashes.">
          {(p) => <input {...p} className={inputClass} maxLength={30} required autoCapitalize="none" data-testid="group-handle-input" />}
        </Field>
        <div className="sm:col-span-2">
          <Field label="Description" name="description" error={errors.description}>
            {(p) => <textarea {...p} className={inputClass} maxLength={500} rows={3} />}
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-base font-semibold">Who may join</legend>
        {ACCESS.map((a, i) => (
          <label key={a.value} className="flex items-start gap-3">
            <input
              type="radio"
              name="access"
              value={a.value}
              defaultChecked={i === 0}
              className="mt-1"
              data-testid={`group-access-${a.value}`}
            />
            <span>
              <span className="font-medium">{a.label}</span>
              <span className="block text-sm text-slate-600">{a.hint}</span>
            </span>
          </label>
        ))}
        <label className="flex items-center gap-3 pt-2">
          <input
            type="checkbox"
            checked={withPassword}
            onChange={(e) => setWithPassword(e.target.checked)}
            data-testid="group-with-password"
          />
          <span className="font-medium">Ask for a password</span>
        </label>
        {withPassword && (
          <Field label="Group password" name="password" error={errors.password} hint="At least 6 characters; people who join type it once.">
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                className={inputClass}
                maxLength={128}
                data-testid="group-password-input"
              />
            )}
          </Field>
        )}
        <label className="flex items-center gap-3 pt-2">
          <input type="checkbox" name="listed" defaultChecked />
          <span>List the group in the directory</span>
        </label>
      </fieldset>
      {formError && (
        <p id="new-group-error" role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        data-testid="group-create"
      >
        {busy ? "Making the group…" : "Make the group"}
      </button>
    </form>
  );
}
