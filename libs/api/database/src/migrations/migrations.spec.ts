import { MIGRATIONS } from '.';

const timestampOf = (name: string) => Number(/(\d{13})$/.exec(name)?.[1]);

describe('MIGRATIONS', () => {
  const names = MIGRATIONS.map((migration) => new migration().name ?? migration.name);

  it('names every migration after its intent and a 13-digit timestamp', () => {
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Za-z0-9]+\d{13}$/);
  });

  it('lists migrations oldest first, each once', () => {
    const timestamps = names.map((name) => timestampOf(name as string));
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    expect(new Set(timestamps).size).toBe(timestamps.length);
  });

  // That each one reverts cleanly is proven on a real database: apps/api/test/database.
});
