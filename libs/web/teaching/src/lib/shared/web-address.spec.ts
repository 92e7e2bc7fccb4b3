import { FormControl } from '@angular/forms';
import { webAddress } from './web-address';

describe('webAddress', () => {
  it.each(['https://oris.example/guide.pdf', 'http://www.anapec.org', ''])(
    'accepts "%s"',
    (url) => {
      expect(webAddress(new FormControl(url))).toBeNull();
    },
  );

  it.each(['javascript:alert(1)', 'ftp://oris.example/a', 'oris.example', 'https://localhost'])(
    'refuses "%s"',
    (url) => {
      expect(webAddress(new FormControl(url))).toEqual({ webAddress: true });
    },
  );
});
