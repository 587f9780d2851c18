let focusRequested = false;

/** Asks the next page heading that mounts to take focus (called on client-side navigation). */
export function requestHeadingFocus(): void {
  focusRequested = true;
}

/** Returns whether a heading should take focus now, and clears the request. */
export function consumeFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}

/** Moves focus to the page's `<h1>` (after an action removed the control that had focus). */
export function focusPageHeading(): void {
  const heading = document.querySelector<HTMLElement>('main h1');
  heading?.focus();
}

/** Moves focus to the element with `id` once React has rendered it (the field of a form that was just opened). */
export function focusWhenShown(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}
