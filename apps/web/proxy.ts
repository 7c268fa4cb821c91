import { NextResponse, type NextRequest } from 'next/server';
import { apiOrigin } from './lib/api/origin';

// The browser talks to one origin: API paths are rewritten to the API server at request time.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  return NextResponse.rewrite(new URL(pathname + search, apiOrigin()));
}

export const config = {
  matcher: ['/api/:path*', '/ergast/:path*', '/docs', '/docs/:path*', '/openapi.json', '/health', '/ready'],
};
