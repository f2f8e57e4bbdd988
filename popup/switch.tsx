/** An accessible on/off switch: a native checkbox with role="switch", so keyboard and screen readers work as expected. */
export function Switch({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange: (on: boolean) => void; testId?: string }) {
  return (
    <label class="switch" data-testid={testId}>
      <input type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}
