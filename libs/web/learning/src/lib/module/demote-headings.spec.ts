import { demoteHeadings } from './demote-headings';

describe('demoteHeadings', () => {
  it('puts every heading of the content one level under the page title', () => {
    expect(demoteHeadings('<h1 id="a">Titre</h1><p>x</p><h2>Partie</h2>')).toBe(
      '<h2 id="a">Titre</h2><p>x</p><h3>Partie</h3>',
    );
  });

  it('leaves the deepest level and everything else as it is', () => {
    expect(demoteHeadings('<h6>Fin</h6><header>h1</header><p>h1 et <hr></p>')).toBe(
      '<h6>Fin</h6><header>h1</header><p>h1 et <hr></p>',
    );
    expect(demoteHeadings('<H3>Grand</H3>')).toBe('<h4>Grand</h4>');
  });
});
