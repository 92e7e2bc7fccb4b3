import { NAV_LINKS, visibleLinks } from './navigation';

const paths = (signedIn: boolean, roles: Parameters<typeof visibleLinks>[2] = []) =>
  visibleLinks(NAV_LINKS, signedIn, roles).map((link) => link.path);

describe('navigation', () => {
  it('offers visitors the catalogue, and to sign in or register', () => {
    expect(paths(false)).toEqual(['/catalogue', '/sign-in', '/register']);
  });

  it('shows a trainee the catalogue and their profile', () => {
    expect(paths(true, ['trainee'])).toEqual(['/catalogue', '/profile']);
  });

  it('shows trainers their teaching area', () => {
    expect(paths(true, ['trainer'])).toEqual(['/catalogue', '/profile', '/teaching']);
  });

  it('shows administrators the teaching area and the users page', () => {
    expect(paths(true, ['trainee', 'admin'])).toEqual([
      '/catalogue',
      '/profile',
      '/teaching',
      '/admin/users',
    ]);
  });

  it('hides the teaching area from trainees and placement officers', () => {
    expect(paths(true, ['trainee', 'placement_officer'])).not.toContain('/teaching');
  });

  it('hides the users page from trainers and placement officers', () => {
    expect(paths(true, ['trainer', 'placement_officer'])).not.toContain('/admin/users');
  });
});
