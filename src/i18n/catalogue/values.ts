// How a setting's value reads in a sentence or a chart marker: on/off, and a change from one value
// to another ("β2 0.999 → 0.9"). Numbers stay as the link writes them; option names come from `settings`.
const en = {
  on: 'on',
  off: 'off',
  change: (label: string, from: string, to: string) => `${label} ${from} → ${to}`,
};

const zh: typeof en = {
  on: '开',
  off: '关',
  change: (label: string, from: string, to: string) => `${label} ${from} → ${to}`,
};

export const values = { en, zh };
