/**
 * User text inside a string (a translated message, an accessible name, an option label), isolated
 * from the text around it: FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (U+2068 … U+2069), the
 * plain-text form of `<bdi>` (Unicode UAX #9). A name in Arabic or Hebrew script then keeps its own
 * direction without reordering the words, numbers or punctuation next to it. In JSX use `<bdi>`.
 */
export function isolate(text: string | null | undefined): string {
  return text ? `\u2068${text}\u2069` : '';
}
