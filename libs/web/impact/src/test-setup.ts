import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// jsdom draws nothing: a canvas has no context, and the charts fall back on their tables.
HTMLCanvasElement.prototype.getContext = () => null;
