import Link from 'next/link';
import { MainNav } from './main-nav';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/90 backdrop-blur supports-[backdrop-filter]:bg-background/75">
      <div className="h-0.5 bg-primary" aria-hidden />
      <div className="mx-auto flex h-12 w-full max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-1.5 font-display text-xs font-extrabold tracking-[0.08em] sm:gap-2 sm:text-sm sm:tracking-[0.2em]" aria-label="ApexData home">
          <span className="inline-block h-4 w-1.5 -skew-x-12 bg-primary" aria-hidden />
          APEX<span className="text-primary">DATA</span>
        </Link>
        <MainNav />
      </div>
    </header>
  );
}
