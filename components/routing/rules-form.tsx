"use client";

import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { isTimeZone, type RuleDoc } from "@/lib/calls/routing/rules";
import { ApiError } from "../api";
import { useGroups } from "../contacts/use-book";
import { addError, checkDraft, type Draft, differs, errorSubject, type FieldErrors, fromDoc, pinServerMessage } from "./draft";
import { GeneralSettings } from "./general-settings";
import { RuleList } from "./rule-list";
import { SaveBar, type SaveState } from "./save-bar";
import { type RulesView, useSaveRules } from "./use-rules";
import { WhatIfPanel } from "./what-if-panel";

/** A refusal from the server, shown until the part of the draft it is about changes. */
type ServerError = { key: string; message: string; subject: string };

/** Nothing saved yet: schedules start on the browser's clock rather than UTC, without that counting as a change. */
function startingDoc(view: RulesView): RuleDoc {
  if (view.version !== 0) return view.doc;
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return local && isTimeZone(local) ? { ...view.doc, timeZone: local } : view.doc;
}

export function RulesForm({ initial, defaultRingSeconds }: { initial: RulesView; defaultRingSeconds: number }) {
  const [saved, setSaved] = useState<RulesView>(initial);
  const [compareTo, setCompareTo] = useState<RuleDoc>(() => startingDoc(initial));
  const [draft, setDraft] = useState<Draft>(() => fromDoc(startingDoc(initial)));
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  // Field errors from this browser's own check appear only once a save was tried, then follow the typing.
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<ServerError[]>([]);
  // The server's or the network's refusal, shown until the draft changes (then it is about something else).
  const [failure, setFailure] = useState<{ message: string; draft: Draft } | null>(null);
  const [conflict, setConflict] = useState<RulesView | null>(null);
  const [overwriting, setOverwriting] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const save = useSaveRules();
  // A refusal is about the draft on screen when it arrives, which typing during the save may have changed.
  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  }, [draft]);
  const groups = useGroups();

  const dirty = useMemo(() => differs(draft, compareTo), [draft, compareTo]);
  const [errors, ownProblems] = useMemo(() => {
    const out: FieldErrors = {};
    for (const e of serverErrors) if (errorSubject(draft, e.key) === e.subject) out[e.key] = e.message;
    const checked = tried ? checkDraft(draft) : null;
    if (checked && !checked.ok) Object.assign(out, checked.errors);
    return [out, checked && !checked.ok ? Object.keys(checked.errors).length : 0] as const;
  }, [draft, serverErrors, tried]);
  // Counted live, so the message goes as the fields are put right.
  const formError =
    ownProblems > 0
      ? `Not saved: ${ownProblems === 1 ? "one field needs" : `${ownProblems} fields need`} attention. ${ownProblems === 1 ? "It is" : "They are"} marked in red.`
      : failure && failure.draft === draft
        ? failure.message
        : null;

  // Leaving with unsaved changes asks first; the browser words the question.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const openRulesWith = (errs: FieldErrors) =>
    setExpanded((s) => {
      const next = new Set(s);
      for (const k of Object.keys(errs)) if (k.includes("/")) next.add(k.slice(0, k.indexOf("/")));
      return next;
    });

  function focusFirstProblem() {
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>('#routing-form [aria-invalid="true"]');
      if (!el) return;
      // Centred rather than "nearest": at the bottom edge the sticky save bar would cover it.
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: "center" });
    });
  }

  function pinServerErrors(fieldErrors: FieldErrors, d: Draft) {
    setServerErrors(Object.entries(fieldErrors).map(([key, message]) => ({ key, message, subject: errorSubject(d, key) })));
    openRulesWith(fieldErrors);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (save.isPending) return;
    setTried(true);
    setFailure(null);
    setServerErrors([]);
    setJustSaved(false);
    const checked = checkDraft(draft);
    if (!checked.ok) {
      openRulesWith(checked.errors);
      focusFirstProblem();
      return;
    }
    const sent = draft;
    save.mutate(
      { doc: checked.doc, version: saved.version },
      {
        onSuccess: (view) => {
          setSaved(view);
          setCompareTo(view.doc);
          // What the server keeps is tidied (numbers without spaces, names trimmed); typing done meanwhile stays.
          setDraft((now) => (now === sent ? fromDoc(view.doc) : now));
          setTried(false);
          setOverwriting(false);
          setJustSaved(true);
        },
        onError: (err) => onSaveError(err, sent),
      },
    );
  }

  function onSaveError(err: Error, sent: Draft) {
    if (!(err instanceof ApiError)) {
      setFailure({ message: "Not saved: the portal could not be reached. Your changes are kept here; try again.", draft: latest.current });
      return;
    }
    const body = err.body;
    const current = (body as Record<string, unknown>).current;
    if (err.status === 409 && body.code === "CONFLICT" && isView(current)) {
      setConflict(current);
      return;
    }
    if (err.status === 401) {
      setFailure({
        message: "Not saved: you are signed out. Sign in again in another tab, then save here; your changes are kept.",
        draft: latest.current,
      });
      return;
    }
    const fieldErrors: FieldErrors = {};
    for (const issue of body.issues ?? []) addError(fieldErrors, serverPath(issue.field), issue.message, sent.rules);
    if (!body.issues?.length) {
      if (body.field) addError(fieldErrors, serverPath(body.field), body.message, sent.rules);
      else Object.assign(fieldErrors, pinServerMessage(body.message, sent, groups.data ? new Set(groups.data.map((g) => g.id)) : null));
    }
    pinServerErrors(fieldErrors, latest.current);
    const marked = Object.keys(fieldErrors).length > 0;
    setFailure({ message: `Not saved: ${body.message}${marked ? " It is marked below." : ""}`, draft: latest.current });
    if (marked) focusFirstProblem();
  }

  function loadTheirs() {
    if (!conflict) return;
    setSaved(conflict);
    setCompareTo(conflict.doc);
    setDraft(fromDoc(conflict.doc));
    setConflict(null);
    setTried(false);
    setServerErrors([]);
  }

  function keepMine() {
    if (!conflict) return;
    // Saving next starts from their version, so it replaces it knowingly instead of being refused again.
    setSaved(conflict);
    setCompareTo(conflict.doc);
    setConflict(null);
    setOverwriting(true);
  }

  const state: SaveState = save.isPending
    ? "saving"
    : conflict
      ? "conflict"
      : formError
        ? "failed"
        : dirty
          ? "dirty"
          : justSaved
            ? "saved"
            : saved.version === 0
              ? "never"
              : "clean";

  return (
    <div className="space-y-8">
      <form id="routing-form" onSubmit={onSubmit} noValidate className="space-y-6">
        <RuleList
          rules={draft.rules}
          groups={groups.data ?? []}
          timeZone={draft.timeZone}
          errors={errors}
          expanded={expanded}
          setExpanded={setExpanded}
          setRules={(fn) => setDraft((d) => ({ ...d, rules: fn(d.rules) }))}
          defaultRingSeconds={defaultRingSeconds}
        />
        {groups.isError && (
          <p className="text-sm text-slate-700">Your contact groups could not be loaded, so they are not offered as callers.</p>
        )}
        <GeneralSettings draft={draft} errors={errors} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
        <SaveBar
          state={state}
          dirty={dirty}
          error={formError}
          conflict={conflict !== null}
          overwriting={overwriting}
          onLoadTheirs={loadTheirs}
          onKeepMine={keepMine}
        />
      </form>
      <WhatIfPanel savedVersion={saved.version} savedTimeZone={saved.doc.timeZone} dirty={dirty} />
    </div>
  );
}

/** The server names fields from the request body (`doc.rules.0.then.to`); the draft's paths start inside `doc`. */
function serverPath(field: string): (string | number)[] {
  const parts = field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return parts[0] === "doc" ? parts.slice(1) : parts;
}

function isView(v: unknown): v is RulesView {
  return !!v && typeof v === "object" && "doc" in v && "version" in v && typeof (v as RulesView).version === "number";
}
