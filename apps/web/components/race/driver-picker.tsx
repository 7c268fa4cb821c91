'use client';

import { teamColor } from '@/lib/colors';
import { cn } from '@/lib/utils';

export interface PickableDriver {
  id: string;
  label: string;
  name: string;
  constructorId: string | null;
  /** Overrides the team colour lookup (session data carries the feed's own team colour). */
  color?: string | null;
}

/** Toggle chips for choosing which drivers a chart shows. */
export function DriverPicker({
  drivers,
  selected,
  onChange,
  max,
  label = 'Drivers',
}: {
  drivers: PickableDriver[];
  selected: string[];
  onChange: (ids: string[]) => void;
  max?: number;
  label?: string;
}) {
  const toggle = (id: string) => {
    if (selected.includes(id)) onChange(selected.filter((s) => s !== id));
    else if (!max || selected.length < max) onChange([...selected, id]);
  };
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-1">
      {drivers.map((d) => {
        const on = selected.includes(d.id);
        const disabled = !on && max !== undefined && selected.length >= max;
        return (
          <button
            key={d.id}
            type="button"
            aria-pressed={on}
            title={d.name}
            disabled={disabled}
            onClick={() => toggle(d.id)}
            className={cn(
              'inline-flex h-7 items-center gap-1.5 rounded border px-2 font-mono text-xs font-semibold outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-40',
              on ? 'border-transparent bg-accent text-foreground' : 'border-border text-muted-foreground hover:text-foreground',
            )}
          >
            <span aria-hidden className="h-3 w-1 rounded-sm" style={{ background: d.color ?? teamColor(d.constructorId), opacity: on ? 1 : 0.5 }} />
            {d.label}
          </button>
        );
      })}
    </div>
  );
}
