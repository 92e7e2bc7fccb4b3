const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/worker'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // The certificate render threads' program, built beside main.js as render-thread.js, where
      // RenderThreadPool looks for it (RENDER_THREAD_BUNDLE). Its own entry, so that a thread loads
      // the renderer only, not the application.
      additionalEntryPoints: [
        {
          entryName: 'render-thread',
          entryPath: 'libs/api/certificates/src/rendering/render-thread.ts',
        },
      ],
      tsConfig: './tsconfig.app.json',
      assets: ['./src/assets'],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
