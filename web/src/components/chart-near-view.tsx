import { type ReactNode, Suspense, useEffect, useRef, useState } from 'react';

/** How far outside the screen a chart's place may still be when its loading starts. */
const NEAR = '100% 0px';

/**
 * Shows `children` — a chart, loaded on demand with the chart library (`React.lazy`) — once its
 * place comes within a screen's height of the viewport; until then, and while its code arrives, an
 * empty box of `height` pixels holds the place, so nothing below it moves. A page with charts thus
 * shows its figures and tables without waiting for the chart library, and a chart nobody scrolls to
 * costs nothing (docs/decisions/070-a-light-spa.md). Every chart has a text alternative beside it (a
 * table or a summary), rendered at once. Without `IntersectionObserver` the chart is shown at once.
 */
export function ChartNearView({ height, children }: { height: number; children: ReactNode }) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = place.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: NEAR },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  const box = <div ref={place} style={{ minHeight: height }} />;
  return near ? <Suspense fallback={box}>{children}</Suspense> : box;
}
