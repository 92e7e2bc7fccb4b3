import { NAV_LINKS, visibleLinks } from './navigation';

const paths = (signedIn: boolean, roles: Parameters<typeof visibleLinks>[2] = []) =>
  visibleLinks(NAV_LINKS, signedIn, roles).map((link) => link.path);

describe('navigation', () => {
  it('offers visitors the catalogue, certificate verification, the public indicators, and to sign in or register', () => {
    expect(paths(false)).toEqual([
      '/catalogue',
      '/verify',
      '/indicators',
      '/tools',
      '/publications',
      '/practices',
      '/impact',
      '/sign-in',
      '/register',
    ]);
  });

  it('shows a trainee the catalogue, their profile, their learning and their certificates', () => {
    expect(paths(true, ['trainee'])).toEqual([
      '/catalogue',
      '/verify',
      '/indicators',
      '/tools',
      '/publications',
      '/practices',
      '/impact',
      '/profile',
      '/learning',
      '/certificates/mine',
    ]);
  });

  it('leaves out my learning for people who cannot enroll themselves', () => {
    expect(paths(true, ['trainer', 'placement_officer'])).not.toContain('/learning');
  });

  it('shows trainers their teaching area', () => {
    expect(paths(true, ['trainer'])).toEqual([
      '/catalogue',
      '/verify',
      '/indicators',
      '/tools',
      '/publications',
      '/practices',
      '/impact',
      '/profile',
      '/certificates/mine',
      '/teaching',
    ]);
  });

  it('shows administrators their overview, the teaching area and the users page', () => {
    expect(paths(true, ['trainee', 'admin'])).toEqual([
      '/catalogue',
      '/verify',
      '/indicators',
      '/tools',
      '/publications',
      '/practices',
      '/impact',
      '/profile',
      '/learning',
      '/certificates/mine',
      '/teaching',
      '/admin/overview',
      '/admin/users',
      '/admin/imports',
      '/admin/audit',
      '/certificates/admin',
      '/insertion',
      '/observatory/publications',
      '/observatory/serials',
      '/observatory/tools',
      '/observatory/practices',
      '/observatory/indexes',
      '/observatory/partnerships',
      '/observatory/impact',
    ]);
  });

  it('hides the teaching area from trainees and placement officers', () => {
    expect(paths(true, ['trainee', 'placement_officer'])).not.toContain('/teaching');
  });

  it('hides the users page from trainers and placement officers', () => {
    expect(paths(true, ['trainer', 'placement_officer'])).not.toContain('/admin/users');
  });

  it('offers the enrollment import to administrators only', () => {
    expect(paths(true, ['trainer', 'placement_officer', 'trainee'])).not.toContain(
      '/admin/imports',
    );
  });

  it('offers the audit log to administrators only', () => {
    expect(paths(true, ['trainer', 'placement_officer', 'trainee'])).not.toContain('/admin/audit');
  });

  it('offers certificate verification to everyone, signed in or not', () => {
    expect(paths(false)).toContain('/verify');
    expect(paths(true, ['placement_officer'])).toContain('/verify');
  });

  it('offers the certificates administration to administrators only', () => {
    expect(paths(true, ['trainer', 'placement_officer', 'trainee'])).not.toContain(
      '/certificates/admin',
    );
    expect(paths(true, ['admin'])).toContain('/certificates/admin');
  });

  it('offers my certificates to signed-in people only', () => {
    expect(paths(false)).not.toContain('/certificates/mine');
    expect(paths(true, ['trainee'])).toContain('/certificates/mine');
  });

  it('offers the public indicators to everyone, signed in or not', () => {
    expect(paths(false)).toContain('/indicators');
    expect(paths(true, ['trainee'])).toContain('/indicators');
  });

  it('offers the publications registry to observatory editors and administrators only, the publications to everyone', () => {
    expect(paths(true, ['observatory_editor'])).toContain('/observatory/publications');
    expect(paths(true, ['admin'])).toContain('/observatory/publications');
    expect(paths(true, ['placement_officer', 'trainer'])).not.toContain(
      '/observatory/publications',
    );
    expect(paths(false)).toContain('/publications');
  });

  it('offers the practice sheets to observatory editors and administrators only, the practice library to everyone', () => {
    expect(paths(true, ['observatory_editor'])).toContain('/observatory/practices');
    expect(paths(true, ['admin'])).toContain('/observatory/practices');
    expect(paths(true, ['partnership_officer', 'trainer'])).not.toContain('/observatory/practices');
    expect(paths(false)).toContain('/practices');
  });

  it('offers the insertion pages to placement officers and administrators only', () => {
    expect(paths(true, ['placement_officer'])).toContain('/insertion');
    expect(paths(true, ['admin'])).toContain('/insertion');
    expect(paths(true, ['trainer', 'trainee'])).not.toContain('/insertion');
    expect(paths(false)).not.toContain('/insertion');
  });

  it('offers the impact page to staff only, and the public impact page to everyone', () => {
    for (const role of [
      'admin',
      'observatory_editor',
      'partnership_officer',
      'placement_officer',
    ] as const) {
      expect(paths(true, [role])).toContain('/observatory/impact');
    }
    expect(paths(true, ['trainer', 'trainee'])).not.toContain('/observatory/impact');
    expect(paths(false)).toContain('/impact');
  });

  it('gives every entry a picture of its own', () => {
    const icons = NAV_LINKS.map((link) => link.icon);
    expect(new Set(icons).size).toBe(icons.length);
  });
});
