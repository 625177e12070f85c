import { queryLatency } from '../bench/first-search.ts';
const [dist, ...queries] = process.argv.slice(2);
for (const order of ['relevance', 'date'] as const) console.log(order, (await queryLatency(dist, queries, order))!.map((t) => t.toFixed(0)));
