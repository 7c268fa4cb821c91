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
    <nav aria-label="Main" className="-mr-1.5 flex min-w-0 flex-1 overflow-x-auto">
      <ul className="ml-auto flex items-center sm:gap-0.5">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'block rounded px-1.5 py-1.5 text-[11px] font-semibold uppercase tracking-normal text-muted-foreground hover:text-foreground sm:px-3 sm:text-xs sm:tracking-wider',
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
