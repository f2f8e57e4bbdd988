/** An accessible on/off switch: a native checkbox with role="switch", so keyboard and screen readers work as expected. */
import type { Ref } from 'preact';
import { COLOURS, TINT_PERCENT } from '../src/highlight-colours';
import type { Category } from '../src/knowledge/schema';
import type { HighlightStyle } from '../src/settings';

/** A category's key: its label marked as the page marks its names (colour for light and dark schemes, and the style). */
export interface Mark {
  light: string;
  dark: string;
  style: HighlightStyle;
}

/** A category's key in the reader's highlight style. */
export const categoryMark = (category: Category, style: HighlightStyle): Mark => ({ light: COLOURS[category][0], dark: COLOURS[category][1], style });

/**
 * `name`: the switch's accessible name where the visible label alone is ambiguous (one "Use this pack" per
 * pack); it should start with the label, so that speech input finds it by what the reader sees.
 * `disabled`: shown dimmed but readable, and said to be unavailable, since a native disabled input is.
 */
export function Switch({ label, name, after, mark, checked, disabled, onChange, testId, inputRef }: {
  label: string; name?: string; after?: string; mark?: Mark; checked: boolean; disabled?: boolean; onChange: (on: boolean) => void; testId?: string; inputRef?: Ref<HTMLInputElement>;
}) {
  const marked = mark && mark.style !== 'none';
  return (
    <label class="switch" data-testid={testId}>
      <input type="checkbox" role="switch" ref={inputRef} aria-label={name} checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>
        {marked ? (
          <span class={`mark mark-${mark.style}`} style={{ '--mark-light': mark.light, '--mark-dark': mark.dark, '--tint': `${TINT_PERCENT}%` }}>
            {label}
          </span>
        ) : (
          label
        )}
        {after}
      </span>
    </label>
  );
}
