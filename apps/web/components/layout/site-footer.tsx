/**
 * Credits the data's sources as their licences ask: F1DB (CC BY 4.0: attribution, link, note of
 * changes) and Jolpica (CC BY-NC-SA 4.0). The API documentation at /docs says the same.
 */
const linkClass = 'underline underline-offset-2 hover:text-foreground';

export function SiteFooter() {
  return (
    <footer className="border-t px-3 py-6 text-center text-xs leading-relaxed text-muted-foreground">
      <p>
        History from{' '}
        <a className={linkClass} href="https://github.com/f1db/f1db">
          F1DB
        </a>{' '}
        (
        <a className={linkClass} href="https://creativecommons.org/licenses/by/4.0/" rel="license">
          CC BY 4.0
        </a>
        ; merged with Jolpica into one set of drivers, teams, circuits and races) and{' '}
        <a className={linkClass} href="https://github.com/jolpica/jolpica-f1">
          Jolpica F1
        </a>{' '}
        (
        <a className={linkClass} href="https://creativecommons.org/licenses/by-nc-sa/4.0/" rel="license">
          CC BY-NC-SA 4.0
        </a>
        ) · timing from the F1 live-timing archive
      </p>
      <p className="mt-1">
        ApexData ·{' '}
        <a className={linkClass} href="/docs">
          API docs
        </a>
      </p>
    </footer>
  );
}
