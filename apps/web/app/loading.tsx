import { TableSkeleton } from '@/components/data/states';
import { Skeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <div className="flex flex-col gap-4">
      <Skeleton className="h-10 w-2/3 max-w-md" />
      <TableSkeleton rows={12} />
    </div>
  );
}
