import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { structuredData } from './structured-data';

@Component({
  selector: 'oris-described',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Described {
  readonly jsonLd = structuredData();
}

const scripts = () => document.head.querySelectorAll('script[type="application/ld+json"]');

describe('structuredData', () => {
  it('keeps one escaped JSON-LD script in the head, replaced on each call, gone with the page', () => {
    const fixture = TestBed.createComponent(Described);
    const { jsonLd } = fixture.componentInstance;
    jsonLd.describe({ name: 'A' });
    jsonLd.describe({ name: '</script><script>alert(1)</script>' });
    expect(scripts()).toHaveLength(1);
    expect(scripts()[0].textContent).not.toContain('</script>');
    expect(JSON.parse(scripts()[0].textContent ?? '')).toEqual({
      name: '</script><script>alert(1)</script>',
    });
    jsonLd.clear();
    expect(scripts()).toHaveLength(0);
    jsonLd.describe({ name: 'B' });
    fixture.destroy();
    expect(scripts()).toHaveLength(0);
  });
});
