/** A locale file imported with `?shell`: the sections of a locale file the first chunk carries (`localeShell` in web/vite.config.ts). */
declare module '*.json?shell' {
  const texts: { [section: string]: unknown };
  export default texts;
}
