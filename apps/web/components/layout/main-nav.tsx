'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

const items = [
  { href: '/live', label: 'Live' },
  { href: '/seasons', label: 'Seasons' },
  { href: '/drivers', label: 'Drivers' },
  { href: '/constructors', label: 'Teams' },
  { href: '/circuits', label: 'Circuits' },
] as const;

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-3 w-[calc(100%+1.5rem)] border-t sm:mx-0 sm:-mr-1.5 sm:flex sm:w-auto sm:min-w-0 sm:flex-1 sm:border-t-0">
      <ul className="grid grid-cols-5 sm:ml-auto sm:flex sm:items-center sm:gap-0.5">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'block whitespace-nowrap px-1 py-2.5 text-center text-[11px] font-semibold uppercase tracking-wide text-muted-foreground hover:text-foreground sm:rounded sm:px-3 sm:py-1.5 sm:text-xs sm:tracking-wider',
                  active && 'text-foreground shadow-[inset_0_-2px_0_var(--primary)]',
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
