"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useState } from "react";
import { ApiError, uploadForm } from "../api";
import { NumberPicker } from "./number-picker";
import { PhotoField } from "./photo-field";
import { Field, inputClass } from "../form-field";

type Registered = { member: { handle: string; number: string; formattedNumber: string } };

export function RegisterForm({ origin }: { origin: string }) {
  const router = useRouter();
  const [number, setNumber] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [handle, setHandle] = useState("");
  const [hasPhoto, setHasPhoto] = useState(false);
  const onNumber = useCallback((d: string | null) => setNumber(d), []);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    const form = new FormData(e.currentTarget);
    form.delete("numberMode");
    form.delete("position");
    if (number) form.set("number", number);
    if (!form.get("listed")) form.set("listed", "false");
    const photo = form.get("photo");
    if (photo instanceof File && photo.size === 0) form.delete("photo");
    setProgress(0);
    try {
      const { member } = await uploadForm<Registered>("/api/register", form, setProgress);
      setProgress(1);
      const res = await signIn("credentials", { redirect: false, identifier: member.number, password: String(form.get("password")) });
      if (res?.error) {
        router.push(`/signin?registered=${member.number}`);
        return;
      }
      router.push(`/${member.handle}?welcome=1`);
      router.refresh();
    } catch (err) {
      setProgress(null);
      if (err instanceof ApiError) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of err.body.issues ?? []) if (issue.field && !fieldErrors[issue.field]) fieldErrors[issue.field] = issue.message;
        if (err.body.field && !fieldErrors[err.body.field]) fieldErrors[err.body.field] = err.body.message;
        setErrors(fieldErrors);
        const n = Object.keys(fieldErrors).length;
        setFormError(
          n > 1 ? `Please correct the ${n} fields marked above.` : n === 1 ? "Please correct the field marked above." : err.body.message,
        );
      } else {
        setFormError("Something went wrong; please try again");
      }
    }
  }

  const busy = progress !== null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby={formError ? "register-error" : undefined}>
      <NumberPicker onChange={onNumber} />
      {errors.number && (
        <p className="text-sm text-red-700" role="alert">
          {errors.number}
        </p>
      )}

      <fieldset className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">About you</legend>
        <Field label="Display name" name="displayName" error={errors.displayName}>
          {(p) => <input {...p} className={inputClass} autoComplete="name" required maxLength={80} />}
        </Field>
        <Field
          label="Handle"
          name="handle"
          error={errors.handle}
          hint={`Your page: ${origin.replace(/^https?:\/\//, "")}/${handle || "your-handle"}`}
        >
          {(p) => (
            <input
              {...p}
              className={inputClass}
              autoComplete="username"
              required
              maxLength={30}
              value={handle}
              onChange={(e) => setHandle(e.target.value)}
            />
          )}
        </Field>
        <Field label="Email" name="email" error={errors.email}>
          {(p) => <input {...p} type="email" className={inputClass} autoComplete="email" required />}
        </Field>
        <Field label="Password" name="password" error={errors.password} hint="At least 10 characters">
          {(p) => <input {...p} type="password" className={inputClass} autoComplete="new-password" required minLength={10} />}
        </Field>
        <Field label="Date of birth" name="birthDate" error={errors.birthDate} hint="Needed to buy age-restricted goods; never shown">
          {(p) => <input {...p} type="date" className={inputClass} required max={new Date().toISOString().slice(0, 10)} />}
        </Field>
        <Field label="City" name="city" error={errors.city}>
          {(p) => <input {...p} className={inputClass} autoComplete="address-level2" required maxLength={80} />}
        </Field>
        <div className="sm:col-span-2">
          <Field label="Interests" name="interests" error={errors.interests} hint="Separate with commas, e.g. jazz, cycling, cooking">
            {(p) => <input {...p} className={inputClass} maxLength={400} />}
          </Field>
        </div>
        <div className="sm:col-span-2">
          <PhotoField error={errors.photo} onChange={setHasPhoto} />
        </div>
        <div className="space-y-2 sm:col-span-2">
          <label className="flex items-start gap-3">
            <input type="checkbox" name="listed" value="true" defaultChecked className="mt-1 size-4 accent-brand-600" />
            <span>
              <span className="block font-medium">List me in the directory</span>
              <span className="block text-sm text-slate-600">People can find you by name, number, city and interests.</span>
            </span>
          </label>
          <label className="flex items-start gap-3">
            <input type="checkbox" name="emailAddressable" value="true" className="mt-1 size-4 accent-brand-600" />
            <span>
              <span className="block font-medium">Let my email address lead to my page</span>
              <span className="block text-sm text-slate-600">Visiting /your@email goes to your page. Your email is never shown.</span>
            </span>
          </label>
        </div>
      </fieldset>

      {formError && (
        <p id="register-error" role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      )}
      {busy && hasPhoto && (
        <div role="group" aria-label="Upload progress">
          <progress value={progress ?? 0} max={1} className="h-2 w-full overflow-hidden rounded-full accent-brand-600" />
          <p className="mt-1 text-xs text-slate-600">Uploading… {Math.round((progress ?? 0) * 100)}%</p>
        </div>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-xl bg-brand-600 px-5 py-3 text-lg font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60 sm:w-auto"
      >
        {busy ? "Creating your account…" : number ? "Register with this number" : "Register and get my number"}
      </button>
    </form>
  );
}
