import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A page loaded on first visit: each feature is its own chunk, so the customer portal on a
 * phone does not download the staff app, and the staff app starts without every module.
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
        <Page />
      </Suspense>
    );
  };
}
