import { AppLink as Link } from '@/components/app-link';
import type { CircuitRef, ConstructorRef, DriverRef } from '@/lib/api/types';
import { teamColor } from '@/lib/colors';
import { cn } from '@/lib/utils';

export function TeamStripe({ constructorId, className }: { constructorId: string | null | undefined; className?: string }) {
  return <span aria-hidden className={cn('inline-block h-4 w-1 shrink-0 rounded-sm', className)} style={{ background: teamColor(constructorId) }} />;
}

export function DriverLink({ driver, constructorId, short = false, className }: { driver: DriverRef; constructorId?: string | null; short?: boolean; className?: string }) {
  return (
    <Link href={`/drivers/${driver.id}`} className={cn('inline-flex items-center gap-2 hover:underline underline-offset-2', className)}>
      {constructorId !== undefined ? <TeamStripe constructorId={constructorId} /> : null}
      {short ? (
        <abbr title={`${driver.givenName} ${driver.familyName}`} className="font-semibold no-underline">
          {driver.code ?? driver.familyName}
        </abbr>
      ) : (
        <span>
          <span className="hidden text-muted-foreground sm:inline">{driver.givenName} </span>
          <span className="font-semibold uppercase">{driver.familyName}</span>
        </span>
      )}
    </Link>
  );
}

export function ConstructorLink({ constructor, className }: { constructor: ConstructorRef; className?: string }) {
  return (
    <Link href={`/constructors/${constructor.id}`} className={cn('inline-flex items-center gap-2 hover:underline underline-offset-2', className)}>
      <TeamStripe constructorId={constructor.id} />
      {constructor.name}
    </Link>
  );
}

export function CircuitLink({ circuit, className }: { circuit: CircuitRef; className?: string }) {
  return (
    <Link href={`/circuits/${circuit.id}`} className={cn('hover:underline underline-offset-2', className)}>
      {circuit.name}
    </Link>
  );
}
