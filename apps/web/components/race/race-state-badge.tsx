import { Badge } from '@/components/ui/badge';
import type { RaceState } from '@/lib/api/types';
import { cn } from '@/lib/utils';

/**
 * A round without a winner, as the API places it by date: overdue (dated before today, no results
 * loaded: the data is behind), still to come, or cancelled.
 */
const RACE_STATE: Record<Exclude<RaceState, 'completed'>, { label: string; variant: 'yellow' | 'outline'; className?: string; title: string }> = {
  awaiting_results: { label: 'Awaiting results', variant: 'yellow', title: 'Dated before today, but its results are not loaded yet' },
  upcoming: { label: 'Upcoming', variant: 'outline', className: 'text-muted-foreground', title: 'Not raced yet' },
  cancelled: { label: 'Cancelled', variant: 'outline', className: 'border-destructive/50 text-destructive', title: 'Not held' },
};

export function RaceStateBadge({ state }: { state: Exclude<RaceState, 'completed'> }) {
  const s = RACE_STATE[state];
  return (
    // in a narrow column the label takes two lines rather than be cut by the table's edge
    <Badge variant={s.variant} title={s.title} className={cn('whitespace-normal text-center leading-tight', s.className)}>
      {s.label}
    </Badge>
  );
}
