import { onFirstUse } from './on-first-use';

describe('onFirstUse', () => {
  it('makes nothing until asked, then makes the value once and keeps it', () => {
    const make = jest.fn(() => ({ built: true }));
    const value = onFirstUse(make);
    expect(make).not.toHaveBeenCalled();

    const first = value();
    expect(value()).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('keeps a value that is itself empty (undefined, null) rather than making it again', () => {
    const make = jest.fn((): null => null);
    const value = onFirstUse(make);
    expect([value(), value()]).toEqual([null, null]);
    expect(make).toHaveBeenCalledTimes(1);
  });
});
