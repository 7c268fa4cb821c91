import type * as React from 'react';
import type { LucideIcon } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/data/states';

/**
 * A titled card of a page. `aside` sits at the header's far end (a figure, a note); `empty` names
 * what is missing instead of showing a blank card.
 */
export function SectionCard({
  title,
  icon: Icon,
  description,
  aside,
  empty,
  children,
}: {
  title: React.ReactNode;
  icon?: LucideIcon;
  description?: React.ReactNode;
  aside?: React.ReactNode;
  empty?: string | false;
  children: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        {Icon ? (
          <CardTitle className="inline-flex items-center gap-2">
            <Icon aria-hidden className="size-4 text-primary" /> {title}
          </CardTitle>
        ) : (
          <CardTitle>{title}</CardTitle>
        )}
        {description ? <CardDescription>{description}</CardDescription> : null}
        {aside}
      </CardHeader>
      <CardContent>{empty ? <EmptyState title={empty} /> : children}</CardContent>
    </Card>
  );
}
