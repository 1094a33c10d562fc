// How many times each chart has rendered: browser tests read it (through the page's test hooks) to
// check that a slider key redraws no chart. Counting costs one increment per render.

export type CountedChart = 'loss' | 'accuracy' | 'internals';

export const chartRenders: Record<CountedChart, number> = { loss: 0, accuracy: 0, internals: 0 };

export function countRender(chart: CountedChart): void {
  chartRenders[chart]++;
}
