import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="flex flex-col items-center gap-3 py-20 text-center">
      <p className="font-display text-6xl font-extrabold text-primary">404</p>
      <h1 className="text-xl font-extrabold uppercase">Off track</h1>
      <p className="max-w-md text-sm text-muted-foreground">There is no such season, race, driver, constructor, circuit or session in ApexData.</p>
      <Link href="/" className="rounded border px-3 py-1.5 text-sm font-semibold hover:bg-accent">
        Back to the pit lane
      </Link>
    </div>
  );
}
