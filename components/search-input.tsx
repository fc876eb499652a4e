/** A labelled search box (the label for screen readers; the placeholder says what to type). */
export function SearchInput({
  label,
  value,
  onChange,
  placeholder = label,
  className = "block",
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
  testId?: string;
}) {
  return (
    <label className={className}>
      <span className="sr-only">{label}</span>
      <input
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        className="w-full rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
        data-testid={testId}
      />
    </label>
  );
}
