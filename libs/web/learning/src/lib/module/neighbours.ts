/** Where a module sits in its course: its number, and the modules before and after it. */
export interface ModulePlace<T> {
  number: number;
  count: number;
  previous: T | null;
  next: T | null;
}

export function neighbours<T extends { id: string }>(
  modules: readonly T[],
  moduleId: string,
): ModulePlace<T> | null {
  const index = modules.findIndex((module) => module.id === moduleId);
  if (index < 0) return null;
  return {
    number: index + 1,
    count: modules.length,
    previous: modules[index - 1] ?? null,
    next: modules[index + 1] ?? null,
  };
}
