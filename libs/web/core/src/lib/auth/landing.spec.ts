import { DEFAULT_LANDING, landingPath } from './landing';

describe('landingPath', () => {
  it('sends each role to its work', () => {
    expect(landingPath(['trainee'])).toBe('/learning');
    expect(landingPath(['trainer'])).toBe('/teaching');
    expect(landingPath(['placement_officer'])).toBe('/insertion');
    expect(landingPath(['admin'])).toBe('/admin/overview');
  });

  it('picks the most specific work of a person holding several roles', () => {
    expect(landingPath(['trainee', 'trainer'])).toBe('/teaching');
    expect(landingPath(['trainee', 'placement_officer'])).toBe('/insertion');
    expect(landingPath(['trainer', 'placement_officer'])).toBe('/insertion');
    expect(landingPath(['trainee', 'trainer', 'placement_officer', 'admin'])).toBe(
      '/admin/overview',
    );
  });

  it('sends a person with no role to their profile', () => {
    expect(landingPath([])).toBe(DEFAULT_LANDING);
  });
});
