import { LINK_REL, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders headings, emphasis, lists, code and tables', () => {
    const html = renderMarkdown(
      '# Titre\n\nUn **mot** et *un autre*.\n\n- a\n- b\n\n```js\nconst x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<h1>Titre</h1>');
    expect(html).toContain('<strong>mot</strong>');
    expect(html).toContain('<em>un autre</em>');
    expect(html).toContain('<li>a</li>');
    expect(html).toContain('<code class="language-js">const x = 1;');
    expect(html).toContain('<td>1</td>');
  });

  it('keeps Arabic text as it is', () => {
    expect(renderMarkdown('## الاقتصاد الاجتماعي')).toBe('<h2>الاقتصاد الاجتماعي</h2>');
  });

  it('shows raw HTML as text instead of interpreting it', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nHello <b onclick="x()">bold</b>');
    expect(html).not.toMatch(/<script|<b[ >]/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;b onclick');
  });

  it('renders a raw iframe and an onerror image inert', () => {
    const html = renderMarkdown(
      '<iframe src="https://evil.example"></iframe>\n\n<img src=x onerror="alert(1)">',
    );
    expect(html).not.toMatch(/<iframe|<img/i);
  });

  it('drops javascript:, data: and obfuscated link targets but keeps the text', () => {
    for (const target of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      const html = renderMarkdown(`[clic](${target})`);
      expect(html).toBe(`<p><a rel="${LINK_REL}">clic</a></p>`);
    }
    expect(renderMarkdown('[clic](&#106;avascript:alert(1))')).not.toMatch(/href/);
    expect(renderMarkdown('<javascript:alert(1)>')).not.toMatch(/href="javascript/i);
  });

  it('keeps http, https and mailto links with rel="noopener noreferrer nofollow"', () => {
    expect(renderMarkdown('[ORIS](https://oris.example/a?b=1)')).toBe(
      `<p><a href="https://oris.example/a?b=1" rel="${LINK_REL}">ORIS</a></p>`,
    );
    expect(renderMarkdown('[web](http://oris.example)')).toContain('href="http://oris.example"');
    expect(renderMarkdown('[mail](mailto:contact@oris.example)')).toContain(
      'href="mailto:contact@oris.example"',
    );
  });

  it('drops relative and protocol-relative link targets', () => {
    expect(renderMarkdown('[a](/admin)')).not.toMatch(/href/);
    expect(renderMarkdown('[a](//evil.example)')).not.toMatch(/href/);
  });

  it('keeps https images and drops other image sources', () => {
    expect(renderMarkdown('![schéma](https://oris.example/s.png)')).toBe(
      '<p><img src="https://oris.example/s.png" alt="schéma" /></p>',
    );
    expect(renderMarkdown('![x](javascript:alert(1))')).not.toMatch(/src=/);
    expect(renderMarkdown('![x](http://tracker.example/p.gif)')).not.toMatch(/src=/);
  });

  it('escapes attribute breakouts in link titles', () => {
    const html = renderMarkdown('[a](https://oris.example "x\\" onmouseover=\\"alert(1)")');
    expect(html).toContain('title="x&quot; onmouseover=&quot;alert(1)"');
    expect(html).not.toMatch(/" onmouseover=/);
  });

  it('renders an empty or blank source as an empty string', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('  \n ')).toBe('');
  });
});
