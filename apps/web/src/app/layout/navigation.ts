import type { Role } from '@oris/shared/domain';
import type { IconName } from '@oris/web/ui';

export interface NavLink {
  path: string;
  labelKey: string;
  icon: IconName;
  /** Who sees the link: everyone, visitors, or signed-in people (holding one of `roles` when given). */
  audience: 'everyone' | 'visitor' | 'member';
  roles?: readonly Role[];
}

// Features add their entries here; the API enforces access, the menu only hides what is useless.
export const NAV_LINKS: readonly NavLink[] = [
  { path: '/catalogue', labelKey: 'nav.catalogue', icon: 'catalogue', audience: 'everyone' },
  { path: '/verify', labelKey: 'nav.verify', icon: 'verified', audience: 'everyone' },
  { path: '/indicators', labelKey: 'nav.indicators', icon: 'barChart', audience: 'everyone' },
  { path: '/tools', labelKey: 'tools.nav.public', icon: 'tools', audience: 'everyone' },
  {
    path: '/publications',
    labelKey: 'publications.nav.public',
    icon: 'article',
    audience: 'everyone',
  },
  {
    path: '/practices',
    labelKey: 'practices.nav.public',
    icon: 'lightbulb',
    audience: 'everyone',
  },
  { path: '/impact', labelKey: 'impact.nav.public', icon: 'trendingUp', audience: 'everyone' },
  { path: '/sign-in', labelKey: 'nav.signIn', icon: 'login', audience: 'visitor' },
  { path: '/register', labelKey: 'nav.register', icon: 'personAdd', audience: 'visitor' },
  { path: '/profile', labelKey: 'nav.profile', icon: 'account', audience: 'member' },
  {
    path: '/learning',
    labelKey: 'nav.learning',
    icon: 'school',
    audience: 'member',
    roles: ['trainee'],
  },
  {
    path: '/certificates/mine',
    labelKey: 'nav.myCertificates',
    icon: 'certificate',
    audience: 'member',
  },
  {
    path: '/teaching',
    labelKey: 'nav.teaching',
    icon: 'edit',
    audience: 'member',
    roles: ['trainer', 'admin'],
  },
  {
    path: '/admin/overview',
    labelKey: 'nav.overview',
    icon: 'check',
    audience: 'member',
    roles: ['admin'],
  },
  {
    path: '/admin/users',
    labelKey: 'nav.users',
    icon: 'group',
    audience: 'member',
    roles: ['admin'],
  },
  {
    path: '/admin/imports',
    labelKey: 'nav.imports',
    icon: 'upload',
    audience: 'member',
    roles: ['admin'],
  },
  {
    path: '/admin/audit',
    labelKey: 'nav.audit',
    icon: 'history',
    audience: 'member',
    roles: ['admin'],
  },
  {
    path: '/certificates/admin',
    labelKey: 'nav.certificates',
    icon: 'issue',
    audience: 'member',
    roles: ['admin'],
  },
  {
    path: '/insertion',
    labelKey: 'nav.insertion',
    icon: 'work',
    audience: 'member',
    roles: ['placement_officer', 'admin'],
  },
  {
    path: '/observatory/publications',
    labelKey: 'publications.nav.staff',
    icon: 'library',
    audience: 'member',
    roles: ['observatory_editor', 'admin'],
  },
  {
    path: '/observatory/serials',
    labelKey: 'serials.nav.serials',
    icon: 'journal',
    audience: 'member',
    roles: ['observatory_editor', 'admin'],
  },
  {
    path: '/observatory/tools',
    labelKey: 'tools.nav.staff',
    icon: 'toolRegistry',
    audience: 'member',
    roles: ['observatory_editor', 'admin'],
  },
  {
    path: '/observatory/practices',
    labelKey: 'practices.nav.staff',
    icon: 'factCheck',
    audience: 'member',
    roles: ['observatory_editor', 'admin'],
  },
  {
    path: '/observatory/indexes',
    labelKey: 'serials.nav.indexes',
    icon: 'list',
    audience: 'member',
    roles: ['admin'],
  },
  {
    path: '/observatory/partnerships',
    labelKey: 'partnerships.nav',
    icon: 'institution',
    audience: 'member',
    roles: ['partnership_officer', 'admin'],
  },
  {
    path: '/observatory/impact',
    labelKey: 'impact.nav.staff',
    icon: 'flag',
    audience: 'member',
    roles: ['admin', 'observatory_editor', 'partnership_officer', 'placement_officer'],
  },
];

export function visibleLinks(
  links: readonly NavLink[],
  signedIn: boolean,
  roles: readonly Role[],
): NavLink[] {
  return links.filter((link) => {
    if (link.audience === 'everyone') return true;
    if (link.audience === 'visitor') return !signedIn;
    return signedIn && (!link.roles || link.roles.some((role) => roles.includes(role)));
  });
}
