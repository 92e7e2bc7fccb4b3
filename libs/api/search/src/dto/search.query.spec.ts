import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SearchQuery } from './search.query';

const check = (query: Record<string, unknown>) => {
  const dto = plainToInstance(SearchQuery, query);
  return { dto, errors: validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }) };
};

describe('SearchQuery', () => {
  it('reads repeated and comma-separated facet values as one list', () => {
    const { dto, errors } = check({ type: ['tool', 'course,practice'], evidence: '3,4' });
    expect(errors).toEqual([]);
    expect(dto.type).toEqual(['tool', 'course', 'practice']);
    expect(dto.evidence).toEqual([3, 4]);
  });

  it('defaults to the first page of 20', () => {
    const { dto } = check({});
    expect(dto).toMatchObject({ page: 1, pageSize: 20 });
  });

  it.each([
    ['an unpaired high surrogate', { q: 'a\uD800b' }],
    ['an unpaired low surrogate', { q: '\uDC00' }],
    ['a NUL', { q: 'a\u0000' }],
    ['an unknown kind', { type: 'podcast' }],
    ['an evidence level that is no number', { evidence: 'high' }],
    ['page 0', { page: '0' }],
    ['a page past the deepest', { page: '501' }],
  ])('refuses %s', (_case, query) => {
    expect(check(query).errors).not.toEqual([]);
  });

  it('accepts Arabic with the direction marks copied text carries', () => {
    expect(check({ q: '\u200Fالتعاونيات\u200E' }).errors).toEqual([]);
  });
});
