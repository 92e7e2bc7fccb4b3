/**
 * The list with the item at `index` moved one place up (-1) or down (+1). The same array comes
 * back when the move would leave the list, so callers can tell nothing happened.
 */
export function moveItem<T>(items: readonly T[], index: number, offset: -1 | 1): readonly T[] {
  const target = index + offset;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return items;
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}
