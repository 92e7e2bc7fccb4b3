import { moveItem } from './module-order';

describe('moveItem', () => {
  const modules = ['intro', 'canvas', 'finance', 'pitch'];

  it('moves a module one place up', () => {
    expect(moveItem(modules, 2, -1)).toEqual(['intro', 'finance', 'canvas', 'pitch']);
  });

  it('moves a module one place down', () => {
    expect(moveItem(modules, 0, 1)).toEqual(['canvas', 'intro', 'finance', 'pitch']);
  });

  it('leaves the list as it was', () => {
    moveItem(modules, 1, 1);

    expect(modules).toEqual(['intro', 'canvas', 'finance', 'pitch']);
  });

  it('returns the same list when the first goes up or the last goes down', () => {
    expect(moveItem(modules, 0, -1)).toBe(modules);
    expect(moveItem(modules, 3, 1)).toBe(modules);
  });

  it('returns the same list for an index outside it', () => {
    expect(moveItem(modules, 7, -1)).toBe(modules);
    expect(moveItem([], 0, 1)).toEqual([]);
  });
});
