import { Client } from 'pg';
import { buildSearchStatement } from '../libs/api/search/src/query/search-sql';
async function main() {
  const client = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/oris_bench_86ed5d011c' });
  await client.connect();
  const cases: Record<string, unknown>[] = [
    { q: 'coopératives agricoles' },
    { q: 'cooperatvies' },
    { q: 'التعاونيات الفلاحية' },
    { q: 'apiculture' },
    { types: ['practice'], regions: ['MA-01'] },
  ];
  for (const c of cases) {
    const s = buildSearchStatement({ types: [], regions: [], themes: [], populations: [], evidence: [], language: 'fr', page: 1, pageSize: 20, ...c } as never);
    const started = performance.now();
    const r = await client.query(s.sql, s.params);
    const t1 = performance.now() - started;
    const e = await client.query('EXPLAIN (ANALYZE, BUFFERS) ' + s.sql, s.params);
    console.log(JSON.stringify(c), r.rows[0].total, `${t1.toFixed(0)} ms`);
    if (process.env.PLAN) console.log(e.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
  }
  await client.end();
}
main();
