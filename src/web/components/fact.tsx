import type { ReactNode } from 'react';

/** One labelled value in a page header's row of facts (`gd-facts`). */
export function Fact({ label, children, className, testId }: { label: string; children: ReactNode; className?: string; testId?: string }) {
  return (
    <div className="gd-fact">
      <span className="gd-fact-label">{label}</span>
      <span className={className ? `gd-fact-value ${className}` : 'gd-fact-value'} data-testid={testId}>
        {children}
      </span>
    </div>
  );
}
