/**
 * A value made the first time it is asked for, then kept. Every page of the web app imports this
 * library, so what costs something to build (a time-zone formatter, a label index) and is used by
 * few of them is built on first use, not when the module loads, when a phone has the app to start.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
