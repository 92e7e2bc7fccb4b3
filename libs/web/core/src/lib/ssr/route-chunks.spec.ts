import type { Route } from '@angular/router';
import { type BuildStats, lazyEntriesOf, routeChunks } from './route-chunks';

/** A browser build's metafile, in esbuild's shape, as it lists this workspace's files. */
const STATS: BuildStats = {
  outputs: {
    'main-MAIN.js': {
      entryPoint: 'apps/web/src/main.ts',
      imports: [{ path: 'chunk-CORE.js', kind: 'import-statement' }],
    },
    'chunk-CORE.js': { imports: [] },
    'chunk-IMPACT.js': {
      entryPoint: 'libs/web/impact/src/index.ts',
      imports: [
        { path: 'chunk-SHARED.js', kind: 'import-statement' },
        { path: 'chunk-CORE.js', kind: 'import-statement' },
        { path: 'chunk-PAGE.js', kind: 'dynamic-import' },
      ],
    },
    'chunk-SHARED.js': { imports: [{ path: 'chunk-DEEP.js', kind: 'import-statement' }] },
    'chunk-DEEP.js': {
      imports: [
        { path: 'https://elsewhere.example/x.js', kind: 'import-statement', external: true },
      ],
    },
    'chunk-PAGE.js': {
      entryPoint: 'libs/web/impact/src/lib/public/public-impact-page.ts',
      imports: [{ path: 'chunk-SHARED.js', kind: 'import-statement' }],
    },
    'chunk-HOME.js': { entryPoint: 'apps/web/src/app/pages/home/home-page.ts', imports: [] },
    'styles-STYLES.css': { entryPoint: 'apps/web/src/styles.scss', imports: [] },
  },
};

const chunksOf = routeChunks(STATS, 'apps/web');

describe('routeChunks', () => {
  it('lists a lazy entry’s chunk and every chunk it imports statically, not those it imports when needed', () => {
    expect(chunksOf(['../../libs/web/impact/src/index.ts'])).toEqual([
      'chunk-IMPACT.js',
      'chunk-SHARED.js',
      'chunk-DEEP.js',
      'chunk-CORE.js',
    ]);
  });

  it('places the marks, relative to the app’s folder, in the workspace as the metafile does', () => {
    expect(chunksOf(['src/app/pages/home/home-page.ts'])).toEqual(['chunk-HOME.js']);
    expect(chunksOf(['./src/app/pages/home/home-page.ts'])).toEqual(['chunk-HOME.js']);
  });

  it('lists each file once across entries, and nothing for an entry the build does not know', () => {
    expect(
      chunksOf([
        '../../libs/web/impact/src/index.ts',
        '../../libs/web/impact/src/lib/public/public-impact-page.ts',
        '../../libs/web/gone/src/index.ts',
      ]),
    ).toEqual([
      'chunk-IMPACT.js',
      'chunk-SHARED.js',
      'chunk-DEEP.js',
      'chunk-CORE.js',
      'chunk-PAGE.js',
    ]);
    expect(chunksOf([])).toEqual([]);
  });
});

describe('lazyEntriesOf', () => {
  /** A route with the marks the build and the router leave on it. */
  type MarkedRoute = Route & {
    ɵentryName?: string;
    _loadedRoutes?: Route[];
    _loadedComponent?: unknown;
  };
  /** A lazy route as the router leaves it once it has loaded it. */
  const loaded = (entry: string, routes?: Route[]): Route => {
    const route: MarkedRoute = {
      path: 'x',
      ɵentryName: entry,
      ...(routes ? { _loadedRoutes: routes } : { _loadedComponent: class {} }),
    };
    return route;
  };
  const notLoaded = (entry: string): Route => {
    const route: MarkedRoute = { path: 'y', ɵentryName: entry };
    return route;
  };

  it('collects the marks of the lazy routes the router loaded, nested ones included, once each', () => {
    const config: Route[] = [
      loaded('../../libs/web/identity/src/index.ts', [{ path: 'sign-in' }]),
      notLoaded('../../libs/web/learning/src/index.ts'),
      {
        path: 'impact',
        children: [
          loaded('../../libs/web/impact/src/index.ts', [
            loaded('../../libs/web/impact/src/lib/public/public-impact-page.ts'),
            notLoaded('../../libs/web/impact/src/lib/staff/impact-page.ts'),
          ]),
        ],
      },
      loaded('../../libs/web/identity/src/index.ts', []),
    ];
    expect(lazyEntriesOf(config)).toEqual([
      '../../libs/web/identity/src/index.ts',
      '../../libs/web/impact/src/index.ts',
      '../../libs/web/impact/src/lib/public/public-impact-page.ts',
    ]);
  });

  it('finds none when the router loaded nothing lazily', () => {
    expect(lazyEntriesOf([{ path: 'a' }, notLoaded('src/app/pages/home/home-page.ts')])).toEqual(
      [],
    );
  });
});
