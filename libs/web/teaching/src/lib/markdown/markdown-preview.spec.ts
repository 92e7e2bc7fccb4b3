import { renderMarkdownPreview as preview } from './markdown-preview';

describe('renderMarkdownPreview', () => {
  it('renders headings, paragraphs and emphasis', () => {
    expect(preview('# Entrepreneuriat social\n\nUn **modèle** _hybride_.')).toBe(
      '<h1>Entrepreneuriat social</h1>\n<p>Un <strong>modèle</strong> <em>hybride</em>.</p>',
    );
  });

  it('renders bulleted and numbered lists', () => {
    expect(preview('- idée\n- marché\n\n1. tester\n2. mesurer')).toBe(
      '<ul><li>idée</li><li>marché</li></ul>\n<ol><li>tester</li><li>mesurer</li></ol>',
    );
  });

  it('joins the lines of a paragraph', () => {
    expect(preview('une ligne\net la suite')).toBe('<p>une ligne et la suite</p>');
  });

  it('shows raw HTML as text', () => {
    const html = preview('<script>alert(1)</script> <img src=x onerror="alert(2)">');

    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>',
    );
  });

  it('links only to web and mail addresses', () => {
    expect(preview('[guide](https://oris.example/guide)')).toBe(
      '<p><a href="https://oris.example/guide" rel="noopener noreferrer nofollow">guide</a></p>',
    );
    expect(preview('[piège](javascript:void)')).toBe('<p>piège</p>');
    expect(preview('[mail](mailto:contact@oris.example)')).toContain(
      'href="mailto:contact@oris.example"',
    );
  });

  it('cannot break out of a link attribute', () => {
    const html = preview('[x](https://a.example/"onmouseover="alert(1))');

    expect(html).not.toContain('"onmouseover');
    expect(html).toContain('&quot;onmouseover=&quot;');
  });

  it('leaves the underscores of an address alone', () => {
    expect(preview('[le_guide](https://oris.example/mon_guide_2026.pdf)')).toBe(
      '<p><a href="https://oris.example/mon_guide_2026.pdf" rel="noopener noreferrer nofollow">le_guide</a></p>',
    );
  });

  it('shows images only from https addresses', () => {
    expect(preview('![plan](https://oris.example/plan.png)')).toBe(
      '<p><img src="https://oris.example/plan.png" alt="plan"></p>',
    );
    expect(preview('![plan](http://oris.example/plan.png)')).toBe('<p>plan</p>');
  });

  it('leaves code as written', () => {
    expect(preview('`**a**` and\n\n```\n<b>*x*</b>\n```')).toBe(
      '<p><code>**a**</code> and</p>\n<pre><code>&lt;b&gt;*x*&lt;/b&gt;</code></pre>',
    );
  });

  it('renders quotes and rules', () => {
    expect(preview('> une citation\n\n---')).toBe(
      '<blockquote><p>une citation</p></blockquote>\n<hr>',
    );
  });

  it('renders nothing for empty text', () => {
    expect(preview('  \n ')).toBe('');
  });
});
