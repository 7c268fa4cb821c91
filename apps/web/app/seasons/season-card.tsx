import { AppLink as Link } from '@/components/app-link';
import { TeamStripe } from '@/components/entity/links';
import { Badge } from '@/components/ui/badge';
import type { ConstructorRef, DriverRef, SeasonState, SeasonSummary } from '@/lib/api/types';
import { cn } from '@/lib/utils';

const STATE: Record<Exclude<SeasonState, 'complete'>, { label: string; variant: 'green' | 'yellow' | 'outline' }> = {
  in_progress: { label: 'In progress', variant: 'green' },
  results_missing: { label: 'Results incomplete', variant: 'yellow' },
  upcoming: { label: 'Upcoming', variant: 'outline' },
};

/**
 * One season on the seasons page: its champions once decided; otherwise what the API says about how
 * far it has got (results loaded for how many rounds, who leads after which round).
 */
export function SeasonCard({ season: s }: { season: SeasonSummary }) {
  const state = s.state === 'complete' ? null : STATE[s.state];
  return (
    <Link
      href={`/seasons/${s.year}`}
      data-state={s.state}
      className={cn(
        'flex h-full flex-col gap-1 rounded-lg border bg-card px-3 py-2 transition-colors hover:border-primary/60 hover:bg-accent/40',
        s.state === 'results_missing' && 'border-dashed',
      )}
    >
      <span className="flex items-baseline justify-between gap-2">
        <span className="font-display text-lg font-extrabold">{s.year}</span>
        {state ? (
          <Badge variant={state.variant} className="self-center">
            {state.label}
          </Badge>
        ) : null}
        <span className="ml-auto whitespace-nowrap text-xs text-muted-foreground">{s.rounds} rounds</span>
      </span>
      {s.state === 'complete' ? (
        <>
          <Person label="Champion" driver={s.driverChampion} />
          <Team label="Constructors" team={s.constructorChampion} none={s.year < 1958 ? 'no constructors’ title before 1958' : null} />
        </>
      ) : (
        <>
          {s.state !== 'upcoming' ? <RoundsBar done={s.roundsWithResults} due={s.roundsDue} total={s.rounds} /> : null}
          {s.leaders ? (
            <>
              <Person label={`Leader after round ${s.leaders.afterRound}`} driver={s.leaders.driver} />
              <Team label="Constructors" team={s.leaders.constructor} none={null} />
            </>
          ) : s.state === 'upcoming' ? (
            <span className="text-xs text-muted-foreground">Nothing raced yet</span>
          ) : null}
        </>
      )}
    </Link>
  );
}

function Person({ label, driver }: { label: string; driver: DriverRef | null }) {
  if (!driver) return null;
  return (
    <span className="flex min-w-0 items-baseline gap-2 text-sm">
      <span className="shrink-0 text-[10px] uppercase tracking-wider text-muted-foreground">{label}</span>
      <span className="truncate">
        {driver.givenName} <span className="font-semibold uppercase">{driver.familyName}</span>
      </span>
    </span>
  );
}

function Team({ label, team, none }: { label: string; team: ConstructorRef | null; none: string | null }) {
  if (!team && !none) return null;
  return (
    <span className="flex min-w-0 items-center gap-2 text-xs text-muted-foreground">
      <span className="shrink-0 text-[10px] uppercase tracking-wider">{label}</span>
      {team ? (
        <span className="inline-flex min-w-0 items-center gap-1.5 text-foreground/90">
          <TeamStripe constructorId={team.id} className="h-3" />
          <span className="truncate">{team.name}</span>
        </span>
      ) : (
        <span className="truncate italic">{none}</span>
      )}
    </span>
  );
}

/** Rounds with results out of the calendar, with the part that is overdue marked. */
function RoundsBar({ done, due, total }: { done: number; due: number; total: number }) {
  const pct = (n: number) => `${total ? Math.min(100, (n / total) * 100) : 0}%`;
  const missing = Math.max(0, due - done);
  return (
    <span className="flex flex-col gap-1">
      <span
        role="meter"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label="Rounds with results"
        className="relative h-1.5 overflow-hidden rounded-full bg-secondary"
      >
        <span className="absolute inset-y-0 left-0 bg-timing-green" style={{ width: pct(done) }} />
        {missing > 0 ? (
          <span
            className="absolute inset-y-0 bg-[repeating-linear-gradient(135deg,var(--timing-yellow)_0_3px,transparent_3px_6px)] opacity-70"
            style={{ left: pct(done), width: pct(missing) }}
          />
        ) : null}
      </span>
      <span className="text-xs text-muted-foreground" title={missing > 0 ? `${missing} past ${missing === 1 ? 'round has' : 'rounds have'} no results loaded` : undefined}>
        Results for {done} of {total} rounds
      </span>
    </span>
  );
}
