import Link from 'next/link';
import { MainNav } from './main-nav';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/90 backdrop-blur supports-[backdrop-filter]:bg-background/75">
      <div className="h-0.5 bg-primary" aria-hidden />
      {/* Phones: the logo on its own row and the sections below it, each a full-width tap target with
          its whole label; from sm up, one row. */}
      <div className="mx-auto flex w-full max-w-7xl flex-wrap items-center px-3 sm:h-12 sm:flex-nowrap sm:gap-4 sm:px-6">
        <Link href="/" className="flex h-10 shrink-0 items-center gap-1.5 font-display text-sm font-extrabold tracking-[0.15em] sm:h-auto sm:gap-2 sm:tracking-[0.2em]" aria-label="ApexData home">
          <span className="inline-block h-4 w-1.5 -skew-x-12 bg-primary" aria-hidden />
          APEX<span className="text-primary">DATA</span>
        </Link>
        <MainNav />
      </div>
    </header>
  );
}
