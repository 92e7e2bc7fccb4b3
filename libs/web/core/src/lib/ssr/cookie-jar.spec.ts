import { PLATFORM_ID, REQUEST } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { cookieJar, cookieValue } from './cookie-jar';

describe('cookieValue', () => {
  it('finds a cookie by its exact name', () => {
    expect(cookieValue('a=1; oris_lang=ar; oris_session=1', 'oris_lang')).toBe('ar');
    expect(cookieValue('xoris_lang=ar', 'oris_lang')).toBeNull();
    expect(cookieValue('', 'oris_lang')).toBeNull();
  });
});

describe('cookieJar', () => {
  it('reads the request cookies on the server, and writes nothing there', () => {
    TestBed.configureTestingModule({
      providers: [
        { provide: PLATFORM_ID, useValue: 'server' },
        {
          provide: REQUEST,
          useValue: new Request('http://x/', { headers: { cookie: 'oris_lang=ar' } }),
        },
      ],
    });
    const jar = TestBed.runInInjectionContext(() => cookieJar());
    expect(jar.read('oris_lang')).toBe('ar');
    jar.write('oris_lang', 'fr', 60);
    expect(document.cookie).not.toContain('oris_lang=fr');
  });

  it("reads and writes the browser's cookies", () => {
    const jar = TestBed.runInInjectionContext(() => cookieJar());
    jar.write('oris_lang', 'en', 60);
    expect(jar.read('oris_lang')).toBe('en');
    jar.write('oris_lang', 'en', 0);
  });
});
